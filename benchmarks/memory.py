"""Peak memory of the TUI against a bare Textual app doing the same, side by side in one run.

Each case is a fresh process; its peak resident set (the kernel's ``ru_maxrss`` for that
child, read with ``os.wait4``) is what a player's machine has to hold. Two pairs:

- the first frame: Cislunar started as `cislunar` is, through its real entry point, with
  CISLUNAR_EXIT_AFTER_FIRST_FRAME set (headless, exits once its first screen is drawn; see
  benchmarks/startup.py), on the title screen and on the dashboard (`play --agency esa`);
  the bare app is one Label doing the same;
- a short game: the dashboard on the default scenario driven by key presses under
  ``App.run_test()`` (as tests/tui drives it), 8 turns ended with `e`, every event answered
  with `1`; the bare app is one Label given the same 8 key presses under ``run_test()``.

The interpreter alone is printed as the floor. Goal: the TUI at most 60 MiB. ``--trace``
runs the short game once more under tracemalloc and prints where Python memory goes, by
package, and the resident cost of importing each big dependency in a fresh interpreter.

    .venv/bin/python benchmarks/memory.py [--runs 3] [--turns 8] [--trace]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

from first_frame import BARE, GAME, ROOT

GOAL_MIB = 60.0
TURNS = 8


def bare_driven(turns: int) -> str:
    """The bare app given ``turns`` key presses under run_test()."""
    return f"""
import asyncio
from textual.app import App, ComposeResult
from textual.widgets import Label

class Bare(App):
    BINDINGS = [("e", "end_turn", "End turn")]

    def compose(self) -> ComposeResult:
        yield Label("turn 0")

    def action_end_turn(self) -> None:
        self.turn = getattr(self, "turn", 0) + 1
        self.query_one(Label).update(f"turn {{self.turn}}")

async def main() -> None:
    async with Bare().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range({turns}):
            await pilot.press("e")
            await pilot.pause()

asyncio.run(main())
"""


def game_driven(turns: int) -> str:
    """The dashboard as `cislunar play --agency esa` opens it (``load_game``), saving off, then played."""
    return f"""
import asyncio, sys
from game.paths import default_scenario
from game.tui.app import CislunarApp
from game.tui.launch import load_game
from game.tui.screens.event import EventScreen

async def main() -> None:
    scenario = str(default_scenario())
    game = load_game(scenario, "esa", 1)
    app = CislunarApp(game=game, seed=1, scenario=scenario, saves_folder=None, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range({turns}):
            while isinstance(app.screen, EventScreen):
                await pilot.press("1")
                await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
    assert game.state.turn == {turns}, game.state.turn

asyncio.run(main())
"""


TRACE = """
import collections, re, runpy, sys, tracemalloc
tracemalloc.start()
exec(compile(sys.argv[1], "<short game>", "exec"), {"__name__": "__main__"})
now, peak = tracemalloc.get_traced_memory()
by_package = collections.Counter()
for stat in tracemalloc.take_snapshot().statistics("filename"):
    name = stat.traceback[0].filename
    found = re.search(r"site-packages/([^/]+)", name) or re.search(r"/(game/[^/]+)", name)
    if found:
        by_package[found.group(1)] += stat.size
    elif "importlib" in name:
        by_package["(code of imported modules)"] += stat.size
    else:
        by_package["(standard library, other)"] += stat.size
print(f"Python allocations (tracemalloc): {now / 2**20:.1f} MiB at the end, {peak / 2**20:.1f} MiB at peak")
for package, size in by_package.most_common(10):
    print(f"  {size / 2**20:6.1f} MiB  {package}")
"""

IMPORTS = {
    "the interpreter alone": "pass",
    "textual (App, widgets)": "import textual.app, textual.widgets",
    "pydantic + the scenario models": "import game.format.models",
    "the file format (models, PyYAML, checks, lint)": "import game.format.loader",
    "the engine": "import game.engine.game",
    "the TUI app (title path)": "import game.tui.app",
    "TUI + file format + engine": "import game.tui.app, game.format.loader, game.engine.game",
}


def peak_mib(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of a fresh process running ``command``, in MiB."""
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command[:3])}... failed:\n{error[-2000:]}")
    return usage.ru_maxrss / 1024  # KiB on Linux


def cases(turns: int) -> dict[str, tuple[list[str], str | None]]:
    """Each case's command line, and the bare case it is compared with (None for a bare case)."""
    python = sys.executable
    return {
        "the interpreter alone (python -c pass)": ([python, "-c", "pass"], None),
        "bare Textual app, first frame": ([python, "-c", BARE], None),
        "cislunar (title screen), first frame": ([python, "-c", GAME], "bare Textual app, first frame"),
        "cislunar play --agency esa (dashboard), first frame": (
            [python, "-c", GAME, "play", "--agency", "esa", "--seed", "1"],
            "bare Textual app, first frame",
        ),
        f"bare Textual app, run_test + {turns} keys": ([python, "-c", bare_driven(turns)], None),
        f"cislunar dashboard, run_test + {turns} turns": (
            [python, "-c", game_driven(turns)],
            f"bare Textual app, run_test + {turns} keys",
        ),
    }


def trace(env: dict[str, str], turns: int) -> None:
    """Where the short game's memory goes: Python allocations by package, then imports' RSS."""
    print()
    subprocess.run([sys.executable, "-c", TRACE, game_driven(turns)], cwd=ROOT, env=env, check=True)
    print("resident memory after importing, each in a fresh interpreter:")
    for name, statement in IMPORTS.items():
        mib = peak_mib([sys.executable, "-c", statement], env)
        print(f"  {mib:6.1f} MiB  {name}  ({statement})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="alternating runs of each case (default 3)")
    parser.add_argument("--trace", action="store_true", help="also show where the memory goes")
    parser.add_argument("--turns", type=int, default=TURNS, help=f"turns of the short game (default {TURNS})")
    options = parser.parse_args()
    env = {**os.environ, "CISLUNAR_EXIT_AFTER_FIRST_FRAME": "1"}
    env.pop("NO_COLOR", None)
    commands = cases(options.turns)
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(options.runs):
        for name, (command, _) in commands.items():
            peaks[name].append(peak_mib(command, env))
    median = {name: statistics.median(values) for name, values in peaks.items()}
    print(f"peak resident memory (max RSS) of a fresh process, median of {options.runs} alternating runs")
    for name, (_, bare) in commands.items():
        versus = f"x{median[name] / median[bare]:.2f} the bare app" if bare else ""
        spread = f"({min(peaks[name]):.1f}..{max(peaks[name]):.1f})"
        print(f"  {name:<52} {median[name]:6.1f} MiB {spread:>14}  {versus}")
    for name, (_, bare) in commands.items():
        if bare:
            verdict = "within" if median[name] <= GOAL_MIB else "over"
            print(f"  {verdict} the goal of {GOAL_MIB:g} MiB: {name} ({median[name]:.1f} MiB)")
    if options.trace:
        trace(env, options.turns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
