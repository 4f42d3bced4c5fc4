"""`cislunar serve`: the game in a web browser, one game per tab (textual-serve).

It listens on loopback unless told otherwise: anyone who reaches the address can play and
starts a game process on this machine, so another address needs ``--public`` and gets a
warning. textual-serve and aiohttp are imported only when the server starts.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path

from game.cli import play
from game.cli.common import fail, load_campaign

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PUBLIC_FLAG = "--public"


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (1-65535)")
    return port


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="play in a web browser: one game per tab")
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this computer)"
    )
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    parser.add_argument(
        PUBLIC_FLAG,
        action="store_true",
        help="allow an address other computers can reach (no password, no encryption)",
    )
    play.add_arguments(parser)
    parser.set_defaults(run=run)


def listens_on_loopback_only(host: str) -> bool:
    """True when every address ``host`` stands for is a loopback address.

    Raises OSError when the name does not resolve.
    """
    if not host:
        return False
    addresses = {info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    return all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses)


def check_choices(args: argparse.Namespace) -> int:
    """0 when the scenario and agency asked for can be played, else an exit code after saying why.

    Checked once here, so a mistake is reported in the terminal, not in every browser tab.
    """
    if args.lang:
        from game.i18n import LanguageError, check_language

        try:
            check_language(args.lang)
        except LanguageError as error:
            return fail(str(error))
    if not (args.scenario or args.agency):
        return 0
    campaign = load_campaign(args.scenario)
    if campaign is None:
        return 1
    if args.agency and campaign.refusal(args.agency):
        return fail(campaign.refusal(args.agency))
    if campaign.difficulty_refusal(args.difficulty):
        return fail(campaign.difficulty_refusal(args.difficulty))
    return 0


def play_command(args: argparse.Namespace) -> str:
    """The shell command each browser tab runs: this Python, `cislunar play` and the choices.

    ``-P`` keeps the folder the server was started in off the game's import path (a
    ``game.py`` or ``game/`` there would run instead of the game), and ``exec`` makes the
    game the process the server ends when its tab closes (not a shell around it).
    """
    command = [sys.executable, "-P", "-m", "game", "play"]
    if args.scenario:
        command += ["--scenario", str(Path(args.scenario).resolve())]
    if args.agency:
        command += ["--agency", args.agency]
    if args.seed is not None:
        command += ["--seed", str(args.seed)]
    if args.difficulty:
        command += ["--difficulty", args.difficulty]
    if args.lang:
        command += ["--lang", args.lang]
    # textual-serve runs it through the shell: quote for the shell this system has.
    return subprocess.list2cmdline(command) if os.name == "nt" else "exec " + shlex.join(command)


def importable_without_cwd() -> None:
    """Let the games find this very package when only the current folder made it importable.

    That is `python -m game serve` run in an uninstalled checkout: the games, started with
    ``-P``, get the checkout by name (PYTHONPATH) instead of whatever folder they start in.
    """
    root = Path(__file__).resolve().parents[2]
    if sys.path and Path(sys.path[0] or os.getcwd()).resolve() == root:
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))


def public_warning(host: str, port: int) -> str:
    return (
        f"WARNING: serving on {host}:{port}, an address other computers may reach.\n"
        "Anyone who can open this address can play, and every visit starts a game process on\n"
        "this computer. There is no password and no encryption. Stop the server with Ctrl+C."
    )


def run(args: argparse.Namespace) -> int:
    try:
        loopback = listens_on_loopback_only(args.host)
    except OSError as error:
        return fail(f"cannot use host '{args.host}': {error.strerror or error}")
    if not loopback and not args.public:
        return fail(
            f"'{args.host}' is not a loopback address: other computers could reach the game.\n"
            f"Add {PUBLIC_FLAG} to serve it there anyway, or leave out --host to serve on {DEFAULT_HOST}."
        )
    problem = check_choices(args)
    if problem:
        return problem
    if not loopback:
        print(public_warning(args.host, args.port), file=sys.stderr, flush=True)

    from game.web.server import GameServer

    importable_without_cwd()
    command = play_command(args)
    server = GameServer(command, host=args.host, port=args.port, loopback_only=loopback, title="Cislunar")

    def announce() -> None:
        print(f"Cislunar is served on {server.public_url} — open it in a web browser.", flush=True)
        print("Every tab plays its own game. Press Ctrl+C to stop.", flush=True)

    try:
        server.serve(announce=announce)
    except OSError as error:
        return fail(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}", 1)
    return 0
