"""`cislunar serve`: where it listens, what it refuses, and what a browser can and cannot reach."""

from __future__ import annotations

import asyncio
import signal
import socket
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from game.cli.main import main
from game.web.server import HEARTBEAT, MAX_COLUMNS, MAX_ROWS, QUIT_TIMEOUT, GameServer, terminal_size
from tests.serving import Served, alive, close_frame, open_game, quiet_env, serving

MINI = str(Path(__file__).parent / "fixtures" / "mini.yaml")
WEBSOCKET_HANDSHAKE = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def test_an_address_other_computers_reach_needs_public(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "serve", "--host", "0.0.0.0")
    assert code == 2
    assert "'0.0.0.0' is not a loopback address: other computers could reach the game" in err
    assert "Add --public to serve it there anyway" in err


def test_a_host_that_does_not_resolve_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "serve", "--host", "no-such-host.invalid")
    assert code == 2 and "cislunar: cannot use host 'no-such-host.invalid':" in err


@pytest.mark.parametrize("port", ["0", "65536", "eighty"])
def test_the_port_must_be_a_port_number(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", port])
    assert exited.value.code == 2
    assert f"'{port}' is not a port number (1-65535)" in capsys.readouterr().err


def test_a_broken_scenario_is_reported_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "b.yaml"
    broken.write_text("id: x\n")
    code, err = run(capsys, "serve", "--scenario", str(broken))
    assert code == 1 and f"{broken}:1:1: error: missing required key 'title'" in err


def test_an_agency_that_cannot_be_played_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "serve", "--scenario", MINI, "--agency", "nasa")
    assert code == 2 and "'nasa' is not a playable agency; choose from esa, jaxa" in err


def test_a_difficulty_the_scenario_lacks_is_refused_and_a_level_passed_to_every_game(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import argparse

    from game.cli.serve import play_command

    code, err = run(capsys, "serve", "--agency", "esa", "--difficulty", "brutal")
    assert code == 2
    assert "'brutal' is not a difficulty of this scenario; choose from easy, normal, hard" in err
    args = argparse.Namespace(scenario=None, agency="esa", seed=None, difficulty="hard", lang=None)
    assert play_command(args).endswith("play --agency esa --difficulty hard")


def test_public_serving_warns_first_and_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "game", "serve", "--host", "0.0.0.0", "--port", str(port), "--public"],
            capture_output=True,
            text=True,
            env=quiet_env(tmp_path),
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.index("WARNING: serving on 0.0.0.0") < result.stderr.index("cannot listen")
    assert f"cislunar: cannot listen on 0.0.0.0:{port}: " in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve")) as server:
        yield server


def test_the_page_plays_the_game_on_the_address_the_browser_used(served: Served) -> None:
    status, page = served.get("/")
    assert status == 200 and "<title>Cislunar</title>" in page
    assert "googleapis" not in page, "the page calls out to Google for its font"
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
    status, page = served.get("/", {"Host": f"localhost:{served.port}"})
    assert status == 200 and f'data-session-websocket-url="ws://localhost:{served.port}/ws"' in page
    assert "open it in a web browser" in served.output()


def test_a_page_asked_for_by_another_name_is_refused(served: Served) -> None:
    """A web site whose name points at 127.0.0.1 (DNS rebinding) gets nothing from the game."""
    status, body = served.get("/", {"Host": f"attacker.example:{served.port}"})
    assert status == 403 and "only to its own address" in body


@pytest.mark.parametrize("origin", ["http://attacker.example", None])
def test_only_the_games_own_page_can_start_a_game(served: Served, origin: str | None) -> None:
    headers = WEBSOCKET_HANDSHAKE | ({"Origin": origin} if origin else {})
    before = set(served.game_processes())  # a game of an earlier test may still be ending
    status, body = served.get("/ws", headers)
    assert status == 403 and "only be played from its own page" in body
    assert set(served.game_processes()) <= before, "a refused page started a game"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/../server.py",
        "/../../../etc/passwd",
        "/download/..%2f..%2fetc%2fpasswd",
    ],
)
def test_no_file_outside_the_page_assets_is_served(served: Served, path: str) -> None:
    status, body = served.get(path)
    assert status in (403, 404)
    assert "root:" not in body and "import" not in body


def test_stopping_the_server_ends_every_game(tmp_path: Path) -> None:
    """Ctrl+C (here SIGTERM) stops the server cleanly and leaves no game process behind."""

    async def play_then_stop(served: Served) -> tuple[list[int], int]:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"{served.url}ws", origin=served.url.rstrip("/")) as websocket,
        ):
            while (await websocket.receive(timeout=30)).type != aiohttp.WSMsgType.BINARY:
                pass  # until the game draws its first screen
            games = served.game_processes()
            served.process.send_signal(signal.SIGTERM)
            async for _message in websocket:
                pass  # as a browser does, until the server closes the game's websocket
            return games, await asyncio.to_thread(served.process.wait, 30)

    with serving(tmp_path) as served:
        games, code = asyncio.run(play_then_stop(served))
    assert len(games) == 1 and code == 0
    assert not Path(f"/proc/{games[0]}").exists(), "a game outlived the server"
    assert "Traceback" not in served.output() and "Exception ignored" not in served.output()


