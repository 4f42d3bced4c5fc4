"""A campaign played without records (headless playouts, ``simulate``) plays exactly as one with them."""

from __future__ import annotations

import dataclasses

import pytest

from game.bots import strategy_names
from game.cli.common import load_compiled
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.state import GameState
from game.sim.runner import play_campaign, run_campaign
from tests.helpers import play_turns
from tests.test_all_features import compiled as all_features


@pytest.fixture(scope="module")
def default() -> CompiledScenario:
    compiled = load_compiled(None)
    assert compiled is not None
    return compiled


def _played(state: GameState) -> str:
    """The hash of what happened in a campaign: its state without the records a face reads."""
    return state_hash(dataclasses.replace(state, news=[], changes=[], history=[], opening_changes=0))


def _same_play(cs: CompiledScenario, agency: str, strategy: str, seed: int) -> None:
    told = play_campaign(cs, agency, strategy, seed)
    quiet = play_campaign(cs, agency, strategy, seed, records=False)
    assert quiet.log == told.log
    assert (quiet.state.outcome, quiet.score()) == (told.state.outcome, told.score())
    assert _played(quiet.state) == _played(told.state)
    assert told.state.history and told.reports[0].news
    assert not quiet.state.history and not any(r.news or r.changes for r in quiet.reports)


@pytest.mark.parametrize("strategy", ["gateway", "greedy", "random"])
def test_the_default_scenario_plays_the_same_without_records(default, strategy: str) -> None:
    for agency, seed in (("esa", 1), ("uae", 2)):
        _same_play(default, agency, strategy, seed)


def test_every_feature_plays_the_same_without_records() -> None:
    cs = all_features()
    for strategy in strategy_names(cs.scenario):
        _same_play(cs, cs.playable()[0], strategy, 1)


def test_simulate_keeps_no_records_and_reports_the_same(default) -> None:
    result = run_campaign(default, "esa", "gateway", 3)
    told = play_campaign(default, "esa", "gateway", 3)
    assert (result.outcome, result.score, result.end) == (told.state.outcome, told.score(), told.date)


def test_a_quiet_clone_plays_on_like_the_game_and_leaves_it_alone(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 7)
    play_turns(game, 5)
    before = state_hash(game)
    twin = game.clone(records=False)
    assert not twin.state.news and not twin.state.history
    loud = game.clone()
    for copy in (twin, loud):
        while not copy.over:
            for pending in list(copy.state.pending):
                choice = copy.compiled.events[pending.event].model.choices[0].id
                copy.act(Action("answer", str(pending.uid), choice))
            copy.end_turn()
    assert _played(twin.state) == _played(loud.state)
    assert state_hash(game) == before


def test_a_quiet_copy_works_its_own_drift_out_and_plays_as_the_game_with_records(default) -> None:
    """Without records the membership drift moves the relations on cells it lists once per state
    (``GameState.pull_plans``): a copy taken mid-campaign lists its own, and the original, the copy
    and a campaign with records all play on alike."""
    loud, quiet = Game(default, "esa", 4), Game(default, "esa", 4, records=False)
    for game in (loud, quiet):
        play_turns(game, 8)
    assert quiet.state.pull_plans  # the drift has listed its cells
    copy = quiet.clone()
    assert not copy.state.pull_plans
    for game in (loud, quiet, copy):
        play_turns(game, 30)
    assert _played(copy.state) == _played(quiet.state) == _played(loud.state)
