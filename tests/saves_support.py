"""Helpers for the save, replay and fuzz tests: a private copy of the mini scenario, played games."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario
from game.saves import save_game
from game.sim.runner import play_campaign

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def copy_mini(folder: Path) -> Path:
    """A copy of the mini scenario the test may edit without touching the fixture."""
    target = folder / "mini.yaml"
    shutil.copyfile(MINI, target)
    return target


def compiled(path: Path) -> CompiledScenario:
    return compile_scenario(load_scenario(path).unwrap())


def played(scenario: Path, strategy: str = "random", seed: int = 3) -> Game:
    """A whole campaign of ``scenario`` played by a bot for ESA."""
    return play_campaign(compiled(scenario), "esa", strategy, seed)


def saved(
    folder: Path, name: str = "campaign.json", strategy: str = "random", seed: int = 3
) -> tuple[Path, Game]:
    """A save of a bot-played campaign on a private copy of mini, and the game it holds."""
    scenario = folder / "mini.yaml"
    if not scenario.exists():
        copy_mini(folder)
    game = played(scenario, strategy, seed)
    return save_game(game, scenario, folder / name), game
