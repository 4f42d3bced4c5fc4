"""The JSON Schema of scenario files, from the pydantic models, for editors and tools."""

from __future__ import annotations

import json

from game.format.models import Scenario


def scenario_schema() -> dict:
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://cislunar.invalid/scenario.schema.json"
    return schema


def scenario_schema_text() -> str:
    """The schema as stable, pretty JSON text (what `cislunar schema` prints and the repo commits)."""
    return json.dumps(scenario_schema(), indent=2, sort_keys=True) + "\n"
