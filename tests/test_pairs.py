"""``simulate --pairs``: each road's planner against the road's bot, with a verdict per pair and the
roads shut to an agency told apart from the open ones (issue 15: the planner must beat its bot on
every open road)."""

from __future__ import annotations

import json

import pytest

from game.cli.main import main
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.sim.pairs import BETTER, SHUT, TIED, WORSE, PairCampaign, judge_pair, on_road, run_pairs
from tests.conftest import MINI


def campaigns(*rows: tuple[bool, float], on: bool = True) -> list[PairCampaign]:
    return [
        PairCampaign(seed=seed, won=won, score=score, on_road=on) for seed, (won, score) in enumerate(rows, 1)
    ]


def test_a_pair_is_better_tied_or_worse_by_wins_then_mean_score() -> None:
    bot = campaigns((True, 100.0), (False, 40.0), (True, 90.0))
    assert judge_pair("esa", "gateway", bot, bot).verdict == TIED
    more_wins = campaigns((True, 90.0), (True, 60.0), (True, 80.0))
    assert judge_pair("esa", "gateway", bot, more_wins).verdict == BETTER
    higher = campaigns((True, 101.0), (False, 41.0), (True, 90.0))
    assert judge_pair("esa", "gateway", bot, higher).verdict == BETTER
    lost_one = campaigns((True, 110.0), (False, 60.0), (False, 70.0))
    verdict = judge_pair("esa", "gateway", bot, lost_one)
    assert verdict.verdict == WORSE and verdict.lost == [3] and verdict.flagged
    assert not verdict.beyond_noise  # one campaign of three: within the noise


def test_worse_beyond_noise_when_the_paired_differences_lie_below_zero() -> None:
    bot = campaigns(*[(True, 120.0 + seed) for seed in range(10)])
    lower = campaigns(*[(True, 112.0 + seed + seed % 2) for seed in range(10)])
    assert judge_pair("csa", "gateway", bot, lower).beyond_noise


def test_a_road_the_bot_never_got_on_is_shut_not_judged() -> None:
    """A road shut to the agency: both play without it, and their scores differ by the dice only."""
    bot = campaigns((False, 6.2), (False, 5.0), on=False)
    planner = campaigns((False, 5.1), (False, 4.0), on=False)
    verdict = judge_pair("uksa", "ilrs", bot, planner)
    assert verdict.verdict == SHUT and not verdict.open and not verdict.flagged
    bot[0].on_road = True  # on it once: open, and judged
    assert judge_pair("uksa", "ilrs", bot, planner).flagged


def test_on_a_road_is_a_member_of_its_programme_or_a_national_mission_under_way(
    mini: CompiledScenario,
) -> None:
    game = Game(mini, "esa", seed=1)
    assert not on_road(game.state, "gateway") and not on_road(game.state, "alone")
    game.state.programmes["gateway"].members.append("esa")
    assert on_road(game.state, "gateway") and not on_road(game.state, "ilrs")
    mission = next(iter(game.state.missions.values()))
    mission.successes = 1
    assert on_road(game.state, "alone")


def test_the_pairs_are_every_playable_agency_by_every_road(mini: CompiledScenario) -> None:
    report = run_pairs(mini, MINI, 1, 1, playouts=2)
    assert [(pair.agency, pair.road) for pair in report.pairs] == [
        (agency, road) for agency in mini.playable() for road in ("gateway", "ilrs", "alone")
    ]
    assert sum(report.tally().values()) == len(report.pairs)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_simulate_pairs_prints_a_verdict_per_pair_and_exits_1_on_a_flag(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ("simulate", "--scenario", str(MINI), "--pairs", "--runs", "2", "--playouts", "2", "--jobs", "1")
    code, out, _ = run(capsys, *args, "--agency", "esa")
    lines = out.splitlines()
    assert lines[0].startswith("planner:ROAD against the road's bot") and "seeds 1..2" in lines[0]
    assert [line.split()[:2] for line in lines[2:5]] == [
        ["esa", road] for road in ("gateway", "ilrs", "alone")
    ]
    assert code == (1 if "FLAG:" in out else 0)
    code, out, _ = run(capsys, *args, "--agency", "esa", "--strategy", "alone", "--json")
    (pair,) = json.loads(out)["pairs"]
    assert pair["road"] == "alone" and pair["verdict"] in (BETTER, TIED, WORSE, SHUT)


def test_simulate_pairs_refuses_what_is_no_road_and_the_balance_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "simulate", "--scenario", str(MINI), "--pairs", "--strategy", "greedy")
    assert code == 2 and "'greedy' is none of gateway, ilrs, alone" in err
    code, _, err = run(capsys, "simulate", "--scenario", str(MINI), "--pairs", "--balance")
    assert code == 2 and "drop --balance" in err
