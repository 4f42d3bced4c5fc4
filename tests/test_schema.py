"""The committed JSON Schema is the models' schema, so editors never check against a stale one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.format.schema import scenario_schema_text, scenario_test_schema_text
from game.paths import TEST_SCHEMA_FILE

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schema_matches_the_models() -> None:
    committed = (ROOT / "schema" / "scenario.schema.json").read_text()
    assert committed == scenario_schema_text(), "run: cislunar schema -o schema/scenario.schema.json"


def test_schema_command_prints_a_json_schema_that_knows_every_top_level_key() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "game", "schema"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    schema = json.loads(done.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"calendar", "agencies", "programmes", "events", "objectives"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_schema_output_option_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    subprocess.run(
        [sys.executable, "-m", "game", "schema", "--output", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert target.read_text() == scenario_schema_text()


def test_committed_test_file_schema_matches_the_models() -> None:
    committed = (ROOT / "schema" / TEST_SCHEMA_FILE).read_text()
    assert committed == scenario_test_schema_text(), (
        f"run: cislunar schema --tests -o schema/{TEST_SCHEMA_FILE}"
    )


def test_the_test_file_schema_knows_every_key_of_a_test(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    subprocess.run(
        [sys.executable, "-m", "game", "schema", "--tests", "-o", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    schema = json.loads(target.read_text())
    assert schema["$id"].endswith(TEST_SCHEMA_FILE) and schema["additionalProperties"] is False
    assert set(schema["properties"]) == {"scenario", "tests"}
    test = schema["$defs"]["ScenarioTest"]["properties"]
    assert {"name", "agency", "seed", "strategy", "actions", "answers", "expect", "outcome"} <= set(test)


def test_every_shipped_test_file_names_the_test_file_schema() -> None:
    """An editor opening one completes its keys: the first line names the schema, by a relative path."""
    for path in sorted((ROOT / "scenarios" / "tests").glob("*.test.yaml")):
        first = path.read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../schema/{TEST_SCHEMA_FILE}", path.name
        assert (path.parent / "../../schema" / TEST_SCHEMA_FILE).resolve().is_file()
