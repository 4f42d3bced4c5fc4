"""The engine's invariants under random legal play, over many seeds, agencies and scenarios.

Money is accounted to the k$ (start money plus every money change reported equals the money
held), the calendar only moves forward, no milestone flies before its dependencies, relations
stay within -100..100 and support within 0..100, no agency is a member of two programmes whose
admission rules exclude each other, a refused action changes nothing, and the whole campaign
saved and loaded again replays to the same state hash.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine.actions import END_TURN
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.state import k
from game.paths import default_scenario
from game.saves import load_game, save_game
from tests.fuzz_settings import fuzz_settings
from tests.saves_support import MINI, compiled

#: the all-features scenario too: its flights are prepared, held and launched at random
SCENARIOS = {
    "mini": MINI,
    "default": default_scenario(),
    "all_features": Path(__file__).parent / "scenarios" / "all_features.yaml",
}
MAX_ACTIONS_PER_TURN = 4


def money_reported(game: Game) -> int:
    """Every money change on the record: finished turns' reports and the turn under way."""
    changes = [c for report in game.reports for c in report.changes] + list(game.state.changes)
    return sum(int(c.delta) for c in changes if c.stat == "money")


def check_invariants(game: Game, cs: CompiledScenario, start_money: int) -> None:
    state = game.state
    assert start_money + money_reported(game) == state.me.money
    assert state.month == cs.start + state.turn * cs.turn_months
    months = [report.month for report in game.reports]
    assert months == [cs.start + i * cs.turn_months for i in range(len(months))]
    assert [s.month for s in state.history] == months
    for agency in state.agencies.values():
        assert 0 <= agency.support <= 100 and agency.prestige >= 0 and agency.science >= 0
        assert all(0 <= level <= cs.rules.capability_max for level in agency.capabilities.values())
    for row in state.relations.values():
        assert all(-100 <= value <= 100 for value in row.values())
    for pid, programme in state.programmes.items():
        assert 0 <= programme.health <= 100
        for rival in cs.rivals[pid]:  # no agency, the computer's included, joins two rivals
            assert not set(programme.members) & set(state.programmes[rival].members), (pid, rival)
        for milestone in programme.milestones:
            if milestone.status != "flown":
                continue
            assert milestone.flown_at is not None and milestone.flown_at <= state.month
            model = cs.programmes[pid].milestones[milestone.id]
            for ref in model.requires:
                other = ref.split(".", 1)[1] if "." in ref else ref
                owner = ref.split(".", 1)[0] if "." in ref else pid
                when = next(m.flown_at for m in state.programmes[owner].milestones if m.id == other)
                assert when is not None and when <= milestone.flown_at, (pid, milestone.id, ref)
            assert all(programme.slots[need].status == "delivered" for need in model.needs)


def play(game: Game, cs: CompiledScenario, data: st.DataObject, counts: Counter[str]) -> None:
    start_money = k(cs.agencies[game.player].money)
    while not game.over:
        if data.draw(st.integers(0, 2), label="apply everywhere") == 0:  # rival applications at once
            for option in game.options():
                if option.allowed and option.action.kind == "apply" and not option.action.option:
                    assert game.act(option.action).ok
                    counts["applications at once"] += 1
        for _ in range(data.draw(st.integers(0, MAX_ACTIONS_PER_TURN), label="actions")):
            options = game.options()
            allowed = [o.action for o in options if o.allowed]
            refused = [o.action for o in options if not o.allowed]
            if refused and data.draw(st.integers(0, 5), label="try a refused one") == 0:
                before = state_hash(game)
                action = data.draw(st.sampled_from(refused), label="refused")
                assert not game.act(action).ok and state_hash(game) == before
                counts["refused"] += 1
            elif allowed:
                assert game.act(data.draw(st.sampled_from(allowed), label="action")).ok
                counts["actions"] += 1
        while game.state.pending:
            answers = [o.action for o in game.options() if o.allowed and o.action.kind == "answer"]
            assert game.act(data.draw(st.sampled_from(answers), label="answer")).ok
        assert game.act(END_TURN).ok
        counts["turns"] += 1
        check_invariants(game, cs, start_money)


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_invariants_hold_under_random_legal_play(tmp_path: Path, scenario: str) -> None:
    cs = compiled(SCENARIOS[scenario])
    counts: Counter[str] = Counter()

    @fuzz_settings(60 if scenario == "mini" else 15)
    @given(seed=st.integers(0, 2**32 - 1), agency=st.sampled_from(cs.playable()), data=st.data())
    def fuzz(seed: int, agency: str, data: st.DataObject) -> None:
        game = Game(cs, agency, seed)
        play(game, cs, data, counts)
        counts["campaigns"] += 1
        path = save_game(game, SCENARIOS[scenario], tmp_path / "fuzzed.json")
        assert state_hash(load_game(path, scenario=SCENARIOS[scenario]).game) == state_hash(game)

    fuzz()
    print(f"\nfuzz engine ({scenario}): {dict(counts)}")
