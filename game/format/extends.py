"""Variants without copying: a scenario file may `extends:` another and change only what differs.

The base is found (by id in the scenario folders, or by a path relative to the file), read,
resolved in turn (a base may extend another), and merged with the file on the raw YAML data
before any validation. Every merged value keeps the position it has in its own file, so a
problem in an inherited part is reported in the base file, at its line and column.

Merge rules, the same at every depth:

- mappings merge key by key; a key the variant sets to ``null`` is dropped (a field goes back
  to its default, an entry of a map such as ``relations`` disappears);
- lists of items with an ``id`` (agencies, programmes, milestones, events, choices, ...) merge
  by id: an item with a known id changes that item (recursively), an item with a new id is
  added at the end, and ``{id: x, remove: true}`` removes the inherited item ``x``;
- anything else (numbers, text, lists without ids such as ``leads`` or ``effects``, and an
  empty list) replaces what the base had.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.format.diagnostics import Diagnostic, Position
from game.format.yaml_source import DataPath, Document, SourceMap, read_document, read_source

EXTENDS = "extends"
REMOVE = "remove"
MAX_CHAIN = 8  # bases in one chain: far more than any real variant needs
SUFFIXES = (".yaml", ".yml")


@dataclass
class Resolved:
    """A document with its bases merged in (None when it cannot be), the problems, the chain."""

    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)


def resolve_extends(
    path: str, document: Document, search_dirs: Sequence[Path], read: Callable[[Path], bytes] = read_source
) -> Resolved:
    """Merge every scenario ``document`` (read from ``path``) extends under it.

    ``read`` gives the bytes of a base file; the catalogue passes one that reads only the
    top of each file, which is all a list of scenarios needs.
    """
    return _resolve(Path(path), document, search_dirs, [], read)


def _resolve(
    path: Path,
    document: Document,
    search_dirs: Sequence[Path],
    chain: list[Path],
    read: Callable[[Path], bytes],
) -> Resolved:
    data, source = document.data, document.source
    if not isinstance(data, dict) or data.get(EXTENDS) is None:
        return Resolved(document)
    target = data[EXTENDS]
    where = source.value((EXTENDS,))
    if not isinstance(target, str) or not target.strip():
        return Resolved(None, [_error(where, "'extends' is a scenario id or a path relative to this file")])
    here = _identity(path)
    chain = [*chain, here]
    if len(chain) > MAX_CHAIN:
        return Resolved(None, [_error(where, f"more than {MAX_CHAIN} scenarios extend one another here")])
    base_path, problem = locate(target, path, search_dirs)
    if base_path is None:
        return Resolved(None, [_error(where, problem, code="extends-missing")])
    if _identity(base_path) in chain:
        names = [p.name for p in chain[chain.index(_identity(base_path)) :]] + [base_path.name]
        return Resolved(
            None,
            [
                _error(
                    where,
                    "scenarios extend each other in a cycle: " + " -> ".join(names),
                    code="extends-cycle",
                )
            ],
        )
    try:
        raw = read(base_path)
    except OSError as error:
        message = f"cannot read '{base_path}' to extend it: {error.strerror or error}"
        return Resolved(None, [_error(where, message, code="extends-missing")])
    base_document, problems = read_document(str(base_path), raw)
    if base_document is None:
        return Resolved(None, [_error(where, f"cannot extend '{target}': {base_path} has errors"), *problems])
    base = _resolve(base_path, base_document, search_dirs, chain, read)
    if base.document is None:
        return Resolved(
            None, [_error(where, f"cannot extend '{target}': {base_path} has errors"), *base.diagnostics]
        )
    diagnostics = [*base.diagnostics, *_own_id(data, source, base.document.data)]
    merged, merge_problems = merge(base.document, document)
    diagnostics += merge_problems
    if any(d.severity == "error" for d in diagnostics):
        return Resolved(None, diagnostics, [str(base_path), *base.bases])
    return Resolved(merged, diagnostics, [str(base_path), *base.bases])


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _error(position: Position, message: str, code: str = "extends") -> Diagnostic:
    return Diagnostic.at(position, code, message)


def _own_id(data: dict[str, Any], source: SourceMap, base: Any) -> list[Diagnostic]:
    """A variant needs an id of its own, or it would shadow the scenario it extends."""
    base_id = base.get("id") if isinstance(base, dict) else None
    if "id" not in data:
        return [_error(source.key((EXTENDS,)), "a scenario that extends another needs its own 'id'")]
    if data["id"] == base_id:
        return [
            _error(
                source.value(("id",)),
                f"'{base_id}' is the id of the scenario this one extends; give the variant its own id",
            )
        ]
    return []


# ---------------------------------------------------------------- finding the base


def looks_like_path(target: str) -> bool:
    return "/" in target or "\\" in target or target.endswith(SUFFIXES)


def locate(target: str, origin: Path, search_dirs: Sequence[Path]) -> tuple[Path | None, str]:
    """The file ``target`` names, seen from the file ``origin``; or None and why not."""
    if looks_like_path(target):
        candidate = (origin.parent / target) if not Path(target).is_absolute() else Path(target)
        if candidate.is_file():
            return candidate, ""
        return None, f"no file '{target}' (looked for {candidate})"
    dirs = _unique([origin.parent, *search_dirs])
    found = find_scenario_file(target, dirs)
    if found is not None:
        return found, ""
    places = ", ".join(str(d) for d in dirs)
    return (
        None,
        f"no scenario with id '{target}' in {places}; to extend a file, write its path (e.g. 'base.yaml')",
    )


def find_scenario_file(scenario_id: str, dirs: Sequence[Path]) -> Path | None:
    """The first YAML file in ``dirs`` whose top-level ``id:`` line is ``scenario_id``.

    Only that line is read (no YAML parsing), so finding a base among many files stays cheap;
    files named after the id are tried first.
    """
    line = re.compile(rf"^id:[ \t]*(['\"]?){re.escape(scenario_id)}\1[ \t]*(#.*)?$", re.MULTILINE)
    guesses = {f"{scenario_id}{s}" for s in SUFFIXES} | {
        f"{scenario_id.replace('_', '-')}{s}" for s in SUFFIXES
    }
    for folder in dirs:
        if not folder.is_dir():
            continue
        files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
        files.sort(key=lambda p: p.name not in guesses)
        for candidate in files:
            try:
                text = candidate.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if line.search(text):
                return candidate
    return None


def _unique(dirs: Sequence[Path]) -> list[Path]:
    seen: set[Path] = set()
    result = []
    for folder in dirs:
        key = _identity(folder)
        if key not in seen:
            seen.add(key)
            result.append(folder)
    return result


# ---------------------------------------------------------------- merging


def merge(base: Document, variant: Document) -> tuple[Document, list[Diagnostic]]:
    """The variant's data merged onto the base's, with every value's own position."""
    out = SourceMap(path=variant.source.path)
    merger = _Merger(base.source, variant.source, out)
    data = merger.value(base.data, (), variant.data, (), ())
    return Document(data, out), merger.diagnostics


