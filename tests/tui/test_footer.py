"""The footer fits the width: at 80 columns the screen's least important keys are left out
(from the right), never Help, Quit or the palette, in English and in Russian."""

from __future__ import annotations

import pytest

from game.engine.game import Game
from game.i18n import set_language
from game.paths import default_scenario
from game.tui.app import CislunarApp
from game.tui.screens.timeline import TimelineScreen

from .conftest import SEED, SMALL, compiled, make_app, new_game
from .helpers import on_screen, screen_text, settled, started, until


def footer_line(app: CislunarApp) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_dashboard_footer_shows_quit_whole_at_80_columns_and_leaves_out_the_timeline() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        line = footer_line(app)
        assert "^q Quit" in line and "f1 Help" in line and "^p palette" in line
        assert "e End turn" in line and "m Budget" in line and "Timeline" not in line
        await pilot.press("t")  # the key still works, and the help lists it (test_snapshots' help)
        await on_screen(pilot, TimelineScreen)


async def test_the_wide_dashboard_footer_shows_every_key() -> None:
    app = make_app(new_game())
    async with app.run_test(size=(160, 50)) as pilot:
        await started(pilot)
        assert "t Timeline" in footer_line(app) and "^q Quit" in footer_line(app)


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_the_default_dashboard_footer_ends_whole_in_both_languages(language: str) -> None:
    set_language(language)
    try:
        app = CislunarApp(game=Game(compiled(default_scenario()), "esa", SEED), seed=SEED, blink=False)
        async with app.run_test(size=SMALL) as pilot:
            await started(pilot)  # the opening event, which opens after the dashboard is drawn
            while app.screen.is_modal:
                dialog = app.screen
                await pilot.press("1")
                await until(pilot, lambda: app.screen is not dialog and settled(app), "the answer")  # noqa: B023
                await pilot.pause()
            line = footer_line(app)
            assert ("^q Quit" if language == "en" else "^q Выход") in line
            assert line.rstrip().endswith("palette" if language == "en" else "палитра")
    finally:
        set_language("en")


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_the_deals_footer_keeps_propose_at_80_columns(language: str) -> None:
    """The screen's main action stays: its own list puts Propose before the decisions' Hide refused,
    which the base class declared first (Textual shows it first), so Hide refused goes."""
    from game.tui.screens.deals import DealsScreen

    set_language(language)
    try:
        app = make_app(new_game())
        async with app.run_test(size=SMALL) as pilot:
            await started(pilot)
            await pilot.press("n")
            await on_screen(pilot, DealsScreen)
            await pilot.pause()
            line = footer_line(app)
            assert ("p Propose a deal" if language == "en" else "p Предложить") in line, line
            assert ("^q Quit" if language == "en" else "^q Выход") in line
    finally:
        set_language("en")
