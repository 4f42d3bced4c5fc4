"""Decisions: every action with its cost; refused ones keep the engine's reason."""

from __future__ import annotations

from textual.widgets import OptionList

from game.tui.screens.decisions import DecisionsScreen
from game.tui.screens.join import JoinScreen

from .conftest import SMALL, make_app, new_game
from .helpers import screen_text, text_of


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
