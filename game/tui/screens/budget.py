"""The budget plan: the next fiscal years' appropriations, each build's payments, the treasury's
clawback and what is left, with a warning before a year the agency cannot pay (M on the dashboard).

The figures are the engine's (game/engine/budget_plan.py); this screen only lays them out.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from game.engine.budget_plan import BudgetPlan, budget_plan
from game.engine.economy import appropriation
from game.format.words import amount, millions, money
from game.i18n import _, tr
from game.tui.screens.base import CampaignScreen
from game.tui.widgets.footer import Footer

LABEL = 24  # cells of a row's name
COLUMN = 10  # cells of a year's figure


def shortfall_warning(plan: BudgetPlan) -> str:
    """The warning before the first year the agency cannot pay, or '' when every year is covered."""
    short = plan.short_year
    if short is None:
        return ""
    return _("In {year} you cannot pay: your money runs short by {shortfall}.").format(
        year=short.year, shortfall=money(millions(-short.left))
    )


def _cell(thousands: int | None, negative: bool = False) -> str:
    if thousands is None:
        return f"{'—':>{COLUMN}}"
    value = -thousands if negative else thousands
    return f"{amount(millions(value)):>{COLUMN}}"


def _row(label: str, cells: list[str], style: str = "") -> Content:
    name = label if len(label) <= LABEL - 1 else label[: LABEL - 2] + "…"
    return Content.assemble((f"{name:<{LABEL}}", style), ("".join(cells), style))


def plan_table(plan: BudgetPlan, now: str) -> Content:
    """One column per fiscal year; the rows add up: start + appropriation - payments - clawback = left."""
    years = plan.years
    head = [f"{str(year.year) + ('*' if index == 0 else ''):>{COLUMN}}" for index, year in enumerate(years)]
    rows = [_row(_("M$"), head, "bold")]
    rows.append(_row(_("Money at the start"), [_cell(year.start) for year in years]))
    rows.append(
        _row(
            _("Appropriation"),
            [_cell(year.appropriation if index else None) for index, year in enumerate(years)],
        )
    )
    for index, name in enumerate(plan.builds):
        rows.append(
            _row("  " + tr(name), [_cell(year.payments[index], True) for year in years], "$text-muted")
        )
    rows.append(_row(_("Payments"), [_cell(year.paid, True) for year in years]))
    if plan.clawing:
        rows.append(_row(_("Treasury clawback"), [_cell(year.clawback, True) for year in years]))
    left = _("Left at the year end")
    rows.append(
        Content.assemble(
            (f"{left:<{LABEL}}", "bold"),
            *((_cell(year.left), "bold $text-error" if year.left < 0 else "bold") for year in years),
        )
    )
    rows.append(Content(""))
    rows.append(
        Content.assemble((_("* the year under way, from {date} to its end").format(date=now), "$text-muted"))
    )
    return Content("\n").join(rows)


def plan_notes(plan: BudgetPlan, income: float, share: float, carryover: float) -> Content:
    lines = [
        _(
            "Appropriations expected at today's support and budget bonuses ({income} a year); "
            "payments as scheduled, without overruns or slips."
        ).format(income=money(income))
    ]
    if plan.clawing:
        lines.append(
            _(
                "At each year's end the treasury claws back {share} of the money above {carryover} of "
                "the year's appropriation and above what your builds still owe: spend or commit it."
            ).format(share=f"{share:.0%}", carryover=f"{carryover:.0%}")
        )
    if not plan.builds:
        lines.append(_("No builds under way."))
    return Content("\n").join(Content(line) for line in lines)


class BudgetScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("m", "app.pop_screen", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="budget"):
            yield Static(id="budget-warning", markup=False)
            yield Static(id="budget-table", markup=False)
            yield Static(id="budget-notes", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#budget").focus()

    def refresh_view(self) -> None:
        game = self.game
        state, cs = game.state, game.compiled
        plan = budget_plan(state, cs)
        self.sub_title = f"{_('Budget')} · {game.date}"
        warning = shortfall_warning(plan)
        self.query_one("#budget-warning", Static).update(
            Content.assemble(("⚠ " + warning, "bold $text-error"))
            if warning
            else Content.assemble((_("✓ Every payment is covered in the years shown."), "$text-success"))
        )
        self.query_one("#budget-table", Static).update(plan_table(plan, game.date))
        self.query_one("#budget-notes", Static).update(
            plan_notes(
                plan,
                millions(appropriation(state, cs)),
                cs.rules.year_end_clawback,
                cs.rules.year_end_carryover,
            )
        )
