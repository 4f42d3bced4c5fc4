"""Start-up to the first interactive frame: Cislunar against a bare Textual app, side by side.

Each run is a fresh process (the interpreter, the imports and the first frame are what a
player waits for). Cislunar runs as `cislunar` does, through its real entry point, with
CISLUNAR_EXIT_AFTER_FIRST_FRAME set: it runs headless and exits right after its first
screen has been drawn. The bare app does the same with one Label. The runs alternate, so
both sides see the same machine load, and the medians are compared.

    .venv/bin/python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from first_frame import BARE, GAME, ROOT

GOAL = 1.3

# The TUI's own start, without the command line's parser (see the note printed at the end).
TUI = (
    "import sys, argparse; from game.tui.launch import launch; "
    "sys.exit(launch(argparse.Namespace(scenario=None, agency=None, seed=1)))"
)


def cases(scenario: Path) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "bare Textual app": [python, "-c", BARE],
        "cislunar (title screen)": [python, "-c", GAME],
        "cislunar play --scenario --agency (dashboard)": [
            python,
            "-c",
            GAME,
            "play",
            "--scenario",
            str(scenario),
            "--agency",
            "esa",
            "--seed",
            "1",
        ],
        "game.tui.launch alone (title screen)": [python, "-c", TUI],
    }


def time_once(command: list[str]) -> float:
    env = {**os.environ, "CISLUNAR_EXIT_AFTER_FIRST_FRAME": "1"}
    env.pop("NO_COLOR", None)
    start = time.perf_counter()
    subprocess.run(
        command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="alternating runs of each case (default 11)")
    parser.add_argument("--scenario", type=Path, default=ROOT / "scenarios" / "default-2021.yaml")
    options = parser.parse_args()
    commands = cases(options.scenario)
    for command in commands.values():  # warm the file cache and the bytecode once
        time_once(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(options.runs):
        for name, command in commands.items():
            times[name].append(time_once(command))
    bare = statistics.median(times["bare Textual app"])
    print(f"start-up to the first frame, median of {options.runs} alternating runs")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<48} {median * 1000:7.0f} ms   x{median / bare:.2f}")
    for name, values in times.items():
        ratio = statistics.median(values) / bare
        if name != "bare Textual app":
            print(f"  {'within' if ratio <= GOAL else 'over'} the goal of x{GOAL}: {name}")
    print(
        "note: the title screen is the game's start (`cislunar` alone); the dashboard row also\n"
        "reads, validates and compiles the scenario before its first frame, and the last row is\n"
        "the TUI without the command line's parser."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
