"""Events: a modal with the text and each choice's known effects; answering applies the choice."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.paths import default_scenario
from game.tui.app import CislunarApp
from game.tui.screens.agency_pick import AgencyScreen
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.event import EventScreen
from tests.helpers import MINI_TEXT, compiled_from

from .conftest import SEED, SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import on_screen, screen_text, text_of


async def test_an_event_opens_as_a_modal_and_the_answer_is_applied() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        text = screen_text(app)
        assert "A budget crisis" in text and "finance ministry" in text
        assert "1 Defend the budget" in text and "2 Offer savings" in text
        effects = [text_of(static) for static in app.screen.query(".choice-effects")]
        assert effects == [
            "You argue for the long term.\neffects: support +5",
            "effects: money +20 M$; support -5; relations with NASA -5; "
            "Gateway next milestone slips 6 months; something may follow later",
        ]
        await pilot.press("escape", "e", "d")  # nothing else until it is answered
        await pilot.pause()
        assert isinstance(app.screen, EventScreen) and game.state.turn == 1
        support = game.state.me.support
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert game.state.pending == []
        assert game.state.me.support == support - 5
        assert game.state.me.money == 700_000 + 20_000
        assert game.state.relation("esa", "nasa") == 55


async def test_clicking_a_choice_answers_too() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-calm")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert any("Defend the budget" in item.text for item in game.state.news)


async def test_the_opening_event_of_a_campaign_started_from_the_pickers_takes_its_answer() -> None:
    # the dialog opens after the agency picker is gone: its answer must still reach the campaign
    app = CislunarApp(seed=SEED, scenario_dirs=[("shipped", default_scenario().parent)], blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n", "enter")
        await on_screen(pilot, AgencyScreen)
        await pilot.press("enter")
        await on_screen(pilot, EventScreen)
        game = app.game
        assert game is not None and [p.event for p in game.state.pending] == ["isls_signed"]
        await pilot.press("2")
        await on_screen(pilot, DashboardScreen)
        assert game.state.pending == []
        assert [(a.kind, a.option) for a in game.log] == [("answer", "stay_quiet")]


GAMBLE = TUI_FIXTURES / "more" / "gamble.yaml"


async def test_a_gamble_shows_its_odds_and_the_news_tells_how_it_turned_out() -> None:
    game = new_game(GAMBLE)
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        effects = [text_of(static) for static in app.screen.query(".choice-effects")]
        # weights 2 + 60/20 = 5 and 2: 5/7 and 2/7, before the player chooses
        assert effects[0] == (
            "You argue for the long term, and parliament votes.\neffects: support +5\n"
            "then, by chance:\n  71% the vote holds: prestige +5\n  29% the vote fails: next budgets -10%"
        )
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        told = [item.text for item in game.state.news if item.text.startswith("A budget crisis: the vote")]
        assert told in (
            ["A budget crisis: the vote holds — Parliament keeps the lunar budget whole."],
            ["A budget crisis: the vote fails — Parliament cuts the lunar budget after all."],
        )
        await pilot.press("e")  # the turn's news: what the player did, and how it turned out
        await pilot.pause()
        news = text_of(app.screen.query_one("#news-body"))  # shown, wrapped beside the objectives
        assert told[0].removeprefix("A budget crisis: ") in " ".join(news.split())  # run on under its indent


HOOKED_WELCOME = """\
  - id: welcome
    title: "{happening_agency_short} joins {happening_programme_short}"
    text: "{a happening_agency_short} arm for {agency:nasa}'s station."
    on: {happening: agency_joined, programme: gateway}
    choices:
      - id: thanks
        label: "Thank {agency_short:nasa}"
        text: "{A player_short} delegation flies to Houston."
        effects: [{relations: [{agency: $agency, of: cnsa, delta: 4}]}]
"""


async def test_a_hooked_events_dialog_names_the_happening_and_the_player() -> None:
    text = MINI_TEXT.replace(
        "admission: {min_relation: 20}", "admission: {min_relation: 20, base_chance: 1}", 1
    )
    game = Game(
        compiled_from(text.replace("objectives:\n", HOOKED_WELCOME + "objectives:\n", 1)), "esa", SEED
    )
    assert game.act(Action("apply", "gateway", "arm")).ok
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")  # ESA joins at the end of the turn; the event opens the next
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        shown = screen_text(app)
        assert "ESA joins Gateway" in shown and "An ESA arm for NASA's station." in shown
        assert "1 Thank NASA" in shown and "{" not in shown
        effects = [text_of(static) for static in app.screen.query(".choice-effects")]
        assert effects == ["An ESA delegation flies to Houston.\neffects: relations with CNSA +4"]
        before = game.state.relation("esa", "cnsa")
        await pilot.press("1")
        await pilot.pause()
        assert game.state.relation("esa", "cnsa") == before + 4
        assert "ESA joins Gateway: Thank NASA" in [item.text for item in game.state.news]
