"""How the bots answer the agencies' offers: by value, in M$-like points, against what refusing costs.

A bot's own heuristic (the scenario's numbers stay in the engine): what the player gets less
what it gives, plus the offer's ``ai_weight``, against the offer's ``on_refuse`` effects. An
offer that asks for a contribution to a programme other than the bot's road is worth nothing
to it (it would not build there), and one it cannot fulfil now is refused.
"""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.deals import offers_waiting
from game.engine.game import Game
from game.engine.state import DealItemState, DealState, GameState
from game.format.models import Effect

#: Points per unit of what an item or an effect gives the player (M$ count one point each).
SEAT, SCIENCE_PER_TURN, LOAN, BACKING, ACCORD = 40.0, 10.0, 30.0, 15.0, 10.0
SUPPORT, RELATION, STANCE = 3.0, 0.5, 5.0
#: What a build the offer would start is worth to a bot: it builds only by its own plan.
NEW_BUILD = -1e6


def item_worth(state: GameState, cs: CompiledScenario, item: DealItemState, road: str | None) -> float:
    """What an item is worth to the player who receives it (the giver counts it negative)."""
    kind, value = item
    if kind in ("money", "rocket"):
        return float(value)
    if kind == "seat":
        return SEAT
    if kind == "data":
        return float(value) * SCIENCE_PER_TURN
    if kind == "loan":
        return LOAN
    if kind == "support":
        return BACKING if road in (None, value) else 0.0
    if kind == "accord":
        return ACCORD
    if kind == "stance":
        return STANCE
    if kind == "contribution":  # its own build already: a promise costs nothing new; a bot starts
        pid, sid = value.split(".", 1)  # builds by its own plan, never at an agency's asking
        return 0.0 if state.programmes[pid].slots[sid].owner == state.player else NEW_BUILD
    return 0.0 if state.missions[value].build.status == "building" else NEW_BUILD


def effects_worth(effects: list[Effect], player: str) -> float:
    """The plain figures of effects on the player: money, support, prestige, science, relations."""
    total = 0.0
    for effect in effects:
        if effect.agency not in (None, "player", player) or effect.modifier is not None:
            continue
        total += effect.money + effect.support * SUPPORT + effect.prestige + effect.science
        total += sum(change.delta * RELATION for change in effect.relations if change.of is None)
    return total


def offer_worth(state: GameState, cs: CompiledScenario, deal: DealState, road: str | None) -> float:
    """Accepting less refusing, in points: what it gives, less what it asks, less what refusing costs."""
    asks_elsewhere = any(
        kind == "contribution" and road is not None and value.split(".", 1)[0] != road
        for kind, value in deal.asks
    )
    if asks_elsewhere:
        return -1.0
    model = cs.deals[deal.deal].model
    worth = sum(item_worth(state, cs, item, road) for item in deal.gives)
    for item in deal.asks:  # a build the player gives earns its own rewards; anything else is lost
        builds = item[0] in ("contribution", "joint_mission")  # its worth is already a cost
        worth += item_worth(state, cs, item, road) if builds else -item_worth(state, cs, item, road)
    return worth + (model.ai_weight or 0.0) - effects_worth(model.on_refuse, state.player)


def answer_offers(game: Game, road: str | None) -> None:
    """Accept each waiting offer worth taking that can be fulfilled now; refuse the others."""
    for deal in offers_waiting(game.state):
        accept = Action("accept_deal", str(deal.uid))
        take = offer_worth(game.state, game.compiled, deal, road) >= 0 and not game.check(accept)
        game.act(accept if take else Action("refuse_deal", str(deal.uid)))
