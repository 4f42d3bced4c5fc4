"""The Pilot tests' waits hold on a loaded machine (tests/tui/helpers.py).

Under load two things come later than a ``pilot.pause()``: the campaign's opening event,
which the app pushes once the dashboard is drawn (``CislunarApp.follow_up``), and the command
palette's matches, which a worker finds. test_russian.py and test_footer.py failed now and
then on them; here each comes late on purpose, and the waits still see it.
"""

from __future__ import annotations

import asyncio

import pytest
from textual.command import Hits, Provider

from game.tui.app import CislunarApp
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.event import EventScreen

from .conftest import SMALL, default_app, make_app, new_game
from .helpers import run_command, started

LATE = 1.5  # seconds: longer than a pause and the first frame on an idle machine


@pytest.fixture
def late_opening_event(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard's follow-up (the opening event) comes LATE seconds after the dashboard."""

    def open_campaign(app: CislunarApp) -> None:
        app.push_screen(DashboardScreen())
        app.set_timer(LATE, app.follow_up)

    monkeypatch.setattr(CislunarApp, "open_campaign", open_campaign)


@pytest.fixture
def late_palette(monkeypatch: pytest.MonkeyPatch) -> None:
    """The palette's providers answer LATE seconds after each search starts."""
    search = Provider._search

    async def late(self: Provider, query: str) -> Hits:
        await asyncio.sleep(LATE)
        async for hit in search(self, query):
            yield hit

    monkeypatch.setattr(Provider, "_search", late)


@pytest.mark.usefixtures("late_opening_event")
async def test_started_waits_for_an_opening_event_that_comes_late() -> None:
    app = default_app()  # the default scenario opens on an event
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        assert isinstance(app.screen, EventScreen)


@pytest.mark.usefixtures("late_palette")
async def test_a_palette_command_waits_for_matches_that_come_late() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await run_command(pilot, "end turn")
        assert app.game is not None and app.game.state.turn == 1
