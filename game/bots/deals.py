"""How the bots answer the agencies' offers: by value, in M$-like points, against what refusing costs;
and which proposals of its own a bot that looks ahead (greedy) tries.

A bot's own heuristic (the scenario's numbers stay in the engine): what the player gets less
what it gives, plus the offer's ``ai_weight``, against the offer's ``on_refuse`` effects. An
offer that asks for a contribution to a programme other than the bot's road is worth nothing
to it (it would not build there, unless it builds it already), and one it cannot fulfil now is
refused.
"""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.deal_items import encode
from game.engine.deal_views import agencies_taking_proposals, proposal_items
from game.engine.deals import offers_waiting, untraded, willingness
from game.engine.game import Game
from game.engine.state import DealItemState, DealState, GameState
from game.format.models import Effect

#: Points per unit of what an item or an effect gives the player (M$ count one point each).
SEAT, SCIENCE_PER_TURN, LOAN, BACKING, ACCORD = 40.0, 10.0, 30.0, 15.0, 10.0
SUPPORT, RELATION, STANCE = 3.0, 0.5, 5.0
#: What a build the offer would start is worth to a bot: it builds only by its own plan.
NEW_BUILD = -1e6
#: Proposals a bot tries a turn at most (each costs it a look one turn ahead).
MAX_PROPOSALS = 2
#: The statuses of an agreement the player has signed (in force or kept to its end).
SIGNED = ("signed", "completed")


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


def _own_build(state: GameState, contribution: str) -> bool:
    """Whether the player builds that contribution already (the offer asks a promise, no new work)."""
    pid, sid = contribution.split(".", 1)
    return state.programmes[pid].slots[sid].owner == state.player


def offer_worth(state: GameState, cs: CompiledScenario, deal: DealState, road: str | None) -> float:
    """Accepting less refusing, in points: what it gives, less what it asks, less what refusing costs."""
    asks_elsewhere = any(
        kind == "contribution"
        and road is not None
        and value.split(".", 1)[0] != road
        and not _own_build(state, value)
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


def _worth_to_bot(state: GameState, cs: CompiledScenario, item: DealItemState) -> float:
    """What an item asked for is worth: a loan in an area the bot needs saves the level's price."""
    if item[0] == "loan":
        level = state.me.capabilities.get(item[1], 0)
        return max(LOAN, cs.rules.capability_cost * (level + 1))
    return item_worth(state, cs, item, None)


def proposals(game: Game, needs: set[str]) -> list[Action]:
    """The proposals most worth a look now, at most ``MAX_PROPOSALS``: from each agency that takes
    them, data, or a loan of hardware in an area the bot still ``needs``, each for the least the
    agency's balance accepts now (a public stance alone, else the smallest sum of money).

    Only proposals the agency would sign as things stand are tried (a declined one changes
    nothing), one agreement of the bot's own per agency at a time; whether one pays is for the
    look-ahead to say. The bot pays in money or a stance, never in data or builds, and takes a
    public stance with a bloc once: said again, it is a price the bot does not ask an agency to
    count twice.
    """
    state, cs = game.state, game.compiled
    ours = {deal.agency for deal in state.deals if not deal.deal and deal.status in ("proposed", "signed")}
    stood = {item for deal in state.deals if deal.status in SIGNED for item in deal.asks}  # stances said
    ranked: list[tuple[float, int, Action]] = []
    for agency in agencies_taking_proposals(state, cs):
        if agency in ours or f"deal:{agency}" in state.acted:
            continue
        pay_with, gets = proposal_items(state, cs, agency)
        wanted = [item for item in gets if item[0] == "data" or (item[0] == "loan" and item[1] in needs)]
        if not wanted:
            continue
        stances = [[item] for item in pay_with if item[0] == "stance" and item not in stood]
        sums = sorted((item for item in pay_with if item[0] == "money"), key=lambda item: float(item[1]))
        for item in wanted:
            for payment in (*stances, *([money] for money in sums)):
                if (
                    untraded(cs, agency, [item], payment)
                    or willingness(state, cs, agency, [item], payment) < 0
                ):
                    continue
                price = sum(item_worth(state, cs, paid, None) for paid in payment)
                gain = _worth_to_bot(state, cs, item) - price
                if gain > 0:
                    action = Action("propose_deal", agency, encode(payment, [item]))
                    ranked.append((gain, len(ranked), action))
                break
    ranked.sort(key=lambda entry: (-entry[0], entry[1]))
    found = []
    for _gain, _order, action in ranked:
        if not game.check(action):
            found.append(action)
            if len(found) == MAX_PROPOSALS:
                break
    return found
