"""The authoring commands: validate --strict and --format json, paths, new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli.main import main
from game.cli.validate import ValidationReport
from game.format.loader import load_scenario
from tests.authoring_support import BASE, edit, position

WARNED = edit(
    BASE, "          - budget: -10\n", "          - budget: -10\n            set_flags: [cut_taken]\n"
)


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder in a temporary place (platformdirs reads XDG_DATA_HOME on Linux)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "cislunar"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_warnings_are_printed_but_pass_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "w.yaml", WARNED)
    line, column = position(WARNED, "cut_taken")
    message = "flag 'cut_taken' is set but no condition reads it [flag-never-read]"
    expected = f"{path}:{line}:{column}: warning: {message}"
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (0, expected + "\n")
    assert err == f"{path}: ok (Lint base), 1 warning\n"
    code, out, err = run(capsys, "validate", "--strict", str(path))
    assert (code, out) == (1, expected + "\n")
    assert "fails under --strict" in err


def test_strict_passes_a_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--strict", str(write(tmp_path, "c.yaml", BASE)))
    assert (code, out) == (0, "")


def test_json_output_is_one_document_of_every_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warned = write(tmp_path, "w.yaml", WARNED)
    broken = write(tmp_path, "b.yaml", edit(BASE, "    bloc: east\n", "    bloc: eest\n"))
    code, out, err = run(capsys, "validate", "--format", "json", str(warned), str(broken))
    assert code == 1 and err == ""
    report = ValidationReport.model_validate(json.loads(out))
    first, second = report.files
    assert (report.ok, report.strict) == (False, False)
    assert (first.ok, first.id, first.title, first.errors, first.warnings) == (
        True,
        "lint_base",
        "Lint base",
        0,
        1,
    )
    assert first.diagnostics[0].code == "flag-never-read"
    assert (second.ok, second.id, second.errors) == (False, None, 1)
    (error,) = second.diagnostics
    assert (error.severity, error.code, error.line) == (
        "error",
        "unknown-id",
        position(broken.read_text(), "eest")[0],
    )


def test_json_output_under_strict_fails_on_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "validate", "--strict", "--format", "json", str(write(tmp_path, "w.yaml", WARNED))
    )
    report = json.loads(out)
    assert code == 1 and report["strict"] is True and report["files"][0]["ok"] is False


def test_json_lists_the_files_a_variant_extends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "base.yaml", BASE)
    variant = write(tmp_path, "v.yaml", "extends: base.yaml\nid: v\n")
    code, out, _ = run(capsys, "validate", "--format", "json", str(variant))
    assert code == 0 and json.loads(out)["files"][0]["extends"] == [str(tmp_path / "base.yaml")]


def test_paths_prints_every_folder(user_folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "paths")
    rows = dict(line.split(":", 1) for line in out.splitlines())
    assert code == 0
    assert rows["your scenarios"].strip() == str(user_folders / "scenarios")
    assert rows["saves"].strip() == str(user_folders / "saves")
    assert (Path(rows["shipped scenarios"].strip()) / "default-2021.yaml").is_file()
    assert Path(rows["scenario schema"].strip()).is_file()
    assert Path(rows["test file schema"].strip()).name == "scenario-test.schema.json"
    assert Path(rows["test file schema"].strip()).is_file()


def test_new_writes_a_starter_that_validates_without_warnings(
    user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "new", "my-moon")
    target = user_folders / "scenarios" / "my-moon.yaml"
    assert (code, out) == (0, f"{target}\n") and "cislunar validate --strict" in err
    result = load_scenario(target)
    assert result.diagnostics == [] and result.scenario is not None
    assert (result.scenario.id, result.scenario.title) == ("my_moon", "My moon")
    first = target.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and Path(first.split("=", 1)[1]).is_file()


def test_new_never_overwrites_without_force(user_folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new", "mine")
    target = user_folders / "scenarios" / "mine.yaml"
    target.write_text("my own work\n")
    code, _, err = run(capsys, "new", "mine")
    assert code == 1 and "already exists" in err and target.read_text() == "my own work\n"
    code, _, _ = run(capsys, "new", "mine", "--force", "--title", "Mine: a test")
    assert code == 0 and load_scenario(target).unwrap().title == "Mine: a test"


def test_new_writes_where_it_is_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", "here", "--dir", str(tmp_path / "elsewhere"))
    assert code == 0 and out.strip() == str(tmp_path / "elsewhere" / "here.yaml")
    assert load_scenario(out.strip()).diagnostics == []


@pytest.mark.parametrize("name", ["9lives", "two words", "../escape", "x" * 41, ""])
def test_new_refuses_a_name_that_cannot_be_an_id(
    name: str, user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "new", name)
    assert code == 2 and "cannot name a scenario" in err
    assert not (user_folders / "scenarios").exists()


def test_new_reports_a_folder_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = write(tmp_path, "file", "not a folder")
    code, _, err = run(capsys, "new", "x", "--dir", str(blocker))
    assert code == 1 and err.startswith(f"cislunar: cannot write {blocker / 'x.yaml'}")
