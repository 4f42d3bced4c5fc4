"""Reading a file someone else may have made: only a regular file, and never more than a limit.

Scenarios, the bases they extend and saves are all read through :func:`read_regular`, so a
FIFO (which would block the read forever), a device such as ``/dev/zero`` or a folder is
refused by what it is, before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path names something other than a regular file: a FIFO, a device, a folder."""


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit + 1`` of them (so the caller
    can tell a file over the limit); NotRegularFile or another OSError when it cannot be read.

    The file is opened without blocking and its kind is checked on the open descriptor, so a
    FIFO swapped in after a check cannot block the read either.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(descriptor).st_mode
    except OSError:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise NotRegularFile(f"not a regular file ({_kind(mode)})")
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(limit + 1)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
