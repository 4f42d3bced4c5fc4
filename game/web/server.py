"""textual-serve's server, closed to other web sites and announced once it really listens.

What a browser can reach through textual-serve (checked against textual-serve 1.1.3):

- ``/`` renders one page (its font from ``/static``, not from Google);
- ``/static/…`` serves textual-serve's own assets only (aiohttp's static route resolves
  every path inside that folder and refuses ``..`` and symlinks);
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

import asyncio
import html
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
GOOGLE_FONTS = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>")
LOCAL_FONT = (  # the Roboto Mono that textual-serve ships in its static folder
    "<style>@font-face {{ font-family: 'Roboto Mono'; "
    "src: url('{static}fonts/RobotoMono-VariableFont_wght.ttf'); }}</style>"
)
SHUTDOWN_TIMEOUT = 10.0  # seconds for the games to quit when the server stops
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
        self.sessions: set[asyncio.Task[object]] = set()
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

    async def handle_index(self, request: web.Request) -> web.Response:
        """textual-serve's page, linked to the address this browser used (checked by the guard),
        titled, and with its font from this server instead of Google's (no call out, and no wait
        for one when offline)."""
        static = f"{request.scheme}://{request.host}/static/"
        websocket_scheme = "wss" if request.scheme == "https" else "ws"
        context = {
            "font_size": 16,
            "app_websocket_url": f"{websocket_scheme}://{request.host}/ws",
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
        }
        page = aiohttp_jinja2.render_string("app_index.html", request, context)
        head = f"<title>{html.escape(self.title)}</title>" + LOCAL_FONT.format(static=static)
        page = GOOGLE_FONTS.sub("", page).replace("<head>", "<head>" + head, 1)
        return web.Response(text=page, content_type="text/html")

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing yet: :meth:`serve` announces the address once the socket is bound."""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One game process for this tab (textual-serve's), remembered so a shutdown can end it."""
        session = asyncio.current_task()
        assert session is not None
        self.sessions.add(session)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(session)

    async def on_shutdown(self, app: web.Application) -> None:
        """End every game before the event loop closes, so no game process outlives the server.

        Cancelling a session makes textual-serve close its websocket and send the game its quit
        message, then wait for the process to exit.
        """
        sessions = list(self.sessions)
        for session in sessions:
            session.cancel()
        if sessions:
            await asyncio.wait(sessions, timeout=SHUTDOWN_TIMEOUT)

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
            access_log=None if self.loopback_only else web.access_logger,  # who came, when public
        )
