"""A contribution's whole schedule is set against the budget outlook, not only its first payment."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.engine.queries import ContributionView, contribution_views
from tests.helpers import mini_with

ARM = "cost: 400\n        build_turns: 4\n"


def arm(game: Game) -> ContributionView:
    return next(v for v in contribution_views(game.state, game.compiled, "gateway") if v.id == "arm")


def test_an_offer_whose_schedule_exceeds_the_outlook_is_allowed_but_flagged() -> None:
    game = Game(mini_with(ARM, "cost: 4000\n        build_turns: 8\n"), "esa", 1)  # 700 M$, 600 M$ a year
    view = arm(game)
    assert view.reason == ""  # the first payment (500 M$) is affordable: the offer may be made
    assert view.warning == (
        "its 4,000 M$ over 8 turns is more than your outlook: 700 M$ in hand + 600 M$ of "
        "expected budgets - 0 M$ for your builds under way; short by 2,700 M$"
    )


def test_a_schedule_that_fits_has_no_warning_until_builds_under_way_take_the_money() -> None:
    game = Game(mini_with(ARM, "cost: 1200\n        build_turns: 8\n"), "esa", 1)
    assert arm(game).warning == ""  # 1,200 M$ against 700 + 600
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("mission", "cubesat")).ok  # 60 M$ committed over 2 turns
    game.state.me.money -= 100_000
    assert arm(game).warning.endswith("60 M$ for your builds under way; short by 60 M$")
