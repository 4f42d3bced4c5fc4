"""Whether a build's whole schedule fits the player's budget outlook, not just its first payment.

The outlook over the build's turns is the money in hand, plus the appropriations expected
in that time (this year's, for every fiscal year the build crosses), minus what the
player's builds under way will take in that time. A schedule that does not fit is still
allowed -- support and budgets move, other builds can be cancelled, and a build that runs
out of money stalls rather than vanishes -- but the player is told, with the figures.
"""

from __future__ import annotations

from dataclasses import replace

from game.engine.calendar import fiscal_year_crossed
from game.engine.compiled import CompiledScenario
from game.engine.rulebook import instalment
from game.engine.state import BuildState, GameState
from game.format.words import money
from game.i18n import msgn


def payments(build: BuildState, turns: int) -> list[int]:
    """The k$ a build will take at the end of each of the next ``turns`` turns (no overruns)."""
    twin = replace(build)
    due: list[int] = []
    while twin.turns_left > 0 and len(due) < turns:
        amount = instalment(twin.cost_left, twin.turns_left)
        due.append(amount)
        twin.cost_left -= amount
        twin.turns_left -= 1
    return due


def _builds_under_way(state: GameState) -> list[BuildState]:
    player = state.player
    builds = [b for p in state.programmes.values() for b in p.slots.values()]
    builds += [mission.build for mission in state.missions.values()]
    builds += state.research.values()
    return [b for b in builds if b.owner == player and b.status == "building"]


def shortfall(state: GameState, cs: CompiledScenario, cost_k: int, turns: int) -> tuple[int, str]:
    """(k$ the outlook falls short by, the outlook in words) for a new build; (0, '') when it fits."""
    me = state.me
    crossings = sum(
        fiscal_year_crossed(state.month + i * cs.turn_months, cs.turn_months, cs.fiscal_first) is not None
        for i in range(1, turns)
    )
    expected = crossings * me.appropriation
    committed = sum(sum(payments(build, turns)) for build in _builds_under_way(state))
    short = cost_k - (me.money + expected - committed)
    if short <= 0:
        return 0, ""
    words = msgn(
        "its {cost} over {turns} turn is more than your outlook: {money} in hand + {expected} "
        "of expected budgets - {committed} for your builds under way; short by {shortfall}",
        "its {cost} over {turns} turns is more than your outlook: {money} in hand + {expected} "
        "of expected budgets - {committed} for your builds under way; short by {shortfall}",
        turns,
        cost=money(cost_k / 1000),
        turns=turns,
        money=money(me.money / 1000),
        expected=money(expected / 1000),
        committed=money(committed / 1000),
        shortfall=money(short / 1000),
    )
    return short, words
