"""Timed modifiers: effects that last some turns, or until a condition holds, and are then undone.

A timed effect (one with ``modifier:``) makes its reversible changes when it starts and
records what they really were, after the clamps (a relation already at 100 gains nothing,
so it loses nothing when the modifier ends). At the end of every turn, ``tick_modifiers``
ends each modifier whose ``until`` holds, or else pays its per-turn amounts and counts the
turn, ending it after its last one; ending undoes exactly what was recorded and says so in
the news. Starting a modifier that is already under way on the same agency refreshes it.
"""

from __future__ import annotations

from functools import cache

from game.engine import ledger
from game.engine.agency_names import the
from game.engine.compiled import CompiledScenario, Predicate
from game.engine.expressions import compile_condition
from game.engine.rulebook import budget_modifier, clamp_percent
from game.engine.state import GameState, ModifierState, k
from game.engine.watch import FLAGS, touch
from game.format.models import Effect
from game.format.words import modifier_title
from game.i18n import msg


def title(name: str) -> str:
    """A modifier's name as the news and the dashboard show it (translated by the scenario's .po)."""
    return modifier_title(name)


def active(state: GameState, name: str, agency: str) -> ModifierState | None:
    """The modifier ``name`` under way on ``agency``, if any."""
    for modifier in state.modifiers:
        if modifier.name == name and modifier.agency == agency:
            return modifier
    return None


def start(state: GameState, cs: CompiledScenario, effect: Effect, reason: str, who: str) -> None:
    """Start the timed modifier of ``effect`` on agency ``who``, or refresh it if it is under way."""
    assert effect.modifier is not None
    until = effect.until or ""
    running = active(state, effect.modifier, who)
    if running is not None:  # refreshed: counted again from the new duration, changes not made twice
        running.turns_left, running.until, running.source = effect.duration, until, reason
        return
    modifier = ModifierState(effect.modifier, who, reason, effect.duration, until)
    agency = state.agencies[who]
    if effect.budget:
        old = agency.budget_modifier
        agency.budget_modifier = budget_modifier(old, effect.budget, cs.rules)
        modifier.budget = agency.budget_modifier - old
    for change in effect.relations:
        first = who if change.of is None else the(state, change.of)
        second = the(state, change.agency)
        if not (first and second):
            continue  # a placeholder the happening has no value for
        real = ledger.relate(state, first, second, change.delta, reason)
        if real:
            modifier.relations.append((first, second, real))
    for item in effect.health:
        pid = the(state, item.programme)
        if not pid:
            continue
        programme = state.programmes[pid]
        old = programme.health
        programme.health = clamp_percent(old + item.delta)
        if programme.health != old:
            modifier.health[pid] = modifier.health.get(pid, 0.0) + programme.health - old
    for cap in effect.capability:
        gained = ledger.capability(state, agency, cap.area, cap.delta, cs.rules.capability_max, reason)
        if gained:
            modifier.capabilities[cap.area] = modifier.capabilities.get(cap.area, 0) + gained
    for flag in effect.set_flags:
        if flag not in state.flags:
            state.flags.add(flag)
            touch(state, FLAGS)
            modifier.flags_set.append(flag)
    for flag in effect.clear_flags:
        if flag in state.flags:
            state.flags.discard(flag)
            touch(state, FLAGS)
            modifier.flags_cleared.append(flag)
    if effect.per_turn is not None:
        per_turn = effect.per_turn
        modifier.money = k(per_turn.money)
        modifier.science, modifier.prestige, modifier.support = (
            per_turn.science,
            per_turn.prestige,
            per_turn.support,
        )
    state.modifiers.append(modifier)


def tick_modifiers(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: end the modifiers whose 'until' holds or whose last turn this was; pay the rest's."""
    if not state.modifiers:
        return
    for modifier in list(state.modifiers):
        if modifier.until and _condition(modifier.until)(state):
            end(state, cs, modifier)
            continue
        agency = state.agencies[modifier.agency]
        reason = title(modifier.name)
        if modifier.money:
            ledger.pay(state, agency, modifier.money, reason)
        for stat in ("science", "prestige", "support"):
            ledger.gain(state, agency, stat, getattr(modifier, stat), reason)
        if modifier.turns_left is not None:
            modifier.turns_left -= 1
            if modifier.turns_left <= 0:
                end(state, cs, modifier)


def end(state: GameState, cs: CompiledScenario, modifier: ModifierState) -> None:
    """Undo what the modifier changed when it started, take it off and say so in the news."""
    state.modifiers.remove(modifier)
    agency = state.agencies[modifier.agency]
    reason = msg("{modifier} ended", modifier=title(modifier.name))
    if modifier.budget:
        agency.budget_modifier = budget_modifier(agency.budget_modifier, -modifier.budget, cs.rules)
    for a, b, delta in modifier.relations:
        ledger.relate(state, a, b, -delta, reason)
    for pid, delta in modifier.health.items():
        programme = state.programmes[pid]
        programme.health = clamp_percent(programme.health - delta)
    for area, points in modifier.capabilities.items():
        ledger.capability(state, agency, area, -points, cs.rules.capability_max, reason)
    state.flags.difference_update(modifier.flags_set)
    state.flags.update(modifier.flags_cleared)
    touch(state, FLAGS)
    news = msg("{modifier} ended ({source})", modifier=title(modifier.name), source=modifier.source)
    ledger.report(state, "event", news, None, modifier.agency == state.player)


@cache
def _condition(text: str) -> Predicate:
    """An 'until' expression compiled once: it depends on its text only, and scenarios hold few."""
    return compile_condition(text)
