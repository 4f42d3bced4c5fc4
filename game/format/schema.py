"""The JSON Schemas of scenario files and of scenario test files, from the pydantic models.

Editors read them to complete keys and show their meaning; the repository ships both in
``schema/``, kept equal to the models by tests/test_schema.py.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from game.format.models import Scenario
from game.format.scenario_tests import ScenarioTestFile


def _schema(model: type[BaseModel], name: str) -> dict:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://cislunar.invalid/{name}"
    return schema


def scenario_schema() -> dict:
    return _schema(Scenario, "scenario.schema.json")


def scenario_test_schema() -> dict:
    """The schema of a scenario test file (``*.test.yaml``, run by ``cislunar test``)."""
    return _schema(ScenarioTestFile, "scenario-test.schema.json")


def _text(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def scenario_schema_text() -> str:
    """The schema as stable, pretty JSON text (what `cislunar schema` prints and the repo commits)."""
    return _text(scenario_schema())


def scenario_test_schema_text() -> str:
    """The test files' schema as stable JSON text (`cislunar schema --tests`)."""
    return _text(scenario_test_schema())
