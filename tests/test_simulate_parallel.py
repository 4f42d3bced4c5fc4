"""simulate on every core and the balance report: the same figures as one process, and honest flags."""

from __future__ import annotations

import json

import pytest

from game.cli.main import main
from game.engine.compiled import CompiledScenario
from game.sim.balance import run_balance
from game.sim.parallel import CHUNK, Task, play_tasks
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
