"""Break an agreement in force: what the player was told on signing happens now."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import deals
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import UNDOING_GROUP
from game.engine.compiled import CompiledScenario
from game.engine.deal_views import breaking
from game.engine.state import GameState
from game.i18n import N_, joined, msg

#: Breaking comes with the other undoing actions, last in the turn's list.
BREAK_RANK = 6


class BreakDeal(ActionHandler):
    kind = "break_deal"
    description = N_("Break an agreement in force; it says what that costs before you confirm.")
    group = UNDOING_GROUP
    rank = BREAK_RANK
    done = N_("Agreement broken")
    consequences_title = N_("What breaking it costs")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        deal = deals.find(state, action.target)
        if deal is None or deal.status != deals.IN_FORCE:
            return msg("no agreement {target} in force", target=action.target)
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        deal = deals.find(state, action.target)
        assert deal is not None
        deals.renege(state, cs, deal, N_("you broke it"))

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for deal in deals.in_force(state):
            yield (
                (self.rank, deal.uid),
                Action(self.kind, str(deal.uid)),
                msg(
                    "Break the agreement with {agency}: {deal}",
                    deal=deals.title(cs, deal),
                    agency=cs.agencies[deal.agency].short,
                ),
                0,
                0,
                joined(", ", breaking(state, cs, deal)),
            )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        deal = deals.find(state, action.target)
        return breaking(state, cs, deal) if deal is not None else []


HANDLER = BreakDeal()
