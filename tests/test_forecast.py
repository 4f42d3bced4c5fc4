"""The outlook's figures (game/sim/forecast.py) and their command-line twin, `cislunar forecast SAVE`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from game.bots import make_strategy
from game.cli.main import main
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.saves import load_game, save_game
from game.sim.forecast import Timing, _timing, forecast, forecast_roads, forecast_table
from game.sim.playouts import STAY, play_roads
from tests.helpers import play_turns
from tests.saves_support import compiled, copy_mini, saved
from tests.test_hardening_saves import BAD_SAVES

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mid_save(tmp_path: Path) -> Path:
    """A save of a mini campaign under way: ESA has played four turns on the gateway road."""
    scenario = copy_mini(tmp_path)
    game = Game(compiled(scenario), "esa", 7)
    bot = make_strategy("gateway", 7, game.compiled.scenario)
    for _ in range(4):
        bot.play_turn(game)
    assert not game.over
    return save_game(game, scenario, tmp_path / "under-way.json")


def test_a_forecast_is_the_same_for_the_same_state_and_seed(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 2)
    play_turns(game, 2)
    first = forecast(game, mini, runs=6, seed=3)
    assert forecast(game.clone(), mini, runs=6, seed=3) == first
    assert forecast(game, mini, runs=6, seed=3, jobs=2) == first
    assert first.roads and first.runs == 6 and first.month == game.state.month


def test_the_figures_are_counted_from_the_playouts(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 4)
    figures = forecast(game, mini, runs=8, seed=5)
    roads = [road.road for road in figures.roads]
    results = play_roads(game, mini, roads, 5, 8)
    for road, outcomes in zip(figures.roads, results, strict=True):
        assert road.won == sum(result.won for result in outcomes) / 8
        scores = sorted(result.score for result in outcomes)
        assert (road.score.least, road.score.most, road.score.median) == (scores[0], scores[-1], scores[3])
        for odds in road.objectives:
            assert odds.chance == sum(result.met(odds.id) for result in outcomes) / 8
    gateway = figures.roads[roads.index("gateway")]
    assert gateway.won == 1.0 and gateway.orbit.share == 1.0 and gateway.orbit.median is not None
    assert figures.roads[roads.index(STAY)].orbit == Timing(0.0, None, None)  # no membership yet


def test_a_percentile_counts_never_as_later_than_any_year() -> None:
    assert _timing([30, None, 10, 20]) == Timing(0.75, 20, None)
    assert _timing([5, 1, 3, 2, 4, 6, 7, 8, 9, 10]) == Timing(1.0, 5, 9)
    assert _timing([None, None, 4]) == Timing(0.3333, None, None)


def test_the_roads_are_those_the_player_can_still_follow(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    assert forecast_roads(game.state, mini) == ["gateway", "ilrs", "alone", STAY]
    game.state.programmes["ilrs"].status = "cancelled"
    game.state.programmes["gateway"].hidden = True  # not announced: the player does not know it
    assert forecast_roads(game.state, mini) == ["alone", STAY]
    game.state.programmes["gateway"].hidden = False
    game.state.programmes["gateway"].open_to_partners = False
    assert forecast_roads(game.state, mini) == ["alone", STAY]
    game.state.programmes["gateway"].members.append("esa")  # a member still follows its own road
    assert forecast_roads(game.state, mini) == ["gateway", "alone", STAY]


def test_the_table_has_a_column_per_road_and_a_row_per_figure(mini: CompiledScenario) -> None:
    figures = forecast(Game(mini, "esa", 1), mini, runs=4, seed=1)
    rows = forecast_table(figures)
    assert rows[0] == ("", ["Gateway", "ILRS", "Alone", "Stay"], False)
    assert all(len(row.cells) == 4 for row in rows)
    by_label = {row.label: row for row in rows}
    assert by_label["Astronaut in lunar orbit"].indent and not by_label["Campaign won"].indent
    assert by_label["Campaign won"].cells[0] == "100%" and by_label["In lunar orbit: median"].cells[3] == "—"


def test_the_command_prints_the_figures_of_the_save(
    mid_save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = mid_save.read_bytes()
    code, out, err = run(capsys, "forecast", str(mid_save), "--runs", "5", "--seed", "9", "--json")
    assert code == 0 and err == ""
    game = load_game(mid_save).game
    expected = forecast(game, game.compiled, runs=5, seed=9).to_json()
    document = json.loads(out)
    assert {key: document[key] for key in expected} == expected
    assert document["date"] == game.date and document["turn"] == 5
    code, out, _ = run(capsys, "forecast", str(mid_save), "--runs", "5", "--seed", "9", "--jobs", "1")
    assert code == 0 and "from 2022-Q1 (turn 5 of" in out and "5 playouts per road, seed 9" in out
    won = next(line for line in out.splitlines() if line.startswith("Campaign won"))
    assert won.split()[2:] == [f"{road['won']:.0%}" for road in expected["roads"]]
    assert mid_save.read_bytes() == before


def test_the_same_save_and_seed_print_the_same_forecast(
    mid_save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = [
        run(capsys, "forecast", str(mid_save), "--runs", "4", "--jobs", str(jobs))[1] for jobs in (1, 2, 1)
    ]
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize(("what", "damage", "message"), BAD_SAVES, ids=[case[0] for case in BAD_SAVES])
def test_a_damaged_or_foreign_save_is_the_error_replay_gives_and_nothing_changes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
    damage: Callable[[Path], None],
    message: str,
) -> None:
    bad, _ = saved(tmp_path, "bad.json")
    damage(bad)
    folder = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    code, out, err = run(capsys, "forecast", str(bad), "--runs", "2")
    assert code == 1 and out == "" and message in err and "Traceback" not in err
    assert (code, err) == run(capsys, "replay", str(bad))[::2]
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == folder


def test_a_changed_scenario_is_refused_unless_told(
    mid_save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = mid_save.parent / "mini.yaml"
    scenario.write_text(scenario.read_text().replace("budget: 600", "budget: 900"))
    code, out, err = run(capsys, "forecast", str(mid_save), "--runs", "2")
    assert code == 1 and out == "" and "has changed since the game was saved" in err
    assert "--ignore-scenario-change forecasts" in err
    code, out, err = run(capsys, "forecast", str(mid_save), "--runs", "2", "--ignore-scenario-change")
    assert code == 0 and "warning: the scenario" in err and out.startswith("forecast of")


@pytest.mark.parametrize("runs", ["0", "ten", "10001", "-3"])
def test_a_bad_number_of_runs_is_a_usage_error(
    mid_save: Path, capsys: pytest.CaptureFixture[str], runs: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["forecast", str(mid_save), "--runs", runs])
    assert exit_.value.code == 2
    assert "is not a number of playouts from 1 to 10000" in capsys.readouterr().err


def test_every_feature_of_the_language_plays_forward() -> None:
    """The scenario that uses every feature at once: each road's playouts reach the campaign's end."""
    scenario = compiled(Path(__file__).parent / "scenarios" / "all_features.yaml")
    game = Game(scenario, scenario.playable()[0], 3)
    play_turns(game, 3)
    figures = forecast(game, scenario, runs=2, seed=4)
    assert [road.road for road in figures.roads] == forecast_roads(game.state, scenario)
    assert all(road.runs == 2 and len(road.objectives) == len(scenario.objectives) for road in figures.roads)
    assert forecast(game, scenario, runs=2, seed=4, jobs=2) == figures


def test_the_same_save_gives_the_same_forecast_in_any_process(mid_save: Path) -> None:
    outputs = []
    for hash_seed in ("0", "987654"):
        done = subprocess.run(
            [sys.executable, "-m", "game", "forecast", str(mid_save), "--runs", "3", "--json"],
            cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": hash_seed}, capture_output=True, text=True,
            check=True,
        )  # fmt: skip
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and json.loads(outputs[0])["runs"] == 3
