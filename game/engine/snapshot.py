"""The game state as plain JSON data and back, so a save can hold it without pickle.

A save file is untrusted input: unpickling it could run code. This codec turns the state's
dataclasses into dicts, lists, strings and numbers (sets sorted, the generator as its
state tuple) and rebuilds them by walking the dataclasses' type hints, checking every
value's type on the way, so a damaged snapshot is an error with its data path. A field marked
``SAVED_WHEN_SET`` (game/engine/state.py) is left out while it holds its default.
"""

from __future__ import annotations

import ast
import dataclasses
import math
import random
import sys
import types
import typing
from functools import cache
from importlib.machinery import ExtensionFileLoader
from pathlib import Path
from typing import Any, Literal

from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.reports import Change, NewsItem
from game.engine.state import GameState, is_saved_when_set, is_unsaved
from game.engine.turn import Snapshot

Data = Any  # a JSON value: dict, list, str, int, float, bool or None

#: Fields declared as a bare ``list`` in the state, with the type of their items.
_UNTYPED_FIELDS: dict[tuple[type, str], Any] = {
    (GameState, "news"): list[NewsItem],
    (GameState, "changes"): list[Change],
    (GameState, "history"): list[Snapshot],
}

_MT_STATE_LENGTH = 625  # Mersenne Twister: 624 words and a position


class SnapshotError(ValueError):
    """A snapshot that does not have the shape of a game state; says where."""


def state_to_data(state: GameState) -> Data:
    """The whole state as JSON-able data, the same for the same state in every process."""
    return _encode(state)


def state_from_data(data: Data) -> GameState:
    """Rebuild a state from :func:`state_to_data`'s output; SnapshotError when it does not fit."""
    return _decode(GameState, data, "state")


def restore_game(compiled: CompiledScenario, state: GameState, log: list[Action]) -> Game:
    """A game that carries on from ``state`` (its past turn reports are not kept)."""
    for pid, programme in state.programmes.items():  # what the scenario says, never in a snapshot
        if pid in compiled.programmes:
            programme.open_in_scenario = compiled.programmes[pid].model.open
    state.blocs = compiled.blocs
    game = Game.__new__(Game)
    game.compiled = compiled
    game.state = state
    game.log = list(log)
    game.reports = []
    return game


# ---------------------------------------------------------------- encoding


