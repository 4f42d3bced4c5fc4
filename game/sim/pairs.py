"""``planner:ROAD`` against its road's bot, agency by agency (``cislunar simulate --pairs``).

Issue 15 asks the planner on a road to beat the road's scripted bot for every agency where the
road is open. Both are played for the same agency on the same seeds; per pair (agency, road)
the report gives both win rates and mean scores and a verdict (docs/balance.md, "When a planner
beats its bot"):

- **better**: the planner wins more campaigns, or as many with a higher mean score;
- **tied**: the same outcome and score on every seed;
- **worse**: otherwise; **beyond noise** when the 95% interval of the paired differences
  (planner minus bot, seed by seed) of wins or of scores lies wholly below zero.

A road is **open** to an agency when its bot gets on it in at least one campaign of the sample:
is a member of the programme at the end of some turn (for ``alone``: has a national mission
under way or flown). On a road the bot never gets on, both play a road shut to the agency and
the scores differ by the dice of whatever else happens: such a pair is reported as **shut**, not
judged. The report flags every open pair where the planner does worse.
"""

from __future__ import annotations

import multiprocessing
import statistics
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel

from game.bots import make_strategy
from game.bots import roads as scenario_roads
from game.bots.planner import ALONE
from game.campaign import Campaign
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.state import GameState
from game.sim.parallel import fewer_collections, forks

#: The verdicts of a pair, and the one of a road the bot never got on.
BETTER, TIED, WORSE, SHUT = "better", "tied", "worse", "shut"
#: The normal quantile of the two-sided 95% interval of a mean of paired differences.
Z95 = 1.96
#: The planner's prefix: ``planner:ROAD`` plays within ROAD.
PLANNER_PREFIX = "planner:"


class PairTask(NamedTuple):
    """One campaign of a pair: ``strategy`` is the road's bot or ``planner:ROAD``."""

    agency: str
    road: str
    strategy: str
    seed: int
    playouts: int | None
    thorough: bool = False


class PairCampaign(BaseModel):
    """One campaign's outcome, score, and whether the player got on the road."""

    seed: int
    won: bool
    score: float
    on_road: bool


class PairVerdict(BaseModel):
    """One agency's road, its bot against its planner on the same seeds."""

    agency: str
    road: str
    seeds: list[int]
    bot_wins: int
    bot_mean: float
    planner_wins: int
    planner_mean: float
    open: bool  # the bot got on the road in at least one campaign
    verdict: str  # BETTER, TIED, WORSE or SHUT
    beyond_noise: bool  # WORSE, and the paired differences' 95% interval lies below zero
    lost: list[int]  # seeds the bot won and the planner did not
    won: list[int]  # seeds the planner won and the bot did not

    @property
    def flagged(self) -> bool:
        """An open road where the planner does worse than the bot."""
        return self.open and self.verdict == WORSE


class PairsReport(BaseModel):
    scenario: str
    seed: int
    runs: int
    playouts: int | None
    thorough: bool = False
    pairs: list[PairVerdict]

    def tally(self) -> dict[str, int]:
        """How many pairs got each verdict."""
        return {
            verdict: sum(pair.verdict == verdict for pair in self.pairs)
            for verdict in (BETTER, TIED, WORSE, SHUT)
        }

    @property
    def flagged(self) -> list[PairVerdict]:
        return [pair for pair in self.pairs if pair.flagged]


def on_road(state: GameState, road: str) -> bool:
    """Whether the player is on ``road`` now: a member of its programme, or (alone) a national
    mission under way or flown."""
    if road == ALONE:
        return any(m.build.status != "open" or m.successes or m.failures for m in state.missions.values())
    programme = state.programmes.get(road)
    return programme is not None and programme.is_member(state.player)


def play_pair_campaign(compiled: CompiledScenario, task: PairTask) -> PairCampaign:
    """One whole campaign of a pair, watching after every turn whether the player is on the road."""
    game = Game(compiled, task.agency, task.seed, records=False)
    strategy = make_strategy(task.strategy, task.seed, compiled.scenario, task.playouts, task.thorough)
    joined = False
    while not game.over:
        strategy.play_turn(game)
        joined = joined or on_road(game.state, task.road)
    return PairCampaign(seed=task.seed, won=game.state.outcome == "won", score=game.score(), on_road=joined)


