"""`cislunar serve`: where it listens, what it refuses, and what a browser can and cannot reach."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from game.cli.main import main
from tests.serving import Served, quiet_env, serving

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
    status, body = served.get("/ws", headers)
    assert status == 403 and "only be played from its own page" in body
    assert served.game_processes() == []


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
