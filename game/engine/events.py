"""Turn step: scenario events whose window, condition and chance hold, due follow-ups, and the
events hooked on what happened (``on:``).

An event without choices, or a choice, may have weighted outcomes: one is drawn from the
campaign's generator when it plays out (and only then, so scenarios without outcomes draw
exactly as before), and the news tells which.

Hooked events are answered in the turn's opening, after the polled ones, in the order the
happenings were recorded and, for each happening, in the file's order of the events. Each
event fires at most once per opening (its ``repeat`` and ``cooldown`` hold as for any event),
and the happenings its own effects cause wait for the next opening: an event that causes
its own happening fires again a turn later at the soonest, never in a loop. The happening is
in scope (``state.happening``) while the event's condition, effects and outcomes are worked
out, and again when the player answers it.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import ledger
from game.engine.compiled import CompiledEvent, CompiledOutcome, CompiledScenario
from game.engine.effects import apply_effects
from game.engine.scoring import scale_value
from game.engine.state import GameState, Happening, PendingEvent
from game.engine.texts import render_text
from game.engine.watch import watch_of
from game.i18n import msg


def fire(state: GameState, cs: CompiledScenario, event_id: str, happening: Happening | None = None) -> None:
    """Fire an event: news, immediate effects, and a pending choice when it has choices."""
    event = cs.events[event_id].model
    state.fired[event_id] = state.turn
    state.happening = happening
    title = render_text(state, cs, event.title, happening)  # rendered as it fires: saves keep the text
    ledger.report(state, "event", title, None, True)
    apply_effects(state, cs, event.effects, title)
    if event.choices:
        state.pending.append(
            PendingEvent(uid=state.next_uid, event=event_id, month=state.month, happening=happening)
        )
        state.next_uid += 1
    elif event.outcomes:
        play_out(state, cs, title, cs.events[event_id].outcomes)
    state.happening = None


def fire_events(state: GameState, cs: CompiledScenario) -> None:
    if state.follow_ups:
        due = [eid for turn, eid in state.follow_ups if turn <= state.turn]
        state.follow_ups = [(turn, eid) for turn, eid in state.follow_ups if turn > state.turn]
        for eid in due:
            if cs.events[eid].condition(state):
                fire(state, cs, eid)
    turn, rng, fired = state.turn, state.rng, state.fired
    watch = watch_of(state)
    versions, kept = watch.versions, watch.known
    for eid, condition, repeat, cooldown, chance, steady in cs.events_open_in(state.month, state.player):
        last = fired.get(eid)
        if last is not None and (not repeat or turn - last < cooldown):
            continue
        if steady is not None:  # watch.known, inline: kept while what it reads is unchanged
            slot, test, stamp = steady
            now = stamp(versions)
            value = kept.get(slot)
            if value is None or value[0] != now:
                value = kept[slot] = (now, test(state))
            if not value[1]:
                continue
        if condition is not None and not condition(state):
            continue
        if chance < 1 and rng.random() >= chance:
            continue
        fire(state, cs, eid)


def fire_hooked(state: GameState, cs: CompiledScenario) -> None:
    """The events hooked on the happenings since the last opening (see the module's docstring)."""
    if not state.happenings:
        return
    due, state.happenings = state.happenings, []  # what these events cause waits for the next opening
    for happening in due:
        for eid in cs.hooks.get(happening.kind, ()):
            event = cs.events[eid]
            if _answers(state, event, happening):
                fire(state, cs, eid, happening)


def _answers(state: GameState, event: CompiledEvent, happening: Happening) -> bool:
    """Whether ``event`` fires now for ``happening``: filters, window, repeat, condition, chance."""
    for detail, value in event.filters:
        if getattr(happening, detail) != value:
            return False
    month, model = state.month, event.model
    if (event.after is not None and month < event.after) or (
        event.before is not None and month > event.before
    ):
        return False
    last = state.fired.get(model.id)
    if last is not None and (not model.repeat or state.turn - last < model.cooldown):
        return False
    state.happening = happening
    holds = event.condition(state)
    state.happening = None
    return holds and (model.chance >= 1 or state.rng.random() < model.chance)


def answer(
    state: GameState, cs: CompiledScenario, pending: PendingEvent, choice_id: str, outcome: str | None = None
) -> None:
    """The player's choice: its effects, then one of its outcomes drawn (``outcome``: that one, for
    a bot weighing each in a copy of the game)."""
    compiled = cs.events[pending.event]
    event = compiled.model
    choice = next(c for c in event.choices if c.id == choice_id)
    state.pending.remove(pending)
    state.happening = pending.happening
    title = render_text(state, cs, event.title, pending.happening)
    line = msg("{title}: {label}", title=title, label=render_text(state, cs, choice.label, pending.happening))
    ledger.report(state, "event", line, None, True)
    apply_effects(state, cs, choice.effects, line)
    outcomes = compiled.choice_outcomes.get(choice_id)
    if outcomes:
        play_out(state, cs, title, outcomes, outcome)
    state.happening = None


def odds(state: GameState, outcomes: Sequence[CompiledOutcome]) -> list[float]:
    """Each outcome's chance now, in order: its weight's share of them all (all 0: none is drawn).

    A weight below 0 counts as 0, and one that is no number (NaN) as 0 too.
    """
    weights = [scale_value(o.weight(state)) for o in outcomes]
    total = sum(weights)
    return [w / total for w in weights] if total > 0 else [0.0] * len(weights)


def draw(state: GameState, outcomes: Sequence[CompiledOutcome]) -> CompiledOutcome | None:
    """One outcome drawn by weight from the campaign's generator; None (and no draw) if all are 0."""
    weights = [scale_value(o.weight(state)) for o in outcomes]
    total = sum(weights)
    if total <= 0:
        return None
    point = state.rng.random() * total
    for outcome, weight in zip(outcomes, weights, strict=True):
        point -= weight
        if point < 0 and weight > 0:
            return outcome
    return next(o for o, w in zip(reversed(outcomes), reversed(weights), strict=True) if w > 0)


def play_out(
    state: GameState,
    cs: CompiledScenario,
    title: str,
    outcomes: Sequence[CompiledOutcome],
    forced: str | None = None,
) -> None:
    """Draw an outcome (or take ``forced``), tell it in the news, and apply its effects."""
    chosen = [o for o in outcomes if o.model.id == forced]
    drawn = chosen[0] if chosen else draw(state, outcomes)
    if drawn is None:
        return
    model = drawn.model
    label = render_text(state, cs, model.label, state.happening)
    text = render_text(state, cs, model.text, state.happening)
    told = (
        msg("{title}: {label} — {text}", title=title, label=label, text=text)
        if text
        else msg("{title}: {label}", title=title, label=label)
    )
    ledger.report(state, "event", told, None, True)
    apply_effects(state, cs, model.effects, msg("{title}: {label}", title=title, label=label))
