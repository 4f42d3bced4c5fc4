"""A hidden programme is nowhere on screen until it is announced; then it has its card and its rows."""

from __future__ import annotations

from game.tui.screens.timeline import TimelineScreen
from tests.helpers import play_turns

from .conftest import HERE, LARGE, new_game
from .conftest import make_app as make
from .helpers import answer_events, screen_text

ALL_FEATURES = HERE.parent / "scenarios" / "all_features.yaml"


async def test_a_programme_appears_when_it_is_announced() -> None:
    game = new_game(ALL_FEATURES)
    play_turns(game, 5)  # to 2022-Q2: the relay is announced as 2022-Q3 opens
    app = make(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert not app.screen.query("#card-relay")
        assert "─ 3 Go alone ─" in screen_text(app)  # the cards are numbered without a gap
        assert "Relay" not in screen_text(app)  # neither a card nor a row of the timeline
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen) and "Relay" not in screen_text(app)
        await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        await answer_events(pilot)
        await pilot.pause()
        assert app.screen.query_one("#card-relay")
        assert "Lunar relay is announced" in screen_text(app)
        assert "─ 3 Relay ─" in screen_text(app) and "─ 4 Go alone ─" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert "Relay pathfinder" in screen_text(app)
