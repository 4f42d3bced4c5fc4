"""The saves in a folder, with what the title screen shows, and the one rotating autosave.

Listing reads each file's header (no replay): a file that is not a good save is listed
with the reason instead of its details, and never stops the listing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from game.engine.game import Game
from game.paths import saves_dir
from game.saves.atomic import remove_stale_temporaries
from game.saves.errors import SaveError
from game.saves.store import SAVE_SUFFIX, read_save, save_game

AUTOSAVE_PREFIX = "autosave-"


@dataclass(frozen=True, slots=True)
class SaveInfo:
    """One file of the saves folder: its summary, or the reason it cannot be loaded."""

    path: Path
    modified: float  # seconds since the epoch, for sorting and showing
    problem: str = ""  # why it is not a good save; '' when it is
    scenario_id: str = ""
    scenario_title: str = ""
    agency: str = ""
    date: str = ""
    turn: int = 0
    score: float = 0.0
    outcome: str = ""  # '', won, lost, finished

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def autosave(self) -> bool:
        return self.path.name.startswith(AUTOSAVE_PREFIX)


def list_saves(folder: str | Path | None = None) -> list[SaveInfo]:
    """Every ``*.json`` file of ``folder`` (the user's saves folder by default), newest first.

    The temporary files of writes killed long ago are cleared on the way.
    """
    where = Path(folder) if folder is not None else saves_dir()
    remove_stale_temporaries(where, SAVE_SUFFIX)
    try:
        files = [p for p in where.iterdir() if p.suffix == SAVE_SUFFIX and not p.name.startswith(".")]
    except OSError:
        return []
    entries = [describe(path) for path in files]
    entries.sort(key=lambda entry: (-entry.modified, entry.path.name))
    return entries


def describe(path: Path) -> SaveInfo:
    """A listing entry for one file; never raises."""
    try:
        modified = path.stat().st_mtime
    except OSError:
        modified = 0.0
    try:
        save = read_save(path)
    except SaveError as error:
        return SaveInfo(path, modified, problem=error.message)
    summary = save.summary
    return SaveInfo(
        path,
        modified,
        scenario_id=save.scenario.id,
        scenario_title=save.scenario.title,
        agency=save.agency,
        date=summary.date,
        turn=summary.turn,
        score=summary.score,
        outcome=summary.outcome,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.") or "save"


def autosave_path(game: Game, folder: str | Path | None = None) -> Path:
    """The one autosave file of this campaign (scenario, agency and seed)."""
    where = Path(folder) if folder is not None else saves_dir()
    name = f"{AUTOSAVE_PREFIX}{game.compiled.scenario.id}-{game.player}-{game.state.seed}"
    return where / f"{_slug(name)}{SAVE_SUFFIX}"


def autosave(game: Game, scenario_path: str | Path, folder: str | Path | None = None) -> Path:
    """Write the campaign's autosave, replacing the previous one atomically."""
    return save_game(game, scenario_path, autosave_path(game, folder))


def new_save_path(game: Game, folder: str | Path | None = None, name: str | None = None) -> Path:
    """A free file name for a manual save: ``name`` or scenario-agency-date, numbered if taken."""
    where = Path(folder) if folder is not None else saves_dir()
    stem = _slug(name or f"{game.compiled.scenario.id}-{game.player}-{game.date}")
    if stem.startswith(AUTOSAVE_PREFIX):
        stem = stem.removeprefix(AUTOSAVE_PREFIX) or "save"
    candidate = where / f"{stem}{SAVE_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = where / f"{stem}-{number}{SAVE_SUFFIX}"
        number += 1
    return candidate
