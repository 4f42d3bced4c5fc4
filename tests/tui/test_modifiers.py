"""The dashboard's timed modifiers: shown with their turns left and source, gone once they end."""

from __future__ import annotations

from .conftest import SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import answer_events, text_of

STRIKE = TUI_FIXTURES / "more" / "strike.yaml"


async def test_a_modifier_counts_down_on_the_dashboard_and_is_gone_once_it_ends() -> None:
    app = make_app(new_game(STRIKE))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("#modifiers")
        assert bar.display
        assert "Strike 3 turns left (A strike at the launch site)" in text_of(bar)
        for left in ("2 turns left", "1 turn left"):
            await pilot.press("e")
            await pilot.pause()
            await answer_events(pilot)
            assert f"Strike {left}" in text_of(bar)
        await pilot.press("e")
        await pilot.pause()
        await answer_events(pilot)
        assert "Strike" not in text_of(bar)
        assert "Export ban until" in text_of(bar)  # its flag is never set: it lasts
        news = " ".join(text_of(app.screen.query_one("#news-body")).split())  # wrapped lines
        assert "Strike ended (A strike at the launch site)" in news


async def test_the_bar_is_hidden_while_no_modifier_is_under_way() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#modifiers").display
