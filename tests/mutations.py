"""Hypothesis strategies that damage a file the way disks, editors and people do.

Byte flips, truncations, inserted junk, deleted, doubled or swapped lines, values swapped
or replaced (by line for YAML, by leaf of the parsed document for JSON) with wrong types,
limits, numbers out of range (``.inf``, ``1e400``, a duplicate key hiding one) and text
holding control characters (terminal escapes, newlines, bidi controls), and expressions
replaced or extended with huge numbers, arithmetic on infinities, parts of the wrong kind
and syntax slips.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import strategies as st

YAML_VALUE_LINE = re.compile(rb"^(\s*(?:- )?[A-Za-z_][A-Za-z0-9_]*: +)(\S.*)$")

#: replacement values for a YAML line: wrong types, limits, odd YAML, other ids
YAML_VALUES = [
    b"-1", b"0", b"1", b"1.5", b"1e308", b"-1e308", b".inf", b"-.inf", b".nan", b"null", b"~", b'""',
    b"[]", b"{}", b"yes", b"no", b"2021-13", b"'2021-Q5'", b"'1900-Q1'", b"'2199-Q4'", b"x" * 300,
    b"&a 1", b"*a", b"!!str 3", b"99999999999999999999", b"[a, b]", b"{id: x}", b'"\\u0000"',
    b"-100000", b"'year >= 2022 and ('", b"'__import__(\"os\")'", b"'relation(\"nasa\") > 1e9'",
    b"[nasa, nasa]", b"'not a date'", b"gateway", b"nasa", b"esa", b"core", b"arm", b"player",
    b"1e400", b"-1e400", b".NaN", b"-.Inf", b'"\\e[2J\\e]0;x\\a"', b'"a\\nb.yaml:1:1: error: forged"',
    b'"\\u202e\\x9b"', b"$agency", b"$programme", b"$player", b"agency_joined", b"year_began",
    b"player_acted", b"end_turn", b"gateway.core", b"ilrs.lander", b"2022", b"'happening_agency(\"esa\")'",
    b"'{player}'", b"'{a player_short} crew'", b"'{playr}'", b"'{player'", b"'}}{{'", b"'{happening_agency}'",
    b"'{agency:nope}'", b"'{A var:x}'", b"'{a {player}}'",
]  # fmt: skip

#: replacement values for a JSON leaf
JSON_VALUES: list[Any] = [
    0, -1, 1, 2, 1.5, 1e308, -1e308, "", "x", None, True, False, [], {}, "end_turn", "apply", "esa", "nasa",
    "gateway", 10**30, "2021-Q1", "0" * 64, [0] * 3, "\x1b[2J\x1b]0;x\x07", "a\nb.json:1:1: forged",
    "\u202e\x9b",
]  # fmt: skip

#: numbers no save holds, written into the JSON text (json.dumps cannot write them)
JSON_NUMBERS = [b"1e400", b"-1e400", b"1E999", b"1e-400", b"9" * 30, b"-" + b"9" * 25]
JSON_NUMBER = re.compile(rb"(?<=[:\[,] )-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|(?<=[:\[,])-?\d+(?:\.\d+)?")


_HUGE_PRODUCT = "*".join(["1000000000"] * 35)  # an exact 10**315: too large for any float
_INFINITE_PRODUCT = "*".join(["1e9"] * 35)  # a float infinity

#: replacement expressions (for a 'when', 'condition', 'scale', 'weight' or 'progress', a variable's
#: 'set' or 'add'): huge numbers, arithmetic that gives infinities or NaN, wrong kinds, syntax slips
EXPRESSIONS = [
    "year < 2" + "0" * 308, "support < 1e999", "support < 1e999 - 1e999", f"{_INFINITE_PRODUCT} * 0",
    f"{_INFINITE_PRODUCT} * 0 > 1", f"{_INFINITE_PRODUCT} - {_INFINITE_PRODUCT}", f"{_HUGE_PRODUCT} / 7",
    f"{_HUGE_PRODUCT} * 1.5 > year", "science / 0", "-science", "money - 10", "crewed_orbit",
    'not money', 'flag("a") + 1', 'relation(year) > 3', 'member("nasa")', 'member("esa", "gateway")',
    "year => 2025", 'flag("a") && flag("b")', 'flag("a") || flag("b")', "year = 2025", "support >",
    '!flag("a")', "esa.member", 'member(id="gateway")', "year ** 2", "suport > 40", "()", "",
    'bloc("nowhere")', 'bloc("esa")', "bloc(1)", 'bloc("west") + 1', "not bloc()",
]  # fmt: skip

#: what is added to the end of an unquoted expression
EXPRESSION_TAILS = [" * 1e999", " and", " + crewed_orbit", " => 3", " * 0", " / 0 > 1", " == money"]

EXPRESSION_LINE = re.compile(
    rb"^(\s*(?:- )?(?:when|scale|progress|condition|weight|set|add|until): +)(\S.*)$"
)

#: what mutations do, with value changes (the subtle damage) most often
KINDS = (
    "flip", "truncate", "insert", "delete", "double", "swap", *["value"] * 6, "expression", "expression",
    "number",
)  # fmt: skip


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


@st.composite
def yaml_value_change(draw: st.DrawFn, data: bytes) -> bytes:
    """Swap the values of two 'key: value' lines, or give one a value from YAML_VALUES."""
    lines = _lines(data)
    spots = [i for i, line in enumerate(lines) if YAML_VALUE_LINE.match(line.rstrip(b"\r\n"))]
    if not spots:
        return data
    first = draw(st.sampled_from(spots))
    head, value = YAML_VALUE_LINE.match(lines[first].rstrip(b"\r\n")).groups()  # type: ignore[union-attr]
    if draw(st.booleans()):
        other = draw(st.sampled_from(spots))
        other_head, other_value = YAML_VALUE_LINE.match(lines[other].rstrip(b"\r\n")).groups()  # type: ignore[union-attr]
        lines[other] = other_head + value + b"\n"
        value = other_value
    else:
        value = draw(st.sampled_from(YAML_VALUES))
    lines[first] = head + value + b"\n"
    return b"".join(lines)


def quoted(expression: str) -> bytes:
    """A YAML single-quoted scalar holding ``expression`` exactly."""
    return ("'" + expression.replace("'", "''") + "'").encode()


@st.composite
def expression_change(draw: st.DrawFn, data: bytes) -> bytes:
    """Replace an expression (a 'when', 'condition' or 'scale') or add a bad tail to it."""
    lines = _lines(data)
    spots = [i for i, line in enumerate(lines) if EXPRESSION_LINE.match(line.rstrip(b"\r\n"))]
    if not spots:
        return data
    at = draw(st.sampled_from(spots))
    head, value = EXPRESSION_LINE.match(lines[at].rstrip(b"\r\n")).groups()  # type: ignore[union-attr]
    if value[:1] not in (b"'", b'"', b">", b"|", b"{", b"[") and draw(st.booleans()):
        value = quoted(value.decode("utf-8", "replace") + draw(st.sampled_from(EXPRESSION_TAILS)))
    else:
        value = quoted(draw(st.sampled_from(EXPRESSIONS)))
    lines[at] = head + value + b"\n"
    return b"".join(lines)


def _leaves(value: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))] or [path]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in _leaves(item, (*path, i))] or [path]
    return [path]


def _get(document: Any, path: tuple) -> Any:
    for part in path:
        document = document[part]
    return document


def _set(document: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    _get(document, path[:-1])[path[-1]] = value
    return document


@st.composite
def json_value_change(draw: st.DrawFn, data: bytes) -> bytes:
    """Swap two leaves of a JSON document, nudge a number, or put a value from JSON_VALUES in one."""
    try:
        document = json.loads(data)
    except ValueError:
        return data
    leaves = _leaves(document)
    path = draw(st.sampled_from(leaves))
    old = _get(document, path)
    how = draw(st.sampled_from(("swap", "nudge", "replace")))
    if how == "swap":
        other = draw(st.sampled_from(leaves))
        if other[: len(path)] != path and path[: len(other)] != other:
            document = _set(document, other, old)
            new = _get(json.loads(data), other)
        else:
            new = old
    elif how == "nudge" and isinstance(old, int | float) and not isinstance(old, bool):
        new = old + draw(st.sampled_from((-1, 1, 1000)))
    else:
        new = draw(st.sampled_from(JSON_VALUES))
    document = _set(document, path, new)
    return json.dumps(document, indent=draw(st.sampled_from((None, 2)))).encode()


@st.composite
def json_number_change(draw: st.DrawFn, data: bytes) -> bytes:
    """Write a number out of range over one of the document's numbers, or hide one behind a
    duplicate key (the second value of a key wins in most JSON readers)."""
    numbers = list(JSON_NUMBER.finditer(data))
    value = draw(st.sampled_from(JSON_NUMBERS))
    if numbers and draw(st.booleans()):
        spot = draw(st.sampled_from(numbers))
        return data[: spot.start()] + value + data[spot.end() :]
    keys = list(re.finditer(rb'\{\s*"([a-z_]+)"', data))
    if not keys:
        return data
    key = draw(st.sampled_from(keys))
    opening = key.start() + 1
    return data[:opening] + b'"' + key.group(1) + b'": ' + value + b", " + data[opening:]


@st.composite
def mutated(draw: st.DrawFn, original: bytes, structured: str = "yaml") -> bytes:
    """``original`` after one to three random mutations; ``structured`` is 'yaml' or 'json'."""
    data = original
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(KINDS))
        if kind == "expression" and structured == "yaml":
            data = draw(expression_change(data))
            continue
        if kind == "number":
            data = draw(json_number_change(data)) if structured == "json" else draw(yaml_value_change(data))
            continue
        if kind in ("value", "expression"):
            change = yaml_value_change(data) if structured == "yaml" else json_value_change(data)
            data = draw(change)
            continue
        if kind in ("flip", "truncate", "insert"):
            at = draw(st.integers(0, max(0, len(data) - 1)))
            if kind == "flip":
                data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
            elif kind == "truncate":
                data = data[:at]
            else:
                data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
            continue
        lines = _lines(data)
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
        data = b"".join(lines)
    return data
