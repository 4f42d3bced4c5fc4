"""The shared rules (game/engine/rulebook.py) and the compiled scenario's records.

Hot loops keep inline copies of a few shared rules for speed; each copy is held here to the
function it copies, on random figures, through the engine code that holds it.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from game.engine import ledger
from game.engine.builds import progress_builds
from game.engine.compiled import CompiledScenario, record_type
from game.engine.corps import _train
from game.engine.game import Game
from game.engine.programmes import update_health
from game.engine.rewards import science_income
from game.engine.rulebook import clamp_percent, clamp_relation, instalment, never_below_zero
from game.format.models import Defeat, Policy, Rules
from tests.fuzz_settings import fuzz_settings
from tests.helpers import mini_with

#: NASA builds every turn it is asked to (reliability 1); the mini scenario has no overruns.
RELIABLE = mini_with("    policy: {funding: 3}\n", "    policy: {funding: 3, reliability: 1}\n")
FIGURE = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
POSITIVE = st.floats(min_value=0, max_value=1000)
RELATION = st.floats(min_value=-100, max_value=100, allow_nan=False)


def fresh() -> Game:
    return Game(RELIABLE, "esa", 1)


@fuzz_settings(60)
@given(cost=st.integers(min_value=0, max_value=50_000_000), turns=st.integers(min_value=1, max_value=80))
def test_the_other_agencies_builds_pay_the_shared_instalment(cost: int, turns: int) -> None:
    game = fresh()
    build = game.state.programmes["gateway"].slots["hab"]
    build.owner, build.status, build.cost_left, build.turns_left = "nasa", "building", cost, turns
    money = game.state.agencies["nasa"].money
    progress_builds(game.state, game.compiled)
    assert build.paid == instalment(cost, turns)
    assert game.state.agencies["nasa"].money == money - instalment(cost, turns)
    assert build.status == ("delivered" if turns == 1 else "building")


@fuzz_settings(60)
@given(old=POSITIVE, delta=FIGURE, stat=st.sampled_from(["science", "prestige"]))
def test_gain_all_keeps_others_figures_never_below_zero(old: float, delta: float, stat: str) -> None:
    game = fresh()
    nasa = game.state.agencies["nasa"]
    setattr(nasa, stat, old)
    ledger.gain_all(game.state, [nasa], stat, delta, "a test")
    assert getattr(nasa, stat) == (never_below_zero(old + delta) if delta else old)


@fuzz_settings(60)
@given(old=st.floats(min_value=0, max_value=1000))
def test_science_income_of_the_other_agencies_is_never_below_zero(old: float) -> None:
    game = fresh()
    nasa = game.state.agencies["nasa"]
    nasa.science = old
    build = game.state.programmes["ilrs"].slots["drill"]
    build.owner, build.status, build.rewarded = "nasa", "delivered", True
    (drill,) = game.compiled.programmes["ilrs"].science_slots
    science_income(game.state, game.compiled)
    assert nasa.science == never_below_zero(old + drill.per_turn)


@fuzz_settings(60)
@given(old=RELATION, delta=st.floats(min_value=-400, max_value=400, allow_nan=False))
def test_every_copy_of_the_relation_clamp_agrees(old: float, delta: float) -> None:
    expected = clamp_relation(old + delta)
    game = fresh()
    state = game.state
    state.relations["nasa"]["cnsa"] = state.relations["cnsa"]["nasa"] = old
    state.shift_relation("nasa", "cnsa", delta)
    assert state.relations["nasa"]["cnsa"] == state.relations["cnsa"]["nasa"] == expected
    state.relations["nasa"]["cnsa"] = state.relations["cnsa"]["nasa"] = old
    ledger.relate_all(state, ("nasa",), (("cnsa", delta),), "a test")  # two other agencies: inline
    assert state.relations["nasa"]["cnsa"] == state.relations["cnsa"]["nasa"] == expected


@fuzz_settings(40)
@given(
    relations=st.lists(RELATION, min_size=6, max_size=6),
    deltas=st.lists(st.floats(min_value=-150, max_value=150, allow_nan=False), min_size=2, max_size=2),
)
def test_the_membership_drift_moves_relations_alike_with_records_or_without(
    relations: list[float], deltas: list[float]
) -> None:
    """relate_all without records (one inline loop) leaves the relations as relate() does one by one,
    the player's own, a pull toward a member and one toward itself included."""
    agencies = ("esa", "nasa", "cnsa")
    pulls = (("cnsa", deltas[0]), ("esa", deltas[1]))
    after = []
    for records in (True, False):
        state = fresh().state
        state.records = records
        pairs = [(a, b) for i, a in enumerate(agencies) for b in agencies[i + 1 :]]
        for (a, b), value in zip(pairs, relations, strict=False):
            state.relations[a][b] = state.relations[b][a] = value
        ledger.relate_all(state, agencies, pulls, "a test")
        after.append({(a, b): state.relations[a].get(b) for a in agencies for b in agencies})
    assert after[0] == after[1]


