"""The title screen: a new campaign always; Continue and Load when the saves provider has saves."""

from __future__ import annotations

from textual.widgets import OptionList

from game.tui.saved import Resumed, SavedCampaign
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.load import LoadScreen
from game.tui.screens.title import TitleScreen

from .conftest import SMALL, make_app, new_game
from .helpers import continued, screen_text


def menu_items(app) -> list[str]:
    menu = app.screen.query_one("#menu", OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


async def test_without_saves_there_is_no_continue() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert menu_items(app) == ["New campaign", "Help and keys", "Quit"]
        await pilot.press("c")  # no saves: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_saves_from_the_provider_can_be_continued_and_loaded() -> None:
    older, newer = new_game(seed=1), new_game(seed=2)
    newer.end_turn()
    saves = [
        SavedCampaign("ESA · 2021-Q2", "three_roads, seed 2", lambda: Resumed(newer)),
        SavedCampaign("ESA · 2021-Q1", "three_roads, seed 1", lambda: Resumed(older)),
    ]
    app = make_app(saves=lambda: saves)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert menu_items(app)[0] == "Continue\n  ESA · 2021-Q2"
        assert "Load a saved campaign" in menu_items(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.game is older
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert [type(s) for s in app.screen_stack[1:]] == [DashboardScreen]


async def test_continue_says_which_save_whole_at_80_columns() -> None:
    """The save's agency, date and scenario under 'Continue', not wrapped inside a parenthesis."""
    game = new_game()
    label = "ESA · 2023-Q4 · Cislunar 2021: three roads to the Moon"
    app = make_app(saves=lambda: [SavedCampaign(label, "", lambda: Resumed(game))])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert continued(app) == label


async def test_continue_resumes_the_newest_save_and_its_pending_event() -> None:
    game = new_game()
    game.end_turn()  # the budget crisis now waits for an answer
    app = make_app(saves=lambda: [SavedCampaign("ESA · 2021-Q2", "", lambda: Resumed(game))])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.game is game
        assert "A budget crisis" in screen_text(app)


async def test_help_lists_the_rules_and_every_key() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#keys").content)
        for expected in (
            "e        End turn",
            "Ctrl+T   Theme",
            "Ctrl+P   Command palette",
            "1-9      open a programme",
        ):
            assert expected in keys
        assert "appropriation" in str(app.screen.query_one("#rules").content)


async def test_each_rule_runs_on_under_its_bullet_at_80_columns() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        lines = str(app.screen.query_one("#rules").content).splitlines()
        money = next(i for i, line in enumerate(lines) if line.startswith("• Money comes once a year"))
        run_on = lines[money + 1 : money + 3]  # the first rule wraps over several lines at 80 columns
        assert run_on and all(line.startswith("  ") and line[2] != " " for line in run_on), lines


async def test_a_save_that_fails_to_open_is_reported_and_continue_moves_to_the_next() -> None:
    """One menu choice never ends the game, whatever the file does; the bad save is not offered again."""
    good = new_game(seed=1)

    def broken() -> Resumed:
        raise ValueError("Out of range float values are not JSON compliant")  # what 1e400 once did

    saves = [
        SavedCampaign("ESA · 2021-Q2", "seed 2", broken),
        SavedCampaign("ESA · 2021-Q1", "seed 1", lambda: Resumed(good)),
    ]
    app = make_app(saves=lambda: saves)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert menu_items(app)[0] == "Continue\n  ESA · 2021-Q2"
        await pilot.press("c")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TitleScreen) and app.game is None
        assert any(n.title == "Cannot load this save" for n in app._notifications)
        assert menu_items(app)[0] == "Continue\n  ESA · 2021-Q1"
        await pilot.press("c")
        await pilot.pause()
        assert app.game is good
