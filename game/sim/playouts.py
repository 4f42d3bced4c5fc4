"""Playouts: the campaign played forward to its end from a state under way, many times over.

A playout copies a game state (the player's live game and its generator are never
touched), gives the copy a generator of its own, and lets a strategy play the player's
side to the end of the campaign, headless. What it keeps is a :class:`PlayoutResult`: the
outcome, the final score, the objectives met and when, and the months of the player's
first astronaut in lunar orbit and on the surface.

The outlook (game/sim/forecast.py) plays the scenario's reference strategies this way to
say where each road leads; a planning bot can play its candidate actions this way to
choose between them. For example, to compare two actions with the same dice::

    key = playout_key(game.state)
    for action in candidates:
        twin = game.clone()
        twin.act(action)
        results = playouts(twin.state, game.compiled, "gateway", seed, 20, key=key)
        value = sum(r.score for r in results) / len(results)

Everything is deterministic: playout ``index`` of ``playouts(state, ..., seed)`` plays on a
generator seeded from (``key``, ``seed``, ``index``), where ``key`` is the state's hash
unless given, so the same state and seed give the same results in every process, with any
number of ``jobs``; two strategies played from one state meet the same dice in the
playouts of the same index.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import NamedTuple

from game.bots import Strategy, make_strategy
from game.bots.playout import playout_seed, start_playout
from game.bots.roads import StayStrategy
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.scoring import scale_points
from game.engine.state import GameState
from game.sim.parallel import fewer_collections, forks

#: A strategy to play with: a name the scenario knows (a programme's road, ``alone``,
#: ``greedy``...), ``stay`` (:data:`STAY`), or a callable that takes a seed and returns a Strategy.
Road = str | Callable[[int], Strategy]

#: The strategy that stays the course: today's memberships and national missions, nothing new.
STAY = "stay"

#: Playouts per chunk sent to a worker process: small enough to keep both cores busy to the
#: end and a progress bar moving, large enough to hide the round trip (a playout is ~10 ms).
CHUNK = 8

Progress = Callable[[int, int], None]  # (playouts done, playouts in all)
Cancelled = Callable[[], bool]  # asked between playouts; True stops the work


class PlayoutsCancelled(Exception):
    """The caller's ``cancelled`` said stop before every playout was played."""


@dataclass(frozen=True, slots=True)
class PlayoutResult:
    """What one playout led to, from the player's side."""

    index: int  # its place among the playouts of one call
    outcome: str  # 'won', 'finished' or 'lost'
    score: float  # the final score
    end: int  # the month index the campaign ended at
    #: every objective met (as the score's breakdown counts it): (id, month reached), in the
    #: scenario's order; the month is None for one measured only at the end (a scale)
    objectives: tuple[tuple[str, int | None], ...]
    crew_orbit: int | None  # month of the player's first astronaut in lunar orbit; None: never
    crew_surface: int | None  # month of its first astronaut on the lunar surface; None: never

    @property
    def won(self) -> bool:
        return self.outcome == "won"

    def met(self, objective: str) -> bool:
        return any(oid == objective for oid, _ in self.objectives)


def playout_key(state: GameState) -> str:
    """The state's name the playouts' seeds derive from: its hash, generator included."""
    return state_hash(state)


def make_road(road: Road, seed: int, compiled: CompiledScenario) -> Strategy:
    """The strategy ``road`` names, seeded; UnknownStrategy for a name the scenario does not have."""
    if callable(road):
        return road(seed)
    if road == STAY:
        return StayStrategy(seed)
    return make_strategy(road, seed, compiled.scenario)


def playout(
    state: GameState | Game, compiled: CompiledScenario, road: Road, seed: int, index: int = 0
) -> PlayoutResult:
    """Play a copy of ``state`` to the campaign's end with ``road`` on a generator seeded by ``seed``.

    The strategy's own choices are seeded by ``seed`` too. ``state`` is left as it was.
    """
    game = start_playout(state, compiled, seed)
    copy = game.state
    strategy = make_road(road, seed, compiled)
    orbit, surface = _crew_months(copy)
    while not copy.over:
        month = copy.month  # a crew flies during the turn, before the calendar moves on
        strategy.play_turn(game)
        if orbit is None or surface is None:
            me = copy.agencies[copy.player]
            if orbit is None and me.crewed_orbit:
                orbit = month
            if surface is None and me.crewed_surface:
                surface = month
    return PlayoutResult(
        index, copy.outcome, game.score(), copy.month, _objectives_met(copy, compiled), orbit, surface
    )


