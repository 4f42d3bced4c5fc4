"""Propose a deal to a computer-run agency: items on each side, answered at the end of the turn.

The action's option holds the items: what the player gives, '/', what the player gets, each
'kind:value' joined by '+' (game/engine/deal_items.py, ``encode``).
"""

from __future__ import annotations

from game.engine import deal_items, deals
from game.engine.actions.base import Action, ActionHandler
from game.engine.actions.kinds.accept_deal import DEALS_RANK
from game.engine.compiled import CompiledScenario
from game.engine.deal_views import breaking
from game.engine.state import DealState, GameState
from game.i18n import N_, msg


class ProposeDeal(ActionHandler):
    kind = "propose_deal"
    description = N_(
        "Propose a deal to an agency from the deals screen: it answers at the end of the turn, by "
        "relations, its needs and its bloc's politics (one proposal per agency a turn)."
    )
    group = N_("Deals")
    rank = DEALS_RANK
    done = N_("Proposal sent: the answer comes at the end of the turn")
    consequences_title = N_("If it is signed and you break it later")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        agency = action.target
        if agency not in cs.agencies or agency == state.player:
            return msg("no other agency '{target}'", target=agency)
        if f"deal:{agency}" in state.acted:
            return N_("one proposal per agency per turn")
        sides = deal_items.decode(cs, action.option)
        if isinstance(sides, str):
            return sides
        asks, gives = sides
        if not asks and not gives:
            return N_("put something on the table")
        return deals.untraded(cs, agency, gives, asks) or deal_items.feasible(
            state, cs, _draft(state, agency, gives, asks)
        )

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        sides = deal_items.decode(cs, action.option)
        assert not isinstance(sides, str)
        asks, gives = sides
        deals.propose(state, cs, action.target, gives, asks)
        state.acted.add(f"deal:{action.target}")

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        sides = deal_items.decode(cs, action.option)
        if isinstance(sides, str) or action.target not in cs.agencies:
            return []
        asks, gives = sides
        return breaking(state, cs, _draft(state, action.target, gives, asks))


def _draft(state: GameState, agency: str, gives: list, asks: list) -> DealState:
    """The proposal as the ledger would hold it, to check and describe before it is sent."""
    return DealState(0, agency, "", gives, asks, state.month, "proposed")


HANDLER = ProposeDeal()
