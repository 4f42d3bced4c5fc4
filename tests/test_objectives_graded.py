"""Objectives that grade: partial credit for partial progress along a scenario's curve, a bonus
for reaching one early, the best progress kept in the state (and in saves only when there is
some), and a located error for every bad curve, target or bonus."""

from __future__ import annotations

import pytest

from game.campaign import Campaign
from game.engine.compiled import Grade
from game.engine.game import Game
from game.engine.goals import goals_view
from game.engine.scoring import breakdown, check_objectives, credit_share, graded_points, score
from game.engine.snapshot import state_from_data, state_to_data
from game.format.dates import parse_date
from game.format.loader import load_scenario_bytes
from game.paths import shipped_scenarios_dir
from game.sim.runner import play_campaign
from tests.helpers import MINI_TEXT, mini_with, play_turns

#: the mini scenario's orbit objective, graded by crewed flights toward 2 and 2 points a year early
GRADED = (
    "    points: 30\n    progress: flights\n    target: 2\n"
    "    credit: [[0, 0], [0.5, 0.3], [1, 1]]\n    early: 2\n"
)


def test_the_credit_curve_joins_its_points_with_straight_lines() -> None:
    curve = ((0.0, 0.0), (0.5, 0.3), (1.0, 1.0))
    assert credit_share(curve, 0.0) == 0.0
    assert credit_share(curve, 0.25) == pytest.approx(0.15)
    assert credit_share(curve, 0.5) == pytest.approx(0.3)
    assert credit_share(curve, 0.75) == pytest.approx(0.65)
    assert credit_share(curve, 1.0) == 1.0
    assert credit_share(((0.2, 0.1), (0.8, 0.9)), 0.0) == 0.1  # before the first point: its share
    assert credit_share(((0.2, 0.1), (0.8, 0.9)), 1.0) == 0.9  # after the last: the last's


def test_earlier_and_further_earn_more() -> None:
    grade = Grade(((0.0, 0.0), (0.5, 0.3), (1.0, 1.0)), early=2.0, by=2024 * 12 + 9)
    half, full = graded_points(grade, 30, 0.5, None), graded_points(grade, 30, 1.0, None)
    assert half == pytest.approx(9) and full == 30  # further scores more
    late = graded_points(grade, 30, 1.0, 2024 * 12 + 9)
    early = graded_points(grade, 30, 1.0, 2022 * 12 + 9)  # two years before 'by'
    assert late == 30 and early == pytest.approx(34)
    plain = Grade((), early=2.0, by=2024 * 12 + 9)  # no progress: all the points once reached
    assert graded_points(plain, 30, 0.0, None) == 0 and graded_points(plain, 30, 0.0, 2024 * 12) == 31.5


def test_a_campaign_earns_partial_credit_for_its_best_progress() -> None:
    cs = mini_with("    points: 30\n", GRADED)
    game = Game(cs, cs.playable()[0], seed=3)
    game.state.me.flights = 1  # half way to the target of 2 crewed flights
    play_turns(game, 1)
    assert game.state.progress == {"orbit": 0.5}
    row = next(r for r in breakdown(game.state, cs) if r.id == "orbit")
    assert row.points == 9.0 and "best progress 50%" in row.detail
    assert row.max_points == 30 + 2 * (cs.objectives[0].by - cs.start) / 12  # the whole early bonus
    game.state.me.flights = 0  # progress kept at its best
    play_turns(game, 1)
    assert game.state.progress == {"orbit": 0.5} and game.score() >= 9.0
    view = next(o for o in goals_view(game.state, cs).objectives if o.id == "orbit")
    assert view.progress == 0.5 and view.points == 9.0 and view.measure == "0 of 2"
    assert any("Graded by your crewed lunar flights toward 2" in line for line in view.how)


def test_an_ungraded_campaign_saves_no_progress_and_old_saves_load() -> None:
    cs = mini_with("    points: 30\n", "    points: 30\n")
    game = Game(cs, cs.playable()[0], seed=3)
    play_turns(game, 2)
    data = state_to_data(game.state)
    assert "progress" not in data  # the hashes of campaigns without graded objectives stay
    assert state_from_data(data).progress == {}
    graded = Game(mini_with("    points: 30\n", GRADED), cs.playable()[0], seed=3)
    graded.state.me.flights = 2
    play_turns(graded, 1)
    data = state_to_data(graded.state)
    assert data["progress"] == {"orbit": 1.0}
    assert state_from_data(data).progress == {"orbit": 1.0}
    assert graded.state.copy().progress == {"orbit": 1.0}


