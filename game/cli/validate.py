"""`cislunar validate PATH...`: check scenario files; exit 0 only when every file is valid."""

from __future__ import annotations

import argparse
import sys

from game.format.loader import load_scenario
from game.paths import default_scenario


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("validate", help="check scenario files and report every problem")
    parser.add_argument("paths", nargs="*", help="scenario files (default: the shipped default scenario)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [str(default_scenario())]
    failed = 0
    for path in paths:
        result = load_scenario(path)
        for diagnostic in result.diagnostics:
            print(diagnostic)
        if result.errors or result.scenario is None:
            failed += 1
        else:
            print(f"{path}: ok ({result.scenario.title})", file=sys.stderr)
    return 1 if failed else 0
