"""`cislunar test [PATH...]`: play scenario test files (``*.test.yaml``) headless and report failures.

Each failure is one line, ``path:line:column: error: message [code]``, with the values the
campaign had; a summary per file goes to stderr. The exit status is 0 only when every test
passes; ``--format json`` prints one document for tools; ``--difficulty`` plays them at a level.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import TEST_SUFFIX, shipped_scenarios_dir, user_scenarios_dir

if TYPE_CHECKING:
    from game.sim.scenario_tests import ScenarioTestFileReport


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "test", help=f"play scenario tests ({TEST_SUFFIX} files) headless and report what failed"
    )
    parser.add_argument(
        "paths",
        nargs="*",
        help=f"test files, or folders to search for {TEST_SUFFIX} files "
        "(default: the shipped scenarios' and your scenario folder's)",
    )
    parser.add_argument(
        "--difficulty",
        metavar="LEVEL",
        help="play every test at this difficulty level, e.g. easy or hard (default: each scenario's "
        "default level); a file whose scenario lacks the level is an error, not run",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line per failure (default); json: one document for tools",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Here, not at the top: every command's parser is built on each run, and this one needs
    # the engine and the bots only when it runs.
    from game.format.scenario_tests import find_test_files
    from game.sim.scenario_tests import run_test_files

    named = [Path(p) for p in args.paths]
    paths = named or [d for d in (shipped_scenarios_dir(), user_scenarios_dir()) if d.is_dir()]
    files = find_test_files(paths)
    if not files:
        print(f"cislunar: no {TEST_SUFFIX} files in {', '.join(map(str, paths))}", file=sys.stderr)
        return 1
    report = run_test_files(files, difficulty=args.difficulty)
    if args.format == "json":
        print(report.model_dump_json(indent=2))
    else:
        for file in report.files:
            for diagnostic in [*file.errors, *(f for test in file.tests for f in test.failures)]:
                print(f"{diagnostic} [{diagnostic.code}]")
            print(summary(file), file=sys.stderr)
    return 0 if report.ok else 1


def summary(file: ScenarioTestFileReport) -> str:
    if file.errors:
        return f"{file.path}: {len(file.errors)} error{'s' * (len(file.errors) != 1)}, not run"
    passed = sum(test.ok for test in file.tests)
    failed = [test.name for test in file.tests if not test.ok]
    verdict = f"{passed} of {len(file.tests)} passed"
    return f"{file.path}: {verdict}" + (f"; failed: {', '.join(failed)}" if failed else "")
