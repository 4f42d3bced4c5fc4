"""Screenshots of every screen at 80x24 and at 160x50, compared with the accepted SVGs.

Regenerate with `pytest tests/tui --snapshot-update` only when a screen changed on purpose
(or when textual or rich are bumped), and look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from game.bots.strategies import make_strategy
from game.engine.actions import Action
from game.engine.game import Game
from game.paths import default_scenario
from game.tui.app import CislunarApp
from game.tui.saved import Resumed, SavedCampaign

from .conftest import LARGE, SEED, SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import started

FIVE_ROADS = TUI_FIXTURES / "more" / "five_roads.yaml"
GAMBLE = TUI_FIXTURES / "more" / "gamble.yaml"
STRIKE = TUI_FIXTURES / "more" / "strike.yaml"  # two timed modifiers from the first turn
FLIGHTS = TUI_FIXTURES / "more" / "flights.yaml"  # the cubesat waits for its launch window
ENDINGS = TUI_FIXTURES / "more" / "endings.yaml"
CORPS = TUI_FIXTURES / "more" / "corps.yaml"  # three_roads with ESA's astronauts named
RACE = TUI_FIXTURES / "more" / "race.yaml"  # three_roads with a race for firsts and two national plans
RESEARCH = TUI_FIXTURES / "more" / "research.yaml"  # three_roads with a research tree
DEALS = TUI_FIXTURES / "more" / "deals.yaml"  # NASA and CNSA make offers and take proposals

SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x50"])


def answer_first(game: Game, choice: int) -> None:
    for pending in list(game.state.pending):
        choices = game.compiled.events[pending.event].model.choices
        assert game.act(Action("answer", str(pending.uid), choices[choice].id)).ok


def mid_campaign(turns: int = 9) -> Game:
    """ESA offers the arm to the Gateway, flies a cubesat and buys the crisis off with a slip."""
    game = new_game()
    assert game.act(Action("apply", "gateway", "arm")).ok
    assert game.act(Action("mission", "cubesat")).ok
    for _ in range(turns):
        answer_first(game, 1)
        assert game.end_turn().ok
    return game


def finished_campaign() -> Game:
    game = mid_campaign()
    while not game.over:
        answer_first(game, 0)
        game.end_turn()
    return game


def ended_by_the_scenario() -> Game:
    """The budget defended in the crisis: the scenario's own ending wins the campaign in 2022."""
    game = new_game(ENDINGS)
    while not game.over:
        answer_first(game, 0)
        game.end_turn()
    return game


def building_member() -> Game:
    """ESA in the Gateway, building its arm: withdrawing would cost something."""
    game = new_game()
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("fund", "gateway", "arm")).ok
    return game


def waiting_flight() -> Game:
    """ESA's cubesat built and waiting for its launch, one extra test campaign done."""
    game = new_game(FLIGHTS)
    assert game.act(Action("mission", "cubesat")).ok
    for _ in range(2):
        answer_first(game, 0)
        assert game.end_turn().ok
    answer_first(game, 0)
    assert game.act(Action("prepare", "cubesat", "tests")).ok
    return game


def racing() -> Game:
    """Three turns of the race: ESA's cubesat is the fourth probe, CNSA's samples return, Chang'e-6 next."""
    game = new_game(RACE)
    assert game.act(Action("mission", "cubesat")).ok
    for _ in range(3):
        answer_first(game, 0)
        assert game.end_turn().ok
    return game


def researching() -> Game:
    """ESA's arm control researched, its life support under way: every state of the tree shows."""
    game = new_game(RESEARCH)
    assert game.act(Action("research", "arm_control")).ok
    for _ in range(2):
        answer_first(game, 0)
        assert game.end_turn().ok
    answer_first(game, 0)
    assert game.act(Action("research", "life_support")).ok
    return game


def deals_under_way() -> Game:
    """After the first turn: CNSA's data pact signed, NASA's seat-for-the-arm offer waiting."""
    game = new_game(DEALS)
    answer_first(game, 0)
    assert game.end_turn().ok
    answer_first(game, 0)
    assert game.act(Action("accept_deal", "2")).ok
    return game


def default_mid_campaign() -> Game:
    """ESA on the shipped default scenario, nine years played by the greedy bot: graded objectives
    part way (crew in orbit early, science and prestige beyond their thresholds, flights counted)."""
    game = new_game(default_scenario())
    bot = make_strategy("greedy", SEED, game.compiled.scenario)
    for _ in range(36):
        bot.play_turn(game)
    bot.answer_events(game)  # the dashboard, not the opening event of the turn it stops at
    return game


def default_finished() -> Game:
    """ESA's whole default campaign played by the greedy bot: the debrief's graded breakdown."""
    game = new_game(default_scenario())
    make_strategy("greedy", SEED, game.compiled.scenario).play(game)
    return game


