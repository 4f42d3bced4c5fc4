"""Research projects: a tree the scenario defines, paid over turns, several at once, unlocking the rest."""

from __future__ import annotations

import pytest

from game.engine import research
from game.engine.actions import Action
from game.engine.budget_plan import budget_plan
from game.engine.builds import mission_success
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.queries import consequences
from game.engine.snapshot import state_from_data, state_to_data
from game.format.loader import load_scenario_bytes
from tests.authoring_support import position
from tests.helpers import MINI_TEXT, answer_all, compiled_from, play_turns

RESEARCH = """research:
  - id: arm_control
    name: Arm control software
    area: robotics
    cost: 40
    turns: 2
    unlocks: {levels: {robotics: 3}}
  - id: life_support
    name: Closed-loop life support
    area: habitation
    cost: 90
    turns: 3
    requires: [arm_control]
    unlocks: {levels: {habitation: 3}, contributions: [gateway.hab]}
  - id: guidance
    name: Precision guidance
    area: robotics
    cost: 30
    turns: 1
    when: year >= 2022
    unlocks: {missions: [cubesat], reliability: {mission: 0.1}}
"""


def with_research(extra: str = "", text: str = MINI_TEXT) -> CompiledScenario:
    return compiled_from(text + RESEARCH + extra)


def game_with(extra: str = "", money: int | None = None) -> Game:
    game = Game(with_research(extra), "esa", 1)
    if money is not None:
        game.state.me.money = money * 1000
    return game


# ---------------------------------------------------------------- the tree replaces the clicks


def test_a_scenario_without_research_invests_as_ever_and_saves_nothing_of_research() -> None:
    game = Game(compiled_from(MINI_TEXT), "esa", 1)
    assert game.compiled.research == {}
    assert any(option.action.kind == "invest" for option in game.options())
    assert not any(option.action.kind == "research" for option in game.options())
    assert game.act(Action("invest", "robotics")).ok
    play_turns(game, 2)
    data = state_to_data(game.state)
    assert "research" not in data and "researched" not in data


def test_with_a_tree_invest_is_refused_and_not_offered() -> None:
    game = game_with()
    outcome = game.act(Action("invest", "robotics"))
    assert not outcome.ok and "research projects" in outcome.reason
    kinds = {option.action.kind for option in game.options()}
    assert "invest" not in kinds and "research" in kinds


# ---------------------------------------------------------------- a project's life


def test_a_project_is_paid_over_its_turns_and_gives_its_level_when_done() -> None:
    game = game_with()
    state = game.state
    before = state.me.money
    assert game.act(Action("research", "arm_control")).ok
    assert research.standing(state, game.compiled, "arm_control") == "under_way"
    play_turns(game, 1)
    assert state.me.money <= before - 20_000 + state.me.appropriation  # the first half is paid
    assert state.research["arm_control"].turns_left == 1 and state.me.capabilities["robotics"] == 2
    report = game.end_turn().report
    assert report is not None
    assert "arm_control" in state.researched and state.research == {}
    assert state.me.capabilities["robotics"] == 3
    assert any("Research done: Arm control software" in str(item.text) for item in report.news)
    assert research.standing(state, game.compiled, "arm_control") == "done"
    assert not game.act(Action("research", "arm_control")).ok


def test_a_project_waits_for_its_prerequisites_and_its_condition() -> None:
    game = game_with()
    refusal = game.check(Action("research", "life_support"))
    assert "Arm control software first" in refusal
    assert research.standing(game.state, game.compiled, "life_support") == "locked"
    refusal = game.check(Action("research", "guidance"))
    assert (
        refusal == "Precision guidance is closed while the year is before 2022; it is 2021"
    )  # not 'needs is…'
    play_turns(game, 4)  # 2022-Q1
    assert game.check(Action("research", "guidance")) == ""


