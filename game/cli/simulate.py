"""`cislunar simulate`: bots play whole campaigns headless; per-strategy outcome statistics."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from game.bots import planner_names, strategy_names, valid_names
from game.bots.planner import DEFAULT_PLAYOUTS
from game.campaign import SEED_RANGE, Campaign, seed_refusal
from game.cli.common import fail, load_campaign, seed_number
from game.cli.pairs import run_pairs_report
from game.engine.compiled import CompiledScenario
from game.format.models import DEFAULT_DIFFICULTY
from game.sim.balance import JUDGES, LUCK, PLANNER, BalanceReport, run_balance
from game.sim.cluster import ClusterError
from game.sim.parallel import default_jobs
from game.sim.runner import play_campaign
from game.sim.stats import SimulationReport, StrategyStats, simulate

PROGRESS_FROM = 50  # campaigns: a progress bar on runs at least this long, on a terminal


#: Completed, when the help is shown (not on every run), with the installed strategies' names.
STRATEGIES_HELP = (
    "strategies: one road per programme of the scenario that takes partners (named by its id), "
    "alone (national missions), random and greedy; the skilled players planner:ROAD (within a "
    "road) and planner (free to choose), played when named or with --judge planner"
)


class _HelpWithInstalled(argparse.HelpFormatter):
    """Lists the strategies other packages installed, looking them up only when help is shown."""

    def add_text(self, text: str | None) -> None:
        if text is STRATEGIES_HELP:
            from game.bots.strategies import ENTRY_POINT_GROUP, installed

            names = ", ".join(installed()) or "none"
            text = f"{text}; installed ({ENTRY_POINT_GROUP} entry points): {names}"
        super().add_text(text)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "simulate",
        help="play campaigns with bots and report outcomes",
        epilog=STRATEGIES_HELP,
        formatter_class=_HelpWithInstalled,
    )
    parser.add_argument("--scenario", help="scenario file (default: the shipped default scenario)")
    parser.add_argument("--agency", help="agency id (default: the scenario's first playable agency)")
    parser.add_argument(
        "--strategy",
        action="append",
        metavar="NAME",
        help="strategy to play (repeatable; default: every strategy the scenario has, listed below)",
    )
    parser.add_argument("--seed", type=seed_number, default=1, help="seed of the first run (default 1)")
    parser.add_argument("--runs", type=int, default=100, help="campaigns per strategy (default 100)")
    parser.add_argument(
        "--difficulty",
        metavar="ID",
        help="difficulty level to play at (default: the scenario's default, normally 'normal')",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON document instead of a table")
    parser.add_argument(
        "--save", metavar="PATH", help="write the save of the campaign (needs --runs 1, one strategy)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help="processes to play in (default: every core, %(default)s here); the figures are the same",
    )
    parser.add_argument(
        "--playouts",
        type=int,
        default=DEFAULT_PLAYOUTS,
        metavar="N",
        help="playouts per decision of the planners (default %(default)s): more is slower and plays better",
    )
    parser.add_argument(
        "--thorough",
        action="store_true",
        help="the planners also play, before they are on their road, the answer to an event that keeps "
        "the road open to the end of the campaign: stronger, about twice as slow",
    )
    parser.add_argument(
        "--judge",
        choices=JUDGES,
        default="roads",
        help="with --balance: judge the roads by the scripted road bots (default) or by the planners "
        "(planner:ROAD for every road, planner and random)",
    )
    parser.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="play on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://10.0.0.5:8786) "
        "instead of local processes; needs the cluster extra (pip install 'cislunar[cluster]'); "
        "the figures are the same",
    )
    parser.add_argument(
        "--balance",
        action="store_true",
        help="every strategy for every playable agency: a balance table that flags a dominant strategy",
    )
    parser.add_argument(
        "--pairs",
        action="store_true",
        help="each road's planner against the road's bot for every playable agency (or --agency; "
        "--strategy ROAD for some roads): win rates, means and a verdict per pair; "
        "exits 1 where the planner does worse on a road open to the agency",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    campaign = load_campaign(args.scenario)
    if campaign is None:
        return 1
    if args.runs < 1:
        return fail("--runs must be at least 1")
    if seed_refusal(args.seed + args.runs - 1):
        last = args.seed + args.runs - 1
        return fail(f"--seed {args.seed} with --runs {args.runs} reaches seed {last}: {SEED_RANGE}")
    if args.jobs < 1:
        return fail("--jobs must be at least 1")
    if args.playouts < 1:
        return fail("--playouts must be at least 1")
    unknown = unknown_strategy(args.strategy, campaign)
    if unknown:
        return fail(unknown)
    if campaign.difficulty_refusal(args.difficulty):
        return fail(campaign.difficulty_refusal(args.difficulty))
    compiled = campaign.at(args.difficulty)
    if args.pairs:
        if args.balance or args.save or args.cluster:
            return fail("--pairs plays its own campaigns locally: drop --balance, --save and --cluster")
        return run_pairs_report(args, campaign, compiled, progress_bar)
    if args.balance:
        if args.agency or args.save:
            return fail("--balance plays every playable agency and saves nothing: drop --agency and --save")
        return run_balance_report(args, campaign, compiled)
    agency = args.agency or campaign.playable()[0]
    if campaign.refusal(agency):
        return fail(campaign.refusal(agency))
    strategies = args.strategy or strategy_names(compiled.scenario)
    if args.save and (args.runs != 1 or len(strategies) != 1):
        return fail("--save writes one campaign: give --runs 1 and exactly one --strategy")
    try:
        with progress_bar(args.runs * len(strategies)) as advance:
            report = simulate(
                compiled,
                agency,
                strategies,
                args.seed,
                args.runs,
                advance,
                args.jobs,
                campaign.path,
                args.cluster,
                args.playouts,
                args.thorough,
            )
    except ClusterError as error:
        return fail(str(error), 1)
    print(report.model_dump_json(indent=2) if args.json else format_table(report))
    if args.save:
        return save_campaign(args, campaign, compiled, agency, strategies[0])
    return 0


def run_balance_report(args: argparse.Namespace, campaign: Campaign, compiled: CompiledScenario) -> int:
    scenario = compiled.scenario
    strategies = args.strategy or (
        [*planner_names(scenario), LUCK] if args.judge == PLANNER else strategy_names(scenario)
    )
    try:
        with progress_bar(args.runs * len(strategies) * len(campaign.playable())) as advance:
            report = run_balance(
                compiled,
                campaign.path,
                args.seed,
                args.runs,
                strategies,
                args.jobs,
                advance,
                args.cluster,
                args.judge,
                args.playouts,
                args.thorough,
            )
    except ClusterError as error:
        return fail(str(error), 1)
    print(report.model_dump_json(indent=2) if args.json else format_balance(report))
    return 0


def unknown_strategy(names: list[str] | None, campaign: Campaign) -> str:
    """The error for the first name the scenario has no strategy for, with the valid ones; '' if none."""
    scenario = campaign.compiled.scenario
    valid = valid_names(scenario)
    for name in names or ():
        if name not in valid:
            return f"unknown strategy '{name}' for scenario '{scenario.id}'; choose from {', '.join(valid)}"
    return ""


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int], None] | None]:
    """A transient progress bar on stderr for long runs at a terminal; None otherwise."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("campaigns", total=total)
        yield lambda n: bar.advance(task, n)


