"""The difficulty level on screen: the dashboard's header names a level other than the default,
the debrief names the level played, and its comparison plays the reference campaigns at it."""

from __future__ import annotations

import pytest

from game.campaign import Campaign
from game.engine.game import Game
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.debrief import DebriefScreen
from tests.helpers import answer_all

from .conftest import SMALL, THREE_ROADS, make_app
from .helpers import text_of


def finished_at(level: str | None) -> Game:
    game = Campaign.load(THREE_ROADS).start("esa", 7, level)
    while not game.over:
        answer_all(game)
        game.end_turn()
    return game


async def test_the_dashboard_header_names_a_level_other_than_the_default() -> None:
    for level, ending in ((None, "turn 1 of 16"), ("easy", "turn 1 of 16 · Easy")):
        app = make_app(Campaign.load(THREE_ROADS).start("esa", 7, level))
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            assert app.screen.sub_title.endswith(ending), app.screen.sub_title


@pytest.mark.parametrize(("level", "words"), [(None, "difficulty Normal"), ("hard", "difficulty Hard")])
async def test_the_debrief_names_the_level_played(level: str | None, words: str) -> None:
    app = make_app(finished_at(level))
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(100):  # the debrief follows the dashboard of a finished campaign
            await pilot.pause(0.05)
            if isinstance(app.screen, DebriefScreen) and app.screen.query("#outcome"):
                break
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert words in text_of(app.screen.query_one("#outcome"))
