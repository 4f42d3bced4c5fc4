"""simulate measures whether the score grades good play: the spread of the winning campaigns' scores."""

from __future__ import annotations

import json
import statistics

import pytest

from game.cli.main import main
from game.sim.runner import CampaignResult
from game.sim.stats import summarise
from tests.conftest import MINI


def result(outcome: str, score: float) -> CampaignResult:
    return CampaignResult(seed=1, outcome=outcome, score=score, first_crew_year=None, end="")


def test_only_the_winners_scores_are_spread() -> None:
    wins = [result("won", 80), result("won", 90), result("won", 100)]
    rows = [*wins, result("lost", 0), result("finished", 40)]
    row = summarise("mini", "esa", "s", rows)
    assert row.winners_score_std == round(statistics.stdev([80, 90, 100]), 2) == 10.0
    assert row.winners_mean_score == 90.0


def test_fewer_than_two_wins_have_no_spread() -> None:
    one = summarise("mini", "esa", "s", [result("won", 75), result("lost", 10)])
    none = summarise("mini", "esa", "s", [result("lost", 10), result("finished", 60)])
    assert (one.winners_score_std, one.winners_mean_score) == (0.0, 75.0)
    assert (none.winners_score_std, none.winners_mean_score) == (0.0, None)


def test_simulate_reports_the_winners_spread_in_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["simulate", "--scenario", str(MINI), "--runs", "3", "--strategy", "greedy", "--jobs", "1"]
    main([*args, "--json"])
    row = json.loads(capsys.readouterr().out)["strategies"][0]
    assert row["winners_score_std"] >= 0.0
    main(args)
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[-2:] == ["wins", "sd"]
    assert lines[2].split()[-1] == f"{row['winners_score_std']:.1f}"
