"""Mod metadata: a scenario's version, author and the game versions it needs.

A scenario for a newer game is refused with one located message, read before the rest of the
file, so the player is told to update the game rather than shown a list of unknown keys.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from game import __version__
from game.cli.main import main
from game.format.catalogue import read_entry
from game.format.loader import load_scenario, load_scenario_bytes
from game.format.metadata import parse_requirement, satisfied, version_tuple
from tests.authoring_support import BASE, edit, located, position
from tests.fuzz_settings import fuzz_settings
from tests.mutations import mutated
from tests.saves_support import MINI
from tests.test_fuzz_scenarios import check_outcome

CREDITED = edit(BASE, 'title: "Lint base"\n', 'title: "Lint base"\nversion: "1.2"\nauthor: Ada\n')


def with_requirement(requirement: str, text: str = BASE) -> str:
    return edit(text, 'title: "Lint base"\n', f'title: "Lint base"\nrequires_game: "{requirement}"\n')


def test_a_scenario_states_its_version_and_author_and_validate_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "credited.yaml"
    path.write_text(with_requirement(f">={__version__}", CREDITED))
    result = load_scenario(path)
    assert result.diagnostics == [] and result.scenario is not None
    assert (result.scenario.version, result.scenario.author) == ("1.2", "Ada")

    assert main(["validate", str(path)]) == 0
    assert f"{path}: ok (Lint base 1.2 by Ada)" in capsys.readouterr().err
    assert main(["validate", "--format", "json", str(path)]) == 0
    (file,) = json.loads(capsys.readouterr().out)["files"]
    assert (file["version"], file["author"]) == ("1.2", "Ada")


def test_a_scenario_for_a_newer_game_is_refused_with_one_located_message() -> None:
    # Keys this version does not know, as a newer game's file would have: still one message.
    text = with_requirement(">=99.0", BASE) + "teleporters: []\nwarp_speed: 9\n"
    result = load_scenario_bytes("future.yaml", text.encode())
    assert result.scenario is None
    assert located(result.diagnostics) == [("game-version", *position(text, '">=99.0"'))]
    assert result.diagnostics[0].message == (
        f"this scenario needs Cislunar >=99.0 and this is Cislunar {__version__}: update the game to play it"
    )


def test_a_variant_of_a_scenario_for_a_newer_game_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / "future.yaml").write_text(with_requirement(">=99.0"))
    variant = tmp_path / "variant.yaml"
    variant.write_text("extends: future.yaml\nid: variant\nnew_key: 1\n")
    result = load_scenario(variant, search_dirs=[])
    assert [d.code for d in result.diagnostics] == ["game-version"]
    assert result.diagnostics[0].path == str(tmp_path / "future.yaml")


@pytest.mark.parametrize("requirement", ["9 or later", ">=", "~>1.0", "", ">=0.1,,<2"])
def test_a_requirement_that_is_not_one_says_how_to_write_one(requirement: str) -> None:
    text = with_requirement(requirement)
    result = load_scenario_bytes("odd.yaml", text.encode())
    assert located(result.errors) == [("invalid-value", *position(text, f'"{requirement}"'))]
    assert "write the game versions it needs like '>=0.2'" in result.errors[0].message
    assert "pattern" not in result.errors[0].message


def test_requirements_compare_versions_as_numbers() -> None:
    assert version_tuple("0.10") > version_tuple("0.9") and version_tuple("0.2") == version_tuple("0.2.0")
    assert satisfied(">=0.1", "0.1.0") and satisfied(">=0.1, <1.0", "0.9.3")
    assert not satisfied(">0.1", "0.1.0") and not satisfied("<0.1", "0.1.0")
    assert satisfied("0.1", "0.1.0") and satisfied("!=0.2", "0.1.0")
    assert parse_requirement(">= 1.2 , <2") == [(">=", (1, 2, 0, 0)), ("<", (2, 0, 0, 0))]


def test_the_scenario_list_shows_the_credits_and_why_a_newer_file_cannot_be_played(tmp_path: Path) -> None:
    (tmp_path / "credited.yaml").write_text(CREDITED)
    (tmp_path / "future.yaml").write_text(with_requirement(">=99.0"))
    credited = read_entry(tmp_path / "credited.yaml", "user", [tmp_path])
    assert (credited.version, credited.author, credited.problem) == ("1.2", "Ada", None)
    future = read_entry(tmp_path / "future.yaml", "user", [tmp_path])
    assert future.problem is not None and "needs Cislunar >=99.0" in future.problem


def test_damaged_metadata_is_valid_or_a_located_error() -> None:
    """The fuzzer of scenario files, on a small scenario that states every metadata key."""
    text = MINI.read_text().replace(
        "title: Mini test scenario\n",
        "title: Mini\nversion: '2.1'\nauthor: Ada\nrequires_game: '>=0.1, <9'\n",
    )
    assert "requires_game" in text

    @fuzz_settings(60)
    @given(data=mutated(text.encode(), "yaml"))
    def fuzz(data: bytes) -> None:
        check_outcome(MINI, data)

    fuzz()
