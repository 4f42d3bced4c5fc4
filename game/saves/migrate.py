"""Bring a save of an older format version up to the current one, or say that it cannot be.

Each entry of MIGRATIONS turns the raw JSON of version N into version N + 1. When the
format changes, bump FORMAT_VERSION in model.py and add the step here with a test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.saves.errors import SaveError
from game.saves.model import FORMAT_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: version N -> a function that returns the same save as version N + 1
MIGRATIONS: dict[int, Migration] = {}


def migrate(data: dict[str, Any], path: str) -> dict[str, Any]:
    """The save data at FORMAT_VERSION; SaveError when it is newer or cannot be migrated."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"the save has no valid format version (found {version!r})", path)
    if version > FORMAT_VERSION:
        raise SaveError(
            f"this save is format version {version}, written by a newer Cislunar; this one reads "
            f"versions up to {FORMAT_VERSION}: update Cislunar to load it",
            path,
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SaveError(
                f"this save is format version {version}, which this Cislunar cannot migrate "
                f"(it reads version {FORMAT_VERSION}{_oldest()})",
                path,
            )
        data = step(dict(data))
        if data.get("version") != version + 1:
            raise SaveError(f"migrating format version {version} failed", path)
        version += 1
    return data


def _oldest() -> str:
    if not MIGRATIONS:
        return ""
    return f" and migrates versions {min(MIGRATIONS)} to {FORMAT_VERSION - 1}"
