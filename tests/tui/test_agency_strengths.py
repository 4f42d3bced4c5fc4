"""The agency picker's strengths: every bar in one column, as long as the scenario's top level."""

from __future__ import annotations

from game.paths import shipped_scenarios_dir
from game.tui.screens.agency_pick import describe

from .conftest import compiled


def test_the_strength_bars_stand_in_one_column_after_the_longest_name() -> None:
    """newcomer's 'Human spaceflight' is 17 letters: its bar stood a column right of the others."""
    scenario = compiled(shipped_scenarios_dir() / "newcomer.yaml").scenario
    text = str(describe(scenario.agencies[0], scenario)).splitlines()
    bars = [line for line in text if "■" in line or "□" in line]
    assert len(bars) == len(scenario.capabilities) and any("Human spaceflight" in line for line in bars)
    assert len({line.index(line.lstrip()[0]) for line in bars}) == 1  # the names start together
    assert len({min(i for i, c in enumerate(line) if c in "■□") for line in bars}) == 1  # and the bars
    assert all(line.count("■") + line.count("□") == scenario.rules.capability_max for line in bars)
