"""Shared fixtures: the small test scenario, compiled once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"


@pytest.fixture(scope="session")
def mini() -> CompiledScenario:
    return compile_scenario(load_scenario(MINI).unwrap())


@pytest.fixture
def game(mini: CompiledScenario) -> Game:
    return Game(mini, "esa", seed=1)
