"""The dashboard: figures change after a turn, each with its delta and, on demand, the reasons."""

from __future__ import annotations

from game.engine.actions import Action
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.reasons import ReasonsScreen
from game.tui.screens.relations import RelationsScreen

from .conftest import SMALL, make_app, new_game
from .helpers import on_screen, screen_text, text_of


async def test_figures_change_after_ending_a_turn() -> None:
    game = new_game()
    assert game.act(Action("mission", "cubesat")).ok  # 60 M$ over two turns
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        money = app.screen.query_one("#fig-money")
        assert "700 M$" in text_of(money)
        assert "Turn 1 of 16".lower() in screen_text(app).lower()
        await pilot.press("e")
        await pilot.pause()
        # 700 M$ shown on turn 1 (the year's appropriation already in it), 30 M$ paid since:
        # the appropriation is not counted again (it was ▲+570)
        assert "670 M$ ▼-30" in text_of(money)  # the unit is said once, by the figure
        assert "turn 2 of 16" in screen_text(app)
        await pilot.press("1")  # the budget crisis opens turn 2
        await pilot.press("e")
        await pilot.pause()
        assert "640 M$ ▼-30" in text_of(money)
        assert "support 55%".lower() in text_of(app.screen.query_one("#fig-support")).lower()
        assert "Lunar cubesat" in screen_text(app)


async def test_clicking_a_figure_shows_the_engines_reasons() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("1")  # answer the budget crisis: defend the budget (+5 support)
        await pilot.press("e")
        await pilot.pause()
        assert "▲+4.8" in text_of(app.screen.query_one("#fig-support"))
        await pilot.click("#fig-support")
        await pilot.pause()
        assert isinstance(app.screen, ReasonsScreen)
        body = text_of(app.screen.query_one("#reasons-body"))
        assert "Last turn (2021-Q2)" in body
        assert "+5  A budget crisis: Defend the budget" in body
        assert "-0.2  public mood settles" in body  # a change to a tenth at most
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("w")  # every change of the turn
        await pilot.pause()
        body = text_of(app.screen.query_one("#reasons-body"))
        assert "Support ▲+4.8" in body and "Money" not in body


async def test_relations_are_listed_with_words_not_only_numbers() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await on_screen(pilot, DashboardScreen)  # 'r' sent before it is up would go nowhere
        await pilot.press("r")
        await on_screen(pilot, RelationsScreen)
        text = screen_text(app)
        assert "NASA" in text and "+60" in text and "close" in text
        assert "Roscosmos" in text and "-20" in text and "cool" in text


async def test_the_theme_key_switches_between_dark_and_light() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


async def test_the_command_palette_ends_the_turn() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"end turn")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.game is not None and app.game.state.turn == 1


async def test_clicking_a_programme_card_opens_it() -> None:
    from game.tui.screens.join import JoinScreen

    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.click("#card-ilrs")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen) and app.screen.programme == "ilrs"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#card-go-alone")
        await pilot.pause()
        assert "National missions and capabilities" in screen_text(app)


async def test_income_and_committed_spending_show_their_changes() -> None:
    game = new_game()
    assert game.act(Action("mission", "cubesat")).ok
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "Committed 60 M$" in text_of(app.screen.query_one("#fig-committed"))
        await pilot.press("e", "1", "e", "e", "e")  # into 2022: a new appropriation
        await pilot.pause()
        income = text_of(app.screen.query_one("#fig-income"))
        assert income == "Income 621 M$/yr ▲+20.6"
        await pilot.click("#fig-income")
        await pilot.pause()
        assert "public support (54%)" in text_of(app.screen.query_one("#reasons-body"))
