"""The shipped default scenario, played to its end through the TUI by key presses."""

from __future__ import annotations

from game.paths import default_scenario
from game.tui.screens.debrief import DebriefScreen

from .conftest import SMALL, make_app, new_game
from .helpers import answer_events, screen_text, started, text_of


async def test_the_default_campaign_plays_to_the_debrief_by_keys() -> None:
    game = new_game(default_scenario(), "esa")
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)  # a loaded machine shows the first screen later than a pause
        assert "turn 1 of" in screen_text(app)
        answered = 0
        for _ in range(game.turns_total + 1):
            answered += await answer_events(pilot)
            if isinstance(app.screen, DebriefScreen):
                break
            await pilot.press("e")
            await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert game.over and answered > 0
        assert (
            game.state.outcome in text_of(app.screen.query_one("#outcome")).lower()
            or game.state.outcome_reason
        )
        assert "Objectives" in screen_text(app)
