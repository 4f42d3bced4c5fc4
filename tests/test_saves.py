"""Saves: a campaign saved at any point loads to the very same state and plays on the same way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.actions import END_TURN, Action
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.snapshot import SnapshotError, state_from_data, state_to_data
from game.saves import (
    FORMAT_VERSION,
    SaveError,
    autosave,
    autosave_path,
    list_saves,
    load_game,
    new_save_path,
    read_save,
    save_game,
)
from game.saves import migrate as migrations
from game.saves.store import restore_snapshot
from tests.helpers import answer_all
from tests.saves_support import compiled, copy_mini, played, saved


def transcript(game: Game) -> list[str]:
    return [f"{r.date} {n.kind} {n.text}" for r in game.reports for n in r.news]


def test_a_loaded_save_is_the_same_campaign(tmp_path: Path) -> None:
    path, game = saved(tmp_path, strategy="greedy", seed=5)
    loaded = load_game(path)
    assert state_hash(loaded.game) == state_hash(game)
    assert loaded.game.log == game.log and transcript(loaded.game) == transcript(game)
    assert loaded.game.score() == game.score() and loaded.game.over
    assert loaded.warnings == [] and loaded.scenario_path == tmp_path / "mini.yaml"


def test_a_campaign_saved_mid_turn_plays_on_exactly_like_the_original(tmp_path: Path) -> None:
    scenario = copy_mini(tmp_path)
    game = Game(compiled(scenario), "esa", 11)
    for action in (END_TURN, Action("apply", "gateway", "arm"), Action("diplomacy", "nasa")):
        assert game.act(action).ok
    save_game(game, scenario, tmp_path / "mid.json")
    loaded = load_game(tmp_path / "mid.json").game
    assert loaded.state.news == game.state.news and loaded.state.changes == game.state.changes
    for twin in (game, loaded):  # the same moves from here give the same campaign
        while not twin.over:
            answer_all(twin)
            twin.act(Action("invest", "robotics"))
            twin.end_turn()
    assert state_hash(loaded) == state_hash(game) and transcript(loaded) == transcript(game)


def test_the_snapshot_alone_restores_a_state_that_plays_on_the_same(tmp_path: Path) -> None:
    scenario = copy_mini(tmp_path)
    game = Game(compiled(scenario), "esa", 4)
    for _ in range(3):
        answer_all(game)
        game.end_turn()
    save_game(game, scenario, tmp_path / "s.json")
    restored = restore_snapshot(read_save(tmp_path / "s.json"), game.compiled)
    assert state_hash(restored) == state_hash(game) and restored.log == game.log
    for twin in (game, restored):
        while not twin.over:
            answer_all(twin)
            twin.end_turn()
    assert state_hash(restored) == state_hash(game)


def test_the_state_hash_sees_every_change_and_ignores_set_order(tmp_path: Path) -> None:
    game = played(copy_mini(tmp_path), "random", 2)
    twin = game.clone()
    assert state_hash(twin) == state_hash(game)
    twin.state.flags = set(reversed(sorted(game.state.flags | {"a", "b", "c"})))
    game.state.flags |= {"c", "b", "a"}
    assert state_hash(twin) == state_hash(game)
    twin.state.me.money += 1
    assert state_hash(twin) != state_hash(game)
    twin.state.me.money -= 1
    twin.state.rng.random()
    assert state_hash(twin) != state_hash(game)


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (
            lambda d: d["agencies"]["esa"].update(money="lots"),
            "state.agencies.esa.money: expected a whole number",
        ),
        (lambda d: d["programmes"]["gateway"].update(status="paused"), "state.programmes.gateway.status"),
        (lambda d: d["rng"].update(words=[1, 2, 3]), "state.rng.words: expected 625 whole numbers"),
        (lambda d: d.pop("turn"), "state: missing key 'turn'"),
        (lambda d: d.update(extra=1), "state: unknown key 'extra'"),
    ],
)
def test_a_damaged_snapshot_is_refused_with_its_data_path(tmp_path: Path, edit, where: str) -> None:
    data = json.loads(json.dumps(state_to_data(played(copy_mini(tmp_path)).state)))
    edit(data)
    with pytest.raises(SnapshotError, match=where.replace(".", r"\.")):
        state_from_data(data)


def test_the_save_file_is_readable_json_with_one_action_per_line(tmp_path: Path) -> None:
    path, game = saved(tmp_path)
    text = path.read_text()
    data = json.loads(text)
    assert data["format"] == "cislunar-save" and data["version"] == FORMAT_VERSION
    assert data["scenario"]["id"] == "mini" and data["agency"] == "esa" and data["seed"] == 3
    assert data["summary"]["date"] == game.date and data["state_hash"] == state_hash(game)
    assert sum(line.strip().startswith('{"kind"') for line in text.splitlines()) == len(game.log)


# ---------------------------------------------------------------- atomic writes


def test_a_write_that_fails_midway_leaves_the_old_save_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = saved(tmp_path)
    before = path.read_bytes()
    newer = played(tmp_path / "mini.yaml", "greedy", 9)

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SaveError, match="cannot write the save: No space left on device"):
        save_game(newer, tmp_path / "mini.yaml", path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["campaign.json", "mini.yaml"]


def test_an_interrupted_write_leaves_the_old_save_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = saved(tmp_path)
    before = path.read_bytes()

    def interrupted(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_game(played(tmp_path / "mini.yaml", "greedy", 9), tmp_path / "mini.yaml", path)
    assert path.read_bytes() == before and load_game(path).game.state.seed == 3
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_save_where_no_file_can_be_written_is_a_clear_error(tmp_path: Path) -> None:
    path, game = saved(tmp_path)
    with pytest.raises(SaveError, match="cannot write the save"):
        save_game(game, tmp_path / "mini.yaml", path / "inside-a-file.json")


# ---------------------------------------------------------------- listing and autosave


def test_the_listing_shows_each_save_and_the_reason_a_file_is_not_one(tmp_path: Path) -> None:
    good, game = saved(tmp_path, "good.json")
    (tmp_path / "notes.json").write_text('{"name": "not a save"}')
    (tmp_path / "broken.json").write_bytes(good.read_bytes()[:500])
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "readme.txt").write_text("ignored: not a .json file")
    os.utime(good, (1, 2_000_000_000))  # the newest
    entries = {entry.path.name: entry for entry in list_saves(tmp_path)}
    assert next(iter(entries)) == "good.json" and set(entries) == {
        "good.json",
        "notes.json",
        "broken.json",
        "folder.json",
    }
    row = entries["good.json"]
    assert row.ok and (row.scenario_id, row.scenario_title, row.agency) == (
        "mini",
        "Mini test scenario",
        "esa",
    )
    assert (row.date, row.turn, row.score, row.outcome) == (
        game.date,
        game.state.turn,
        game.score(),
        game.state.outcome,
    )
    assert "not a Cislunar save" in entries["notes.json"].problem
    assert "damaged or truncated" in entries["broken.json"].problem
    assert "not a regular file" in entries["folder.json"].problem


def test_a_missing_saves_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_saves(tmp_path / "never-created") == []


def test_one_autosave_per_campaign_replaced_every_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the user's data folder, on Linux
    scenario = copy_mini(tmp_path)
    game = Game(compiled(scenario), "esa", 21)
    other = Game(compiled(scenario), "esa", 22)
    for _ in range(3):
        answer_all(game)
        game.end_turn()
        written = autosave(game, scenario)
    autosave(other, scenario)
    entries = list_saves()
    assert sorted(e.path.name for e in entries) == ["autosave-mini-esa-21.json", "autosave-mini-esa-22.json"]
    assert all(e.autosave and e.path.parent == tmp_path / "data" / "cislunar" / "saves" for e in entries)
    assert written == autosave_path(game) and load_game(written, scenario=scenario).game.state.turn == 3


def test_new_save_names_never_overwrite(tmp_path: Path) -> None:
    _, game = saved(tmp_path, "x.json")
    first = new_save_path(game, tmp_path)
    assert first.name == f"mini-esa-{game.date}.json"
    save_game(game, tmp_path / "mini.yaml", first)
    assert new_save_path(game, tmp_path).name == f"mini-esa-{game.date}-2.json"
    assert (
        new_save_path(game, tmp_path, "autosave-mine").name == "mine.json"
    )  # never mistaken for an autosave


# ---------------------------------------------------------------- format versions


def _with_version(path: Path, version: int) -> None:
    data = json.loads(path.read_text())
    data["version"] = version
    path.write_text(json.dumps(data))


def test_a_save_from_a_newer_version_says_to_update(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    _with_version(path, FORMAT_VERSION + 1)
    with pytest.raises(SaveError, match=f"format version {FORMAT_VERSION + 1}, written by a newer Cislunar"):
        load_game(path)


def test_a_save_too_old_to_migrate_says_so(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    _with_version(path, 0)
    with pytest.raises(SaveError, match="format version 0, which this Cislunar cannot migrate"):
        load_game(path)


def test_an_older_save_with_a_migration_is_upgraded_and_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, game = saved(tmp_path)
    data = json.loads(path.read_text())
    data["version"] = 0
    data["player"] = data.pop("agency")  # what a version-0 save might have called it
    path.write_text(json.dumps(data))

    def zero_to_one(old: dict) -> dict:
        new = {**old, "version": 1, "agency": old["player"]}
        del new["player"]
        return new

    monkeypatch.setitem(migrations.MIGRATIONS, 0, zero_to_one)
    assert state_hash(load_game(path).game) == state_hash(game)


KILLED_MID_WRITE = """
import os, sys, time
from pathlib import Path
from game.saves import save_game
from tests.saves_support import played
os.fsync = lambda descriptor: (print("writing", flush=True), time.sleep(60))  # killed here
folder = Path(sys.argv[1])
save_game(played(folder / "mini.yaml", "greedy", 9), folder / "mini.yaml", folder / "campaign.json")
"""


def _kill_mid_write(folder: Path) -> Path:
    """Run a save in another process and kill -9 it mid-write; the temporary file it leaves."""
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_MID_WRITE, str(folder)],
        cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None and process.stdout.readline() == "writing\n"
    finally:
        process.kill()
        process.wait(timeout=10)
    (left,) = [p for p in folder.iterdir() if p.name.startswith(".campaign.json.")]
    return left


def test_the_files_of_a_save_killed_mid_write_are_cleared_once_stale(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    before = path.read_bytes()
    killed = _kill_mid_write(tmp_path)
    assert path.read_bytes() == before
    assert [entry.path for entry in list_saves(tmp_path)] == [path]
    assert killed.exists()  # young: it may be a write under way in another game
    an_hour_ago = time.time() - 3600
    os.utime(killed, (an_hour_ago, an_hour_ago))
    foreign = tmp_path / ".notes.tmp"
    foreign.write_text("not ours")
    os.utime(foreign, (an_hour_ago, an_hour_ago))
    list_saves(tmp_path)
    assert not killed.exists() and foreign.exists()
    again = _kill_mid_write(tmp_path)
    os.utime(again, (an_hour_ago, an_hour_ago))
    save_game(played(tmp_path / "mini.yaml"), tmp_path / "mini.yaml", tmp_path / "other.json")
    assert not again.exists()
