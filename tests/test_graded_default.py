"""default-2021 grades its objectives: a campaign that goes further than the thresholds scores more.

A play-test found ESA (five Gateway contributions, four national missions, the Moon reached)
and the UAE (no astronaut flown) both at 75 of 75; greedy's twenty winning ESA campaigns spread
by 0.2 points. These tests hold the grading the scenario now gives, the variables it reads, and
the greedy bot's valuation of it.
"""

from __future__ import annotations

import pytest

from game.bots.outlook import outlook_of
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.expressions import compile_expression
from game.engine.game import Game
from game.engine.goals import goals_view
from game.engine.scoring import check_objectives, score
from game.format.loader import load_scenario
from game.paths import shipped_scenarios_dir


@pytest.fixture(scope="module")
def default() -> CompiledScenario:
    return compile_scenario(load_scenario(shipped_scenarios_dir() / "default-2021.yaml").unwrap())


def read(game: Game, expression: str) -> float:
    return float(compile_expression(expression)(game.state))


def test_more_science_beyond_the_threshold_scores_more(default: CompiledScenario) -> None:
    earned = []
    for science in (280.0, 350.0, 700.0, 1000.0):
        game = Game(default, "esa", 1)
        game.state.me.science = science
        check_objectives(game.state, default)
        view = {o.id: o for o in goals_view(game.state, default).objectives}
        earned.append(view["lunar_science"].points)
        assert score(game.state, default) >= earned[-1]
    # 280 earns a little partial credit, 350 the threshold's 20, then more up to 40 at 1,000
    assert earned == [2.0, 20.0, 30.8, 40.0]


def test_the_objectives_screen_says_how_each_graded_objective_scores(default: CompiledScenario) -> None:
    game = Game(default, "esa", 1)
    view = {o.id: o for o in goals_view(game.state, default).objectives}
    assert view["lunar_science"].most == 40 and view["national_prestige"].most == 40
    assert goals_view(game.state, default).needed == 75  # ESA's own ambition (the scenario's is 90)
    assert goals_view(Game(default, "uae", 1).state, default).needed == 90
    for oid in (
        "lunar_science",
        "crewed_flights",
        "contributions_delivered",
        "national_missions",
        "race_firsts",
    ):
        assert any(line.startswith("Graded by") for line in view[oid].how), oid


def test_the_counts_the_objectives_read(default: CompiledScenario) -> None:
    game = Game(default, "esa", 1)
    state = game.state
    assert read(game, "contributions_delivered + missions_flown + firsts_won") == 0
    slot = next(iter(state.programmes["gateway"].slots.values()))
    slot.owner, slot.status = "esa", "delivered"
    state.missions[next(iter(state.missions))].successes = 2
    state.firsts["far_side"] = [("esa", state.month), ("cnsa", state.month)]
    state.firsts["samples"] = [("roscosmos", 0), ("esa", state.month)]  # second: not a first
    assert (
        read(game, "contributions_delivered"),
        read(game, "missions_flown"),
        read(game, "firsts_won"),
    ) == (
        1,
        2,
        1,
    )


def test_greedy_values_science_beyond_the_threshold(default: CompiledScenario) -> None:
    game = Game(default, "esa", 1)
    outlook = outlook_of(default)
    values = []
    for science in (350.0, 700.0):
        game.state.me.science = science
        values.append(outlook.score(game.state, outlook.forecast(game.state)))
    assert values[1] > values[0] + 5
