"""Every key of every model, fed a wrong-typed and a malformed value, gets a message in plain words.

The walk reads the models (game/format/models.py, game/format/scenario_tests.py), so a key added
later is covered without a line here: no message may quote a regular expression, a pydantic path
(``programmes.0.milestones.0.planned``), a Python type name or pydantic's own phrases; each names
the key the author wrote and the place as an author names it.
"""

from __future__ import annotations

import copy
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from game.format.diagnostics import Diagnostic
from game.format.loader import load_scenario_bytes
from game.format.models import Scenario
from game.format.refusals import _members, _unwrap, located_errors
from game.format.scenario_tests import ScenarioTestFile, load_tests
from game.format.yaml_source import SourceMap
from tests.authoring_support import edit, position
from tests.plain_words import raw_parts
from tests.saves_support import MINI

TEST_FILE = {
    "scenario": "mini.yaml",
    "tests": [
        {
            "name": "every key",
            "agency": "esa",
            "seed": 3,
            "strategy": "greedy",
            "answers": {"crisis": "calm"},
            "actions": [{"turn": "2021-Q1", "action": "invest", "target": "robotics", "option": ""}],
            "expect": [{"at": "2021-Q2", "that": "year >= 2021"}],
            "outcome": "finished",
        }
    ],
}


#: keys whose text may be anything, or a name looked up elsewhere: a bad value may pass the models
FREE_TEXT = {
    "extends",
    "requires_game",
    "version",
    "author",
    "description",
    "name",
    "scenario",
    "target",
    "option",
}


def _key(name: str, info: Any) -> str:
    return info.alias or name


def _fields(model: type[BaseModel]) -> Iterator[tuple[str, Any, tuple[Any, ...]]]:
    for name, info in model.model_fields.items():
        yield _key(name, info), info.annotation, tuple(info.metadata)


def bad_values(annotation: Any, metadata: tuple[Any, ...]) -> list[Any]:
    """A value of the wrong type and a malformed one of the right type, for a field."""
    annotation, metadata = _unwrap(annotation, metadata)
    members = list(_members(annotation))
    kinds = {typing.get_origin(m) or m for m in members}
    values: list[Any] = []
    if str in kinds:
        values += [5, {"a": 1}]
        if any(getattr(m, "pattern", None) for m in metadata) or _patterned(members):
            values.append("Not-Valid 1")
        if any(getattr(m, "max_length", None) for m in metadata):
            values.append("x" * 5000)
    if kinds & {int, float}:
        values += ["lots", [1], 1e12, -1e12, float("inf")]
    if int in kinds:
        values.append(1.5)
    if bool in kinds:
        values += ["maybe", 2]
    if list in kinds:
        values += ["text", [[1, 2]], [{"Bad-Key": 1}]]
    if dict in kinds:
        values += [[1], {"Bad-Key": [1]}, {"ok_key": "Not-Valid 1"}]
    if Literal in kinds:
        values.append("nonsense")
    if any(isinstance(m, type) and issubclass(m, BaseModel) for m in members):
        values += [[1], {"no_such_key": 1}, *(["text"] if str not in kinds else [])]
    return values or [[1]]


def _patterned(members: list[Any]) -> bool:
    return any(getattr(m, "pattern", None) for member in members for m in _unwrap(member, ())[1])


