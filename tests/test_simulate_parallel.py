"""simulate on every core and the balance report: the same figures as one process, and honest flags."""

from __future__ import annotations

import json

import pytest

from game.cli.main import main
from game.engine.compiled import CompiledScenario
from game.sim.balance import MAX_WIN_RATE, judge, run_balance
from game.sim.parallel import CHUNK, Task, play_tasks
from game.sim.runner import CampaignResult
from tests.conftest import MINI


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_two_processes_give_the_results_of_one_in_the_same_order(mini: CompiledScenario) -> None:
    tasks = [Task("esa", strategy, seed) for strategy in ("gateway", "random") for seed in range(CHUNK + 5)]
    alone = play_tasks(mini, MINI, tasks, jobs=1)
    pooled = play_tasks(mini, MINI, tasks, jobs=2)
    assert pooled == alone
    assert [result.seed for result in pooled] == [task.seed for task in tasks]


def test_simulate_json_is_byte_identical_whatever_the_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["simulate", "--scenario", str(MINI), "--runs", "20", "--strategy", "random", "--json"]
    _, one, _ = run(capsys, *argv, "--jobs", "1")
    _, two, _ = run(capsys, *argv, "--jobs", "2")
    assert one == two and json.loads(one)["strategies"][0]["runs"] == 20


def test_simulate_refuses_zero_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "simulate", "--scenario", str(MINI), "--jobs", "0")
    assert code == 2 and "--jobs must be at least 1" in err


def test_balance_table_has_every_agency_and_strategy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "simulate", "--scenario", str(MINI), "--balance", "--runs", "3", "--jobs", "1")
    assert code == 0
    assert out.startswith("balance of mini, seeds 1..3, every playable agency")
    for agency in ("esa", "jaxa"):
        assert f"\n{agency}\nstrategy" in out
    assert "all agencies (2)" in out
    assert out.count("<- best") == 2  # one best strategy per agency
    assert "balanced:" in out or "FLAG:" in out


def test_balance_json_rows_name_scenario_agency_strategy_runs_wins_score(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys, "simulate", "--scenario", str(MINI), "--balance", "--runs", "2", "--json", "--jobs", "1"
    )
    report = json.loads(out)
    assert report["roads"] == ["gateway", "ilrs", "alone"]  # mini's programmes, and going alone
    assert len(report["rows"]) == 2 * 5  # two agencies, its two roads, alone, random and greedy
    row = report["rows"][0]
    assert {"scenario", "agency", "strategy", "runs", "wins", "mean_score"} <= set(row)
    assert row["scenario"] == "mini" and row["runs"] == 2


def test_balance_refuses_an_agency(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "simulate", "--scenario", str(MINI), "--balance", "--agency", "esa")
    assert code == 2 and "--balance plays every playable agency" in err


def test_balance_report_in_two_processes_matches_one(mini: CompiledScenario) -> None:
    one = run_balance(mini, MINI, 1, 4, ("gateway", "alone", "random"), jobs=1)
    two = run_balance(mini, MINI, 1, 4, ("gateway", "alone", "random"), jobs=2)
    assert one == two


def _results(scores: list[float], win_from: float = 50) -> list[CampaignResult]:
    return [
        CampaignResult(
            seed=index,
            outcome="won" if score >= win_from else "finished",
            score=score,
            first_crew_year=None,
            end="2030-Q4",
        )
        for index, score in enumerate(scores)
    ]


ROADS_AND_BOTS = ["isls", "ilrs", "gateway", "alone", "random", "greedy"]


def _cells(scores: dict[tuple[str, str], list[float]]) -> dict[tuple[str, str], list[CampaignResult]]:
    return {cell: _results(values) for cell, values in scores.items()}


def test_a_strategy_that_wins_most_runs_everywhere_is_flagged() -> None:
    scores = {(a, s): [40.0] * 4 for a in ("a", "b") for s in ROADS_AND_BOTS}
    for agency in ("a", "b"):
        scores[agency, "gateway"] = [60.0, 60.0, 60.0, 40.0]  # 75% of runs
        scores[agency, "greedy"] = [55.0, 55.0, 41.0, 41.0]
    report = judge("s", 1, 4, ["a", "b"], ROADS_AND_BOTS, _cells(scores))
    assert any(f.startswith("gateway dominates: it wins 75%") for f in report.findings)
    assert report.best_for["gateway"] == ["a", "b"]
    assert MAX_WIN_RATE == 0.60


def test_a_road_never_best_and_luck_beating_skill_are_flagged() -> None:
    scores = {(a, s): [40.0, 40.0] for a in ("a", "b") for s in ROADS_AND_BOTS}
    scores["a", "isls"] = [55.0, 45.0]
    scores["b", "ilrs"] = [55.0, 45.0]
    scores["a", "random"] = [51.0, 51.0]
    report = judge("s", 1, 2, ["a", "b"], ROADS_AND_BOTS, _cells(scores))
    assert any(f.startswith("gateway is never the best road") for f in report.findings)
    assert any(f.startswith("alone is never the best road") for f in report.findings)
    assert not any(f.startswith("isls is never") or f.startswith("ilrs is never") for f in report.findings)
    assert any(f.startswith("luck beats choices") for f in report.findings)
    assert not report.balanced


def test_a_fair_share_of_top_seeds_counts_as_a_real_choice() -> None:
    scores = {("a", s): [40.0] * 6 for s in ROADS_AND_BOTS}
    scores["a", "isls"] = [55.0, 55.0, 55.0, 40.0, 40.0, 40.0]  # the best road: wins half the seeds
    scores["a", "greedy"] = [70.0] * 6
    scores["a", "alone"] = [40.0] * 5 + [90.0]  # top on one seed of six: 17%, above the 8% fair share
    scores["a", "random"] = [10.0] * 6
    report = judge("s", 1, 6, ["a"], ROADS_AND_BOTS, _cells(scores))
    assert report.best_for["isls"] == ["a"] and report.best_for["alone"] == []
    assert report.top_share["alone"] == round(1 / 6, 4)
    assert not any(f.startswith("alone is never") for f in report.findings)
    assert any(f.startswith("gateway is never") for f in report.findings)


def test_the_best_road_is_found_among_the_roads_even_where_greedy_wins_more() -> None:
    scores = {("a", s): [40.0] * 5 for s in ROADS_AND_BOTS}
    scores["a", "greedy"] = [80.0] * 5
    scores["a", "ilrs"] = [60.0, 60.0, 60.0, 45.0, 45.0]
    report = judge("s", 1, 5, ["a"], ROADS_AND_BOTS, _cells(scores))
    assert report.best_for["ilrs"] == ["a"] and report.best_for["greedy"] == []
    assert not any(f.startswith("ilrs is never") for f in report.findings)
