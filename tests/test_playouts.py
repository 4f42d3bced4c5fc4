"""Playouts (game/sim/playouts.py): the campaign played forward from a state under way, deterministically,
without touching the player's game."""

from __future__ import annotations

import pytest

from game.bots import UnknownStrategy
from game.bots.roads import StayStrategy
from game.cli.common import load_compiled
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.sim.playouts import (
    STAY,
    PlayoutsCancelled,
    play_roads,
    playout,
    playout_key,
    playout_seed,
    playouts,
)
from tests.helpers import play_turns


@pytest.fixture(scope="module")
def default() -> CompiledScenario:
    compiled = load_compiled(None)
    assert compiled is not None
    return compiled


def _joined(mini: CompiledScenario, programme: str) -> Game:
    """A game of the mini scenario in which ESA has joined ``programme`` with its road's bot."""
    from game.bots import make_strategy

    game = Game(mini, "esa", 3)
    bot = make_strategy(programme, 3, mini.scenario)
    while not game.state.programmes[programme].is_member("esa"):
        bot.play_turn(game)
    assert not game.over
    return game


def test_the_same_state_and_seed_give_the_same_playouts(default: CompiledScenario) -> None:
    game = Game(default, "esa", 1)
    play_turns(game, 3)
    first = play_roads(game, default, ["gateway", "alone"], 5, 6)
    again = play_roads(game.clone(), default, ["gateway", "alone"], 5, 6)
    assert first == again
    other = play_roads(game, default, ["gateway", "alone"], 6, 6)
    assert other != first  # another seed, other dice: the default scenario's campaigns vary
    assert len({result.score for result in first[0] + other[0]}) > 1


def test_playouts_leave_the_live_game_and_its_generator_alone(default: CompiledScenario) -> None:
    game = Game(default, "esa", 2)
    play_turns(game, 2)
    before, log, draws = state_hash(game), list(game.log), game.state.rng.getstate()
    playouts(game, default, "gateway", 1, 3)
    assert state_hash(game) == before
    assert game.log == log and game.state.rng.getstate() == draws
    assert not game.over


def test_worker_processes_give_the_same_results_in_the_same_order(default: CompiledScenario) -> None:
    game = Game(default, "esa", 4)
    alone = play_roads(game, default, ["isls", STAY], 2, 12, jobs=1)
    shared = play_roads(game, default, ["isls", STAY], 2, 12, jobs=2)
    assert shared == alone
    assert [result.index for result in shared[0]] == list(range(12))


def test_a_playout_index_plays_on_its_own_seed_from_the_state_key(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    key = playout_key(game.state)
    assert key == state_hash(game)
    results = playouts(game, mini, "gateway", 9, 3)
    assert results[2] == playout(game, mini, "gateway", playout_seed(key, 9, 2), 2)
    assert playout_seed(key, 9, 2) != playout_seed(key, 9, 1) != playout_seed(key, 8, 1)
    # a key given: the same seeds from any state, so candidates are compared on the same dice
    later = game.clone()
    play_turns(later, 2)
    keyed = playouts(later, mini, "gateway", 9, 2, key="same")
    assert keyed[1] == playout(later, mini, "gateway", playout_seed("same", 9, 1), 1)


def test_the_result_says_what_the_campaign_led_to(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    (result,) = playouts(game, mini, "gateway", 1, 1)
    assert result.won and result.outcome == "won"
    assert result.crew_orbit is not None and game.state.month <= result.crew_orbit < result.end
    assert result.met("orbit") and dict(result.objectives)["orbit"] == result.crew_orbit
    assert result.score >= mini.scenario.victory_score
    (idle,) = playouts(game, mini, STAY, 1, 1)  # no membership, no mission: it only answers events
    assert not idle.won and idle.crew_orbit is None and not idle.met("orbit")


def test_staying_the_course_keeps_todays_programmes(mini: CompiledScenario) -> None:
    game = _joined(mini, "gateway")
    assert [road.name for road in StayStrategy(1).today(game)] == ["gateway"]
    stay = playouts(game, mini, STAY, 1, 4)
    assert all(result.crew_orbit is not None for result in stay)  # the gateway membership flew it
    assert all(result.met("orbit") for result in stay)


def test_progress_reaches_the_total_and_cancelling_stops_the_work(default: CompiledScenario) -> None:
    game = Game(default, "esa", 1)
    seen: list[tuple[int, int]] = []
    play_roads(game, default, ["gateway", "alone"], 1, 3, progress=lambda *counts: seen.append(counts))
    assert seen[-1] == (6, 6) and [done for done, _ in seen] == sorted(done for done, _ in seen)
    asked = []

    def after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(PlayoutsCancelled):
        playouts(game, default, "gateway", 1, 50, cancelled=after_two)
    assert len(asked) == 3
    with pytest.raises(PlayoutsCancelled):
        playouts(game, default, "gateway", 1, 400, jobs=2, cancelled=lambda: True)


def test_an_unknown_road_is_refused_before_any_playout(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    with pytest.raises(UnknownStrategy, match="unknown strategy 'nowhere'"):
        play_roads(game, mini, ["gateway", "nowhere"], 1, 2)


def test_a_factory_plays_as_a_road(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    made: list[int] = []

    def factory(seed: int) -> StayStrategy:
        made.append(seed)
        return StayStrategy(seed)

    assert playouts(game, mini, factory, 3, 2) == playouts(game, mini, STAY, 3, 2)
    assert len(made) >= 2
