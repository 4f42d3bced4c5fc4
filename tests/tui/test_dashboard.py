"""The dashboard: figures change after a turn, each with its delta and, on demand, the reasons."""

from __future__ import annotations

import pytest

from game.engine.actions import Action
from game.i18n import set_language
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.reasons import ReasonsScreen
from game.tui.screens.relations import RelationsScreen

from .conftest import LARGE, SMALL, default_app, make_app, new_game
from .helpers import on_screen, run_command, screen_text, started, text_of


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
        # to the tenth its change is shown to (it read "55%" beside "▲+4.8" from 50%)
        assert "Support 54.8% ▲+4.8" in text_of(app.screen.query_one("#fig-support"))
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
        await started(pilot)
        await run_command(pilot, "end turn")
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


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_the_turn_line_with_an_offer_waiting_fits_80_columns(language: str) -> None:
    """The least needed keys give way (w why first), never the offer nor the end of the turn."""
    set_language(language)
    try:
        app = default_app(turns=6)  # CNSA's offer waits for an answer
        async with app.run_test(size=SMALL) as pilot:
            await started(pilot)
            (line,) = [
                row
                for row in screen_text(app).splitlines()
                if row.startswith(" Your move" if language == "en" else " Ваш ход")
            ]
            assert "…" not in line
            offer, end = (
                ("n: 1 offer waiting", "e end turn")
                if language == "en"
                else ("n: ждёт 1 предложение", "e конец хода")
            )
            assert offer in line and line.endswith(end)
    finally:
        set_language("en")


async def test_the_turn_line_at_160_columns_names_every_key() -> None:
    app = default_app(turns=6)
    async with app.run_test(size=LARGE) as pilot:
        await started(pilot)
        assert (
            "Your move: n: 1 offer waiting · d decisions · 1-9 a programme · w why · e end turn"
            in screen_text(app)
        )


async def test_an_answered_event_reads_once_in_the_news() -> None:
    """CNSA's invitation of 2021-Q4, answered: its answer says it; the bare title is not repeated."""
    app = default_app(turns=6)
    async with app.run_test(size=LARGE) as pilot:
        await started(pilot)
        rows = screen_text(app).splitlines()
        assert sum("CNSA invites you to fly a payload" in row for row in rows) == 1
        assert any("CNSA invites you to fly a payload: Accept" in row for row in rows)


async def test_the_goals_due_dates_keep_a_cell_from_the_timeline_at_160_columns() -> None:
    app = default_app(turns=6)
    async with app.run_test(size=LARGE) as pilot:
        await started(pilot)
        dated = [row for row in screen_text(app).splitlines() if "2032-Q4" in row]
        assert dated and all("2032-Q4 ▏" in row for row in dated)


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_this_turns_changes_are_left_out_whole_not_cut_mid_number(language: str) -> None:
    """2022-Q1, Russia invades Ukraine, the first answer: an offer waits and four figures moved;
    those that do not fit give way to '…', and no change is cut at the edge ('⇄CNSA ▼-…')."""
    set_language(language)
    try:
        app = default_app(turns=4)
        async with app.run_test(size=SMALL) as pilot:
            await started(pilot)
            await pilot.press("1")
            await on_screen(pilot, DashboardScreen)
            await pilot.pause()
            line = screen_text(app).splitlines()[5]
            offer, support = (
                ("n: 1 offer waiting", "Support ▲+4")
                if language == "en"
                else ("n: ждёт 1 предложение", "Поддержка ▲+4")
            )
            assert line.startswith(" " + offer) and support in line
            assert line.endswith("▼-35  …")  # the relation with Roscosmos whole, then the rest left out
    finally:
        set_language("en")
