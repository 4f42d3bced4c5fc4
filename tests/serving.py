"""Run `cislunar serve` for a test: on a free loopback port, ready when it answers, stopped after."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 120.0  # seconds at most (a deadline, not a wait): the server imports aiohttp and
# textual-serve, then binds; a game draws its first screen. A loaded machine takes far longer than 1 s.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def quiet_env(home: Path) -> dict[str, str]:
    """The environment of a served game: its saves and settings in ``home``, no colour overrides."""
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TEXTUAL_THEME")}
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_STATE_HOME"] = str(home / "state")
    return env


@dataclass(frozen=True)
class Served:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def output(self) -> str:
        """What the server printed so far (its own lines, then any game's error output)."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
        """One request with ``path`` sent exactly as written (no normalisation of ``..``)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Host": f"127.0.0.1:{self.port}", **(headers or {})})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def game_processes(self) -> list[int]:
        """Ids of the processes the server started (one per browser tab), read from /proc."""
        return [pid for pid, parent in _processes().items() if parent == self.process.pid]

    def descendants(self) -> list[int]:
        """Every process under the server: the games and anything they started."""
        parents = _processes()
        found, frontier = [], [self.process.pid]
        while frontier:
            children = [pid for pid, parent in parents.items() if parent in frontier]
            found += children
            frontier = children
        return found


def _processes() -> dict[int, int]:
    """Every live (not zombie) process of this machine and its parent, from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    return parents


def alive(pid: int) -> bool:
    return pid in _processes()


def open_game(served: Served, query: str = "") -> socket.socket:
    """A browser tab by hand: the websocket handshake of /ws, then wait for the game's first bytes.

    While it waits it answers the server's pings as a browser does: on a loaded machine a game
    can take longer than 1.5 heartbeats to draw, and a tab that answered nothing was dropped as
    silent (its game ended before the test looked for it).
    """
    tab = socket.create_connection(("127.0.0.1", served.port), timeout=30)
    host = f"127.0.0.1:{served.port}"
    tab.sendall(
        f"GET /ws{query} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\n"
        "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n".encode()
    )
    received = b""
    while b"\r\n\r\n" not in received:
        received += tab.recv(4096)
    assert received.startswith(b"HTTP/1.1 101"), received[:200]
    frames = received.split(b"\r\n\r\n", 1)[1]
    drawn = 0
    deadline = time.monotonic() + START_TIMEOUT
    while drawn < 2000 and time.monotonic() < deadline:  # the game draws its first screen
        chunk = tab.recv(65536)
        assert chunk, "the server closed the tab before its game drew"
        frames += chunk
        while (frame := _next_frame(frames)) is not None:
            opcode, payload, frames = frame
            if opcode == PING:
                tab.sendall(client_frame(PONG, payload))
            elif opcode in (TEXT, BINARY):
                drawn += len(payload)
    return tab


TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA


def _next_frame(data: bytes) -> tuple[int, bytes, bytes] | None:
    """The first whole frame the server sent in ``data`` (opcode, payload, the rest), or None."""
    if len(data) < 2:
        return None
    length, start = data[1] & 0x7F, 2
    if length == 126:
        length, start = int.from_bytes(data[2:4], "big"), 4
    elif length == 127:
        length, start = int.from_bytes(data[2:10], "big"), 10
    if len(data) < start + length:
        return None
    return data[0] & 0x0F, data[start : start + length], data[start + length :]


def client_frame(opcode: int, payload: bytes) -> bytes:
    """One small frame as a client sends it (masked, as clients must)."""
    mask = b"\x01\x02\x03\x04"
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked


def close_frame() -> bytes:
    """A client's close frame (status 1001, going away), masked as clients must."""
    return client_frame(CLOSE, (1001).to_bytes(2, "big"))


def wait_until_answering(served: Served) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            code = served.process.returncode
            raise AssertionError(f"cislunar serve exited with {code}:\n{served.output()}")
        try:
            if served.get("/")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"cislunar serve did not answer on port {served.port} within {START_TIMEOUT} s")


@contextmanager
def serving(home: Path, *args: str, cwd: Path | None = None) -> Iterator[Served]:
    """`cislunar serve` on a free port with ``args``; stopped with SIGTERM like Ctrl+C would.

    Started as the installed `cislunar` command starts (``-P``: the folder it runs in, ``cwd``,
    is not on its import path).
    """
    port = free_port()
    command = [sys.executable, "-P", "-m", "game", "serve", "--port", str(port), *args]
    log = home / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, env=quiet_env(home), cwd=cwd
        )
    served = Served(process, port, log)
    try:
        wait_until_answering(served)
        yield served
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
