"""A whole campaign played through key presses only, from the title screen to the debrief."""

from __future__ import annotations

from textual.widgets import Input

from game.paths import default_scenario
from game.tui.app import CislunarApp
from game.tui.screens.agency_pick import AgencyScreen
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.event import EventScreen
from game.tui.screens.join import JoinScreen
from game.tui.screens.scenario_pick import ScenarioScreen

from .conftest import MINI, SEED, SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import answer_events, on_screen, screen_text, text_of, until


async def play_to_the_end(pilot, limit: int) -> int:
    """End turns (answering every event) until the debrief shows; return the turns ended."""
    turns = 0
    while not isinstance(pilot.app.screen, DebriefScreen):
        assert turns < limit, "the campaign did not end"
        await answer_events(pilot)
        if isinstance(pilot.app.screen, DebriefScreen):
            break
        await pilot.press("e")
        await pilot.pause()
        turns += 1
    return turns


async def test_a_whole_campaign_by_keys_from_title_to_debrief() -> None:
    app = make_app(folders=[MINI.parent])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n")  # new campaign
        await pilot.pause()
        assert isinstance(app.screen, ScenarioScreen)
        await pilot.press("enter")  # the only scenario: mini
        await pilot.pause()
        assert isinstance(app.screen, AgencyScreen)
        assert app.screen.query_one("#seed", Input).value == "7"
        await pilot.press("s")  # start as ESA
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.game is not None and app.game.player == "esa" and app.game.state.seed == 7

        # Offer the robotic arm to the Gateway: card 1, second line of the list, confirm.
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        await pilot.press("down", "c")
        await pilot.pause()
        assert app.game.state.programmes["gateway"].applicants == {"esa": "arm"}
        assert "you: applicant" in screen_text(app)
        assert "offers Robotic arm" in screen_text(app)

        turns = await play_to_the_end(pilot, limit=40)
        assert app.game.over
        assert turns == app.game.turns_total
        text = screen_text(app)
        assert "Campaign won" in text and "Objectives" in text
        story = text_of(app.screen.query_one("#story"))
        assert "ESA joins Gateway" in story
        assert "A crisis: Stay calm" in story


async def test_the_crisis_event_is_answered_on_the_way() -> None:
    app = make_app(folders=[MINI.parent])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n", "enter", "s")
        await pilot.pause()
        seen = 0
        for _ in range(4):
            await pilot.press("e")
            await pilot.pause()
            if isinstance(app.screen, EventScreen):
                seen += 1
                await answer_events(pilot, "2")
        assert seen == 1
        assert any("A crisis: Panic" in item.text for report in app.game.reports for item in report.news)


async def test_a_seed_no_save_could_hold_is_refused_where_it_is_typed() -> None:
    """It started a campaign whose every save then failed; now the set-up says so and stays."""
    app = make_app(folders=[MINI.parent])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgencyScreen)
        app.screen.query_one("#seed", Input).value = "9" * 25
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgencyScreen) and app.game is None
        refused = [n for n in app._notifications if n.title == "Choose another seed"]
        assert refused and "seed 9999999999999999999999999 is too large" in str(refused[0].message)


async def test_a_scenario_ending_shows_its_title_and_text_in_the_debrief_and_the_news() -> None:
    game = new_game(TUI_FIXTURES / "more" / "endings.yaml")
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await play_to_the_end(pilot, limit=40)
        assert game.state.outcome == "won" and game.date == "2022-Q1"  # long before the calendar ends
        outcome = text_of(app.screen.query_one("#outcome"))
        assert outcome.splitlines()[1:] == [
            "The budget stands",
            "Parliament remembers who defended the Moon, and the programme is secure for a decade.",
        ]
        assert outcome.startswith("★ Campaign won")
        assert "Campaign won: The budget stands" in text_of(app.screen.query_one("#story"))


async def test_the_agency_screen_says_each_agencys_own_score_to_win() -> None:
    app = CislunarApp(seed=SEED, scenario_dirs=[("shipped", default_scenario().parent)], blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n", "enter")  # the default scenario, first in the list
        await on_screen(pilot, AgencyScreen)
        details = app.screen.query_one("#agency-details")
        await until(pilot, lambda: "score to win 75" in text_of(details), "ESA's 75")
        ids = [agency.id for agency in app.screen.agencies]
        await pilot.press(*["down"] * ids.index("uksa"))
        await until(pilot, lambda: "score to win 37" in text_of(details), "the UK's 37")
