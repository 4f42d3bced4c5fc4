"""The astronaut corps: each astronaut's readiness, training, assignment and flights, and the
keys that train, assign and select them (each one an engine action)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from game.engine.actions import Action
from game.engine.corps_view import AstronautRow, CorpsView, corps_view
from game.i18n import N_, _, ngettext, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import money
from game.tui.widgets.footer import Footer

STATUS_WORD = {"active": N_("active"), "lost": N_("lost"), "retired": N_("retired")}
COLUMNS = (
    N_("#"),
    N_("Astronaut"),
    N_("Ready"),
    N_("Training"),
    N_("Assigned to"),
    N_("Flights"),
    N_("Loss risk"),
)


def summary(view: CorpsView) -> Content:
    """What is under way in the corps and what its actions cost."""
    active = sum(1 for row in view.rows if row.status == "active")
    parts = [
        ngettext("{active} active astronaut", "{active} active astronauts", active).format(active=active)
    ]
    if view.selection_turns:
        parts.append(
            ngettext(
                "selection round: {turns} turn left",
                "selection round: {turns} turns left",
                view.selection_turns,
            ).format(turns=view.selection_turns)
        )
    else:
        parts.append(
            ngettext(
                "{recruits} candidate to select", "{recruits} candidates to select", view.recruits_left
            ).format(recruits=view.recruits_left)
        )
    if view.stand_down:
        parts.append(
            ngettext("stand-down: {turns} turn", "stand-down: {turns} turns", view.stand_down).format(
                turns=view.stand_down
            )
        )
    round_length = ngettext("{turns} turn", "{turns} turns", view.selection_length).format(
        turns=view.selection_length
    )
    round_size = ngettext(
        "up to {candidates} astronaut", "up to {candidates} astronauts", view.selection_candidates
    ).format(candidates=view.selection_candidates)
    costs = _(
        "Training {cost} a turn each (+{gain:.0f} readiness); "
        "a selection round {selection}, {turns}, {candidates}"
    ).format(
        cost=money(view.training_cost),
        gain=view.training_gain,
        selection=money(view.selection_cost),
        turns=round_length,
        candidates=round_size,
    )
    legend = _("Loss risk: the chance an astronaut is lost on a flight now; readier is safer")
    return Content.assemble(
        (" · ".join(parts), "bold"), "\n", (costs, "$text-muted"), "\n", (legend, "$text-muted")
    )


def flights_text(row: AstronautRow) -> str:
    total = row.flights + row.prior_flights
    return f"{total} ({row.last_flight})" if row.last_flight else str(total)


def cells(row: AstronautRow) -> tuple[str, ...]:
    if row.status != "active":
        ready = training = "—"
    else:
        ready = f"{row.readiness:.0f}"
        training = _("yes") if row.training else _("no")
    return (
        row.number,
        row.name if row.status == "active" else f"{row.name} ({_(STATUS_WORD.get(row.status, row.status))})",
        ready,
        training,
        tr(row.assigned) if row.assigned else "—",
        flights_text(row),
        f"{row.loss:.1%}" if row.status == "active" else "—",
    )


class CorpsScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("c", "app.pop_screen", "Back", show=False),
        Binding("t", "train", "Train/stop"),
        Binding("a", "assign", "Assign"),
        Binding("s", "select", "Selection"),
        Binding("e", "end_turn", "End turn"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="corps"):
            yield Static(id="corps-summary", markup=False)
            yield DataTable(id="corps-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="corps-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#corps-table", DataTable)
        table.add_columns(*(_(column) for column in COLUMNS))
        self.refresh_view()
        table.focus()

    def refresh_view(self) -> None:
        game = self.game
        self.sub_title = f"{_('Astronaut corps')} · {game.date}"
        view = corps_view(game.state, game.compiled)
        summary_line = self.query_one("#corps-summary", Static)
        table = self.query_one("#corps-table", DataTable)
        if view is None:
            summary_line.update(
                ngettext(
                    "This scenario counts your astronauts but does not name them: {count} astronaut.",
                    "This scenario counts your astronauts but does not name them: {count} astronauts.",
                    game.state.me.astronauts,
                ).format(count=game.state.me.astronauts)
            )
            table.display = False
            return
        summary_line.update(summary(view))
        row_before = table.cursor_row
        table.clear()
        for row in view.rows:
            table.add_row(*cells(row), key=row.number)
        if view.rows:
            table.move_cursor(row=min(row_before, len(view.rows) - 1))

    def highlighted(self) -> AstronautRow | None:
        view = corps_view(self.game.state, self.game.compiled)
        table = self.query_one("#corps-table", DataTable)
        if view is None or not view.rows:
            return None
        return view.rows[min(table.cursor_row, len(view.rows) - 1)]

    def act(self, action: Action, done: str) -> None:
        status = self.query_one("#corps-status", Static)
        outcome = self.cislunar.act(action)
        if outcome.ok:
            status.update(Content.assemble((_("✓ Done: "), "bold $text-success"), done))
            self.refresh_view()
        else:
            status.update(Content.assemble((_("✗ Not allowed: "), "bold $text-error"), tr(outcome.reason)))

    def action_train(self) -> None:
        row = self.highlighted()
        if row is not None:
            word = _("{name} stops training") if row.training else _("{name} starts training")
            self.act(Action("train", row.number), word.format(name=row.name))

    def action_assign(self) -> None:
        """The next seat in turn for the highlighted astronaut; after the last, no seat."""
        row, view = self.highlighted(), corps_view(self.game.state, self.game.compiled)
        if row is None or view is None:
            return
        choices = [("", ""), *view.seats]
        names = [name for _seat, name in choices]
        current = names.index(row.assigned) if row.assigned in names else 0
        seat, name = choices[(current + 1) % len(choices)]
        if not seat and not row.assigned:
            self.query_one("#corps-status", Static).update(
                Content.assemble((_("✗ Not allowed: "), "bold $text-error"), _("you hold no seat to assign"))
            )
            return
        done = (
            _("{name} is assigned to {seat}").format(name=row.name, seat=tr(name))
            if seat
            else _("{name} is no longer assigned").format(name=row.name)
        )
        self.act(Action("assign", row.number, seat), done)

    def action_select(self) -> None:
        self.act(Action("selection"), _("Astronaut selection round"))

    def action_end_turn(self) -> None:
        self.cislunar.end_turn()
