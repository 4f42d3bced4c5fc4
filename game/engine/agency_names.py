"""The agency or programme an effect names: 'player' stands for whoever plays the campaign, a
placeholder ('$agency', '$programme') for the happening a hooked event answers."""

from __future__ import annotations

from game.engine.happenings import resolve
from game.engine.state import GameState
from game.format.models import PLAYER


def agency_named(state: GameState, name: str) -> str:
    """The agency an effect names: 'player' is whoever plays this campaign."""
    return state.player if name == PLAYER else name


def the(state: GameState, target: str) -> str:
    """An effect's id ('player' the player's), or the happening's for a placeholder ('$agency', '$programme').

    The loader allows a placeholder only in an event hooked on a happening that has the detail
    (game/format/checks.py), and the engine sets ``state.happening`` while that event's effects
    apply; '' when the happening has none (a player's action on no programme): the item is skipped.
    """
    return agency_named(state, target) if target[0] != "$" else resolve(target, state.happening)
