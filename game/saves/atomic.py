"""Write a file so that a crash or a full disk never leaves it half written.

The bytes go to a temporary file in the same folder, are flushed and fsynced, then the
temporary file replaces the target in one rename: readers see the old file or the new one.
A process killed mid-write leaves its temporary file behind; :func:`remove_stale_temporaries`
clears those once they are old enough that no write can still be under way.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"
#: A temporary file this old is left over from a killed write (a write takes milliseconds).
STALE_AFTER_SECONDS = 10 * 60
#: The names mkstemp gives in atomic_write: ".{target name}.{8 random characters}.tmp".
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; on any failure the old file stays as it was."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_stale_temporaries(folder: Path, suffix: str, now: float | None = None) -> list[Path]:
    """Delete the temporary files killed writes of ``*{suffix}`` files left in ``folder``.

    Only regular files named as atomic_write names them and older than STALE_AFTER_SECONDS
    go (a write under way in another process is younger); returns what was removed.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (_TEMPORARY.match(entry.name) and f"{suffix}." in entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
