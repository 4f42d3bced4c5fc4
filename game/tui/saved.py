"""Where saved campaigns reach the title screen: a provider lists them, an entry resumes one.

A provider is any callable returning :class:`SavedCampaign` items, newest first; the title
screen shows "Continue" and "Load" only when it returns some. :func:`folder_saves` is the
real one (the user's saves folder); tests pass their own lists. The saves library is
imported when a list is asked for, not when the app starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.saves import SaveInfo


@dataclass(frozen=True, slots=True)
class Resumed:
    """A campaign ready to play on, with the scenario file it is played on (for its next saves)."""

    game: Game
    scenario_path: Path | None = None


@dataclass(frozen=True, slots=True)
class SavedCampaign:
    """A campaign the player can resume: a label for the menu and a way to rebuild it."""

    label: str  # e.g. "ESA · 2023-Q2 · Cislunar 2021"
    detail: str
    open: Callable[[], Resumed]  # raises SaveError when the file cannot be trusted
    problem: str = ""  # why this file cannot be resumed ('' when it can): listed, not offered

    @property
    def resumable(self) -> bool:
        return not self.problem


SavesProvider = Callable[[], list[SavedCampaign]]


def no_saves() -> list[SavedCampaign]:
    """The provider when saving is off: nothing to continue."""
    return []


def folder_saves(folder: Path, scenario_dirs: list[Path] | None = None) -> SavesProvider:
    """The saves of ``folder``, as their headers describe them (no replay until one is opened).

    Their scenarios are looked for beside them and in ``scenario_dirs`` (by default the
    shipped and the user's scenario folders: where the new-campaign screen finds them).
    """

    def provider() -> list[SavedCampaign]:
        from game.saves import list_saves

        return [_entry(info, scenario_dirs) for info in list_saves(folder)]

    return provider


def _entry(info: SaveInfo, scenario_dirs: list[Path] | None) -> SavedCampaign:
    from game.printable import printable

    opening = partial(_open, info.path, scenario_dirs)
    name = printable(info.path.name)  # a file name may hold what a terminal obeys (ESC, newlines)
    if not info.ok:
        return SavedCampaign(name, info.problem, opening, problem=info.problem)
    kind = "autosave" if info.autosave else "saved"
    ending = f", {info.outcome}" if info.outcome else ""
    return SavedCampaign(
        f"{info.agency.upper()} · {info.date} · {info.scenario_title}",
        # turns counted from 1, as the dashboard's header counts them
        f"score {info.score:.0f}, turn {info.turn + 1}{ending} · {kind}: {name}",
        opening,
    )


def _open(path: Path, scenario_dirs: list[Path] | None) -> Resumed:
    """Load a save by replaying it (checked against its snapshot); SaveError says what is wrong."""
    from game.saves import load_game

    loaded = load_game(path, scenario_dirs=scenario_dirs)
    return Resumed(loaded.game, loaded.scenario_path)
