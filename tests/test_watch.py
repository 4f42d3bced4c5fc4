"""Conditions asked again only when what they read changed (game/engine/watch.py).

Whole campaigns play the same with the kept values as on the slow path that asks every
condition every time (the same state hash), and under ``VERIFY`` every kept value is checked
against the one worked out again: a write to the state that forgot to ``touch`` its channel
fails there, in every shipped scenario and in the one that uses every feature.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.bots import make_strategy, strategy_names
from game.cli.common import load_compiled
from game.engine import watch
from game.engine.compiled import CompiledScenario
from game.engine.expressions import compile_condition, reads_of, split_condition
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.state import GameState
from game.format.expressions import parse_expression
from game.paths import shipped_scenarios_dir
from game.sim.runner import play_campaign
from tests.test_all_features import compiled as all_features


def scenarios() -> list[CompiledScenario]:
    found = [load_compiled(str(path)) for path in sorted(shipped_scenarios_dir().glob("*.yaml"))]
    return [cs for cs in found if cs is not None] + [all_features()]


@pytest.fixture
def slow_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch, "ENABLED", False)


@pytest.fixture
def verifying(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch, "VERIFY", True)


def _hashes(campaigns: list[tuple[CompiledScenario, str, str, int]]) -> list[str]:
    return [state_hash(play_campaign(cs, agency, strategy, seed)) for cs, agency, strategy, seed in campaigns]


def test_campaigns_play_as_on_the_slow_path(monkeypatch: pytest.MonkeyPatch) -> None:
    default = load_compiled(None)
    assert default is not None
    every = all_features()
    campaigns = [(default, agency, "gateway", seed) for agency in ("esa", "uae") for seed in (1, 2)]
    campaigns += [(default, "esa", "greedy", 1), (default, "isro", "random", 3)]
    campaigns += [(every, every.playable()[0], strategy, 1) for strategy in strategy_names(every.scenario)]
    fast = _hashes(campaigns)
    monkeypatch.setattr(watch, "ENABLED", False)
    assert _hashes(campaigns) == fast


@pytest.mark.usefixtures("verifying")
@pytest.mark.parametrize("cs", scenarios(), ids=lambda cs: cs.scenario.id)
def test_every_kept_value_is_what_the_condition_reads(cs: CompiledScenario) -> None:
    """Every strategy of every playable agency, one seed: no write goes unseen."""
    for agency in cs.playable():
        for strategy in strategy_names(cs.scenario):
            if strategy.startswith("planner"):
                continue  # the planners play the same turn loop, only slower
            play_campaign(cs, agency, strategy, 1)


def test_an_unseen_write_is_caught(verifying: None) -> None:
    """The check itself: a flag set behind the engine's back while a kept value says otherwise."""
    cs = load_compiled(None)
    assert cs is not None
    game = Game(cs, "esa", 1, records=False)
    check = watch.watched(compile_condition('flag("unseen")'), frozenset({watch.FLAGS}))
    assert check is not None
    state = game.state
    assert watch.known(state, check) is False
    state.flags.add("unseen")  # no touch
    with pytest.raises(AssertionError, match=r"did not call watch\.touch"):
        watch.known(state, check)


def _counting(calls: list[int]):  # a condition that counts how often it is asked
    def test(state: GameState) -> bool:
        calls.append(1)
        return "seen" in state.flags

    return test


def _flag_watch(calls: list[int]) -> tuple[GameState, watch.Watched]:
    """ESA's opening state on the default scenario, and a kept condition on a flag that counts its asks."""
    cs = load_compiled(None)
    assert cs is not None
    check = watch.watched(_counting(calls), frozenset({watch.FLAGS}))
    assert check is not None
    return Game(cs, "esa", 1, records=False).state, check


def test_a_kept_value_is_asked_again_only_when_what_it_reads_is_touched() -> None:
    calls: list[int] = []
    state, check = _flag_watch(calls)
    assert [watch.known(state, check) for _ in range(3)] == [False] * 3
    assert len(calls) == 1
    watch.touch(state, watch.MEMBERS)  # something it does not read
    assert watch.known(state, check) is False and len(calls) == 1
    state.flags.add("seen")
    watch.touch(state, watch.FLAGS)
    assert watch.known(state, check) is True and len(calls) == 2
    assert state.copy().watch is None  # a copy knows nothing: it asks again


def test_the_slow_path_asks_every_time(slow_path: None) -> None:
    calls: list[int] = []
    state, check = _flag_watch(calls)
    for _ in range(3):
        watch.known(state, check)
    assert len(calls) == 3


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ('flag("x") and member("gateway")', {watch.FLAGS, watch.MEMBERS}),
        (
            'not flown("gateway.artemis_i") and delivered("gateway.i_hab")',
            {watch.MILESTONES, watch.DELIVERED},
        ),
        ('player("esa") or difficulty("hard") or true', set()),
        ("contributions_delivered >= 3", {watch.DELIVERED}),
        ('mission_flown("robotic_lander") or achieved("landing")', {watch.MISSIONS, watch.FIRSTS}),
        ('flag("x") and year >= 2030', None),  # the date: asked every time
        ('relation("nasa") >= 30', None),
        ("science >= 350", None),
    ],
)
def test_a_condition_reads_what_its_names_read(text: str, reads: set[int] | None) -> None:
    found = reads_of(parse_expression(text).tree)
    assert (None if found is None else set(found)) == reads


def test_a_split_condition_keeps_only_the_dear_watched_parts() -> None:
    split = split_condition(
        'not flag("a") and not member("ilrs") and not member("isls") and relation("nasa") < 70'
    )
    assert split is not True and split is not False
    assert split.steady is not None and split.rest is not None
    cheap = split_condition('flown("ilrs.change_6")')  # one call: cheaper to ask than to keep
    assert cheap is not True and cheap is not False
    assert cheap.steady is None and cheap.rest is not None
    assert split_condition('player("esa") and flag("x")', "uae") is False


def _states(cs: CompiledScenario, agency: str, strategy: str) -> Iterator[GameState]:
    game = Game(cs, agency, 1, records=False)
    bot = make_strategy(strategy, 1, cs.scenario)
    yield game.state
    while not game.over:
        bot.play_turn(game)
        yield game.state


@pytest.mark.parametrize("cs", [load_compiled(None), all_features()], ids=["default", "all_features"])
def test_split_conditions_read_as_the_whole_ones(cs: CompiledScenario) -> None:
    """The steady part and the rest, asked apart, give what the condition gives, at every turn."""
    conditions = [e.model.when for e in cs.events.values() if e.model.when is not None]
    conditions += [o.model.when for o in cs.objectives if o.model.when is not None]
    compiled = [(compile_condition(c), split_condition(c)) for c in conditions]
    agency = cs.playable()[0]
    for state in _states(cs, agency, "greedy"):
        for whole, split in compiled:
            if isinstance(split, bool):
                assert whole(state) is split
                continue
            steady, rest = split
            parts = (steady is None or bool(steady.test(state))) and (rest is None or bool(rest(state)))
            assert parts == bool(whole(state))
