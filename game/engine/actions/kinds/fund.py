"""Start building one of a programme's open contributions, as a partner."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import PROGRAMMES_RANK, contribution_offers, no_programme, slot_reason
from game.engine.compiled import CompiledScenario
from game.engine.membership import start_build
from game.engine.rulebook import LIVE_STATUSES
from game.engine.state import GameState
from game.i18n import N_, msg


class Fund(ActionHandler):
    kind = "fund"
    description = N_("Start building an open contribution of a programme you are in.")
    group = N_("Programmes")
    rank = PROGRAMMES_RANK
    contribution = True
    done = N_("Build started")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        target = action.target
        refused = no_programme(state, target)
        if refused:
            return refused
        programme = state.programmes[target]
        short = cs.programmes[target].model.short
        if programme.status not in LIVE_STATUSES:
            return msg("{programme} is {status}", programme=short, status=programme.status)
        if not programme.is_member(state.player):
            return msg("join {programme} first", programme=short)
        return slot_reason(state, cs, target, action.option)

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        target, option = action.target, action.option
        start_build(state, cs, target, option, state.player)
        ledger.report(
            state,
            "action",
            msg("You start building {name}", name=cs.programmes[target].slots[option].name),
            target,
            True,
        )

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        return contribution_offers(state, cs, self.kind, members=True)

    def road(self, action: Action) -> str | None:
        return action.target


HANDLER = Fund()
