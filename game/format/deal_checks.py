"""Checks of a scenario's ``deals:`` that its models cannot see: ids, sides, expressions, effects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.format.dates import parse_date
from game.format.models import DEAL_AMOUNTS, DealItem, DealOffer, Deals, DealTerms

if TYPE_CHECKING:
    from game.format.checks import _Checker
    from game.format.yaml_source import DataPath


def check_deals(checker: _Checker, deals: Deals) -> None:
    """Every offer's and every agency's terms, located."""
    checker.unique(("deals", "offers"), deals.offers, "deal")
    for i, offer in enumerate(deals.offers):
        _check_offer(checker, ("deals", "offers", i), offer)
    seen: dict[str, int] = {}
    for i, terms in enumerate(deals.terms):
        loc = ("deals", "terms", i)
        checker.known((*loc, "agency"), terms.agency, checker.agencies, "agency")
        if terms.agency in seen:
            checker.error(
                (*loc, "agency"),
                "duplicate-id",
                f"'{terms.agency}' already has its terms (deals.terms[{seen[terms.agency]}])",
            )
        seen.setdefault(terms.agency, i)
        _check_terms(checker, loc, terms)


def _check_offer(checker: _Checker, loc: DataPath, offer: DealOffer) -> None:
    checker.known((*loc, "agency"), offer.agency, checker.agencies, "agency")
    if offer.after and offer.before and parse_date(offer.before) < parse_date(offer.after):
        checker.error((*loc, "before"), "date-order", "'before' is earlier than 'after'")
    if not offer.gives and not offer.asks:
        checker.error((*loc, "id"), "deal", "a deal gives or asks something: add 'gives' or 'asks'")
    if offer.accord_name is not None and not any(i.kind == "accord" for i in (*offer.gives, *offer.asks)):
        checker.error((*loc, "accord_name"), "deal", "'accord_name' names an accord: add an 'accord' item")
    checker.check_condition((*loc, "when"), offer.when)
    for key in ("on_sign", "on_refuse", "on_break"):
        checker.check_effects((*loc, key), getattr(offer, key))
    for side in ("gives", "asks"):
        for j, item in enumerate(getattr(offer, side)):
            _check_item(checker, (*loc, side, j), item, offer.agency if side == "gives" else None)


def _check_item(checker: _Checker, loc: DataPath, item: DealItem, giver: str | None) -> None:
    """An item's id exists; what only one side can give is on that side (``giver``: None for the player)."""
    kind = item.kind
    where = (*loc, kind)
    if kind in DEAL_AMOUNTS or kind == "accord":
        return
    checker.known(where, item.value, _pool(checker, kind), _WHAT[kind])
    if kind == "joint_mission" and giver is not None:
        checker.error(where, "deal", "only the player builds national missions: put it in 'asks'")
    if kind == "seat":
        programme = checker.programmes.get(item.value)
        if programme is None:
            return
        if giver is not None and giver not in programme.leads:
            checker.error(where, "deal", f"only a lead of '{item.value}' gives its seats; '{giver}' is none")
        if giver is None and not any(lead in _playable(checker) for lead in programme.leads):
            checker.error(
                where, "deal", f"the player gives no seats on '{item.value}': no playable agency leads it"
            )


def _check_terms(checker: _Checker, loc: DataPath, terms: DealTerms) -> None:
    if isinstance(terms.goodwill, str):
        checker.check_expression((*loc, "goodwill"), terms.goodwill, "number")
    rules: set[tuple[str, str]] = set()
    for j, rule in enumerate(terms.values):
        rloc = (*loc, "values", j)
        key = (rule.item, rule.ref or "")
        if key in rules:
            checker.error(
                (*rloc, "item"), "duplicate-id", f"a second rule for {rule.item} {rule.ref or ''}".rstrip()
            )
        rules.add(key)
        if rule.value is None and rule.cost is None:
            checker.error((*rloc, "item"), "deal", "a rule gives 'value' (taken), 'cost' (given) or both")
        if rule.ref is not None:
            if rule.item in DEAL_AMOUNTS:
                checker.error((*rloc, "ref"), "deal", f"'{rule.item}' is an amount: it names no id")
            elif rule.item != "accord":
                checker.known((*rloc, "ref"), rule.ref, _pool(checker, rule.item), _WHAT[rule.item])
        for key_name in ("value", "cost"):
            value = getattr(rule, key_name)
            if isinstance(value, str):
                checker.check_expression((*rloc, key_name), value, "number")


_WHAT = {
    "contribution": "contribution",
    "joint_mission": "joint_mission",
    "seat": "programme",
    "support": "programme",
    "loan": "capability area",
    "stance": "bloc",
}


def _pool(checker: _Checker, kind: str) -> set[str] | dict[str, object]:
    pools: dict[str, set[str] | dict[str, object]] = {
        "contribution": checker.contributions,
        "joint_mission": checker.missions,
        "seat": checker.programmes,
        "support": checker.programmes,
        "loan": checker.capabilities,
        "stance": checker.blocs,
    }
    return pools[kind]


def _playable(checker: _Checker) -> set[str]:
    return {agency.id for agency in checker.scenario.playable_agencies()}
