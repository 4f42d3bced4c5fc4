"""The go-alone decisions of the shipped campaign read as actions, each name said once."""

from __future__ import annotations

from game.tui.screens.decisions import DecisionsScreen

from .conftest import SMALL, default_app
from .helpers import answer_events, on_screen, screen_text, settled, until


async def test_a_national_mission_is_offered_as_build_and_its_name() -> None:
    app = default_app()
    async with app.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: settled(app), "the dashboard")
        await answer_events(pilot)
        await pilot.press("4")  # the go-alone card
        await on_screen(pilot, DecisionsScreen)
        text = screen_text(app)
        assert "✓ Build National lunar cubesat" in text
        assert "National mission: National" not in text  # was 'National mission: National lunar cubesat'
