"""Who may join a programme now: one rule for the player's applications and the computer's.

The rule is checked against the state as it stands when each application is decided, so a
membership granted earlier in the same turn counts, and no agency is ever a member of two
rival programmes (game/format/rivals.py), whoever moved it there. A programme's rule and
whether it is open are the scenario's until an effect changes them (the programme's state says).
"""

from __future__ import annotations

from game.engine.compiled import AdmissionRule, CompiledScenario, Predicate
from game.engine.explain import explain_failure
from game.engine.rulebook import LIVE_STATUSES
from game.engine.state import GameState
from game.format.words import figure_short_of
from game.i18n import msg


def rival_membership(state: GameState, cs: CompiledScenario, agency: str, programme_id: str) -> str:
    """A rival programme ``agency`` has joined (leads do not count), or ''."""
    for other in cs.rivals.get(programme_id, ()):
        if agency in state.programmes[other].members:
            return other
    return ""


def admission_rule(state: GameState, cs: CompiledScenario, programme_id: str) -> AdmissionRule:
    """The programme's admission rule now: the scenario's, or the one an effect put in its place."""
    changed = state.programmes[programme_id].admission
    return cs.admission_rule(changed) if changed else cs.programmes[programme_id].rule


def is_open(state: GameState, cs: CompiledScenario, programme_id: str) -> bool:
    """Whether the programme takes new partners: announced, and open as the scenario or an effect says."""
    return state.programmes[programme_id].takes_partners()


def _condition_holds(state: GameState, predicate: Predicate, agency: str) -> bool:
    """An admission condition for ``agency``: a condition's "player" is whoever applies."""
    if agency == state.player:
        return predicate(state)
    player = state.player
    state.player = agency
    try:
        return predicate(state)
    finally:
        state.player = player


def admits(state: GameState, cs: CompiledScenario, agency: str, programme_id: str) -> bool:
    """Whether the programme takes ``agency`` as a partner now (before the leads' answer)."""
    programme = state.programmes[programme_id]
    if programme.status not in LIVE_STATUSES or not is_open(state, cs, programme_id):
        return False
    rule = admission_rule(state, cs, programme_id)
    floor = rule.model.min_relation
    if any(state.relation(agency, lead) < floor for lead in programme.leads):
        return False
    if rival_membership(state, cs, agency, programme_id):
        return False
    return _condition_holds(state, rule.condition, agency)


def refusal(state: GameState, cs: CompiledScenario, programme_id: str) -> str:
    """Why the programme does not take the player now, in plain words, or '' when it does."""
    programme = state.programmes[programme_id]
    cp = cs.programmes[programme_id]
    short = cp.model.short
    if programme.hidden:
        return msg(
            "no programme '{target}'", target=programme_id
        )  # not announced: the player does not know of it
    if programme.status not in LIVE_STATUSES:
        return msg("{programme} is {status}", programme=short, status=programme.status)
    if not is_open(state, cs, programme_id):
        return msg("{programme} takes no new partners", programme=short)
    rival = rival_membership(state, cs, state.player, programme_id)
    if rival:
        return msg(
            "{programme} is closed to members of {rival}; you are one",
            programme=short,
            rival=cs.programmes[rival].model.short,
        )
    floor = admission_rule(state, cs, programme_id).model.min_relation
    for lead in programme.leads:
        mine = state.relation(state.player, lead)
        if mine < floor:
            lead_name = cs.agencies[lead].short
            return msg(
                "{programme} asks for relations of {floor:.0f} with {lead_name}; yours are {mine}",
                programme=short,
                floor=floor,
                lead_name=lead_name,
                mine=figure_short_of(mine),
            )
    return condition_refusal(state, cs, programme_id)


def condition_refusal(state: GameState, cs: CompiledScenario, programme_id: str) -> str:
    """Why the programme's own condition turns the player away, or '' when it holds.

    The scenario's ``admission.refusal`` text when it gives one, else the failing parts of
    the condition with the player's figures.
    """
    cp = cs.programmes[programme_id]
    admission, holds = admission_rule(state, cs, programme_id)
    if admission.condition is None or holds(state):
        return ""
    if admission.refusal:
        return admission.refusal
    clauses = explain_failure(admission.condition, state, cs)
    return (
        msg("{programme} {clauses}", programme=cp.model.short, clauses=clauses[0])
        if clauses
        else msg("you do not meet {programme}'s conditions", programme=cp.model.short)
    )
