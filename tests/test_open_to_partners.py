"""open_to_partners("programme"): whether a programme takes new partners, in the expression language.

Effects can announce, open, close and cancel programmes; a condition can now ask whether one is
open to new partners (announced, not cancelled, open as the scenario or an effect says), so an
event can react to a closed door.
"""

from __future__ import annotations

import pytest

from game.engine.compiled import CompiledScenario
from game.engine.effects import apply_effects
from game.engine.expressions import compile_condition
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.snapshot import restore_game, state_from_data, state_to_data
from game.format.loader import load_scenario_bytes
from game.format.models import Effect
from tests.authoring_support import position
from tests.helpers import MINI_TEXT, compiled_from, play_turns

OPEN = compile_condition('open_to_partners("gateway")')


def effect(**keys: object) -> list[Effect]:
    return [Effect.model_validate(keys)]


def test_it_follows_the_effects_that_close_open_and_cancel(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    assert OPEN(game.state)
    apply_effects(game.state, mini, effect(close=["gateway"]), "a quarrel")
    assert not OPEN(game.state)
    apply_effects(game.state, mini, effect(open=["gateway"]), "peace")
    assert OPEN(game.state)
    apply_effects(game.state, mini, effect(status=[{"programme": "gateway", "status": "cancelled"}]), "axed")
    assert not OPEN(game.state)


def test_a_hidden_programme_is_not_open_until_it_is_announced() -> None:
    cs = compiled_from(MINI_TEXT.replace("    kind: surface\n", "    kind: surface\n    hidden: true\n", 1))
    game = Game(cs, "esa", 1)
    ilrs = compile_condition('open_to_partners("ilrs")')
    assert not ilrs(game.state)
    apply_effects(game.state, cs, effect(announce=["ilrs"]), "revealed")
    assert ilrs(game.state)


def test_a_programme_the_scenario_closes_is_closed_until_an_effect_opens_it_even_after_a_save() -> None:
    closed = compiled_from(
        MINI_TEXT.replace("    short: Gateway\n", "    short: Gateway\n    open: false\n", 1)
    )
    game = Game(closed, "esa", 1)
    assert not OPEN(game.state)
    restored = restore_game(closed, state_from_data(state_to_data(game.state)), [])
    assert not OPEN(restored.state)  # the scenario's 'open' is not in the snapshot: restored from it
    apply_effects(game.state, closed, effect(open=["gateway"]), "an invitation")
    assert OPEN(game.state)
    assert OPEN(restore_game(closed, state_from_data(state_to_data(game.state)), []).state)


def test_the_scenarios_open_is_in_no_save_and_no_hash(mini: CompiledScenario) -> None:
    """Saves and hashes are as before: what the scenario says is not the campaign's state."""
    closed = compiled_from(
        MINI_TEXT.replace("    short: Gateway\n", "    short: Gateway\n    open: false\n", 1)
    )
    data = state_to_data(Game(closed, "esa", 1).state)
    assert "open_in_scenario" not in data["programmes"]["gateway"]
    assert data == state_to_data(Game(mini, "esa", 1).state)
    assert state_hash(Game(closed, "esa", 1)) == state_hash(Game(mini, "esa", 1))


def test_an_event_can_wait_for_a_closed_door() -> None:
    text = MINI_TEXT.replace(
        "objectives:\n",
        """  - id: door_closes
    title: Gateway closes its doors
    effects: [{close: [gateway]}]
  - id: knocking
    title: You knock on a closed door
    when: not open_to_partners("gateway")
    effects: [{set_flags: [knocked]}]
objectives:
""",
        1,
    )
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert result.errors == []
    assert not [w for w in result.warnings if w.code == "event-impossible"]  # the linter sees it can hold
    game = Game(compiled_from(text), "esa", 1)
    play_turns(game, 3)
    assert "door_closes" in game.state.fired and "knocking" in game.state.fired


@pytest.mark.parametrize(
    ("call", "needle", "words"),
    [
        ('open_to_partners("gatewy")', '"gatewy"', "gateway"),
        ('open_to_partners("nasa")', '"nasa"', "takes a programme id, but 'nasa' is an agency id"),
        ("open_to_partners(gateway)", "gateway)", 'open_to_partners("gateway")'),
    ],
)
def test_a_bad_argument_is_a_located_error(call: str, needle: str, words: str) -> None:
    text = MINI_TEXT.replace("when: crewed_orbit", f"when: '{call}'", 1)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    [error] = result.errors
    assert (error.line, error.column) == position(text, needle), error.message
    assert words in error.message
