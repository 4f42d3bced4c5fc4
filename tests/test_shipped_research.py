"""The shipped scenarios' research trees: every playable agency starts with the projects its levels
stand for, and nothing starts with a reliability bonus the records behind the flights do not show."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario
from game.paths import shipped_scenarios_dir

SHIPPED = sorted(shipped_scenarios_dir().glob("*.yaml"))


def compiled(path: Path) -> CompiledScenario:
    return compile_scenario(load_scenario(path).unwrap())


@pytest.mark.parametrize("path", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_each_playable_agency_starts_with_the_projects_its_levels_stand_for(path: Path) -> None:
    cs = compiled(path)
    assert cs.research, f"{path.name} has no research tree"
    for agency in cs.playable():
        state = Game(cs, agency, 1).state
        given: dict[str, int] = {}
        for project in state.researched:
            for area, level in cs.research[project].unlocks.levels.items():
                given[area] = max(given.get(area, 0), level)
        held = {area: level for area, level in state.me.capabilities.items() if level}
        assert given == held, (agency, given, held)  # no level without its project, no project beyond it
        assert not any(cs.research[p].unlocks.reliability for p in state.researched), agency
