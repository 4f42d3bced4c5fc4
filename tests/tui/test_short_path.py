"""Files are shown as a player would type them, and the same on every machine (snapshots rely on it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.tui.text import short_path


def test_a_file_under_the_current_folder_is_shown_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert short_path(tmp_path / "scenarios" / "mine.yaml") == "scenarios/mine.yaml"


def test_a_file_under_home_is_shown_with_a_tilde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert short_path(tmp_path / ".local" / "x.yaml") == "~/.local/x.yaml"


def test_any_other_file_is_shown_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir("/")  # the root folder is no place to count from
    elsewhere = Path("/usr/share/cislunar/x.yaml")
    assert short_path(elsewhere) == str(elsewhere.resolve())
