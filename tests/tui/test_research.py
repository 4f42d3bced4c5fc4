"""The research screen (P from the dashboard): the tree by area, and Enter and X sending the
engine's research and cancel_research actions after a confirmation with the figures."""

from __future__ import annotations

from game.engine.actions import Action
from game.paths import shipped_scenarios_dir
from game.tui.screens.confirm import ConfirmScreen
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.event import EventScreen
from game.tui.screens.help import HelpScreen, all_keys, rules
from game.tui.screens.research import ResearchScreen

from .conftest import LARGE, SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import answer_events, on_screen, screen_text

RESEARCH = TUI_FIXTURES / "more" / "research.yaml"


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_p_opens_the_tree_with_each_projects_state_and_p_goes_back() -> None:
    app = make_app(new_game(RESEARCH))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "skills (p)" in screen_text(app)  # the go-alone card says where the levels come from
        await press(pilot, "p")
        assert isinstance(app.screen, ResearchScreen)
        text = screen_text(app)
        assert "0 of 3 projects under way" in text
        # the keys as the footer and the other screens write them: 'Enter:', lowercase 'x:'
        assert "Enter: start the highlighted project · x: stop it · both ask first" in text
        assert "Arm control software" in text and "○ 2 turns" in text and "· needs 1 project" in text
        await press(pilot, "down", "down", "down")  # the habitat shell: what keeps it locked
        assert "Locked: needs Closed-loop life support first" in screen_text(app)
        await press(pilot, "p")
        assert isinstance(app.screen, DashboardScreen)


async def test_enter_asks_with_the_cost_and_starts_the_project_and_x_stops_it() -> None:
    game = new_game(RESEARCH)
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await press(pilot, "p", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "40 M$ over 2 turns: 20 M$ at the end of this turn" in text
        assert "Robotics level 3, Lunar orbiter" in text
        await press(pilot, "y")
        assert isinstance(app.screen, ResearchScreen) and "arm_control" in game.state.research
        assert "✓ Done: Research Arm control software" in screen_text(app)
        assert "■ 2 turns left" in screen_text(app)
        await press(pilot, "x")
        assert "40 M$ still to pay is not spent" in screen_text(app)
        await press(pilot, "escape")  # kept
        assert "arm_control" in game.state.research
        await press(pilot, "x", "y")
        assert game.state.research == {}
        assert "○ 2 turns" in screen_text(app)


async def test_a_locked_project_is_refused_in_plain_words_and_a_turn_moves_the_tree_on() -> None:
    game = new_game(RESEARCH)
    assert game.act(Action("research", "arm_control")).ok
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await press(pilot, "p", "down", "enter")  # rover autonomy waits for the arm control
        assert isinstance(app.screen, ResearchScreen)
        assert "✗ Not allowed: needs Arm control software first" in screen_text(app)
        for _ in range(2):
            await press(pilot, "e")  # the turn ends from the research screen
            await answer_events(pilot)
            if not isinstance(app.screen, ResearchScreen):
                await press(pilot, "p")
        assert "arm_control" in game.state.researched
        assert "✓ done" in screen_text(app)


async def test_without_a_tree_the_screen_says_so_and_help_lists_its_keys() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "skills (p)" not in screen_text(app)
        await press(pilot, "p")
        assert "This scenario has no research projects" in screen_text(app)
        await press(pilot, "escape", "f1")
        assert isinstance(app.screen, HelpScreen)
    keys = "\n".join(line.plain for line in all_keys())
    assert "  p        Research\n" in keys  # on the dashboard
    assert "\nResearch\n  Esc      Back\n  p        Back\n  Enter    Start\n  x        Stop\n" in keys
    assert "research tree (p)" in rules()


async def test_the_default_campaign_opens_past_what_the_agency_had_at_the_start() -> None:
    """default-2021's ESA starts with 15 projects done: they read 'at the start', and the cursor
    (and the detail under the table) is on the first project it may still research."""
    app = make_app(new_game(shipped_scenarios_dir() / "default-2021.yaml"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await answer_events(pilot)
        await press(pilot, "p")
        assert isinstance(app.screen, ResearchScreen)
        text = screen_text(app)
        assert "✓ at the start" in text and "done 2020" not in text
        assert "Crew capsule qualification · Habitation · 320 M$" in text  # the detail: not a done one
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmScreen) and "320 M$ over 8 turns" in screen_text(app)


async def test_the_default_trees_costs_fit_80_columns_in_english_and_russian() -> None:
    import re

    from game.i18n import set_language
    from game.paths import default_scenario

    for language in ("en", "ru"):
        set_language(language)
        try:
            app = make_app(new_game(default_scenario()))
            async with app.run_test(size=SMALL) as pilot:
                await on_screen(pilot, EventScreen)  # the opening event, then the dashboard
                await answer_events(pilot)
                await on_screen(pilot, DashboardScreen)
                await pilot.press("p")
                await on_screen(pilot, ResearchScreen)
                await pilot.pause()
                rows = [line for line in screen_text(app).splitlines()[4:15] if "✓" in line or "○" in line]
                assert len(rows) >= 10, rows
                for line in rows:  # every row shows its cost whole, with room after it
                    assert re.search(r" \d[\d,]* M\$  ", line), line
        finally:
            set_language("en")
