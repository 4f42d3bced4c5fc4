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
(the browser's Origin header: http or https and this server's address), so a page
elsewhere, a file or a browser extension cannot start or steer a game.

Each tab's game is this server's to end: the terminal size a page asks for is bounded, and
whatever ends the websocket (the tab closed, the connection reset, the browser gone silent
and missing its heartbeats, the server stopping) the game is asked to quit, then killed if it
has not within a few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import ipaddress
import logging
import re
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

log = logging.getLogger("cislunar.serve")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
GOOGLE_FONTS = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>")
LOCAL_FONT = (  # the Roboto Mono that textual-serve ships in its static folder
    "<style>@font-face {{ font-family: 'Roboto Mono'; "
    "src: url('{static}fonts/RobotoMono-VariableFont_wght.ttf'); }}</style>"
)
SHUTDOWN_TIMEOUT = 10.0  # seconds for the games to quit when the server stops
QUIT_TIMEOUT = 3.0  # seconds a game has to quit once its tab is gone, before it is killed
HEARTBEAT = 5.0  # seconds between pings: a silent browser is dropped within 1.5 times this
MAX_COLUMNS, MAX_ROWS = 400, 200  # the largest terminal a page may ask for (80x24 by default)
PAGE_SCHEMES = frozenset({"http", "https"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})  # every interface: announce the machine's name


def is_loopback_name(hostname: str) -> bool:
    """True for ``localhost`` and for loopback addresses (127.0.0.0/8, ::1)."""
    if hostname.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


def terminal_size(width: object, height: object) -> tuple[int, int]:
    """The size a page asks for, as whole numbers within 1..MAX_COLUMNS and 1..MAX_ROWS."""
    return _bounded(width, 80, MAX_COLUMNS), _bounded(height, 24, MAX_ROWS)


def _bounded(value: object, default: int, most: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        number = default
    return min(max(number, 1), most)


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
        if request.path == "/ws" and not self.own_page(request.headers.get("Origin", ""), request.host):
            raise web.HTTPForbidden(text="A game can only be played from its own page.\n")
        return await handler(request)

    @staticmethod
    def own_page(origin: str, host: str) -> bool:
        """Whether a websocket's Origin is a web page of this server (not a file or an extension)."""
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        return parts.scheme in PAGE_SCHEMES and parts.netloc == host

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
        """One game process for this tab, ended with the tab whatever way its connection ends.

        textual-serve's own handler, with the size bounded and an end that cannot hang: it
        waited for the game to quit however long that took.
        """
        session = asyncio.current_task()
        assert session is not None
        self.sessions.add(session)
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT)
        width, height = terminal_size(request.query.get("width"), request.query.get("height"))
        game: AppService | None = None
        try:
            await websocket.prepare(request)
            game = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await game.start(width, height)
            await self.relay(websocket, game)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # a broken message or connection ends this tab only
            log.warning("a game's connection ended: %r", error)
        finally:
            self.sessions.discard(session)
            if game is not None:
                await end_game(game)
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, game: AppService) -> None:
        """Pass the page's keys, size and focus to the game until the websocket closes."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = message.json()
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await game.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await game.set_terminal_size(*terminal_size(data.get("width"), data.get("height")))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await game.blur()
            elif kind == "focus":
                await game.focus()

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


async def end_game(game: AppService) -> None:
    """Ask a tab's game to quit; kill it when it has not within QUIT_TIMEOUT seconds."""
    with contextlib.suppress(TimeoutError, asyncio.CancelledError, ConnectionError):
        await asyncio.wait_for(asyncio.shield(game.stop()), QUIT_TIMEOUT)
    process = game._process  # textual-serve keeps it private; nothing else can end it
    if process is not None and process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), QUIT_TIMEOUT)
