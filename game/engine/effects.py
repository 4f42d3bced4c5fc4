"""Apply a scenario's effects (from events, choices and joining) to the state."""

from __future__ import annotations

from collections.abc import Callable

from game.engine import corps, ledger, membership, modifiers, programmes, variables
from game.engine.admission import rival_membership
from game.engine.agency_names import agency_named
from game.engine.agency_names import the as _the
from game.engine.compiled import CompiledScenario
from game.engine.policies import change_policy
from game.engine.programme_changes import apply_programme_changes
from game.engine.rulebook import budget_modifier, clamp_percent
from game.engine.state import AgencyState, GameState, k
from game.engine.watch import FLAGS, touch
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
        for part in parts_of(cs, effect):
            part(state, cs, effect, who, agency, reason)


#: A part of an effect: (state, scenario, the effect, the agency it applies to, its state, the reason).
Part = Callable[[GameState, CompiledScenario, Effect, str, AgencyState, str], None]


def _money(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    ledger.pay(state, agency, k(effect.money), reason)


def _stats(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for stat in ("science", "prestige", "support"):
        value = getattr(effect, stat)
        if value:
            ledger.gain(state, agency, stat, value, reason)


def _astronauts(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    if state.corps and who in state.corps:  # people join or leave a named corps
        corps.resize(state, cs, agency, effect.astronauts, reason)
    else:
        ledger.gain(state, agency, "astronauts", effect.astronauts, reason)


def _budget(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    agency.budget_modifier = budget_modifier(agency.budget_modifier, effect.budget, cs.rules)


def _relations(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for change in effect.relations:
        other, of = _the(state, change.agency), _the(state, change.of) if change.of else who
        if other and of:
            ledger.relate(state, of, other, change.delta, reason)


def _health(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for item in effect.health:
        if pid := _the(state, item.programme):
            programme = state.programmes[pid]
            programme.health = clamp_percent(programme.health + item.delta)


def _slip(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for item in effect.slip:
        if pid := _the(state, item.programme):
            programmes.slip(state, cs, pid, item.milestone, item.turns, reason)


def _overrun(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for item in effect.overrun:
        if pid := _the(state, item.programme):
            programmes.overrun(state, cs, pid, item.percent, reason)


def _programme_changes(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    apply_programme_changes(state, cs, effect, reason)  # before joins: announce, then join


def _join(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for item in effect.join:  # the scenario decides, but never into a rival's member nor a hidden one
        joiner, pid = _the(state, item.agency), _the(state, item.programme)
        if not (joiner and pid):
            continue
        target = state.programmes[pid]
        if not (target.hidden or target.is_member(joiner) or rival_membership(state, cs, joiner, pid)):
            join(state, cs, joiner, pid, None)


def _leave(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for item in effect.leave:
        leaver, pid = _the(state, item.agency), _the(state, item.programme)
        if leaver and pid and leaver in state.programmes[pid].members:
            membership.leave(state, cs, leaver, pid, reason, penalty=False)


def _status(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for item in effect.status:
        if pid := _the(state, item.programme):
            programmes.set_status(state, cs, pid, item.status, reason)


def _capability(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for item in effect.capability:
        ledger.capability(state, agency, item.area, item.delta, cs.rules.capability_max, reason)


def _flags(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    state.flags.update(effect.set_flags)
    state.flags.difference_update(effect.clear_flags)
    touch(state, FLAGS)


def _follow_up(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for follow in effect.follow_up:
        state.follow_ups.append((state.turn + max(1, follow.delay), follow.event))


def _vars(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    variables.change(state, effect.vars)


def _agency_flags(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    variables.flag(state, effect.agency_flags)


def _policy(
    state: GameState, cs: CompiledScenario, effect: Effect, who: str, agency: AgencyState, reason: str
) -> None:
    for change in effect.policy:
        change_policy(state, cs, agency_named(state, change.agency), change)


#: Every part an effect may have, in the order they apply, each with whether an effect has it.
PARTS: tuple[tuple[Callable[[Effect], object], Part], ...] = (
    (lambda e: e.money, _money),
    (lambda e: e.science or e.prestige or e.support, _stats),
    (lambda e: e.astronauts, _astronauts),
    (lambda e: e.budget, _budget),
    (lambda e: e.relations, _relations),
    (lambda e: e.health, _health),
    (lambda e: e.slip, _slip),
    (lambda e: e.overrun, _overrun),
    (lambda e: e.announce or e.open or e.close or e.admission, _programme_changes),
    (lambda e: e.join, _join),
    (lambda e: e.leave, _leave),
    (lambda e: e.status, _status),
    (lambda e: e.capability, _capability),
    (lambda e: e.set_flags or e.clear_flags, _flags),
    (lambda e: e.follow_up, _follow_up),
    (lambda e: e.vars, _vars),
    (lambda e: e.agency_flags, _agency_flags),
    (lambda e: e.policy, _policy),
)


def parts_of(cs: CompiledScenario, effect: Effect) -> tuple[Part, ...]:
    """The parts ``effect`` has, in order: worked out once per effect and kept by the scenario
    (its data does not change), so an event that only slips a milestone costs one step, not a
    test of every kind of change. Kept by id, with the effect, which keeps its id its own."""
    known = cs._effect_parts.get(id(effect))
    if known is None or known[0] is not effect:
        known = cs._effect_parts[id(effect)] = (effect, tuple(part for has, part in PARTS if has(effect)))
    return known[1]


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
