"""A scenario plays only the turn steps of the features it uses; one that uses them plays them all."""

from __future__ import annotations

from game.engine.compiled import CompiledScenario
from game.engine.turn import OPENING, STEPS, turn_steps
from tests.helpers import mini_with
from tests.test_all_features import compiled as all_features

#: The steps of features a scenario may leave out, as each is called.
OPTIONAL = {
    "launch_flights",
    "corps_turn",
    "tick_modifiers",
    "fire_hooked",
    "progress_research",
    "deals_turn",
}


def _names(cs: CompiledScenario) -> set[str]:
    steps, opening = turn_steps(cs)
    return {step.__name__ for step in (*steps, *opening)}


def test_a_scenario_without_the_newer_features_skips_their_steps(mini: CompiledScenario) -> None:
    names = _names(mini)
    assert not names & OPTIONAL
    assert "progress_builds" in names and "fire_events" in names


def test_the_all_features_scenario_plays_every_step_in_order() -> None:
    steps, opening = turn_steps(all_features())
    assert steps == tuple(step for step, _ in STEPS)
    assert opening == tuple(step for step, _ in OPENING)


def test_one_timed_effect_anywhere_brings_the_modifiers_step(mini: CompiledScenario) -> None:
    assert not mini.timed_effects
    # a choice's effect deep in an event: the modifier it starts must still tick and end
    timed = mini_with(
        "effects: [{support: 5, set_flags: [calm]}]",
        "effects: [{support: 5, set_flags: [calm]}, {modifier: lift, duration: 2, per_turn: {science: 1}}]",
    )
    assert timed.timed_effects
    assert "tick_modifiers" in _names(timed)


def test_a_deals_section_brings_the_deals_step(mini: CompiledScenario) -> None:
    assert "deals_turn" not in _names(mini)
    terms = mini_with("victory_score: 30", "victory_score: 30\ndeals:\n  terms: [{agency: nasa}]")
    assert "deals_turn" in _names(terms)
