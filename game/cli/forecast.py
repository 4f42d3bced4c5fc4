"""`cislunar forecast SAVE [--runs N] [--seed S] [--json]`: where each road leads from a save's turn.

The outlook screen's figures (game/sim/forecast.py) for the state a save holds: each road
played forward ``--runs`` times by the scenario's reference strategies. The same save and
seed print the same figures as the screen shows for that campaign. The save is loaded as
``replay`` loads it (a damaged or foreign one is the same clear error) and never written.
"""

from __future__ import annotations

import argparse
import json

from game.cli.common import add_save_arguments, fail, load_save, seed_number
from game.printable import printable, printable_json
from game.saves import LoadedGame
from game.sim.forecast import (
    DEFAULT_RUNS,
    DEFAULT_SEED,
    MOST_RUNS,
    CampaignForecast,
    forecast,
    forecast_table,
)
from game.sim.parallel import default_jobs

LABEL = 30  # cells of a row's label in the text table
COLUMN = 10  # cells of a road's column


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "forecast", help="where each road leads from a save's turn, by playing it forward many times"
    )
    add_save_arguments(parser, "forecast")
    parser.add_argument(
        "--runs", type=_runs, default=DEFAULT_RUNS, help=f"playouts per road (default {DEFAULT_RUNS})"
    )
    parser.add_argument(
        "--seed", type=seed_number, default=DEFAULT_SEED, help=f"the playouts' seed (default {DEFAULT_SEED})"
    )
    parser.add_argument(
        "--jobs", type=int, default=default_jobs(), help="worker processes (default: one per core)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON document instead of a table")
    parser.set_defaults(run=run)


def _runs(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= MOST_RUNS:
        raise argparse.ArgumentTypeError(f"'{text[:30]}' is not a number of playouts from 1 to {MOST_RUNS}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        return fail("--jobs must be at least 1")
    loaded = load_save(args, "forecast")
    if isinstance(loaded, int):
        return loaded
    game = loaded.game
    figures = forecast(game, game.compiled, runs=args.runs, seed=args.seed, jobs=args.jobs)
    if args.json:
        document = {"save": str(loaded.path), **figures.to_json(), "warnings": loaded.warnings}
        print(printable_json(json.dumps(document, indent=2, ensure_ascii=False)))
    else:
        print(forecast_text(loaded, figures))
    return 0


def forecast_text(loaded: LoadedGame, figures: CampaignForecast) -> str:
    game = loaded.game
    over = " (the campaign is over: every road ends where it did)" if game.over else ""
    lines = [
        f"forecast of {loaded.path}: scenario {loaded.save.scenario.id}, agency {figures.agency}, "
        f"from {figures.date()} (turn {min(figures.turn + 1, game.turns_total)} of {game.turns_total}){over}",
        f"{figures.runs} playouts per road, seed {figures.seed}; a year is the first astronaut's, "
        "'—' where too few playouts got there",
    ]
    for row in forecast_table(figures):
        label = "  " + row.label if row.indent else row.label
        shown = label if len(label) < LABEL else label[: LABEL - 2] + "…"
        lines.append(
            f"{shown:<{LABEL}}" + "".join(f"{cell[: COLUMN - 1]:>{COLUMN}}" for cell in row.cells).rstrip()
        )
    # The labels quote the save's scenario (names): their controls are shown, not sent.
    return "\n".join(printable(line) for line in lines)