def _encode(value: Any) -> Data:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"the state holds a non-finite number {value!r}")
        return value
    if isinstance(value, random.Random):
        version, words, gauss_next = value.getstate()
        return {"version": version, "words": list(words), "gauss_next": gauss_next}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {}
        for name, optional, default in _layout(type(value)):
            item = getattr(value, name)
            if not (optional and item == default):
                result[name] = _encode(item)
        return result
    if isinstance(value, dict):
        return {_key(k): _encode(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(_encode(item) for item in value)
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    raise TypeError(f"cannot put a {type(value).__name__} in a snapshot")


@cache
def _layout(cls: type) -> tuple[tuple[str, bool, Any], ...]:
    """Each field of a state dataclass: its name, whether it is saved only when set, its default."""
    kept = [f for f in dataclasses.fields(cls) if not is_unsaved(f)]
    return tuple((f.name, is_saved_when_set(f), _default(f)) for f in kept)


def _default(field: dataclasses.Field[Any]) -> Any:
    """A field's default value (made afresh when it has a factory)."""
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"snapshot keys must be text, not {key!r}")
    return key


# ---------------------------------------------------------------- decoding


@cache
def _hints(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(_annotated(cls))
    for (owner, name), hint in _UNTYPED_FIELDS.items():
        if owner is cls:
            hints[name] = hint
    return hints


def _annotated(cls: type) -> type:
    """``cls``, or where mypyc compiled it, a stand-in with the annotations of its source.

    A class compiled by mypyc (``make compiled``, docs/benchmarks.md) keeps only the erased
    run-time types of its fields (``dict`` for ``dict[str, AgencyState]``), which cannot say what
    a snapshot's items are. Its module's source lies beside the compiled module (a wheel and a
    checkout both carry it), so the class's annotations are read from there, as text, and
    evaluated in the module's namespace as ``typing.get_type_hints`` evaluates a Python class's.
    """
    if not isinstance(sys.modules[cls.__module__].__loader__, ExtensionFileLoader):
        return cls  # run from its source, under `from __future__ import annotations`: the text is there
    stand_in = types.new_class(cls.__name__)
    stand_in.__module__ = cls.__module__
    stand_in.__annotations__ = _source_annotations(cls)
    return stand_in


def _source_annotations(cls: type) -> dict[str, str]:
    """The text of each field annotation of ``cls`` (and of the dataclasses it derives from) in its source."""
    found: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        if base is object or not dataclasses.is_dataclass(base):
            continue
        body: list[ast.stmt] = ast.parse(Path(_source_of(base.__module__)).read_text(encoding="utf-8")).body
        for name in base.__qualname__.split("."):
            node = next(n for n in body if isinstance(n, ast.ClassDef) and n.name == name)
            body = node.body
        for statement in body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                found[statement.target.id] = ast.unparse(statement.annotation)
    return found


def _source_of(module: str) -> str:
    """The path of a module's Python source, found in its package's folders (a compiled module's
    own ``__file__`` cannot be trusted: mypyc's may name a folder that does not exist)."""
    from game.engine.native import SourcesOnly  # only where compiled, hence native.py there

    package = sys.modules[module.rpartition(".")[0]]
    spec = SourcesOnly().find_spec(module, package.__path__)
    if spec is None or spec.origin is None:
        raise SnapshotError(f"the source of {module} is missing: the snapshot codec cannot read its types")
    return spec.origin


def _fail(where: str, expected: str, value: Any) -> SnapshotError:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return SnapshotError(f"{where}: expected {expected}, found {shown}")


def _decode(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _decode(option, value, where)
            except SnapshotError as error:
                errors.append(str(error))
        raise SnapshotError(errors[0] if len(errors) == 1 else f"{where}: no form of {hint} fits")
    if origin is Literal:
        if value in typing.get_args(hint) and isinstance(value, str | int):
            return value
        raise _fail(where, f"one of {', '.join(map(repr, typing.get_args(hint)))}", value)
    if origin in (list, set, tuple, dict):
        return _decode_container(origin, typing.get_args(hint), value, where)
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise _fail(where, "true or false", value)
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _fail(where, "a whole number", value)
    if hint is float:
        # keep ints as ints: the state's exact JSON (and so its hash) must survive a round trip
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return value
        raise _fail(where, "a number", value)
    if hint is str:
        if isinstance(value, str):
            return value
        raise _fail(where, "text", value)
    if hint is random.Random:
        return _decode_generator(value, where)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, value, where)
    raise SnapshotError(f"{where}: the snapshot codec cannot read {hint}")


def _decode_container(origin: type, args: tuple[Any, ...], value: Any, where: str) -> Any:
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail(where, "a mapping", value)
        return {
            _decode(args[0], k, f"{where}.{k}"): _decode(args[1], v, f"{where}.{k}") for k, v in value.items()
        }
    if not isinstance(value, list):
        raise _fail(where, "a list", value)
    if origin is tuple:
        if len(value) != len(args):
            raise _fail(where, f"a list of {len(args)} items", value)
        pairs = enumerate(zip(args, value, strict=True))
        return tuple(_decode(arg, item, f"{where}[{i}]") for i, (arg, item) in pairs)
    items = [_decode(args[0], item, f"{where}[{i}]") for i, item in enumerate(value)]
    if origin is set:
        result = set(items)
        if len(result) != len(items):
            raise _fail(where, "a list without repeats", value)
        return result
    return items


def _decode_dataclass(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise _fail(where, f"a mapping for {cls.__name__}", value)
    hints = _hints(cls)
    fields = [f for f in dataclasses.fields(cls) if not is_unsaved(f)]
    names = [f.name for f in fields]
    unknown = sorted(set(value) - set(names))
    if unknown:
        raise SnapshotError(f"{where}: unknown key '{unknown[0]}' in {cls.__name__}")
    missing = [f.name for f in fields if f.name not in value and not is_saved_when_set(f)]
    if missing:
        raise SnapshotError(f"{where}: missing key '{missing[0]}' of {cls.__name__}")
    given = [name for name in names if name in value]  # a field saved only when set may be absent
    return cls(**{name: _decode(hints[name], value[name], f"{where}.{name}") for name in given})


def _decode_generator(value: Any, where: str) -> random.Random:
    if not isinstance(value, dict) or set(value) != {"version", "words", "gauss_next"}:
        raise _fail(where, "a generator state {version, words, gauss_next}", value)
    words = value["words"]
    if (
        not isinstance(words, list)
        or len(words) != _MT_STATE_LENGTH
        or not all(isinstance(w, int) and not isinstance(w, bool) and 0 <= w < 2**32 for w in words[:-1])
        or not isinstance(words[-1], int)
        or not 0 <= words[-1] <= _MT_STATE_LENGTH - 1
    ):
        raise _fail(f"{where}.words", f"{_MT_STATE_LENGTH} whole numbers of a Mersenne Twister", words)
    gauss = value["gauss_next"]
    if gauss is not None and not (isinstance(gauss, float) and math.isfinite(gauss)):
        raise _fail(f"{where}.gauss_next", "a number or null", gauss)
    generator = random.Random()
    try:
        generator.setstate((value["version"], tuple(words), gauss))
    except (ValueError, TypeError) as error:
        raise SnapshotError(f"{where}: not a generator state ({error})") from None
    return generator
