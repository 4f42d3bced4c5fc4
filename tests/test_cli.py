"""The command line: exit codes, located errors without tracebacks, simulate's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli.main import main
from tests.helpers import MINI_TEXT

MINI = "tests/fixtures/mini.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_accepts_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "validate", MINI)
    assert code == 0 and "ok (Mini test scenario)" in err


def test_validate_reports_every_problem_of_every_file_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI_TEXT.replace("leads: [nasa]", "leads: [nsa]").replace("bloc: east", "bloc: north"))
    code, out, err = run(capsys, "validate", MINI, str(broken))
    assert code == 1
    lines = [line for line in out.splitlines() if ": error: " in line]  # mini.yaml has a warning
    assert len(lines) == 2 and all(line.startswith(f"{broken}:") for line in lines)
    assert "Traceback" not in out + err


def test_validate_a_missing_file_is_a_located_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "nope/missing.yaml")
    assert code == 1 and out.startswith("nope/missing.yaml:1:1: error: cannot read file")


def test_simulate_prints_a_row_per_strategy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "simulate", "--scenario", MINI, "--runs", "4", "--strategy", "gateway", "--strategy", "alone"
    )
    assert code == 0
    table, activity = out.rstrip("\n").split("\n\n")
    assert [line.split()[0] for line in table.splitlines()[2:]] == ["gateway", "alone"]
    assert [line.split(":")[0] for line in activity.splitlines()] == ["gateway", "alone"]
    assert "scenario mini, agency esa, seeds 1..4" in out


def test_simulate_json_has_the_figures_of_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "simulate", "--scenario", MINI, "--runs", "5", "--strategy", "gateway", "--json"
    )
    assert code == 0
    report = json.loads(out)
    (row,) = report["strategies"]
    assert row["runs"] == 5 and 0 <= row["wins"] <= 5
    assert row["win_rate"] == row["wins"] / 5
    assert row["mean_first_crew_year"] is None or 2021 <= row["mean_first_crew_year"] <= 2025


def test_simulate_defaults_to_the_first_playable_agency(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "simulate", "--scenario", MINI, "--runs", "1", "--strategy", "alone", "--json")
    assert json.loads(out)["agency"] == "esa"


def test_simulate_refuses_an_agency_that_cannot_be_played(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "simulate", "--scenario", MINI, "--agency", "nasa", "--runs", "1")
    assert code == 2 and "'nasa' is not a playable agency; choose from esa, jaxa" in err


def test_simulate_on_a_broken_scenario_prints_its_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "b.yaml"
    broken.write_text("id: x\n")
    code, _, err = run(capsys, "simulate", "--scenario", str(broken), "--runs", "1")
    assert code == 1 and f"{broken}:1:1: error: missing required key 'title'" in err


def test_simulate_plays_at_the_difficulty_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    base = ("simulate", "--scenario", MINI, "--runs", "2", "--strategy", "gateway")
    code, out, _ = run(capsys, *base, "--difficulty", "hard")
    assert code == 0 and "seeds 1..2, difficulty hard" in out
    _, out, _ = run(capsys, *base, "--difficulty", "hard", "--json")
    assert json.loads(out)["difficulty"] == "hard"
    _, out, _ = run(capsys, *base, "--json")
    assert json.loads(out)["difficulty"] == "normal"


def test_simulate_refuses_a_difficulty_the_scenario_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "simulate", "--scenario", MINI, "--runs", "1", "--difficulty", "brutal")
    assert code == 2 and out == ""
    assert "'brutal' is not a difficulty of this scenario; choose from easy, normal, hard" in err