def _records(value: object, seen: set[int]) -> list[object]:
    """Every record reachable from the compiled scenario's own fields (not the models it keeps)."""
    if id(value) in seen:
        return []
    seen.add(id(value))
    found = [value]
    if isinstance(value, dict):
        for item in value.values():
            found += _records(item, seen)
    elif isinstance(value, tuple | list):
        for item in value:
            found += _records(item, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name not in ("scenario", "model") and not item.name.startswith("_"):  # caches
                found += _records(getattr(value, item.name), seen)
    return found


def test_the_compiled_scenario_is_frozen_slotted_typed_records() -> None:
    cs = RELIABLE
    for item in _records(cs, set()):
        assert not isinstance(item, SimpleNamespace), item
        if type(item) is tuple:  # a tuple is a sequence of records, never a record itself
            assert all(type(part) is not tuple for part in item), item
        if dataclasses.is_dataclass(item):
            params = type(item).__dataclass_params__  # type: ignore[attr-defined]
            # slotted: no dict per record (a class compiled by mypyc has none and no __slots__ either)
            assert params.frozen and not hasattr(item, "__dict__"), type(item)
    assert isinstance(cs, CompiledScenario)
    # the records, not the pydantic models (compiled.py's RulesRecord... name them for the checkers)
    assert type(cs.rules) is record_type(Rules) and type(cs.defeat) is record_type(Defeat)
    assert all(type(mover.policy) is record_type(Policy) for mover in cs.movers)


def test_the_rules_record_has_every_rule_with_its_type() -> None:
    rules = RELIABLE.rules
    assert [f.name for f in dataclasses.fields(rules)] == list(Rules.model_fields)
    for name, info in Rules.model_fields.items():
        value = getattr(rules, name)
        assert value == getattr(RELIABLE.scenario.rules, name)
        if info.annotation is float:  # a whole-number default of a number field is a float here
            assert type(value) is float, name


def test_a_scenario_rule_reaches_the_engine() -> None:
    cs: CompiledScenario = mini_with("rules:\n", "rules:\n  failure_slip: 7\n  support_rest: 40\n")
    assert (cs.rules.failure_slip, cs.rules.support_rest) == (7, 40.0)


@fuzz_settings(40)
@given(
    old=st.floats(min_value=0, max_value=100), decay=st.floats(min_value=-150, max_value=150, allow_nan=False)
)
def test_readiness_out_of_training_keeps_the_shared_percent_clamp(old: float, decay: float) -> None:
    """corps._train's inline clamp of an astronaut not in training agrees with clamp_percent."""
    from tests.test_corps import corps_scenario

    cs = corps_scenario()
    game = Game(cs, "esa", 1)
    rules = dataclasses.replace(cs.rules, readiness_decay=decay)
    astronaut = game.state.corps["esa"].astronauts[0]
    astronaut.readiness, astronaut.training = old, False
    _train(game.state, dataclasses.replace(cs, rules=rules), game.state.corps["esa"])
    assert astronaut.readiness == clamp_percent(old - decay)


@fuzz_settings(40)
@given(old=st.floats(min_value=0, max_value=100), delta=FIGURE, records=st.booleans())
def test_support_gains_keep_the_shared_percent_clamp(old: float, delta: float, records: bool) -> None:
    """ledger.gain's inline support clamp agrees with clamp_percent, and records the real change."""
    state = fresh().state
    state.records = records
    state.me.support = old
    ledger.gain(state, state.me, "support", delta, "a test")
    assert state.me.support == (clamp_percent(old + delta) if delta else old)
    if records and state.me.support != old:
        assert state.changes[-1].delta == state.me.support - old


@fuzz_settings(40)
@given(old=st.floats(min_value=0, max_value=100), drift=st.floats(min_value=-5, max_value=5, allow_nan=False))
def test_programme_health_keeps_the_shared_percent_clamp(old: float, drift: float) -> None:
    """update_health's inline clamp agrees with clamp_percent (a drift past either bound included)."""
    game = fresh()
    cs = dataclasses.replace(
        game.compiled, rules=dataclasses.replace(game.compiled.rules, health_drift=drift)
    )
    programme = game.state.programmes["gateway"]
    programme.health = old
    target = expected_target(game, cs, "gateway")
    update_health(game.state, cs)
    assert programme.health == clamp_percent(old + (target - old) * drift)


def expected_target(game: Game, cs: CompiledScenario, pid: str) -> float:
    """The health a programme drifts toward, as update_health works it out (the player in no build)."""
    programme = game.state.programmes[pid]
    funding = sum(cs.funding[a] for a in (*programme.leads, *programme.members) if a != game.state.player)
    return min(100.0, cs.programmes[pid].model.base_health + cs.rules.health_per_funding * funding)