def test_a_locked_project_says_each_thing_it_waits_for(monkeypatch: pytest.MonkeyPatch) -> None:
    game = game_with("""  - id: lander
    name: Lander guidance
    area: robotics
    cost: 50
    turns: 2
    requires: [arm_control, life_support]
    when: year >= 2030
""")
    refusal = game.check(Action("research", "lander"))
    assert refusal == (
        "needs Arm control software, Closed-loop life support first; "
        "Lander guidance is closed while the year is before 2030; it is 2021"
    )
    # a condition the explanations cannot put in words still locks it, and says so
    monkeypatch.setattr(research, "explain_failure", lambda *_: [])
    assert research.what_is_missing(game.state, game.compiled, "guidance") == ["not yet available"]
    assert research.standing(game.state, game.compiled, "guidance") == "locked"
    assert game.check(Action("research", "guidance")) == "not yet available"


def test_several_projects_run_at_once_up_to_the_rules_cap() -> None:
    game = game_with("", money=500)
    cs = game.compiled
    cs2 = with_research(
        text=MINI_TEXT.replace("  slip_chance: 0\n", "  slip_chance: 0\n  research_parallel: 1\n")
    )
    capped = Game(cs2, "esa", 1)
    play_turns(game, 4)
    play_turns(capped, 4)
    assert game.act(Action("research", "arm_control")).ok and game.act(Action("research", "guidance")).ok
    assert len(game.state.research) == 2 and cs.rules.research_parallel == 3
    assert capped.act(Action("research", "arm_control")).ok
    refusal = capped.check(Action("research", "guidance"))
    assert "already under way" in refusal and "most at once" in refusal


def test_a_project_that_cannot_be_paid_stalls() -> None:
    game = game_with()
    assert game.act(Action("research", "arm_control")).ok
    game.state.me.money = 0
    report = game.end_turn().report
    assert report is not None
    assert (
        game.state.research["arm_control"].turns_left == 2 and game.state.research["arm_control"].stalled == 1
    )
    assert any("stalls" in str(item.text) for item in report.news)


def test_cancelling_stops_the_payments_and_says_what_is_lost_and_refunded() -> None:
    refunding = MINI_TEXT.replace("  slip_chance: 0\n", "  slip_chance: 0\n  research_refund: 0.5\n")
    game = Game(with_research(text=refunding), "esa", 1)
    assert game.act(Action("research", "life_support")).ok is False
    assert game.act(Action("research", "arm_control")).ok
    play_turns(game, 1)  # 20 M$ paid
    lines = [
        str(line)
        for line in consequences(game.state, game.compiled, Action("cancel_research", "arm_control"))
    ]
    assert any("10 M$ already paid into Arm control software is lost" in line for line in lines), lines
    assert any("10 M$ of it comes back" in line for line in lines)
    assert any("20 M$ still to pay is not spent" in line for line in lines)
    before = game.state.me.money
    assert game.act(Action("cancel_research", "arm_control")).ok
    assert game.state.me.money == before + 10_000 and game.state.research == {}
    assert not game.act(Action("cancel_research", "arm_control")).ok


def test_starting_asks_first_with_the_cost_and_what_it_unlocks() -> None:
    game = game_with()
    lines = [str(line) for line in consequences(game.state, game.compiled, Action("research", "arm_control"))]
    assert "40 M$ over 2 turns" in lines[0] and "20 M$ at the end of this turn" in lines[0]
    assert "Robotics level 3" in lines[1]


# ---------------------------------------------------------------- what it unlocks


def test_a_contribution_and_a_mission_wait_for_the_research_that_unlocks_them() -> None:
    game = game_with(money=2000)
    state = game.state
    state.me.capabilities["habitation"] = 3
    assert "needs research: Closed-loop life support" in game.check(Action("apply", "gateway", "hab"))
    assert "needs research: Precision guidance" in game.check(Action("mission", "cubesat"))
    state.researched["life_support"] = state.month
    state.researched["guidance"] = state.month
    assert "research" not in game.check(Action("apply", "gateway", "hab"))
    assert game.check(Action("mission", "cubesat")) == ""


