"""Headless campaigns per second on the default scenario, against a reference loop timed in the same run.

The goal is "1,000 full campaigns in under 5 s on one core of a box where the reference loop
takes 1.45 s". The reference loop (``s = 0; for i in range(12_000_000): s += i*i`` at module
level, so it reads and writes globals as a script does) is timed between blocks of campaigns
(before the first, between each two, after the last), so both see the same machine load; the
projection onto the reference box is our time x 1.45 / the median reference time. Times are
this process's CPU time (both sides are single-threaded, so on an idle core it is the wall
time, and other jobs on a shared machine disturb it far less); the wall time of the 1,000
campaigns is printed beside it. A campaign is what ``cislunar simulate`` plays for each run:
``run_campaign`` on the scenario loaded and compiled once (as ``load_compiled`` does), seeds
1, 2, 3..., with the garbage collector tuned as ``simulate`` tunes it (``fewer_collections``).

    .venv/bin/python benchmarks/campaigns.py [--campaigns 1000] [--strategy gateway] [--all]
                                             [--scenario PATH] [--against CHECKOUT] [--against-pure]

``--scenario`` plays another scenario file (e.g. tests/scenarios/all_features.yaml, the one that
uses every feature of the language) on the same terms; the goal is stated for the default one.
``--against CHECKOUT`` measures another checkout of the game beside this one (e.g. a worktree
of the commit before issue 13's systems): its campaigns play in a process of its own with its
code and its own default scenario (or ``--scenario`` read there), block by block alternating with
ours, on the same seeds, and its campaigns per second are printed beside ours with the ratio.
``--against-pure`` measures this checkout's engine run from its Python sources (``CISLUNAR_PURE=1``)
beside it: the gain of the compiled engine (``make compiled``). The report says which engine ran.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from game.bots import strategy_names
from game.cli.common import load_compiled
from game.engine.compiled import CompiledScenario
from game.sim.parallel import fewer_collections
from game.sim.runner import run_campaign

GOAL_SECONDS = 5.0  # for 1,000 campaigns on the reference box
GOAL_CAMPAIGNS = 1000
REFERENCE_BOX = 1.45  # seconds the reference loop takes on the box the goal is stated for

REFERENCE_LOOP = "s = 0\nfor i in range(12_000_000):\n    s += i*i\n"


def reference_loop() -> float:
    """CPU seconds for the reference loop, run at module level (globals, as a script runs it)."""
    code = compile(REFERENCE_LOOP, "<reference>", "exec")
    start = time.process_time()
    exec(code, {})
    return time.process_time() - start


def campaigns(
    compiled: CompiledScenario, agency: str, strategy: str, count: int, seed: int
) -> tuple[float, float]:
    """CPU and wall seconds to play ``count`` whole campaigns, as ``simulate`` plays them."""
    start, wall = time.process_time(), time.perf_counter()
    with fewer_collections():  # as simulate plays them
        for index in range(count):
            run_campaign(compiled, agency, strategy, seed + index)
    return time.process_time() - start, time.perf_counter() - wall


def engine_path() -> str:
    """Which engine plays in this process: 'compiled' or 'pure (...)'. Imported here, not at the top:
    ``--against``'s worker runs this script on another checkout's code, which may be older than the
    compiled engine and have only its sources."""
    try:
        from game.engine import native
    except ImportError:
        return "pure (a checkout from before the compiled engine)"
    return native.PATH


def elsewhere(
    checkout: Path, options: argparse.Namespace, strategy: str, count: int, seed: int
) -> tuple[float, str]:
    """CPU seconds of ``count`` campaigns played by the code of another checkout (or this one's
    sources with ``--against-pure``) in a process of its own, and which engine played them."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--strategy", strategy]
    command += ["--campaigns", str(count), "--seed", str(seed)]
    for name in ("agency", "scenario"):
        if getattr(options, name):
            command += [f"--{name}", getattr(options, name)]
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    if options.against_pure:
        from game.engine.native import PURE_VARIABLE

        environment[PURE_VARIABLE] = "1"
    done = subprocess.run(command, cwd=checkout, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise SystemExit(
            f"campaigns.py: --against {checkout}: its campaigns could not be played "
            f"({said[-1] if said else f'exit status {done.returncode}'})"
        )
    answer = json.loads(done.stdout.splitlines()[-1])
    return answer["cpu"], answer.get("path", "?")


def worker(options: argparse.Namespace) -> int:
    """``--against``'s other side: play the campaigns asked for and print their CPU time as JSON."""
    compiled = load_compiled(options.scenario)
    if compiled is None:
        return 1
    agency = options.agency or compiled.playable()[0]
    campaigns(compiled, agency, options.strategy, 5, options.seed)  # warm the caches, as ours
    cpu, wall = campaigns(compiled, agency, options.strategy, options.campaigns, options.seed)
    print(json.dumps({"cpu": cpu, "wall": wall, "path": engine_path()}))
    return 0


def checkout_name(checkout: Path) -> str:
    """The commit a checkout is at, for the report ('' when git cannot say)."""
    done = subprocess.run(
        ["git", "-C", str(checkout), "log", "-1", "--format=%h %ad", "--date=short"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=GOAL_CAMPAIGNS, help="campaigns per strategy")
    parser.add_argument("--strategy", default="gateway", help="one of the default scenario's strategies")
    parser.add_argument("--all", action="store_true", help="a line for every strategy, not only --strategy")
    parser.add_argument("--agency", help="default: the scenario's first playable agency, as simulate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", help="a scenario file or id (default: the default scenario)")
    parser.add_argument("--blocks", type=int, default=4, help="blocks of campaigns between reference loops")
    parser.add_argument("--against", type=Path, help="another checkout to measure beside this one")
    parser.add_argument(
        "--against-pure", action="store_true", help="this checkout's engine from its Python sources beside it"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        return worker(options)
    if options.against_pure:
        if options.against is not None:
            parser.error("--against-pure compares with this checkout: no --against with it")
        options.against = Path(__file__).resolve().parent.parent
    if options.against is not None and not (options.against / "game").is_dir():
        parser.error(f"--against {options.against}: not a checkout of the game (no game/ folder there)")

    start = time.perf_counter()
    compiled = load_compiled(options.scenario)
    loading = time.perf_counter() - start
    if compiled is None:
        return 1
    agency = options.agency or compiled.playable()[0]
    names = strategy_names(compiled.scenario)
    if options.strategy not in names:
        parser.error(f"unknown strategy '{options.strategy}'; choose from {', '.join(names)}")
    strategies = names if options.all else [options.strategy]
    n = options.campaigns

    campaigns(compiled, agency, strategies[0], 5, options.seed)  # warm the caches once
    references = [reference_loop()]
    played = dict.fromkeys(strategies, 0.0)
    walls = dict.fromkeys(strategies, 0.0)
    theirs = dict.fromkeys(strategies, 0.0)
    their_path = ""
    blocks = max(1, min(options.blocks, n))
    for name in strategies:
        for block in range(blocks):
            first, last = n * block // blocks, n * (block + 1) // blocks
            cpu, wall = campaigns(compiled, agency, name, last - first, options.seed + first)
            played[name] += cpu
            walls[name] += wall
            if options.against is not None:
                cpu, their_path = elsewhere(
                    options.against, options, name, last - first, seed=options.seed + first
                )
                theirs[name] += cpu
            references.append(reference_loop())
    reference = statistics.median(references)

    print(
        f"scenario {compiled.scenario.id}, agency {agency}, seeds {options.seed}..{options.seed + n - 1}; "
        f"load + compile once {loading * 1000:.0f} ms (not counted); engine: {engine_path()}"
    )
    print(
        f"reference loop at module level: median {reference:.2f} s CPU of {len(references)} runs "
        f"({min(references):.2f}..{max(references):.2f} s); the reference box: {REFERENCE_BOX:.2f} s"
    )
    print(
        f"{'strategy':<10} {'campaigns/s':>12} {'1,000 campaigns':>16} {'(wall)':>9} {'on the ref. box':>16}"
        f"   goal: 1,000 in < {GOAL_SECONDS:g} s there"
    )
    for name, seconds in played.items():
        thousand = seconds / n * GOAL_CAMPAIGNS
        projected = thousand * REFERENCE_BOX / reference
        verdict = "within" if projected < GOAL_SECONDS else "over"
        print(
            f"{name:<10} {n / seconds:12.1f} {thousand:14.2f} s {walls[name] / n * GOAL_CAMPAIGNS:7.2f} s "
            f"{projected:14.2f} s   {verdict} (x{projected / GOAL_SECONDS:.2f} of the goal)"
        )
        if options.against is not None:
            before = theirs[name]
            print(
                f"{'  against':<10} {n / before:12.1f} {before / n * GOAL_CAMPAIGNS:14.2f} s {'':>9} "
                f"{before / n * GOAL_CAMPAIGNS * REFERENCE_BOX / reference:14.2f} s   "
                f"{options.against} ({checkout_name(options.against)}, engine: {their_path}); "
                f"this one takes x{seconds / before:.2f} its time"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
