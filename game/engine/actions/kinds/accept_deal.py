"""Accept a computer-run agency's offer: the agreement is signed and both sides give their items."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import deal_items, deals
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.compiled import CompiledScenario
from game.engine.deal_views import breaking
from game.engine.state import GameState
from game.i18n import N_, msg

#: Where the deals' offers come in the turn's list: after the programmes and missions.
DEALS_RANK = 3


def waiting_offer(state: GameState, target: str) -> str:
    """Why ``target`` names no offer waiting for an answer, or ''."""
    deal = deals.find(state, target)
    if deal is None or deal.status != "offered":
        return msg("no offer {target} waiting", target=target)
    return ""


class AcceptDeal(ActionHandler):
    kind = "accept_deal"
    description = N_("Accept an agency's offer: both sides give what it says, and it is in your ledger.")
    group = N_("Deals")
    rank = DEALS_RANK
    done = N_("Agreement signed")
    consequences_title = N_("If you break it later")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        waiting = waiting_offer(state, action.target)
        if waiting:
            return waiting
        deal = deals.find(state, action.target)
        assert deal is not None
        return deal_items.feasible(state, cs, deal)

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        deal = deals.find(state, action.target)
        assert deal is not None
        deals.sign(state, cs, deal)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for deal in deals.offers_waiting(state):
            yield (
                (self.rank, deal.uid, 0),
                Action(self.kind, str(deal.uid)),
                msg(
                    "Accept {agency}'s offer: {deal}",
                    deal=deals.title(cs, deal),
                    agency=cs.agencies[deal.agency].short,
                ),
                0,
                0,
                deals.terms_text(cs, deal),
            )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        deal = deals.find(state, action.target)
        return breaking(state, cs, deal) if deal is not None else []


HANDLER = AcceptDeal()
