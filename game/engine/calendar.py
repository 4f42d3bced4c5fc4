"""The fiscal calendar: which turn a fiscal year's appropriation comes with, and how far off it is.

Months are month indexes (year * 12 + month - 1). ``first`` is the fiscal year's first
month of the calendar year, counted from 0 (0 is January, 3 April, 9 October). A fiscal
year's money comes with the first turn that opens on or after its first month: the turn
that crosses it. Turns are at most a year long, so one turn crosses at most one.
"""

from __future__ import annotations

MONTHS_PER_YEAR = 12


def fiscal_year_crossed(month: int, turn_months: int, first: int) -> int | None:
    """The first month of the fiscal year begun since the turn before the one opening at ``month``
    (in the months ``month - turn_months`` excluded to ``month`` included), or None."""
    back = (month - first) % MONTHS_PER_YEAR
    return month - back if back < turn_months else None


def fiscal_year_of(month: int, first: int) -> int:
    """The fiscal year ``month`` falls in, named by the calendar year it began in."""
    return (month - (month - first) % MONTHS_PER_YEAR) // MONTHS_PER_YEAR


def turns_to_next_fiscal_year(month: int, turn_months: int, first: int) -> int:
    """Turns from the one opening at ``month`` (included) to the one the next appropriation comes with."""
    ahead = (first - month - 1) % MONTHS_PER_YEAR + 1  # months to the next fiscal year's first month
    return -(-ahead // turn_months)
