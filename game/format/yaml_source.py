"""Read YAML into plain Python data plus a map from every data path to its position.

The YAML is parsed by libyaml, PyYAML's C parser, which hands over a stream of events (a
mapping starts, a scalar, an alias...) that each carry their line and column: positions at C
speed, where a pure-Python round-trip parser reads about 6 µs per byte. This module builds
the data from those events itself, with YAML 1.2's core types (``yes``/``no``/``on``/``off``
stay text), never constructing Python objects from tags: it refuses tags, duplicate keys,
anchors defined twice, keys that are not text, dates, enormous or deeply nested documents,
alias bombs and non-UTF-8 bytes, each with a located diagnostic instead of an exception.
Anchors, aliases and ``<<`` merge keys give plain copies, their positions copied with them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.files import read_regular
from game.format.diagnostics import Diagnostic, Position

# libyaml when PyYAML was built with it (its wheels are); else PyYAML's pure-Python parser,
# which gives the same events, slower.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 250_000

DataPath = tuple[str | int, ...]
_TOO_DEEP = f"document is nested more than {MAX_DEPTH} levels deep"
_TOO_MANY = f"document has more than {MAX_NODES} values (alias bomb?)"
_DATES = "write dates as quoted text like '2024-Q4' or '2024-11'"


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

    def in_text(self, loc: DataPath, text: str, offset: int) -> Position:
        """Where ``offset`` of the text at ``loc`` is: exact while it is on the text's first line,
        else the text's start (a folded or quoted text's later lines do not map column for column)."""
        return self.text(loc, offset) if "\n" not in text[:offset] else self.value(loc)

    def update(self, other: SourceMap) -> None:
        self.values.update(other.values)
        self.keys.update(other.keys)
        self.quoted |= other.quoted


@dataclass
class Document:
    data: Any
    source: SourceMap


def read_source(path: str | Path) -> bytes:
    """The bytes of a scenario file, never more than one past the limit (so a huge file is
    refused as too large instead of filling memory); OSError when unreadable or when it is
    not a regular file (a FIFO would block forever, a device never ends)."""
    return read_regular(path, MAX_FILE_BYTES)


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
    builder = _Builder(path, text)
    try:
        data = builder.build()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Position(path=path, line=mark.line + 1, column=mark.column + 1) if mark else origin
        if error.problem == "exceeded maximum nesting depth" and mark is not None:
            return None, [_too_deep(path, text[: mark.index], where)]
        problem = (error.problem or error.context or "invalid YAML").strip()
        if isinstance(error, yaml.parser.ParserError) and mark is not None:
            where, problem = _token_after(path, text, mark.index) or (where, problem)
        return None, [Diagnostic.at(where, "yaml-syntax", f"YAML syntax: {problem}")]
    except _Problem as problem:
        return None, [problem.diagnostic]
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        return None, [Diagnostic.at(origin, "yaml-syntax", f"YAML syntax: {error}".splitlines()[0])]
    # Errors in what the nodes mean (a key twice, a merge of a scalar) come before refusals of
    # what the data holds (a tag, a date, too many values), as when the whole document was
    # parsed before it was converted.
    problem = builder.meaning or builder.refused
    if problem is not None:
        return None, [problem]
    return Document(data, builder.source), []


def _token_after(path: str, text: str, index: int) -> tuple[Position, str] | None:
    """The error of the token after a parser's problem at ``index``, if it cannot be read: the
    scanner looks one token further than libyaml's before the parser judges, so the
    character that starts no token is what it reported ('title: [a' above 'k: >-')."""
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            if token.start_mark.index > index:
                return None
    except yaml.scanner.ScannerError as error:
        mark = error.problem_mark
        if mark is not None and error.problem:
            return Position(path, mark.line + 1, mark.column + 1), error.problem.strip()
    except yaml.YAMLError:
        return None
    return None


def _too_deep(path: str, before: str, where: Position) -> Diagnostic:
    """libyaml stops at 1,000 levels of nesting, and its look-ahead over '[[[[...' can get there
    before the events reach level MAX_DEPTH: the text before that point shows where it is."""
    builder = _Builder(path, before)
    try:
        builder.build()
    except _Problem as problem:
        if problem.diagnostic.code == "too-large":
            return problem.diagnostic
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        pass
    if builder.refused is not None and builder.refused.code == "too-large":
        return builder.refused
    return Diagnostic.at(where, "too-large", _TOO_DEEP)


class _Problem(Exception):
    """A problem that ends the reading at once (the YAML stream itself is wrong)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