@pytest.mark.parametrize(
    "origin",
    [
        "file://127.0.0.1:{port}",
        "chrome-extension://127.0.0.1:{port}",
        "ws://127.0.0.1:{port}",
        "null",
        "http://127.0.0.1:{port}.attacker.example",
    ],
)
def test_an_origin_of_another_scheme_for_the_right_host_is_refused(served: Served, origin: str) -> None:
    headers = WEBSOCKET_HANDSHAKE | {"Origin": origin.format(port=served.port)}
    before = set(served.game_processes())  # a game of an earlier test may still be ending
    status, body = served.get("/ws", headers)
    assert status == 403 and "only be played from its own page" in body
    assert set(served.game_processes()) <= before, "a refused page started a game"


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_page_of_this_server_is_its_own_page(scheme: str) -> None:
    assert GameServer.own_page(f"{scheme}://127.0.0.1:8000", "127.0.0.1:8000")
    assert not GameServer.own_page(f"{scheme}://127.0.0.1:8001", "127.0.0.1:8000")


def test_a_game_py_in_the_folder_the_server_starts_in_never_runs(tmp_path: Path) -> None:
    """Each tab once ran `python -m game` with the current folder first on the import path."""
    hostile = tmp_path / "downloads"
    (hostile / "game").mkdir(parents=True)
    trap = "import pathlib; pathlib.Path(__file__).with_name('PWNED').touch(); raise SystemExit(0)\n"
    (hostile / "game.py").write_text(trap)
    (hostile / "game" / "__init__.py").write_text(trap)
    (hostile / "game" / "__main__.py").write_text(trap)
    with serving(tmp_path, cwd=hostile) as served:
        tab = open_game(served)
        tab.close()
    assert not list(hostile.rglob("PWNED")), "the server ran a game.py of the folder it started in"


def test_the_terminal_a_page_asks_for_is_bounded(served: Served) -> None:
    _wait_for_no_game(served)  # the tabs of the tests before
    tab = open_game(served, "?width=3000&height=3000")
    try:
        (game,) = served.game_processes()
        environ = dict(
            item.split("=", 1)
            for item in Path(f"/proc/{game}/environ").read_text().split("\0")
            if "=" in item
        )
    finally:
        tab.close()
    assert (environ["COLUMNS"], environ["ROWS"]) == (str(MAX_COLUMNS), str(MAX_ROWS))


@pytest.mark.parametrize(
    ("width", "height", "size"),
    [
        (3000, 3000, (MAX_COLUMNS, MAX_ROWS)),
        ("120", "40", (120, 40)),
        (-5, 0, (1, 1)),
        ("huge", None, (80, 24)),
        (10**400, 1e300, (MAX_COLUMNS, MAX_ROWS)),
    ],
    ids=["huge", "text", "negative", "not a number", "enormous"],
)
def test_sizes_are_whole_numbers_within_bounds(width: object, height: object, size: tuple[int, int]) -> None:
    assert terminal_size(width, height) == size


def test_a_resize_to_a_huge_terminal_is_bounded() -> None:
    """The page's resize messages reach the game within the same bounds as the first size."""

    class Message:
        type = aiohttp.WSMsgType.TEXT

        def __init__(self, data: object) -> None:
            self.data = data

        def json(self) -> object:
            return self.data

    class Page:
        def __aiter__(self):  # type: ignore[no-untyped-def]
            return self.messages()

        async def messages(self):  # type: ignore[no-untyped-def]
            for data in (["resize", {"width": 3000, "height": 3000}], ["resize", "bad"], ["stdin", 5], []):
                yield Message(data)

    class Game:
        sizes: list[tuple[int, int]] = []  # noqa: RUF012

        async def set_terminal_size(self, width: int, height: int) -> None:
            self.sizes.append((width, height))

    game = Game()
    server = GameServer("true", host="127.0.0.1", port=8000, loopback_only=True, title="t")
    asyncio.run(server.relay(Page(), game))  # type: ignore[arg-type]
    assert game.sizes == [(MAX_COLUMNS, MAX_ROWS)]


def _reset(tab: socket.socket) -> None:
    tab.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    tab.close()


def _close(tab: socket.socket) -> None:
    tab.sendall(close_frame())
    tab.close()


@pytest.mark.parametrize(
    "end",
    [_close, _reset, socket.socket.close, None],
    ids=["close frame", "connection reset", "connection closed", "browser gone silent"],
)
def test_every_game_ends_within_seconds_of_its_tab(served: Served, end: object) -> None:
    """However the tab's connection ends, its game process is gone soon after (the server lives on).

    Waited for by condition, not by the clock: on a loaded machine (load 10-19 on two cores) the
    game of the test before could take longer than a fixed 20 s to go, and this test then counted
    two games. The bound on how soon is the server's own: QUIT_TIMEOUT after the tab is known to
    be gone (at once, or 1.5 heartbeats for a silent one), with slack for such a machine.
    """
    _wait_for_no_game(served)  # the tabs of the tests before
    tab = open_game(served)
    games = served.descendants()
    assert len(games) == 1
    started = time.monotonic()
    if end is not None:
        end(tab)  # type: ignore[operator]
    # else: the tab stays connected but answers nothing, not even the heartbeat's pings
    _wait(lambda: not any(alive(pid) for pid in games), "a game outlived its tab")
    ended = time.monotonic() - started
    tab.close()
    assert served.process.poll() is None
    noticed = 1.5 * HEARTBEAT if end is None else 0.0
    assert ended < noticed + QUIT_TIMEOUT + LOADED_SLACK, "the game was not stopped by the tab's end"


#: Seconds a loaded machine may add to what the server promises (its timeouts run late there).
LOADED_SLACK = 15.0


def _wait(condition: Callable[[], bool], failure: str, timeout: float = 120.0) -> None:
    """Wait until ``condition`` holds, polling; an AssertionError with ``failure`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, failure
        time.sleep(0.1)


def _wait_for_no_game(served: Served) -> None:
    _wait(lambda: not served.descendants(), "a game of an earlier test never ended")
