"""Small helpers for engine tests: build a scenario from a YAML snippet, play turns."""

from __future__ import annotations

from pathlib import Path

from game.engine.actions import Action
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario_bytes

MINI_TEXT = (Path(__file__).parent / "fixtures" / "mini.yaml").read_text()


def compiled_from(text: str) -> CompiledScenario:
    result = load_scenario_bytes("test.yaml", text.encode())
    return compile_scenario(result.unwrap())


def mini_with(old: str, new: str) -> CompiledScenario:
    """The mini scenario with one piece of text replaced (the test's own variation)."""
    assert old in MINI_TEXT, old
    return compiled_from(MINI_TEXT.replace(old, new, 1))


def answer_all(game: Game, choice: int = 0) -> None:
    for pending in list(game.state.pending):
        choices = game.compiled.events[pending.event].model.choices
        assert game.act(Action("answer", str(pending.uid), choices[choice].id)).ok


def play_turns(game: Game, turns: int) -> None:
    for _ in range(turns):
        if game.over:
            return
        answer_all(game)
        assert game.end_turn().ok
