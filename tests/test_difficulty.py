"""Difficulty levels: chosen at set-up, they adjust the scenario's numbers once, before it is compiled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.campaign import Campaign, CampaignError
from game.engine.compiled import compile_scenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.snapshot import state_to_data
from game.format.loader import load_scenario_bytes
from game.format.models import DEFAULT_DIFFICULTIES, Scenario
from game.paths import shipped_scenarios_dir
from game.saves import SaveError, load_game, save_game
from tests.helpers import MINI_TEXT, play_turns

LEVELS = """difficulties:
  - id: gentle
    label: Gentle
    text: More money.
    budget: 1.5
    money: 50
    events: {crisis: 0}
  - id: normal
    label: Normal
  - id: brutal
    label: Brutal
    risk: 2
    events: {crisis: 0.5}
    computer: {boldness: 0.5, loyalty: -0.9, reliability: -0.1}
"""
HARD_NEWS = """  - id: hard_news
    title: Hard times
    after: 2021-Q2
    before: 2021-Q2
    when: difficulty("brutal")
    effects: [{set_flags: [brutal_times]}]
"""


def mini(extra: str = LEVELS, events: str = "") -> Scenario:
    text = MINI_TEXT.replace("events:\n", "events:\n" + events, 1) + extra
    return load_scenario_bytes("mini.yaml", text.encode()).unwrap()


def errors(text: str) -> list[tuple[int, int, str, str]]:
    result = load_scenario_bytes("mini.yaml", text.encode())
    return [(d.line, d.column, d.code, d.message) for d in result.errors]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_every_shipped_scenario_offers_the_default_easy_normal_and_hard() -> None:
    for path in sorted(shipped_scenarios_dir().glob("*.yaml")):
        campaign = Campaign.load(path)
        assert [level.id for level in campaign.scenario.difficulty_levels()] == ["easy", "normal", "hard"]
        assert campaign.compiled.difficulty == "normal"


def test_normal_is_the_scenario_as_written_and_changes_no_campaign() -> None:
    scenario = mini(extra="")
    plain = compile_scenario(scenario)
    assert plain.scenario is scenario and plain.written is None  # nothing adjusted, nothing copied
    assert [level.id for level in DEFAULT_DIFFICULTIES if level.neutral()] == ["normal"]
    first, second = Game(plain, "esa", 5), Game(compile_scenario(scenario, "normal"), "esa", 5)
    play_turns(first, 6)
    play_turns(second, 6)
    assert state_hash(first) == state_hash(second)
    assert "difficulty" not in state_to_data(first.state)  # saved only when not 'normal'


def test_a_level_scales_the_money_the_risks_the_events_and_the_computer_agencies() -> None:
    text = MINI_TEXT.replace("planned: 2022-Q1, success: 1}", "planned: 2022-Q1, success: 0.9}") + LEVELS
    scenario = load_scenario_bytes("mini.yaml", text.encode()).unwrap()
    scenario = scenario.model_copy(update={"rules": scenario.rules.model_copy(update={"slip_chance": 0.1})})
    normal, gentle, brutal = (compile_scenario(scenario, level) for level in ("normal", "gentle", "brutal"))
    assert gentle.agencies["esa"].budget == 900 and gentle.agencies["esa"].money == 150
    assert (
        Game(gentle, "esa", 1).state.me.appropriation == 1.5 * Game(normal, "esa", 1).state.me.appropriation
    )
    assert brutal.rules.slip_chance == pytest.approx(0.2) and normal.rules.slip_chance == pytest.approx(0.1)
    assert gentle.events["crisis"].model.chance == 0 and brutal.events["crisis"].model.chance == 0.5
    jaxa = brutal.agencies["jaxa"].policy
    assert (jaxa.boldness, jaxa.loyalty) == (1, 0)  # 1 + 0.5 and 0.7 - 0.9, held within 0..1
    assert brutal.reliability["nasa"] == pytest.approx(0.8)
    assert brutal.programmes["gateway"].milestones["core"].success == pytest.approx(0.8)
    assert brutal.missions["cubesat"].success == 1  # a sure thing stays sure
    assert brutal.as_written is scenario  # what saves record: the file, not the adjusted copy


def test_an_event_can_ask_which_level_is_played() -> None:
    scenario = mini(events=HARD_NEWS)
    for level, expected in (("normal", False), ("brutal", True)):
        game = Game(compile_scenario(scenario, level), "esa", 1)
        play_turns(game, 2)
        assert ("brutal_times" in game.state.flags) is expected, level


def test_an_unknown_level_is_refused_naming_the_levels() -> None:
    campaign = Campaign.of(mini(), "mini.yaml")
    with pytest.raises(
        CampaignError,
        match="'extreme' is not a difficulty of this scenario; choose from gentle, normal, brutal",
    ):
        campaign.start("esa", 1, "extreme")
    assert campaign.start("esa", 1, "brutal").state.difficulty == "brutal"
    assert campaign.at("brutal") is campaign.at("brutal")  # compiled once per level


@pytest.mark.parametrize(
    ("extra", "needle", "code", "says"),
    [
        (
            LEVELS + "default_difficulty: standard\n",
            "default_difficulty",
            "unknown-id",
            "'standard' is not one",
        ),
        (LEVELS.replace("id: normal", "id: usual"), "difficulties:", "unknown-id", "'normal' is not one"),
        (
            LEVELS.replace("id: brutal", "id: gentle  # twice"),
            "# twice",
            "duplicate-id",
            "duplicate difficulty",
        ),
        (LEVELS.replace("{crisis: 0}", "{crisys: 0}"), "crisys", "unknown-id", "unknown event 'crisys'"),
        (LEVELS.replace("budget: 1.5", "budget: 0"), "budget: 0", "invalid-value", ""),
        (LEVELS.replace("risk: 2", "risk: .inf"), "risk: .inf", "invalid-value", ""),
        (LEVELS.replace("boldness: 0.5", "bold: 0.5"), "bold: 0.5", "unknown-key", ""),
        (LEVELS.replace("    label: Gentle\n", ""), "- id: gentle", "missing-key", ""),
    ],
)
def test_a_bad_level_is_a_located_error(extra: str, needle: str, code: str, says: str) -> None:
    text = MINI_TEXT + extra
    found = errors(text)
    assert found, extra
    assert (found[0][0], found[0][2]) == (line_of(text, needle), code)
    assert says in found[0][3]


def test_an_expression_naming_an_unknown_level_is_a_located_error() -> None:
    text = MINI_TEXT.replace(
        "    after: 2021-Q3\n", '    after: 2021-Q3\n    when: difficulty("hardest")\n', 1
    )
    (found,) = errors(text)
    assert found[:3] == (line_of(text, "hardest"), len("    when: difficulty(") + 1, "unknown-id")
    assert "unknown difficulty 'hardest'" in found[3] and "hard" in found[3]


def test_a_save_records_the_level_only_when_not_normal_and_replays_at_it(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_TEXT + LEVELS)
    campaign = Campaign.load(path)
    for level, recorded in (("normal", None), ("brutal", "brutal")):
        game = campaign.start("esa", 3, level)
        play_turns(game, 3)
        saved = save_game(game, path, tmp_path / f"{level}.json")
        data = json.loads(saved.read_text())
        assert data.get("difficulty") == recorded
        loaded = load_game(saved, scenario=path)
        assert loaded.game.state.difficulty == level
        assert state_hash(loaded.game) == state_hash(game)


def test_a_save_with_a_level_the_scenario_lacks_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_TEXT + LEVELS)
    game = Campaign.load(path).start("esa", 3, "brutal")
    saved = save_game(game, path, tmp_path / "brutal.json")
    edited = saved.read_text().replace('"difficulty": "brutal"', '"difficulty": "gentle"', 1)  # the header
    saved.write_text(edited)
    with pytest.raises(SaveError, match="difficulty 'gentle' disagrees with its snapshot's 'brutal'"):
        load_game(saved, scenario=path)


def test_a_level_scales_the_chance_of_failing_of_every_flight() -> None:
    from tests.test_flights import FLIGHTS

    text = MINI_TEXT.replace("        name: Drill\n", "        name: Drill\n        reliability: 0.8\n", 1)
    text = text.replace("    science: 5\n", "    science: 5\n    reliability: 0.9\n", 1)
    scenario = load_scenario_bytes("mini.yaml", (text + FLIGHTS + LEVELS).encode()).unwrap()
    normal, brutal = (compile_scenario(scenario, level) for level in ("normal", "brutal"))
    assert normal.flight_bases == {"cubesat": 0.9, "ilrs.drill": 0.8}
    # risk 2: each flight fails twice as often, its kind's base as much as its own
    assert brutal.flight_bases == pytest.approx({"cubesat": 0.8, "ilrs.drill": 0.6})
    assert brutal.scenario.flights is not None
    assert brutal.scenario.flights.reliability == pytest.approx({"mission": 0.2, "instrument": 0.4})
