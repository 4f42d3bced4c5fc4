"""``cislunar simulate --pairs``: each road's planner against the road's bot, agency by agency."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager

from game.bots import roads as scenario_roads
from game.campaign import Campaign
from game.cli.common import fail
from game.engine.compiled import CompiledScenario
from game.sim.pairs import SHUT, PairsReport, PairVerdict, run_pairs

#: ``simulate``'s progress bar: a context of the campaigns to play, yielding what counts them (or None).
ProgressBar = Callable[[int], AbstractContextManager[Callable[[int], None] | None]]


def run_pairs_report(
    args: argparse.Namespace, campaign: Campaign, compiled: CompiledScenario, progress_bar: ProgressBar
) -> int:
    """Play and print the pairs (``--agency``: one agency's; ``--strategy ROAD``: those roads');
    1 when an open pair has the planner worse than its bot."""
    known = scenario_roads(compiled.scenario)
    roads = args.strategy or []
    for road in roads:
        if road not in known:
            return fail(f"--pairs compares roads: '{road}' is none of {', '.join(known)}")
    if args.agency and campaign.refusal(args.agency):
        return fail(campaign.refusal(args.agency))
    agencies = [args.agency] if args.agency else campaign.playable()
    with progress_bar(len(agencies) * len(roads or known) * 2 * args.runs) as advance:
        report = run_pairs(
            compiled,
            campaign.path,
            args.seed,
            args.runs,
            args.playouts,
            args.jobs,
            agencies,
            roads,
            advance,
            args.thorough,
        )
    print(report.model_dump_json(indent=2) if args.json else format_pairs(report))
    return 1 if report.flagged else 0


def format_pairs(report: PairsReport) -> str:
    """One line per agency and road: the bot's and the planner's win rate and mean, the verdict."""
    last = report.seed + report.runs - 1
    lines = [
        f"planner:ROAD against the road's bot on {report.scenario}, seeds {report.seed}..{last}",
        f"{'agency':<10} {'road':<10} {'bot win/mean':>15} {'planner win/mean':>17} {'gain':>6}  verdict",
    ]
    lines += [format_pair(pair) for pair in report.pairs]
    tally = report.tally()
    lines += ["", ", ".join(f"{verdict} {count}" for verdict, count in tally.items())]
    flagged = report.flagged
    if not flagged:
        lines.append("the planner does no worse than its bot on any open road")
    lines += [
        f"FLAG: {pair.agency} on {pair.road}: the planner does worse than its bot "
        f"({'beyond' if pair.beyond_noise else 'within'} noise)"
        for pair in flagged
    ]
    return "\n".join(lines)


def format_pair(pair: PairVerdict) -> str:
    runs = len(pair.seeds)
    verdict = pair.verdict
    if verdict == SHUT:
        verdict += " (the bot never got on it)"
    elif pair.beyond_noise:
        verdict += ", beyond noise"
    if pair.lost or pair.won:
        verdict += f"; seeds lost {pair.lost or '-'}, won {pair.won or '-'}"
    return (
        f"{pair.agency:<10} {pair.road:<10} {pair.bot_wins / runs:>8.0%}/{pair.bot_mean:6.1f} "
        f"{pair.planner_wins / runs:>10.0%}/{pair.planner_mean:6.1f} "
        f"{pair.planner_mean - pair.bot_mean:>+6.1f}  {verdict}"
    )
