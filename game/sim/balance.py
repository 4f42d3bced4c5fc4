"""The balance report: every strategy for every playable agency, and what would make it unfair.

A scenario is balanced when every playable agency has a real choice of road and skill beats
luck (docs/balance.md, "The rules"):

- every playable agency has at least two *viable* roads (each wins at least 25% of its
  campaigns), and wins at least 30% on its best road;
- no road wins more than 60% of all campaigns pooled over the agencies, and no road is the
  best road of every agency;
- the skill yardstick (``greedy``, or the free ``planner`` when the planners judge) wins at
  least 40 points more of the pooled campaigns than ``random``;
- for every agency, the choice matters more than the dice: the spread (standard deviation)
  of the mean scores of its roads is larger than the spread of its scores between seeds on
  its best road.

"Best road" compares the scenario's roads (one per programme that takes partners, and going
alone) with one another, not with the yardsticks: the choice a player makes is between the
roads; greedy, the free planner and random are the yardsticks of skill and luck. The checks
are data about a report (each finding names its rule and what it is about), so the CLI
prints them and a test asserts them.
"""

from __future__ import annotations

import statistics
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

#: A road is viable for an agency when it wins at least this share of the agency's campaigns on it.
VIABLE_WIN_RATE = 0.25
#: Viable roads every playable agency needs.
MIN_VIABLE_ROADS = 2
#: What every playable agency must win on its best road.
MIN_BEST_WIN_RATE = 0.30
#: No road may win more than this share of all its campaigns, pooled over the agencies.
MAX_WIN_RATE = 0.60
#: The luck baseline and the skill it must lose to, by at least this many win-rate points, pooled.
LUCK, SKILL, SKILL_MARGIN = "random", "greedy", 0.40
#: Who judges the roads: the scripted road bots (``roads``) or the skilled players (``planner``).
JUDGES = ("roads", "planner")
#: The skill yardstick when the planners judge: the free planner.
PLANNER = "planner"
#: The rules a finding can break, by the name a finding carries (``Finding.rule``).
RULES = {
    "few-roads": f"fewer than {MIN_VIABLE_ROADS} roads win {VIABLE_WIN_RATE:.0%} of an agency's campaigns",
    "cannot-win": f"an agency wins less than {MIN_BEST_WIN_RATE:.0%} on its best road",
    "dominant-road": f"a road wins more than {MAX_WIN_RATE:.0%} of all campaigns pooled",
    "best-everywhere": "a road is the best road of every agency",
    "luck": f"the skill yardstick wins less than {SKILL_MARGIN:.0%} points more than {LUCK} pooled",
    "dice": "an agency's roads differ less than the seeds of its best road",
}


class Finding(BaseModel):
    """One broken rule: which (a key of ``RULES``), what it is about (an agency, a road or a
    strategy), and the sentence the report prints."""

    rule: str
    subject: str
    message: str


class AgencyVerdict(BaseModel):
    """One agency's choice of road: the viable roads, the best, the spreads, in one line."""

    agency: str
    viable: list[str]  # the roads winning at least VIABLE_WIN_RATE, best first
    best: str  # its best road (highest win rate, then mean score)
    best_win_rate: float
    road_spread: float  # standard deviation of the roads' mean scores
    seed_spread: float  # standard deviation of the scores between seeds on the best road
    verdict: str  # one line: "a real choice: ..." or what is missing


