"""Legal actions come with their cost; illegal ones are refused with a reason and change nothing."""

from __future__ import annotations

import pickle

import pytest

from game.engine.actions import Action
from game.engine.game import Game


def frozen(game: Game) -> bytes:
    state = game.state
    return pickle.dumps(
        (
            state.agencies,
            state.relations,
            state.programmes,
            state.missions,
            state.flags,
            state.pending,
            state.rng.getstate(),
            state.acted,
            state.news,
            state.changes,
        )
    )


@pytest.mark.parametrize(
    ("action", "reason"),
    [
        (Action("apply", "mars"), "no programme 'mars'"),
        (Action("fund", "gateway", "arm"), "join Gateway first"),
        (Action("apply", "gateway", "hab"), "needs Habitation level 3 (you have 1)"),
        (Action("apply", "gateway", "nope"), "no contribution 'nope' in Gateway"),
        (Action("cancel", "gateway", "arm"), "you are building no 'arm' for Gateway"),
        (Action("withdraw", "ilrs"), "you are not a partner of ILRS"),
        (Action("invest", "warp"), "no capability area 'warp'"),
        (Action("mission", "apollo"), "no mission 'apollo'"),
        (Action("diplomacy", "esa"), "no other agency 'esa'"),
        (Action("answer", "9", "calm"), "no pending event 9"),
        (Action("teleport", "x"), "unknown action 'teleport'"),  # type: ignore[arg-type]
    ],
)
def test_illegal_actions_are_refused_with_a_reason_and_change_nothing(
    game: Game, action: Action, reason: str
) -> None:
    before = frozen(game)
    outcome = game.act(action)
    assert not outcome.ok and outcome.reason == reason
    assert frozen(game) == before and game.log == []


def test_applying_needs_good_enough_relations_with_every_lead(mini) -> None:
    game = Game(mini, "jaxa", 1)
    game.state.shift_relation("jaxa", "nasa", -45)  # 50 -> 5, under Gateway's 20
    assert game.check(Action("apply", "gateway")) == "Gateway asks for relations of 20 with NASA; yours are 5"


def test_money_short_of_the_first_payment_is_refused(game: Game) -> None:
    game.state.me.money = 50_000
    assert game.check(Action("invest", "robotics")) == "costs 180 M$; you have 50 M$"
    assert game.check(Action("apply", "gateway", "arm")) == "the first payment is 100 M$; you have 50 M$"


def test_options_list_every_action_with_its_cost_and_the_reason_when_refused(game: Game) -> None:
    options = {str(option.action): option for option in game.options()}
    arm = options["apply gateway arm"]
    assert arm.allowed and arm.cost_now == 100 and arm.cost_total == 400
    assert "1 crew seat" in arm.effect
    hab = options["apply gateway hab"]
    assert not hab.allowed and hab.reason == "needs Habitation level 3 (you have 1)"
    assert options["invest robotics"].cost_now == 180
    assert "diplomacy cnsa" in options


def test_nothing_but_an_answer_is_allowed_while_an_event_waits(game: Game) -> None:
    game.end_turn()
    game.end_turn()
    assert game.state.pending
    assert game.check(Action("invest", "robotics")) == "answer 'A crisis' first"
    answers = [o for o in game.options() if o.action.kind == "answer"]
    assert [o.label for o in answers] == ["A crisis: Stay calm", "A crisis: Panic"]
    assert all(o.allowed for o in answers)
    assert game.act(Action("answer", str(game.state.pending[0].uid), "riot")).reason == (
        "'riot' is not a choice of this event"
    )
