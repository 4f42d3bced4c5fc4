"""The reference sections of the docs, generated from the models and the vocabulary so they never drift.

``python -m game.format.reference`` rewrites the generated parts of ``docs/scenarios.md``
(every key of every model, the warning and error codes) and ``docs/expressions.md`` (the
variables and functions of the expression language); ``--check`` only reports whether the
committed docs are up to date, which a test also checks.
"""

from __future__ import annotations

import argparse
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from game.format import models
from game.format.codes import ERRORS, TEST_ERRORS
from game.format.expressions import MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES, MAX_NUMBER
from game.format.happenings import DETAILS, HAPPENINGS
from game.format.lint import WARNINGS
from game.format.models import Scenario
from game.format.scenario_tests import ScenarioTestFile
from game.format.text_templates import PLACEHOLDERS
from game.format.vocabulary import FUNCTIONS, VARIABLES
from game.format.words import with_indefinite

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"

#: The named value types of the format, shown by name and explained once.
NAMED: dict[Any, str] = {
    models.Id: "id",
    models.Ref: "milestone ref",
    models.Date: "date",
    models.Expression: "expression",
    models.Condition: "condition",
    models.Weight: "weight",
    models.Finite: "number",
    models.AgencyTarget: "agency target",
    models.ProgrammeTarget: "programme target",
    models.HappeningName: "happening",
}

BEGIN = "<!-- BEGIN GENERATED {name}: python -m game.format.reference -->"
END = "<!-- END GENERATED {name} -->"


# ---------------------------------------------------------------- types


def _model(hint: Any) -> type[BaseModel] | None:
    return hint if isinstance(hint, type) and issubclass(hint, BaseModel) else None


def type_name(hint: Any) -> str:
    """A reader's name for a type hint: 'list of id', 'map of id to number', a link to a model."""
    for named, name in NAMED.items():
        if hint == named:
            return name
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        return " or ".join(type_name(arg) for arg in options)
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin is dict:
        return f"map of {type_name(args[0])} to {type_name(args[1])}"
    if origin is Literal:
        return "one of " + ", ".join(f"`{arg}`" for arg in args)
    model = _model(hint)
    if model is not None:
        return f"[{model.__name__}](#{model.__name__.lower()})"
    return {bool: "true or false", int: "whole number", float: "number", str: "text"}.get(hint, str(hint))


def limits(info: FieldInfo) -> str:
    """The range or length a field allows, as text ('0 to 1', 'at least 1 item')."""
    low = high = None
    parts = []
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            low = f"{item.ge:,}"
        elif isinstance(item, annotated_types.Gt):
            low = f"more than {item.gt:,}"
        elif isinstance(item, annotated_types.Le):
            high = f"{item.le:,}"
        elif isinstance(item, annotated_types.MinLen) and item.min_length:
            parts.append(f"at least {item.min_length}")
        elif isinstance(item, annotated_types.MaxLen):
            counted = "items" if typing.get_origin(info.annotation) in (list, dict) else "characters"
            parts.append(f"at most {item.max_length} {counted}")
    if low is not None and high is not None and not low.startswith("more"):
        parts.insert(0, f"{low} to {high}")
    else:
        if low is not None:
            parts.insert(0, low if low.startswith("more") else f"at least {low}")
        if high is not None:
            parts.insert(0, f"at most {high}")
    return ", ".join(parts)


def default_text(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    if info.default_factory in (list, dict):
        return "empty"
    if info.default_factory is not None:
        return "see its table"
    value = info.default
    if value is None or value is PydanticUndefined:
        return "none"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list | dict | str) and not value:
        return "empty"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"`{value}`"


def models_in_order(root: type[BaseModel] = Scenario) -> list[type[BaseModel]]:
    """Every model reachable from ``root``, in the order a reader meets them."""
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        hints = typing.get_type_hints(model, include_extras=True)
        for name in model.model_fields:
            for inner in _models_in(hints[name]):
                visit(inner)

    visit(root)
    return seen


def _models_in(hint: Any) -> list[type[BaseModel]]:
    model = _model(hint)
    if model is not None:
        return [model]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(hint):
        found += _models_in(arg)
    return found


