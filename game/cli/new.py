"""`cislunar new NAME`: write a commented starter scenario to your scenario folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.common import fail
from game.format.starter import scenario_id, starter_text
from game.paths import schema_path, user_scenarios_dir


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("new", help="write a commented starter scenario to your scenario folder")
    parser.add_argument("name", help="file name without .yaml, also the scenario's id (e.g. my-moon)")
    parser.add_argument("--title", help="the scenario's title (default: from the name)")
    parser.add_argument(
        "--dir", help="folder to write to (default: your scenario folder, see `cislunar paths`)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite a file that already exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        scenario_id(args.name)
    except ValueError as error:
        return fail(str(error))
    folder = Path(args.dir) if args.dir else user_scenarios_dir()
    target = folder / f"{args.name}.yaml"
    if target.exists() and not args.force:
        return fail(f"{target} already exists; choose another name, or add --force to overwrite it", 1)
    text = starter_text(args.name, target, schema_path().resolve(), args.title)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        return fail(f"cannot write {target}: {error.strerror or error}", 1)
    print(target)
    print(f"check it with: cislunar validate --strict {target}", file=sys.stderr)
    print(f"play it with:  cislunar play --scenario {target}", file=sys.stderr)
    return 0
