"""Where things live: the shipped scenarios and schema, and the user's own folders (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_TREE = _PACKAGE.parent

DEFAULT_SCENARIO_ID = "default_2021"
DEFAULT_SCENARIO_FILE = "default-2021.yaml"
SCHEMA_FILE = "scenario.schema.json"
TEST_SCHEMA_FILE = "scenario-test.schema.json"  # of scenario test files
#: How a scenario test file's name ends (``default-2021.test.yaml``): never listed as a scenario.
TEST_SUFFIX = ".test.yaml"


def shipped_scenarios_dir() -> Path:
    """The shipped scenarios: inside an installed wheel, or ``scenarios/`` of a source checkout.

    setup.py packs the repository's ``scenarios/`` into the wheel as ``game/data/scenarios``;
    an editable install has no such folder and reads the checkout.
    """
    packaged = _PACKAGE / "data" / "scenarios"
    return packaged if packaged.is_dir() else _SOURCE_TREE / "scenarios"


def schema_path(name: str = SCHEMA_FILE) -> Path:
    """A published JSON Schema (by default the scenarios'; ``TEST_SCHEMA_FILE``: the test files'):
    inside an installed wheel, or ``schema/`` of a source checkout."""
    packaged = _PACKAGE / "data" / "schema" / name
    return packaged if packaged.is_file() else _SOURCE_TREE / "schema" / name


def default_scenario() -> Path:
    return shipped_scenarios_dir() / DEFAULT_SCENARIO_FILE


def user_dir() -> Path:
    """The user's Cislunar data folder (not created until something is written there)."""
    return user_data_path("cislunar", appauthor=False)


def user_scenarios_dir() -> Path:
    return user_dir() / "scenarios"


def saves_dir() -> Path:
    return user_dir() / "saves"
