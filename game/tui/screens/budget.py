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
from game.format.words import column, millions, money
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


def clawback_warning(plan: BudgetPlan, turns_left_in_year: int) -> str:
    """In the fiscal year's last turn, the money the treasury will claw back at its end unless it
    is spent ('' when none, or when the year goes on: the budget screen shows it all along)."""
    if turns_left_in_year != 1 or not plan.years or plan.years[0].clawback <= 0:
        return ""
    return _(
        "At the end of this turn the treasury claws back {money} of the money you leave unspent."
    ).format(money=money(millions(plan.years[0].clawback)))


#: A row of the table: its name, each year's thousands (None: not known), its style.
Row = tuple[str, list[int | None], str]


def _row(label: str, cells: list[str], style: str = "") -> Content:
    name = label if len(label) <= LABEL - 1 else label[: LABEL - 2] + "…"
    return Content.assemble((f"{name:<{LABEL}}", style), ("".join(cells), style))


def plan_table(plan: BudgetPlan, now: str) -> Content:
    """One column per fiscal year; the rows add up: start + appropriation - payments - clawback = left.

    Every figure of the table has the same decimals (words.column): a tenth for all when one
    needs it, so '1,552' never stands over '7.5' and the rows add up as they read."""
    years = plan.years
    rows: list[Row] = [
        (_("Money at the start"), [year.start for year in years], ""),
        (_("Appropriation"), [year.appropriation if index else None for index, year in enumerate(years)], ""),
    ]
    for index, name in enumerate(plan.builds):
        rows.append(("  " + tr(name), [-year.payments[index] for year in years], "$text-muted"))
    rows.append((_("Payments"), [-year.paid for year in years], ""))
    if plan.clawing:
        rows.append((_("Treasury clawback"), [-year.clawback for year in years], ""))
    rows.append((_("Left at the year end"), [year.left for year in years], "bold"))
    known = [millions(value) for _label, values, _style in rows for value in values if value is not None]
    shown = iter(column(known))
    head = [f"{str(year.year) + ('*' if index == 0 else ''):>{COLUMN}}" for index, year in enumerate(years)]
    lines = [_row(_("M$"), head, "bold")]
    for label, values, style in rows:
        cells = [(f"{'—' if value is None else next(shown):>{COLUMN}}", value) for value in values]
        if style == "bold":  # what is left: a year short in red
            lines.append(
                Content.assemble(
                    (f"{label:<{LABEL}}", "bold"),
                    *((cell, "bold $text-error" if (value or 0) < 0 else "bold") for cell, value in cells),
                )
            )
        else:
            lines.append(_row(label, [cell for cell, _value in cells], style))
    lines.append(Content(""))
    lines.append(
        Content.assemble((_("* the year under way, from {date} to its end").format(date=now), "$text-muted"))
    )
    return Content("\n").join(lines)


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
