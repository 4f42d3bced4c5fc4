"""The why screen puts a turn's opening under that turn, as the news does: the year's appropriation
and the treasury's clawback that came as 2022-Q1 opened are 2022-Q1's (shipped campaign, ESA)."""

from __future__ import annotations

from game.tui.screens.reasons import ReasonsScreen

from .conftest import SMALL, default_app
from .helpers import answer_events, on_screen, screen_text, settled, text_of, until


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


async def test_a_long_reason_runs_on_under_itself_not_at_the_dialogs_edge() -> None:
    """At 80 columns 'Roscosmos's offer lapses: European instruments on Russia's Luna landers'
    ran back to the dialog's left edge ('landers'); it runs on under its own first word."""
    app = default_app(turns=4)
    async with app.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: settled(app), "the dashboard")
        await answer_events(pilot)
        await pilot.press("w")
        await on_screen(pilot, ReasonsScreen)
        await pilot.pause()
        rows = [line.split("█")[1] for line in screen_text(app).splitlines() if line.count("█") >= 2]
        body = [row[1:].rstrip() for row in rows if row.strip() and "▀" not in row and "▄" not in row]
        assert any("lapses" in row for row in body), body
        for row in body:  # a heading, a reason (3 spaces in), or a reason's continuation (further in)
            heading = row.startswith(("Last turn", "This turn", "Esc")) or "▲" in row or "▼" in row
            assert heading or row.startswith("   "), body


def test_a_change_too_small_to_show_is_left_out_of_the_reasons() -> None:
    """The UAE's failed cubesat: 'Prestige ▼-5' over '-5  … failed' and '-0  prestige fades'."""
    from game.engine.reports import Change
    from game.paths import default_scenario
    from game.tui.screens.reasons import change_lines

    from .conftest import compiled

    cs = compiled(default_scenario())
    changes = [
        Change("prestige", -5, "ISLS pathfinder cubesat failed"),
        Change("prestige", -0.04, "prestige fades"),
    ]
    assert [str(line) for line in change_lines(changes, cs, None)] == [
        "Prestige ▼-5",
        "   -5  ISLS pathfinder cubesat failed",
    ]
    faded = [Change("prestige", -0.04, "prestige fades")] * 3  # all small: said, or the total has no reason
    assert [str(line) for line in change_lines(faded, cs, None)][1:] == ["   -0  prestige fades"] * 3
