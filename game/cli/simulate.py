"""`cislunar simulate`: bots play whole campaigns headless; per-strategy outcome statistics."""

from __future__ import annotations

import argparse
import sys

from game.bots import STRATEGIES
from game.cli.common import fail, load_compiled, resolve_scenario
from game.engine.compiled import CompiledScenario
from game.sim.runner import SimulationReport, play_campaign, simulate

PROGRESS_FROM = 50  # campaigns: a progress bar on runs at least this long, on a terminal


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("simulate", help="play campaigns with bots and report outcomes")
    parser.add_argument("--scenario", help="scenario file (default: the shipped default scenario)")
    parser.add_argument("--agency", help="agency id (default: the scenario's first playable agency)")
    parser.add_argument(
        "--strategy",
        action="append",
        choices=list(STRATEGIES),
        help="strategy to play (repeatable; default: all of them)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the first run (default 1)")
    parser.add_argument("--runs", type=int, default=100, help="campaigns per strategy (default 100)")
    parser.add_argument("--json", action="store_true", help="print a JSON document instead of a table")
    parser.add_argument(
        "--save", metavar="PATH", help="write the save of the campaign (needs --runs 1, one strategy)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    compiled = load_compiled(args.scenario)
    if compiled is None:
        return 1
    agency = args.agency or compiled.playable()[0]
    if agency not in compiled.playable():
        return fail(f"'{agency}' is not a playable agency; choose from {', '.join(compiled.playable())}")
    if args.runs < 1:
        return fail("--runs must be at least 1")
    strategies = args.strategy or list(STRATEGIES)
    if args.save and (args.runs != 1 or len(strategies) != 1):
        return fail("--save writes one campaign: give --runs 1 and exactly one --strategy")
    total = args.runs * len(strategies)
    if total >= PROGRESS_FROM and sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("campaigns", total=total)
            report = simulate(
                compiled, agency, strategies, args.seed, args.runs, progress=lambda n: bar.advance(task, n)
            )
    else:
        report = simulate(compiled, agency, strategies, args.seed, args.runs)
    print(report.model_dump_json(indent=2) if args.json else format_table(report))
    if args.save:
        return save_campaign(args, compiled, agency, strategies[0])
    return 0


def save_campaign(args: argparse.Namespace, compiled: CompiledScenario, agency: str, strategy: str) -> int:
    """Play the run's campaign again (it is deterministic) and write its save."""
    from game.saves import SaveError, save_game

    game = play_campaign(compiled, agency, strategy, args.seed)
    try:
        path = save_game(game, resolve_scenario(args.scenario), args.save)
    except SaveError as error:
        return fail(str(error), 1)
    print(f"saved {path}", file=sys.stderr)
    return 0


def format_table(report: SimulationReport) -> str:
    last = report.seed + report.runs - 1
    lines = [
        f"scenario {report.scenario}, agency {report.agency}, seeds {report.seed}..{last}",
        f"{'strategy':<10} {'runs':>5} {'wins':>5} {'win rate':>9} {'mean score':>11} {'±95%':>6} "
        f"{'crewed':>7} {'1st crew':>9}",
    ]
    for row in report.strategies:
        crew = f"{row.mean_first_crew_year:.1f}" if row.mean_first_crew_year is not None else "-"
        lines.append(
            f"{row.strategy:<10} {row.runs:>5} {row.wins:>5} {row.win_rate:>9.1%} {row.mean_score:>11.1f} "
            f"{row.score_ci95:>6.1f} {row.crewed_runs:>7} {crew:>9}"
        )
    return "\n".join(lines)
