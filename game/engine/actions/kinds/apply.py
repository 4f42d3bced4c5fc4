"""Apply to join a programme, offering one of its contributions or none (observer status)."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import PROGRAMMES_RANK, contribution_offers, no_programme, slot_reason
from game.engine.admission import refusal
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState
from game.i18n import N_, msg


class Apply(ActionHandler):
    kind = "apply"
    description = N_("Ask a programme's leads to take you in; they answer at the end of the turn.")
    group = N_("Programmes")
    rank = PROGRAMMES_RANK
    contribution = True
    done = N_("Application sent: the leads answer at the end of the turn")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        target, option = action.target, action.option
        refused = no_programme(state, target)
        if refused:
            return refused
        programme = state.programmes[target]
        cp = cs.programmes[target]
        short = cp.model.short
        if programme.is_member(state.player):
            return msg("you are already in {programme}", programme=short)
        if state.player in programme.applicants:
            return msg("your application to {programme} is being considered", programme=short)
        return refusal(state, cs, target) or (slot_reason(state, cs, target, option) if option else "")

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        target = action.target
        state.programmes[target].applicants[state.player] = action.option
        ledger.report(
            state,
            "action",
            msg("You apply to join {programme}", programme=cs.programmes[target].model.short),
            target,
            True,
        )

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, (pid, cp) in enumerate(cs.programmes.items()):
            programme = state.programmes[pid]
            if not (programme.is_member(state.player) or programme.hidden):
                yield (
                    (PROGRAMMES_RANK, index, 0),
                    Action(self.kind, pid),
                    msg("Apply to {programme} without a contribution", programme=cp.model.short),
                    0,
                    0,
                    N_("observer status"),
                )
        yield from contribution_offers(state, cs, self.kind, members=False)

    def road(self, action: Action) -> str | None:
        return action.target


HANDLER = Apply()
