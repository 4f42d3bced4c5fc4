"""Pieces every subcommand shares: loading a campaign and printing why it does not load."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.campaign import Campaign, CampaignError, seed_refusal
from game.engine.compiled import CompiledScenario
from game.paths import default_scenario


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
