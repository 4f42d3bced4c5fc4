"""What the dashboard showed at the previous turn, for numbers the engine keeps no record of.

The engine's turn report lists every change to the player's own figures with its reason;
programme health and this year's income are not in it, so their deltas compare the value
now with the value last shown in the previous turn. Pure view state: no rule lives here.
"""

from __future__ import annotations


class TurnMemory:
    """``delta(key, value, turn)``: the change since the value last seen in an earlier turn."""

    def __init__(self) -> None:
        self._turn = -1
        self._seen: dict[str, float] = {}
        self._before: dict[str, float] = {}

    def delta(self, key: str, value: float, turn: int) -> float:
        if turn != self._turn:
            self._before = dict(self._seen) if self._turn >= 0 else {}
            self._turn = turn
        self._seen[key] = value
        return value - self._before.get(key, value)
