"""The start of every playout: a copy of a state under way, on dice of its own, derived from a seed.

Shared by the simulator's playouts (game/sim/playouts.py: the outlook plays reference
strategies forward this way) and the planners (game/bots/planner.py: they play their
candidate moves forward this way), so both copy a state and derive its dice one way. It
sits with the bots, below the simulator, because a strategy that plans must use it too.
"""

from __future__ import annotations

import hashlib
import random

from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.state import GameState


def playout_seed(key: str, seed: int, index: int) -> int:
    """The seed of playout ``index`` from a state named ``key`` (a non-negative 63-bit number)."""
    digest = hashlib.sha256(f"{key}/{seed}/{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def start_playout(state: GameState | Game, compiled: CompiledScenario, seed: int) -> Game:
    """A game that carries on from a copy of ``state`` on a generator seeded by ``seed``.

    ``state`` (and its generator) is left as it was; the copy's log and reports start empty,
    and it keeps no news, changes nor history (``GameState.records``): none is read.
    """
    start = state.state if isinstance(state, Game) else state
    return Game.resume(compiled, start.copy(random.Random(seed), records=False))
