"""Shared by the authoring tests: a clean base scenario and exact positions of text in it."""

from __future__ import annotations

from pathlib import Path

from game.format.diagnostics import Diagnostic
from game.format.starter import starter_text

#: The starter of `cislunar new`: a scenario with no error and no warning, to vary.
BASE = starter_text("lint-base", Path("lint-base.yaml"), Path("scenario.schema.json"))


def edit(text: str, old: str, new: str) -> str:
    """``text`` with the first ``old`` replaced (which must be there: the test's own change)."""
    assert old in text, old
    return text.replace(old, new, 1)


def position(text: str, needle: str, offset: int = 0, occurrence: int = 1) -> tuple[int, int]:
    """The 1-based line and column of ``needle`` (its ``occurrence``-th), ``offset`` characters in."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def located(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int]]:
    """Each diagnostic as (code, line, column), in the loader's order."""
    return [(d.code, d.line, d.column) for d in diagnostics]
