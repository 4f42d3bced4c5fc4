"""`cislunar simulate` in one process against a process pool on every core, side by side in one run.

Each run is the real command in a fresh process (`python -m game simulate ...`, as a player
types it): interpreter start, scenario load, the pool's start-up and the campaigns are all
in the time, since all of them are what the user waits for. ``--jobs 1`` and ``--jobs N``
(N the cores this process may use) alternate, so both see the same machine load, and the
medians are compared: the speed-up, and the efficiency (speed-up / cores; 1.00 would be
perfect). The CPU time of each run (the command and its workers, user + system) is printed
too: the pool's extra CPU over one process is its overhead, and cores / that ratio is the
speed-up an idle machine would show; the load average says how idle this one was. The pool
must not change the figures, so the two ``--json`` documents are compared byte for byte.

    .venv/bin/python benchmarks/parallel.py [--runs 200] [--repeat 3] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRATEGIES = ("gateway", "alone")


def cores() -> int:
    """The cores this process may use (what `simulate --jobs` defaults to)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def simulate(runs: int, jobs: int) -> tuple[float, float, bytes]:
    """Wall and CPU seconds of one `simulate --json` in a fresh process, and the document it printed."""
    command = [sys.executable, "-m", "game", "simulate", "--runs", str(runs), "--json", "--jobs", str(jobs)]
    for strategy in STRATEGIES:
        command += ["--strategy", strategy]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        document = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)  # the workers' CPU is in it: the command waits for them
        wall = time.perf_counter() - start
        process.stdout.close()
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"simulate --jobs {jobs} failed:\n{errors.read().decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="campaigns per strategy (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs of each (default 3)")
    parser.add_argument("--jobs", type=int, default=cores(), help="the pool's size (default: every core)")
    options = parser.parse_args()
    help_text = subprocess.run(
        [sys.executable, "-m", "game", "simulate", "--help"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    if "--jobs" not in help_text:
        print("cislunar simulate has no --jobs option yet: nothing to measure")
        return 1

    times: dict[int, list[float]] = {1: [], options.jobs: []}
    cpu: dict[int, list[float]] = {1: [], options.jobs: []}
    outputs: dict[int, set[bytes]] = {1: set(), options.jobs: set()}
    load = os.getloadavg()[0]
    for _ in range(options.repeat):
        for jobs in times:
            seconds, used, document = simulate(options.runs, jobs)
            times[jobs].append(seconds)
            cpu[jobs].append(used)
            outputs[jobs].add(document)
    load = max(load, os.getloadavg()[0])
    one, pool = statistics.median(times[1]), statistics.median(times[options.jobs])
    speedup = one / pool
    campaigns = options.runs * len(STRATEGIES)
    strategies = " ".join(f"--strategy {name}" for name in STRATEGIES)
    print(
        f"cislunar simulate --runs {options.runs} {strategies} --json ({campaigns} campaigns), "
        f"median of {options.repeat} alternating runs, {cores()} cores here, load average up to {load:.1f}"
    )
    for jobs, values in times.items():
        spread = f"({min(values):.2f}..{max(values):.2f} s)"
        print(
            f"  --jobs {jobs:<3} {statistics.median(values):7.2f} s {spread:>18}   "
            f"{campaigns / statistics.median(values):6.1f} campaigns/s   "
            f"CPU {statistics.median(cpu[jobs]):6.2f} s"
        )
    print(f"  speed-up x{speedup:.2f} on {options.jobs} processes, efficiency {speedup / options.jobs:.2f}")
    overhead = statistics.median(cpu[options.jobs]) / statistics.median(cpu[1])
    print(
        f"  the pool uses x{overhead:.2f} the CPU of one process: on {options.jobs} idle cores the speed-up "
        f"would be at most x{options.jobs / overhead:.2f}"
    )
    every = outputs[1] | outputs[options.jobs]
    same = len(every) == 1
    print(
        f"  JSON documents: {'identical' if same else 'DIFFERENT'} "
        f"({len(every)} distinct among {2 * options.repeat} runs)"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
