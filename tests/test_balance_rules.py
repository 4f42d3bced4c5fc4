"""The balance rules on small made-up results: each rule flags what breaks it, and only that.

The rules (docs/balance.md): every agency has two viable roads (each wins 25% of its
campaigns) and wins 30% on its best; no road wins over 60% pooled nor is the best road of
every agency; the skill yardstick wins 40 points more than random pooled; the spread of an
agency's roads' mean scores is larger than the spread between the seeds of its best road.
"""

from __future__ import annotations

import json

import pytest

from game.cli.simulate import format_balance
from game.sim.balance import (
    MAX_WIN_RATE,
    MIN_BEST_WIN_RATE,
    MIN_VIABLE_ROADS,
    RULES,
    SKILL_MARGIN,
    VIABLE_WIN_RATE,
    BalanceReport,
    judge,
)
from game.sim.runner import CampaignResult

ROADS = ["gateway", "ilrs", "alone"]
STRATEGIES = [*ROADS, "random", "greedy"]
WIN = 60.0  # a score at or above this is a won campaign in these made-up results


def results(scores: list[float]) -> list[CampaignResult]:
    return [
        CampaignResult(
            seed=index,
            outcome="won" if score >= WIN else "finished",
            score=score,
            first_crew_year=None,
            end="2030-Q4",
        )
        for index, score in enumerate(scores)
    ]


def balanced_scores() -> dict[tuple[str, str], list[float]]:
    """Two agencies, four seeds: each has two roads winning half its campaigns, a third far behind,
    greedy wins every campaign and random none."""
    scores = {
        ("a", "gateway"): [70.0, 70.0, 50.0, 50.0],
        ("a", "ilrs"): [70.0, 50.0, 70.0, 50.0],
        ("a", "alone"): [0.0, 0.0, 0.0, 0.0],
        ("b", "gateway"): [0.0, 0.0, 0.0, 0.0],
        ("b", "ilrs"): [70.0, 50.0, 50.0, 50.0],
        ("b", "alone"): [70.0, 70.0, 50.0, 50.0],
    }
    for agency in ("a", "b"):
        scores[agency, "greedy"] = [80.0] * 4
        scores[agency, "random"] = [10.0] * 4
    return scores


def report_of(
    scores: dict[tuple[str, str], list[float]], agencies: tuple[str, ...] = ("a", "b")
) -> BalanceReport:
    cells = {cell: results(values) for cell, values in scores.items()}
    runs = len(next(iter(scores.values())))
    return judge("s", 1, runs, list(agencies), STRATEGIES, cells, ROADS)


def test_the_rules_are_the_raised_ones() -> None:
    assert (VIABLE_WIN_RATE, MIN_VIABLE_ROADS, MIN_BEST_WIN_RATE) == (0.25, 2, 0.30)
    assert (MAX_WIN_RATE, SKILL_MARGIN) == (0.60, 0.40)
    assert set(RULES) == {"few-roads", "cannot-win", "dominant-road", "best-everywhere", "luck", "dice"}


def test_two_viable_roads_everywhere_is_balanced_and_each_agency_gets_a_verdict() -> None:
    report = report_of(balanced_scores())
    assert report.findings == [] and report.balanced
    a, b = report.verdicts
    assert a.agency == "a" and a.viable == ["gateway", "ilrs"] and a.best == "gateway"
    assert b.viable == ["alone", "ilrs"] and b.best == "alone" and b.best_win_rate == 0.5
    assert a.verdict.startswith("viable roads: gateway 50%, ilrs 50%: a real choice")
    assert report.best_for["gateway"] == ["a"] and report.best_for["alone"] == ["b"]


def test_an_agency_with_one_viable_road_is_flagged_and_its_verdict_says_so() -> None:
    scores = balanced_scores()
    scores["b", "ilrs"] = [70.0, 50.0, 50.0, 50.0, 50.0][:4]  # 25%: still viable
    assert report_of(scores).flagged() == []
    scores["b", "ilrs"] = [50.0] * 4  # 0%: b keeps one road
    report = report_of(scores)
    assert report.flagged() == [("few-roads", "b")]
    assert report.findings[0].message.startswith("b has 1 viable road (alone): at least 2 must win 25%")
    assert report.verdicts[1].verdict == "viable roads: alone 50%: too few (2 needed)"
    text = format_balance(report)
    assert "viable roads: alone 50%: too few (2 needed)" in text
    assert "FLAG: b has 1 viable road (alone)" in text and "balanced:" not in text


