"""Saving in the TUI: autosave every turn, Ctrl+S, Continue and Load, `play --load`; nothing is lost."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from textual.widgets import OptionList

from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.saves import list_saves, load_game, save_game
from game.tui import launch as launching
from game.tui.app import CislunarApp
from game.tui.saved import folder_saves
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.load import LoadScreen
from game.tui.screens.title import TitleScreen

from .conftest import SEED, SMALL, THREE_ROADS, new_game
from .helpers import answer_events, continued


def saving_app(folder: Path, game: Game | None = None) -> CislunarApp:
    """The real app saving to ``folder``, on the test scenario, like `cislunar play` does."""
    return CislunarApp(
        game=game,
        seed=SEED,
        scenario=THREE_ROADS if game is not None else None,
        scenario_dirs=[("shipped", THREE_ROADS.parent)],  # type: ignore[list-item]
        saves=folder_saves(folder, [THREE_ROADS.parent]),
        saves_folder=folder,
        blink=False,
    )


async def test_every_turn_is_autosaved_and_loads_back_to_the_same_state(tmp_path: Path) -> None:
    app = saving_app(tmp_path, new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for _ in range(3):
            await answer_events(pilot)
            await pilot.press("e")
            await pilot.pause()
        await answer_events(pilot)
        (entry,) = list_saves(tmp_path)
        assert entry.autosave and entry.agency == "esa" and entry.turn == app.game.state.turn
        loaded = load_game(entry.path, scenario_dirs=[THREE_ROADS.parent])
        turn_of_autosave = loaded.game.state.turn
        assert turn_of_autosave == app.game.state.turn
        # the autosave is taken as the turn opens, before this turn's events were answered
        assert loaded.game.date == app.game.date


async def test_ctrl_s_keeps_a_copy_that_the_title_lists_with_agency_date_and_score(tmp_path: Path) -> None:
    game = new_game()
    app = saving_app(tmp_path, game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await answer_events(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = [entry for entry in list_saves(tmp_path) if not entry.autosave]
        assert len(saved) == 1 and saved[0].date == game.date
        assert state_hash(load_game(saved[0].path, scenario=THREE_ROADS).game) == state_hash(game)
    title = saving_app(tmp_path)
    async with title.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(title.screen, TitleScreen)
        assert continued(title).startswith(f"ESA · {game.date} · ")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(title.screen, DashboardScreen)
        assert state_hash(title.game) == state_hash(game)
        assert title.scenario_path == THREE_ROADS  # its next saves name the same scenario


async def test_a_damaged_save_is_listed_with_why_and_is_left_untouched(tmp_path: Path) -> None:
    good = new_game()
    save_game(good, THREE_ROADS, tmp_path / "good.json")
    damaged = tmp_path / "zz-damaged.json"
    damaged.write_bytes(b'{"format": "cislunar-save", "version": 1, "seed": ')
    damaged.touch()  # the newest file: Continue must still pick the good one
    before = damaged.read_bytes()
    app = saving_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert continued(app).startswith("ESA · 2021-Q1 · ")
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        options = app.screen.query_one("#saves", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("zz-damaged.json" in p and "cannot load:" in p for p in prompts)
        assert sum(options.get_option_at_index(i).disabled for i in range(options.option_count)) == 1
    assert damaged.read_bytes() == before


async def test_a_save_broken_after_listing_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "campaign.json"
    save_game(new_game(), THREE_ROADS, path)
    app = saving_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        text = path.read_text()
        path.write_text(text.replace('"seed": 7', '"seed": 8', 1))  # edited behind the game's back
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and app.game is None
        assert any("disagrees" in str(n.message) for n in app._notifications)


async def test_a_failed_save_says_so_and_the_campaign_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the saves folder should be")
    app = saving_app(blocker, new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await answer_events(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(n.title == "Not saved" for n in app._notifications)
        turn = app.game.state.turn
        await pilot.press("e")
        await pilot.pause()
        assert app.game.state.turn == turn + 1
        assert any(n.title == "Autosave failed" for n in app._notifications)
    assert blocker.read_text() == "a file where the saves folder should be"


async def test_a_campaign_that_cannot_be_saved_goes_on_and_the_player_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever breaks a save (once: an infinite number the JSON writer refused), the turn goes on."""
    import game.saves.listing as listing

    def unwritable(*args: object, **kwargs: object) -> None:
        raise ValueError("Out of range float values are not JSON compliant")

    monkeypatch.setattr(listing, "save_game", unwritable)
    app = saving_app(tmp_path, new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await answer_events(pilot)
        turn = app.game.state.turn
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running and app.game.state.turn == turn + 1
        failed = [n for n in app._notifications if n.title == "Autosave failed"]
        assert failed and "cannot be saved" in str(failed[0].message)


async def test_without_a_saves_folder_there_is_no_save_key() -> None:
    app = CislunarApp(game=new_game(), seed=SEED, scenario=THREE_ROADS, blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.check_action("save", ()) is False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app._notifications


def play_args(load: str, scenario: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(scenario=scenario, agency=None, seed=None, load=load)


def test_play_load_opens_the_saved_campaign(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    game = new_game()
    game.end_turn()
    path = save_game(game, THREE_ROADS, tmp_path / "s.json")
    opened: list[CislunarApp] = []
    monkeypatch.setattr("game.tui.app.CislunarApp.run", lambda app, headless=False: opened.append(app))
    assert launching.launch(play_args(str(path))) == 1  # its scenario is in none of the scenario folders
    assert "give its file with --scenario" in capsys.readouterr().err
    assert launching.launch(play_args(str(path), str(THREE_ROADS))) == 0
    assert state_hash(opened[0].game) == state_hash(game)
    assert opened[0].scenario_path == THREE_ROADS


def test_play_load_of_a_bad_file_says_why_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\xff not json")
    assert launching.launch(play_args(str(bad))) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"cislunar: {bad}") and "Traceback" not in err
    assert bad.read_bytes() == b"\x00\xff not json"
    assert launching.launch(play_args(str(tmp_path / "missing.json"))) == 1
    assert "missing.json" in capsys.readouterr().err


def test_a_save_file_name_with_control_characters_is_listed_escaped(tmp_path: Path) -> None:
    """A file dropped in the saves folder names itself: the title screen shows its name escaped."""
    save_game(new_game(), THREE_ROADS, tmp_path / "good\x1b]0;x\x07.json")
    (tmp_path / "bad\x1b[2J\n.json").write_text("{}")
    entries = folder_saves(tmp_path, [THREE_ROADS.parent])()
    shown = [text for entry in entries for text in (entry.label, entry.detail, entry.problem)]
    assert len(entries) == 2 and not any(c in text for text in shown for c in "\x1b\x07\n")
    assert any("good\\x1b]0;x\\x07.json" in text for text in shown)
    assert any("bad\\x1b[2J\\n.json" in text for text in shown)