def _models(annotation: Any) -> Iterator[tuple[type[BaseModel], str]]:
    """The models a field holds, and how: 'one' (a mapping), 'list' or 'map' (of such mappings)."""
    for member in _members(annotation):
        origin = typing.get_origin(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            yield member, "one"
        elif origin in (list, dict):
            for inner in _members(typing.get_args(member)[-1]):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    yield inner, "list" if origin is list else "map"


def places(root: type[BaseModel], data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """(path to a mapping of some model, a key of it, its annotation and metadata), every model once."""
    seen: set[type[BaseModel]] = set()

    def visit(model: type[BaseModel], loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
        seen.add(model)
        for key, annotation, metadata in _fields(model):
            yield loc, key, (annotation, metadata)
            for inner, how in _models(annotation):
                if inner in seen:
                    continue
                where = {"one": (*loc, key), "list": (*loc, key, 0), "map": (*loc, key, "entry")}[how]
                yield from visit(inner, where)

    yield from visit(root, ())


def placed(data: dict[str, Any], loc: tuple[Any, ...], key: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with ``value`` at ``loc + (key,)``, making the mappings on the way."""
    result = copy.deepcopy(data)
    node: Any = result
    for index, part in enumerate(loc):
        if isinstance(part, int):  # the first item of a list (one mapping, made if need be)
            if not node or not isinstance(node[0], dict):
                node[:] = [{}]
            node = node[0]
            continue
        want = list if index + 1 < len(loc) and isinstance(loc[index + 1], int) else dict
        if not isinstance(node.get(part), want):
            node[part] = want()
        node = node[part]
    node[key] = value
    return result


def scenario_cases() -> list[tuple[tuple[Any, ...], str, Any]]:
    data = yaml.safe_load(MINI.read_text())
    return [(loc, key, value) for loc, key, (a, m) in places(Scenario, data) for value in bad_values(a, m)]


def test_the_walk_reaches_every_model_and_many_keys() -> None:
    cases = scenario_cases()
    keys = {(loc, key) for loc, key, _ in cases}
    assert len(keys) > 150 and any(key == "planned" for _, key in keys)
    assert any(key == "not" for _, key in keys)  # an alias is a key of the file


def problems_of(diagnostics: list[Diagnostic], key: str, value: Any) -> list[str]:
    """What is wrong with the errors for ``key: value``: none, raw words, or no word of the key."""
    if not diagnostics:
        return [f"{key}: {value!r} was accepted"]
    found = [f"{key}: {value!r}: {d.message}: {raw}" for d in diagnostics for raw in raw_parts(d.message)]
    refused = [d.message for d in diagnostics if d.code == "invalid-value"]
    if refused and not any(key in message for message in refused):
        found.append(f"{key}: {value!r}: the key is not named: {refused}")
    return found


def refusals(root: type[BaseModel], data: dict[str, Any]) -> list[Diagnostic]:
    """What the loader says of ``data`` as a file of ``root`` (the models' part: no file read)."""
    try:
        root.model_validate(data)
    except ValidationError as error:
        return located_errors(error, SourceMap("walk.yaml"), root, data)
    return []


def test_every_scenario_key_refuses_bad_values_in_plain_words() -> None:
    data = yaml.safe_load(MINI.read_text())
    found: list[str] = []
    for loc, key, value in scenario_cases():
        errors = refusals(Scenario, placed(data, loc, key, value))
        if errors or key not in FREE_TEXT:
            found += problems_of(errors, key, value)
    assert not found, "\n".join(found)


def test_a_bad_value_reads_the_same_through_the_whole_loader() -> None:
    """The walk above asks the models; the loader (reading the YAML text) says the same, located."""
    data = yaml.safe_load(MINI.read_text())
    loc, key, value = ("programmes", 0, "milestones", 0), "planned", "2022-Q5"
    text = yaml.safe_dump(placed(data, loc, key, value), sort_keys=False)
    (error,) = load_scenario_bytes("walk.yaml", text.encode(), search_dirs=[]).errors
    assert [error.message] == [d.message for d in refusals(Scenario, placed(data, loc, key, value))]
    assert (error.line, error.column) == position(text, "2022-Q5")


def test_every_test_file_key_refuses_bad_values_in_plain_words(tmp_path: Path) -> None:
    (tmp_path / "mini.yaml").write_bytes(MINI.read_bytes())
    path = tmp_path / "walk.test.yaml"
    found: list[str] = []
    for loc, key, (annotation, metadata) in places(ScenarioTestFile, TEST_FILE):
        for value in bad_values(annotation, metadata):
            path.write_text(yaml.safe_dump(placed(TEST_FILE, loc, key, value), sort_keys=False))
            errors = load_tests(path, search_dirs=[]).diagnostics
            if errors or key not in FREE_TEXT:
                found += problems_of(errors, key, value)
    assert not found, "\n".join(found)


# ---------------------------------------------------------------- the issue's own examples


def problem(old: str, new: str) -> tuple[str, int, int]:
    """The one error of mini with ``old`` changed to ``new``: its message, line and column."""
    text = edit(MINI.read_text(), old, new)
    (error,) = load_scenario_bytes("mini.yaml", text.encode(), search_dirs=[]).errors
    return error.message, error.line, error.column


@pytest.mark.parametrize(
    ("old", "new", "value", "expected"),
    [
        (
            "id: mini",
            "id: all-features",
            "all-features",
            "id is 'all-features', which is not an id: lower-case letters, digits and underscores, "
            "starting with a letter (at most 40), such as 'all_features'",
        ),
        (
            "scale: science / 2",
            "scale: 5",
            "5",
            "in objective 'science': scale is 5, but it must be an expression, such as "
            "'year >= 2025 and support > 40'; to write it as text, put it in quotes: '5'",
        ),
        (
            "planned: 2022-Q1",
            "planned: 2022-Q5",
            "2022-Q5",
            "in programme 'gateway', milestone 'core': planned is '2022-Q5', which is not a date: "
            "'YYYY-QN' for a quarter (Q1 to Q4), such as '2024-Q3', or 'YYYY-MM' for a month, "
            "such as '2024-07'",
        ),
        (
            "set_flags: [calm]",
            "set_flags: [Calm-Mood]",
            "Calm-Mood",
            "in event 'crisis', choice 'calm', the 1st effect: set_flags holds 'Calm-Mood', which is "
            "not an id: lower-case letters, digits and underscores, starting with a letter (at most 40), "
            "such as 'calm_mood'",
        ),
        (
            "crew: orbit",
            "crew: orbits",
            "orbits",
            "in programme 'gateway', milestone 'crew1': crew is 'orbits', but it must be one of 'none', "
            "'orbit' or 'surface'; did you mean 'orbit'?",
        ),
        (
            "when: crewed_orbit",
            "when: 3",
            "3",
            "in objective 'orbit': when is 3, but it must be an expression, such as "
            "'year >= 2025 and support > 40' or a mapping (key: value lines) of keys such as 'all', "
            "'any', 'not'",
        ),
    ],
    ids=["hyphenated-id", "bare-number-scale", "bad-date", "bad-flag", "bad-choice-of-words", "number-when"],
)
def test_the_issues_examples_read_as_an_author_would_write(
    old: str, new: str, value: str, expected: str
) -> None:
    """Each at the value it is about."""
    text = edit(MINI.read_text(), old, new)
    message, line, column = problem(old, new)
    assert message == expected
    assert (line, column) == position(text, new, offset=new.index(value))


def test_the_docs_show_a_refused_value_as_the_loader_says_it() -> None:
    """docs/scenarios.md's 'Checking a scenario' quotes this message: it must stay true."""
    message, _, _ = problem("planned: 2022-Q1", "planned: 2022-Q5")
    docs = (Path(__file__).resolve().parent.parent / "docs" / "scenarios.md").read_text(encoding="utf-8")
    assert f": error: {message} [invalid-value]" in docs


def test_a_folder_named_like_a_class_in_a_message_is_not_judged_but_a_class_name_is() -> None:
    # CI clones into a temporary folder: 'ci.NpZk' once made the fuzzers fail on a path
    where = "no scenario with id 'Base' in /var/ci.NpZk/tests/fixtures, /var/ci.NpZk/scenarios"
    assert raw_parts(where) == []
    assert raw_parts("expected a ScenarioModel here") == ["a class name: 'ScenarioModel'"]
