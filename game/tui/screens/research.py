"""The research tree: every project by area (done, under way with its turns left, available with
its cost and time, locked with what is missing), and the keys that start and stop them (each an
engine action, confirmed first with what it costs and what it unlocks or loses)."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from game.engine.actions import Action
from game.engine.actions.registry import handler_for
from game.engine.queries import consequences
from game.engine.research_view import ProjectRow, ResearchView, research_view
from game.i18n import N_, _, ngettext, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import money
from game.tui.widgets.footer import Footer

#: The kinds of action this screen sends (the go-alone decisions list them too).
RESEARCH_KINDS = ("research", "cancel_research")
COLUMNS = (N_("Area"), N_("Project"), N_("State"), N_("Cost"), N_("Unlocks"))
MARK = {"done": "✓", "under_way": "■", "available": "○", "locked": "·"}


def state_text(row: ProjectRow) -> str:
    """Where the project stands, in a few words."""
    if row.standing == "done":
        if row.before:  # the agency had it when the campaign began
            return f"{MARK['done']} " + _("at the start")
        return f"{MARK['done']} " + _("done {date}").format(date=row.done)
    if row.standing == "under_way":
        text = f"{MARK['under_way']} " + ngettext(
            "{turns} turn left", "{turns} turns left", row.turns_left
        ).format(turns=row.turns_left)
        return text + (" " + _("(stalled)") if row.stalled else "")
    if row.standing == "available":
        return f"{MARK['available']} " + ngettext("{turns} turn", "{turns} turns", row.turns).format(
            turns=row.turns
        )
    if row.waiting_for:  # the detail below the table names them
        waiting = len(row.waiting_for)
        return f"{MARK['locked']} " + ngettext(
            "needs {count} project", "needs {count} projects", waiting
        ).format(count=waiting)
    return f"{MARK['locked']} " + _("not yet")


def cells(row: ProjectRow) -> tuple[str, ...]:
    return (
        tr(row.area),
        tr(row.name),
        state_text(row),
        money(row.cost),
        ", ".join(tr(part) for part in row.unlocks) or "—",
    )


#: Cells a table column takes besides its text (the DataTable's padding, one each side).
PADDING = 2
#: The columns that give way when the table is wider than the screen: the area first (the detail
#: under the table names it), then the wider of the project's name and its unlocks is cut with
#: '…' (the detail says them whole), never the state or the cost.
AREA, PROJECT, UNLOCKS = 0, 1, 4
NARROWEST = 10  # cells a cut name or unlocks column keeps at least
SIDES = 2  # the screen's padding around the table, before it is laid out
SCROLLBAR = 2  # cells kept for the table's scroll bar, shown when the projects outgrow the screen


def fit_columns(labels: list[str], rows: list[tuple[str, ...]], room: int) -> list[int]:
    """Each column's width within ``room`` cells (0: left out), widest content first."""
    widths = [max([cell_len(label), *(cell_len(row[i]) for row in rows)]) for i, label in enumerate(labels)]

    def total() -> int:
        return sum(width + PADDING for width in widths if width)

    if total() > room:
        widths[AREA] = 0
    while total() > room:  # the wider of the name and the unlocks gives a cell, down to NARROWEST
        column = max((PROJECT, UNLOCKS), key=lambda i: widths[i])
        if widths[column] <= NARROWEST:
            break
        widths[column] -= 1
    return widths


