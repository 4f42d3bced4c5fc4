"""The outlook's forecast from the default scenario's first turn: wall time on two cores against the goal.

The goal (issue 14) is "200 playouts from the first turn of the default scenario in under 2 s
of wall time on two cores of this machine". The forecast the outlook screen and ``cislunar
forecast`` compute is 40 playouts per road; the default scenario gives ESA five roads
(Gateway, ILRS, ISLS, alone, stay the course), so one forecast is the 200 playouts. It is
timed as ``cislunar forecast`` runs it (``forecast(..., jobs=2)``: forked worker processes,
chunks of playouts), ``--repeat`` times, with the median against the goal.

The machine is shared, so a wall time also measures the other jobs: the same 200 playouts
are timed in this process alone as well (CPU time, one core), and half of that is printed
as what two idle cores would take, beside the load average during the run.

    .venv/bin/python benchmarks/forecast.py [--runs 40] [--jobs 2] [--repeat 5] [--scenario PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from game.cli.common import load_compiled
from game.engine.game import Game
from game.sim.forecast import DEFAULT_RUNS, forecast, forecast_roads

GOAL_SECONDS = 2.0
GOAL_PLAYOUTS = 200
GOAL_JOBS = 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="playouts per road (as the outlook)")
    parser.add_argument("--jobs", type=int, default=GOAL_JOBS, help="worker processes")
    parser.add_argument("--repeat", type=int, default=5, help="forecasts timed; the median counts")
    parser.add_argument("--scenario", help="a scenario file (default: the default scenario)")
    parser.add_argument("--agency", help="default: the scenario's first playable agency")
    parser.add_argument("--seed", type=int, default=1, help="the campaign's seed")
    options = parser.parse_args()

    compiled = load_compiled(options.scenario)
    if compiled is None:
        return 1
    agency = options.agency or compiled.playable()[0]
    game = Game(compiled, agency, options.seed)  # the first turn, before anything is done
    roads = forecast_roads(game.state, compiled)
    playouts = options.runs * len(roads)
    forecast(game, compiled, runs=2, jobs=1)  # warm the caches once

    start_cpu = time.process_time()
    single = forecast(game, compiled, runs=options.runs, jobs=1)
    one_core = time.process_time() - start_cpu

    walls = []
    load_before = os.getloadavg()[0]
    for _ in range(max(1, options.repeat)):
        start = time.perf_counter()
        shared = forecast(game, compiled, runs=options.runs, jobs=options.jobs)
        walls.append(time.perf_counter() - start)
        if shared != single:
            print("the forecast differs between one process and several: a bug", file=sys.stderr)
            return 1
    load_after = os.getloadavg()[0]
    wall = statistics.median(walls)
    idle = one_core / options.jobs

    print(
        f"scenario {compiled.scenario.id}, agency {agency}, from {game.date} (turn 1); "
        f"{len(roads)} roads ({', '.join(roads)}) x {options.runs} = {playouts} playouts"
    )
    print(
        f"one core (CPU time): {one_core:.2f} s, {one_core / playouts * 1000:.1f} ms a playout; "
        f"half of it (two idle cores): {idle:.2f} s"
    )
    print(
        f"{options.jobs} worker processes (wall time, {len(walls)} runs): median {wall:.2f} s "
        f"({min(walls):.2f}..{max(walls):.2f} s); "
        f"load average {load_before:.1f} before, {load_after:.1f} after"
    )
    goal = GOAL_SECONDS * playouts / GOAL_PLAYOUTS
    print(
        f"goal: {GOAL_PLAYOUTS} playouts in under {GOAL_SECONDS:g} s on {GOAL_JOBS} cores"
        f"{f' (scaled: {goal:.2f} s for {playouts})' if playouts != GOAL_PLAYOUTS else ''}: "
        f"measured x{wall / goal:.2f} of the goal ({'within' if wall < goal else 'over'}); "
        f"two idle cores x{idle / goal:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
