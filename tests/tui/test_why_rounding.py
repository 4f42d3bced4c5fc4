"""A money change reads the same on the dashboard's figure and in the Why screen's heading."""

from __future__ import annotations

from textual.widgets import Static

from game.engine.actions import Action
from game.engine.game import Game
from game.paths import shipped_scenarios_dir
from game.tui.screens.reasons import ReasonsScreen
from game.tui.text import stat_change

from .conftest import SMALL, compiled, make_app
from .helpers import on_screen, started, text_of


def test_money_is_rounded_once_and_as_money() -> None:
    """285.46 M$ read '▲+286' on the dashboard (a figure: a tenth, then whole) and '▲+285 M$' on
    the Why screen (money, rounded once); both say it as money now."""
    assert str(stat_change("money", 285_460)) == "▲+285 M$"
    assert str(stat_change("money", 285_460, with_unit=False)) == "▲+285"
    assert str(stat_change("money", -66_960, with_unit=False)) == "▼-67"  # as '▼-67 M$'
    assert str(stat_change("science", 1.25)) == "▲+1.2"


async def test_the_dashboards_money_change_is_the_why_screens_heading() -> None:
    """JAXA in the Gateway budget fight, 2026-Q4: the dashboard said '▼-67', the Why screen
    '▼-67.0 M$', of the same -66.96 M$; both say '-67' now."""
    game = Game(compiled(shipped_scenarios_dir() / "gateway-in-doubt.yaml"), "jaxa", 7)
    for _ in range(7):
        for pending in list(game.state.pending):
            choice = game.compiled.events[pending.event].model.choices[0].id
            assert game.act(Action("answer", str(pending.uid), choice)).ok
        assert game.end_turn().ok
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        while game.state.pending:
            await pilot.press("1")
            await pilot.pause()
        figure = text_of(app.screen.query_one("#fig-money"))
        assert figure.endswith("▼-67")
        await pilot.press("w")
        await on_screen(pilot, ReasonsScreen)
        body = text_of(app.screen.query_one("#reasons-body", Static))
        assert "Money ▼-67 M$" in body.splitlines()
