"""Plain words for what the models refuse: where it is, as an author names it, and how to write it.

Pydantic's own messages quote regular expressions, Python's type names and dotted paths
(``programmes.0.milestones.0.planned: string should match pattern '^\\d{4}...'``). An author
needs the place in the words of the file ("in programme 'gateway', milestone 'core'") and what
to write instead ("a date: 'YYYY-QN' ..."). The words come from the models themselves (a
field's type, its range, its ``Spelling``), so a new key gets plain messages without a line here.
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from game.format.diagnostics import Diagnostic
from game.format.spelling import Spelling
from game.format.yaml_source import DataPath, SourceMap

KEY = "[key]"  # pydantic's mark for a mapping's key (rather than its value) in a location
#: the tags of the models' unions, dropped from a location when no data is at hand to tell them
_TAGS = ("tree", "expression", "number", "function-after", "literal-number", "number-expression")
_NOUNS = {"ConditionTree": "condition", "FollowUp": "follow-up", "ScenarioTest": "test"}
_MODEL_PROBLEMS = ("value_error", "assertion_error")  # a validator's own words
_SHOWN_TEXT = 40  # characters of a refused text quoted back


def located_errors(
    error: ValidationError, source: SourceMap, root: type[BaseModel], data: Any = None
) -> list[Diagnostic]:
    """A model's validation errors at their lines and columns, in an author's words.

    ``root`` is the file's model and ``data`` the file's data (to name items by their ids).
    """
    diagnostics: list[Diagnostic] = []
    seen: set[tuple[int, int, str]] = set()
    items = [
        (item, *data_loc(item["loc"], data, missing=item["type"] == "missing"))
        for item in error.errors(include_url=False)
    ]
    meant = _meant_keys(items, root)
    for item, loc, at_key in items:
        kind = item["type"]
        if kind == "extra_forbidden":
            name = str(loc[-1])
            close = meant.get(loc)
            message = f"unknown key '{name}'" + (f"; did you mean '{close}'?" if close else "")
            if name == "remove":
                message += " ('remove: true' works only in a file that extends another, on an inherited item)"
            position = source.key(loc)
            code = "unknown-key"
        elif kind == "missing":
            if (*loc[:-1], "->", loc[-1]) in meant:
                continue  # the misspelt key that was meant for it says so: one error, not two
            message = f"missing required key '{loc[-1]}'"
            position = source.value(loc[:-1])
            code = "missing-key"
        else:
            message = value_message(item, loc, at_key, root, data)
            position = source.key(loc) if at_key else source.value(loc)
            code = "invalid-value"
        marker = (position.line, position.column, message)
        if marker not in seen:
            seen.add(marker)
            diagnostics.append(Diagnostic.at(position, code, message))
    return diagnostics


def _meant_keys(items: list[tuple[Any, DataPath, bool]], root: Any) -> dict[Any, str]:
    """The key each unknown key probably meant, among the keys valid at its place.

    A required key the mapping lacks is the likeliest meaning, so it is tried first. Maps an
    unknown key's location to its suggestion, and ``(*parent, "->", suggestion)`` to it too,
    so that the missing-key error of a misspelt required key steps aside.
    """
    missing: dict[DataPath, list[str]] = {}
    for item, loc, _ in items:
        if item["type"] == "missing" and loc:
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
    meant: dict[Any, str] = {}
    for item, loc, _ in items:
        if item["type"] != "extra_forbidden" or not loc:
            continue
        name, parent = str(loc[-1]), loc[:-1]
        close = difflib.get_close_matches(name, missing.get(parent, []), n=1) or difflib.get_close_matches(
            name, field_names(parent, root), n=1
        )
        if close:
            meant[loc] = close[0]
            meant[(*parent, "->", close[0])] = close[0]
    return meant


def data_loc(loc: tuple[Any, ...], data: Any = None, missing: bool = False) -> tuple[DataPath, bool]:
    """The keys of the file in a pydantic location, and whether it names a mapping's key.

    Pydantic adds the tags of unions (``tree``, ``literal-number``, ``function-after``...) to a
    location; with the file's data at hand, a part that indexes nothing in it is such a tag (but
    the last part of a ``missing`` key's location, which is the key the file lacks).
    """
    at_key = bool(loc) and loc[-1] == KEY
    parts = loc[:-1] if at_key else loc
    if data is None:
        return tuple(p for p in parts if p not in _TAGS), at_key
    kept: list[str | int] = []
    node = data
    for index, part in enumerate(parts):
        indexes = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if indexes or (isinstance(node, dict) and part in node):
            node = node[part]
        elif not (missing and index == len(parts) - 1):
            continue
        kept.append(part)
    return tuple(kept), at_key


# ---------------------------------------------------------------- the models, walked by location


def annotation_at(loc: DataPath, root: Any) -> tuple[Any, tuple[Any, ...]] | None:
    """The type (and its metadata: ranges, patterns, spelling) of the value at ``loc``."""
    current, metadata = _unwrap(root, ())
    for part in loc:
        found = _child(current, part)
        if found is None:
            return None
        current, metadata = _unwrap(*found)
    return current, metadata


def field_names(loc: DataPath, root: Any) -> list[str]:
    """The keys allowed at ``loc``, for 'did you mean' hints: only those valid at that place."""
    found = annotation_at(loc, root)
    model = _model_in(found[0]) if found else None
    return [] if model is None else [info.alias or name for name, info in model.model_fields.items()]


def _child(annotation: Any, part: str | int) -> tuple[Any, tuple[Any, ...]] | None:
    for member in _members(annotation):
        model = member if _is_model(member) else None
        if model is not None and isinstance(part, str):
            info = model.model_fields.get(part) or next(
                (f for f in model.model_fields.values() if f.alias == part), None
            )
            if info is not None:
                return info.annotation, tuple(info.metadata)
        origin = typing.get_origin(member)
        if origin is list and isinstance(part, int):
            return typing.get_args(member)[0], ()
        if origin is dict:
            return typing.get_args(member)[1], ()
    return None


def _key_type(annotation: Any) -> Any:
    for member in _members(annotation):
        if typing.get_origin(member) is dict:
            return typing.get_args(member)[0]
    return None


def _unwrap(annotation: Any, metadata: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[...]`` and ``X | None`` peeled off; their metadata gathered."""
    gathered = list(metadata)
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            for item in extra:
                gathered += _expanded(item)
            annotation = base
            continue
        members = [m for m in _union_args(annotation) if m is not type(None)]
        if _union_args(annotation) and len(members) == 1:
            annotation = members[0]
            continue
        return annotation, tuple(gathered)


