"""Events: a modal with the text and each choice's known effects; answering applies the choice."""

from __future__ import annotations

from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.event import EventScreen

from .conftest import SMALL, make_app, new_game
from .helpers import screen_text, text_of


async def test_an_event_opens_as_a_modal_and_the_answer_is_applied() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        text = screen_text(app)
        assert "A budget crisis" in text and "finance ministry" in text
        assert "1 Defend the budget" in text and "2 Offer savings" in text
        effects = [text_of(static) for static in app.screen.query(".choice-effects")]
        assert effects == [
            "You argue for the long term.\neffects: support +5",
            "effects: money +20 M$; support -5; relations with NASA -5; "
            "Gateway next milestone slips 6 months; something may follow later",
        ]
        await pilot.press("escape", "e", "d")  # nothing else until it is answered
        await pilot.pause()
        assert isinstance(app.screen, EventScreen) and game.state.turn == 1
        support = game.state.me.support
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert game.state.pending == []
        assert game.state.me.support == support - 5
        assert game.state.me.money == 700_000 + 20_000
        assert game.state.relation("esa", "nasa") == 55


async def test_clicking_a_choice_answers_too() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-calm")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert any("Defend the budget" in item.text for item in game.state.news)
