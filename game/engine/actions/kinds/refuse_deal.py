"""Turn down a computer-run agency's offer: what the offer said refusing does happens now."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import deals
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.kinds.accept_deal import DEALS_RANK, waiting_offer
from game.engine.compiled import CompiledScenario
from game.engine.deal_views import refusing
from game.engine.state import GameState
from game.i18n import N_, joined, msg


class RefuseDeal(ActionHandler):
    kind = "refuse_deal"
    description = N_("Turn down an agency's offer (letting it lapse does the same at its deadline).")
    group = N_("Deals")
    rank = DEALS_RANK
    done = N_("Offer refused")
    consequences_title = N_("What refusing does")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        return waiting_offer(state, action.target)

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        deal = deals.find(state, action.target)
        assert deal is not None
        deals.refuse(state, cs, deal)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for deal in deals.offers_waiting(state):
            effects = refusing(state, cs, deal)
            yield (
                (self.rank, deal.uid, 1),
                Action(self.kind, str(deal.uid)),
                msg(
                    "Refuse {agency}'s offer: {deal}",
                    deal=deals.title(cs, deal),
                    agency=cs.agencies[deal.agency].short,
                ),
                0,
                0,
                joined(", ", effects) if effects else N_("no consequence"),
            )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        deal = deals.find(state, action.target)
        return refusing(state, cs, deal) if deal is not None else []


HANDLER = RefuseDeal()
