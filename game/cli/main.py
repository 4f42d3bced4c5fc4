"""Entry point of `cislunar` and `python -m game`: one subcommand per module."""

from __future__ import annotations

import argparse
import sys

from game import __version__
from game.cli import new, paths, play, replay, schema, serve, simulate, validate

SUBCOMMANDS = (play, validate, schema, simulate, replay, serve, paths, new)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cislunar", description="Cislunar: three roads to the Moon.")
    parser.add_argument("--version", action="version", version=f"cislunar {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not hasattr(args, "run"):
        args = parser.parse_args(["play", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
