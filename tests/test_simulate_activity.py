"""simulate measures how much each strategy does: actions per turn and the share of idle turns."""

from __future__ import annotations

import json

import pytest

from game.cli.main import main
from game.engine.actions import END_TURN, Action
from game.engine.game import Game
from game.sim.runner import CampaignResult, activity, play_campaign, run_campaign
from game.sim.stats import summarise
from tests.conftest import MINI
from tests.helpers import mini_with

#: The mini scenario without its one event that asks for an answer: ending turns is all there is.
QUIET = ("after: 2021-Q3\n    before: 2021-Q4\n", "triggered_only: true\n")


def result(turns: int, actions: int, idle: int) -> CampaignResult:
    return CampaignResult(
        seed=1,
        outcome="finished",
        score=0,
        first_crew_year=None,
        end="",
        turns=turns,
        actions=actions,
        idle_turns=idle,
    )


def test_the_log_is_counted_turn_by_turn() -> None:
    invest, answer = Action("invest", "robotics"), Action("answer", "1", "calm")
    log = [invest, END_TURN, END_TURN, answer, invest, END_TURN]
    assert activity(log) == (3, 3, 1)  # three turns, three actions, the second turn idle


def test_a_strategy_that_only_ends_turns_is_idle_on_every_turn() -> None:
    compiled = mini_with(*QUIET)
    game = Game(compiled, "esa", 1)
    while not game.over:
        assert game.end_turn().ok
    turns, actions, idle = activity(game.log)
    row = summarise("mini", "esa", "idle", [result(turns, actions, idle)])
    assert turns == compiled.total_turns() == idle
    assert row.idle_share == 1.0 and row.actions_per_turn == 0.0


def test_greedy_figures_come_from_its_campaign_action_log() -> None:
    compiled = mini_with(*QUIET)
    game = play_campaign(compiled, "esa", "greedy", 3)
    done = run_campaign(compiled, "esa", "greedy", 3)
    ended = game.log.count(END_TURN)
    assert (done.turns, done.actions, done.idle_turns) == activity(game.log)
    assert done.turns == ended == compiled.total_turns()
    assert done.actions == len(game.log) - ended > 0
    assert 0 <= done.idle_turns < done.turns


def test_strategy_figures_are_pooled_over_turns_not_averaged_over_campaigns() -> None:
    row = summarise("mini", "esa", "s", [result(10, 10, 0), result(30, 0, 30)])
    assert row.actions_per_turn == 0.25  # 10 actions over 40 turns, not the mean of 1.0 and 0.0
    assert row.idle_share == 0.75


def test_simulate_json_and_text_report_greedy_activity(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["simulate", "--scenario", str(MINI), "--runs", "2", "--strategy", "greedy", "--jobs", "1"]
    main([*args, "--json"])
    row = json.loads(capsys.readouterr().out)["strategies"][0]
    assert row["actions_per_turn"] > 0 and 0 <= row["idle_share"] < 1
    main(args)
    line = capsys.readouterr().out.splitlines()[-1]
    assert line == (
        f"greedy: {row['actions_per_turn']:.2f} actions per turn, "
        f"idle (only ended the turn) on {row['idle_share']:.1%} of turns"
    )