def _expanded(item: Any) -> list[Any]:
    if isinstance(item, FieldInfo):
        return [*item.metadata, item]
    return [item]


def _union_args(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return ()


def _members(annotation: Any) -> Iterator[Any]:
    """The alternatives of a union (each unwrapped), or the type itself."""
    annotation, _ = _unwrap(annotation, ())
    args = _union_args(annotation)
    if not args:
        yield annotation
        return
    for arg in args:
        if arg is not type(None):
            yield from _members(arg)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    return next((m for m in _members(annotation) if _is_model(m)), None)


# ---------------------------------------------------------------- words


def value_message(item: Any, loc: DataPath, at_key: bool, root: Any, data: Any) -> str:
    """One refused value: '<place>: <key> is <value>, but it must be <how to write it>'."""
    kind: str = item["type"]
    ctx = item.get("ctx") or {}
    found = annotation_at(loc, root)
    if at_key and found is not None:
        key_type = _key_type(annotation_at(loc[:-1], root)[0] if annotation_at(loc[:-1], root) else None)
        found = _unwrap(key_type, ()) if key_type is not None else None
    annotation, metadata = found if found is not None else (None, ())
    given = item.get("input")
    if kind in _MODEL_PROBLEMS and (_is_model(annotation) or not loc):
        return _in(place(loc, root, data)) + _own_words(item)
    subject, used = _subject(loc, at_key, root)
    context = place(loc[: len(loc) - used], root, data)
    verb = "has" if at_key else ("holds" if loc and isinstance(loc[-1], int) else "is")
    shown = "the key " + _shown(given) if at_key else _shown(given)
    spelling = next((m for m in metadata if isinstance(m, Spelling)), None)
    if kind in _MODEL_PROBLEMS:
        return f"{_in(context)}{subject}: {_own_words(item)}"
    if kind == "string_pattern_mismatch":
        how = spelling.words + spelling.example(given) if spelling else _described(metadata, subject)
        return f"{_in(context)}{subject} {verb} {shown}, which is not {how}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than", "finite_number"):
        annotation, metadata = _number_in(annotation, metadata)
        bounds = _range(metadata) or _range(tuple(_bounds_from(ctx)))
        number = "a whole number" if annotation is int else "a number"
        number = number.replace("a ", "a finite ", 1) if kind == "finite_number" else number
        return f"{_in(context)}{subject} {verb} {shown}, but it must be {number}{bounds}"
    # a text's length is in characters, whichever kind pydantic names it by (an optional text's
    # max_length is checked as a sequence's, 'too_long'); a list's in items
    text = kind.startswith("string_") or isinstance(given, str)
    if kind in ("string_too_long", "too_long"):
        most = ctx.get("max_length")
        unit = "characters" if text else "items"
        return f"{_in(context)}{subject} is too long: at most {most} {unit}"
    if kind in ("string_too_short", "too_short"):
        least = ctx.get("min_length", 1)
        if text and least == 1:
            return f"{_in(context)}{subject} must not be empty"
        unit = "characters" if text else ("item" if least == 1 else "items")
        return f"{_in(context)}{subject} needs at least {least} {unit}"
    how = (
        words(annotation, metadata, subject)
        if annotation is not None
        else _plain(item["msg"].removeprefix("Input should be "))
    )
    advice = _literal_hint(annotation, given) + _quote_hint(annotation, metadata, given)
    each = "each item " if verb == "holds" else ""
    return f"{_in(context)}{subject} {verb} {shown}, but {each or 'it '}must be {how}{advice}"


