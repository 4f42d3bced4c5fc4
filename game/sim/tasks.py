"""The unit of work of the simulator: one campaign to play, and the chunks workers take them in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Task(NamedTuple):
    """One campaign to play."""

    agency: str
    strategy: str
    seed: int
    playouts: int | None = None  # a planner's playouts per decision (None: its default)
    thorough: bool = False  # the thorough planner (game/bots/planner.py, ``THOROUGH``)


#: Campaigns per chunk sent to a worker: large enough to hide the cost of a round trip,
#: small enough to keep both cores busy to the end and the progress bar moving.
CHUNK = 16


def chunked(tasks: Sequence[Task]) -> list[list[Task]]:
    """The tasks in chunks of ``CHUNK``, in order."""
    return [list(tasks[start : start + CHUNK]) for start in range(0, len(tasks), CHUNK)]
