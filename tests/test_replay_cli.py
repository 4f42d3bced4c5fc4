"""`simulate --save` and `replay`: a bot's campaign saved, replayed headless, the same hash everywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine.fingerprint import state_hash
from game.saves import list_saves, load_game
from tests.saves_support import copy_mini

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bot_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    scenario = copy_mini(tmp_path)
    path = tmp_path / "bot.json"
    code, out, err = run(
        capsys, "simulate", "--scenario", str(scenario), "--strategy", "greedy", "--runs", "1", "--seed", "5",
        "--save", str(path),
    )  # fmt: skip
    assert code == 0 and f"saved {path}" in err and "greedy" in out
    return path


def test_replay_prints_the_news_of_every_turn_and_the_final_hash(
    bot_save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "replay", str(bot_save))
    loaded = load_game(bot_save)
    assert code == 0
    lines = out.splitlines()
    assert lines[-1] == f"state hash: {state_hash(loaded.game)}"
    assert sum(line.startswith("== ") for line in lines) == len(loaded.game.reports)
    first_news = loaded.game.reports[0].news[0]
    assert f"  [{first_news.kind}] {first_news.text}" in lines
    assert f"outcome: {loaded.game.state.outcome}" in out


def test_replay_json_carries_the_same_figures(bot_save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "replay", str(bot_save), "--json")
    document = json.loads(out)
    game = load_game(bot_save).game
    assert code == 0 and document["state_hash"] == state_hash(game)
    assert [turn["date"] for turn in document["turns"]] == [report.date for report in game.reports]
    assert document["score"] == game.score() and document["actions"] == len(game.log)
    money = sum(c["delta"] for turn in document["turns"] for c in turn["changes"] if c["stat"] == "money")
    assert money == game.state.me.money - game.compiled.agencies["esa"].money * 1000


def test_the_same_save_gives_the_same_replay_in_any_process(bot_save: Path) -> None:
    outputs = []
    for hash_seed in ("0", "987654"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-m", "game", "replay", str(bot_save), "--json"],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["state_hash"] == state_hash(load_game(bot_save).game)


def test_simulate_writes_byte_identical_saves_whatever_the_hash_seed(tmp_path: Path) -> None:
    scenario = copy_mini(tmp_path)
    files = []
    for hash_seed in ("1", "31337"):
        target = tmp_path / f"run-{hash_seed}.json"
        subprocess.run(
            [sys.executable, "-m", "game", "simulate", "--scenario", str(scenario), "--strategy", "random",
             "--runs", "1", "--seed", "8", "--save", str(target)],
            cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": hash_seed}, capture_output=True, check=True,
        )  # fmt: skip
        files.append(target.read_bytes())
    assert files[0] == files[1]


@pytest.mark.parametrize(
    "extra",
    [
        ["--runs", "2", "--strategy", "greedy"],
        ["--runs", "1"],
        ["--strategy", "gateway", "--strategy", "ilrs"],
    ],
)
def test_simulate_saves_only_one_campaign(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    target = tmp_path / "x.json"
    code, _, err = run(
        capsys, "simulate", "--scenario", str(copy_mini(tmp_path)), "--save", str(target), *extra
    )
    assert code == 2 and "--save writes one campaign: give --runs 1 and exactly one --strategy" in err
    assert not target.exists()


def test_simulate_cannot_save_where_nothing_can_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(
        capsys, "simulate", "--scenario", str(copy_mini(tmp_path)), "--strategy", "alone", "--runs", "1",
        "--save", str(blocker / "x.json"),
    )  # fmt: skip
    assert code == 1 and "cannot write the save" in err and "Traceback" not in err


def test_replay_of_a_bad_save_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "replay", str(bad))
    assert code == 1 and out == ""
    assert err == f"cislunar: {bad}:1:1: not a save: binary data (NUL bytes)\n"


def test_replay_refuses_a_changed_scenario_unless_told(
    bot_save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = bot_save.parent / "mini.yaml"
    scenario.write_text(scenario.read_text().replace("budget: 600", "budget: 900"))
    code, out, err = run(capsys, "replay", str(bot_save))
    assert code == 1 and out == "" and "has changed since the game was saved" in err
    assert "--ignore-scenario-change" in err
    code, out, err = run(capsys, "replay", str(bot_save), "--ignore-scenario-change")
    assert code == 0 and "warning: the scenario" in err  # the bigger budget still pays for every action
    assert "warning: the snapshot disagrees with the replay at state.agencies.esa.appropriation" in err
    assert (
        out.splitlines()[-1]
        != f"state hash: {load_game(bot_save, ignore_scenario_change=True).save.state_hash}"
    )


def test_a_save_whose_text_holds_control_characters_is_refused_and_shown_escaped(
    bot_save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A save is someone else's file: a title with a terminal escape or a newline never reaches
    the terminal raw (the title screen would show it, and replay would print it)."""
    edited = json.loads(bot_save.read_text())
    edited["scenario"]["title"] = "Mini\x1b]0;pwned\x07\nforged line"
    bot_save.write_text(json.dumps(edited))
    code, out, err = run(capsys, "replay", str(bot_save))
    assert code == 1 and not out and "\x1b" not in err and "\x07" not in err and err.count("\n") == 1
    assert "damaged save: in scenario: title: text may not hold the control character \\x1b" in err
    (entry,) = [entry for entry in list_saves(bot_save.parent) if entry.path == bot_save]
    assert not entry.ok and "\x1b" not in entry.problem
