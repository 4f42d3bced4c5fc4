"""Pieces every subcommand shares: loading a campaign and printing why it does not load."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.campaign import Campaign, CampaignError, seed_refusal
from game.engine.compiled import CompiledScenario
from game.paths import default_scenario
from game.printable import printable
from game.saves import LoadedGame, SaveError, ScenarioChangedError, load_game


def resolve_scenario(path: str | None) -> Path:
    return Path(path) if path else default_scenario()


def load_campaign(path: str | None) -> Campaign | None:
    """The campaign of the scenario at ``path`` (the default one if None); None after printing its errors."""
    try:
        return Campaign.load(resolve_scenario(path))
    except CampaignError as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        return None


def load_compiled(path: str | None) -> CompiledScenario | None:
    """The compiled scenario of :func:`load_campaign` (what the bots and the benchmarks play on)."""
    campaign = load_campaign(path)
    return campaign.compiled if campaign is not None else None


def fail(message: str, code: int = 2) -> int:
    print(f"cislunar: {message}", file=sys.stderr)
    return code


def seed_number(text: str) -> int:
    """A ``--seed`` option: a whole number a save can hold, or argparse's usage error saying so."""
    if not text.strip().lstrip("+-").isdigit():
        shown = text if len(text) <= 30 else text[:30] + "..."
        raise argparse.ArgumentTypeError(f"'{shown}' is not a whole number")
    refused = seed_refusal(text)
    if refused:
        raise argparse.ArgumentTypeError(refused)
    return int(text)


def add_save_arguments(parser: argparse.ArgumentParser, verb: str) -> None:
    """SAVE, --scenario and --ignore-scenario-change: how every command that reads a save finds it."""
    parser.add_argument("save", help="the save file")
    parser.add_argument("--scenario", help="the scenario file, when it is no longer where the save says")
    parser.add_argument(
        "--ignore-scenario-change",
        action="store_true",
        help=f"{verb} on the scenario even if it changed since the save (warns)",
    )


def load_save(args: argparse.Namespace, verb: str) -> LoadedGame | int:
    """The save of :func:`add_save_arguments`, its warnings printed; or the exit code after its error.

    One place so that a damaged, foreign or changed save is the same clear refusal for every
    command that reads one, and the file is never written.
    """
    try:
        loaded = load_game(
            args.save, scenario=args.scenario, ignore_scenario_change=args.ignore_scenario_change
        )
    except ScenarioChangedError as error:
        return fail(f"{error}\n(--ignore-scenario-change {verb}s it on the new scenario anyway)", 1)
    except SaveError as error:
        return fail(str(error), 1)
    for warning in loaded.warnings:
        print(f"cislunar: warning: {printable(warning)}", file=sys.stderr)
    return loaded