_SINGULAR = {
    "blocs": "bloc",
    "capabilities": "capability area",
    "agencies": "agency",
    "programmes": "programme",
    "milestones": "milestone",
    "contributions": "contribution",
    "missions": "mission",
    "events": "event",
    "choices": "choice",
    "outcomes": "outcome",
    "endings": "ending",
    "objectives": "objective",
}


def _singular(loc: DataPath) -> str:
    return _SINGULAR.get(str(loc[-1]), "item") if loc else "item"


def _keyed(items: Any) -> bool:
    """A non-empty list whose items are all mappings with a text ``id``: merged by id."""
    return (
        isinstance(items, list)
        and bool(items)
        and all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in items)
    )


class _Merger:
    def __init__(self, base: SourceMap, variant: SourceMap, out: SourceMap) -> None:
        self.base, self.variant, self.out = base, variant, out
        self.diagnostics: list[Diagnostic] = []

    def value(self, old: Any, old_loc: DataPath, new: Any, new_loc: DataPath, loc: DataPath) -> Any:
        if isinstance(old, dict) and isinstance(new, dict):
            return self.mapping(old, old_loc, new, new_loc, loc)
        if _keyed(new) and (_keyed(old) or old is None):
            return self.items(old or [], old_loc, new, new_loc, loc)
        return graft(new, self.variant, new_loc, self.out, loc)

    def mapping(
        self, old: dict[str, Any], old_loc: DataPath, new: dict[str, Any], new_loc: DataPath, loc: DataPath
    ) -> dict[str, Any]:
        self._place(old_loc, new_loc, loc)
        result: dict[str, Any] = {}
        for key, value in old.items():
            if key not in new:
                self._key(self.base, (*old_loc, key), (*loc, key))
                result[key] = graft(value, self.base, (*old_loc, key), self.out, (*loc, key))
            elif new[key] is not None:
                self._key(self.variant, (*new_loc, key), (*loc, key))
                result[key] = self.value(value, (*old_loc, key), new[key], (*new_loc, key), (*loc, key))
        for key, value in new.items():
            if key not in old and value is not None:
                self._key(self.variant, (*new_loc, key), (*loc, key))
                result[key] = self.value(None, (*old_loc, key), value, (*new_loc, key), (*loc, key))
        return result

    def items(
        self, old: list[Any], old_loc: DataPath, new: list[Any], new_loc: DataPath, loc: DataPath
    ) -> list[Any]:
        self._place(old_loc, new_loc, loc)
        changes: dict[str, int] = {}
        added: list[int] = []
        for j, item in enumerate(new):
            if item["id"] in changes:  # reported here: merged onto the first, it would hide
                line = self.variant.value((*new_loc, changes[item["id"]], "id")).line
                self.diagnostics.append(
                    _error(
                        self.variant.value((*new_loc, j, "id")),
                        f"duplicate {_singular(loc)} id '{item['id']}' (first defined on line {line})",
                        code="duplicate-id",
                    )
                )
            else:
                changes[item["id"]] = j
        known = {item["id"] for item in old if isinstance(item, dict)}
        result: list[Any] = []
        for i, item in enumerate(old):
            j = changes.get(item.get("id")) if isinstance(item, dict) else None
            if j is None:
                result.append(graft(item, self.base, (*old_loc, i), self.out, (*loc, len(result))))
                continue
            change, removed = self._removal(new[j], (*new_loc, j))
            if removed:
                continue
            result.append(self.mapping(item, (*old_loc, i), change, (*new_loc, j), (*loc, len(result))))
        for item_id, j in changes.items():
            if item_id not in known:
                added.append(j)
        for j in sorted(added):
            change, removed = self._removal(new[j], (*new_loc, j))
            if removed:
                self.diagnostics.append(
                    _error(
                        self.variant.value((*new_loc, j, "id")),
                        f"nothing to remove: no inherited {_singular(loc)} '{change['id']}'",
                        code="extends-remove",
                    )
                )
                continue
            result.append(graft(change, self.variant, (*new_loc, j), self.out, (*loc, len(result))))
        return result

    def _removal(self, item: dict[str, Any], loc: DataPath) -> tuple[dict[str, Any], bool]:
        """The item without its ``remove`` key, and whether it asks to remove the inherited one."""
        if REMOVE not in item:
            return item, False
        flag = item[REMOVE]
        rest = {key: value for key, value in item.items() if key != REMOVE}
        if not isinstance(flag, bool):
            self.diagnostics.append(
                _error(self.variant.value((*loc, REMOVE)), "'remove' is true or false", code="extends-remove")
            )
            return rest, False
        if flag and set(rest) != {"id"}:
            extra = next(key for key in rest if key != "id")
            self.diagnostics.append(
                _error(
                    self.variant.key((*loc, extra)),
                    f"an item with 'remove: true' takes only its 'id', not '{extra}'",
                    code="extends-remove",
                )
            )
        return rest, flag

    def _place(self, old_loc: DataPath, new_loc: DataPath, loc: DataPath) -> None:
        position = self.variant.values.get(new_loc) or self.base.values.get(old_loc)
        if position is not None:
            self.out.values[loc] = position

    def _key(self, source: SourceMap, src: DataPath, loc: DataPath) -> None:
        position = source.keys.get(src)
        if position is not None:
            self.out.keys[loc] = position


def graft(value: Any, source: SourceMap, src: DataPath, out: SourceMap, loc: DataPath) -> Any:
    """Copy the positions of ``value`` (found at ``src`` in ``source``) to ``loc`` in ``out``."""
    position = source.values.get(src)
    if position is not None:
        out.values[loc] = position
    if src in source.quoted:
        out.quoted.add(loc)
    if isinstance(value, dict):
        for key, child in value.items():
            key_position = source.keys.get((*src, key))
            if key_position is not None:
                out.keys[(*loc, key)] = key_position
            graft(child, source, (*src, key), out, (*loc, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            graft(child, source, (*src, index), out, (*loc, index))
    return value
