"""The balance report: every strategy for every playable agency, and what would make it unfair.

A scenario is balanced when the choice of road matters (each road is the best road for some
agency, or at least tops a fair share of seeds), no strategy wins most campaigns whoever
plays it, and skill beats luck (the greedy bot clearly beats the random one). The checks
are data about a report, so the CLI prints them and a test asserts them.

"Best road" compares the scenario's roads (one per programme that takes partners, and going
alone) with one another, not with the greedy bot: greedy picks
a road from the scenario's data and plays it, so where it reads the scenario right it ties
the best road, and a road could only be "best" where greedy errs. The choice a player makes
is between the roads; greedy and random are the yardsticks of skill and luck.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel

from game.bots import planner_names, strategy_names
from game.bots import roads as scenario_roads
from game.engine.compiled import CompiledScenario
from game.sim.parallel import Task, play_tasks
from game.sim.runner import CampaignResult
from game.sim.stats import StrategyStats, summarise

#: A strategy that wins more than this share of all runs, over every agency, dominates.
MAX_WIN_RATE = 0.60
#: The luck baseline and the skill it must lose to, by at least this many win-rate points.
LUCK, SKILL, SKILL_MARGIN = "random", "greedy", 0.15
#: Who judges the roads: the scripted road bots (``roads``) or the skilled players (``planner``).
JUDGES = ("roads", "planner")
#: The skill yardstick when the planners judge: the free planner.
PLANNER = "planner"


class BalanceReport(BaseModel):
    """Rows per agency and strategy, the same pooled over agencies, and what is out of balance."""

    scenario: str
    seed: int
    runs: int
    roads: list[str]  # the scenario's roads, each of which must be the best choice somewhere
    rows: list[StrategyStats]
    pooled: list[StrategyStats]
    best_for: dict[str, list[str]]  # road -> agencies it is the best road for
    top_share: dict[str, float]  # strategy -> share of (agency, seed) where it scored highest
    findings: list[str]  # empty when balanced

    @property
    def balanced(self) -> bool:
        return not self.findings


def run_balance(
    compiled: CompiledScenario,
    source: Path | None,
    seed: int,
    runs: int,
    strategies: Sequence[str] | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    cluster: str | None = None,
    judge_by: str = "roads",
    playouts: int | None = None,
) -> BalanceReport:
    """Play ``runs`` seeds of every strategy (default: all the scenario's) for every playable agency.

    On ``jobs`` local processes, or on the Dask cluster at ``cluster``: the same report.
    ``judge_by="planner"`` plays the skilled players instead (default: ``planner:ROAD`` for
    every road, the free ``planner`` and ``random``), with ``playouts`` per decision.
    """
    agencies = compiled.playable()
    planners = judge_by == PLANNER
    if strategies is None:
        strategies = (
            [*planner_names(compiled.scenario), LUCK] if planners else strategy_names(compiled.scenario)
        )
    tasks = [
        Task(agency, strategy, seed + index, playouts)
        for agency in agencies
        for strategy in strategies
        for index in range(runs)
    ]
    results = play_tasks(compiled, source, tasks, jobs, progress, cluster)
    by_cell: dict[tuple[str, str], list[CampaignResult]] = {}
    for task, result in zip(tasks, results, strict=True):
        by_cell.setdefault((task.agency, task.strategy), []).append(result)
    roads = scenario_roads(compiled.scenario)
    if planners:
        roads = [f"{PLANNER}:{road}" for road in roads]
    skill = PLANNER if planners else SKILL
    return judge(compiled.scenario.id, seed, runs, agencies, list(strategies), by_cell, roads, skill)


def judge(
    scenario: str,
    seed: int,
    runs: int,
    agencies: list[str],
    strategies: list[str],
    by_cell: dict[tuple[str, str], list[CampaignResult]],
    roads: Sequence[str] | None = None,
    skill: str = SKILL,
) -> BalanceReport:
    """The report of played campaigns: statistics, then the balance findings.

    ``roads`` are the choices a player makes (default: every strategy but the yardsticks);
    ``skill`` is the strategy that must beat ``random`` (greedy, or the free planner).
    """
    if roads is None:
        roads = [s for s in strategies if s not in (LUCK, skill)]
    played_roads = [road for road in roads if road in strategies]
    rows = [summarise(scenario, a, s, by_cell[a, s]) for a in agencies for s in strategies]
    pooled = [summarise(scenario, "all", s, [r for a in agencies for r in by_cell[a, s]]) for s in strategies]
    best_for: dict[str, list[str]] = {s: [] for s in strategies}
    compared = played_roads or strategies
    for agency in agencies:
        mine = [row for row in rows if row.agency == agency and row.strategy in compared]
        best = max(mine, key=lambda row: (row.win_rate, row.mean_score))
        best_for[best.strategy].append(agency)
    top_share = _top_share(agencies, strategies, runs, by_cell)
    findings = _findings(strategies, played_roads, pooled, best_for, top_share, skill)
    return BalanceReport(
        scenario=scenario,
        seed=seed,
        runs=runs,
        roads=played_roads,
        rows=rows,
        pooled=pooled,
        best_for=best_for,
        top_share=top_share,
        findings=findings,
    )


def fair_share(strategies: Sequence[str]) -> float:
    """Half of an even split of the seeds between the strategies."""
    return 0.5 / len(strategies)


def _top_share(
    agencies: list[str],
    strategies: list[str],
    runs: int,
    by_cell: dict[tuple[str, str], list[CampaignResult]],
) -> dict[str, float]:
    """For each strategy, the share of (agency, seed) pairs where its score was the highest (ties share)."""
    tops: dict[str, float] = defaultdict(float)
    for agency in agencies:
        for index in range(runs):
            scores = {s: by_cell[agency, s][index].score for s in strategies}
            high = max(scores.values())
            winners = [s for s, score in scores.items() if score == high]
            for strategy in winners:
                tops[strategy] += 1 / len(winners)
    cells = len(agencies) * runs
    return {s: round(tops[s] / cells, 4) for s in strategies}


def _findings(
    strategies: list[str],
    roads: list[str],
    pooled: list[StrategyStats],
    best_for: dict[str, list[str]],
    top_share: dict[str, float],
    skill_name: str = SKILL,
) -> list[str]:
    findings = []
    by_name = {row.strategy: row for row in pooled}
    for row in pooled:
        if row.win_rate > MAX_WIN_RATE:
            findings.append(
                f"{row.strategy} dominates: it wins {row.win_rate:.0%} of all runs "
                f"(at most {MAX_WIN_RATE:.0%} allowed)"
            )
    share = fair_share(strategies)
    for road in roads:
        if not best_for[road] and top_share[road] < share:
            findings.append(
                f"{road} is never the best road: the best road for no agency and top scorer on "
                f"{top_share[road]:.0%} of seeds (a fair share is {share:.0%})"
            )
    if LUCK in by_name and skill_name in by_name:
        luck, skill = by_name[LUCK], by_name[skill_name]
        if skill.win_rate - luck.win_rate < SKILL_MARGIN or (
            skill.mean_score - skill.score_ci95 <= luck.mean_score + luck.score_ci95
        ):
            findings.append(
                f"luck beats choices: {skill_name} wins {skill.win_rate:.0%} (score {skill.mean_score:.1f}) "
                f"against {LUCK}'s {luck.win_rate:.0%} (score {luck.mean_score:.1f}); "
                f"it needs {SKILL_MARGIN:.0%} more and a clearly higher score"
            )
    return findings
