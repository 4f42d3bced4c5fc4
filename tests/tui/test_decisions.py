"""Decisions: every action with its cost; refused ones keep the engine's reason."""

from __future__ import annotations

from textual.widgets import OptionList

from game.engine.actions import Action
from game.engine.game import Game
from game.paths import default_scenario
from game.tui.screens.decisions import DecisionsScreen
from game.tui.screens.join import JoinScreen

from .conftest import SMALL, compiled, make_app, new_game
from .helpers import on_screen, screen_text, started, text_of


def listed(app) -> str:
    """The text of every option of the decisions list, scrolled into view or not, one line each
    (the lines a narrow list wraps are joined again)."""
    menu = app.screen.query_one("#options", OptionList)
    return "\n".join(
        " ".join(str(menu.get_option_at_index(i).prompt).split()) for i in range(menu.option_count)
    )


def highlight(app, label: str) -> None:
    """Move the decisions list to the option with this label."""
    screen = app.screen
    assert isinstance(screen, DecisionsScreen)
    index = next(i for i, option in enumerate(screen.options) if option.label == label)
    menu = screen.query_one("#options", OptionList)
    menu.highlighted = menu.get_option_index(str(index))


async def test_a_refused_action_shows_the_engines_reason() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert "not now: needs Habitation level 3 (you have 1)" in listed(app)  # shown before trying
        highlight(app, "Join Gateway offering Habitat")
        await pilot.press("enter")
        await pilot.pause()
        status = text_of(app.screen.query_one("#decision-status"))
        assert status == "✗ Not allowed: needs Habitation level 3 (you have 1)"
        assert app.game.state.programmes["gateway"].applicants == {}


async def test_an_allowed_action_is_done_and_the_list_follows() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        highlight(app, "Invest in Robotics")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen.query_one("#decision-status")) == "✓ Done: Invest in Robotics"
        assert app.game.state.me.capabilities["robotics"] == 3
        assert app.game.state.me.money == 700_000 - 180_000
        assert "Invest in Robotics 240 M$ now · not now: one step per area per turn" in listed(app)
        await pilot.press("escape")
        await pilot.pause()
        # The year's appropriation arrived as the campaign opened: +600, then -180.
        assert "This turn so far: Money ▲+420 M$  Robotics level ▲+1" in screen_text(app)


async def test_offering_a_contribution_goes_through_the_join_screen() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        highlight(app, "Join Gateway offering Robotic arm")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert "Robotic arm" in text_of(app.screen.query_one("#join-details"))


async def test_the_go_alone_card_lists_missions_and_capabilities_only() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionsScreen)
        assert {o.action.kind for o in screen.options} == {"mission", "invest"}
        assert "fly Lunar cubesat first" in screen_text(app)


async def test_each_group_is_listed_once_and_what_undoes_comes_last() -> None:
    """ESA in Gateway on the shipped campaign, 2021-Q2: researching and accepting a deal have
    costs to tell, and sorting on the costs had put the Deals and Research groups after 'Cancel
    or withdraw' (and split a group in two when only some of its actions had costs)."""
    game = Game(compiled(default_scenario()), "esa", 7)

    def answer() -> None:
        for pending in list(game.state.pending):
            choice = game.compiled.events[pending.event].model.choices[0].id
            assert game.act(Action("answer", str(pending.uid), choice)).ok

    answer()
    assert game.act(Action("apply", "gateway", "i_hab")).ok
    assert game.end_turn().ok
    answer()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("d")
        await on_screen(pilot, DecisionsScreen)
        headings = [line for line in listed(app).splitlines() if line.startswith("── ")]
        assert len(headings) == len(set(headings)), headings
        assert headings[-1] == "── Cancel or withdraw (each asks first and says what it costs)", headings
        assert {"── Deals", "── Research"} <= set(headings)
        labels = listed(app)
        accept = labels.index("Accept NASA's offer: Gateway crew flights for I-Hab")
        assert accept < labels.index("Refuse NASA's offer: Gateway crew flights for I-Hab")


async def test_a_hides_the_refused_actions_and_its_key_then_says_it_shows_them() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("d")
        await on_screen(pilot, DecisionsScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "a Hide refused" in footer and "Show refused" not in footer
        assert "not now: needs Habitation level 3" in listed(app)
        await pilot.press("a")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "a Show refused" in footer and "Hide refused" not in footer  # said 'Hide' still
        assert "not now:" not in listed(app)
        await pilot.press("a")
        await pilot.pause()
        assert "a Hide refused" in screen_text(app).splitlines()[-1]
        assert "not now: needs Habitation level 3" in listed(app)


def isro_opening() -> Game:
    """ISRO on the shipped campaign, its opening event answered: the Gateway is closed to it until 2029."""
    game = Game(compiled(default_scenario()), "isro", 7)
    for pending in list(game.state.pending):
        choice = game.compiled.events[pending.event].model.choices[0].id
        assert game.act(Action("answer", str(pending.uid), choice)).ok
    return game


async def test_one_reason_for_a_run_of_refused_offers_is_said_once() -> None:
    """Each of the Gateway's offers is refused to ISRO for the same reason: the first says it,
    the others 'as above' (the whole sentence was repeated on every line of the programme)."""
    app = make_app(isro_opening())
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("d")
        await on_screen(pilot, DecisionsScreen)
        text = listed(app)
        assert text.count("Gateway is closed to ISRO until 2029") == 1
        lines = text.splitlines()
        first = next(i for i, line in enumerate(lines) if "Gateway is closed to ISRO until 2029" in line)
        assert lines[first].startswith("✗ Apply to Gateway without a contribution")
        gateway = [line for line in lines if "Join Gateway offering" in line]
        assert len(gateway) > 5 and all(line.endswith("not now: as above") for line in gateway)
        highlight(app, "Join Gateway offering Canadarm3")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen.query_one("#decision-status")) == (
            "✗ Not allowed: Gateway is closed to ISRO until 2029"  # the whole reason, when chosen
        )


async def test_the_players_own_build_under_way_reads_as_a_status_not_a_refusal() -> None:
    """'✗ Build Lunar cubesat · not now: already being built' read as if the player were refused."""
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("d")
        await on_screen(pilot, DecisionsScreen)
        highlight(app, "Build Lunar cubesat")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen.query_one("#decision-status")) == "✓ Done: Build Lunar cubesat"
        text = listed(app)
        assert "■ Build Lunar cubesat under way: 2 turns of building left" in text  # no cost to pay
        assert "already being built" not in text
        highlight(app, "Build Lunar cubesat")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen.query_one("#decision-status")) == (
            "■ Build Lunar cubesat: under way: 2 turns of building left"
        )
        await pilot.press("a")  # hide the refused: the build under way is not one of them
        await pilot.pause()
        text = listed(app)
        assert "■ Build Lunar cubesat" in text and "✗" not in text
