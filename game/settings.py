"""The player's settings that outlive a game: a small JSON file in the user's config folder.

Only the interface language for now (``{"language": "ru"}``). A file that cannot be read or
holds something unexpected counts as no settings (the defaults), never as a crash; the
command line's choice (``cislunar play --lang``) wins over it for one run.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_config_path

MAX_SETTINGS_BYTES = 10_000


@dataclass
class Settings:
    language: str | None = None  # None: English, the source language


def settings_path() -> Path:
    return user_config_path("cislunar", appauthor=False) / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there are none or they cannot be read."""
    path = settings_path() if path is None else path
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return Settings()
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    language = data.get("language") if isinstance(data, dict) else None
    return Settings(language=language if isinstance(language, str) and language.isascii() else None)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings (replacing the file whole); OSError when the folder cannot be written."""
    path = settings_path() if path is None else path
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)
