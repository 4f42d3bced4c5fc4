"""The why screen puts a turn's opening under that turn, as the news does: the year's appropriation
and the treasury's clawback that came as 2022-Q1 opened are 2022-Q1's (shipped campaign, ESA)."""

from __future__ import annotations

from game.tui.screens.reasons import ReasonsScreen

from .conftest import SMALL, default_app
from .helpers import answer_events, on_screen, settled, text_of, until


async def why_money(pilot) -> str:  # type: ignore[no-untyped-def]
    await pilot.click("#fig-money")
    await on_screen(pilot, ReasonsScreen)
    body = text_of(pilot.app.screen.query_one("#reasons-body"))
    await pilot.press("escape")
    await pilot.pause()
    return body


async def test_the_money_a_new_year_brought_is_explained_under_its_own_turn() -> None:
    app = default_app(turns=4)  # 2022-Q1: the clawback of 2021 and the 2022 appropriation came in
    async with app.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: settled(app), "the dashboard")
        await answer_events(pilot)
        assert app.game.date == "2022-Q1"
        body = await why_money(pilot)
        this_turn = body[body.index("This turn (2022-Q1)") :]
        assert "unspent money of 2021 clawed back" in this_turn and "appropriation for 2022" in this_turn
        await pilot.press("e")
        await until(pilot, lambda: app.game.date == "2022-Q2", "2022-Q2")
        await answer_events(pilot)
        body = await why_money(pilot)
        # the turn that was played said 'no change' for its money, the year's opening being filed
        # under the turn before it
        assert body.startswith("Last turn (2022-Q1)\nMoney ▲+244 M$"), body
        assert "unspent money of 2021 clawed back" in body and "appropriation for 2022" in body
        assert "no change" not in body
