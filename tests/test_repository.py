"""What the repository ships stands on its own: no path of a development machine, facts cited in docs/."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHIPPED = (
    "README.md",
    "Makefile",
    "pyproject.toml",
    "setup.py",
    ".ci",
    "docs",
    "game",
    "scenarios",
    "schema",
    "tests",
)
#: A path of the machine the game was made on (under work, farm or tmp at the root), as git grep checks.
MACHINE_PATH = re.compile(r"(^|[^A-Za-z])/(work|farm|tmp)/", re.MULTILINE)


def _files() -> list[Path]:
    found = []
    for name in SHIPPED:
        top = REPO / name
        paths = [top] if top.is_file() else sorted(top.rglob("*"))
        found += [
            p
            for p in paths
            if p.is_file() and p.suffix not in (".svg", ".so", ".pyd") and "__pycache__" not in p.parts
        ]  # .so/.pyd: the engine compiled here (`make compiled`), never committed (.gitignore)
    return found


def test_no_file_names_a_path_of_the_development_machine() -> None:
    offending = [
        f"{path.relative_to(REPO)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in _files()
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        for match in [MACHINE_PATH.search(text)]
        if match
    ]
    assert offending == []


def test_every_shipped_scenario_cites_the_facts_shipped_in_docs() -> None:
    facts = (REPO / "docs" / "facts.md").read_text(encoding="utf-8")
    assert "## Agencies and their budgets" in facts and "source" in facts
    for scenario in sorted((REPO / "scenarios").glob("*.yaml")):
        header = scenario.read_text(encoding="utf-8").split("\n# Sources\n", 1)
        assert len(header) == 2 and "docs/facts.md" in header[1].split("\n\n")[0], scenario.name
