"""The authoring docs stay true: every YAML example validates, and the reference is the models'.

Fenced blocks in docs/*.md are checked by the word after ``yaml`` on their opening line:
``yaml`` is a complete scenario (no error, no warning), ``yaml tutorial`` a tutorial step
merged onto the steps before it, ``yaml fragment`` a piece of a file (valid YAML, and its
conditions parse), ``yaml test`` a scenario test file (it loads and passes).
docs/scenarios.md explains the same to authors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from game.cli.validate import ValidationReport
from game.format.expressions import parse_expression
from game.format.extends import merge
from game.format.lint import expressions_in
from game.format.loader import load_scenario, validate_data
from game.format.models import Condition
from game.format.reference import stale
from game.format.yaml_source import Document, read_document
from game.sim.scenario_tests import run_test_file

DOCS = Path(__file__).resolve().parent.parent / "docs"
FENCE = re.compile(r"^```(?P<lang>\w+)(?P<kind>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def blocks(lang: str, kind: str) -> list[tuple[str, int, str]]:
    """(file, line, text) of every fenced block of ``lang`` marked ``kind`` ('' for none)."""
    found = []
    for doc in sorted(DOCS.glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match.group("lang") == lang and match.group("kind").strip() == kind:
                found.append((doc.name, text.count("\n", 0, match.start()) + 1, match.group("body")))
    return found


def test_the_docs_have_examples_of_every_kind() -> None:
    assert len(blocks("yaml", "")) >= 5 and len(blocks("yaml", "tutorial")) >= 4
    assert blocks("yaml", "fragment")


def test_no_yaml_block_has_an_unknown_mark() -> None:
    kinds = {
        match.group("kind").strip()
        for doc in DOCS.glob("*.md")
        for match in FENCE.finditer(doc.read_text(encoding="utf-8"))
        if match.group("lang") == "yaml"
    }
    assert kinds <= {"", "tutorial", "fragment", "test"}


@pytest.mark.parametrize(("doc", "line", "body"), blocks("yaml", ""), ids=lambda v: str(v)[:30])
def test_every_complete_example_validates_without_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, doc: str, line: int, body: str
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no stray user scenarios
    path = tmp_path / "example.yaml"
    path.write_text(body, encoding="utf-8")
    result = load_scenario(path)
    assert result.diagnostics == [], f"{doc}:{line}: " + "; ".join(str(d) for d in result.diagnostics)
    assert result.scenario is not None


def _tutorial_steps() -> list:
    steps = []
    document: Document | None = None
    for doc, line, body in blocks("yaml", "tutorial"):
        step, problems = read_document("kiwi-moon.yaml", body.encode())
        assert step is not None, problems
        document = step if document is None else merge(document, step)[0]
        steps.append((doc, line, validate_data("kiwi-moon.yaml", document.data, document.source)))
    return steps


def test_every_tutorial_step_loads_and_the_last_has_no_warning() -> None:
    steps = _tutorial_steps()
    for doc, line, result in steps:
        assert result.scenario is not None and not result.errors, (doc, line, [str(d) for d in result.errors])
    assert steps[-1][2].diagnostics == []


def test_the_tutorial_shows_the_warnings_it_talks_about() -> None:
    steps = _tutorial_steps()
    first = [str(d) for d in steps[0][2].warnings]
    assert len(first) == 1 and first[0] + " [capability-unused]" in (DOCS / "scenarios.md").read_text()
    assert [d.code for d in steps[3][2].warnings] == ["flag-never-read"]


def _conditions(data: Any) -> list[tuple[str, Any]]:
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("when", "condition", "scale"):
                found.append((key, value))
            else:
                found += _conditions(value)
    elif isinstance(data, list):
        for item in data:
            found += _conditions(item)
    return found


@pytest.mark.parametrize(("doc", "line", "body"), blocks("yaml", "fragment"), ids=lambda v: str(v)[:30])
def test_every_fragment_is_yaml_whose_conditions_parse(doc: str, line: int, body: str) -> None:
    document, problems = read_document(f"{doc}:{line}", body.encode())
    assert document is not None, [str(p) for p in problems]
    for key, value in _conditions(document.data):
        condition = TypeAdapter(Condition).validate_python(value) if key != "scale" else value
        for _, text in expressions_in((), condition):
            parse_expression(text, "number" if key == "scale" else "truth")


def test_every_example_of_the_expression_page_has_the_kind_its_place_needs() -> None:
    text = (DOCS / "expressions.md").read_text(encoding="utf-8")
    examples = text.split("## Examples", 1)[1].split("\n## ", 1)[0]
    rows = [
        line.split("|")[2].strip() for line in examples.splitlines() if line.startswith("| ") and "`" in line
    ]
    assert len(rows) >= 8
    for cell in rows:
        expression = cell.split("`")[1]
        parse_expression(expression, "number" if "scale" in cell else "truth")


@pytest.mark.parametrize(("doc", "line", "body"), blocks("yaml", "test"), ids=lambda v: str(v)[:30])
def test_every_scenario_test_example_loads_and_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, doc: str, line: int, body: str
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no stray user scenarios
    path = tmp_path / "example.test.yaml"
    path.write_text(body, encoding="utf-8")
    report = run_test_file(path)
    problems = [*report.errors, *(failure for test in report.tests for failure in test.failures)]
    assert report.ok and report.tests, f"{doc}:{line}: " + "; ".join(str(d) for d in problems)


def test_the_json_example_has_the_shape_validate_prints() -> None:
    reports = [body for _, _, body in blocks("json", "") if '"files"' in body]
    assert reports
    for body in reports:
        ValidationReport.model_validate(json.loads(body))


def test_the_generated_reference_matches_the_models() -> None:
    assert stale() == [], "run: python -m game.format.reference"


def test_the_reference_documents_every_key_and_code() -> None:
    from game.format.codes import ERRORS
    from game.format.lint import WARNINGS
    from game.format.reference import models_in_order

    text = (DOCS / "scenarios.md").read_text(encoding="utf-8")
    for model in models_in_order():
        assert f"### {model.__name__}\n" in text
        for name, info in model.model_fields.items():
            assert f"| `{info.alias or name}` |" in text
    for code in (*ERRORS, *WARNINGS):
        assert f"| `{code}` |" in text
