"""Flights: built missions and contributions wait for a launch window, with odds the player can raise."""

from __future__ import annotations

import random

import pytest

from game.engine import flights
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.queries import consequences
from game.engine.snapshot import state_from_data, state_to_data
from game.format.loader import load_scenario_bytes
from tests.helpers import MINI_TEXT, answer_all, compiled_from, mini_with, play_turns

FLIGHTS = """flights:
  reliability: {mission: 0.6, instrument: 0.7}
  window_turns: 2
  per_level: 0.05
  cap: 0.9
  diminishing: 0.5
  preparations:
    - {id: tests, name: Extra tests, cost: 10, gain: 0.1, most: 3}
    - {id: review, name: Design review, cost: 20, turns: 1, gain: 0.2}
  hold_cost: 5
  hold_most: 1
  partial_share: 0.5
  partial_reward: 0.5
  success_prestige: 3
  success_science: 4
  failure_prestige: 7
  failure_support: 6
  rebuild_share: 0.5
"""


def with_flights(text: str = MINI_TEXT) -> CompiledScenario:
    """The mini scenario with flights: the cubesat (a mission) and the drill (made an instrument) fly."""
    text = text.replace("        name: Drill\n", "        name: Drill\n        kind: instrument\n", 1)
    return compiled_from(
        text.replace("    science: 5\n", "    science: 5\n    requires: {robotics: 1}\n", 1) + FLIGHTS
    )


class Fixed(random.Random):
    """A generator whose every draw is ``value``: a chosen outcome at launch."""

    def __init__(self, value: float) -> None:
        super().__init__(0)
        self.value = value

    def random(self) -> float:
        return self.value


def built_cubesat(seed: int = 1) -> Game:
    """A game whose cubesat is built and waits for its launch window (two turns away)."""
    game = Game(with_flights(), "esa", seed)
    assert game.act(Action("mission", "cubesat")).ok
    play_turns(game, 2)
    answer_all(game)
    return game


def test_a_scenario_without_flights_flies_its_mission_as_soon_as_it_is_built() -> None:
    game = Game(mini_with("    success: 1\n    science: 5\n", "    success: 1\n    science: 5\n"), "esa", 1)
    assert game.compiled.flight_bases == {}
    assert game.act(Action("mission", "cubesat")).ok
    for _ in range(2):
        game.end_turn()
    assert game.state.missions["cubesat"].successes == 1 and game.state.flights == {}


def test_a_built_flight_waits_for_its_window_and_says_when_and_how_reliable() -> None:
    game = built_cubesat()
    state = game.state
    flight = state.flights["cubesat"]
    assert flight.launch == state.month + 2 * 3 - 3  # built at the end of the last turn: two turns on
    assert state.missions["cubesat"].successes == 0
    news = [item.text for report in game.reports for item in report.news]
    assert any(text.startswith("Lunar cubesat is built: launch at the end of") for text in news)
    # robotics 2 against the 1 it requires: one level above, +0.05
    assert flights.reliability(state, game.compiled, "cubesat") == pytest.approx(0.65)


def test_preparations_raise_reliability_with_diminishing_returns_up_to_the_cap() -> None:
    game = built_cubesat()
    cs, state = game.compiled, game.state
    money = state.me.money
    assert game.act(Action("prepare", "cubesat", "tests")).ok
    assert flights.reliability(state, cs, "cubesat") == pytest.approx(0.75)
    assert game.act(Action("prepare", "cubesat", "tests")).ok  # the second gains half the first
    assert flights.reliability(state, cs, "cubesat") == pytest.approx(0.80)
    assert state.me.money == money - 20_000
    launch = state.flights["cubesat"].launch
    assert game.act(Action("prepare", "cubesat", "review")).ok  # +0.2, but the cap is 0.9
    assert flights.reliability(state, cs, "cubesat") == pytest.approx(0.9)
    assert state.flights["cubesat"].launch == launch + 3  # the review took a turn
    refusal = game.check(Action("prepare", "cubesat", "tests"))
    assert "already as high as preparation takes it (90%)" in refusal


def test_a_success_that_earns_no_prestige_does_not_say_plus_0_prestige() -> None:
    game = Game(
        compiled_from(MINI_TEXT + FLIGHTS.replace("success_prestige: 3", "success_prestige: 0")), "esa", 1
    )
    assert game.act(Action("mission", "cubesat")).ok
    play_turns(game, 2)
    answer_all(game)
    success = consequences(game.state, game.compiled, Action("launch", "cubesat"))[0]
    assert success.startswith("Success (") and success.endswith("): +9 science")


def test_preparations_are_refused_past_their_most_without_money_or_with_bad_names() -> None:
    game = built_cubesat()
    assert game.act(Action("prepare", "cubesat", "review")).ok
    assert game.check(Action("prepare", "cubesat", "review")) == "Design review done 1 time already"
    assert game.check(Action("prepare", "cubesat", "polish")) == "no preparation 'polish'"
    assert game.check(Action("prepare", "drill", "tests")) == "no flight 'drill' waits for its launch"
    game.state.me.money = 5_000
    assert game.check(Action("prepare", "cubesat", "tests")).startswith("costs 10 M$")


