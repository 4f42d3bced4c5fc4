"""`cislunar replay SAVE [--json]`: play a save again headless; its news and final state hash.

The same save gives the same output and hash in every process and on every machine. A
save whose scenario has changed is refused unless --ignore-scenario-change is given.
"""

from __future__ import annotations

import argparse
import json

from game.cli.common import add_save_arguments, load_save
from game.engine.fingerprint import state_hash
from game.engine.reports import TurnReport
from game.printable import printable, printable_json
from game.saves import LoadedGame


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("replay", help="replay a save headless: its news and final state hash")
    add_save_arguments(parser, "replay")
    parser.add_argument("--json", action="store_true", help="print a JSON document instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args, "replay")
    if isinstance(loaded, int):
        return loaded
    print(
        printable_json(json.dumps(replay_document(loaded), indent=2, ensure_ascii=False))
        if args.json
        else replay_text(loaded)
    )
    return 0


def _under_way(loaded: LoadedGame) -> TurnReport | None:
    """The news of the turn in progress (actions taken since the last end of turn), if any."""
    game = loaded.game
    if not game.state.news and not game.state.changes:
        return None
    state = game.state
    return TurnReport(state.turn, state.month, game.date, list(state.news), list(state.changes))


def replay_document(loaded: LoadedGame) -> dict:
    """Everything `replay --json` prints: the turns' news and changes, the outcome, the hash."""
    game, save = loaded.game, loaded.save
    reports = list(game.reports)
    current = _under_way(loaded)
    return {
        "save": str(loaded.path),
        "scenario": {"id": save.scenario.id, "path": str(loaded.scenario_path)},
        "agency": save.agency,
        "seed": save.seed,
        "actions": len(save.actions),
        "turns": [_report_data(report) for report in reports],
        "under_way": _report_data(current) if current else None,
        "date": game.date,
        "over": game.over,
        "outcome": game.state.outcome,
        "outcome_reason": game.state.outcome_reason,
        "score": game.score(),
        "state_hash": state_hash(game),
        "warnings": loaded.warnings,
    }


def _report_data(report: TurnReport) -> dict:
    return {
        "turn": report.turn,
        "date": report.date,
        "news": [
            {"kind": n.kind, "text": n.text, "programme": n.programme, "player": n.player}
            for n in report.news
        ],
        "changes": [{"stat": c.stat, "delta": c.delta, "reason": c.reason} for c in report.changes],
    }


def replay_text(loaded: LoadedGame) -> str:
    game, save = loaded.game, loaded.save
    lines = [
        f"replay of {loaded.path}: scenario {save.scenario.id} ({save.scenario.title}), "
        f"agency {save.agency}, seed {save.seed}, {len(save.actions)} actions"
    ]
    for report in game.reports:
        lines.append(f"== {report.date} (turn {report.turn + 1})")
        lines.extend(f"  [{item.kind}] {item.text}" for item in report.news)
    current = _under_way(loaded)
    if current is not None:
        lines.append(f"== {current.date} (turn {current.turn + 1}, under way)")
        lines.extend(f"  [{item.kind}] {item.text}" for item in current.news)
    state = game.state
    if game.over:
        lines.append(f"outcome: {state.outcome} ({state.outcome_reason})")
    else:
        lines.append(f"in progress at {game.date}, turn {state.turn + 1} of {game.turns_total}")
    lines.append(f"score: {game.score():.1f}")
    lines.append(f"state hash: {state_hash(game)}")
    # Each line quotes the save and its scenario (titles, news): their controls are shown, not sent.
    return "\n".join(printable(line) for line in lines)