def save_campaign(
    args: argparse.Namespace, campaign: Campaign, compiled: CompiledScenario, agency: str, strategy: str
) -> int:
    """Play the run's campaign again (it is deterministic) and write its save."""
    from game.saves import SaveError, save_game

    game = play_campaign(
        compiled, agency, strategy, args.seed, playouts=args.playouts, thorough=args.thorough
    )
    try:
        path = save_game(game, campaign.path, args.save)
    except SaveError as error:
        return fail(str(error), 1)
    print(f"saved {path}", file=sys.stderr)
    return 0


def format_table(report: SimulationReport) -> str:
    last = report.seed + report.runs - 1
    level = f", difficulty {report.difficulty}" if report.difficulty != DEFAULT_DIFFICULTY else ""
    lines = [
        f"scenario {report.scenario}, agency {report.agency}, seeds {report.seed}..{last}{level}",
        header(width := name_width(report.strategies)),
    ]
    lines += [format_row(row.strategy, row, width) for row in report.strategies]
    lines += ["", *(format_activity(row) for row in report.strategies)]
    return "\n".join(lines)


def format_activity(row: StrategyStats) -> str:
    """How much a strategy did: actions per turn (ending the turn aside) and its idle turns."""
    return (
        f"{row.strategy}: {row.actions_per_turn:.2f} actions per turn, "
        f"idle (only ended the turn) on {row.idle_share:.1%} of turns"
    )


def header(width: int = 10) -> str:
    """The table's column names; ``width`` is the strategy column's (the longest name's, at least 10)."""
    return (
        f"{'strategy':<{width}} {'runs':>5} {'wins':>5} {'win rate':>9} {'mean score':>11} {'±95%':>6} "
        f"{'crewed':>7} {'1st crew':>9} {'wins sd':>8}"
    )


def name_width(rows: list[StrategyStats]) -> int:
    """The strategy column's width: 10, or the longest name (``planner:gateway``)."""
    return max([10, *(len(row.strategy) for row in rows)])


def format_row(label: str, row: StrategyStats, width: int = 10) -> str:
    crew = f"{row.mean_first_crew_year:.1f}" if row.mean_first_crew_year is not None else "-"
    return (
        f"{label:<{width}} {row.runs:>5} {row.wins:>5} {row.win_rate:>9.1%} {row.mean_score:>11.1f} "
        f"{row.score_ci95:>6.1f} {row.crewed_runs:>7} {crew:>9} {row.winners_score_std:>8.1f}"
    )


def format_balance(report: BalanceReport) -> str:
    """One block per agency (its best road marked), the strategies pooled, then the verdict."""
    last = report.seed + report.runs - 1
    lines = [
        f"balance of {report.scenario}, seeds {report.seed}..{last}, every playable agency",
        f"roads: {', '.join(report.roads) or '-'}",
    ]
    best = {(agency, s) for s, agencies in report.best_for.items() for agency in agencies}
    width = name_width(report.rows)
    agencies = list(dict.fromkeys(row.agency for row in report.rows))
    verdicts = {verdict.agency: verdict for verdict in report.verdicts}
    for agency in agencies:
        lines += ["", f"{agency}", header(width)]
        for row in report.rows:
            if row.agency == agency:
                mark = " <- best road" if (agency, row.strategy) in best else ""
                lines.append(format_row(row.strategy, row, width) + mark)
        if agency in verdicts:
            lines.append(verdicts[agency].verdict)
    lines += [
        "",
        f"all agencies ({len(agencies)})",
        header(width) + f" {'top seeds':>10} {'best road for':<}",
    ]
    for row in report.pooled:
        owners = ", ".join(report.best_for[row.strategy]) or "-"
        lines.append(
            f"{format_row(row.strategy, row, width)} {report.top_share[row.strategy]:>10.0%} {owners}"
        )
    lines.append("")
    if report.balanced:
        lines.append(
            "balanced: every agency has two viable roads and can win, no road dominates, "
            "skill beats luck, choices beat the dice"
        )
    lines += [f"FLAG: {finding.message}" for finding in report.findings]
    return "\n".join(lines)
