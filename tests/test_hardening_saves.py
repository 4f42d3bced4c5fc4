"""Bad save files: each gets a clear message, and nothing else in the saves folder is touched."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine.fingerprint import state_hash
from game.saves import SaveError, ScenarioChangedError, list_saves, load_game
from game.saves.store import MAX_SAVE_BYTES, read_save
from tests.saves_support import saved


def edited(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _first_action(data: dict) -> None:
    data["actions"][0] = {"kind": "withdraw", "target": "gateway"}


def _extra_invest(data: dict) -> None:
    data["actions"].insert(0, {"kind": "invest", "target": "robotics"})


def _money(data: dict) -> None:
    data["snapshot"]["agencies"]["esa"]["money"] += 1_000_000


def _score(data: dict) -> None:
    data["summary"]["score"] = 99.0


def _hash(data: dict) -> None:
    data["state_hash"] = "0" * 64


def _agency(data: dict) -> None:
    data["agency"] = "nasa"


def _agency_everywhere(data: dict) -> None:
    data["agency"] = data["snapshot"]["player"] = "nasa"


def _seed(data: dict) -> None:
    data["seed"] += 1


def _kind(data: dict) -> None:
    data["actions"][1]["kind"] = "teleport"


def _truncate(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def _corrupt(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[:300] + b"\xff\xfe\x00" + raw[303:])


def _nan(path: Path) -> None:
    path.write_text(path.read_text().replace('"seed": 3', '"seed": NaN'))


def _replaced(pattern: str, replacement: str) -> Callable[[Path], None]:
    """Edit the save's text: the first match of ``pattern`` becomes ``replacement``."""

    def change(path: Path) -> None:
        text, count = re.subn(pattern, replacement, path.read_text(), count=1)
        assert count == 1, pattern
        path.write_text(text)

    return change


def _nested(path: Path) -> None:
    path.write_text('{"format": "cislunar-save", "x": ' + "[" * 100 + "]" * 100 + "}")


#: (what the file is, how to make it from a good save, what the message says)
BAD_SAVES: list[tuple[str, Callable[[Path], None], str]] = [
    ("truncated", _truncate, "damaged or truncated"),
    ("empty", lambda p: p.write_bytes(b""), "the file is empty"),
    ("corrupt bytes", _corrupt, "not UTF-8"),
    ("binary", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "binary data or not UTF-8"),
    ("foreign JSON", lambda p: p.write_text('{"name": "package", "version": "1.0"}'), "not a Cislunar save"),
    ("a JSON list", lambda p: p.write_text("[1, 2, 3]"), "not a Cislunar save"),
    ("YAML", lambda p: p.write_text("format: cislunar-save\nversion: 1\n"), "not a save: JSON syntax"),
    ("NaN", _nan, "'NaN' is not a number"),
    ("deep nesting", _nested, "nested more than"),
    # 1e400 reads as infinity, which nothing can hash or write back: refused where it is read
    ("infinite score", _replaced(r'"score": [-0-9.e]+', '"score": 1e400'), "number 1e400 is out of range"),
    ("infinite money", _replaced(r'"money": [-0-9.e]+', '"money": -1e400'), "-1e400 is out of range"),
    ("infinity behind a key", _replaced(r'"money": ([-0-9.e]+)', r'"money": 1e999, "money": \1'), "1e999"),
    (
        "duplicate key",
        _replaced(r'"money": ([-0-9.e]+)', r'"money": 5, "money": \1'),
        '"money" appears twice',
    ),
    ("enormous integer", _replaced(r'"turn": 16', '"turn": 1' + "0" * 30), "the number 1000"),
    ("integer over 64 bits", _replaced(r'"seed": 3', f'"seed": {2**64}'), f"the number {2**64} is out"),
    ("wrong version", lambda p: edited(p, lambda d: d.update(version="one")), "no valid format version"),
    (
        "missing key",
        lambda p: edited(p, lambda d: d.pop("actions")),
        "damaged save: missing required key 'actions'",
    ),
    (
        "unknown action",
        lambda p: edited(p, _kind),
        "damaged save: in the 2nd action record: kind: unknown action kind 'teleport'",
    ),
    ("edited action log", lambda p: edited(p, _first_action), "action 1 of"),
    ("action added", lambda p: edited(p, _extra_invest), "the snapshot disagrees with the replay at state."),
    ("edited snapshot", lambda p: edited(p, _money), "disagrees with the replay at state.agencies.esa.money"),
    ("edited summary", lambda p: edited(p, _score), "the summary (turn 16, 2025-Q1) does not match"),
    ("edited hash", lambda p: edited(p, _hash), "the state hash does not match"),
    ("edited seed", lambda p: edited(p, _seed), "the save's seed 4 disagrees with its snapshot's 3"),
    (
        "agency changed",
        lambda p: edited(p, _agency),
        "the save's agency 'nasa' disagrees with its snapshot's 'esa'",
    ),
    ("agency not playable", lambda p: edited(p, _agency_everywhere), "'nasa' is not a playable agency"),
]


