"""Deals with terms: the computer-run agencies' offers, the player's proposals, and the ledger.

The scenario says which offers each agency makes and when (``deals: offers``), and how each
agency weighs what a proposal gives and asks (``deals: terms``); the engine applies the items
(game/engine/deal_items.py). Every offer, proposal and agreement stays in ``state.deals``, the
ledger, with its status. At the end of each turn (``deals_turn``, a step only a scenario with
``deals:`` runs) the agencies answer the proposals, agreements in force pay their data and
end when their term is over or when the player's own actions broke them, offers past their
deadline lapse as refused, and new offers are made.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from game.engine import deal_items, ledger
from game.engine.compiled import CompiledDeal, CompiledScenario, ItemWorth
from game.engine.effects import apply_effects
from game.engine.expressions import number
from game.engine.happenings import happen
from game.engine.state import DealItemState, DealState, GameState
from game.i18n import N_, joined, msg, msgn

#: The statuses of a deal still waiting for an answer, and of an agreement in force.
WAITING = ("offered", "proposed")
IN_FORCE = "signed"
#: An offer made before that still waits or is in force is not made again (``_due_offers``).
_UNANSWERED_OR_IN_FORCE = (*WAITING, IN_FORCE)
#: Money is worth a point per M$ either way unless an agency's terms say otherwise.
MONEY_WORTH = ItemWorth(lambda _state: 1.0, lambda _state: 1.0)


def find(state: GameState, uid: str) -> DealState | None:
    """The deal numbered ``uid`` (as an action's target names it)."""
    for deal in state.deals:
        if str(deal.uid) == uid:
            return deal
    return None


def offers_waiting(state: GameState) -> list[DealState]:
    """The agencies' offers waiting for the player's answer, oldest first."""
    return [deal for deal in state.deals if deal.status == "offered"]


def in_force(state: GameState) -> list[DealState]:
    """The agreements in force, oldest first."""
    return [deal for deal in state.deals if deal.status == IN_FORCE]


def title(cs: CompiledScenario, deal: DealState) -> str:
    """A deal's name: its offer's title, or 'Your proposal to NASA'."""
    if deal.deal:
        return cs.deals[deal.deal].model.title
    return msg("Your proposal to {agency}", agency=cs.agencies[deal.agency].short)


def terms_text(cs: CompiledScenario, deal: DealState) -> str:
    """'you give I-Hab (Gateway); you get 2 crew seats on Gateway'."""
    give = joined(", ", [deal_items.describe(cs, item) for item in deal.asks]) or N_("nothing")
    later = deal_items.for_hardware(deal)
    get = joined(", ", [deal_items.describe(cs, item, later) for item in deal.gives]) or N_("nothing")
    return msg("you give {give}; you get {get}", give=give, get=get)


def term_text(cs: CompiledScenario, deal: DealState) -> str:
    """How long an agreement lasts once signed, in words."""
    turns = _term(cs, deal)
    return (
        msgn("for {turns} turn", "for {turns} turns", turns, turns=turns)
        if turns
        else N_("for the rest of the campaign")
    )


def _term(cs: CompiledScenario, deal: DealState) -> int | None:
    if deal.deal:
        return cs.deals[deal.deal].model.duration
    return cs.rules.deal_proposal_turns


# ---------------------------------------------------------------- what the agencies make of a proposal


def worth(cs: CompiledScenario, agency: str, item: DealItemState) -> ItemWorth | None:
    """The agency's rule for an item: its own, else its kind's; money by default; None: not traded."""
    terms = cs.deal_terms.get(agency)
    if terms is None:
        return None
    kind, value = item
    found = terms.rules.get((kind, value)) or terms.rules.get((kind, ""))
    if found is None and kind == "money":
        return MONEY_WORTH
    return found


def untraded(cs: CompiledScenario, agency: str, gives: list[DealItemState], asks: list[DealItemState]) -> str:
    """Why the agency will not weigh the proposal at all (an item it does not trade), or ''."""
    short = cs.agencies[agency].short
    if agency not in cs.deal_terms:
        return msg("{agency} takes no proposals", agency=short)
    for item in asks:
        rule = worth(cs, agency, item)
        if rule is None or rule.value is None:
            return msg("{agency} does not take {item}", agency=short, item=deal_items.describe(cs, item))
    for item in gives:
        rule = worth(cs, agency, item)
        if rule is None or rule.cost is None:
            return msg("{agency} does not give {item}", agency=short, item=deal_items.describe(cs, item))
    return ""


def willingness(
    state: GameState, cs: CompiledScenario, agency: str, gives: list[DealItemState], asks: list[DealItemState]
) -> float:
    """The agency's balance of a proposal now: goodwill, plus what it receives, less what it gives.

    It signs when the balance is 0 or more (``untraded`` must be '' first).
    """
    terms = cs.deal_terms[agency]
    balance = _number(terms.goodwill(state))
    for item in asks:
        rule = worth(cs, agency, item)
        assert rule is not None and rule.value is not None
        balance += _number(rule.value(state)) * deal_items.amount(item)
    for item in gives:
        rule = worth(cs, agency, item)
        assert rule is not None and rule.cost is not None
        balance -= _number(rule.cost(state)) * deal_items.amount(item)
    return round(balance, 1)


def _number(value: Any) -> float:
    """An expression's value as a balance may use it: a finite number (NaN and infinities count as
    0, and so does a whole number beyond a float's range)."""
    result = number(value)
    return result if math.isfinite(result) else 0.0


# ---------------------------------------------------------------- signing, refusing, breaking


def sign(state: GameState, cs: CompiledScenario, deal: DealState) -> None:
    """Both sides give their items; the agreement is in force from now (see the module's docstring)."""
    player, agency = state.player, deal.agency
    name = title(cs, deal)
    reason = msg("agreement: {deal}", deal=name)
    for item in (*deal.asks, *deal.gives):
        pid = deal_items.programme_of(item)
        if pid and item[0] != "support" and state.programmes[pid].is_member(player):
            deal.marks[f"member:{pid}"] = 1
    for item in deal.asks:
        deal_items.sign(state, cs, deal, item, player, agency, reason)
    for item in deal.gives:
        deal_items.sign(state, cs, deal, item, agency, player, reason)
    deal.status, deal.made = IN_FORCE, state.month
    term = _term(cs, deal)
    deal.until = state.month + term * cs.turn_months if term else 0
    ledger.relate(state, player, agency, cs.rules.deal_signed_relation, reason)
    _tell(
        state,
        msg(
            "Agreement with {agency}: {deal} ({terms})",
            agency=cs.agencies[agency].short,
            deal=name,
            terms=terms_text(cs, deal),
        ),
    )
    if deal.deal:
        apply_effects(state, cs, cs.deals[deal.deal].model.on_sign, reason)
    if cs.hooked_kinds:
        happen(state, cs, "deal_signed", agency=agency)


def refuse(state: GameState, cs: CompiledScenario, deal: DealState, lapsed: bool = False) -> None:
    """The player turns an offer down (or lets it lapse): its ``on_refuse`` effects apply."""
    deal.status = "lapsed" if lapsed else "refused"
    name = title(cs, deal)
    told = (
        msg("{agency}'s offer lapses: {deal}", agency=cs.agencies[deal.agency].short, deal=name)
        if lapsed
        else msg("You turn down {agency}'s offer: {deal}", agency=cs.agencies[deal.agency].short, deal=name)
    )
    _tell(state, told)
    apply_effects(state, cs, cs.deals[deal.deal].model.on_refuse, told)
    if cs.hooked_kinds:
        happen(state, cs, "deal_refused", agency=deal.agency)


def renege(state: GameState, cs: CompiledScenario, deal: DealState, why: str) -> None:
    """The player breaks the agreement: what it said on signing happens now."""
    deal.status, deal.reason = "broken", why
    name = title(cs, deal)
    reason = msg("broke the agreement: {deal}", deal=name)
    lost = deal_items.take_back(state, cs, deal, reason)
    ledger.relate(state, state.player, deal.agency, -cs.rules.deal_break_penalty, reason)
    told = msg(
        "You break the agreement with {agency}: {deal} ({why})",
        agency=cs.agencies[deal.agency].short,
        deal=name,
        why=why,
    )
    if lost:
        told = msg("{told}; lost: {lost}", told=told, lost=joined(", ", lost))
    _tell(state, told)
    if deal.deal:
        apply_effects(state, cs, cs.deals[deal.deal].model.on_break, reason)
    if cs.hooked_kinds:
        happen(state, cs, "deal_broken", agency=deal.agency)


def propose(
    state: GameState, cs: CompiledScenario, agency: str, gives: list[DealItemState], asks: list[DealItemState]
) -> DealState:
    """The player's proposal to ``agency``: answered at the end of the turn."""
    deal = DealState(_next_uid(state), agency, "", list(gives), list(asks), state.month, "proposed")
    state.deals.append(deal)
    ledger.report(
        state,
        "action",
        msg(
            "You propose a deal to {agency} ({terms})",
            agency=cs.agencies[agency].short,
            terms=terms_text(cs, deal),
        ),
        None,
        True,
    )
    return deal


def _next_uid(state: GameState) -> int:
    return state.deals[-1].uid + 1 if state.deals else 1


# ---------------------------------------------------------------- the turn step


def deals_turn(state: GameState, cs: CompiledScenario) -> None:
    """Turn step (only with 'deals:'): proposals answered, agreements kept or ended, offers lapse and come."""
    if not (cs.deals or cs.deal_terms):
        return
    for deal in [d for d in state.deals if d.status == "proposed"]:
        _answer(state, cs, deal)
    for deal in in_force(state):
        _keep(state, cs, deal)
    for deal in offers_waiting(state):
        if state.month >= deal.until:
            refuse(state, cs, deal, lapsed=True)
    for compiled in _due_offers(state, cs):
        _offer(state, cs, compiled)


def _answer(state: GameState, cs: CompiledScenario, deal: DealState) -> None:
    """The agency answers the player's proposal as things stand at the end of the turn."""
    short = cs.agencies[deal.agency].short
    why = untraded(cs, deal.agency, deal.gives, deal.asks) or deal_items.feasible(state, cs, deal)
    if not why:
        balance = willingness(state, cs, deal.agency, deal.gives, deal.asks)
        if balance >= 0:
            sign(state, cs, deal)
            return
        why = msg("it is {balance:.0f} points short of worth their while", balance=-balance)
    deal.status, deal.reason = "declined", why
    _tell(state, msg("{agency} declines your proposal: {why}", agency=short, why=why))


def _keep(state: GameState, cs: CompiledScenario, deal: DealState) -> None:
    """An agreement in force: ended by a cancelled programme, broken by the player's own doing, else
    its data paid, else ended at its term."""
    why = deal_items.ended_by_world(state, cs, deal)
    if why:
        deal.status, deal.reason = "completed", why
        deal_items.end(state, cs, deal, msg("the agreement ended: {deal}", deal=title(cs, deal)))
        _tell(
            state,
            msg(
                "The agreement with {agency} ends: {deal} ({why})",
                agency=cs.agencies[deal.agency].short,
                deal=title(cs, deal),
                why=why,
            ),
        )
        return
    why = deal_items.broken_by_player(state, cs, deal)
    if why:
        renege(state, cs, deal, why)
        return
    given = deal_items.settle(state, cs, deal)
    if given:
        _tell(
            state,
            msg(
                "{agency} gives {given}: {deal}",
                agency=cs.agencies[deal.agency].short,
                given=given,
                deal=title(cs, deal),
            ),
        )
    reason = msg("agreement: {deal}", deal=title(cs, deal)) if state.records else ""  # for the record alone
    for item in deal.gives:
        deal_items.each_turn(state, deal, item, state.player, reason)
    for item in deal.asks:
        deal_items.each_turn(state, deal, item, deal.agency, reason)
    if deal.until and state.month + cs.turn_months >= deal.until:
        deal.status = "completed"
        deal_items.end(state, cs, deal, msg("the agreement ended: {deal}", deal=title(cs, deal)))
        _tell(
            state,
            msg(
                "The agreement with {agency} ends, kept: {deal}",
                agency=cs.agencies[deal.agency].short,
                deal=title(cs, deal),
            ),
        )


def _tell(state: GameState, text: str) -> None:
    """A line of the player's partner news: an offer, an answer, an agreement made, kept or ended.
    The caller builds it with a literal ``msg``, where the catalogue tools find it."""
    ledger.report(state, "partner", text, None, True)


def _due_offers(state: GameState, cs: CompiledScenario) -> Iterator[CompiledDeal]:
    """The offers whose agency, dates, history, condition and chance say they are made now (the
    player's own agency's, and those meant for other players, never: ``cs.deals_open_in``)."""
    last: dict[str, DealState] = {}
    for deal in state.deals:
        if deal.deal:
            last[deal.deal] = deal
    month = state.month
    for compiled, condition in cs.deals_open_in(month, state.player):  # dates, agency, player(...)
        model = compiled.model
        before = last.get(model.id)
        if before is not None:
            if not model.repeat or before.status in _UNANSWERED_OR_IN_FORCE:
                continue
            if month - before.made < model.cooldown * cs.turn_months:
                continue
        if condition is not None and not condition(state):
            continue
        if model.chance < 1 and state.rng.random() >= model.chance:
            continue
        yield compiled


def _offer(state: GameState, cs: CompiledScenario, compiled: CompiledDeal) -> None:
    model = compiled.model
    deal = DealState(
        _next_uid(state),
        model.agency,
        model.id,
        list(compiled.gives),
        list(compiled.asks),
        state.month,
        "offered",
        state.month + model.deadline * cs.turn_months,
    )
    state.deals.append(deal)
    _tell(
        state,
        msg(
            "{agency} offers a deal: {deal} (answer on the deals screen, n)",
            agency=cs.agencies[model.agency].short,
            deal=model.title,
        ),
    )
    if cs.hooked_kinds:
        happen(state, cs, "deal_offered", agency=model.agency)


def backing(state: GameState, programme: str) -> int:
    """How many agreements in force back the player's membership of ``programme``."""
    return sum(1 for deal in state.deals if deal.status == IN_FORCE and ("support", programme) in deal.gives)
