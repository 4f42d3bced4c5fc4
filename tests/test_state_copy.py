"""Copies of a campaign (bots' look-ahead, every new campaign of a scenario) are exact and independent."""

from __future__ import annotations

import dataclasses

from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.state import GameState
from game.sim.runner import play_campaign
from tests.helpers import answer_all, play_turns


def _finish(game: Game) -> None:
    while not game.over:
        answer_all(game)
        game.end_turn()


def test_a_clone_plays_on_exactly_like_the_original(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 11)
    play_turns(game, 6)
    twin = game.clone()
    assert state_hash(twin) == state_hash(game)
    _finish(game)
    _finish(twin)
    assert state_hash(twin) == state_hash(game)
    assert [r.news for r in twin.reports] == [r.news for r in game.reports[-len(twin.reports) :]]


def test_changing_a_clone_leaves_the_original_alone(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 5)
    play_turns(game, 4)
    before = state_hash(game)
    twin = game.clone()
    twin.act(Action("invest", mini.capability_ids[0]))
    _finish(twin)
    programme = next(iter(twin.state.programmes.values()))
    programme.members.append("someone")
    next(iter(programme.slots.values())).cost_left += 1
    programme.milestones[0].due += 12
    twin.state.relations["esa"]["nasa"] = -99.0
    twin.state.flags.add("only_in_the_twin")
    assert state_hash(game) == before


def test_every_field_of_the_state_is_copied(mini: CompiledScenario) -> None:
    """GameState.copy lists the fields by hand (for speed): a field it forgot would come back empty.

    The indexes the engine works out from the rest (``WORKED_OUT``) start again empty in a copy:
    they would point into the original's objects."""
    game = play_campaign(mini, "esa", "random", 3)
    copied = game.state.copy()
    for field in dataclasses.fields(GameState):
        if field.metadata.get("worked_out"):
            empty = field.default_factory() if field.default is dataclasses.MISSING else field.default
            assert getattr(copied, field.name) == empty, field.name
        elif field.name != "rng":  # generators compare by identity; their states are compared below
            assert getattr(copied, field.name) == getattr(game.state, field.name), field.name
    assert copied.rng.getstate() == game.state.rng.getstate()
    assert copied.history and copied.agencies and copied.fired


def test_campaigns_of_one_compiled_scenario_do_not_leak_into_each_other(mini: CompiledScenario) -> None:
    first = Game(mini, "esa", 9)
    fresh = state_hash(first)
    play_campaign(mini, "esa", "random", 4)
    play_campaign(mini, "esa", "gateway", 9)
    assert state_hash(Game(mini, "esa", 9)) == fresh
