"""Entry point of `cislunar` and `python -m game`: one subcommand per module.

Playing is what most runs do, and the other commands import the engine, pydantic and the
YAML parser before they read an argument: a run that can only mean `play` builds play's
parser alone, so the game starts without them (benchmarks/startup.py measures it).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from game import __version__

SUBCOMMANDS = (
    "play",
    "validate",
    "schema",
    "simulate",
    "test",
    "replay",
    "forecast",
    "serve",
    "paths",
    "new",
)
#: What a run of `play` may start with when the word `play` is left out.
PLAY_OPTIONS = ("--scenario", "--agency", "--seed", "--difficulty", "--load", "--lang")


def build_parser(names: tuple[str, ...] = SUBCOMMANDS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cislunar", description="Cislunar: three roads to the Moon.")
    parser.add_argument("--version", action="version", version=f"cislunar {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in names:
        command: ModuleType = importlib.import_module(f"game.cli.{name}")
        command.add_parser(subparsers)
    return parser


def plays(argv: list[str]) -> bool:
    """Whether these arguments can only mean `play` (no other command is named)."""
    if not argv or argv[0] == "play":
        return True
    return argv[0].split("=", 1)[0] in PLAY_OPTIONS


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if plays(arguments) and arguments[:1] != ["play"]:
        arguments = ["play", *arguments]  # `cislunar --lang ru` is `cislunar play --lang ru`
    parser = build_parser(("play",) if plays(arguments) else SUBCOMMANDS)
    args = parser.parse_args(arguments)
    if not hasattr(args, "run"):
        args = parser.parse_args(["play", *arguments])
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
