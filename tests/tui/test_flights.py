"""Flights in the TUI: the odds on the flights screen (l), preparations and holds on it, a launch
that shows each outcome and asks first, the go-alone card's waiting flight, and the news."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.tui.screens.confirm import ConfirmScreen
from game.tui.screens.flights import FlightsScreen

from .conftest import LARGE, SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import screen_text, text_of
from .test_decisions import highlight, listed

FLIGHTS = TUI_FIXTURES / "more" / "flights.yaml"


def waiting_cubesat() -> Game:
    """ESA's cubesat, built and waiting for its launch window (two turns away)."""
    game = new_game(FLIGHTS)
    assert game.act(Action("mission", "cubesat")).ok
    for _ in range(2):
        for pending in list(game.state.pending):
            choices = game.compiled.events[pending.event].model.choices
            assert game.act(Action("answer", str(pending.uid), choices[0].id)).ok
        assert game.end_turn().ok
    assert "cubesat" in game.state.flights
    return game


async def test_the_go_alone_card_shows_the_waiting_flight_and_l_opens_its_odds() -> None:
    app = make_app(waiting_cubesat())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "▲ 60% Lunar cub" in text and "· l flights" in text  # the odds first, on a narrow card
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, FlightsScreen)
        odds = text_of(app.screen.query_one("#flights-odds"))
        assert "Lunar cubesat" in odds and "60% success, 20% partial, 20% failure" in odds  # commas
        assert "Extra test campaign for Lunar cubesat" in listed(app)
        assert "reliability 60% -> 70%; the launch date holds" in listed(app)


async def test_a_preparation_raises_the_odds_shown() -> None:
    app = make_app(waiting_cubesat())
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        highlight(app, "Extra test campaign for Lunar cubesat")
        await pilot.press("enter")
        await pilot.pause()
        assert (
            text_of(app.screen.query_one("#decision-status"))
            == "✓ Done: Extra test campaign for Lunar cubesat"
        )
        odds = text_of(app.screen.query_one("#flights-odds"))
        assert "70% success" in odds and "after Extra test campaign" in odds
        assert "Success (70%): +10 science, +3 prestige" in odds  # a tall screen says what each does


async def test_a_launch_shows_each_outcome_asks_first_and_the_news_says_why() -> None:
    app = make_app(waiting_cubesat())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        highlight(app, "Launch Lunar cubesat now")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        dialog = text_of(app.screen.query_one("#confirm-costs"))
        assert dialog.startswith("The odds, and what each outcome does")
        assert "Success (60%)" in dialog and "Partial success (20%)" in dialog and "Failure (20%)" in dialog
        await pilot.press("y")
        await pilot.pause()
        assert app.game.state.flights["cubesat"].launch == app.game.state.month
        await pilot.press("e")
        await pilot.pause()
        news = "\n".join(item.text for report in app.game.reports for item in report.news)
        assert "Lunar cubesat" in news and "reliability was 60% with no preparation" in news
