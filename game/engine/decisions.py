"""Which actions are legal now, with their costs, and applying them. Refusals change nothing.

The rules of each kind of action live in its handler (:mod:`game.engine.actions.registry`);
this module adds the refusals every kind shares and puts the turn's offers in order.
"""

from __future__ import annotations

from operator import itemgetter

from game.engine.actions import Action, ActionOption, Offer
from game.engine.actions.registry import HANDLERS
from game.engine.compiled import CompiledScenario
from game.engine.happenings import acted
from game.engine.reports import TurnReport
from game.engine.state import GameState
from game.engine.texts import event_title
from game.i18n import N_, msg


def check(state: GameState, cs: CompiledScenario, action: Action) -> str:
    """Why ``action`` is not allowed now, or '' when it is."""
    if state.over:
        return N_("the campaign is over")
    handler = HANDLERS.get(action.kind)
    if state.pending and (handler is None or not handler.while_pending):
        first = state.pending[0]
        return msg("answer '{title}' first", title=event_title(state, cs, first.event, first.happening))
    if handler is None:
        return msg("unknown action '{kind}'", kind=action.kind)
    return handler.check(state, cs, action)


def apply(state: GameState, cs: CompiledScenario, action: Action) -> tuple[str, TurnReport | None]:
    """Carry out an action: (the refusal reason, nothing changed) or ('', the report if it ended the turn)."""
    reason = check(state, cs, action)
    if reason:
        return reason, None
    report = HANDLERS[action.kind].apply(state, cs, action)
    if cs.hooked_kinds and report is None:  # every action but ending the turn, whose report opens the next
        acted(state, cs, action)
    return "", report


_place = itemgetter(0)  # an offer's place in the turn's list


def options(state: GameState, cs: CompiledScenario) -> list[ActionOption]:
    """Every action worth showing this turn, allowed or not, each with its cost and reason."""
    offers: list[Offer] = []
    for handler in HANDLERS.values():
        offers.extend(handler.offers(state, cs))
    offers.sort(key=_place)
    return [
        ActionOption(action, label, now_k / 1000, total_k / 1000, effect, check(state, cs, action))
        for _place, action, label, now_k, total_k, effect in offers
    ]
