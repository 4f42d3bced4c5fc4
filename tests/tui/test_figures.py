"""Figures and news on the dashboard as a player reads them: no stray decimals, and news that
runs on under its own indent instead of back at the left edge."""

from __future__ import annotations

import re

from .conftest import SMALL, default_app
from .helpers import text_of


async def test_the_dashboards_figures_and_points_have_no_stray_decimals() -> None:
    app = default_app(10)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.game.state.me.prestige != round(app.game.state.me.prestige, 1)  # it has decimals
        for cell in ("#fig-prestige", "#fig-science", "#goals"):
            shown = text_of(app.screen.query_one(cell))
            assert not re.search(r"\d\.\d\d", shown), shown  # '22.6 ▼-0.2', '0/40', never '0.23'


async def test_news_runs_on_under_its_own_indent_at_80_columns() -> None:
    app = default_app(10)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        news = app.screen.query_one("#news")
        lines = text_of(app.screen.query_one("#news-body")).splitlines()
        assert any(line.startswith("    ") for line in lines)  # some item was long enough to wrap
        for line in lines:
            assert line.startswith(("── ", "  ", " ▸")), line  # a date, an item, or its run-on line
            assert len(line) <= news.scrollable_content_region.width
