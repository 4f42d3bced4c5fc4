"""The committed JSON Schema is the models' schema, so editors never check against a stale one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.format.schema import scenario_schema_text

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
