"""The commented starter scenario that `cislunar new` writes: a template filled with a name.

The template is a data file next to this module (``templates/starter.yaml``); it validates
with no warnings once filled, which a test checks.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")


def scenario_id(name: str) -> str:
    """The id a file name gives: 'My-Moon' -> 'my_moon'. ValueError when it cannot be one."""
    if not NAME.match(name):
        raise ValueError(
            f"'{name}' cannot name a scenario: use up to 40 letters, digits, '-' and '_', "
            "starting with a letter"
        )
    return name.lower().replace("-", "_")


def default_title(name: str) -> str:
    words = re.split(r"[-_]+", name)
    return " ".join(words).strip().capitalize() or name


def starter_text(name: str, path: Path, schema: Path, title: str | None = None) -> str:
    """The starter scenario for ``name``, to be written at ``path``, pointing editors at ``schema``."""
    template = resources.files("game.format").joinpath("templates/starter.yaml").read_text(encoding="utf-8")
    values = {
        "id": scenario_id(name),
        "title": title or default_title(name),
        "title_yaml": json.dumps(title or default_title(name), ensure_ascii=False),
        "schema": str(schema),
        "path": str(path),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda match: values[match.group(1)], template)
