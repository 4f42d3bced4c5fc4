"""How a campaign compares with the scenario's reference strategies on a fixed range of seeds.

The debrief says "better than 80% of greedy campaigns on seeds 1-20": every strategy the
scenario has (its roads, random, greedy) plays the player's agency on the same seeds, and
the player's score is set against each strategy's scores. The seeds are fixed, so the answer
is the same every time; the range is small, so it takes seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.bots import strategy_names
from game.engine.compiled import CompiledScenario
from game.sim.parallel import Task, play_tasks

#: The seeds the reference campaigns are played on: enough for a share, cheap enough to wait for.
REFERENCE_SEEDS = range(1, 21)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The player's score against one strategy's campaigns."""

    strategy: str
    runs: int
    mean: float  # the strategy's mean score
    below: float  # the share of its campaigns that scored less than the player, 0 to 1
    equal: float  # the share that scored the same


def reference_tasks(compiled: CompiledScenario, agency: str, seeds: range = REFERENCE_SEEDS) -> list[Task]:
    """Every strategy of the scenario on every seed of the range, as the player's agency."""
    return [Task(agency, name, seed) for name in strategy_names(compiled.scenario) for seed in seeds]


def compare(
    compiled: CompiledScenario,
    agency: str,
    score: float,
    seeds: range = REFERENCE_SEEDS,
    progress: Callable[[int], None] | None = None,
) -> list[Comparison]:
    """``score`` against each strategy's campaigns on ``seeds``, in the scenario's strategy order."""
    tasks = reference_tasks(compiled, agency, seeds)
    results = play_tasks(compiled, None, tasks, jobs=1, progress=progress)
    scores: dict[str, list[float]] = {}
    for task, result in zip(tasks, results, strict=True):
        scores.setdefault(task.strategy, []).append(result.score)
    return [comparison(name, values, score) for name, values in scores.items()]


def comparison(strategy: str, scores: list[float], score: float) -> Comparison:
    runs = len(scores)
    below = sum(1 for s in scores if s < score)
    equal = sum(1 for s in scores if s == score)
    return Comparison(strategy, runs, round(sum(scores) / runs, 1), below / runs, equal / runs)
