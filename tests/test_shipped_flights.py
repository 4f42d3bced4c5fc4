"""The shipped scenarios' flights rest on real records (docs/reliability.md), and their corps name
each astronaut once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from game.engine.actions import Action
from game.engine.actions.kinds.mission import HANDLER as MISSION
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario
from game.paths import shipped_scenarios_dir

DOC = Path(__file__).resolve().parent.parent / "docs" / "reliability.md"


@cache
def default() -> CompiledScenario:
    return compile_scenario(load_scenario(shipped_scenarios_dir() / "default-2021.yaml").unwrap())


def test_every_national_mission_and_every_module_and_instrument_flies_with_a_documented_record() -> None:
    cs = default()
    documented = {float(figure) for figure in re.findall(r"\*\*(0\.\d+)\*\*", DOC.read_text())}
    assert set(cs.missions) <= set(cs.flight_bases)
    for pid, programme in cs.programmes.items():
        for sid, slot in programme.slots.items():
            assert (f"{pid}.{sid}" in cs.flight_bases) == (slot.kind != "service"), (pid, sid)
    assert set(cs.flight_bases.values()) <= documented  # every base is a figure the page derives
    assert cs.flight_bases["robotic_lander"] == 0.57  # Chang'e-3, -4, -5 landed; Beresheet, Vikram crashed


def test_every_shipped_scenario_flies_with_odds_the_reliability_page_derives() -> None:
    documented = {float(figure) for figure in re.findall(r"\*\*(0\.\d+)\*\*", DOC.read_text())}
    for path in sorted(shipped_scenarios_dir().glob("*.yaml")):
        cs = compile_scenario(load_scenario(path).unwrap())
        assert cs.flight_bases and set(cs.missions) <= set(cs.flight_bases), path.name
        assert set(cs.flight_bases.values()) <= documented, path.name


def test_a_mission_is_offered_with_the_odds_of_its_flight() -> None:
    game = Game(default(), "isro", 1)
    texts = {offer[1]: offer[5] for offer in MISSION.offers(game.state, game.compiled)}
    assert "57% success" in texts[Action("mission", "robotic_lander")]


def test_no_astronaut_is_in_two_corps_or_recruited_by_two_agencies() -> None:
    for path in sorted(shipped_scenarios_dir().glob("*.yaml")):
        scenario = load_scenario(path).unwrap()
        seen: dict[str, str] = {}
        for agency in scenario.agencies:
            names = [a.name for a in agency.astronauts] if isinstance(agency.astronauts, list) else []
            for name in names + list(agency.recruits):
                assert name not in seen, f"{path.name}: {name} in {seen.get(name)} and {agency.id}"
                seen[name] = agency.id