# YAML 1.2 core schema, for plain scalars only: the expressions ruamel.yaml used, so a file
# reads as it always did (``0o17`` and ``0x1F`` are numbers, ``017`` is 17, ``1_000`` is 1000).
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_FLOAT = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_TIMESTAMP = re.compile(
    r"""^(?:(?P<year>[0-9][0-9][0-9][0-9])-(?P<month>[0-9][0-9]?)-(?P<day>[0-9][0-9]?)
    (?:(?:[Tt]|[ \t]+)(?P<hour>[0-9][0-9]?):(?P<minute>[0-9][0-9]):(?P<second>[0-9][0-9])
    (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$""",
    re.X,
)
_SHORT_DATE = re.compile(r"^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$")
_SPECIAL_FIRST = frozenset("~nNtTfF-+0123456789.<=")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_VALUE_TAG = "tag:yaml.org,2002:value"


class _Date:
    """A plain scalar YAML reads as a date: refused where it stands."""

    def __repr__(self) -> str:
        return "a date"


_A_DATE = _Date()


def _plain(value: str) -> Any:
    """The value of a plain scalar: None, a bool, an int, a float, ``_A_DATE``, a tag name for
    ``<<`` and ``=`` (refused as values), or the text itself. ValueError when the number or date
    cannot be made (``int`` of more than 4,300 digits, a 13th month)."""
    if not value:
        return None
    first = value[0]
    if first not in _SPECIAL_FIRST:
        return value
    if first in "~nN":
        return None if _NULL.match(value) else value
    if first in "tTfF":
        return first in "tT" if _BOOL.match(value) else value
    if first == "<":
        return _Tagged(_MERGE_TAG) if value == "<<" else value
    if first == "=":
        return _Tagged(_VALUE_TAG) if value == "=" else value
    if _FLOAT.match(value):
        number = value.replace("_", "").lower()
        sign = -1 if number[0] == "-" else 1
        if number[0] in "+-":
            number = number[1:]
        if number == ".inf":
            return sign * float("inf")
        if number == ".nan":
            return float("nan")
        return sign * float(number)
    if first == ".":
        return value
    if _INT.match(value):
        number = value.replace("_", "")
        sign = -1 if number[0] == "-" else 1
        if number[0] in "+-":
            number = number[1:]
        base = {"0b": 2, "0x": 16, "0o": 8}.get(number[:2])
        if base is not None:
            return sign * int(number[2:], base)
        return sign * int(number)
    if first in "+-":
        return value
    match = _TIMESTAMP.match(value)
    if match is not None and (_SHORT_DATE.match(value) or match["hour"] is not None):
        datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
        if match["hour"] is not None:
            datetime.time(int(match["hour"]), int(match["minute"]), int(match["second"]))
        return _A_DATE
    return value


class _Tagged:
    """A plain ``<<`` or ``=`` that is not a key: YAML gives it a tag of its own."""

    def __init__(self, tag: str) -> None:
        self.tag = tag


# What a frame of the stack builds, and how its nodes count: the data; an inline '<<' value
# (positions kept to be copied, nodes counted once merged in); a key that is a collection.
_NORMAL, _MERGING, _KEY = 0, 1, 2
_MERGE_SLOT: Any = object()  # the slot of a data path under which a '<<' value is read