def judge_pair(
    agency: str, road: str, bot: Sequence[PairCampaign], planner: Sequence[PairCampaign]
) -> PairVerdict:
    """The verdict of one pair from its campaigns, seed by seed in the same order."""
    seeds = [campaign.seed for campaign in bot]
    bot_wins, planner_wins = sum(c.won for c in bot), sum(c.won for c in planner)
    bot_mean, planner_mean = (
        statistics.fmean(c.score for c in bot),
        statistics.fmean(c.score for c in planner),
    )
    same = all(b.won == p.won and b.score == p.score for b, p in zip(bot, planner, strict=True))
    if same:
        verdict = TIED
    elif planner_wins > bot_wins or (planner_wins == bot_wins and planner_mean > bot_mean):
        verdict = BETTER
    else:
        verdict = WORSE
    open_road = any(c.on_road for c in bot)
    score_gaps = [p.score - b.score for b, p in zip(bot, planner, strict=True)]
    win_gaps = [float(p.won) - float(b.won) for b, p in zip(bot, planner, strict=True)]
    return PairVerdict(
        agency=agency,
        road=road,
        seeds=seeds,
        bot_wins=bot_wins,
        bot_mean=bot_mean,
        planner_wins=planner_wins,
        planner_mean=planner_mean,
        open=open_road,
        verdict=verdict if open_road else SHUT,
        beyond_noise=verdict == WORSE and (below_zero(score_gaps) or below_zero(win_gaps)),
        lost=[b.seed for b, p in zip(bot, planner, strict=True) if b.won and not p.won],
        won=[b.seed for b, p in zip(bot, planner, strict=True) if p.won and not b.won],
    )


def below_zero(gaps: Sequence[float]) -> bool:
    """Whether the 95% interval of the mean of paired differences lies wholly below zero."""
    if len(gaps) < 2:
        return False
    top = statistics.fmean(gaps) + Z95 * statistics.stdev(gaps) / len(gaps) ** 0.5
    return top < 0


def run_pairs(
    compiled: CompiledScenario,
    source: Path | None,
    seed: int,
    runs: int,
    playouts: int | None = None,
    jobs: int = 1,
    agencies: Sequence[str] = (),
    roads: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
    thorough: bool = False,
) -> PairsReport:
    """Every road of every playable agency (or of ``agencies``, only ``roads``), the road's bot
    and its planner (``thorough`` or not) on seeds ``seed`` .. ``seed + runs - 1``."""
    pairs = [
        (agency, road)
        for agency in agencies or compiled.playable()
        for road in roads or scenario_roads(compiled.scenario)
    ]
    seeds = range(seed, seed + runs)
    tasks = [
        PairTask(agency, road, strategy, number, playouts, thorough)
        for agency, road in pairs
        for strategy in (road, PLANNER_PREFIX + road)
        for number in seeds
    ]
    played = dict(zip(tasks, play_pair_tasks(compiled, source, tasks, jobs, progress), strict=True))

    def campaigns(agency: str, road: str, strategy: str) -> list[PairCampaign]:
        return [played[PairTask(agency, road, strategy, number, playouts, thorough)] for number in seeds]

    verdicts = [
        judge_pair(
            agency, road, campaigns(agency, road, road), campaigns(agency, road, PLANNER_PREFIX + road)
        )
        for agency, road in pairs
    ]
    return PairsReport(
        scenario=compiled.scenario.id,
        seed=seed,
        runs=runs,
        playouts=playouts,
        thorough=thorough,
        pairs=verdicts,
    )


_worker_scenario: CompiledScenario | None = None


def play_pair_tasks(
    compiled: CompiledScenario,
    source: Path | None,
    tasks: Sequence[PairTask],
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> list[PairCampaign]:
    """Every task's campaign, in task order; in ``jobs`` worker processes when more than one
    (forked with the compiled scenario, or each loading ``source``): the same results."""
    if jobs <= 1 or len(tasks) <= 1 or (source is None and not forks()):
        results = []
        with fewer_collections():
            for task in tasks:
                results.append(play_pair_campaign(compiled, task))
                if progress is not None:
                    progress(1)
        return results
    global _worker_scenario
    forking = forks()
    _worker_scenario = compiled if forking else None
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork") if forking else None,
        initializer=None if forking else _start_worker,
        initargs=() if forking else (str(source), compiled.difficulty),
    ) as pool:
        results = []
        for result in pool.map(_play_in_worker, tasks, chunksize=1):
            results.append(result)
            if progress is not None:
                progress(1)
        return results


def _start_worker(source: str, difficulty: str) -> None:
    global _worker_scenario
    _worker_scenario = Campaign.load(source).at(difficulty)


def _play_in_worker(task: PairTask) -> PairCampaign:
    if _worker_scenario is None:
        raise RuntimeError("the scenario did not load in this worker")
    with fewer_collections():
        return play_pair_campaign(_worker_scenario, task)
