"""`cislunar paths`: where your scenarios and saves live, and where the shipped ones are."""

from __future__ import annotations

import argparse

from game.paths import TEST_SCHEMA_FILE, saves_dir, schema_path, shipped_scenarios_dir, user_scenarios_dir
from game.settings import settings_path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "paths", help="show the folders of your scenarios, saves and the shipped ones"
    )
    parser.set_defaults(run=run)


def folders() -> list[tuple[str, str]]:
    """Label and path of every folder a player or an author may want to open."""
    return [
        ("your scenarios", str(user_scenarios_dir())),
        ("saves", str(saves_dir())),
        ("shipped scenarios", str(shipped_scenarios_dir())),
        ("scenario schema", str(schema_path())),
        ("test file schema", str(schema_path(TEST_SCHEMA_FILE))),
        ("settings", str(settings_path())),
    ]


def run(args: argparse.Namespace) -> int:
    rows = folders()
    width = max(len(label) for label, _ in rows)
    for label, path in rows:
        print(f"{label + ':':<{width + 1}}  {path}")
    return 0
