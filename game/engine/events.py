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
    month, turn, rng = state.month, state.turn, state.rng
    for eid, event in cs.events.items():
        model = event.model
        if model.triggered_only:
            continue
        last = state.fired.get(eid)
        if last is not None and (not model.repeat or turn - last < model.cooldown):
            continue
        if (event.after is not None and month < event.after) or (
            event.before is not None and month > event.before
        ):
            continue
        if not event.condition(state):
            continue
        if model.chance < 1 and rng.random() >= model.chance:
            continue
        fire(state, cs, eid)


def answer(state: GameState, cs: CompiledScenario, pending: PendingEvent, choice_id: str) -> None:
    event = cs.events[pending.event].model
    choice = next(c for c in event.choices if c.id == choice_id)
    state.pending.remove(pending)
    ledger.report(state, "event", f"{event.title}: {choice.label}", None, True)
    apply_effects(state, cs, choice.effects, f"{event.title}: {choice.label}")