def isro_opening() -> Game:
    """ISRO on the shipped default scenario, its opening event answered: the Gateway is closed to it."""
    game = new_game(default_scenario(), "isro")
    answer_first(game, 0)
    return game


def keys(*presses: str) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        await started(pilot)  # a loaded machine: the first key must not go before the first screen
        for key in presses:
            await pilot.press(key)
            await pilot.pause()

    return run_before


SCREENS: dict[str, tuple[Callable[[], CislunarApp], tuple[str, ...]]] = {
    "title": (lambda: make_app(), ()),
    "scenario": (lambda: make_app(), ("n",)),
    "agency": (lambda: make_app(), ("n", "enter")),
    "agency_hard": (lambda: make_app(), ("n", "enter", "d")),  # the set-up's difficulty, one step up
    "dashboard_start": (lambda: make_app(new_game()), ()),
    "dashboard_mid": (lambda: make_app(mid_campaign()), ()),
    "decisions": (lambda: make_app(mid_campaign()), ("d",)),
    "decisions_isro": (lambda: make_app(isro_opening()), ("d",)),  # one reason for a run, said once
    "join": (lambda: make_app(new_game()), ("1", "down")),
    "join_building": (lambda: make_app(building_member()), ("1",)),  # ■ the player's own build
    "programme_pick": (lambda: make_app(new_game()), ("j",)),
    "event": (lambda: make_app(new_game()), ("e",)),
    "event_odds": (lambda: make_app(new_game(GAMBLE)), ("e",)),
    "reasons": (lambda: make_app(mid_campaign()), ("w",)),
    "relations": (lambda: make_app(mid_campaign()), ("r",)),
    "timeline": (lambda: make_app(mid_campaign()), ("t",)),
    "objectives": (lambda: make_app(mid_campaign()), ("o",)),
    "objectives_default": (lambda: make_app(default_mid_campaign()), ("o",)),
    "dashboard_default": (lambda: make_app(default_mid_campaign()), ()),
    "debrief_default": (lambda: make_app(default_finished()), ()),
    "budget": (lambda: make_app(building_member()), ("m",)),
    "corps": (lambda: make_app(new_game(CORPS)), ("c", "t", "s")),
    "rivals": (lambda: make_app(racing()), ("v",)),
    "research": (lambda: make_app(researching()), ("p", "down", "down", "down")),
    "confirm_research": (lambda: make_app(researching()), ("p", "down", "enter")),
    "debrief": (lambda: make_app(finished_campaign()), ()),
    "debrief_ending": (lambda: make_app(ended_by_the_scenario()), ()),
    "help": (lambda: make_app(), ("f1",)),
    "confirm_withdraw": (lambda: make_app(building_member()), ("1", "x")),
    "five_programmes": (lambda: make_app(new_game(FIVE_ROADS)), ()),
    "dashboard_modifiers": (lambda: make_app(new_game(STRIKE)), ()),
    "dashboard_flight": (lambda: make_app(waiting_flight()), ()),
    "flights": (lambda: make_app(waiting_flight()), ("l",)),
    "confirm_launch": (lambda: make_app(waiting_flight()), ("l", "enter")),  # the launch is listed first
    "deals": (lambda: make_app(deals_under_way()), ("n",)),
    "proposal": (lambda: make_app(deals_under_way()), ("n", "p", "enter", "down", "down", "enter")),
}


@SIZES
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, screen: str, size: tuple[int, int]) -> None:
    build, presses = SCREENS[screen]
    assert snap_compare(build(), terminal_size=size, run_before=keys(*presses))


def test_light_theme_dashboard(snap_compare) -> None:
    assert snap_compare(make_app(mid_campaign()), terminal_size=SMALL, run_before=keys("ctrl+t"))


def test_title_and_load_with_saves(snap_compare) -> None:
    def resume() -> Resumed:
        return Resumed(mid_campaign())

    saves = [
        SavedCampaign("ESA · 2023-Q2 · three_roads", "score 31, turn 10 · saved: esa.json", resume),
        SavedCampaign("edited.json", "not a Cislunar save", resume, problem="not a Cislunar save"),
    ]
    assert snap_compare(make_app(saves=lambda: saves), terminal_size=SMALL, run_before=keys("l"))


@SIZES
def test_debrief_compared_with_the_reference_strategies(snap_compare, size: tuple[int, int]) -> None:
    async def compared(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press("c")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.screen.query_one("#reference").scroll_visible(animate=False)
        await pilot.pause()

    assert snap_compare(make_app(finished_campaign()), terminal_size=size, run_before=compared)


@SIZES
def test_outlook(snap_compare, size: tuple[int, int]) -> None:
    """Where each road leads from the middle of a campaign, once the playouts are done (seed 1)."""

    async def forecast_done(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press("f")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(mid_campaign()), terminal_size=size, run_before=forecast_done)
