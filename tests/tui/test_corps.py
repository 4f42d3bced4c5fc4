"""The corps screen (C from the dashboard): each astronaut's readiness, training, assignment and
flights; T, A and S send the engine's train, assign and selection actions."""

from __future__ import annotations

from game.tui.screens.corps import CorpsScreen
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.help import HelpScreen

from .conftest import LARGE, SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import screen_text, text_of

CORPS = TUI_FIXTURES / "more" / "corps.yaml"


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_c_opens_the_corps_with_every_astronaut_and_the_key_is_in_the_footer() -> None:
    app = make_app(new_game(CORPS))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        footer = {key: active.binding for key, active in app.screen.active_bindings.items()}
        assert footer["c"].description == "Corps" and footer["c"].show  # in the footer (snapshots: it fits)
        await press(pilot, "c")
        assert isinstance(app.screen, CorpsScreen)
        text = screen_text(app)
        assert "3 active astronauts · 3 candidates to select" in text
        assert "Samantha Cristoforetti" in text and "Matthias Maurer" in text
        assert "3.4%" in text  # Maurer's odds of a loss at readiness 40: 1% + 4% x 0.6
        # the column says what it counts, and a line under the costs says what it means
        assert "Flights  Loss risk" in text
        assert "Loss risk: the chance an astronaut is lost on a flight now; readier is safer" in text
        await press(pilot, "c")
        assert isinstance(app.screen, DashboardScreen)


async def test_t_trains_the_highlighted_astronaut_and_a_turn_raises_readiness() -> None:
    game = new_game(CORPS)
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await press(pilot, "c", "down", "down", "t")
        maurer = game.state.corps["esa"].astronauts[2]
        assert maurer.training
        assert "Matthias Maurer starts training" in screen_text(app)
        await press(pilot, "e", "1")  # the turn ends from the corps screen too; an event is answered
        assert maurer.readiness == 50
        assert isinstance(app.screen, DashboardScreen)
        await press(pilot, "c", "down", "down", "t")
        assert not maurer.training


async def test_s_opens_a_selection_round_and_a_refusal_is_said_in_plain_words() -> None:
    game = new_game(CORPS)
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await press(pilot, "c", "s")
        assert game.state.corps["esa"].selection_turns == 4
        assert "selection round: 4 turns left" in screen_text(app)
        await press(pilot, "s")
        assert "Not allowed: a selection round is under way (4 turns left)" in screen_text(app)
        await press(pilot, "a")  # no seats earned yet
        assert "you hold no seat to assign" in screen_text(app)


async def test_a_assigns_the_highlighted_astronaut_to_an_earned_seat_and_back() -> None:
    game = new_game(CORPS)
    gateway = game.state.programmes["gateway"]
    gateway.members.append("esa")
    gateway.seats["esa"] = 1
    app = make_app(game)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await press(pilot, "c", "down", "a")
        assert game.state.corps["esa"].astronauts[1].assigned == "gateway"
        assert "Alexander Gerst is assigned to Gateway" in screen_text(app)
        await press(pilot, "a")  # the next choice after the last seat: none
        assert game.state.corps["esa"].astronauts[1].assigned == ""


async def test_a_scenario_without_names_says_so() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "c")
        assert "does not name them: 3 astronauts" in screen_text(app)
        await press(pilot, "s")
        assert "no named astronaut corps" in screen_text(app)


async def test_the_help_lists_the_corps_keys() -> None:
    app = make_app(new_game(CORPS))
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app.screen.query_one("#keys"))
        assert (
            "Astronaut corps\n  Esc      Back\n  c        Back\n  t        Train/stop\n  a        Assign"
            in keys
        )
        assert "  c        Corps" in keys and "c opens the corps" in " ".join(
            text_of(app.screen.query_one("#rules")).split()
        )
