"""Turn step: scenario events whose window, condition and chance hold, and due follow-ups."""

from __future__ import annotations

from game.engine import ledger
from game.engine.compiled import CompiledScenario
from game.engine.effects import apply_effects
from game.engine.state import GameState, PendingEvent


def fire(state: GameState, cs: CompiledScenario, event_id: str) -> None:
    """Fire an event: news, immediate effects, and a pending choice when it has choices."""
    event = cs.events[event_id].model
    state.fired[event_id] = state.turn
    ledger.report(state, "event", event.title, None, True)
    apply_effects(state, cs, event.effects, event.title)
    if event.choices:
        state.pending.append(PendingEvent(uid=state.next_uid, event=event_id, month=state.month))
        state.next_uid += 1


def fire_events(state: GameState, cs: CompiledScenario) -> None:
    if state.follow_ups:
        due = [eid for turn, eid in state.follow_ups if turn <= state.turn]
        state.follow_ups = [(turn, eid) for turn, eid in state.follow_ups if turn > state.turn]
        for eid in due:
            if cs.events[eid].condition(state):
                fire(state, cs, eid)
    turn, rng, fired = state.turn, state.rng, state.fired
    for eid, condition, repeat, cooldown, chance in cs.events_open_in(state.month):
        last = fired.get(eid)
        if last is not None and (not repeat or turn - last < cooldown):
            continue
        if not condition(state):
            continue
        if chance < 1 and rng.random() >= chance:
            continue
        fire(state, cs, eid)


def answer(state: GameState, cs: CompiledScenario, pending: PendingEvent, choice_id: str) -> None:
    event = cs.events[pending.event].model
    choice = next(c for c in event.choices if c.id == choice_id)
    state.pending.remove(pending)
    ledger.report(state, "event", f"{event.title}: {choice.label}", None, True)
    apply_effects(state, cs, choice.effects, f"{event.title}: {choice.label}")