def place(loc: DataPath, root: Any, data: Any) -> str:
    """Where ``loc`` is, as an author names it: "programme 'gateway', milestone 'core'"."""
    phrases: list[str] = []
    node = data
    for index, part in enumerate(loc):
        found = annotation_at(loc[: index + 1], root)
        annotation = found[0] if found else None
        node = _step(node, part)
        last = index == len(loc) - 1
        if isinstance(part, int):
            model = _model_in(annotation)
            noun = _noun(model) if model else f"item of {loc[index - 1]}" if index else "item"
            ident = node.get("id") if isinstance(node, dict) else None
            if isinstance(ident, str) and ident:
                phrases.append(f"{noun} '{ident}'")
            else:
                phrases.append(f"the {_ordinal(part + 1)} {noun}")
        elif last or not isinstance(loc[index + 1], int):
            parent = annotation_at(loc[:index], root)
            in_map = parent is not None and typing.get_origin(parent[0]) is dict
            phrases.append(f"{loc[index - 1]} '{part}'" if in_map and index else str(part))
            if in_map and index and phrases[-2:-1] == [str(loc[index - 1])]:
                del phrases[-2]
    return ", ".join(phrases)


def _step(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _subject(loc: DataPath, at_key: bool, root: Any) -> tuple[str, int]:
    """The key the message is about ('planned', 'set_flags' for one of its items, "capabilities
    'robotics'" for an entry of a mapping), and how many parts of ``loc`` it names."""
    if not loc:
        return "the file", 0
    last = loc[-1]
    if isinstance(last, int):
        return (str(loc[-2]), 2) if len(loc) > 1 else ("the file", 1)
    if at_key:
        return str(last), 1
    parent = annotation_at(loc[:-1], root)
    if parent is not None and typing.get_origin(parent[0]) is dict and len(loc) > 1:
        return f"{loc[-2]} '{last}'", 2
    return str(last), 1


def _number_in(annotation: Any, metadata: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """The number type (with its range) of a field that may also be something else (a number or
    an expression, say), or the field's own type."""
    for member in _union_args(annotation):
        base, more = _unwrap(member, ())
        if base in (int, float):
            return base, more
    return annotation, metadata


def _in(context: str) -> str:
    return f"in {context}: " if context else ""


def _noun(model: type[BaseModel]) -> str:
    name = model.__name__
    return _NOUNS.get(name) or re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _shown(value: Any) -> str:
    """A refused value as the author wrote it: '2022-Q7', 5, true, a list, nothing."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, str):
        return "'" + (value if len(value) <= _SHOWN_TEXT else value[:_SHOWN_TEXT] + "...") + "'"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a value of another kind"


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return f"{value:,}".replace(",", "") if isinstance(value, int) else f"{value:g}"


def words(annotation: Any, metadata: tuple[Any, ...] = (), subject: str = "") -> str:
    """How to write a value of ``annotation``: 'a whole number from 0 to 5', 'true or false'..."""
    annotation, metadata = _unwrap(annotation, metadata)
    spelling = next((m for m in metadata if isinstance(m, Spelling)), None)
    if spelling is not None:
        return spelling.words
    if _union_args(annotation):
        return " or ".join(dict.fromkeys(words(member) for member in _union_args(annotation)))
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return "one of " + _listed([_literal(v) for v in typing.get_args(annotation)])
    if annotation is bool:
        return "true or false"
    if annotation is int:
        return "a whole number" + _range(metadata)
    if annotation is float:
        return "a number" + _range(metadata)
    if annotation is str:
        pattern = any(getattr(m, "pattern", None) for m in metadata)
        return _described(metadata, subject) if pattern else "text"
    if origin is list:
        item = typing.get_args(annotation)[0]
        return "a list (in brackets, or one '- ' line per item), each item " + words(item)
    if origin is dict:
        key, value = typing.get_args(annotation)
        return f"a mapping (key: value lines), each key {words(key)}, each value {words(value)}"
    if _is_model(annotation):
        keys = [info.alias or name for name, info in annotation.model_fields.items()][:3]
        return "a mapping (key: value lines) of keys such as " + ", ".join(f"'{k}'" for k in keys)
    if annotation is type(None):
        return "left out"
    return "a value of another kind"


def _literal(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else _shown(value)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _range(metadata: tuple[Any, ...]) -> str:
    """' from 0 to 1', ' at least 0', ' above 0 and at most 100000', or ''."""
    low = high = None
    low_open = high_open = False
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Gt):
            low, low_open = item.gt, True
        elif isinstance(item, annotated_types.Le):
            high = item.le
        elif isinstance(item, annotated_types.Lt):
            high, high_open = item.lt, True
    if low is not None and high is not None:
        if not low_open and not high_open:
            return f" from {_number(low)} to {_number(high)}"
        first = f"above {_number(low)}" if low_open else f"at least {_number(low)}"
        second = f"below {_number(high)}" if high_open else f"at most {_number(high)}"
        return f" {first} and {second}"
    if low is not None:
        return f" above {_number(low)}" if low_open else f" of at least {_number(low)}"
    if high is not None:
        return f" below {_number(high)}" if high_open else f" of at most {_number(high)}"
    return ""


def _bounds_from(ctx: dict[str, Any]) -> Iterator[Any]:
    for name, kind in (("ge", annotated_types.Ge), ("gt", annotated_types.Gt)):
        if name in ctx:
            yield kind(ctx[name])
    for name, kind in (("le", annotated_types.Le), ("lt", annotated_types.Lt)):
        if name in ctx:
            yield kind(ctx[name])


def _described(metadata: tuple[Any, ...], subject: str) -> str:
    """For a patterned text with no ``Spelling``: the field's own description, never the pattern."""
    description = next(
        (m.description for m in reversed(metadata) if isinstance(m, FieldInfo) and m.description), None
    )
    if description:
        return "written as " + subject + " needs: " + description[0].lower() + description[1:].rstrip(".")
    return f"written the way {subject or 'this key'} needs (see the reference in docs/scenarios.md)"


def _literal_hint(annotation: Any, given: Any) -> str:
    if typing.get_origin(annotation) is not Literal or not isinstance(given, str):
        return ""
    options = [str(v) for v in typing.get_args(annotation)]
    close = difflib.get_close_matches(given, options, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _quote_hint(annotation: Any, metadata: tuple[Any, ...], given: Any) -> str:
    """A number or yes/no where text is needed: YAML read it as such, quotes make it text."""
    patterned = any(getattr(m, "pattern", None) for m in metadata)
    if annotation is not str or patterned or isinstance(given, str) or not _is_scalar(given) or given is None:
        return ""
    return f"; to write it as text, put it in quotes: '{_shown(given)}'"


def _own_words(item: Any) -> str:
    """A validator's own message (written for authors), without pydantic's prefix."""
    return _plain(str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, "))


def _plain(message: str) -> str:
    return message[0].lower() + message[1:] if message else message
