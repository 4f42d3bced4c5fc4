"""The rivals screen (V on the dashboard): who has earned which first, each agency's next step and
who is closest to what the player has not reached; the race's news as it happens."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.help import HelpScreen, all_keys
from game.tui.screens.rivals import RivalsScreen

from .conftest import LARGE, SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import answer_events, on_screen, screen_text, text_of

RACE = TUI_FIXTURES / "more" / "race.yaml"


def race_game(turns: int = 0) -> Game:
    """ESA flies a cubesat in the race scenario, ``turns`` turns played (the crisis defended)."""
    game = new_game(RACE)
    assert game.act(Action("mission", "cubesat")).ok
    for _ in range(turns):
        for pending in list(game.state.pending):
            choices = game.compiled.events[pending.event].model.choices
            assert game.act(Action("answer", str(pending.uid), choices[0].id)).ok
        assert game.end_turn().ok
    return game


async def test_v_shows_the_firsts_and_the_race_moves_with_the_turns() -> None:
    app = make_app(race_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, RivalsScreen)
        text = screen_text(app)
        assert "Roscosmos  1959★  1966★    1970²" in text  # history: Luna 2, Luna 9, Luna 16
        assert "ESA (you)  —" in text
        assert "CNSA       Chang'e-5 sample return · next, ~3 turns" in text
        assert "ESA (you)  Lunar cubesat · building, ~2 turns" in text
        assert "Samples: CNSA next, with Chang'e-5 sample return (~3 turns)" in text
        await pilot.press("v")  # the same key goes back
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        for _ in range(3):  # three turns: the cubesat flies, Chang'e-5 returns its samples
            await pilot.press("e")
            await pilot.pause()
            await answer_events(pilot)
        news = [item.text for report in app.game.reports for item in report.news if item.kind == "race"]
        assert "CNSA: Chang'e-5 sample return succeeds" in news
        assert "CNSA reaches Sample return, number 3 to do so" in news
        assert "ESA reaches A probe at the Moon, number 4 to do so" in news
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "ESA (you)  2021⁴" in text  # the fourth probe at the Moon
        assert "2021³" in text  # CNSA's samples, third after Apollo 11 and Luna 16
        assert "CNSA       Chang'e-6 far-side samples · from 2022-Q1, ~7 turns" in text
        assert "Far side: CNSA closest to the first" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_a_scenario_without_a_race_says_so_and_the_help_lists_the_key() -> None:
    app = make_app(new_game())
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, RivalsScreen)
        assert text_of(app.screen.query_one("#rivals-notes")) == "This scenario has no race for firsts."
        await pilot.press("escape", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "  v        Rivals" in [line.plain for line in all_keys()]  # under the dashboard's keys


async def test_a_long_name_with_you_is_whole_and_the_columns_are_named() -> None:
    """'ISRO (you)' was cut to 'ISRO (you' (the table measured the other names only); each
    column's short name is spelled out under the notes."""
    from game.paths import default_scenario

    from .conftest import compiled
    from .test_deals import answer_first

    game = Game(compiled(default_scenario()), "isro", 3)
    answer_first(game)
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await on_screen(pilot, DashboardScreen)
        await pilot.press("v")
        await on_screen(pilot, RivalsScreen)
        text = screen_text(app)
        assert "ISRO (you)  2008⁶" in text
        assert "Probe: A spacecraft at the Moon · Land: A soft landing" in " ".join(text.split())
