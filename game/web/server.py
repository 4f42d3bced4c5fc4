"""textual-serve's server, closed to other web sites and announced once it really listens.

What a browser can reach through textual-serve (checked against textual-serve 1.1.3):

- ``/`` renders one page; ``/static/…`` serves textual-serve's own assets only (aiohttp's
  static route resolves every path inside that folder and refuses ``..`` and symlinks);
- ``/ws`` starts a new game process for each connection (``AppService`` per websocket),
  whose screen the page shows and whose keys the page sends: each tab its own game;
- ``/download/{key}`` serves only what the running game itself hands over with
  ``App.deliver_*`` (a screenshot from the command palette), under a random key.

So files reach a browser only through the game's own screens, which read the shipped
scenarios, the user's scenario folder and the user's saves. Two more guards keep other web
sites out: a request must name this server by a loopback name when it listens on loopback
(DNS rebinding), and the websocket that drives a game must come from a page of this server
(the browser's Origin header), so a page elsewhere cannot start or steer a game.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})  # every interface: announce the machine's name


def is_loopback_name(hostname: str) -> bool:
    """True for ``localhost`` and for loopback addresses (127.0.0.0/8, ::1)."""
    if hostname.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """A host as it appears in a URL: IPv6 addresses in brackets."""
    return f"[{host}]" if ":" in host else host


class GameServer(Server):
    """Serves ``command`` (a shell command line) with the guards described above."""

    def __init__(self, command: str, *, host: str, port: int, loopback_only: bool, title: str) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.loopback_only = loopback_only
        shown = socket.gethostname() if host in WILDCARDS else host
        self.public_url = f"http://{url_host(shown)}:{port}"

    def allowed_host(self, request: web.Request) -> bool:
        """On loopback, the page must be asked for by a loopback name or the configured host."""
        if not self.loopback_only:
            return True
        try:
            hostname = urlsplit(f"//{request.host}").hostname or ""
        except ValueError:
            return False
        return hostname == self.host or is_loopback_name(hostname)

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.allowed_host(request):
            raise web.HTTPForbidden(text="This game answers only to its own address.\n")
        if request.path == "/ws" and urlsplit(request.headers.get("Origin", "")).netloc != request.host:
            raise web.HTTPForbidden(text="A game can only be played from its own page.\n")
        return await handler(request)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, with its links on the address this browser used (checked by the guard)."""
        websocket_scheme = "wss" if request.scheme == "https" else "ws"
        return {
            "font_size": 16,
            "app_websocket_url": f"{websocket_scheme}://{request.host}/ws",
            "config": {"static": {"url": f"{request.scheme}://{request.host}/static/"}},
            "application": {"name": self.title},
        }

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing yet: :meth:`serve` announces the address once the socket is bound."""

    def serve(self, debug: bool = False, announce: Callable[[], None] = lambda: None) -> None:
        """Run until Ctrl+C or SIGTERM; ``announce`` runs once the server accepts connections.

        Raises OSError when the address cannot be bound (in use, not this machine's).
        """
        self.debug = debug
        self.initialize_logging()
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            print=lambda _message: announce(),
            handle_signals=True,
        )
