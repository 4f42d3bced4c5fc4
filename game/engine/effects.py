"""Apply a scenario's effects (from events, choices and joining) to the state."""

from __future__ import annotations

from game.engine import ledger, membership, programmes, variables
from game.engine.admission import rival_membership
from game.engine.compiled import CompiledScenario
from game.engine.policies import change_policy
from game.engine.programme_changes import apply_programme_changes
from game.engine.rulebook import budget_modifier, clamp_percent
from game.engine.state import GameState, k
from game.format.models import PLAYER, Effect
from game.i18n import msg


def agency_named(state: GameState, name: str) -> str:
    """The agency an effect names: 'player' is whoever plays this campaign."""
    return state.player if name == PLAYER else name


def apply_effects(
    state: GameState, cs: CompiledScenario, effects: list[Effect], reason: str, subject: str | None = None
) -> None:
    """Apply effects to ``subject`` (the player by default), or to the agency an effect names:
    money, stats, relations, programmes, policies."""
    if not effects:
        return
    subject = subject or state.player
    for effect in effects:
        who = subject if effect.agency is None else agency_named(state, effect.agency)
        agency = state.agencies[who]
        if effect.money:
            ledger.pay(state, agency, k(effect.money), reason)
        for stat in ("science", "prestige", "support", "astronauts"):
            value = getattr(effect, stat)
            if value:
                ledger.gain(state, agency, stat, value, reason)
        if effect.budget:
            agency.budget_modifier = budget_modifier(agency.budget_modifier, effect.budget, cs.rules)
        for change in effect.relations:
            other = who if change.of is None else agency_named(state, change.of)
            ledger.relate(state, other, agency_named(state, change.agency), change.delta, reason)
        for item in effect.health:
            programme = state.programmes[item.programme]
            programme.health = clamp_percent(programme.health + item.delta)
        for item in effect.slip:
            programmes.slip(state, cs, item.programme, item.milestone, item.turns, reason)
        for item in effect.overrun:
            programmes.overrun(state, item.programme, item.percent, reason)
        if effect.announce or effect.open or effect.close or effect.admission:
            apply_programme_changes(state, cs, effect, reason)  # before joins: announce, then join
        for item in effect.join:  # the scenario decides, but never into a rival's member nor a hidden one
            joiner, target = agency_named(state, item.agency), state.programmes[item.programme]
            if not (
                target.hidden
                or target.is_member(joiner)
                or rival_membership(state, cs, joiner, item.programme)
            ):
                join(state, cs, joiner, item.programme, None)
        for item in effect.leave:
            leaver = agency_named(state, item.agency)
            if leaver in state.programmes[item.programme].members:
                membership.leave(state, cs, leaver, item.programme, reason, penalty=False)
        for item in effect.status:
            programmes.set_status(state, cs, item.programme, item.status, reason)
        for item in effect.capability:
            ledger.capability(state, agency, item.area, item.delta, cs.rules.capability_max, reason)
        state.flags.update(effect.set_flags)
        state.flags.difference_update(effect.clear_flags)
        for follow in effect.follow_up:
            state.follow_ups.append((state.turn + max(1, follow.delay), follow.event))
        if effect.vars:
            variables.change(state, effect.vars)
        if effect.agency_flags:
            variables.flag(state, effect.agency_flags)
        for change in effect.policy:
            change_policy(state, cs, agency_named(state, change.agency), change)


def join(state: GameState, cs: CompiledScenario, agency: str, programme_id: str, slot_id: str | None) -> None:
    """``agency`` becomes a member; then the programme's on-join effects apply with it as the joiner."""
    membership.admit(state, cs, agency, programme_id, slot_id)
    short = cs.programmes[programme_id].model.short
    apply_effects(
        state,
        cs,
        cs.programmes[programme_id].model.on_join,
        msg("joined {programme}", programme=short),
        subject=agency,
    )