def playouts(
    state: GameState | Game,
    compiled: CompiledScenario,
    road: Road,
    seed: int,
    runs: int,
    *,
    key: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[PlayoutResult]:
    """``runs`` playouts of ``road`` from ``state``, in index order (see :func:`play_roads`)."""
    return play_roads(
        state, compiled, [road], seed, runs, key=key, jobs=jobs, progress=progress, cancelled=cancelled
    )[0]


def play_roads(
    state: GameState | Game,
    compiled: CompiledScenario,
    roads: Sequence[Road],
    seed: int,
    runs: int,
    *,
    key: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[list[PlayoutResult]]:
    """``runs`` playouts of each road from ``state``: one list per road, each in index order.

    Playout ``i`` of every road plays on the seed ``playout_seed(key, seed, i)`` (``key``:
    the state's hash unless given). With ``jobs`` above 1 the playouts are shared among
    that many worker processes where processes fork (Linux; elsewhere they play here),
    with the same results. ``progress(done, total)`` is called as playouts finish;
    ``cancelled()`` is asked between them and stops the work with PlayoutsCancelled.
    Every road is checked first: UnknownStrategy for a name the scenario does not have.
    """
    start = state.state if isinstance(state, Game) else state
    for road in roads:
        make_road(road, 0, compiled)  # an unknown name fails here, not in a worker
    job = _Job(start, compiled, tuple(roads), key or playout_key(start), seed)
    chunks = [
        _Chunk(r, first, min(first + CHUNK, runs))
        for r in range(len(roads))
        for first in range(0, runs, CHUNK)
    ]
    total = len(roads) * max(0, runs)
    done: dict[_Chunk, list[PlayoutResult]] = {}
    if jobs <= 1 or not forks() or len(chunks) <= 1:
        _play_here(job, chunks, done, total, progress, cancelled)
    else:
        _play_in_pool(job, chunks, done, total, jobs, progress, cancelled)
    by_road: list[list[PlayoutResult]] = [[] for _ in roads]
    for chunk in chunks:  # in road and index order
        by_road[chunk.road].extend(done[chunk])
    return by_road


class _Job(NamedTuple):
    """What every playout of one call shares (handed to forked workers as it is, never pickled)."""

    state: GameState
    compiled: CompiledScenario
    roads: tuple[Road, ...]
    key: str
    seed: int

    def play(self, chunk: _Chunk) -> list[PlayoutResult]:
        road = self.roads[chunk.road]
        return [
            playout(self.state, self.compiled, road, playout_seed(self.key, self.seed, index), index)
            for index in range(chunk.first, chunk.stop)
        ]


class _Chunk(NamedTuple):
    road: int  # its index in the roads
    first: int
    stop: int


def _play_here(
    job: _Job,
    chunks: list[_Chunk],
    done: dict[_Chunk, list[PlayoutResult]],
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    played = 0
    with fewer_collections():
        for chunk in chunks:
            results = done[chunk] = []
            for index in range(chunk.first, chunk.stop):
                if cancelled is not None and cancelled():
                    raise PlayoutsCancelled
                results.extend(job.play(_Chunk(chunk.road, index, index + 1)))
                played += 1
                if progress is not None:
                    progress(played, total)


def _play_in_pool(
    job: _Job,
    chunks: list[_Chunk],
    done: dict[_Chunk, list[PlayoutResult]],
    total: int,
    jobs: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    played = 0
    # Forked workers receive the job through the initializer's arguments as they are (fork
    # copies the process): the compiled scenario's conditions never need to pickle.
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(chunks)),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_install,
        initargs=(job,),
    )
    try:
        futures: dict[Future[list[PlayoutResult]], _Chunk] = {
            pool.submit(_play_chunk, chunk): chunk for chunk in chunks
        }
        waiting = set(futures)
        while waiting:
            finished, waiting = wait(waiting, timeout=0.1, return_when=FIRST_COMPLETED)
            if cancelled is not None and cancelled():
                raise PlayoutsCancelled
            for future in finished:
                chunk = futures[future]
                done[chunk] = future.result()
                played += chunk.stop - chunk.first
                if progress is not None:
                    progress(played, total)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_worker_job: _Job | None = None


def _install(job: _Job) -> None:
    global _worker_job
    _worker_job = job


def _play_chunk(chunk: _Chunk) -> list[PlayoutResult]:
    if _worker_job is None:
        raise RuntimeError("no playouts to play in this worker")
    with fewer_collections():
        return _worker_job.play(chunk)


def _crew_months(state: GameState) -> tuple[int | None, int | None]:
    """When the player's first astronaut reached lunar orbit and the surface, if before ``state``.

    The state keeps the month of the first crewed flight; the first landing's month is taken
    from the named corps' flight records where there are any, else the state's month (by then).
    """
    me = state.agencies[state.player]
    orbit = me.first_crew_month if me.crewed_orbit else None
    if orbit is None and me.crewed_orbit:
        orbit = state.month
    surface = None
    if me.crewed_surface:
        corps = state.corps.get(state.player)
        landings = [
            flight.month
            for astronaut in (corps.astronauts if corps else [])
            for flight in astronaut.flights
            if flight.where == "surface"
        ]
        surface = min(landings, default=state.month)
    return orbit, surface


def _objectives_met(state: GameState, compiled: CompiledScenario) -> tuple[tuple[str, int | None], ...]:
    """Every objective met at the end, as the score's breakdown counts them, with the month reached."""
    met: list[tuple[str, int | None]] = []
    for objective in compiled.objectives:
        model = objective.model
        if objective.scale is not None:
            if scale_points(objective.scale, state, model.points)[1] >= model.points:
                met.append((model.id, None))
        elif model.id in state.achieved:
            met.append((model.id, state.achieved[model.id]))
    return tuple(met)
