"""The turn loop's short cuts read the same as the scans and tests they replace.

The build index (game/engine/build_index.py) is kept up to date as builds start, are delivered
and are rewarded; a programme's ``due_from`` (fly_milestones) never passes a pending milestone;
the events open in a month are checked with their ``player(...)`` tests decided for the
campaign's player (expressions.condition_for_player); the research's reliability bonus is kept by
the projects done (research.reliability_bonus). Each is checked against the plain reading
at every turn of whole campaigns of every shipped scenario and of the one that uses every
feature, under a few strategies.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Iterator

import pytest

from game.bots import make_strategy
from game.cli.common import load_compiled
from game.engine.build_index import build_index
from game.engine.compiled import CompiledScenario
from game.engine.effects import parts_of
from game.engine.expressions import condition_for_player
from game.engine.game import Game
from game.engine.research import reliability_bonus
from game.engine.state import GameState
from game.format.models import Effect
from game.paths import shipped_scenarios_dir
from tests.test_all_features import compiled as all_features


def scenarios() -> list[CompiledScenario]:
    found = [load_compiled(str(path)) for path in sorted(shipped_scenarios_dir().glob("*.yaml"))]
    return [cs for cs in found if cs is not None] + [all_features()]


def turns(cs: CompiledScenario, agency: str, strategy: str, seed: int) -> Iterator[GameState]:
    """The state after every turn of a whole campaign (its opening first)."""
    game = Game(cs, agency, seed, records=False)
    bot = make_strategy(strategy, seed, cs.scenario)
    yield game.state
    while not game.over:
        bot.play_turn(game)
        yield game.state


def scanned(state: GameState, cs: CompiledScenario) -> tuple[list, list, list]:
    """What the index holds, read by a scan of every slot as the turn loop once did."""
    under_way, mine, earning = [], [], []
    for pid, programme in state.programmes.items():
        science = {sid for sid, _, _ in cs.programmes[pid].science_slots}
        for sid, build in programme.slots.items():
            if build.status == "building":
                under_way.append((pid, sid))
            if build.owner == state.player:
                mine.append((pid, sid))
            if build.rewarded and build.owner is not None and sid in science:
                earning.append((pid, sid))
    return under_way, mine, earning


def indexed(state: GameState, cs: CompiledScenario) -> tuple[list, list, list]:
    """The index as its readers read it: each entry checked again (stale ones skipped)."""
    index = build_index(state, cs)
    slot_of = {id(build): sid for p in state.programmes.values() for sid, build in p.slots.items()}
    under_way = [(pid, sid) for _, pid, sid, build in index.under_way if build.status == "building"]
    mine = [
        (pid, sid)
        for pid, owned in index.mine.items()
        for _, sid, build in owned
        if build.owner == state.player
    ]
    earning = [
        (pid, slot_of[id(build)])
        for _, pid, build, _, _ in index.earning
        if build.rewarded and build.owner is not None
    ]
    return under_way, sorted(mine, key=_order(state)), earning


def bonuses(state: GameState, cs: CompiledScenario) -> dict[str, float]:
    """The research's reliability bonus for every kind of flight, as the turn loop reads it (kept)."""
    return {kind: reliability_bonus(state, cs, kind) for kind in _kinds(cs)}


def summed(state: GameState, cs: CompiledScenario) -> dict[str, float]:
    """The same, added up from the projects done, in the order done."""
    unlocks = [cs.research[project].unlocks.reliability for project in state.researched]
    return {kind: sum(found.get(kind, 0.0) for found in unlocks) for kind in _kinds(cs)}


def _kinds(cs: CompiledScenario) -> set[str]:
    return {"mission"} | {slot.kind for cp in cs.programmes.values() for slot in cp.slots.values()}


def _order(state: GameState):
    places = {
        (pid, sid): n
        for n, (pid, sid) in enumerate((pid, sid) for pid, p in state.programmes.items() for sid in p.slots)
    }
    return lambda key: places[key]


@pytest.mark.parametrize("strategy", ["greedy", "random"])
def test_the_build_index_holds_what_a_scan_finds_at_every_turn(strategy: str) -> None:
    checked = researched = 0
    for cs in scenarios():
        agency = cs.playable()[0]
        for state in turns(cs, agency, strategy, 2):
            assert indexed(state, cs) == scanned(state, cs), (cs.scenario.id, state.turn)
            assert bonuses(state, cs) == summed(state, cs), (cs.scenario.id, state.turn)
            researched += bool(state.researched)
            for pid, due_from in state.due_from.items():  # fly_milestones skips a programme before it
                pending = [m.due for m in state.programmes[pid].milestones if m.status == "pending"]
                assert due_from <= min(pending, default=math.inf), (cs.scenario.id, state.turn, pid)
            checked += 1
    assert checked > 200 and researched > 50


def test_a_copy_of_the_state_works_its_index_out_again() -> None:
    cs = load_compiled(None)
    assert cs is not None
    for middle in turns(cs, "esa", "greedy", 1):
        if middle.turn == 20:
            break
    build_index(middle, cs)
    twin = middle.copy()
    assert twin.build_index is None
    assert indexed(twin, cs) == scanned(twin, cs) == indexed(middle, cs)


def test_event_conditions_read_the_same_for_the_campaigns_player() -> None:
    """Each event's condition with ``player(...)`` decided says what the whole condition says."""
    compared = decided = 0
    for cs in scenarios():
        for agency in cs.playable():
            for state in list(turns(cs, agency, "greedy", 3))[::7]:
                for event in cs.events.values():
                    quick = condition_for_player(event.model.when, agency)
                    expected = event.condition(state)
                    got = quick if isinstance(quick, bool) else quick(state)
                    assert got == expected, (cs.scenario.id, agency, event.model.id)
                    compared += 1
                    decided += isinstance(quick, bool)
    assert compared > 1000 and decided > 100


#: The keys of an effect that say how or to whom it applies, not a change of their own.
_HOW_IT_APPLIES = {"modifier", "duration", "until", "per_turn", "agency"}


def test_every_kind_of_change_an_effect_may_have_is_applied() -> None:
    """apply_effects applies only the parts an effect has (kept per effect): each key of an effect
    that changes something has its part, and an effect without changes has none."""
    cs = load_compiled(None)
    assert cs is not None
    assert parts_of(cs, Effect()) == ()
    for name, field in Effect.model_fields.items():
        if name in _HOW_IT_APPLIES:
            continue
        # what the part's test reads, of the field's type (a compiled engine checks it)
        value = [object()] if typing.get_origin(field.annotation) is list else 1
        assert parts_of(cs, Effect.model_construct(**{name: value})), name
