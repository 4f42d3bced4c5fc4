"""Figures and news on the dashboard as a player reads them: no stray decimals, and news that
runs on under its own indent instead of back at the left edge."""

from __future__ import annotations

import re

from game.engine.game import Game
from game.paths import default_scenario
from game.tui.app import CislunarApp

from .conftest import SEED, SMALL, compiled
from .helpers import text_of


def played(turns: int) -> CislunarApp:
    """ESA on the default scenario after ``turns`` turns, each event answered with its first choice."""
    from game.engine.actions import Action

    game = Game(compiled(default_scenario()), "esa", SEED)
    for _ in range(turns):
        for pending in list(game.state.pending):
            choice = game.compiled.events[pending.event].model.choices[0].id
            assert game.act(Action("answer", str(pending.uid), choice)).ok
        assert game.end_turn().ok
    return CislunarApp(game=game, seed=SEED, scenario=default_scenario(), blink=False)


async def test_the_dashboards_figures_and_points_have_no_stray_decimals() -> None:
    app = played(10)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.game.state.me.prestige != round(app.game.state.me.prestige, 1)  # it has decimals
        for cell in ("#fig-prestige", "#fig-science", "#goals"):
            shown = text_of(app.screen.query_one(cell))
            assert not re.search(r"\d\.\d\d", shown), shown  # '22.6 ▼-0.2', '0/40', never '0.23'


async def test_news_runs_on_under_its_own_indent_at_80_columns() -> None:
    app = played(10)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        news = app.screen.query_one("#news")
        lines = text_of(app.screen.query_one("#news-body")).splitlines()
        assert any(line.startswith("    ") for line in lines)  # some item was long enough to wrap
        for line in lines:
            assert line.startswith(("── ", "  ", " ▸")), line  # a date, an item, or its run-on line
            assert len(line) <= news.scrollable_content_region.width
