"""Slips in the shipped scenarios stay bounded: no event feeds itself, no chain flies at once.

A repeatable event whose slip keeps its own condition true fired to the end of its window
(ESA's "I-Hab slips" seven times, after I-Hab was delivered); a milestone with a low
success chance failed again and again (Luna-25 five times); and when the slipped
milestone finally flew, everything that required it flew in the same quarter.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario
from game.paths import default_scenario, shipped_scenarios_dir
from game.sim.runner import play_campaign

SHIPPED = sorted(shipped_scenarios_dir().glob("*.yaml"))
MOST_FIRINGS_OF_A_SLIP_EVENT = 3


def compiled(path: Path) -> CompiledScenario:
    return compile_scenario(load_scenario(path).unwrap())


def news(game: Game, kind: str) -> list[tuple[str, str]]:
    return [(report.date, item.text) for report in game.reports for item in report.news if item.kind == kind]


@pytest.mark.parametrize("strategy", ["greedy", "gateway"])
def test_i_hab_slips_stop_once_i_hab_is_delivered_and_come_twice_at_most(strategy: str) -> None:
    cs = compiled(default_scenario())
    for seed in (1, 2, 3):
        game = play_campaign(cs, "esa", strategy, seed)
        slips = [date for date, text in news(game, "event") if text.startswith("I-Hab slips")]
        built = news(game, "build")
        delivered = [date for date, text in built if "delivers International Habitation" in text]
        assert len(slips) <= 2, (seed, slips)
        if delivered:
            assert all(date <= delivered[0] for date in slips), (seed, slips, delivered)


@pytest.mark.parametrize("path", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_slips_and_failures_stay_bounded_in_every_shipped_scenario(path: Path) -> None:
    cs = compiled(path)
    slip_events = {
        event.model.title
        for event in cs.events.values()
        if event.model.repeat and any(effect.slip for effect in event.model.effects)
    }
    for agency in cs.playable():
        game = play_campaign(cs, agency, "random", 1)
        fired = Counter(text for _, text in news(game, "event") if text in slip_events)
        assert max(fired.values(), default=0) <= MOST_FIRINGS_OF_A_SLIP_EVENT, (agency, fired)
        for pid, programme in game.state.programmes.items():
            for milestone in programme.milestones:
                attempts = cs.programmes[pid].milestones[milestone.id].attempts
                assert attempts is None or milestone.failures <= attempts
                for ref in cs.programmes[pid].milestones[milestone.id].requires:
                    owner, rid = ref.split(".", 1) if "." in ref else (pid, ref)
                    required = game.state.programmes[owner].milestone(rid)
                    if milestone.flown_at is not None and required.planned < milestone.planned:
                        # never in the same turn as what it requires, unless planned so
                        assert required.flown_at < milestone.flown_at, (agency, pid, milestone.id, rid)
