"""The agency dashboard: the player's figures, the programmes and the go-alone path, the news.

Every figure shows its change over the last turn with ▲/▼; clicking it (or Enter on it,
or W for all of them) shows the engine's reasons. Refreshing only updates a few Statics,
so a turn advances without a visible pause.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from game.engine.budget_plan import budget_plan
from game.engine.deals import offers_waiting
from game.engine.goals import goals_view
from game.engine.queries import (
    budget_view,
    go_alone_view,
    milestone_views,
    modifier_views,
    net_changes,
    programme_views,
    stat_name,
    visible_programmes,
)
from game.format.dates import format_date
from game.i18n import _, ngettext, tr
from game.tui.layout import is_tall, is_wide
from game.tui.memory import TurnMemory
from game.tui.screens.base import CampaignScreen
from game.tui.screens.budget import clawback_warning, shortfall_warning
from game.tui.text import (
    delta,
    figure,
    fitting,
    level_label,
    money,
    played_level,
    shown,
    signed,
    signed_figure,
    stat_change,
    unit,
)
from game.tui.widgets.figure import FigureCell
from game.tui.widgets.footer import Footer
from game.tui.widgets.gantt import Calendar, GanttChart, GanttRow
from game.tui.widgets.go_alone_card import GoAloneCard
from game.tui.widgets.goals_panel import GoalsPanel
from game.tui.widgets.modifier_bar import ModifierBar
from game.tui.widgets.news_feed import NewsFeed
from game.tui.widgets.programme_card import ProgrammeCard

GO_ALONE = "go_alone"
CARD_SHORT, CARD_TALL, CARD_LEAST = 10, 11, 5  # a programme card's rows, borders included
NEWS_ROOM = 5  # the news lines the dashboard keeps, however many programmes there are


#: The keys of the programme cards and their actions (one description: the key says which card).
CARD_KEYS = [(str(n), f"card({n})") for n in range(1, 10)]


class DashboardScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "end_turn", "End turn"),
        Binding("d", "decisions", "Decide"),
        Binding("j", "join", "Join", show=False),  # the cards (1-9) join too: the footer fits 80 with M
        Binding("w", "why", "Why?", show=False),  # the turn line says "w why"; figures are clicked
        Binding("o", "objectives", "Goals"),
        Binding("c", "corps", "Corps"),
        Binding("l", "flights", "Flights", show=False),  # the go-alone card says "(l)" when one waits
        Binding("m", "budget", "Budget"),
        Binding("n", "deals", "Deals", show=False),  # the turn line says "n deals" while an offer waits
        # The footer leaves out the shown keys from the right where they do not fit (80 columns):
        # the timeline first (the help lists it).
        Binding("t", "timeline", "Timeline"),
        Binding("f", "outlook", "Outlook", show=False),  # where each road leads: the footer must fit 80
        Binding("p", "research", "Research", show=False),  # the go-alone card says "(p)" with a tree
        Binding("r", "relations", "Relations", show=False),  # the relations figure says "(r)"
        Binding("v", "rivals", "Rivals", show=False),  # the race for firsts: the footer must fit 80
        Binding("b", "debrief", "Debrief (so far)", show=False),  # offered on the turn line at the end
        Binding("f1", "app.help", "Help"),  # first of the app's keys, so it shows at 80 columns
        Binding(
            "ctrl+s", "app.save", "Save", show=False, tooltip="while a campaign is played"
        ),  # saved every turn: the footer must fit 80
        *(Binding(key, action, "Open card", show=False) for key, action in CARD_KEYS),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.memory = TurnMemory()
        self.modifier_lines = 0  # the lines the timed modifiers take under the turn line
        self.budget_checked = -1  # the turn whose budget plan was last checked for a year short

    # ---- layout
    def compose(self) -> ComposeResult:
        game = self.game
        cs = game.compiled
        yield Header()
        with Vertical(id="dashboard"):
            with Grid(id="figures"):
                yield FigureCell("money", _("Money"), id="fig-money")
                yield FigureCell("income", _("Income"), id="fig-income")
                yield FigureCell("committed", _("Committed"), id="fig-committed")
                yield FigureCell("science", _("Science"), id="fig-science")
                yield FigureCell("prestige", _("Prestige"), id="fig-prestige")
                yield FigureCell("support", _("Support"), id="fig-support")
                yield FigureCell("astronauts", _("Astronauts"), id="fig-astronauts")
                for aid in self.relation_order():
                    yield FigureCell(
                        f"relation:{aid}",
                        f"⇄{tr(cs.agencies[aid].short)}",
                        id=f"fig-relation-{aid}",
                        classes="relation",
                    )
                yield FigureCell("relations", "⇄", id="fig-relations")
            yield Static(id="turn-line", markup=False)
            yield ModifierBar(id="modifiers", markup=False)
            self.programme_ids = visible_programmes(game.state, cs)
            with Grid(id="cards"):
                for index, pid in enumerate(self.programme_ids, start=1):
                    yield ProgrammeCard(pid, index, id=f"card-{pid}")
                yield GoAloneCard(GO_ALONE, len(self.programme_ids) + 1, id="card-go-alone")
            with Horizontal(id="lower"):
                yield NewsFeed(id="news")
                yield GoalsPanel(id="goals", markup=False)
                with VerticalScroll(id="dash-timeline"):
                    yield GanttChart(id="dash-gantt")
        yield Footer(compact=True)

    def relation_order(self) -> list[str]:
        """Other agencies, the programmes' leads first, then by how much the relation matters."""
        game = self.game
        state, cs = game.state, game.compiled
        leads = [lead for p in state.programmes.values() for lead in p.leads if lead != game.player]
        others = sorted(
            (aid for aid in cs.agencies if aid != game.player and aid not in leads),
            key=lambda aid: -abs(state.relation(game.player, aid)),
        )
        return list(dict.fromkeys(leads)) + others

    def on_resize(self) -> None:
        self._fit_cards()
        self.refresh_view()

    def _fit_cards(self) -> None:
        """Up to four cards a row; when two rows of full cards would leave no room for the news
        (five programmes at 80x24), the cards give up height so at least NEWS_ROOM lines stay."""
        count = len(self.programme_ids) + 1
        columns = min(4, count)
        rows = -(-count // columns)
        height = CARD_TALL if is_tall(self.size) else CARD_SHORT
        figures = self.query_one("#figures", Grid).outer_size.height or 4
        fixed = 1 + figures + 1 + self.modifier_lines + 1  # header, figures, turn line, modifiers, footer
        if self.size.height and fixed + rows * height + NEWS_ROOM > self.size.height:
            height = max(CARD_LEAST, (self.size.height - fixed - NEWS_ROOM) // rows)
        cards = self.query_one("#cards", Grid)
        cards.styles.grid_size_columns = columns
        cards.styles.grid_rows = str(height)

    def _fit_relations(self) -> None:
        """Show as many relations as fit in the rows of figures; 'all' opens the full list.

        Narrow screens have three columns (a figure and its change fit in 25 cells, not in 19)
        and one more row; wide ones six.
        """
        wide = is_wide(self.size)
        rows = (4 if is_tall(self.size) else 3) + (0 if wide else 1)
        room = (6 if wide else 3) * rows - 8
        cells = list(self.query(".relation"))
        for index, cell in enumerate(cells):
            cell.display = index < room
        hidden = max(0, len(cells) - room)
        more = self.query_one("#fig-relations", FigureCell)
        more.show(
            _("+{count} more").format(count=hidden) if hidden else _("all (r)"),
            Content(""),
            _("All relations (r)"),
        )

    def on_mount(self) -> None:
        self._fit_cards()
        self.refresh_view()
        self.cislunar.screen_ready(self)

    async def _lay_out_cards_anew(self) -> None:
        """The programmes the player knows of changed: compose the screen again, one card each."""
        await self.recompose()
        self._fit_cards()
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # ---- drawing
    def refresh_view(self) -> None:
        """Redraw every figure, card and the news from the engine's state."""
        game = self.game
        state, cs = game.state, game.compiled
        if visible_programmes(state, cs) != self.programme_ids:
            self.call_later(self._lay_out_cards_anew)  # a programme was announced: it gets its card
            return
        me = state.me
        self.sub_title = _("{agency} · {date} · turn {turn} of {turns}").format(
            agency=tr(cs.agencies[game.player].short),
            date=game.date,
            turn=state.turn + 1,
            turns=game.turns_total,
        )
        level = played_level(cs)
        if level is not None:  # the scenario's default level goes without saying
            self.sub_title += " · " + level_label(level)
        report = game.reports[-1] if game.reports else None
        last = net_changes(report.new_changes()) if report else {}
        budget = budget_view(state, cs)
        self._figure(
            "money", money(budget.money), stat_change("money", last.get("money", 0), with_unit=False)
        )
        income = self.memory.delta("income", budget.income, state.turn)
        self._figure(
            "income",
            _("{money}/yr").format(money=money(budget.income)),
            delta(income, as_money=True),
            _("This year's appropriation; click for the budget"),
        )
        year_end = format_date(state.month + (budget.turns_left_in_year - 1) * cs.turn_months, cs.turn_months)
        self._figure(
            "committed",
            money(budget.committed_year),
            delta(
                self.memory.delta("committed", budget.committed_year, state.turn),
                higher_is_better=False,
                as_money=True,
            ),
            "\n".join(
                _("{name}: {now} now, {year} by {date}").format(
                    name=tr(name), now=money(turn), year=money(year), date=year_end
                )
                for name, turn, year in budget.commitments
            )
            or _("No builds under way."),
        )
        self._figure("science", figure(me.science), delta(last.get("science", 0)))
        self._figure("prestige", figure(me.prestige), delta(last.get("prestige", 0)))
        self._figure("support", f"{figure(me.support)}%", delta(last.get("support", 0)))
        self._figure("astronauts", str(me.astronauts), delta(last.get("astronauts", 0)))
        for aid in cs.agencies:
            if aid != game.player:
                stat = f"relation:{aid}"
                relation = signed_figure(state.relation(game.player, aid))  # as precise as its change
                self._figure(stat, relation, delta(last.get(stat, 0)))
        self._fit_relations()
        self._turn_line()
        self._warn_of_a_short_year()
        self._modifiers()
        self._cards()
        self.query_one("#news", NewsFeed).show(game.reports, game.date, state.news)
        self.query_one("#goals", GoalsPanel).show(goals_view(state, cs))
        if is_wide(self.size):  # the timeline beside the news only where there is room
            rows = [
                GanttRow(tr(cs.programmes[pid].model.short), milestone)
                for pid in self.programme_ids
                for milestone in milestone_views(state, cs, pid)
            ]
            calendar = Calendar(cs.start, cs.end, state.month, cs.turn_months)
            self.query_one("#dash-gantt", GanttChart).show(rows, calendar)

    def _figure(self, stat: str, value: str, change: Content, tooltip: str | None = None) -> None:
        cell = self.query_one(f"#fig-{stat.replace(':', '-')}", FigureCell)
        if tooltip is None:
            report = self.game.reports[-1] if self.game.reports else None
            reasons = [c for c in (report.new_changes() if report else []) if c.stat == stat]
            changes = [f"{tr(c.reason)}: {signed(shown(stat, c.delta), unit(stat))}" for c in reasons]
            tooltip = "\n".join(changes)
        cell.show(value, change, tooltip)

    def _label(self, stat: str) -> str:
        """A stat as its figure names it ('⇄CNSA'), so the turn line fits where the figures do."""
        cells = self.query(f"#fig-{stat.replace(':', '-')}")
        return cells.first(FigureCell).label if cells else tr(stat_name(stat, self.game.compiled))

    def _turn_line(self) -> None:
        game = self.game
        state = game.state
        line = self.query_one("#turn-line", Static)
        if state.over:
            line.update(
                Content.assemble(
                    (_("★ Campaign over: "), "bold"),
                    tr(state.outcome_reason),
                    (_("  b: debrief"), "$text-muted"),
                )
            )
            return
        now = net_changes(state.changes)
        waiting = len(offers_waiting(state))
        offers = (  # an offer lapses unanswered: it is said wherever the line is, and not muted
            ngettext("n: {count} offer waiting", "n: {count} offers waiting", waiting).format(count=waiting)
            if waiting
            else ""
        )
        if not now:
            line.update(self._your_move(offers, bool(state.flights)))
            return
        line.update(self._so_far(offers, now), layout=False)

    def _so_far(self, offers: str, now: dict[str, float]) -> Content:
        """'This turn so far:' and each figure's change, as many whole as fit (the offers first):
        a change is left out, with '…' in its place, rather than cut mid-number at the edge
        (w shows them all)."""
        head = Content.assemble(
            (offers + " · ", "bold $text-warning") if offers else "", (_("This turn so far: "), "bold")
        )
        room = self.size.width - 2 - head.cell_length  # the line's padding, one cell each side
        changes = [
            Content.assemble(self._label(stat), " ", stat_change(stat, value)) for stat, value in now.items()
        ]
        kept: list[Content] = []
        for index, change in enumerate(changes):
            more = index + 1 < len(changes)
            used = sum(c.cell_length + 2 for c in kept) + change.cell_length + (3 if more else 0)
            if self.size.width and used > room:
                kept.append(Content("…"))
                break
            kept.append(change)
        return head + Content("  ").join(kept)

    def _your_move(self, offers: str, flights: bool) -> Content:
        """'Your move:' and the keys to play it, the least needed left out first where the line
        would be cut (80 columns in Russian): the offers waiting and the end of the turn stay."""
        start = _("Your move: ")
        hints = [
            (offers, 9),
            (_("d decisions"), 4),
            (_("1-9 a programme"), 3),
            (_("w why"), 1),
            (_("e end turn"), 5),
            (_("l flights") if flights else "", 2),
        ]
        room = self.size.width - 2 - cell_len(start)  # the line's padding, one cell each side
        kept = fitting([(text, priority) for text, priority in hints if text], room)
        told = bool(offers) and kept[0] == offers
        return Content.assemble(
            (start, "bold"),
            (offers + (" · " if len(kept) > 1 else ""), "bold $text-warning") if told else "",
            (" · ".join(kept[1:] if told else kept), "$text-muted"),
        )

    def _warn_of_a_short_year(self) -> None:
        """Once a turn, a notice when the budget plan finds a year the agency cannot pay, or
        money the treasury claws back at the end of this turn (a new player lost 542 M$ unwarned)."""
        state = self.game.state
        if self.budget_checked == state.turn or state.over:
            return
        self.budget_checked = state.turn
        plan = budget_plan(state, self.game.compiled)
        left = budget_view(state, self.game.compiled).turns_left_in_year
        warning = shortfall_warning(plan) or clawback_warning(plan, left)
        if warning:
            self.notify(
                warning + " " + _("Press m for the budget."), title=_("Budget"), severity="warning", timeout=8
            )

    def _modifiers(self) -> None:
        """The timed modifiers under way; the cards give up the lines they take (or get them back)."""
        game = self.game
        views = modifier_views(game.state, game.compiled)
        roomy = is_wide(self.size) and is_tall(self.size)
        lines = self.query_one("#modifiers", ModifierBar).show(views, roomy)
        if lines != self.modifier_lines:
            self.modifier_lines = lines
            self._fit_cards()

    def _cards(self) -> None:
        game = self.game
        state, cs = game.state, game.compiled
        dates: dict[int, str] = {}
        for view in programme_views(state, cs):
            if view.next is not None:
                for month in (view.next.due, view.next.planned):
                    dates[month] = format_date(month, cs.turn_months)
            change = self.memory.delta(f"health:{view.id}", view.health, state.turn)
            self.query_one(f"#card-{view.id}", ProgrammeCard).show(view, dates, change)
        card = self.query_one("#card-go-alone", GoAloneCard)
        inside = card.content_region.height or (9 if is_tall(self.size) else 8)
        card.show_path(go_alone_view(state, cs), max(1, inside - 3))  # crew, '+N more', skills

    # ---- reacting
    def on_figure_cell_explain(self, event: FigureCell.Explain) -> None:
        if event.stat == "relations":
            self.action_relations()
            return
        from game.tui.screens.reasons import ReasonsScreen

        self.app.push_screen(ReasonsScreen(event.stat))

    def action_relations(self) -> None:
        from game.tui.screens.relations import RelationsScreen

        self.app.push_screen(RelationsScreen())

    def on_programme_card_open(self, event: ProgrammeCard.Open) -> None:
        if event.target == GO_ALONE:
            self.action_go_alone()
        else:
            self.open_programme(event.target)

    def open_programme(self, pid: str) -> None:
        from game.tui.screens.join import JoinScreen

        self.app.push_screen(JoinScreen(pid))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end_turn":
            return None if self.game.over else True
        return True

    def action_end_turn(self) -> None:
        self.cislunar.end_turn()

    def action_decisions(self) -> None:
        from game.tui.screens.decisions import DecisionsScreen

        self.app.push_screen(DecisionsScreen())

    def action_go_alone(self) -> None:
        from game.tui.screens.decisions import DecisionsScreen
        from game.tui.screens.flights import FLIGHT_KINDS
        from game.tui.screens.research import RESEARCH_KINDS

        self.app.push_screen(DecisionsScreen(kinds=("mission", "invest", *RESEARCH_KINDS, *FLIGHT_KINDS)))

    def action_research(self) -> None:
        from game.tui.screens.research import ResearchScreen

        self.app.push_screen(ResearchScreen())

    def action_flights(self) -> None:
        from game.tui.screens.flights import FlightsScreen

        self.app.push_screen(FlightsScreen())

    def action_join(self) -> None:
        from game.tui.screens.programme_pick import ProgrammePickScreen

        def chosen(pid: str | None) -> None:
            if pid == GO_ALONE:
                self.action_go_alone()
            elif pid:
                self.open_programme(pid)

        self.app.push_screen(ProgrammePickScreen(), chosen)

    def action_card(self, number: int) -> None:
        programmes = self.programme_ids
        if 1 <= number <= len(programmes):
            self.open_programme(programmes[number - 1])
        elif number == len(programmes) + 1:
            self.action_go_alone()

    def action_timeline(self) -> None:
        from game.tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen())

    def on_goals_panel_open(self) -> None:
        self.action_objectives()

    def action_objectives(self) -> None:
        from game.tui.screens.objectives import ObjectivesScreen

        self.app.push_screen(ObjectivesScreen())

    def action_corps(self) -> None:
        from game.tui.screens.corps import CorpsScreen

        self.app.push_screen(CorpsScreen())

    def action_rivals(self) -> None:
        from game.tui.screens.rivals import RivalsScreen

        self.app.push_screen(RivalsScreen())

    def action_deals(self) -> None:
        from game.tui.screens.deals import DealsScreen

        self.app.push_screen(DealsScreen())

    def action_budget(self) -> None:
        from game.tui.screens.budget import BudgetScreen

        self.app.push_screen(BudgetScreen())

    def action_outlook(self) -> None:
        from game.tui.screens.outlook import OutlookScreen

        self.app.push_screen(OutlookScreen())

    def action_why(self) -> None:
        from game.tui.screens.reasons import ReasonsScreen

        self.app.push_screen(ReasonsScreen(None))

    def action_debrief(self) -> None:
        self.cislunar.show_debrief()
