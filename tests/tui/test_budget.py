"""The budget screen (M on the dashboard): the next years' money, each build's payments, the
treasury's clawback ahead of time, and a warning (and a dashboard notice) before a year short."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.tui.screens.budget import BudgetScreen
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.help import HelpScreen
from tests.helpers import compiled_from, mini_with
from tests.test_budget_plan import with_rules

from .conftest import LARGE, SMALL, make_app, new_game
from .helpers import screen_text, text_of

EXPENSIVE = ("cost: 60\n    build_turns: 2\n", "cost: 3000\n    build_turns: 8\n")  # the cubesat


async def test_m_opens_the_budget_with_each_builds_payments_and_the_same_key_goes_back() -> None:
    game = new_game()
    assert game.act(Action("mission", "cubesat")).ok  # 60 M$ over the first two turns
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "m Budget" in screen_text(app)  # in the footer at 80 columns
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, BudgetScreen)
        table = text_of(app.screen.query_one("#budget-table"))
        assert "2021*" in table and "2024" in table
        assert "Lunar cubesat                -60         0" in table
        assert "Left at the year end           640     1,240" in table
        assert "Every payment is covered" in text_of(app.screen.query_one("#budget-warning"))
        assert "clawback" not in table.lower()  # the scenario claws nothing back
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        for key in ("e", "1", "m"):  # a turn later (the crisis answered), the plan follows
            await pilot.press(key)
            await pilot.pause()
        assert "Lunar cubesat                -30" in text_of(app.screen.query_one("#budget-table"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_a_year_short_is_warned_on_the_screen_and_by_a_dashboard_notice() -> None:
    game = Game(mini_with(*EXPENSIVE), "esa", 1)
    assert game.act(Action("mission", "cubesat")).ok  # 375 M$ a turn: 2021 cannot be paid
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert notices == ["In 2021 you cannot pay: your money runs short by 800 M$. Press m for the budget."]
        await pilot.press("m")
        await pilot.pause()
        warning = text_of(app.screen.query_one("#budget-warning"))
        assert "⚠ In 2021 you cannot pay: your money runs short by 800 M$." in warning


async def test_the_clawback_shows_ahead_of_time_on_the_budget_screen() -> None:
    rules = "  year_end_clawback: 0.5\n  year_end_carryover: 0.25\n"
    app = make_app(Game(compiled_from(with_rules(rules)), "esa", 1))
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        table = text_of(app.screen.query_one("#budget-table"))
        assert "Treasury clawback           -275.0" in table  # half of 700 - 150 (later years need a tenth)
        notes = text_of(app.screen.query_one("#budget-notes"))
        assert "claws back 50% of the money above 25% of the year's appropriation" in notes


async def test_help_lists_the_budget_key() -> None:
    app = make_app(new_game())
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Press m for the budget of the next five years" in text
        # the keys, scrolled into view or not (the list grows below the fold as screens are added)
        assert "  m        Budget" in text_of(app.screen.query_one("#keys"))


async def test_every_figure_of_the_table_has_the_same_decimals() -> None:
    """A build of 60.5 M$: the whole table to a tenth, so the rows add up as they read
    (700.0 - 60.5 = 639.5, not '700' over '-60.5' over '640')."""
    game = Game(mini_with("cost: 60\n    build_turns: 2\n", "cost: 60.5\n    build_turns: 2\n"), "esa", 1)
    assert game.act(Action("mission", "cubesat")).ok
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        table = text_of(app.screen.query_one("#budget-table"))
        assert "Money at the start           700.0     639.5   1,239.5" in table
        assert "Lunar cubesat              -60.5       0.0" in table
        assert "Left at the year end         639.5   1,239.5" in table


async def test_the_years_last_turn_warns_of_the_clawback_to_come() -> None:
    """ESA ended 2027 with 1,372 M$ in hand and lost 542 M$ to the clawback, told only after."""
    from tests.helpers import answer_all

    rules = "  year_end_clawback: 0.5\n  year_end_carryover: 0.25\n"
    game = Game(compiled_from(with_rules(rules)), "esa", 1)
    for _ in range(2):
        answer_all(game)
        assert game.end_turn().ok
    app = make_app(game)  # 2021-Q3: the year goes on, no notice
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert not [n.message for n in app._notifications]
    answer_all(game)
    assert game.end_turn().ok
    answer_all(game)
    app = make_app(game)  # 2021-Q4, the year's last turn
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert game.date == "2021-Q4"
        assert [n.message for n in app._notifications] == [
            "At the end of this turn the treasury claws back 275 M$ of the money you leave unspent. "
            "Press m for the budget."  # as the budget screen's table says for 2021 (above)
        ]
