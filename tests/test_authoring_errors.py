"""Every class of error an author can meet, at its exact line and column, in the right file."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.format.codes import ERRORS, TEST_ERRORS
from game.format.lint import WARNINGS
from game.format.loader import load_scenario
from game.format.yaml_source import MAX_FILE_BYTES
from tests.authoring_support import BASE, edit, located, position

FORMAT = Path(__file__).resolve().parent.parent / "game" / "format"


@dataclass
class Case:
    """Files to write, the one to load, and each expected error: (file, code, needle, offset).

    A needle of None means the start of the file (1:1).
    """

    name: str
    files: dict[str, str | bytes]
    expected: list[tuple[str, str, str | None, int]]
    target: str = "s.yaml"


def variant(old: str, new: str) -> str:
    return edit(BASE, old, new)


def base_case(name: str, code: str, text: str, needle: str | None, offset: int = 0) -> Case:
    return Case(name, {"s.yaml": text}, [("s.yaml", code, needle, offset)])


BROKEN_VARIANT = "extends: base.yaml\nid: v\n"
CASES = [
    Case("a file that is not there", {}, [("missing.yaml", "io", None, 0)], target="missing.yaml"),
    Case(
        "bytes that are not UTF-8",
        {"s.yaml": BASE.encode().replace(b"Big Space", b"Big Sp\xe9ce")},
        [("s.yaml", "encoding", "Big Sp", 6)],
    ),
    base_case("NUL bytes", "encoding", variant("    short: BSA", "    short: B\x00A"), "    short: B"),
    base_case("a file over the size limit", "too-large", BASE + "#" * MAX_FILE_BYTES, None),
    base_case("YAML syntax", "yaml-syntax", variant('title: "Lint base"', "title: [unclosed"), ">-"),
    base_case(
        "a key twice",
        "duplicate-key",
        variant("    short: MSA\n", "    short: MSA\n    short: MSB\n"),
        "short: MSB",
    ),
    base_case(
        "an anchor twice",
        "yaml-anchor",
        variant("    support: 55\n    astronauts: 2", "    support: &a 55\n    astronauts: &a 2"),
        "&a 2",
    ),
    base_case("a YAML tag", "yaml-tag", variant("    budget: 400 #", "    budget: !custom 400 #"), "!custom"),
    base_case(
        "a key that is not text",
        "yaml-key",
        variant("    short: MSA\n", "    short: MSA\n    1: one\n"),
        "1: one",
    ),
    base_case(
        "an unquoted full date", "yaml-type", variant("  start: 2026-Q1", "  start: 2026-01-01"), "2026-01-01"
    ),
    base_case("a document that is not a mapping", "shape", "- a\n- b\n", None),
    base_case(
        "a scenario for a newer game",
        "game-version",
        variant('title: "Lint base"\n', 'title: "Lint base"\nrequires_game: ">=99"\nwarp: 9\n'),
        '">=99"',
    ),
    base_case("a typo in a key", "unknown-key", variant("    support: 55\n", "    suport: 55\n"), "suport"),
    base_case("a required key missing", "missing-key", variant("    short: MSA\n", ""), "id: my_agency"),
    base_case(
        "a value out of range", "invalid-value", variant("    support: 55\n", "    support: 155\n"), "155"
    ),
    base_case(
        "an id that does not exist", "unknown-id", variant("    bloc: east\n", "    bloc: eest\n"), "eest"
    ),
    base_case(
        "two items with one id",
        "duplicate-id",
        variant("    name: Habitation\n", "    name: Habitation\n  - id: robotics\n    name: Robots\n"),
        "  - id: robotics\n    name: Robots",
        8,
    ),
    base_case(
        "an agency's relation with itself",
        "self-relation",
        variant("rival_agency: 0}", "rival_agency: 0, my_agency: 5}"),
        "my_agency: 5",
    ),
    base_case(
        "recruits without a named corps",
        "corps",
        variant("    astronauts: 2\n", "    astronauts: 2\n    recruits: [Ann Lee]\n"),
        "recruits",
    ),
    base_case(
        "an astronaut named twice",
        "corps",
        variant("    astronauts: 2\n", "    astronauts: [{name: Ann Lee}, {name: Ann Lee}]\n"),
        "Ann Lee}]",
    ),
    base_case(
        "an own victory score on an agency no player runs",
        "victory",
        variant("    budget: 20000\n", "    budget: 20000\n    victory_score: 40\n"),
        "40\n",
    ),
    base_case(
        "an agency's own victory score below zero",
        "invalid-value",
        variant("    support: 55\n", "    support: 55\n    victory_score: -5\n"),
        "-5\n",
    ),
    base_case(
        "an agency called player",
        "reserved-id",
        variant(
            "  - id: rival_agency\n",
            "  - id: player\n    name: P\n    short: P\n    bloc: east\n    budget: 1\n"
            "  - id: rival_agency\n",
        ),
        "player\n    name: P",
    ),
    base_case(
        "a calendar that ends before it starts",
        "date-order",
        variant("  end: 2033-Q4", "  end: 2025-Q4"),
        "2025-Q4",
    ),
    base_case(
        "no playable agency",
        "no-playable",
        variant("    playable: true\n", "    playable: false\n"),
        "- id: my_agency",
    ),
    base_case(
        "money in a timed modifier",
        "timed-effect",
        variant(
            "          - budget: -10\n", "          - {modifier: cut, duration: 4, budget: -10, money: 5}\n"
        ),
        "money: 5",
    ),
    base_case(
        "a broken expression",
        "expression",
        variant("    when: crewed_orbit\n", "    when: crewed_orbit and\n"),
        "crewed_orbit and",
        len("crewed_orbit "),  # at the operator that has nothing after it
    ),
    base_case(
        "outcomes on an event with choices",
        "outcomes-with-choices",
        variant("    choices:\n", "    outcomes: [{id: luck, label: luck}]\n    choices:\n"),
        "outcomes: [",
    ),
    base_case(
        "a hook its happening cannot have",
        "hook",
        variant("    chance: 0.5\n", "    chance: 0.5\n    on: {happening: year_began, agency: my_agency}\n"),
        "agency: my_agency}",
    ),
    base_case(
        "a text's unknown placeholder",
        "template",
        variant("    title: Budget review\n", "    title: 'Budget review for {player_shrt}'\n"),
        "{player_shrt}",
    ),
    base_case(
        "a flight's reliability without a flights section",
        "flights",
        variant("    success: 0.85\n", "    success: 0.85\n    reliability: 0.7\n"),
        "reliability: 0.7",
    ),
    base_case(
        "an achievement earned by a happening that names no one",
        "race",
        BASE + "race:\n  achievements:\n    - {id: x, name: X, on: [{happening: year_began}]}\n",
        "year_began",
    ),
    base_case(
        "a seat given by an agency that does not lead its programme",
        "deal",
        BASE
        + "deals:\n  offers:\n    - id: pact\n      agency: rival_agency\n      title: Pact\n"
        + "      gives: [{seat: station}]\n",
        "station}]",
    ),
    base_case(
        "milestones that require each other",
        "cycle",
        variant("        planned: 2028-Q1\n", "        planned: 2028-Q1\n        requires: [first_crew]\n"),
        "[first_crew]",
    ),
    Case(
        "a variant without an id of its own",
        {"base.yaml": BASE, "s.yaml": "extends: base.yaml\ntitle: Mine\n"},
        [("s.yaml", "extends", "extends", 0)],
    ),
    Case(
        "a variant of a broken file",
        {"base.yaml": variant('title: "Lint base"', "title: [unclosed"), "s.yaml": BROKEN_VARIANT},
        [("base.yaml", "yaml-syntax", ">-", 0), ("s.yaml", "extends", "base.yaml", 0)],
    ),
    Case(
        "a base that is nowhere",
        {"s.yaml": "extends: nowhere\nid: v\n"},
        [("s.yaml", "extends-missing", "nowhere", 0)],
    ),
    Case(
        "variants that extend each other",
        {"s.yaml": "extends: t.yaml\nid: s\n", "t.yaml": "extends: s\nid: t\n"},
        [("s.yaml", "extends", "t.yaml", 0), ("t.yaml", "extends-cycle", "s\n", 0)],
    ),
    Case(
        "removing what is not inherited",
        {
            "base.yaml": BASE,
            "s.yaml": "extends: base.yaml\nid: v\nevents:\n  - {id: nothing, remove: true}\n",
        },
        [("s.yaml", "extends-remove", "nothing", 0)],
    ),
]


def _write(tmp_path: Path, files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return files


def _expected(tmp_path: Path, case: Case) -> list[tuple[str, str, int, int]]:
    found = []
    for file, code, needle, offset in case.expected:
        content = case.files.get(file, "")
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        line, column = (1, 1) if needle is None else position(text, needle, offset)
        found.append((str(tmp_path / file), code, line, column))
    return sorted(found)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_error_at_its_line_and_column(tmp_path: Path, case: Case) -> None:
    _write(tmp_path, case.files)
    result = load_scenario(tmp_path / case.target, search_dirs=[])
    assert result.scenario is None or result.errors
    assert all(d.severity == "error" for d in result.diagnostics)
    got = sorted((d.path, *located([d])[0]) for d in result.diagnostics)
    assert got == _expected(tmp_path, case)


def test_every_error_code_has_a_case() -> None:
    assert {code for case in CASES for _, code, _, _ in case.expected} == set(ERRORS)


def _codes_in_source() -> set[str]:
    """Every code the format's modules give a Diagnostic, found in their source text (a call's
    second argument, or a keyword called ``code`` or ending in ``_code``)."""
    codes: set[str] = set()
    for module in FORMAT.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                args = node.args[1:2] if name in ("at", "error", "warn") else []
                args += [kw.value for kw in node.keywords if kw.arg and kw.arg.endswith("code")]
                codes |= {
                    arg.value for arg in args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                }
            elif isinstance(node, ast.FunctionDef):
                named = node.args.args[-len(node.args.defaults) :] if node.args.defaults else []
                codes |= {
                    default.value
                    for arg, default in zip(named, node.args.defaults, strict=True)
                    if arg.arg == "code" and isinstance(default, ast.Constant)
                }
            elif (
                isinstance(node, ast.Assign)
                and any(getattr(t, "id", None) == "code" for t in node.targets)
                and isinstance(node.value, ast.Constant)
            ):
                codes.add(node.value.value)
    return codes


def test_the_registries_list_every_code_the_format_gives() -> None:
    """So the reference docs, generated from them, list every code an author can see."""
    assert _codes_in_source() - set(TEST_ERRORS) == set(ERRORS) | set(WARNINGS)
    assert not set(ERRORS) & set(WARNINGS) and not set(TEST_ERRORS) & (set(ERRORS) | set(WARNINGS))


def test_no_error_message_is_a_traceback(tmp_path: Path) -> None:
    for case in CASES:
        folder = tmp_path / case.name.replace(" ", "_").replace("'", "")
        folder.mkdir()
        _write(folder, case.files)
        for diagnostic in load_scenario(folder / case.target, search_dirs=[]).diagnostics:
            assert "Traceback" not in diagnostic.message and "\n" not in diagnostic.message