@pytest.mark.parametrize(("what", "damage", "message"), BAD_SAVES, ids=[case[0] for case in BAD_SAVES])
def test_a_bad_save_is_a_clear_error_and_the_other_saves_are_untouched(
    tmp_path: Path, what: str, damage: Callable[[Path], None], message: str
) -> None:
    good, game = saved(tmp_path, "good.json")
    bad, _ = saved(tmp_path, "bad.json")
    damage(bad)
    folder = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(SaveError) as caught:
        load_game(bad)
    assert message in str(caught.value) and str(caught.value).startswith(f"{bad}:")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == folder
    listed = {entry.path.name: entry for entry in list_saves(tmp_path)}
    assert listed["good.json"].ok and state_hash(load_game(good).game) == state_hash(game)
    assert listed["bad.json"].path == bad  # listed, with its problem when it shows without replaying


def test_syntax_errors_point_at_the_line_and_column(tmp_path: Path) -> None:
    bad, _ = saved(tmp_path)
    lines = bad.read_text().splitlines()
    lines[7] = lines[7].replace('"', "", 1)
    bad.write_text("\n".join(lines))
    with pytest.raises(SaveError, match=rf"^{bad}:8:3: a damaged or truncated save: JSON syntax"):
        load_game(bad)


def test_an_enormous_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(MAX_SAVE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(SaveError, match="over the limit"):
        load_game(huge)


def test_a_missing_save_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="cannot read the save: No such file or directory"):
        load_game(tmp_path / "nope.json")


