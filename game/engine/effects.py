"""Apply a scenario's effects (from events, choices and joining) to the state."""

from __future__ import annotations

from game.engine import corps, ledger, membership, modifiers, programmes, variables
from game.engine.admission import rival_membership
from game.engine.agency_names import agency_named
from game.engine.agency_names import the as _the
from game.engine.compiled import CompiledScenario
from game.engine.policies import change_policy
from game.engine.programme_changes import apply_programme_changes
from game.engine.rulebook import budget_modifier, clamp_percent
from game.engine.state import GameState, k
from game.format.models import Effect
from game.i18n import msg


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
        if effect.modifier is not None:  # a timed effect: undone when it ends
            modifiers.start(state, cs, effect, reason, who)
            continue
        if effect.money:
            ledger.pay(state, agency, k(effect.money), reason)
        for stat in ("science", "prestige", "support"):
            value = getattr(effect, stat)
            if value:
                ledger.gain(state, agency, stat, value, reason)
        if effect.astronauts:
            if state.corps and who in state.corps:  # people join or leave a named corps
                corps.resize(state, cs, agency, effect.astronauts, reason)
            else:
                ledger.gain(state, agency, "astronauts", effect.astronauts, reason)
        if effect.budget:
            agency.budget_modifier = budget_modifier(agency.budget_modifier, effect.budget, cs.rules)
        for change in effect.relations:
            other, of = _the(state, change.agency), _the(state, change.of) if change.of else who
            if other and of:
                ledger.relate(state, of, other, change.delta, reason)
        for item in effect.health:
            if pid := _the(state, item.programme):
                programme = state.programmes[pid]
                programme.health = clamp_percent(programme.health + item.delta)
        for item in effect.slip:
            if pid := _the(state, item.programme):
                programmes.slip(state, cs, pid, item.milestone, item.turns, reason)
        for item in effect.overrun:
            if pid := _the(state, item.programme):
                programmes.overrun(state, pid, item.percent, reason)
        if effect.announce or effect.open or effect.close or effect.admission:
            apply_programme_changes(state, cs, effect, reason)  # before joins: announce, then join
        for item in effect.join:  # the scenario decides, but never into a rival's member nor a hidden one
            joiner, pid = _the(state, item.agency), _the(state, item.programme)
            if not (joiner and pid):
                continue
            target = state.programmes[pid]
            if not (target.hidden or target.is_member(joiner) or rival_membership(state, cs, joiner, pid)):
                join(state, cs, joiner, pid, None)
        for item in effect.leave:
            leaver, pid = _the(state, item.agency), _the(state, item.programme)
            if leaver and pid and leaver in state.programmes[pid].members:
                membership.leave(state, cs, leaver, pid, reason, penalty=False)
        for item in effect.status:
            if pid := _the(state, item.programme):
                programmes.set_status(state, cs, pid, item.status, reason)
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
