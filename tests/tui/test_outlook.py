"""The outlook (F on the dashboard): where each road leads, computed off the interface's thread,
with a progress bar, left at any time with Escape; the same figures as `cislunar forecast`."""

from __future__ import annotations

import time

import pytest

from game.engine.fingerprint import state_hash
from game.i18n import set_language
from game.sim.forecast import forecast
from game.tui.screens import outlook
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.outlook import OutlookScreen, outlook_table

from .conftest import LARGE, SMALL, make_app, new_game
from .helpers import screen_text, text_of


async def test_f_opens_the_outlook_which_shows_the_forecast_of_every_road() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OutlookScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        expected = forecast(game, game.compiled, runs=outlook.RUNS, seed=screen.seed)
        assert screen.figures == expected  # the engine's figures, for the same state and seed
        table = text_of(screen.query_one("#outlook-table"))
        assert table == outlook_table(expected).plain
        lines = table.splitlines()
        assert lines[0].split() == ["Gateway", "ILRS", "Alone", "Stay"]
        assert lines[1].split()[-4:] == [f"{road.won:.0%}" for road in expected.roads]
        assert "  Astronaut orbit" in table and "In lunar orbit: median" in table
        assert not screen.query_one("#outlook-progress").display  # done: the bar is gone
        assert "from 2021-Q1: each played 40 times" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_escape_leaves_while_the_playouts_run_and_stops_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outlook, "RUNS", 5000)  # minutes of work, were it not stopped
    game = new_game()
    before = state_hash(game)
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OutlookScreen)
        assert screen.query_one("#outlook-progress").display  # under way, with its bar
        assert "Esc leaves at any time" in text_of(screen.query_one("#outlook-table"))
        (worker,) = [w for w in app.workers if w.group == "outlook"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)  # at once, the work still stopping
        start = time.monotonic()
        await app.workers.wait_for_complete()
        assert worker.is_cancelled and time.monotonic() - start < 10
        assert screen.figures is None and state_hash(game) == before


async def test_the_game_is_the_same_after_the_outlook() -> None:
    game = new_game()
    before = state_hash(game)
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert state_hash(game) == before and game.log == []


async def test_help_lists_the_outlook_key() -> None:
    app = make_app(new_game())
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        keys = text_of(app.screen.query_one("#keys"))  # scrolled into view or not
        assert "f        Outlook" in keys and "Press f for the outlook" in text


async def test_the_outlook_reads_in_russian_and_fits_80_columns() -> None:
    set_language("ru")
    try:
        app = make_app(new_game())
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await pilot.press("f")
            await app.workers.wait_for_complete()
            await pilot.pause()
            text = screen_text(app)
            assert "Прогноз" in text and "Одни" in text and "Цели к сроку:" in text
            assert "Campaign won" not in text and "Кампания выиграна" in text
            assert all(len(line) <= 80 for line in text.splitlines())
    finally:
        set_language("en")


async def test_reopening_the_outlook_on_the_same_turn_shows_the_last_forecast_at_once() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = app.screen
        assert isinstance(first, OutlookScreen) and first.figures is not None
        await pilot.press("escape", "f")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, OutlookScreen) and again is not first
        assert not [w for w in app.workers if w.group == "outlook" and not w.is_finished]  # no playouts
        assert again.figures is first.figures  # shown as it opened, the same figures
        assert not again.query_one("#outlook-progress").display
        assert text_of(again.query_one("#outlook-table")) == outlook_table(first.figures).plain
        await pilot.press("escape")
        assert game.end_turn().ok  # another turn: another state, played forward afresh
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, OutlookScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.figures is not None and app.screen.figures != first.figures
