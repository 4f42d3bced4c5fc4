"""Mod metadata: which game versions a scenario needs, checked before anything else of the file.

A scenario written for a newer game may use keys this version does not know; reading the
rest first would bury the one thing the player needs to hear (update the game) under a list
of unknown keys. So ``requires_game`` is read from the raw data before the models see it,
and a file that needs another game is refused with that one located message.
"""

from __future__ import annotations

import re
from typing import Any

from game import __version__
from game.format.diagnostics import Diagnostic
from game.format.yaml_source import SourceMap

REQUIRES_GAME = "requires_game"
MAX_REQUIREMENT_LENGTH = 60
_CLAUSE = re.compile(r"^(>=|<=|==|!=|>|<)?\s*(\d{1,6}(?:\.\d{1,6}){0,3})$")
_LEADING_NUMBERS = re.compile(r"^\d+(?:\.\d+)*")
_COMPARE = {
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}
REQUIREMENT_HELP = "write the game versions it needs like '>=0.2' or '>=0.2, <1.0'"

Version = tuple[int, int, int, int]


def version_tuple(text: str) -> Version:
    """'0.2' -> (0, 2, 0, 0): the leading numbers of a version, padded so '0.2' == '0.2.0'."""
    match = _LEADING_NUMBERS.match(text.strip())
    numbers = [int(part) for part in match.group(0).split(".")][:4] if match else [0]
    return (*numbers, *([0] * (4 - len(numbers))))  # type: ignore[return-value]


def parse_requirement(text: str) -> list[tuple[str, Version]]:
    """The clauses of a requirement such as '>=0.2, <1.0'; ValueError saying how to write one."""
    if len(text) > MAX_REQUIREMENT_LENGTH or not text.strip():
        raise ValueError(REQUIREMENT_HELP)
    clauses = []
    for part in text.split(","):
        match = _CLAUSE.match(part.strip())
        if match is None:
            raise ValueError(f"'{part.strip()}' is not a version requirement; {REQUIREMENT_HELP}")
        clauses.append((match.group(1) or "==", version_tuple(match.group(2))))
    return clauses


def satisfied(requirement: str, version: str = __version__) -> bool:
    """Whether the game ``version`` meets ``requirement`` (which must parse)."""
    have = version_tuple(version)
    return all(_COMPARE[op](have, wanted) for op, wanted in parse_requirement(requirement))


def check_requirement(text: str) -> str:
    """A pydantic validator: the requirement as written, if it parses."""
    parse_requirement(text)
    return text


def game_version_refusal(data: Any, source: SourceMap) -> Diagnostic | None:
    """The one error of a file whose ``requires_game`` this game does not meet, else None.

    A requirement that does not parse is left to the models, which report it with the rest.
    """
    if not isinstance(data, dict):
        return None
    requirement = data.get(REQUIRES_GAME)
    if not isinstance(requirement, str):
        return None
    try:
        if satisfied(requirement):
            return None
    except ValueError:
        return None
    return Diagnostic.at(
        source.value((REQUIRES_GAME,)),
        "game-version",
        f"this scenario needs Cislunar {requirement.strip()} and this is Cislunar {__version__}: "
        "update the game to play it",
    )