def test_an_agency_that_cannot_win_on_any_road_is_flagged() -> None:
    scores = balanced_scores()
    scores["b", "ilrs"] = [70.0, 50.0, 50.0, 50.0]  # 25%
    scores["b", "alone"] = [70.0, 50.0, 50.0, 50.0]  # 25%: two viable roads, best only 25%
    report = report_of(scores)
    assert report.flagged() == [("cannot-win", "b")]
    assert "b cannot win: its best road, ilrs, wins 25% (at least 30% needed)" in report.findings[0].message


def test_a_road_winning_over_60_percent_pooled_is_flagged_but_not_the_yardsticks() -> None:
    scores = balanced_scores()
    scores["a", "gateway"] = [70.0, 70.0, 70.0, 50.0]
    scores["b", "gateway"] = [70.0, 70.0, 70.0, 50.0]  # 75% pooled
    scores["b", "ilrs"] = [0.0] * 4
    report = report_of(scores)
    assert report.flagged() == [("dominant-road", "gateway"), ("best-everywhere", "gateway")]
    # greedy wins 100%: a yardstick, not a road
    assert report.findings[0].message == "gateway dominates: it wins 75% of all runs (at most 60% allowed)"


def test_a_road_best_for_every_agency_is_flagged() -> None:
    scores = balanced_scores()
    scores["b", "gateway"] = [70.0, 70.0, 50.0, 50.0]
    scores["b", "alone"] = [70.0, 50.0, 50.0, 50.0]  # gateway 50% beats alone 25% for b too
    scores["b", "ilrs"] = [0.0] * 4
    report = report_of(scores)
    assert report.flagged() == [("best-everywhere", "gateway")]
    assert report_of({k: v for k, v in scores.items() if k[0] == "a"}, ("a",)).flagged() == []  # one agency


def test_skill_must_beat_luck_by_40_points_pooled() -> None:
    scores = balanced_scores()
    scores["a", "random"] = [70.0, 70.0, 70.0, 50.0]
    scores["b", "random"] = [70.0, 50.0, 50.0, 50.0]  # 50% pooled: greedy only 50 points ahead
    assert report_of(scores).flagged() == []
    scores["b", "random"] = [70.0, 70.0, 70.0, 50.0]  # 75%: 25 points
    report = report_of(scores)
    assert report.flagged() == [("luck", "greedy")]
    assert (
        report.findings[0].message
        == "luck beats choices: greedy wins 100% against random's 75%, 40% points more needed"
    )


def test_the_planner_is_the_yardstick_when_the_planners_judge() -> None:
    scores = {(agency, s.replace("greedy", "planner")): v for (agency, s), v in balanced_scores().items()}
    cells = {cell: results(values) for cell, values in scores.items()}
    strategies = [f"planner:{road}" for road in ROADS]
    cells = {(a, f"planner:{s}" if s in ROADS else s): v for (a, s), v in cells.items()}
    report = judge("s", 1, 4, ["a", "b"], [*strategies, "planner", "random"], cells, strategies, "planner")
    assert report.flagged() == [] and report.roads == strategies
    cells["a", "random"] = cells["a", "planner"]
    cells["b", "random"] = cells["b", "planner"]
    assert judge(
        "s", 1, 4, ["a", "b"], [*strategies, "planner", "random"], cells, strategies, "planner"
    ).flagged() == [("luck", "planner")]


def test_an_agency_whose_seeds_spread_more_than_its_roads_is_flagged() -> None:
    scores = balanced_scores()
    # a's roads: means 60, 60, 55 (spread 2.9); its best road's seeds spread 11.5
    scores["a", "alone"] = [70.0, 50.0, 50.0, 50.0]
    report = report_of(scores)
    assert report.flagged() == [("dice", "a")]
    verdict = report.verdicts[0]
    assert verdict.road_spread == pytest.approx(2.89, abs=0.01) and verdict.seed_spread == pytest.approx(
        11.55, abs=0.01
    )
    assert report.findings[0].message == (
        "the dice matter more than a's choice: its roads' mean scores spread 2.9, "
        "the seeds of its best road 11.6"
    )


def test_the_json_carries_the_verdicts_and_the_findings() -> None:
    scores = balanced_scores()
    scores["b", "ilrs"] = [50.0] * 4
    data = json.loads(report_of(scores).model_dump_json())
    assert data["verdicts"][1]["viable"] == ["alone"]
    assert data["verdicts"][1]["verdict"] == "viable roads: alone 50%: too few (2 needed)"
    assert data["findings"] == [
        {
            "rule": "few-roads",
            "subject": "b",
            "message": "b has 1 viable road (alone): at least 2 must win 25% of its campaigns",
        }
    ]
