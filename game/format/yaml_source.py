"""Read YAML into plain Python data plus a map from every data path to its position.

ruamel.yaml's round-trip loader keeps the line and column of each key and item, reports
duplicate keys, and never constructs Python objects from tags. On top of it this module
refuses tags, enormous or deeply nested documents, alias bombs and non-UTF-8 bytes, each
with a located diagnostic instead of an exception.
"""

from __future__ import annotations

import datetime
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.scanner import RoundTripScanner

from game.format.diagnostics import Diagnostic, Position

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 250_000

DataPath = tuple[str | int, ...]
_TOO_DEEP = f"document is nested more than {MAX_DEPTH} levels deep"


@dataclass
class SourceMap:
    """Positions of the values (and of the keys) of a document, by data path."""

    path: str
    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)
    quoted: set[DataPath] = field(default_factory=set)

    def value(self, loc: DataPath) -> Position:
        """The position of the value at ``loc``, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            found = self.values.get(loc[:end])
            if found is not None:
                return found
        return Position(path=self.path)

    def key(self, loc: DataPath) -> Position:
        return self.keys.get(loc) or self.value(loc)

    def text(self, loc: DataPath, offset: int) -> Position:
        """A position inside the string at ``loc``: ``offset`` characters into its text."""
        return self.value(loc).shifted(offset + (1 if loc in self.quoted else 0))

    def update(self, other: SourceMap) -> None:
        self.values.update(other.values)
        self.keys.update(other.keys)
        self.quoted |= other.quoted


@dataclass
class Document:
    data: Any
    source: SourceMap


def read_source(path: str | Path) -> bytes:
    """The bytes of a scenario file, never more than one past the limit (so /dev/zero or a
    huge file is refused as too large instead of filling memory); OSError when unreadable."""
    with open(path, "rb") as stream:
        return stream.read(MAX_FILE_BYTES + 1)


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class _DepthLimitedScanner(RoundTripScanner):
    """ruamel's scanner, stopping at the first '[' or '{' nested more than MAX_DEPTH deep.

    Its look-ahead over '[[[[...' costs time that grows with the square of the depth (seconds
    for a few kilobytes), so deep flow nesting is refused while reading, not after.
    """

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: str) -> None:
        if self.flow_level >= MAX_DEPTH:
            mark = self.reader.get_mark()
            raise _TooDeep(mark.line + 1, mark.column + 1)
        super().fetch_flow_collection_start(TokenClass, to_push)


class _TooBig(Exception):
    def __init__(self, message: str, position: Position) -> None:
        self.message = message
        self.position = position


def read_document(path: str, raw: bytes) -> tuple[Document | None, list[Diagnostic]]:
    """Parse ``raw`` (the bytes of ``path``); return the document or the located problems."""
    origin = Position(path=path)
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Diagnostic.at(origin, "too-large", f"file is larger than the limit of {MAX_FILE_BYTES} bytes")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        where = Position(path=path, line=line, column=column)
        return None, [Diagnostic.at(where, "encoding", "file is not UTF-8 text (binary or another encoding)")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [
            Diagnostic.at(Position(path=path, line=line), "encoding", "file holds NUL bytes: not a text file")
        ]
    yaml = YAML(typ="rt")
    yaml.Scanner = _DepthLimitedScanner
    yaml.allow_duplicate_keys = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", ReusedAnchorWarning)
            data = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Position(path=path, line=mark.line + 1, column=mark.column + 1) if mark else origin
        problem = (error.problem or error.context or "invalid YAML").strip()
        if "duplicate key" in problem:
            return None, [Diagnostic.at(where, "duplicate-key", problem.replace('"', "'"))]
        return None, [Diagnostic.at(where, "yaml-syntax", f"YAML syntax: {problem}")]
    except ReusedAnchorWarning as warning:
        return None, [_reused_anchor(path, str(warning))]
    except _TooDeep as error:
        where = Position(path=path, line=error.line, column=error.column)
        return None, [Diagnostic.at(where, "too-large", _TOO_DEEP)]
    except RecursionError:
        return None, [Diagnostic.at(origin, "too-large", _TOO_DEEP)]
    except (YAMLError, ValueError, TypeError, OverflowError) as error:
        return None, [Diagnostic.at(origin, "yaml-syntax", f"YAML syntax: {error}".splitlines()[0])]
    source = SourceMap(path=path)
    try:
        plain = _convert(data, (), source, depth=0, counter=[0])
    except _TooBig as error:
        return None, [Diagnostic.at(error.position, "too-large", error.message)]
    except _Refused as error:
        return None, error.diagnostics
    return Document(plain, source), []


def _reused_anchor(path: str, text: str) -> Diagnostic:
    """ruamel only warns about an anchor defined twice (the later one wins): an error here."""
    name = re.search(r"found duplicate anchor '?([^'\n]*)'?", text)
    marks = re.findall(r"line (\d+), column (\d+)", text)
    line, column = (int(marks[-1][0]), int(marks[-1][1])) if marks else (1, 1)
    first = f" (first on line {marks[0][0]})" if len(marks) > 1 else ""
    anchor = name.group(1) if name else "?"
    message = f"anchor '&{anchor}' is defined twice{first}: give each anchor its own name"
    return Diagnostic.at(Position(path=path, line=line, column=column), "yaml-anchor", message)


class _Refused(Exception):
    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics


def _position(node: Any, source: SourceMap) -> Position:
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return Position(path=source.path, line=lc.line + 1, column=lc.col + 1)
    return Position(path=source.path)


def _convert(node: Any, loc: DataPath, source: SourceMap, depth: int, counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise _TooBig(f"document has more than {MAX_NODES} values (alias bomb?)", source.value(loc))
    if depth > MAX_DEPTH:
        raise _TooBig(_TOO_DEEP, source.value(loc))
    tag = getattr(getattr(node, "tag", None), "value", None)
    if tag is not None:
        raise _Refused(
            [
                Diagnostic.at(
                    source.value(loc), "yaml-tag", f"YAML tags such as '{tag}' are not allowed in a scenario"
                )
            ]
        )
    if isinstance(node, CommentedMap):
        result: dict[str, Any] = {}
        for key in node:
            if key not in (node.lc.data or {}):  # merged in by '<<: *anchor': shown at the merging mapping
                key_pos = value_pos = source.value(loc)
            else:
                line, column = node.lc.key(key)
                vline, vcolumn = node.lc.value(key)
                key_pos = Position(path=source.path, line=line + 1, column=column + 1)
                value_pos = Position(path=source.path, line=vline + 1, column=vcolumn + 1)
            if not isinstance(key, str):
                raise _Refused(
                    [Diagnostic.at(key_pos, "yaml-key", f"keys must be plain text, not {key!r}"[:120])]
                )
            child = (*loc, key)
            source.keys[child] = key_pos
            source.values[child] = value_pos
            value = node[key]
            if type(value).__name__ in ("DoubleQuotedScalarString", "SingleQuotedScalarString"):
                source.quoted.add(child)
            result[key] = _convert(value, child, source, depth + 1, counter)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            line, column = node.lc.item(index)
            source.values[(*loc, index)] = Position(path=source.path, line=line + 1, column=column + 1)
            if type(item).__name__ in ("DoubleQuotedScalarString", "SingleQuotedScalarString"):
                source.quoted.add((*loc, index))
            items.append(_convert(item, (*loc, index), source, depth + 1, counter))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, datetime.date):
        raise _Refused(
            [
                Diagnostic.at(
                    source.value(loc), "yaml-type", "write dates as quoted text like '2024-Q4' or '2024-11'"
                )
            ]
        )
    raise _Refused(
        [
            Diagnostic.at(
                source.value(loc), "yaml-type", f"values of type {type(node).__name__} are not allowed"
            )
        ]
    )
