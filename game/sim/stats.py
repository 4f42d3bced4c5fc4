"""Many campaigns per strategy turned into outcome statistics (pydantic, for --json)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel

from game.engine.compiled import CompiledScenario
from game.format.models import DEFAULT_DIFFICULTY
from game.sim.parallel import Task, play_tasks
from game.sim.runner import CampaignResult


class StrategyStats(BaseModel):
    """The figures `simulate` prints for one strategy."""

    scenario: str
    agency: str
    strategy: str
    runs: int
    wins: int
    losses: int
    win_rate: float
    mean_score: float
    score_ci95: float
    crewed_runs: int
    mean_first_crew_year: float | None
    actions_per_turn: float = 0.0  # mean actions other than ending the turn, over all turns played
    idle_share: float = 0.0  # share of turns on which the strategy only ended the turn
    #: the spread of the winning campaigns' scores (sample standard deviation; 0 with fewer than
    #: two wins): whether the score tells a better win from a worse one
    winners_score_std: float = 0.0
    winners_mean_score: float | None = None  # the winning campaigns' mean score (None without a win)


class SimulationReport(BaseModel):
    scenario: str
    agency: str
    seed: int
    runs: int
    strategies: list[StrategyStats]
    difficulty: str = DEFAULT_DIFFICULTY


def summarise(scenario: str, agency: str, strategy: str, results: list[CampaignResult]) -> StrategyStats:
    runs = len(results)
    scores = [r.score for r in results]
    mean = sum(scores) / runs if runs else 0.0
    variance = sample_variance(scores)
    winning = [r.score for r in results if r.outcome == "won"]
    crew = [r.first_crew_year for r in results if r.first_crew_year is not None]
    wins = sum(r.outcome == "won" for r in results)
    turns = sum(r.turns for r in results)
    return StrategyStats(
        scenario=scenario,
        agency=agency,
        strategy=strategy,
        runs=runs,
        wins=wins,
        losses=sum(r.outcome == "lost" for r in results),
        win_rate=round(wins / runs, 4) if runs else 0.0,
        mean_score=round(mean, 2),
        score_ci95=round(1.96 * math.sqrt(variance / runs), 2) if runs else 0.0,
        crewed_runs=len(crew),
        mean_first_crew_year=round(sum(crew) / len(crew), 2) if crew else None,
        actions_per_turn=round(sum(r.actions for r in results) / turns, 3) if turns else 0.0,
        idle_share=round(sum(r.idle_turns for r in results) / turns, 4) if turns else 0.0,
        winners_score_std=round(math.sqrt(sample_variance(winning)), 2),
        winners_mean_score=round(sum(winning) / len(winning), 2) if winning else None,
    )


def sample_variance(values: list[float]) -> float:
    """The sample variance (divided by n - 1), 0 for fewer than two values."""
    if len(values) < 2:
        return 0.0
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def simulate(
    compiled: CompiledScenario,
    agency: str,
    strategies: Iterable[str],
    seed: int,
    runs: int,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    source: Path | None = None,
    cluster: str | None = None,
    playouts: int | None = None,
    thorough: bool = False,
) -> SimulationReport:
    """Run ``runs`` campaigns per strategy with seeds seed, seed+1, ...: the same inputs, the same report.

    With ``jobs`` above one (and the scenario's ``source`` file, which workers load) the
    campaigns are played in that many processes, and with ``cluster`` (a Dask scheduler's
    address) on that cluster's workers; the report is the same either way. ``playouts``: a
    planner's playouts per decision (None: its default); ``thorough``: the thorough planners.
    """
    names = list(strategies)
    tasks = [
        Task(agency, strategy, seed + index, playouts, thorough)
        for strategy in names
        for index in range(runs)
    ]
    results = play_tasks(compiled, source, tasks, jobs if source is not None else 1, progress, cluster)
    rows = [
        summarise(compiled.scenario.id, agency, strategy, results[number * runs : (number + 1) * runs])
        for number, strategy in enumerate(names)
    ]
    return SimulationReport(
        scenario=compiled.scenario.id,
        agency=agency,
        seed=seed,
        runs=runs,
        strategies=rows,
        difficulty=compiled.difficulty,
    )
