"""Saves and replays: a campaign as its scenario, seed and action log, checked on every load.

No Textual here: the TUI and the CLI both call these functions.

- :func:`save_game` / :func:`autosave` write atomically; :func:`new_save_path` names a file.
- :func:`load_game` reads a save, finds its scenario, replays it and checks the replay
  against the stored snapshot and hash; :func:`list_saves` lists a folder without replaying.
- Everything that is wrong with a file is a :class:`SaveError` (a
  :class:`ScenarioChangedError` when only the scenario changed) with a message to show.
"""

from game.saves.errors import SaveError, ScenarioChangedError
from game.saves.listing import SaveInfo, autosave, autosave_path, describe, list_saves, new_save_path
from game.saves.model import FORMAT_VERSION, SaveFile
from game.saves.store import LoadedGame, build_save, load_game, read_save, replay, save_game, write_save

__all__ = [
    "FORMAT_VERSION",
    "LoadedGame",
    "SaveError",
    "SaveFile",
    "SaveInfo",
    "ScenarioChangedError",
    "autosave",
    "autosave_path",
    "build_save",
    "describe",
    "list_saves",
    "load_game",
    "new_save_path",
    "read_save",
    "replay",
    "save_game",
    "write_save",
]
