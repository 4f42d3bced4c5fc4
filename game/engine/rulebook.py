"""The small rules many turn steps share, written once: bounds, clamps, instalments, live statuses.

A hot loop may keep an inline copy of one of these for speed; tests/test_rulebook.py holds
every such copy to the function here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.format.models import PERCENT_MAX, RELATION_MAX

if TYPE_CHECKING:
    from game.engine.compiled import RulesRecord

#: Programmes that take partners and fly milestones; the others' turn steps have stopped.
LIVE_STATUSES = ("active", "restructured")
ENDED_STATUSES = ("cancelled", "completed")

#: Health and support run from 0 to TOP; relations from -RELATION_TOP to RELATION_TOP.
TOP = float(PERCENT_MAX)
RELATION_TOP = float(RELATION_MAX)


def instalment(cost_left: int, turns_left: int) -> int:
    """This turn's payment of a build, in k$: equal parts, the last turn paying what is left."""
    return cost_left // turns_left if turns_left > 1 else cost_left


def never_below_zero(value: float) -> float:
    """Science and prestige: a loss takes them to zero at most."""
    return value if value > 0.0 else 0.0


def clamp_percent(value: float) -> float:
    """Health and support stay within 0..100."""
    return 0.0 if value <= 0.0 else (TOP if value > TOP else value)


def clamp_relation(value: float) -> float:
    """A relation stays within -100..100."""
    return RELATION_TOP if value > RELATION_TOP else (-RELATION_TOP if value < -RELATION_TOP else value)


def budget_modifier(current: float, change: float, rules: RulesRecord) -> float:
    """An agency's sum of budget changes after ``change``, within the rules' bounds (per cent)."""
    return max(rules.budget_modifier_min, min(rules.budget_modifier_max, current + change))


def clawback(rules: RulesRecord, money: int, appropriation: int, owed: int) -> int:
    """k$ the treasury takes back as a fiscal year ends: its share of the money above the carryover
    (a share of the ending year's appropriation) and above what the builds under way still owe."""
    share = rules.year_end_clawback
    if not share:
        return 0
    spare = money - rules.year_end_carryover * appropriation - owed
    return round(share * spare) if spare > 0 else 0
