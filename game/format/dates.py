"""Calendar dates as month indexes, so the turn loop compares plain integers.

A date in a scenario file is written ``2024-Q4`` (the quarter's first month) or ``2024-11``.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DATE = re.compile(r"^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$")
DATE_PATTERN = r"^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$"


def parse_date(text: str) -> int:
    """Return the month index (year * 12 + month - 1) of ``YYYY-QN`` or ``YYYY-MM``."""
    match = _DATE.match(text)
    if match is None:
        raise ValueError(f"'{text}' is not a date like 2024-Q4 or 2024-11")
    year = int(match.group(1))
    month = (int(match.group(2)) - 1) * 3 + 1 if match.group(2) else int(match.group(3))
    return year * 12 + month - 1


def year_of(month_index: int) -> int:
    return month_index // 12


def quarter_of(month_index: int) -> int:
    return (month_index % 12) // 3 + 1


@lru_cache(maxsize=1024)
def format_date(month_index: int, turn_months: int = 3) -> str:
    """Show a month index the way the scenario's calendar counts: quarters or months (remembered:
    the turn loop dates every turn's report)."""
    year, month = divmod(month_index, 12)
    if turn_months % 3 == 0 and month % 3 == 0:
        return f"{year}-Q{month // 3 + 1}"
    return f"{year}-{month + 1:02d}"


def year_fraction(month_index: int) -> float:
    """A date as a decimal year, for charts and mean-year statistics."""
    return month_index / 12
