"""The rivals: who has earned which first and when, each agency's next step and how close it is,
and who is closest to what the player has not reached yet (V on the dashboard).

The figures are the engine's (game/engine/race_view.py); this screen only lays them out.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from game.engine.race_view import FAR_OFF, Closest, NextStep, RaceView, Row, race_view
from game.format.dates import format_date
from game.i18n import _, ngettext, tr
from game.tui.screens.base import CampaignScreen
from game.tui.widgets.footer import Footer

NAME = 16  # the most cells of an agency's name in the notes
FIRST = "★"
#: a rank after the first, as a superscript after the year: 2013² for the second
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def feat_cell(row: Row, index: int) -> str:
    """'1969★' for a first (of the world, or of its bloc or its own where the achievement counts
    firsts so), '2013²' for a second, '—' for not yet."""
    feat = row.feats[index]
    if feat is None:
        return "—"
    year = str(feat.month // 12)
    return year + (FIRST if feat.first else str(feat.rank).translate(SUPERSCRIPTS))


def agency_label(row: Row) -> str:
    return _("{agency} (you)").format(agency=tr(row.short)) if row.player else tr(row.short)


def turns_text(turns: int) -> str:
    if turns >= FAR_OFF:
        return _("far off")
    return ngettext("~{turns} turn", "~{turns} turns", turns).format(turns=turns)


def step_text(step: NextStep, turn_months: int, now: int) -> str:
    """'Chang'e-7 · building, ~4 turns' or 'Luna-26 · from 2027-Q1, ~12 turns'."""
    if step.building:
        where = _("building, {turns}").format(turns=turns_text(step.turns))
    elif step.start > now:
        where = _("from {date}, {turns}").format(
            date=format_date(step.start, turn_months), turns=turns_text(step.turns)
        )
    else:
        where = _("next, {turns}").format(turns=turns_text(step.turns))
    return f"{tr(step.name)} · {where}"


def closest_text(closest: Closest, names: dict[str, str]) -> str:
    said = {
        "achievement": names[closest.achievement],
        "agency": tr(closest.agency),
        "step": tr(closest.step),
        "turns": turns_text(closest.turns),
    }
    if closest.taken:
        return _("{achievement}: {agency} next, with {step} ({turns})").format(**said)
    return _("{achievement}: {agency} closest to the first, with {step} ({turns})").format(**said)


def notes(view: RaceView, turn_months: int, now: int) -> Content:
    """Each agency's next step, then who is closest to the firsts the player has not reached."""
    lines = [Content.assemble((_("Next steps"), "bold"))]
    stepping = [row for row in view.rows if row.next is not None]
    width = min(NAME, max((len(agency_label(row)) for row in stepping), default=0) + 2)
    for row in stepping:
        assert row.next is not None
        label = agency_label(row)
        label = label if len(label) < width else label[: width - 2] + "…"
        lines.append(
            Content.assemble(
                (f"  {label:<{width}}", "bold" if row.player else ""), step_text(row.next, turn_months, now)
            )
        )
    if not stepping:
        lines.append(Content("  " + _("No agency is building a step of its own.")))
    names = {column.id: tr(column.short) for column in view.columns}
    lines.append(Content(""))
    lines.append(Content.assemble((_("Closest to what you have not reached"), "bold")))
    if view.closest:
        lines.extend(Content("  " + closest_text(c, names)) for c in view.closest)
    else:
        lines.append(Content("  " + _("No rival is building toward one.")))
    lines.append(Content(""))
    columns = " · ".join(f"{tr(column.short)}: {tr(column.name)}" for column in view.columns)
    lines.append(Content.styled(columns, "$text-muted"))
    lines.append(
        Content.assemble(
            (
                _("★ first · ² second (and so on): the first earns the most prestige"),
                "$text-muted",
            )
        )
    )
    return Content("\n").join(lines)


class RivalsScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("v", "app.pop_screen", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="rivals-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="rivals"):
            yield Static(id="rivals-notes", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#rivals-table").focus()

    def refresh_view(self) -> None:
        game = self.game
        state, cs = game.state, game.compiled
        self.sub_title = f"{_('Rivals')} · {game.date}"
        table = self.query_one("#rivals-table", DataTable)
        table.clear(columns=True)
        notes_widget = self.query_one("#rivals-notes", Static)
        if cs.race is None:
            notes_widget.update(_("This scenario has no race for firsts."))
            table.display = False
            return
        view = race_view(state, cs)
        # as wide as its longest name: the table leaves the player's (styled) label out of its measure
        width = max(len(_("Agency")), *(cell_len(agency_label(row)) for row in view.rows))
        table.add_column(_("Agency"), key="agency", width=width)
        for column in view.columns:
            table.add_column(tr(column.short), key=column.id)
        for row in view.rows:
            cells = [feat_cell(row, index) for index in range(len(view.columns))]
            label = Content.assemble((agency_label(row), "bold")) if row.player else agency_label(row)
            table.add_row(label, *cells, key=row.agency)
        notes_widget.update(notes(view, cs.turn_months, state.month))
