"""Recording what happens, for the events hooked on it (``on:``): see game/format/happenings.py.

Each place where something happens (a join, a flight, a delivery, a new fiscal year, the
player's action) calls :func:`happen` behind ``if cs.hooked_kinds:``, so a scenario without
hooked events pays one test of an empty set and nothing more. A happening is queued in the
state and answered at the next turn's opening (game/engine/events.py, ``fire_hooked``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.state import GameState, Happening

if TYPE_CHECKING:
    from game.engine.actions.base import Action
    from game.engine.compiled import CompiledScenario


def happen(
    state: GameState,
    cs: CompiledScenario,
    kind: str,
    agency: str = "",
    programme: str = "",
    milestone: str = "",
    contribution: str = "",
    mission: str = "",
    action: str = "",
    year: int = 0,
) -> None:
    """Queue a happening when an event is hooked on its kind (milestones and contributions as 'p.id')."""
    if kind in cs.hooked_kinds:
        state.happenings.append(
            Happening(kind, agency, programme, milestone, contribution, mission, action, year)
        )


def acted(state: GameState, cs: CompiledScenario, action: Action) -> None:
    """The player took ``action``: its target read as the programme, mission or agency it names."""
    target = action.target
    happen(
        state,
        cs,
        "player_acted",
        agency=target if target in state.agencies else state.player,
        programme=target if target in state.programmes else "",
        mission=target if target in state.missions else "",
        action=action.kind,
    )
