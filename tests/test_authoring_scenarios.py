"""The shipped scenarios: each validates with no warning, documents itself, and plays to the end.

Also the catalogue that lists them (and the user's own) for the game's set-up screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.bots.strategies import BOTS, programme_roads
from game.engine.compiled import CompiledScenario, compile_scenario
from game.format.catalogue import list_scenarios
from game.format.loader import load_scenario
from game.paths import shipped_scenarios_dir
from game.sim.runner import play_campaign
from tests.authoring_support import BASE

SHIPPED = sorted(shipped_scenarios_dir().glob("*.yaml"))
NEW = ["esa-2022.yaml", "newcomer.yaml", "gateway-in-doubt.yaml"]
SEEDS = (1, 2)


@pytest.fixture(scope="module")
def compiled() -> dict[str, CompiledScenario]:
    return {path.name: compile_scenario(load_scenario(path).unwrap()) for path in SHIPPED}


def test_at_least_three_scenarios_besides_the_default() -> None:
    assert {path.name for path in SHIPPED} >= {"default-2021.yaml", *NEW}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_scenario_validates_without_a_warning(path: Path) -> None:
    result = load_scenario(path)
    assert result.diagnostics == [], [str(d) for d in result.diagnostics]


@pytest.mark.parametrize("name", NEW)
def test_every_new_scenario_starts_with_the_schema_line_and_a_header(name: str) -> None:
    lines = (shipped_scenarios_dir() / name).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/scenario.schema.json"
    header = [line for line in lines[1:40] if line.startswith("#")]
    assert len(header) >= 15 and any("Sources" in line for line in header)
    assert (shipped_scenarios_dir() / lines[0].split("=", 1)[1]).resolve().is_file()


def test_one_new_scenario_is_a_short_variant_of_the_default() -> None:
    result = load_scenario(shipped_scenarios_dir() / "esa-2022.yaml")
    assert [Path(base).name for base in result.bases] == ["default-2021.yaml"]
    lines = (shipped_scenarios_dir() / "esa-2022.yaml").read_text().count("\n")
    assert lines < (shipped_scenarios_dir() / "default-2021.yaml").read_text().count("\n") / 10


@pytest.mark.parametrize("strategy", ["programme roads", *BOTS])
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_strategy_plays_every_scenario_to_the_end(
    compiled: dict[str, CompiledScenario], path: Path, strategy: str
) -> None:
    scenario = compiled[path.name]
    agencies = scenario.playable()
    names = programme_roads(scenario.scenario) if strategy == "programme roads" else [strategy]
    for name in names:
        for seed in SEEDS:
            agency = agencies[seed % len(agencies)]
            game = play_campaign(scenario, agency, name, seed)
            assert game.over and game.state.outcome in ("won", "finished", "lost")
            assert game.state.month > scenario.end or game.state.outcome == "lost"


# ---------------------------------------------------------------- the catalogue


def test_the_catalogue_lists_shipped_scenarios_default_first(tmp_path: Path) -> None:
    entries = list_scenarios([("shipped", shipped_scenarios_dir()), ("user", tmp_path / "none")])
    assert entries[0].id == "default_2021" and entries[0].origin == "shipped"
    by_id = {entry.id: entry for entry in entries}
    assert set(by_id) >= {"default_2021", "esa_2022", "newcomer", "gateway_in_doubt"}
    esa = by_id["esa_2022"]
    assert (esa.start_year, esa.end_year, esa.extends) == (2022, 2036, "default_2021")  # the end is inherited
    assert esa.years == "2022–2036" and esa.problem is None and esa.description


def test_the_catalogue_lists_user_files_after_shipped_ones_and_explains_broken_ones(tmp_path: Path) -> None:
    user = tmp_path / "mine"
    user.mkdir()
    (user / "ok.yaml").write_text(BASE, encoding="utf-8")
    (user / "variant.yaml").write_text("extends: default_2021\nid: mine\ntitle: Mine\n", encoding="utf-8")
    (user / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    (user / "orphan.yaml").write_text("extends: nothing\nid: orphan\ntitle: Orphan\n", encoding="utf-8")
    (user / "notes.txt").write_text("not a scenario", encoding="utf-8")
    entries = list_scenarios([("shipped", shipped_scenarios_dir()), ("user", user)])
    mine = [entry for entry in entries if entry.origin == "user"]
    assert entries[: len(entries) - len(mine)] == [e for e in entries if e.origin == "shipped"]
    by_file = {entry.path.name: entry for entry in mine}
    assert set(by_file) == {"ok.yaml", "variant.yaml", "broken.yaml", "orphan.yaml"}
    assert (by_file["ok.yaml"].title, by_file["ok.yaml"].start_year) == ("Lint base", 2026)
    assert (by_file["variant.yaml"].title, by_file["variant.yaml"].start_year) == ("Mine", 2021)
    assert by_file["broken.yaml"].title == "broken" and "YAML syntax" in by_file["broken.yaml"].problem
    assert (
        by_file["orphan.yaml"].title == "Orphan"
        and "no scenario with id 'nothing'" in by_file["orphan.yaml"].problem
    )


def test_the_catalogue_reads_the_calendar_after_a_rules_section(tmp_path: Path) -> None:
    """'rules:' is a few numbers an author may put first (esa-2022 once listed as 2021-2036 so)."""
    (tmp_path / "ruled.yaml").write_text(
        "extends: default_2021\nid: ruled\ntitle: Ruled\nrules:\n  year_end_clawback: 0\n"
        "calendar:\n  start: '2023-Q1'\n",
        encoding="utf-8",
    )
    entries = list_scenarios([("shipped", shipped_scenarios_dir()), ("user", tmp_path)])
    ruled = next(entry for entry in entries if entry.id == "ruled")
    assert (ruled.start_year, ruled.end_year) == (2023, 2036)


def test_the_catalogue_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = "import sys, game.format.catalogue; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
