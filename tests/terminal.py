"""A command in a pseudo-terminal, as a player runs it, and the screen it draws (pyte)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

import pyte

WAIT = 30.0  # seconds for a screen to appear


class Terminal:
    def __init__(self, command: list[str], cwd: Path, env: dict[str, str], size: tuple[int, int]) -> None:
        columns, lines = size
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env | {"TERM": "xterm-256color"},
            start_new_session=True,
        )
        os.close(slave)

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def _read(self, seconds: float) -> None:
        if select.select([self.master], [], [], seconds)[0]:
            try:
                self.stream.feed(os.read(self.master, 1 << 16))
            except OSError:  # the program closed the terminal
                time.sleep(seconds)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while text not in self.text:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"the terminal never showed {text!r}; it shows:\n{self.text}")
            self._read(0.1)

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> int:
        """Wait for the program to end (after a quit key), then release the terminal."""
        deadline = time.monotonic() + WAIT
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait()
        os.close(self.master)
        return code