def test_research_raises_a_national_missions_chance_up_to_the_cap() -> None:
    text = MINI_TEXT.replace("    success: 1\n    science: 5\n", "    success: 0.7\n    science: 5\n", 1)
    game = Game(with_research(text=text), "esa", 1)
    cs = game.compiled
    assert mission_success(game.state, cs, "cubesat") == pytest.approx(0.7)
    game.state.researched["guidance"] = game.state.month
    assert mission_success(game.state, cs, "cubesat") == pytest.approx(0.8)
    capped = Game(
        with_research(
            text=text.replace("  slip_chance: 0\n", "  slip_chance: 0\n  research_reliability_cap: 0.75\n")
        ),
        "esa",
        1,
    )
    capped.state.researched["guidance"] = capped.state.month
    assert mission_success(capped.state, capped.compiled, "cubesat") == pytest.approx(0.75)


def test_research_raises_a_flights_reliability_of_its_kind() -> None:
    flights = "flights:\n  reliability: {mission: 0.6}\n  per_level: 0\n"
    game = Game(with_research(flights), "esa", 1)
    from game.engine import flights as flight_rules

    assert flight_rules.reliability(game.state, game.compiled, "cubesat") == pytest.approx(0.6)
    game.state.researched["guidance"] = game.state.month
    assert flight_rules.reliability(game.state, game.compiled, "cubesat") == pytest.approx(0.7)


# ---------------------------------------------------------------- the rest of the game sees it


def test_the_budget_plan_counts_the_projects_payments() -> None:
    game = game_with()
    assert game.act(Action("research", "arm_control")).ok
    plan = budget_plan(game.state, game.compiled, 2)
    assert "Arm control software" in plan.builds
    assert plan.years[0].paid == 40_000


def test_hooks_and_conditions_see_research() -> None:
    hooks = """events:
  - id: began
    title: Research began on {happening_project}
    on: {happening: research_started, project: arm_control}
    effects: [{set_flags: [began]}]
  - id: finished
    title: Done
    on: {happening: research_completed}
    when: happening_project("arm_control") and researched("arm_control") and projects_researched == 1
    effects: [{set_flags: [finished]}]
"""
    text = MINI_TEXT.replace("events:\n", hooks, 1)
    game = Game(compiled_from(text + RESEARCH), "esa", 1)
    assert game.act(Action("research", "arm_control")).ok
    play_turns(game, 1)
    assert "began" in game.state.flags and "finished" not in game.state.flags
    assert any("Research began on Arm control software" in str(item.text) for item in game.reports[-1].news)
    play_turns(game, 2)
    assert "finished" in game.state.flags


def test_research_survives_a_save_and_a_copy() -> None:
    game = game_with()
    assert game.act(Action("research", "arm_control")).ok
    play_turns(game, 2)
    answer_all(game)
    assert game.act(Action("research", "life_support")).ok
    play_turns(game, 1)
    restored = state_from_data(state_to_data(game.state))
    assert restored.research == game.state.research and restored.researched == game.state.researched
    twin = game.state.copy()
    twin.research["life_support"].turns_left = 0
    assert game.state.research["life_support"].turns_left == 2


# ---------------------------------------------------------------- done before the campaign

DONE_BEFORE = MINI_TEXT.replace("    astronauts: 3\n", "    astronauts: 3\n    research: [life_support]\n", 1)


def test_an_agency_starts_with_the_projects_it_has_done_and_their_prerequisites() -> None:
    cs = with_research(text=DONE_BEFORE)
    game = Game(cs, "esa", 1)
    state = game.state
    assert set(state.researched) == {"arm_control", "life_support"}  # arm_control: its prerequisite
    assert all(month < cs.start for month in state.researched.values())
    assert state.me.capabilities == Game(with_research(), "esa", 1).state.me.capabilities  # its own levels
    assert research.standing(state, cs, "life_support") == "done"
    assert not game.act(Action("research", "arm_control")).ok
    assert research.locked(state, cs, "gateway.hab") == ""  # what the project unlocks is open
    other = Game(cs, "jaxa", 1).state  # another agency's player starts with nothing done
    assert other.researched == {}


