"""The end of a campaign: the outcome, the score against each objective, the charts, the story."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from game.engine.queries import turning_points
from game.format.dates import year_fraction
from game.tui.screens.base import CampaignScreen
from game.tui.text import NEWS_MARK
from game.tui.widgets.line_chart import LineChart

OUTCOME = {"won": "★ Campaign won", "finished": "◇ Campaign over", "lost": "✗ Campaign lost"}


class DebriefScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Dashboard"),
        Binding("n", "app.new_campaign", "New campaign", tooltip="asks first while the campaign is on"),
        Binding("t", "timeline", "Timeline"),
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
            with Grid(id="charts"):
                yield LineChart("Money (M$)", years, [s.money for s in history], id="chart-money")
                yield LineChart("Science", years, [s.science for s in history], id="chart-science")
                yield LineChart("Prestige", years, [s.prestige for s in history], id="chart-prestige")
            yield Static(self._story(game), id="story", markup=False)
        yield Footer()
        self.sub_title = f"{cs.agencies[game.player].short} · {cs.scenario.title}"

    def _outcome(self, game) -> Content:
        state = game.state
        head = OUTCOME.get(state.outcome, "Campaign under way")
        return Content("\n").join(
            [
                Content.assemble(
                    (head, "bold"), f" · {'final score' if state.over else 'score so far'} {game.score():.0f}"
                ),
                Content(state.outcome_reason or "The campaign is not over yet."),
            ]
        )

    def _score(self, game) -> Content:
        lines = [Content.assemble(("Objectives", "bold underline"))]
        for row in game.breakdown():
            mark = "✓" if row.achieved else ("~" if row.points else "✗")
            style = "$text-success" if row.achieved else "$text-warning" if row.points else "$text-error"
            lines.append(
                Content.assemble(
                    (f" {mark} ", style),
                    f"{row.name:<32} ",
                    (f"{row.points:>5.1f} / {row.max_points:<5.0f}", "bold"),
                    (f" {row.detail}", "$text-muted"),
                )
            )
        return Content("\n").join(lines)

    def _story(self, game) -> Content:
        points = turning_points(game.reports, game.date)
        lines = [Content.assemble(("Turning points", "bold underline"))]
        for point in points:
            lines.append(
                Content.assemble(
                    (f" {point.date} ", "$text-muted"), f"{NEWS_MARK.get(point.kind, '·')} {point.text}"
                )
            )
        if not points:
            lines.append(Content(" A quiet campaign."))
        return Content("\n").join(lines)

    def action_timeline(self) -> None:
        from game.tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen())