class BalanceReport(BaseModel):
    """Rows per agency and strategy, the same pooled over agencies, and what is out of balance."""

    scenario: str
    seed: int
    runs: int
    roads: list[str]  # the scenario's roads: the choices the rules judge
    rows: list[StrategyStats]
    pooled: list[StrategyStats]
    best_for: dict[str, list[str]]  # road -> agencies it is the best road for
    top_share: dict[str, float]  # strategy -> share of (agency, seed) where it scored highest
    verdicts: list[AgencyVerdict]  # one per agency, in the report's order
    findings: list[Finding]  # empty when balanced

    @property
    def balanced(self) -> bool:
        return not self.findings

    def flagged(self) -> list[tuple[str, str]]:
        """Every finding as (rule, subject): what a test lists as known."""
        return [(finding.rule, finding.subject) for finding in self.findings]


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
    thorough: bool = False,
) -> BalanceReport:
    """Play ``runs`` seeds of every strategy (default: all the scenario's) for every playable agency.

    On ``jobs`` local processes, or on the Dask cluster at ``cluster``: the same report.
    ``judge_by="planner"`` plays the skilled players instead (default: ``planner:ROAD`` for
    every road, the free ``planner`` and ``random``), with ``playouts`` per decision, ``thorough`` or not.
    """
    agencies = compiled.playable()
    planners = judge_by == PLANNER
    if strategies is None:
        strategies = (
            [*planner_names(compiled.scenario), LUCK] if planners else strategy_names(compiled.scenario)
        )
    tasks = [
        Task(agency, strategy, seed + index, playouts, thorough)
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
    """The report of played campaigns: statistics, each agency's verdict, then the findings.

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
    verdicts = []
    for agency in agencies:
        mine = [row for row in rows if row.agency == agency and row.strategy in compared]
        verdict = agency_verdict(agency, mine, [r.score for r in by_cell[agency, best_road(mine).strategy]])
        best_for[verdict.best].append(agency)
        verdicts.append(verdict)
    top_share = _top_share(agencies, strategies, runs, by_cell)
    findings = [finding for verdict in verdicts for finding in agency_findings(verdict)]
    findings += pooled_findings(played_roads, pooled, best_for, len(agencies), skill)
    return BalanceReport(
        scenario=scenario,
        seed=seed,
        runs=runs,
        roads=played_roads,
        rows=rows,
        pooled=pooled,
        best_for=best_for,
        top_share=top_share,
        verdicts=verdicts,
        findings=findings,
    )


def best_road(rows: Sequence[StrategyStats]) -> StrategyStats:
    """The road with the highest win rate, then the highest mean score (the first of equals)."""
    return max(rows, key=lambda row: (row.win_rate, row.mean_score))


def spread(values: Sequence[float]) -> float:
    """The standard deviation of ``values`` (0 for fewer than two)."""
    return statistics.stdev(values) if len(values) > 1 else 0.0


def agency_verdict(
    agency: str, roads: Sequence[StrategyStats], best_scores: Sequence[float]
) -> AgencyVerdict:
    """One agency's choice judged from its roads' rows and the scores of its best road's seeds."""
    best = best_road(roads)
    viable = [
        row.strategy
        for row in sorted(roads, key=lambda row: (-row.win_rate, -row.mean_score))
        if row.win_rate >= VIABLE_WIN_RATE
    ]
    road_spread = round(spread([row.mean_score for row in roads]), 2)
    seed_spread = round(spread(best_scores), 2)
    rates = {row.strategy: row.win_rate for row in roads}
    named = ", ".join(f"{road} {rates[road]:.0%}" for road in viable) or "none"
    missing = []
    if len(viable) < MIN_VIABLE_ROADS:
        missing.append(f"too few ({MIN_VIABLE_ROADS} needed)")
    if best.win_rate < MIN_BEST_WIN_RATE:
        missing.append(f"cannot win (best {best.strategy} {best.win_rate:.0%})")
    if road_spread <= seed_spread:
        missing.append(f"the dice matter more (roads {road_spread:.1f} <= seeds {seed_spread:.1f})")
    if missing:
        line = f"viable roads: {named}: {'; '.join(missing)}"
    else:
        line = f"viable roads: {named}: a real choice (roads {road_spread:.1f} > seeds {seed_spread:.1f})"
    return AgencyVerdict(
        agency=agency,
        viable=viable,
        best=best.strategy,
        best_win_rate=best.win_rate,
        road_spread=road_spread,
        seed_spread=seed_spread,
        verdict=line,
    )


def agency_findings(verdict: AgencyVerdict) -> list[Finding]:
    """What one agency's verdict breaks: too few viable roads, no road to win by, dice over choices."""
    agency, found = verdict.agency, []
    if len(verdict.viable) < MIN_VIABLE_ROADS:
        roads = ", ".join(verdict.viable) or "none"
        found.append(
            Finding(
                rule="few-roads",
                subject=agency,
                message=f"{agency} has {len(verdict.viable)} viable road{'s' * (len(verdict.viable) != 1)} "
                f"({roads}): at least {MIN_VIABLE_ROADS} must win {VIABLE_WIN_RATE:.0%} of its campaigns",
            )
        )
    if verdict.best_win_rate < MIN_BEST_WIN_RATE:
        found.append(
            Finding(
                rule="cannot-win",
                subject=agency,
                message=f"{agency} cannot win: its best road, {verdict.best}, "
                f"wins {verdict.best_win_rate:.0%} (at least {MIN_BEST_WIN_RATE:.0%} needed)",
            )
        )
    if verdict.road_spread <= verdict.seed_spread:
        found.append(
            Finding(
                rule="dice",
                subject=agency,
                message=f"the dice matter more than {agency}'s choice: its roads' mean scores spread "
                f"{verdict.road_spread:.1f}, the seeds of its best road {verdict.seed_spread:.1f}",
            )
        )
    return found


def pooled_findings(
    roads: list[str],
    pooled: list[StrategyStats],
    best_for: dict[str, list[str]],
    agencies: int,
    skill_name: str = SKILL,
) -> list[Finding]:
    """What the pooled figures break: a dominant road, a road best everywhere, luck near skill."""
    found = []
    by_name = {row.strategy: row for row in pooled}
    for road in roads:
        row = by_name[road]
        if row.win_rate > MAX_WIN_RATE:
            found.append(
                Finding(
                    rule="dominant-road",
                    subject=road,
                    message=f"{road} dominates: it wins {row.win_rate:.0%} of all runs "
                    f"(at most {MAX_WIN_RATE:.0%} allowed)",
                )
            )
        if agencies > 1 and len(best_for[road]) == agencies:
            found.append(
                Finding(
                    rule="best-everywhere",
                    subject=road,
                    message=f"{road} is the best road of every agency: no other road is ever the one to take",
                )
            )
    if LUCK in by_name and skill_name in by_name:
        luck, skill = by_name[LUCK], by_name[skill_name]
        if skill.win_rate - luck.win_rate < SKILL_MARGIN:
            found.append(
                Finding(
                    rule="luck",
                    subject=skill_name,
                    message=f"luck beats choices: {skill_name} wins {skill.win_rate:.0%} against "
                    f"{LUCK}'s {luck.win_rate:.0%}, {SKILL_MARGIN:.0%} points more needed",
                )
            )
    return found


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
