"""The same scenario, seed and actions always give the same campaign, in any process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.engine.compiled import CompiledScenario
from game.sim.runner import play_campaign

ROOT = Path(__file__).resolve().parent.parent


def transcript(mini: CompiledScenario, strategy: str, seed: int) -> list[str]:
    game = play_campaign(mini, "esa", strategy, seed)
    lines = [f"{r.date} {n.kind} {n.text}" for r in game.reports for n in r.news]
    lines += [f"{c.stat} {c.delta} {c.reason}" for r in game.reports for c in r.changes]
    return [*lines, str(game.score()), game.state.outcome]


def test_same_seed_same_campaign(mini: CompiledScenario) -> None:
    for strategy in ("random", "greedy", "gateway"):
        assert transcript(mini, strategy, 7) == transcript(mini, strategy, 7)


def test_different_seeds_give_different_campaigns(mini: CompiledScenario) -> None:
    assert transcript(mini, "random", 1) != transcript(mini, "random", 2)


def test_simulate_output_is_byte_identical_whatever_the_hash_seed() -> None:
    command = [
        sys.executable,
        "-m",
        "game",
        "simulate",
        "--scenario",
        "tests/fixtures/mini.yaml",
        "--runs",
        "3",
        "--seed",
        "5",
        "--json",
    ]
    outputs = []
    for hash_seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert '"strategy": "greedy"' in outputs[0]
