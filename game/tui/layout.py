"""The terminal sizes at which the layout changes, defined once.

The app turns them into the screen classes the stylesheet uses (``-wide``/``-narrow``,
``-tall``/``-short``); screens that size things in code ask :func:`is_wide` and
:func:`is_tall`, so the code and the stylesheet always switch at the same size.
"""

from __future__ import annotations

from textual.geometry import Size

WIDE_FROM = 120  # columns: the timeline beside the news, the figures in one row
TALL_FROM = 36  # rows: taller programme cards, a longer news feed

HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] = [(0, "-narrow"), (WIDE_FROM, "-wide")]
VERTICAL_BREAKPOINTS: list[tuple[int, str]] = [(0, "-short"), (TALL_FROM, "-tall")]


def is_wide(size: Size) -> bool:
    return size.width >= WIDE_FROM


def is_tall(size: Size) -> bool:
    return size.height >= TALL_FROM
