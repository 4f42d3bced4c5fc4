"""The player's next fiscal years in money: expected appropriations, the builds' payments, the
treasury's year-end clawback and what is left, turn by turn as the engine will pay them.

One function plans (``budget_plan``); the year-end clawback is worked out by rulebook.clawback
for both the plan and the turn (economy.open_fiscal_year), so the screen shows what the engine does.
The plan assumes today's support and budget bonuses and no overruns, slips or stalls.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.actions.budget import payments
from game.engine.builds import player_builds
from game.engine.calendar import fiscal_year_crossed, fiscal_year_of
from game.engine.compiled import CompiledScenario
from game.engine.economy import appropriation
from game.engine.rulebook import clawback
from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class PlanYear:
    """One fiscal year of the plan, in k$."""

    year: int  # the fiscal year, named by the calendar year it begins in
    start: int  # money at its start (in hand now, for the year under way)
    appropriation: int  # expected at its start (0 for the year under way: already in hand)
    payments: tuple[int, ...]  # per build of the plan, in its order
    clawback: int  # expected at its end
    left: int  # money at its end, after the payments and the clawback

    @property
    def paid(self) -> int:
        return sum(self.payments)


@dataclass(frozen=True, slots=True)
class BudgetPlan:
    builds: tuple[str, ...]  # the names of the builds under way, as the years' payments list them
    years: tuple[PlanYear, ...]
    clawing: bool  # whether the scenario claws unspent money back at all

    @property
    def short_year(self) -> PlanYear | None:
        """The first year the agency cannot pay (its money runs out), if any."""
        return next((year for year in self.years if year.left < 0), None)


def budget_plan(state: GameState, cs: CompiledScenario, years: int | None = None) -> BudgetPlan:
    """The fiscal year under way and the next ones, up to ``years`` (the rule ``budget_plan_years``
    unless given) and the campaign's end."""
    if years is None:
        years = cs.rules.budget_plan_years
    named = player_builds(state, cs)
    schedules = [payments(build, build.turns_left) for _, build in named]
    owed = sum(build.cost_left for _, build in named)
    income = appropriation(state, cs)
    ending = state.me.appropriation  # the year under way's
    money = state.me.money
    month, turn = state.month, 0
    year = fiscal_year_of(month, cs.fiscal_first)
    start, granted, paid = money, 0, [0] * len(named)
    plan: list[PlanYear] = []
    while len(plan) < years and month <= cs.end:
        for index, schedule in enumerate(schedules):  # the turn's end: its payments
            if turn < len(schedule):
                paid[index] += schedule[turn]
                money -= schedule[turn]
                owed -= schedule[turn]
        month += cs.turn_months
        turn += 1
        crossed = fiscal_year_crossed(month, cs.turn_months, cs.fiscal_first)
        if crossed is None and month <= cs.end:
            continue
        opens = crossed is not None and month <= cs.end  # the campaign goes on into a new year
        taken = clawback(cs.rules, money, ending, owed) if opens else 0
        money -= taken
        plan.append(PlanYear(year, start, granted, tuple(paid), taken, money))
        if opens:  # the next year's appropriation arrives
            year, ending, granted = fiscal_year_of(crossed, cs.fiscal_first), income, income  # type: ignore[arg-type]
            money += income
            start, paid = money - income, [0] * len(named)
    return BudgetPlan(tuple(name for name, _ in named), tuple(plan), bool(cs.rules.year_end_clawback))
