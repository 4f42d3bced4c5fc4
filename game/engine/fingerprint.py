"""A short, stable name for a game state: the sha256 of its canonical JSON.

The same state gives the same hash in every process and on every machine (sorted keys,
sorted sets, floats in their shortest exact form), so replays can be compared by hash.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from game.engine.game import Game
from game.engine.snapshot import state_to_data
from game.engine.state import GameState


def canonical_json(data: Any) -> str:
    """One text per value: sorted keys, no spaces, no NaN, non-ASCII kept as is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def data_hash(data: Any) -> str:
    """The sha256 (hex) of a JSON value's canonical text."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def state_hash(game: Game | GameState) -> str:
    """The sha256 (hex) of the canonical JSON of a game's whole state, generator included."""
    state = game.state if isinstance(game, Game) else game
    return data_hash(state_to_data(state))
