"""Fuzzing the save loader with damaged copies of real saves.

The only outcomes allowed: a SaveError whose message starts with the file's path and sends no
control character, or a save that loads, in which case its numbers are finite, the replay
agrees with its recorded hash and the game can be saved again. Listing the folder never
fails, and the good save beside the damaged one is never touched.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given

from game.engine.actions import Action
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.paths import default_scenario
from game.printable import printable
from game.saves import SaveError, build_save, describe, load_game, save_game
from game.saves.store import save_bytes
from tests.fuzz_settings import fuzz_settings
from tests.helpers import answer_all
from tests.mutations import mutated
from tests.saves_support import compiled, copy_mini, played
from tests.test_fuzz_scenarios import all_finite


def finished_campaign(folder: Path) -> tuple[Path, Game]:
    scenario = copy_mini(folder)
    return scenario, played(scenario, "random", 6)


def campaign_in_mid_turn(folder: Path) -> tuple[Path, Game]:
    scenario = copy_mini(folder)
    game = Game(compiled(scenario), "esa", 8)
    for _ in range(3):
        answer_all(game)
        game.end_turn()
    answer_all(game)
    game.act(Action("apply", "gateway", "arm"))
    return scenario, game


def default_campaign(folder: Path) -> tuple[Path, Game]:
    scenario = default_scenario()
    from game.sim.runner import play_campaign

    game = play_campaign(compiled(scenario), compiled(scenario).playable()[0], "random", 3)
    return scenario, game


CAMPAIGNS = {"finished": finished_campaign, "mid-turn": campaign_in_mid_turn, "default": default_campaign}


@pytest.mark.parametrize("campaign", list(CAMPAIGNS))
def test_a_damaged_save_loads_right_or_is_a_clear_error(tmp_path: Path, campaign: str) -> None:
    scenario, game = CAMPAIGNS[campaign](tmp_path)
    good = save_game(game, scenario, tmp_path / "good.json")
    original = good.read_bytes()
    target = tmp_path / "fuzzed.json"
    outcomes: Counter[str] = Counter()

    @fuzz_settings(120 if campaign != "default" else 40)
    @given(data=mutated(original, "json"))
    def fuzz(data: bytes) -> None:
        target.write_bytes(data)
        entry = describe(target)
        assert printable(entry.problem) == entry.problem  # what the title screen lists
        try:
            loaded = load_game(target, scenario_dirs=[scenario.parent])
        except SaveError as error:
            assert str(error).startswith(f"{target}") and error.message
            assert printable(str(error)) == str(error), "a message sends a control character"
            outcomes["refused"] += 1
        else:
            assert entry.ok and state_hash(loaded.game) == loaded.save.state_hash
            assert all_finite(loaded.save.model_dump())
            save_bytes(build_save(loaded.game, scenario))  # a save that loads can be saved again
            outcomes["loaded"] += 1
        assert good.read_bytes() == original

    fuzz()
    print(f"\nfuzz saves ({campaign}): {sum(outcomes.values())} cases, {outcomes['loaded']} loaded")
    assert outcomes["refused"]