# ---------------------------------------------------------------- sections


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def model_section(model: type[BaseModel]) -> str:
    hints = typing.get_type_hints(model, include_extras=True)
    doc = " ".join((model.__doc__ or "").split())
    lines = [f"### {model.__name__}", ""]
    if doc and model is not BaseModel:
        lines += [doc, ""]
    lines += ["| key | type | default | meaning |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        kind = type_name(hints[name])
        bounds = limits(info)
        if bounds:
            kind += f" ({bounds})"
        lines.append(f"| `{key}` | {_cell(kind)} | {default_text(info)} | {_cell(info.description or '')} |")
    return "\n".join(lines)


def value_types_section() -> str:
    lines = ["| type | written as |", "|---|---|"]
    for named, name in NAMED.items():
        info = next((m for m in typing.get_args(named) if isinstance(m, FieldInfo)), None)
        lines.append(f"| {name} | {_cell(info.description if info and info.description else '')} |")
    return "\n".join(lines)


def codes_section(title: str, codes: dict[str, str]) -> str:
    lines = [f"| {title} code | meaning |", "|---|---|"]
    lines += [f"| `{code}` | {_cell(meaning)} |" for code, meaning in codes.items()]
    return "\n".join(lines)


def happenings_section() -> str:
    """The happenings an event can be hooked on, with their details."""
    lines = [
        "### Happenings",
        "",
        "What an event's `on:` can name. Each happening carries the details listed; a filter of",
        "`on:` may name only those, and the event's `when`, effects and texts may read them.",
        "",
        "| happening | when | details |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{kind.name}` | {_cell(kind.doc)} | {', '.join(f'`{d}`' for d in kind.details)} |"
        for kind in HAPPENINGS.values()
    ]
    lines += ["", "| detail | holds |", "|---|---|"]
    lines += [f"| `{detail}` | {_cell(words)} |" for detail, words in DETAILS]
    return "\n".join(lines)


def placeholders_section() -> str:
    """The placeholders of texts (game/format/text_templates.py)."""
    lines = [
        "### Placeholders",
        "",
        "What an event's title and text, a choice's label and text, an outcome's label and text,",
        "an objective's name, short name and description and an ending's title and text may hold in",
        'braces (the cookbook\'s "Texts that name the player" shows them at work). An article before',
        "a name (`{a player_short}`) is 'a' or 'an' as the name is spoken, with a capital at the start",
        "of a sentence or when written `{A ...}`; `{{` and `}}` are braces. The happening's details",
        "are only in an event with `on:`, never in an objective or an ending.",
        "",
        "| placeholder | gives |",
        "|---|---|",
    ]
    for kind in PLACEHOLDERS.values():
        shown = f"{{{kind.name}:id}}" if kind.argument else f"{{{kind.name}}}"
        where = (
            f" (in an event with `on:` whose happening has {with_indefinite(kind.detail)})"
            if kind.detail
            else ""
        )
        lines.append(f"| `{shown}` | {_cell(kind.doc + where)} |")
    return "\n".join(lines)


def scenario_reference() -> str:
    """The generated part of docs/scenarios.md."""
    parts = [
        "### Value types",
        "",
        value_types_section(),
        "",
        *[model_section(model) + "\n" for model in models_in_order()],
        happenings_section(),
        "",
        placeholders_section(),
        "",
        "### Warnings",
        "",
        "`cislunar validate` prints these for what is valid but probably wrong; `--strict` fails on them.",
        "",
        codes_section("warning", WARNINGS),
        "",
        "### Errors",
        "",
        "A file with any of these cannot be played.",
        "",
        codes_section("error", ERRORS),
    ]
    return "\n".join(parts)


#: How the reference names the kinds of value of the expression language.
_KIND_NAMES = {"number": "number", "truth": "condition"}


def expression_reference() -> str:
    """The generated part of docs/expressions.md."""
    lines = ["### Variables", "", "| name | kind | value |", "|---|---|---|"]
    lines += [
        f"| `{name}` | {_KIND_NAMES[variable.result]} | {_cell(variable.doc)} |"
        for name, variable in VARIABLES.items()
    ]
    lines += ["", "### Functions", "", "| call | kind | value |", "|---|---|---|"]
    for name, function in FUNCTIONS.items():
        args = ", ".join(f'"{kind}"' for kind in function.args)
        lines.append(f"| `{name}({args})` | {_KIND_NAMES[function.result]} | {_cell(function.doc)} |")
    lines += [
        "",
        "### Limits",
        "",
        f"An expression is at most {MAX_EXPRESSION_LENGTH} characters and {MAX_EXPRESSION_NODES} parts "
        f"(names, numbers, operators, calls). A number written in an expression is at most {MAX_NUMBER:,} "
        "in size. A scale's value counts between 0 and that same limit; a value that is no number "
        "at all (from arithmetic on infinities) counts as 0, in the score and its breakdown alike; "
        "a comparison with such a value is false.",
    ]
    return "\n".join(lines)


def test_file_reference() -> str:
    """The generated keys and codes of scenario test files, in docs/scenarios.md."""
    parts = [model_section(model) + "\n" for model in models_in_order(ScenarioTestFile)]
    parts += ["#### Test file errors", "", codes_section("error", TEST_ERRORS)]
    return "\n".join(parts)


GENERATED: dict[str, tuple[str, Callable[[], str]]] = {
    "REFERENCE": ("scenarios.md", scenario_reference),
    "TEST FILES": ("scenarios.md", test_file_reference),
    "EXPRESSIONS": ("expressions.md", expression_reference),
}


# ---------------------------------------------------------------- writing the docs


def replace_block(text: str, name: str, body: str) -> str:
    """``text`` with the block between the markers called ``name`` replaced by ``body``."""
    begin, end = BEGIN.format(name=name), END.format(name=name)
    if begin not in text or end not in text:
        raise ValueError(f"the markers of the generated {name} block are missing")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n\n{body}\n\n{end}{tail}"


def stale(docs: Path = DOCS) -> list[str]:
    """The docs files whose generated blocks differ from the models."""
    found = []
    for name, (file, build) in GENERATED.items():
        text = (docs / file).read_text(encoding="utf-8")
        if replace_block(text, name, build()) != text:
            found.append(file)
    return found


def write(docs: Path = DOCS) -> list[str]:
    """Regenerate every block; return the files that changed."""
    changed = []
    for name, (file, build) in GENERATED.items():
        path = docs / file
        text = path.read_text(encoding="utf-8")
        new = replace_block(text, name, build())
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(file)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the docs are up to date")
    args = parser.parse_args(argv)
    if args.check:
        files = stale()
        for file in files:
            print(f"docs/{file} is out of date: run python -m game.format.reference", file=sys.stderr)
        return 1 if files else 0
    for file in write():
        print(f"wrote docs/{file}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
