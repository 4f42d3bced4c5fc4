"""A damaged save's problem where it is in the file, in the words the scenario errors use.

Pydantic names a refused value by a dotted path (``actions.1.kind: Input should be ...``);
the rest of the game says ``path:line:column: message`` with the place in words. A save is
JSON, so its positions are found by walking the text to the refused value (only on this error
path: a save that loads is never walked), and the message comes from game/format/refusals.py,
which words the models' refusals for scenario files.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from game.format.diagnostics import Position
from game.format.refusals import located_errors
from game.format.yaml_source import DataPath
from game.saves.errors import SaveError
from game.saves.model import SaveFile

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonSource:
    """The positions of a JSON text's values and keys by data path, found when asked
    (the part of game/format/yaml_source.py's SourceMap that located errors use)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text

    def value(self, loc: DataPath) -> Position:
        """Where the value at ``loc`` starts, or its nearest ancestor that is in the text."""
        return self._position(self._find(loc)[0])

    def key(self, loc: DataPath) -> Position:
        """Where the key of the value at ``loc`` is (the value itself for a list's item)."""
        value, key = self._find(loc)
        return self._position(key if key is not None else value)

    def _position(self, offset: int) -> Position:
        line = self.text.count("\n", 0, offset) + 1
        return Position(self.path, line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1)

    def _find(self, loc: DataPath) -> tuple[int, int | None]:
        """The offsets of the value at ``loc`` (or of the deepest part found) and of its key."""
        text = self.text
        at = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
        key_at: int | None = None
        for part in loc:
            found = self._child(at, part)
            if found is None:
                break
            at, key_at = found
        return at, key_at

    def _child(self, at: int, part: str | int) -> tuple[int, int | None] | None:
        text = self.text
        if at >= len(text) or text[at] not in "{[":
            return None
        closing = "}" if text[at] == "{" else "]"
        at = self._space(at + 1)
        index = 0
        while at < len(text) and text[at] != closing:
            key_at = None
            if closing == "}":
                key_at = at
                key, at = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
                at = self._space(self._space(at) + 1)  # past the ':'
                if key == part:
                    return at, key_at
            elif index == part:
                return at, None
            _, at = _DECODER.raw_decode(text, at)
            at = self._space(at)
            if at < len(text) and text[at] == ",":
                at = self._space(at + 1)
            index += 1
        return None

    def _space(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]


def damaged_save(error: ValidationError, path: str, text: str, data: Any) -> SaveError:
    """The save's first problem at its line and column, in words, and how many more there are."""
    found = located_errors(error, JsonSource(path, text), SaveFile, data)  # type: ignore[arg-type]
    if not found:  # pydantic refused it but nothing could be placed: still a sentence, not a path
        return SaveError("damaged save: it does not have the shape of a Cislunar save", path)
    first, more = found[0], len(found) - 1
    tail = f" (and {more} more problem{'s' * (more != 1)})" if more else ""
    return SaveError(f"damaged save: {first.message}{tail}", path, first.line, first.column)
