"""The end of a campaign: the outcome, the score against each objective, the charts, the story."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Header, ProgressBar, Static

from game.engine.goals import goals_view, whole_points
from game.engine.queries import ending_of, turning_points
from game.format.dates import year_fraction
from game.i18n import N_, _, tr
from game.sim.reference import REFERENCE_SEEDS, Comparison, compare, reference_tasks
from game.tui.screens.base import CampaignScreen
from game.tui.text import NEWS_MARK, figure, hanging, level_label, points
from game.tui.widgets.footer import Footer
from game.tui.widgets.goals_panel import points_text
from game.tui.widgets.line_chart import LineChart

#: The most columns an objective's name takes in the debrief's table (longer names end in '…').
NAME_WIDTH = 35

OUTCOME = {"won": N_("★ Campaign won"), "finished": N_("◇ Campaign over"), "lost": N_("✗ Campaign lost")}


class DebriefScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Dashboard"),
        Binding("n", "app.new_campaign", "New campaign", tooltip="asks first while the campaign is on"),
        Binding("c", "compare", "Compare"),
        Binding("t", "timeline", "Timeline"),  # the footer leaves it out first at 80 columns
    ]

    def compose(self) -> ComposeResult:
        game = self.game
        state, cs = game.state, game.compiled
        history = state.history
        years = [year_fraction(s.month) for s in history]
        yield Header()
        with VerticalScroll(id="debrief"):
            yield Static(self._outcome(game), id="outcome", markup=False)
            yield Static(self._score(game), id="score", markup=False)
            yield Static(self._compare_offer(game), id="reference", markup=False)
            yield ProgressBar(id="reference-progress", show_eta=False)
            with Grid(id="charts"):
                yield LineChart(_("Money (M$)"), years, [s.money for s in history], id="chart-money")
                yield LineChart(_("Science"), years, [s.science for s in history], id="chart-science")
                yield LineChart(_("Prestige"), years, [s.prestige for s in history], id="chart-prestige")
            yield Static(self._story(game), id="story", markup=False)
        yield Footer()
        self.sub_title = f"{tr(cs.agencies[game.player].short)} · {tr(cs.scenario.title, 'title')}"

    def _outcome(self, game) -> Content:
        state, scenario = game.state, game.compiled.scenario
        head = _(OUTCOME[state.outcome]) if state.outcome in OUTCOME else _("Campaign under way")
        score = _("final score {score}") if state.over else _("score so far {score}")
        whole = whole_points(game.compiled)
        shown = points(game.score(), whole)
        level = scenario.difficulty(game.compiled.difficulty)
        played = _("difficulty {level}").format(level=level_label(level)) if level is not None else ""
        lines = [
            Content.assemble(
                (head, "bold"),
                " · " + score.format(score=shown),
                (" · " + played if played else "", "$text-muted"),
            )
        ]
        ending = ending_of(state, game.compiled)
        if ending is not None:  # one of the scenario's own endings: its title, then its story
            lines.append(Content.styled(tr(ending.title, f"endings.{ending.id}.title"), "bold"))
            if ending.text:
                lines.append(Content(tr(ending.text, f"endings.{ending.id}.text")))
        elif state.outcome in ("won", "finished"):  # ended by the calendar: the score, as shown above
            needed = points(game.compiled.victory_score(game.player), whole)
            lines.append(Content(_("{score} of {needed} needed to win").format(score=shown, needed=needed)))
        else:
            lines.append(Content(tr(state.outcome_reason) or _("The campaign is not over yet.")))
        return Content("\n").join(lines)

    def _score(self, game, width: int = 0) -> Content:
        """The objectives' table; a long detail runs on under the details' column, not at the edge."""
        lines = [Content.assemble((_("Objectives"), "bold underline"))]
        views = {view.id: view for view in goals_view(game.state, game.compiled).objectives}
        rows = game.breakdown()
        name_width = min(NAME_WIDTH, max((len(tr(row.name)) for row in rows), default=0))
        for row in rows:
            name = tr(row.name)
            name = name if len(name) <= name_width else name[: name_width - 1] + "…"
            earned = points_text(views[row.id])
            mark = "✓" if row.achieved else ("~" if row.points else "✗")
            style = "$text-success" if row.achieved else "$text-warning" if row.points else "$text-error"
            row_line = Content.assemble(
                (f" {mark} ", style),
                f"{name:<{name_width}} ",
                (f"{earned:>7}", "bold"),
                (f" {tr(row.detail)}", "$text-muted"),
            )
            lines.extend(hanging(row_line, width, 3 + name_width + 1 + 7 + 1))
        return Content("\n").join(lines)

    def _seed_range(self) -> str:
        return f"{REFERENCE_SEEDS.start}-{REFERENCE_SEEDS.stop - 1}"

    def _compare_offer(self, game) -> Content:
        count = len(reference_tasks(game.compiled, game.player))
        return Content.assemble(
            (_("Against the reference strategies"), "bold underline"),
            "\n",
            (
                _("c: play {count} reference campaigns (the scenario's strategies, seeds {seeds})").format(
                    count=count, seeds=self._seed_range()
                ),
                "$text-muted",
            ),
        )

    def action_compare(self) -> None:
        """Play the reference campaigns off the interface thread, with a progress bar."""
        game = self.game
        bar = self.query_one("#reference-progress", ProgressBar)
        if bar.total is not None:  # under way or done already
            return
        bar.update(total=len(reference_tasks(game.compiled, game.player)), progress=0)
        bar.display = True
        self._compare(game.compiled, game.player, game.score())

    @work(thread=True, exclusive=True, group="reference")
    def _compare(self, compiled, agency: str, score: float) -> None:
        bar = self.query_one("#reference-progress", ProgressBar)

        def advance(done: int) -> None:
            self.app.call_from_thread(bar.advance, done)

        results = compare(compiled, agency, score, progress=advance)
        self.app.call_from_thread(self._show_comparison, results, score)

    def _show_comparison(self, results: list[Comparison], score: float) -> None:
        self.query_one("#reference-progress", ProgressBar).display = False
        lines = [
            Content.assemble(
                (_("Against the reference strategies"), "bold underline"),
                (
                    " "
                    + _("(seeds {seeds}, your score {score})").format(
                        seeds=self._seed_range(), score=points(score, whole_points(self.game.compiled))
                    ),
                    "$text-muted",
                ),
            )
        ]
        for row in results:
            lines.append(
                Content.assemble(
                    f" {row.strategy:<10} ",
                    (_("better than {share} of its campaigns").format(share=f"{row.below:.0%}"), "bold"),
                    (
                        " · " + _("as good as {share}").format(share=f"{row.equal:.0%}") if row.equal else "",
                        "$text-muted",
                    ),
                    (" · " + _("its mean {mean}").format(mean=figure(row.mean)), "$text-muted"),
                )
            )
        self.query_one("#reference", Static).update(Content("\n").join(lines))

    def on_mount(self) -> None:
        self.call_after_refresh(self.on_resize)  # the story wrapped once its width is known

    def on_resize(self) -> None:
        """A long turning point or objective's detail runs on under its own text, not back at the
        left edge."""
        story = self.query_one("#story", Static)
        story.update(self._story(self.game, story.content_region.width))
        score = self.query_one("#score", Static)
        score.update(self._score(self.game, score.content_region.width))

    def _story(self, game, width: int = 0) -> Content:
        points = turning_points(game.reports, game.date)
        lines = [Content.assemble((_("Turning points"), "bold underline"))]
        for point in points:
            head = f" {point.date} "
            mark = f"{NEWS_MARK.get(point.kind, '·')} "
            line = Content.assemble((head, "$text-muted"), mark + tr(point.text))
            lines.extend(hanging(line, width, cell_len(head + mark)))
        if not points:
            lines.append(Content(" " + _("A quiet campaign.")))
        return Content("\n").join(lines)

    def action_timeline(self) -> None:
        from game.tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen())
