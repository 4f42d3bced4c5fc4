"""Deals in words for the faces: what refusing or breaking costs, told before the player chooses."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import deal_items
from game.engine.compiled import CompiledScenario
from game.engine.deals import MONEY_WORTH, term_text, terms_text, title, untraded, willingness, worth
from game.engine.effect_words import describe_effects
from game.engine.state import DealItemState, DealState, GameState
from game.format.dates import format_date
from game.i18n import N_, msg


def refusing(state: GameState, cs: CompiledScenario, deal: DealState) -> list[str]:
    """What refusing an offer (or letting it lapse) does."""
    if not deal.deal:
        return []
    return describe_effects(cs.deals[deal.deal].model.on_refuse, state, cs)


def breaking(state: GameState, cs: CompiledScenario, deal: DealState) -> list[str]:
    """What breaking the agreement costs: told when signing and again before breaking.

    Two costs may fall on the same relation: the rules' ``deal_break_penalty`` for any broken
    agreement and the deal's own ``on_break``; when the deal has its own, each line says which
    it is, so 'relations with Roscosmos -20' and '-6' do not read as one cost told twice."""
    own = describe_effects(cs.deals[deal.deal].model.on_break, state, cs) if deal.deal else []
    agency, penalty = cs.agencies[deal.agency].short, -cs.rules.deal_break_penalty
    found = [
        msg("relations with {agency} {delta:+.0f} for breaking an agreement", agency=agency, delta=penalty)
        if own
        else msg("relations with {agency} {delta:+.0f}", agency=agency, delta=penalty)
    ]
    if any(kind in ("contribution", "joint_mission") for kind, _ in deal.asks):
        found.append(N_("your promised builds stop, and what was paid into them is lost"))
    if any(kind == "seat" for kind, _ in deal.gives):
        found.append(N_("the seats it gave you that have not flown are taken back, and none owed is given"))
    if any(kind == "accord" for kind, _ in deal.gives):
        found.append(N_("you leave the accord"))
    found.extend(msg("{effect} by this agreement's own terms", effect=effect) for effect in own)
    return found


#: The rules' field that lists the amounts a proposal offers, for each kind of item that is an amount.
STEPS = {"money": "deal_money_steps", "data": "deal_data_steps", "rocket": "deal_rocket_steps"}
#: The statuses the ledger lists first, in order (the rest, the past, after them).
FIRST = ("offered", "proposed", "signed")


def agencies_taking_proposals(state: GameState, cs: CompiledScenario) -> list[str]:
    """The agencies the player may propose a deal to, in the scenario's order."""
    return [aid for aid in cs.deal_terms if aid != state.player]


def proposal_items(
    state: GameState, cs: CompiledScenario, agency: str
) -> tuple[list[DealItemState], list[DealItemState]]:
    """What the player could put on each side of a proposal to ``agency``: (the player gives, the
    agency gives), every item the agency's terms take or give, in the terms' order."""
    terms = cs.deal_terms.get(agency)
    if terms is None:
        return [], []
    player = state.player
    rules = dict(terms.rules)
    rules.setdefault(("money", ""), MONEY_WORTH)
    sides: tuple[list[DealItemState], list[DealItemState]] = ([], [])
    for (kind, ref), rule in rules.items():
        for side, wanted, giver in ((sides[0], rule.value, player), (sides[1], rule.cost, agency)):
            if wanted is None:
                continue
            for item in _items(state, cs, kind, ref, giver):
                if item not in side and worth(cs, agency, item) is rule:
                    side.append(item)
    return sides


def _items(state: GameState, cs: CompiledScenario, kind: str, ref: str, giver: str) -> list[DealItemState]:
    """The items of a rule: its own id, or every id of its kind that ``giver`` could give."""
    if kind in STEPS:
        return [(kind, f"{amount:g}") for amount in getattr(cs.rules, STEPS[kind])]
    if ref:
        return [(kind, ref)]
    programmes = state.programmes
    if kind == "contribution":
        return [
            (kind, f"{pid}.{sid}")
            for pid, programme in programmes.items()
            if programme.is_member(giver) and not programme.hidden
            for sid, build in programme.slots.items()
            if build.status == "open" or build.owner == giver
        ]
    if kind == "seat":
        return [(kind, pid) for pid, programme in programmes.items() if giver in programme.leads]
    if kind == "support":
        return [(kind, pid) for pid, programme in programmes.items() if not programme.hidden]
    if kind == "joint_mission":
        return [(kind, mid) for mid in cs.missions]
    if kind == "loan":
        return [(kind, area) for area in cs.capability_ids]
    if kind == "stance":
        return [(kind, bloc.id) for bloc in cs.scenario.blocs]
    return []


def balance_text(state: GameState, cs: CompiledScenario, agency: str, gives: list, asks: list) -> str:
    """What the agency would answer now, in words: its balance, or why it would not weigh it."""
    short = cs.agencies[agency].short
    if not gives and not asks:
        return msg(
            "{agency}'s goodwill now: {balance:+.0f}",
            agency=short,
            balance=willingness(state, cs, agency, [], []),
        )
    why = untraded(cs, agency, gives, asks)
    if why:
        return why
    balance = willingness(state, cs, agency, gives, asks)
    if balance >= 0:
        return msg("{agency}'s balance {balance:+.0f}: they would sign", agency=short, balance=balance)
    return msg("{agency}'s balance {balance:+.0f}: they would decline", agency=short, balance=balance)


@dataclass(frozen=True, slots=True)
class DealView:
    """A line of the ledger as the deals screen shows it (every text in the engine's words)."""

    uid: int
    status: str
    agency: str  # its short name
    title: str
    terms: str
    when: str  # the deadline of an offer, the term of an agreement, or why it ended
    consequences: tuple[str, ...]  # what refusing (an offer) or breaking (an agreement) costs
    text: str = ""  # what the agency says (an offer's text)
    notes: tuple[str, ...] = ()  # what its items' short words leave unsaid (a public stance's effect)


def ledger(state: GameState, cs: CompiledScenario) -> list[DealView]:
    """Every deal of the campaign: offers waiting first, then agreements in force, then the past."""
    views = []
    rank = {status: place for place, status in enumerate(FIRST)}
    for deal in sorted(state.deals, key=lambda d: (rank.get(d.status, len(FIRST)), -d.uid)):
        if deal.status == "offered":
            when = msg("answer by {date}", date=format_date(deal.until, cs.turn_months))
            consequences = refusing(state, cs, deal)
        elif deal.status == "signed":
            when = (
                msg("until {date}", date=format_date(deal.until - cs.turn_months, cs.turn_months))
                if deal.until
                else term_text(cs, deal)
            )
            consequences = breaking(state, cs, deal)
        elif deal.status == "proposed":
            # answered at the end of the turn it was sent in
            when = msg("answer at the end of {date}", date=format_date(deal.made, cs.turn_months))
            consequences = []
        else:
            when, consequences = deal.reason, []
        text = cs.deals[deal.deal].model.text if deal.deal else ""
        views.append(
            DealView(
                deal.uid,
                deal.status,
                cs.agencies[deal.agency].short,
                title(cs, deal),
                terms_text(cs, deal),
                when,
                tuple(consequences),
                text,
                tuple(deal_items.notes(cs, [*deal.gives, *deal.asks])),
            )
        )
    return views
