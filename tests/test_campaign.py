"""The campaign object: the one place a scenario file is loaded, compiled and a game started on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.campaign import Campaign, CampaignError
from game.engine.fingerprint import state_hash
from game.engine.game import Game

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def test_a_campaign_starts_the_same_game_as_the_engine() -> None:
    campaign = Campaign.load(MINI)
    assert campaign.path == MINI and campaign.scenario.id == campaign.compiled.scenario.id
    game = campaign.start("esa", 5)
    assert state_hash(game) == state_hash(Game(campaign.compiled, "esa", 5))


def test_an_agency_the_scenario_does_not_offer_is_refused_with_the_choices() -> None:
    campaign = Campaign.load(MINI)
    assert campaign.refusal("esa") == ""
    assert campaign.refusal("nasa") == "'nasa' is not a playable agency; choose from esa, jaxa"
    with pytest.raises(CampaignError, match="choose from esa, jaxa"):
        campaign.start("nasa", 1)


def test_a_scenario_with_errors_gives_every_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.read_text().replace("calendar:", "calendr:", 1))
    with pytest.raises(CampaignError) as raised:
        Campaign.load(bad)
    assert raised.value.diagnostics
    assert all(re.match(rf"{re.escape(str(bad))}:\d+:\d+: ", line) for line in raised.value.lines)


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(CampaignError) as raised:
        Campaign.load(tmp_path / "nowhere.yaml")
    assert "cannot read file" in raised.value.lines[0]


def test_no_module_but_the_campaign_compiles_a_scenario_file() -> None:
    """Loading and compiling is written once: a second copy in a face, the simulator or the saves fails."""
    copies = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative == "game/campaign.py" or relative.startswith(("game/engine/", "game/format/")):
            continue
        text = path.read_text()
        if "compile_scenario(" in text or ("load_scenario(" in text and "Game(" in text):
            copies.append(relative)
    assert copies == []