def clipped(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in '…' when it was longer."""
    if cell_len(text) <= width:
        return text
    cut = text
    while cell_len(cut) > width - 1:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def summary(view: ResearchView) -> Content:
    head = ngettext(
        "{count} of {most} project under way · {money} this turn",
        "{count} of {most} projects under way · {money} this turn",
        view.most,
    ).format(count=view.under_way, most=view.most, money=money(view.per_turn))
    keys = _("Enter: start the highlighted project · x: stop it · both ask first")
    return Content.assemble((head, "bold"), "\n", (keys, "$text-muted"))


def detail(row: ProjectRow) -> Content:
    """The highlighted project: what it is, what it unlocks, and what keeps it from starting."""
    lines = [Content.assemble((tr(row.name), "bold"), f" · {tr(row.area)} · ", money(row.cost))]
    if row.description:
        lines.append(Content(tr(row.description)))
    if row.unlocks:
        lines.append(Content(_("Unlocks: {unlocks}").format(unlocks=", ".join(tr(p) for p in row.unlocks))))
    if row.standing == "under_way":
        paid = ngettext(
            "{paid} paid, {turns} turn left", "{paid} paid, {turns} turns left", row.turns_left
        ).format(paid=money(row.paid), turns=row.turns_left)
        lines.append(Content(paid))
    if row.missing:
        missing = _("Locked: {missing}").format(missing="; ".join(tr(p) for p in row.missing))
        lines.append(Content.assemble((missing, "$text-warning")))
    elif row.refusal:
        lines.append(
            Content.assemble((_("Not now: {reason}").format(reason=tr(row.refusal)), "$text-warning"))
        )
    return Content("\n").join(lines)


class ResearchScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("p", "app.pop_screen", "Back", show=False),
        Binding("enter", "start", "Start"),
        Binding("x", "stop", "Stop"),
        Binding("e", "end_turn", "End turn"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="research"):
            yield Static(id="research-summary", markup=False)
            yield DataTable(id="research-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="research-detail", markup=False)
            yield Static(id="research-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        table = self.query_one("#research-table", DataTable)
        view = self.view()
        if view is not None:  # past what the agency had at the start, to what it may do now
            ahead = next((i for i, row in enumerate(view.rows) if not row.before), 0)
            if ahead:
                table.move_cursor(row=ahead)
                self.show_detail()
        table.focus()

    def on_resize(self) -> None:
        """The columns fit the new width (the area left out, the names cut, when narrow)."""
        self.refresh_view()

    def view(self) -> ResearchView | None:
        return research_view(self.game.state, self.game.compiled)

    def refresh_view(self) -> None:
        game = self.game
        self.sub_title = f"{_('Research')} · {game.date}"
        view = self.view()
        table = self.query_one("#research-table", DataTable)
        if view is None:
            self.query_one("#research-summary", Static).update(
                _(
                    "This scenario has no research projects: invest in capability levels from the "
                    "decisions (D)."
                )
            )
            table.display = False
            self.query_one("#research-detail", Static).display = False
            return
        self.query_one("#research-summary", Static).update(summary(view))
        row_before = table.cursor_row
        table.clear(columns=True)  # the columns fit what they hold now ('■ 2 turns left' is longer)
        labels = [_(column) for column in COLUMNS]
        rows = [cells(row) for row in view.rows]
        room = (table.size.width or self.app.size.width - SIDES) - SCROLLBAR
        widths = fit_columns(labels, rows, room)
        for label, width in zip(labels, widths, strict=True):
            if width:
                table.add_column(clipped(label, width), width=width)
        for row, row_cells in zip(view.rows, rows, strict=True):
            table.add_row(
                *(clipped(text, w) for text, w in zip(row_cells, widths, strict=True) if w), key=row.id
            )
        if view.rows:
            table.move_cursor(row=min(row_before, len(view.rows) - 1))
        self.show_detail()

    def highlighted(self) -> ProjectRow | None:
        view = self.view()
        table = self.query_one("#research-table", DataTable)
        if view is None or not view.rows:
            return None
        return view.rows[min(table.cursor_row, len(view.rows) - 1)]

    def show_detail(self) -> None:
        row = self.highlighted()
        if row is not None:
            self.query_one("#research-detail", Static).update(detail(row))

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_start()

    def say(self, ok: bool, text: str) -> None:
        status = self.query_one("#research-status", Static)
        if ok:
            status.update(Content.assemble((_("✓ Done: "), "bold $text-success"), text))
        else:
            status.update(Content.assemble((_("✗ Not allowed: "), "bold $text-error"), text))

    def confirm(self, action: Action, question: str) -> None:
        """Ask first with the engine's figures (what it costs, what it unlocks or loses), then act."""
        refusal = self.game.check(action)
        if refusal:
            self.say(False, tr(refusal))
            return
        from game.tui.screens.confirm import ConfirmScreen

        handler = handler_for(action)
        heading = handler.consequences_title if handler is not None else ""
        costs = consequences(self.game.state, self.game.compiled, action)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            outcome = self.cislunar.act(action)
            self.say(outcome.ok, question if outcome.ok else tr(outcome.reason))
            self.refresh_view()

        self.app.push_screen(ConfirmScreen(f"{question}?", costs, question.split()[0], heading), confirmed)

    def action_start(self) -> None:
        row = self.highlighted()
        if row is not None:
            self.confirm(Action("research", row.id), _("Research {name}").format(name=tr(row.name)))

    def action_stop(self) -> None:
        row = self.highlighted()
        if row is not None:
            self.confirm(
                Action("cancel_research", row.id), _("Stop researching {name}").format(name=tr(row.name))
            )

    def action_end_turn(self) -> None:
        self.cislunar.end_turn()
