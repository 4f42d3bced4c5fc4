"""The objectives in view: the dashboard lists them with progress, points and deadline, and O
(or Enter or a click on the list) opens the screen that explains how each one scores."""

from __future__ import annotations

from game.engine.actions import Action
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.objectives import ObjectivesScreen
from game.tui.text import amount

from .conftest import LARGE, SMALL, make_app, new_game
from .helpers import screen_text, text_of


async def test_the_dashboard_lists_every_objective_with_progress_points_and_deadline() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        goals = text_of(app.screen.query_one("#goals"))
        assert "Score 0 of 30 to win · 60+ possible" in goals  # 4.8 more for reaching prestige early
        assert "○ Astronaut orbit      —    0/30 2024-Q4" in goals  # no figure to measure
        assert "0/10+ 2025-Q4" in goals  # its points, and a bonus on top when reached early
        assert "○ Prestige            " in goals and "2025-Q4" in goals  # the scenario's short name
        assert "o Goals" in screen_text(app)  # the key is in the footer at 80 columns


async def test_o_opens_the_objectives_screen_and_it_follows_a_turn() -> None:
    game = new_game()
    assert game.act(Action("mission", "cubesat")).ok
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ObjectivesScreen)
        text = screen_text(app)
        assert "Score so far 0 · 30 needed to win at the end · 60+ possible" in text
        assert "Asks for your prestige at least 80 by 2025-Q4." in text
        assert "Graded by your prestige toward 100, at its best by 2025-Q4" in text
        assert "50% of the way earns 2" in text
        assert "Reached early: 1 more point for each year before the deadline (at most 4.8)." in text
        assert "Scores your science / 2 at the end of the campaign, up to 20 points." in text
        await pilot.press("o")  # the same key goes back
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        for key in ("e", "1", "e", "e"):  # the cubesat flies (the budget crisis of turn 2 answered)
            await pilot.press(key)
            await pilot.pause()
        prestige = game.state.me.prestige
        assert prestige > 0
        await pilot.press("o")
        await pilot.pause()
        body = text_of(app.screen.query_one("#goal-body-prestige"))
        assert f"{amount(prestige)} of 100" in body and f" {prestige / 100:.0%}" in body
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_enter_or_a_click_on_the_list_opens_the_objectives() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.screen.query_one("#goals").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ObjectivesScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#goals")
        await pilot.pause()
        assert isinstance(app.screen, ObjectivesScreen)


async def test_help_lists_the_objectives_key() -> None:
    app = make_app(new_game())
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app.screen.query_one("#keys"))
        assert "o        Goals" in keys
        assert "Objectives" in keys
