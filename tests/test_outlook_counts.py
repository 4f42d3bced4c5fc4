"""The greedy bot's outlook projects the counts graded objectives measure: missions flown,
contributions delivered, crewed flights and firsts, so that what earns them pays in its eyes."""

from __future__ import annotations

import pytest

from game.bots.outlook import COUNTED, outlook_of
from game.cli.common import load_compiled
from game.engine.actions import END_TURN, Action
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from tests.helpers import answer_all


def graded_on(cs: CompiledScenario, count: str) -> tuple[str, float, float]:
    """The graded objective of the shipped scenario whose progress is ``count``: (id, points, target)."""
    for objective in cs.objectives:
        if objective.model.progress == count:
            return objective.model.id, objective.model.points, objective.target
    raise AssertionError(f"no objective graded on {count}")


def score_without(cs: CompiledScenario, game: Game, count: str) -> tuple[float, float]:
    """The outlook's score of the position, and the same with ``count`` left out of its projection."""
    outlook = outlook_of(cs)
    state = game.clone(records=False).state
    out = outlook.forecast(state)
    with_count = outlook.score(state, out)
    out.counts = [row for row in out.counts if row[1] != count]
    return with_count, outlook.score(state, out)


def test_the_outlook_reads_which_counts_each_graded_objective_measures() -> None:
    cs = load_compiled(None)
    outlook = outlook_of(cs)
    for count in COUNTED:
        oid, _points, _target = graded_on(cs, count)
        assert outlook.counted[oid] == (count,)
    assert "lunar_science" not in outlook.counted


@pytest.mark.parametrize(
    ("count", "action"),
    [
        ("missions_flown", Action("mission", "lunar_cubesat")),
        ("contributions_delivered", Action("fund", "gateway", "lunar_link")),
    ],
)
def test_a_build_under_way_earns_its_share_of_the_graded_count(count: str, action: Action) -> None:
    """ESA starts a cubesat (or a Gateway contribution): the objective graded on missions flown (or
    contributions delivered) is projected to earn about one more of its steps, by the flight's odds."""
    cs = load_compiled(None)
    game = Game(cs, "esa", seed=1)
    answer_all(game)
    assert game.act(Action("apply", "gateway", "crew_science_airlock")).ok
    while not game.state.programmes["gateway"].is_member("esa"):
        game.act(END_TURN)
        answer_all(game)
    _oid, points, target = graded_on(cs, count)
    before, before_unseen = score_without(cs, game, count)
    assert game.act(action).ok
    after, unseen = score_without(cs, game, count)
    step = points / target  # the credit of one more, where the grade is straight
    assert (after - unseen) - (before - before_unseen) == pytest.approx(step, rel=0.35)
    assert after > before
