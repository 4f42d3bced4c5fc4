"""The scenarios a player can pick: the shipped ones and those in the user's scenario folder.

Only the top of each file is read -- the keys before the first of 'blocs', 'agencies',
'programmes'... -- and merged with the top of what it extends, without validation: a list
of every scenario takes milliseconds, not the second a full parse of the default scenario
costs. A file whose top cannot be read is still listed, with the problem, so the player
learns why; the full check happens when a scenario is loaded. The TUI's set-up screen uses this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from game.format.dates import parse_date
from game.format.extends import SUFFIXES, resolve_extends
from game.format.metadata import game_version_refusal
from game.format.yaml_source import read_document, read_source
from game.paths import DEFAULT_SCENARIO_ID, TEST_SUFFIX, shipped_scenarios_dir, user_scenarios_dir

Origin = Literal["shipped", "user"]

#: The first top-level key of a scenario's body: a list needs nothing from there on.
_BODY = re.compile(
    rb"^(?:blocs|capabilities|agencies|programmes|missions|events|objectives|victory_score|defeat)"
    rb"[ \t]*:",
    re.MULTILINE,
)


class ScenarioEntry(BaseModel, frozen=True):
    """One scenario file, as a list of scenarios shows it."""

    id: str | None
    title: str
    description: str = ""
    version: str | None = None
    author: str | None = None
    start_year: int | None = None
    end_year: int | None = None
    path: Path
    origin: Origin
    extends: str | None = None
    problem: str | None = None  # the first problem that stops the file from loading, if any

    @property
    def years(self) -> str:
        if self.start_year is None or self.end_year is None:
            return ""
        return f"{self.start_year}–{self.end_year}"


def default_folders() -> list[tuple[Origin, Path]]:
    return [("shipped", shipped_scenarios_dir()), ("user", user_scenarios_dir())]


def list_scenarios(folders: Sequence[tuple[Origin, Path]] | None = None) -> list[ScenarioEntry]:
    """Every scenario file of the folders: shipped first (the default one leading), then by title."""
    folders = default_folders() if folders is None else folders
    search = [folder for _, folder in folders]
    entries = []
    for origin, folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix in SUFFIXES and path.is_file() and not path.name.endswith(TEST_SUFFIX):
                entries.append(read_entry(path, origin, search))
    order = {origin: rank for rank, (origin, _) in enumerate(folders)}
    entries.sort(key=lambda e: (order[e.origin], e.id != DEFAULT_SCENARIO_ID, e.title.lower(), str(e.path)))
    return entries


def read_entry(path: Path, origin: Origin, search_dirs: Sequence[Path]) -> ScenarioEntry:
    """What a list shows of one file, or why it cannot be read."""
    try:
        raw = read_head(path)
    except OSError as error:
        return _broken(path, origin, f"cannot read file: {error.strerror or error}")
    document, problems = read_document(str(path), raw)
    if document is None:
        return _broken(path, origin, str(problems[0]))
    own = document.data if isinstance(document.data, dict) else {}
    refused = game_version_refusal(document.data, document.source)
    if refused is not None:
        return _broken(path, origin, str(refused), own)
    resolved = resolve_extends(str(path), document, search_dirs, read=read_head)
    errors = [d for d in resolved.diagnostics if d.severity == "error"]
    if resolved.document is None or errors:
        return _broken(path, origin, str(errors[0]) if errors else "cannot be read", own)
    data = resolved.document.data
    if not isinstance(data, dict):
        return _broken(path, origin, f"{path}:1:1: error: a scenario file is a mapping of keys")
    calendar = data.get("calendar") if isinstance(data.get("calendar"), dict) else {}
    return ScenarioEntry(
        id=_text(data.get("id")),
        title=_text(data.get("title")) or path.stem,
        description=_text(data.get("description")) or "",
        version=_text(data.get("version")),
        author=_text(data.get("author")),
        start_year=_year(calendar.get("start")),
        end_year=_year(calendar.get("end")),
        path=path,
        origin=origin,
        extends=_text(own.get("extends")),
    )


def read_head(path: Path) -> bytes:
    """The top of a scenario file, up to its body (the whole file when it has none)."""
    raw = read_source(path)
    body = _BODY.search(raw)
    return raw[: body.start()] if body else raw


def _broken(path: Path, origin: Origin, problem: str, own: dict[str, Any] | None = None) -> ScenarioEntry:
    own = own or {}
    return ScenarioEntry(
        id=_text(own.get("id")),
        title=_text(own.get("title")) or path.stem,
        path=path,
        origin=origin,
        extends=_text(own.get("extends")),
        problem=problem,
    )


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _year(value: Any) -> int | None:
    try:
        return parse_date(value) // 12 if isinstance(value, str) else None
    except ValueError:
        return None


def scenario_files(path: Path, search_dirs: Sequence[Path] | None = None) -> list[Path]:
    """The file and every file it extends, nearest first (read from their tops only): where its
    translations are. A file whose top cannot be read is the whole chain."""
    search = [folder for _, folder in default_folders()] if search_dirs is None else search_dirs
    try:
        document, _ = read_document(str(path), read_head(path))
    except OSError:
        return [path]
    if document is None:
        return [path]
    resolved = resolve_extends(str(path), document, search, read=read_head)
    return [path, *(Path(base) for base in resolved.bases)]
