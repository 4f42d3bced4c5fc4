"""Strategies come from the scenario: one road per programme that takes partners, and installed ones."""

from __future__ import annotations

import json
import re
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from game.bots import UnknownStrategy, make_strategy, roads, strategy_names
from game.bots import strategies as registry
from game.bots.chance import RandomStrategy
from game.cli.main import main
from game.engine.compiled import compile_scenario
from game.format.loader import load_scenario
from game.sim.runner import play_campaign

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
THREE_ROADS = Path(__file__).parent / "tui" / "fixtures" / "three_roads.yaml"


@pytest.fixture
def authored(tmp_path: Path) -> Path:
    """An author's scenario: mini with its programmes renamed (nothing called gateway or ilrs)."""
    text = MINI.read_text(encoding="utf-8")
    text = re.sub(r"\bgateway\b", "outpost", re.sub(r"\bilrs\b", "basecamp", text))
    path = tmp_path / "authored.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_authors_programmes_each_get_a_road_named_by_its_id(authored: Path) -> None:
    scenario = load_scenario(authored).unwrap()
    assert roads(scenario) == ["outpost", "basecamp", "alone"]
    assert strategy_names(scenario) == ["outpost", "basecamp", "alone", "random", "greedy"]
    game = play_campaign(compile_scenario(scenario), "esa", "outpost", 2)
    assert game.player in game.state.programmes["outpost"].members  # the road really joins it


def test_a_programme_that_takes_no_partners_is_no_road() -> None:
    scenario = load_scenario(THREE_ROADS).unwrap()
    assert not next(p for p in scenario.programmes if p.id == "isls").open
    assert roads(scenario) == ["gateway", "ilrs", "alone"]


def test_balance_reports_exactly_the_roads_the_scenario_has(
    authored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "simulate", "--scenario", str(authored), "--balance", "--runs", "1", "--json")
    report = json.loads(out)
    assert code == 0 and report["roads"] == ["outpost", "basecamp", "alone"]
    assert {row["strategy"] for row in report["pooled"]} == {
        "outpost",
        "basecamp",
        "alone",
        "random",
        "greedy",
    }
    assert set(report["best_for"]) == {"outpost", "basecamp", "alone", "random", "greedy"}
    code, out, _ = run(capsys, "simulate", "--scenario", str(authored), "--balance", "--runs", "1")
    assert code == 0 and "roads: outpost, basecamp, alone" in out and "isls" not in out


def test_an_unknown_strategy_is_a_clear_error_listing_the_scenarios(
    authored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for extra in ((), ("--balance",)):
        code, out, err = run(capsys, "simulate", "--scenario", str(authored), "--strategy", "isls", *extra)
        assert code == 2 and out == ""
        assert err == (
            "cislunar: unknown strategy 'isls' for scenario 'mini'; "
            "choose from outpost, basecamp, alone, random, greedy, "
            "planner:outpost, planner:basecamp, planner:alone, planner\n"
        )
    with pytest.raises(UnknownStrategy, match="choose from outpost, basecamp, alone"):
        make_strategy("isls", 1, load_scenario(authored).unwrap())


class PatientStrategy(RandomStrategy):
    """A third party's strategy: the random bot under another name."""

    name = "patient"


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two strategies installed through the entry-point group, one of them in no importable module."""
    entries = [
        EntryPoint("patient", f"{__name__}:PatientStrategy", registry.ENTRY_POINT_GROUP),
        EntryPoint("phantom", "no_such_package.bots:Phantom", registry.ENTRY_POINT_GROUP),
    ]

    def entry_points(*, group: str) -> list[EntryPoint]:
        return [entry for entry in entries if entry.group == group]

    monkeypatch.setattr(registry.metadata, "entry_points", entry_points)


@pytest.mark.usefixtures("installed")
def test_an_installed_strategy_is_listed_and_plays(capsys: pytest.CaptureFixture[str]) -> None:
    scenario = load_scenario(MINI).unwrap()
    assert strategy_names(scenario)[-2:] == ["patient", "phantom"]
    assert isinstance(make_strategy("patient", 3, scenario), PatientStrategy)
    code, out, err = run(capsys, "simulate", "--scenario", str(MINI), "--strategy", "patient", "--runs", "2")
    assert code == 0 and re.search(r"^patient +2 ", out, re.M), out + err


@pytest.mark.usefixtures("installed")
def test_simulate_help_lists_installed_strategies_without_importing_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["simulate", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert done.value.code == 0
    assert "installed (cislunar.strategies entry points): patient, phantom" in out  # phantom never loads
