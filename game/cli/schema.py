"""`cislunar schema [--tests] [--output PATH]`: the JSON Schema of scenario files (or of test files)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.format.schema import scenario_schema_text, scenario_test_schema_text


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schema", help="print the JSON Schema of scenario files")
    parser.add_argument("--output", "-o", help="write the schema to this file instead of printing it")
    parser.add_argument(
        "--tests", action="store_true", help="the schema of scenario test files (*.test.yaml) instead"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = scenario_test_schema_text() if args.tests else scenario_schema_text()
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"cislunar: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
