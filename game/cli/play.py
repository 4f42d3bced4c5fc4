"""`cislunar play`: the Textual TUI. Textual is imported here only, never by other commands."""

from __future__ import annotations

import argparse

from game.cli.common import seed_number


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("play", help="play in the terminal (the default command)")
    add_arguments(parser)
    parser.add_argument("--load", metavar="SAVE", help="resume a saved campaign (replayed and checked)")
    parser.set_defaults(run=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", help="scenario file; with --agency, skips set-up")
    parser.add_argument("--agency", help="agency id to play")
    parser.add_argument("--seed", type=seed_number, help="campaign seed (default: random)")
    parser.add_argument(
        "--difficulty",
        metavar="ID",
        help="difficulty level, e.g. easy, normal or hard (default: the scenario's, normally 'normal')",
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help=(
            "language of the interface and the scenario, e.g. ru (default: the setting, "
            "else the system's language from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else English)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from game.tui.launch import launch

    return launch(args)