def test_a_changed_scenario_is_reported_not_silently_used(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(scenario.read_text().replace("cost: 60", "cost: 70"))
    with pytest.raises(ScenarioChangedError, match="has changed since the game was saved"):
        load_game(path)
    loaded = load_game(path, ignore_scenario_change=True)
    assert loaded.warnings and "has changed since the game was saved" in loaded.warnings[0]


def test_comments_and_layout_of_the_scenario_may_change(tmp_path: Path) -> None:
    path, game = saved(tmp_path)
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(
        "# edited by hand\n" + scenario.read_text().replace("victory_score: 30", "victory_score:   30")
    )
    loaded = load_game(path)
    assert loaded.warnings == [] and state_hash(loaded.game) == state_hash(game)


def test_another_scenario_in_the_same_file_is_named(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(scenario.read_text().replace("id: mini", "id: other"))
    with pytest.raises(ScenarioChangedError, match="is now scenario 'other'"):
        load_game(path)


def test_a_moved_scenario_is_found_beside_the_save_or_given_explicitly(tmp_path: Path) -> None:
    path, game = saved(tmp_path)
    elsewhere = tmp_path / "moved"
    elsewhere.mkdir()
    (tmp_path / "mini.yaml").rename(elsewhere / "renamed.yaml")
    with pytest.raises(SaveError, match=r"cannot find the scenario 'mini' \(mini.yaml\).*--scenario"):
        load_game(path)
    assert state_hash(load_game(path, scenario=elsewhere / "renamed.yaml").game) == state_hash(game)
    moved_save = elsewhere / "campaign.json"
    os.replace(path, moved_save)
    (elsewhere / "renamed.yaml").rename(elsewhere / "mini.yaml")
    assert state_hash(load_game(moved_save).game) == state_hash(game)


def test_a_scenario_that_no_longer_validates_is_reported(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(scenario.read_text().replace("leads: [nasa]", "leads: [nsa]"))
    with pytest.raises(
        SaveError, match=r"mini.yaml has errors \(.*mini.yaml:\d+:\d+: error: unknown agency 'nsa'"
    ):
        load_game(path)


def test_a_save_that_points_at_a_device_never_reads_it(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    edited(path, lambda d: d["scenario"].update(path="/dev/zero"))
    (tmp_path / "mini.yaml").unlink()
    with pytest.raises(SaveError, match="cannot find the scenario"):
        load_game(path)


def test_a_scenario_edited_between_two_loads_is_noticed(tmp_path: Path) -> None:
    path, game = saved(tmp_path)
    assert state_hash(load_game(path).game) == state_hash(game)
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(scenario.read_text().replace("cost: 60", "cost: 70"))  # same size, same second
    with pytest.raises(ScenarioChangedError):
        load_game(path)


def test_a_save_that_misnames_its_scenario_is_refused(tmp_path: Path) -> None:
    path, _ = saved(tmp_path)
    edited(path, lambda d: d["scenario"].update(title="Something else"))
    with pytest.raises(SaveError, match=r"names its scenario 'mini' \(Something else\) but it is 'mini'"):
        load_game(path)


OUT_OF_RANGE = [case for case in BAD_SAVES if "out of range" in case[2] or "the number" in case[2]]
OUT_OF_RANGE += [case for case in BAD_SAVES if case[0] in {"infinity behind a key", "duplicate key"}]


@pytest.mark.parametrize(("what", "damage", "message"), OUT_OF_RANGE, ids=[case[0] for case in OUT_OF_RANGE])
def test_a_save_with_a_number_out_of_range_is_listed_as_damaged_and_replay_refuses_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
    damage: Callable[[Path], None],
    message: str,
) -> None:
    bad, _ = saved(tmp_path, "bad.json")
    damage(bad)
    (entry,) = list_saves(tmp_path)
    assert not entry.ok and message in entry.problem  # the title's Continue never offers it
    assert main(["replay", str(bad)]) == 1
    assert message in capsys.readouterr().err
    assert main(["play", "--load", str(bad)]) == 1
    assert message in capsys.readouterr().err


def test_the_path_a_save_records_is_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save is someone else's file: its scenario is looked for where scenarios live, not where it says."""
    path, game = saved(tmp_path)
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    moved = elsewhere / "campaign.json"
    os.replace(path, moved)
    edited(moved, lambda d: d["scenario"].update(path="mini.yaml"))  # relative: the current folder's
    monkeypatch.chdir(tmp_path)  # where a mini.yaml with the right content is
    with pytest.raises(
        SaveError, match=rf"cannot find the scenario 'mini' \(mini.yaml\).*looked in {elsewhere}"
    ):
        load_game(moved)
    edited(moved, lambda d: d["scenario"].update(path=str(tmp_path / "mini.yaml")))  # absolute: the same
    with pytest.raises(SaveError, match="cannot find the scenario"):
        load_game(moved)
    given = load_game(moved, scenario=tmp_path / "mini.yaml")  # a path the user gives is used
    assert state_hash(given.game) == state_hash(game)


def test_a_renamed_scenario_beside_the_save_is_found_by_its_content(tmp_path: Path) -> None:
    path, game = saved(tmp_path)
    (tmp_path / "mini.yaml").rename(tmp_path / "my-variant.yaml")
    (tmp_path / "unrelated.yaml").write_text("id: other\n")  # read and passed over
    loaded = load_game(path)
    assert loaded.scenario_path == tmp_path / "my-variant.yaml"
    assert state_hash(loaded.game) == state_hash(game)


def test_scenario_folders_are_where_scenarios_live(tmp_path: Path) -> None:
    path, game = saved(tmp_path)
    library = tmp_path / "library"
    library.mkdir()
    away = tmp_path / "saves"
    away.mkdir()
    (tmp_path / "mini.yaml").rename(library / "mini.yaml")
    os.replace(path, away / "campaign.json")
    with pytest.raises(SaveError, match="cannot find the scenario"):
        load_game(away / "campaign.json")
    loaded = load_game(away / "campaign.json", scenario_dirs=[library])
    assert loaded.scenario_path == library / "mini.yaml" and state_hash(loaded.game) == state_hash(game)


def test_a_refused_value_is_located_in_the_file_and_said_in_words(tmp_path: Path) -> None:
    """Pydantic's dotted path ('actions.1.kind: Input should be ...') read as the rest of the game
    reads: path:line:column: the place in words."""
    path, _ = saved(tmp_path, "s.json")
    data = json.loads(path.read_text())
    data["actions"][1]["kind"] = "teleport"
    data["summary"]["turn"] = "x"
    path.write_text(json.dumps(data, indent=1))
    lines = path.read_text().splitlines()
    with pytest.raises(SaveError) as raised:
        read_save(path)
    error = raised.value
    assert error.line is not None and error.column is not None
    assert lines[error.line - 1][error.column - 1 :].startswith('"x"')  # where the refused value is
    assert str(error) == (
        f"{path}:{error.line}:{error.column}: damaged save: in summary: turn is 'x', but it must be a "
        "whole number of at least 0 (and 1 more problem)"
    )
    assert not re.search(r"\w\.\d+\.\w", str(error))  # no dotted path
