"""Recording what happens, for the events hooked on it (``on:``): see game/format/happenings.py.

Each place where something happens (a join, a flight, a delivery, a new fiscal year, the
player's action) calls :func:`happen` behind ``if cs.hooked_kinds:``, so a scenario without
hooked events pays one test of an empty set and nothing more (the most frequent ones, a delivery,
a slip, a join, a new year, test their own kind, so a scenario whose hooks and race answer others
does not pay for them either). A happening is queued in the
state and answered at the next turn's opening (game/engine/events.py, ``fire_hooked``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from game.engine.race import answer_happening
from game.engine.state import GameState, Happening
from game.format.happenings import EFFECT_PLACEHOLDERS

if TYPE_CHECKING:
    from game.engine.actions.base import Action
    from game.engine.compiled import CompiledScenario
    from game.format.models import Effect


def happen(
    state: GameState,
    cs: CompiledScenario,
    kind: str,
    agency: str = "",
    programme: str = "",
    milestone: str = "",
    contribution: str = "",
    mission: str = "",
    action: str = "",
    year: int = 0,
    achievement: str = "",
    project: str = "",
) -> None:
    """Queue a happening when an event is hooked on its kind (milestones and contributions as 'p.id');
    answer it at once when an achievement of the race is earned by it (game/engine/race.py)."""
    if kind in cs.hooked_kinds:
        happening = Happening(
            kind, agency, programme, milestone, contribution, mission, action, year, achievement, project
        )
        if kind in cs.hooks:
            state.happenings.append(happening)
        if cs.race is not None and kind in cs.race.kinds:
            answer_happening(state, cs, happening)


def acted(state: GameState, cs: CompiledScenario, action: Action) -> None:
    """The player took ``action``: its target read as the programme, mission or agency it names."""
    target = action.target
    happen(
        state,
        cs,
        "player_acted",
        agency=target if target in state.agencies else state.player,
        programme=target if target in state.programmes else "",
        mission=target if target in state.missions else "",
        action=action.kind,
    )


def resolve(target: str, happening: Happening | None) -> str:
    """An effect's id, or for a placeholder ('$agency', '$programme') the happening's ('' if none).

    The loader allows a placeholder only in an event hooked on a happening that has the detail
    (game/format/checks.py); a happening may still lack it (a player's action on no programme):
    then the effect's item is skipped.
    """
    if target[0] != "$":
        return target
    return getattr(happening, EFFECT_PLACEHOLDERS[target]) if happening is not None else ""


@contextmanager
def in_scope(state: GameState, happening: Happening | None) -> Iterator[None]:
    """``happening`` in scope of the expressions evaluated meanwhile (a pending event's odds)."""
    before = state.happening
    state.happening = happening
    try:
        yield
    finally:
        state.happening = before


#: The fields of an effect whose items may name the happening's agency or programme, with their keys.
_TARGETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("relations", ("agency", "of")),
    ("health", ("programme",)),
    ("slip", ("programme",)),
    ("overrun", ("programme",)),
    ("join", ("agency", "programme")),
    ("leave", ("agency", "programme")),
    ("status", ("programme",)),
)


def resolved_effect(effect: Effect, happening: Happening | None) -> Effect:
    """``effect`` with the happening's ids in place of its placeholders, for describing it to the
    player (an item whose placeholder the happening lacks is left out, as applying it skips it)."""
    changes: dict[str, list[Any]] = {}
    for name, keys in _TARGETS:
        items = getattr(effect, name)
        if not any(str(getattr(item, key) or "").startswith("$") for item in items for key in keys):
            continue
        kept = []
        for item in items:
            update = {
                key: resolve(value, happening)
                for key in keys
                if (value := getattr(item, key) or "")[:1] == "$"
            }
            if all(update.values()):
                kept.append(item.model_copy(update=update))
        changes[name] = kept
    return effect.model_copy(update=changes) if changes else effect