def problems(old: str, new: str) -> list[str]:
    assert old in MINI_TEXT
    result = load_scenario_bytes("s.yaml", MINI_TEXT.replace(old, new, 1).encode())
    return [str(d) for d in result.errors]


def line_of(needle: str, text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("curve", "message"),
    [
        ("[[0, 0], [0.6, 0.5], [0.5, 1]]", "the progress of credit points must rise: 0.5 comes after 0.6"),
        ("[[0, 0], [1.5, 1]]", "credit: 1 holds 1.5, but it must be a number from 0 to 1"),
        ("[[0, -0.1], [1, 1]]", "credit: 0 holds -0.1, but it must be a number from 0 to 1"),
        ("[[0, .nan], [1, 1]]", "credit: 0 holds .nan, but it must be a finite number from 0 to 1"),
        ("[[0, 0], [1, .inf]]", "credit: 1 holds .inf, but it must be a finite number from 0 to 1"),
        ("[[0, 0, 1]]", "credit is too long: at most 2 items"),
        ("[]", "credit needs at least 1 item"),
    ],
)
def test_a_bad_credit_curve_is_a_located_error(curve: str, message: str) -> None:
    text = GRADED.replace("[[0, 0], [0.5, 0.3], [1, 1]]", curve)
    (error,) = problems("    points: 30\n", text)
    line = line_of("credit:", MINI_TEXT.replace("    points: 30\n", text, 1))
    assert error.startswith(f"s.yaml:{line}:") and message in error


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    points: 30\n", "    points: 30\n    target: 2\n", "'target' and 'credit' grade 'progress'"),
        ("    by: 2024-Q4\n    points: 30\n", "    points: 30\n    early: 2\n", "'early' counts the years"),
        ("    scale: science / 2\n", "    scale: science / 2\n    progress: science\n", "'progress' grades"),
        ("    points: 30\n", "    points: 30\n    progress: crewed_orbit\n", "a number is needed here"),
        (
            "    points: 30\n",
            "    points: 30\n    progress: flights\n    target: 0\n",
            "target is 0, but it must be a number above 0",
        ),
        (
            "    points: 30\n",
            "    points: 30\n    progress: flights\n    target: .inf\n",
            "target is .inf, but it must be a finite number",
        ),
        (
            "    points: 30\n",
            "    points: 30\n    early: -1\n",
            "early is -1, but it must be a number from 0 to 100",
        ),
        (
            "    name: Science\n",
            "    name: Science\n    short: A very long short name\n",
            "short is too long: at most 17 characters",  # said 'items' (an optional text's check)
        ),
    ],
)
def test_bad_grading_keys_are_located_errors(old: str, new: str, message: str) -> None:
    errors = problems(old, new)
    assert errors and all(e.startswith("s.yaml:") for e in errors)
    assert any(message in e for e in errors), errors


def test_the_default_scenario_tells_apart_campaigns_that_crossed_the_same_thresholds() -> None:
    """Issue 13's two campaigns both scored 75: ESA, who built for the Gateway and flew, and the
    UAE, who only crossed the science, prestige, support and science-for-money bars."""
    campaign = Campaign.load(shipped_scenarios_dir() / "default-2021.yaml")
    cs = campaign.compiled
    uae = campaign.start("uae", 1)
    state = uae.state
    state.month = parse_date("2030-Q1")
    state.me.science, state.me.prestige, state.me.support = 350, 100, 60
    check_objectives(state, cs)
    assert set(state.achieved) == {
        "lunar_science",
        "national_prestige",
        "domestic_support",
        "science_for_money",
    }
    assert score(state, cs) == 75  # 20 + 20 + 10 + 25: the bars, and no astronaut
    esa = play_campaign(cs, "esa", "gateway", 1)  # built, flew, an astronaut in orbit in 2027
    # 75 and the early orbit's bonus (77.6 since the named corps' draws shifted seed 1's dice)
    assert esa.state.outcome == "won" and esa.score() > score(state, cs) + 2
