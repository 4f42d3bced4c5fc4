"""End the turn: the world moves on (other agencies, builds, events) and reports what happened."""

from __future__ import annotations

from game.engine.actions.base import Action, ActionHandler
from game.engine.compiled import CompiledScenario
from game.engine.reports import TurnReport
from game.engine.state import GameState
from game.engine.turn import end_turn
from game.i18n import N_


class EndTurn(ActionHandler):
    kind = "end_turn"
    description = N_("Finish the turn; events still waiting must be answered first.")

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> TurnReport:
        return end_turn(state, cs)


HANDLER = EndTurn()
