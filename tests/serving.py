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

START_TIMEOUT = 30.0  # seconds: the server imports aiohttp and textual-serve, then binds


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
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == self.process.pid:
                children.append(int(stat.parent.name))
        return children


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
def serving(home: Path, *args: str) -> Iterator[Served]:
    """`cislunar serve` on a free port with ``args``; stopped with SIGTERM like Ctrl+C would."""
    port = free_port()
    command = [sys.executable, "-m", "game", "serve", "--port", str(port), *args]
    log = home / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=quiet_env(home))
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