def test_holding_slips_the_launch_a_turn_at_a_cost_and_only_so_often() -> None:
    game = built_cubesat()
    state = game.state
    launch, money = state.flights["cubesat"].launch, state.me.money
    assert game.act(Action("hold", "cubesat")).ok
    assert state.flights["cubesat"].launch == launch + 3 and state.me.money == money - 5_000
    assert game.check(Action("hold", "cubesat")) == "held 1 time already: it must fly"


def test_the_launch_shows_each_outcome_with_its_odds_before_the_player_commits() -> None:
    game = built_cubesat()
    launch = next(o for o in game.options() if o.action == Action("launch", "cubesat"))
    assert launch.allowed and "65% success, 18% partial, 18% failure" in launch.effect
    handler_lines = consequences(game.state, game.compiled, Action("launch", "cubesat"))
    assert handler_lines[0].startswith("Success (65%): +9 science, +3 prestige")
    assert handler_lines[1] == "Partial success (18%): 50% of the rewards"
    assert handler_lines[2].startswith("Failure (18%): prestige -7, support -6")


@pytest.mark.parametrize(
    ("roll", "successes", "science", "prestige", "news"),
    [
        (0.1, 1, 5 + 4, 5 + 3, "Lunar cubesat succeeds: reliability was 75% after Extra tests"),
        (0.8, 1, 2.5, 2.5, "Lunar cubesat partly succeeds: reliability was 75% after Extra tests"),
        (0.95, 0, 0, -7, "Lunar cubesat fails: reliability was 75% after Extra tests"),
    ],
)
def test_a_launch_draws_one_outcome_and_the_news_says_why(
    roll: float, successes: int, science: float, prestige: float, news: str
) -> None:
    game = built_cubesat()
    state = game.state
    assert game.act(Action("prepare", "cubesat", "tests")).ok
    assert game.act(Action("launch", "cubesat")).ok
    state.rng = Fixed(roll)
    answer_all(game)
    report = game.end_turn().report
    assert report is not None
    assert news in [item.text for item in report.news]
    assert state.missions["cubesat"].successes == successes
    assert "cubesat" not in state.flights
    for stat, expected in (("science", science), ("prestige", prestige)):
        earned = sum(c.delta for c in report.changes if c.stat == stat and "cubesat" in c.reason)
        assert earned == pytest.approx(expected), stat
    if not successes:
        assert state.missions["cubesat"].build.status == "open"  # built again from the start


def test_a_contribution_lost_at_launch_is_replaced_and_a_partial_one_earns_a_share() -> None:
    cs = with_flights()
    for roll, replaced in ((0.99, True), (0.75, False)):
        game = Game(cs, "esa", 1)
        state = game.state
        state.programmes["ilrs"].members.append("esa")
        assert game.act(Action("fund", "ilrs", "drill")).ok
        play_turns(game, 2)
        answer_all(game)
        assert "ilrs.drill" in state.flights
        assert game.act(Action("launch", "ilrs.drill")).ok
        state.rng = Fixed(roll)
        game.end_turn()
        drill = state.programmes["ilrs"].slots["drill"]
        if replaced:
            assert drill.status == "building" and drill.turns_left == 1 and drill.cost_left == 50_000
        else:
            assert drill.status == "delivered" and drill.partial


def test_a_cancelled_build_takes_its_waiting_flight_with_it() -> None:
    game = Game(with_flights(), "esa", 1)
    state = game.state
    state.programmes["ilrs"].members.append("esa")
    assert game.act(Action("fund", "ilrs", "drill")).ok
    play_turns(game, 2)
    answer_all(game)
    assert game.act(Action("cancel", "ilrs", "drill")).ok
    assert game.check(Action("launch", "ilrs.drill")) == "no flight 'ilrs.drill' waits for its launch"
    game.end_turn()
    assert "ilrs.drill" not in state.flights


def test_a_waiting_flight_is_saved_and_restored() -> None:
    game = built_cubesat()
    assert game.act(Action("prepare", "cubesat", "tests")).ok
    data = state_to_data(game.state)
    assert data["flights"] == {
        "cubesat": {"launch": game.state.flights["cubesat"].launch, "prepared": {"tests": 1}, "holds": 0}
    }
    assert state_from_data(data).flights == game.state.flights
    assert "flights" not in state_to_data(Game(with_flights(), "esa", 1).state)  # nothing waits: not saved


def test_a_flights_section_has_located_errors() -> None:
    duplicate = FLIGHTS.replace("{id: review, name: Design review", "{id: tests, name: Design review")
    result = load_scenario_bytes("s.yaml", (MINI_TEXT + duplicate).encode())
    [error] = result.errors
    assert error.code == "duplicate-id" and "preparation id 'tests'" in error.message
    assert error.line == MINI_TEXT.count("\n") + 9
    bad = FLIGHTS.replace("gain: 0.1", "gain: 2")
    [error] = load_scenario_bytes("s.yaml", (MINI_TEXT + bad).encode()).errors
    assert error.code == "invalid-value" and error.line == MINI_TEXT.count("\n") + 8