def test_an_unknown_project_done_before_the_campaign_is_a_located_error() -> None:
    text = DONE_BEFORE.replace("research: [life_support]", "research: [life_suport]", 1) + RESEARCH
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    errors = [(d.line, d.column, d.message) for d in result.errors]
    assert [(line, column) for line, column, _ in errors] == [position(text, "life_suport]")]
    assert "unknown research project 'life_suport'" in errors[0][2] and "life_support" in errors[0][2]


# ---------------------------------------------------------------- located errors and warnings


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("    area: habitation\n", "    area: habitatoin\n", "habitatoin", "unknown capability area"),
        (
            "    requires: [arm_control]\n",
            "    requires: [arm_contol]\n",
            "arm_contol",
            "unknown research project",
        ),
        ("    cost: 90\n", "    cost: 0\n", "0\n    turns: 3", "above 0"),
        ("    turns: 3\n", "    turns: 0\n", "0\n    requires", "1"),
        (
            "contributions: [gateway.hab]",
            "contributions: [gateway.habb]",
            "gateway.habb",
            "unknown contribution",
        ),
        ("contributions: [gateway.hab]", "contributions: [hab]", "hab]", "programme.id"),
        ("missions: [cubesat]", "missions: [cubesta]", "cubesta", "unknown mission"),
        ("reliability: {mission: 0.1}", "reliability: {module: 0.1}", "module", "flights"),
        ("reliability: {mission: 0.1}", "reliability: {mission: 0.75}", "0.75}", "0.5"),
        ("    when: year >= 2022\n", '    when: researched("guidanse")\n', '"guidanse', "unknown project"),
        (
            "    unlocks: {levels: {robotics: 3}}\n",
            "    requires: [life_support]\n    unlocks: {levels: {robotics: 3}}\n",
            "[life_support]",
            "cycle",
        ),
        ("    turns: 2\n", "    turns: 2\n    duration: 3\n", "duration", "unknown key"),
    ],
)
def test_each_bad_research_key_is_a_located_error(old: str, new: str, needle: str, message: str) -> None:
    text = MINI_TEXT + RESEARCH.replace(old, new, 1)
    assert old in RESEARCH
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    errors = [(d.line, d.column, d.message) for d in result.errors]
    assert any((line, column) == position(text, needle) and message in m for line, column, m in errors), (
        errors,
        position(text, needle),
    )


def test_a_hook_on_an_unknown_project_is_a_located_error() -> None:
    hooks = (
        "events:\n  - id: began\n    title: Began\n    on: {happening: research_started, project: nothing}\n"
    )
    text = MINI_TEXT.replace("events:\n", hooks, 1) + RESEARCH
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert [(d.line, d.column) for d in result.errors] == [position(text, "nothing}")]


@pytest.mark.parametrize(
    ("old", "new", "needle", "code"),
    [
        ("    when: year >= 2022\n", "    when: year >= 2030\n", "year >= 2030", "research-unreachable"),
        ("    turns: 2\n", "    turns: 17\n", "17", "research-unreachable"),
        (
            "    unlocks: {levels: {habitation: 3}, contributions: [gateway.hab]}\n",
            "",
            "life_support",
            "research-unlocks-nothing",
        ),
    ],
)
def test_a_project_nothing_can_reach_or_that_does_nothing_is_warned_of(
    old: str, new: str, needle: str, code: str
) -> None:
    text = MINI_TEXT + RESEARCH.replace(old, new, 1)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert not result.errors
    warnings = [(d.line, d.column, d.code) for d in result.diagnostics if d.severity == "warning"]
    assert (*position(text, needle), code) in warnings, warnings