class _Frame:
    __slots__ = (
        "anchor",
        "data",
        "depth",
        "flow",
        "is_key",
        "key",
        "key_pos",
        "keys",
        "loc",
        "merges",
        "mode",
        "pos",
        "scanned",
        "want_key",
    )

    def __init__(self, data: Any, loc: Any, depth: int, pos: Position, mode: int, flow: bool) -> None:
        self.data = data
        self.loc = loc
        self.depth = depth
        self.pos = pos
        self.mode = mode
        self.flow = flow
        self.scanned = False  # a '[' or '{' of the text (a flow level of the scanner)
        self.is_key = False
        self.want_key = True
        self.key: Any = None
        self.key_pos: Position | None = None
        self.keys: dict[Any, Any] | None = None  # the keys that are not text, for duplicates
        self.merges: list[tuple[Any, Any]] | None = None
        self.anchor: str | None = None


class _Anchor:
    __slots__ = ("data", "done", "loc", "pos")

    def __init__(self, loc: Any, pos: Position) -> None:
        self.loc = loc
        self.pos = pos
        self.data: Any = None
        self.done = False


def _shown(value: Any) -> str:
    """A value as YAML writes it, short: null, true, 12, the text itself, 'a list', 'a mapping'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value if len(value) <= 40 else value[:40] + "..."
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return "a list"
    return "a mapping" if isinstance(value, dict) else "a value"


def _kind(value: Any) -> str:
    return "mapping" if type(value) is dict else "sequence" if type(value) is list else "scalar"


def _hashable(value: Any) -> Any:
    if type(value) is list:
        return tuple(_hashable(item) for item in value)
    if type(value) is dict:
        return tuple((key, _hashable(item)) for key, item in value.items())
    return value


def _paths(data: Any, loc: Any) -> list[Any]:
    """``loc`` and the data paths of everything under it."""
    found = [loc]
    work = [(data, loc)]
    while work:
        value, at = work.pop()
        items = value.items() if type(value) is dict else enumerate(value) if type(value) is list else ()
        for name, child in items:
            found.append((*at, name))
            work.append((child, (*at, name)))
    return found


class _Builder:
    """Turns the events of one document into plain data and its source map, with an explicit
    stack (no recursion: nesting is only limited by MAX_DEPTH)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.source = SourceMap(path=path)
        self.count = 0
        self.flow_level = 0
        self.anchors: dict[str, _Anchor] = {}
        self.meaning: Diagnostic | None = None  # the first error of what the nodes mean
        self.refused: Diagnostic | None = None  # the first refusal of the data
        self.pending: Any = None  # an empty block mapping value, placed at the next event

    def _at(self, mark: Any) -> Position:
        return Position(self.path, mark.line + 1, mark.column + 1)

    def _meaning(self, where: Position, *, code: str, message: str) -> None:
        if self.meaning is None:
            self.meaning = Diagnostic.at(where, code, message)

    def _refuse(self, where: Position, *, code: str, message: str) -> None:
        if self.refused is None:
            self.refused = Diagnostic.at(where, code, message)

    def _fail(self, mark: Any, *, code: str, message: str) -> None:
        raise _Problem(Diagnostic.at(self._at(mark), code, message))

    def build(self) -> Any:
        stack: list[_Frame] = []
        root: list[Any] = []
        documents = 0
        scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
        map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        path, values, keys, quoted = self.path, self.source.values, self.source.keys, self.source.quoted
        special = _SPECIAL_FIRST
        text_of = self.text
        loader = _LOADER(self.text)
        try:
            while True:
                event = loader.get_event()
                if event is None:
                    break
                if self.pending is not None:
                    self._place_pending(event.start_mark)
                kind = type(event)
                if kind is scalar:
                    # The common case inline: text or a number under a key or in a list, with
                    # no tag nor anchor, where nothing is refused. Anything else: _scalar.
                    if not stack or event.tag is not None or event.anchor is not None:
                        self._scalar(event, stack, root)
                        continue
                    parent = stack[-1]
                    data = parent.data
                    style = event.style
                    text = event.value
                    if parent.mode != _NORMAL or parent.depth >= MAX_DEPTH or self.count >= MAX_NODES:
                        self._scalar(event, stack, root)
                        continue
                    if style == "" and (not text or text[0] in special):
                        try:
                            value = _plain(text)
                        except ValueError:
                            value = _A_DATE
                        if value is _A_DATE or type(value) is _Tagged or value is None:
                            self._scalar(event, stack, root)
                            continue
                    else:
                        value = text
                    mark = event.start_mark
                    if type(data) is dict:
                        if parent.want_key:
                            if type(value) is not str:
                                self._scalar(event, stack, root)
                                continue
                            parent.key = value
                            parent.key_pos = Position(path, mark.line + 1, mark.column + 1)
                            parent.want_key = False
                            continue
                        key = parent.key
                        if type(key) is not str or key in data:
                            self._scalar(event, stack, root)
                            continue
                        loc = (*parent.loc, key)
                        keys[loc] = parent.key_pos
                        data[key] = value
                        parent.want_key = True
                    else:
                        loc = (*parent.loc, len(data))
                        data.append(value)
                    values[loc] = Position(path, mark.line + 1, mark.column + 1)
                    if style == '"' or style == "'":
                        quoted.add(loc)
                    self.count += 1
                elif kind is map_start or kind is seq_start:
                    # Inline too when there is no tag, anchor or key to look at.
                    if not stack or event.tag is not None or event.anchor is not None:
                        self._start(event, stack, kind is map_start)
                        continue
                    parent = stack[-1]
                    data = parent.data
                    if (
                        parent.mode != _NORMAL
                        or parent.depth >= MAX_DEPTH
                        or self.count >= MAX_NODES
                        or (type(data) is dict and (parent.want_key or type(parent.key) is not str))
                    ):
                        self._start(event, stack, kind is map_start)
                        continue
                    mark = event.start_mark
                    flow = event.flow_style
                    scanned = False
                    if flow:
                        scanned = text_of[mark.index] in "[{"
                        if scanned:
                            if self.flow_level >= MAX_DEPTH:
                                self._start(event, stack, kind is map_start)
                                continue
                            self.flow_level += 1
                    if type(data) is dict:
                        loc = (*parent.loc, parent.key)
                        keys[loc] = parent.key_pos
                    else:
                        loc = (*parent.loc, len(data))
                    pos = Position(path, mark.line + 1, mark.column + 1)
                    values[loc] = pos
                    self.count += 1
                    frame = _Frame({} if kind is map_start else [], loc, parent.depth + 1, pos, _NORMAL, flow)
                    frame.scanned = scanned
                    stack.append(frame)
                elif kind is map_end or kind is seq_end:
                    frame = stack.pop()
                    if frame.scanned:
                        self.flow_level -= 1
                    if frame.merges:
                        self._merge(frame)
                    if frame.anchor is not None:
                        anchor = self.anchors[frame.anchor]
                        anchor.data, anchor.done = frame.data, True
                    if frame.is_key:
                        self._key(stack[-1], _hashable(frame.data), frame.pos, None)
                        continue
                    if stack:
                        parent = stack[-1]
                        data = parent.data
                        if type(data) is list:
                            data.append(frame.data)
                            continue
                        key = parent.key
                        if type(key) is str and parent.mode != _KEY and key not in data:
                            data[key] = frame.data
                            parent.want_key = True
                            continue
                    self._attach(frame.data, frame.loc, stack, root)
                elif kind is alias:
                    self._alias(event, stack, root)
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self._fail(
                            event.start_mark,
                            code="yaml-syntax",
                            message="YAML syntax: but found another document",
                        )
        finally:
            loader.dispose()
        return root[0] if root else None

    def _place_pending(self, mark: Any) -> None:
        """An empty value after 'key:' with no comment after it is placed where the next token
        starts (the next key, or the end of the file), as the round-trip parser placed it."""
        loc, self.pending = self.pending, None
        if mark.index >= len(self.text):
            text = self.text
            where = Position(self.path, text.count("\n") + 1, len(text) - text.rfind("\n"))
        else:
            where = self._at(mark)
        if loc in self.source.values:
            self.source.values[loc] = where

    def _slot(self, stack: list[_Frame]) -> tuple[Any, int, int, Position | None]:
        """Where the next node goes: (data path, depth, mode, key position); mode _KEY with no
        path for a key of the mapping on top of the stack."""
        if not stack:
            return (), 0, _NORMAL, None
        parent = stack[-1]
        if parent.mode == _KEY:
            return None, 0, _KEY, None
        if type(parent.data) is list:
            return (*parent.loc, len(parent.data)), parent.depth + 1, parent.mode, None
        if parent.want_key:
            return None, 0, _KEY, None
        key = parent.key
        if type(key) is _Tagged and key.tag == _MERGE_TAG:
            return (*parent.loc, _MERGE_SLOT), parent.depth + 1, _MERGING, None
        return (*parent.loc, key), parent.depth + 1, parent.mode, parent.key_pos

    def _enter(
        self, loc: Any, depth: int, mode: int, key_pos: Position | None, pos: Position, tag: Any
    ) -> None:
        """Record a value's positions and check it, as every value of the data is checked."""
        if loc:
            self.source.values[loc] = pos
            if key_pos is not None:
                self.source.keys[loc] = key_pos
        if mode == _MERGING:
            return
        self.count += 1
        if self.count > MAX_NODES:
            self._refuse(self.source.value(loc), code="too-large", message=_TOO_MANY)
        elif depth > MAX_DEPTH:
            self._refuse(self.source.value(loc), code="too-large", message=_TOO_DEEP)
        elif tag is not None and tag != "!":
            self._refuse(
                self.source.value(loc),
                code="yaml-tag",
                message=f"YAML tags such as '{tag}' are not allowed in a scenario",
            )

    def _scalar(self, event: Any, stack: list[_Frame], root: list[Any]) -> None:
        loc, depth, mode, key_pos = self._slot(stack)
        tag = event.tag
        text = event.value
        style = event.style
        pos = self._at(event.start_mark)
        value: Any = text
        if not style and (tag is None or tag == "!"):
            try:
                value = _plain(text)
            except ValueError as error:
                self._meaning(
                    Position(self.path), code="yaml-syntax", message=f"YAML syntax: {error}".splitlines()[0]
                )
        if event.anchor is not None:
            self._anchor(event, loc, pos, value)
        if mode == _KEY:
            if type(stack[-1].data) is dict and stack[-1].want_key:
                self._key(stack[-1], value, pos, tag)
            else:
                self._attach(value, loc, stack, root)
            return
        self._enter(loc, depth, mode, key_pos, pos, tag)
        if style == '"' or style == "'":
            if loc:
                self.source.quoted.add(loc)
        elif value is _A_DATE:
            if mode != _MERGING:
                self._refuse(self.source.value(loc), code="yaml-type", message=_DATES)
            value = text
        elif type(value) is _Tagged:
            if mode != _MERGING:
                self._refuse(
                    self.source.value(loc),
                    code="yaml-tag",
                    message=f"YAML tags such as '{value.tag}' are not allowed in a scenario",
                )
            value = text
        elif value is None and not text and loc and event.start_mark.index == event.end_mark.index:
            self._place_empty(event.start_mark, loc, stack[-1])
        self._attach(value, loc, stack, root)

    def _place_empty(self, mark: Any, loc: Any, parent: _Frame) -> None:
        """The position of an empty value after 'key:', where the round-trip parser put it:
        just after the ':' in a flow mapping or before a comment; else where the next token
        starts (the next key, or the end of the file), placed when the next event comes."""
        if type(parent.data) is not dict:
            return
        text, index = self.text, mark.index
        if parent.flow:
            colon = index
            while colon > 0 and text[colon - 1] in " \t\r\n":
                colon -= 1
            if colon < index and text[colon - 1 : colon] == ":":
                line = mark.line - text.count("\n", colon, index)
                column = colon - (text.rfind("\n", 0, colon) + 1)
                self.source.values[loc] = Position(self.path, line + 1, column + 1)
            return
        if index == 0 or text[index - 1] != ":":
            return
        end = text.find("\n", index)
        if not text[index : len(text) if end < 0 else end].lstrip(" \t").startswith("#"):
            self.pending = loc

    def _key(self, frame: _Frame, value: Any, pos: Position, tag: Any) -> None:
        frame.want_key = False
        frame.key_pos = pos
        if tag is not None and tag not in ("!", "tag:yaml.org,2002:str"):
            value = _Tagged(tag)
        elif type(value) is _Tagged:
            if value.tag == _VALUE_TAG:
                value = "="
            elif frame.merges is not None:
                self._meaning(pos, code="yaml-syntax", message='YAML syntax: found duplicate merge key "<<"')
            else:
                frame.merges = []
        frame.key = value

    def _start(self, event: Any, stack: list[_Frame], mapping: bool) -> None:
        loc, depth, mode, key_pos = self._slot(stack)
        pos = self._at(event.start_mark)
        flow = bool(event.flow_style)
        start = event.start_mark.index
        scanned = flow and self.text[start : start + 1] in ("[", "{", "&", "!")
        if scanned:
            if self.flow_level >= MAX_DEPTH:
                self._fail(event.start_mark, code="too-large", message=_TOO_DEEP)
            self.flow_level += 1
        if mode == _KEY:
            frame = _Frame({} if mapping else [], None, 0, pos, _KEY, flow)
            frame.is_key = type(stack[-1].data) is dict and stack[-1].want_key
        else:
            self._enter(loc, depth, mode, key_pos, pos, event.tag)
            frame = _Frame({} if mapping else [], loc, depth, pos, mode, flow)
        frame.scanned = scanned
        if event.anchor is not None:
            frame.anchor = event.anchor
            self._anchor(event, loc, pos, frame.data)
        stack.append(frame)

    def _anchor(self, event: Any, loc: Any, pos: Position, value: Any) -> None:
        name = event.anchor
        first = self.anchors.get(name)
        if first is not None:
            self._fail(
                event.start_mark,
                code="yaml-anchor",
                message=f"anchor '&{name}' is defined twice (first on line {first.pos.line}): "
                "give each anchor its own name",
            )
        anchor = _Anchor(loc, pos)
        if type(value) is not dict and type(value) is not list:
            anchor.data, anchor.done = value, True
        self.anchors[name] = anchor

    def _alias(self, event: Any, stack: list[_Frame], root: list[Any]) -> None:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            self._fail(
                event.start_mark,
                code="yaml-syntax",
                message=f"YAML syntax: found undefined alias '{event.anchor}'",
            )
            return
        loc, depth, mode, key_pos = self._slot(stack)
        if mode == _KEY:
            value = _hashable(anchor.data) if anchor.done else None
            if type(stack[-1].data) is dict and stack[-1].want_key:
                self._key(stack[-1], value, anchor.pos, None)
            else:
                self._attach(value, loc, stack, root)
            return
        if not anchor.done:  # an alias inside its own anchor: read as nothing, as it always was
            self._enter(loc, depth, mode, key_pos, anchor.pos, None)
            self._attach(None, loc, stack, root)
            return
        if loc:
            self.source.values[loc] = anchor.pos
            if key_pos is not None:
                self.source.keys[loc] = key_pos
        value = self._expand(anchor.data, anchor.loc, loc, depth, anchor.pos, mode != _MERGING)
        self._attach(value, loc, stack, root)

    def _expand(self, data: Any, origin: Any, loc: Any, depth: int, where: Position, check: bool) -> Any:
        """A copy of ``data`` (read at ``origin``) for ``loc``, its positions copied under
        ``loc``; when ``check``, every value counted and its depth checked as if written out."""
        if check:
            if self.refused is not None:  # refused already: no need for a copy (alias bombs)
                return None
            self.count += 1
            if self.count > MAX_NODES:
                self._refuse(where, code="too-large", message=_TOO_MANY)
                return None
            if depth > MAX_DEPTH:
                self._refuse(where, code="too-large", message=_TOO_DEEP)
                return None
        if type(data) is not dict and type(data) is not list:
            return data
        values, keys, quoted = self.source.values, self.source.keys, self.source.quoted
        top: Any = {} if type(data) is dict else []
        work: list[tuple[Any, Any, Any, Any, int]] = [
            (iter(data.items() if type(data) is dict else enumerate(data)), top, origin, loc, depth)
        ]
        while work:
            items, copy, at, to, level = work[-1]
            for name, child in items:
                src, dst = (*at, name), (*to, name)
                position = values.get(src)
                if position is not None:
                    values[dst] = position
                key_position = keys.get(src)
                if key_position is not None:
                    keys[dst] = key_position
                if src in quoted:
                    quoted.add(dst)
                if check:
                    self.count += 1
                    if self.count > MAX_NODES:
                        self._refuse(self.source.value(dst), code="too-large", message=_TOO_MANY)
                        return None
                    if level + 1 > MAX_DEPTH:
                        self._refuse(self.source.value(dst), code="too-large", message=_TOO_DEEP)
                        return None
                container = type(child) is dict or type(child) is list
                inner: Any = ({} if type(child) is dict else []) if container else child
                if type(copy) is dict:
                    copy[name] = inner
                else:
                    copy.append(inner)
                if container:
                    children = child.items() if type(child) is dict else enumerate(child)
                    work.append((iter(children), inner, src, dst, level + 1))
                    break
            else:
                work.pop()
        return top

    def _attach(self, value: Any, loc: Any, stack: list[_Frame], root: list[Any]) -> None:
        if not stack:
            root.append(value)
            return
        parent = stack[-1]
        data = parent.data
        if type(data) is list:
            data.append(value)
            return
        key = parent.key
        parent.want_key = True
        if type(key) is _Tagged and key.tag == _MERGE_TAG:
            assert parent.merges is not None
            parent.merges.append((value, loc))
            return
        if type(key) is str:
            if key not in data:
                data[key] = value
                return
            original = data[key]
        else:
            if parent.keys is None:
                parent.keys = {}
            try:
                if key not in parent.keys:
                    parent.keys[key] = value
                    if parent.mode != _KEY:
                        shown = f"!{key.tag}" if type(key) is _Tagged else _shown(key)
                        self._refuse(
                            parent.key_pos or parent.pos,
                            code="yaml-key",
                            message=f"keys must be plain text, not {shown}"[:120],
                        )
                    return
            except TypeError:
                return
            original = parent.keys[key]
        message = (
            f"duplicate key '{_shown(key)}': its second value ({_shown(value)}) would hide the first "
            f"({_shown(original)}); write each key once"
        )
        self._meaning(parent.key_pos or parent.pos, code="duplicate-key", message=message)

    def _merge(self, frame: _Frame) -> None:
        """Keys merged in by '<<': shown at the merging mapping, as they are written nowhere
        else in it; the keys written out win, then the mappings merged first."""
        values = self.source.values
        sources: list[tuple[dict[str, Any], Any]] = []
        problem = None
        for value, loc in frame.merges or ():
            if type(value) is dict:
                sources.append((value, loc))
            elif type(value) is list:
                for index, item in enumerate(value):
                    if type(item) is not dict:
                        problem = (
                            values.get((*loc, index)),
                            f"expected a mapping for merging, but found {_kind(item)}",
                        )
                        break
                    sources.append((item, (*loc, index)))
            else:
                problem = (
                    values.get(loc),
                    f"expected a mapping or list of mappings for merging, but found {_kind(value)}",
                )
            if problem is not None:
                self._meaning(
                    problem[0] or frame.pos, code="yaml-syntax", message=f"YAML syntax: {problem[1]}"
                )
                break
        if problem is None and frame.mode != _KEY:
            data, where = frame.data, self.source.value(frame.loc)
            check = frame.mode == _NORMAL
            for source, loc in sources:
                for key, value in source.items():
                    if key in data or type(key) is not str:
                        continue
                    at, to = (*loc, key), (*frame.loc, key)
                    values[to] = self.source.keys[to] = where
                    if at in self.source.quoted:
                        self.source.quoted.add(to)
                    data[key] = self._expand(value, at, to, frame.depth + 1, where, check)
        for value, loc in frame.merges or ():
            for path in _paths(value, loc):
                values.pop(path, None)
                self.source.keys.pop(path, None)
                self.source.quoted.discard(path)
