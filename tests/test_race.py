"""The race for firsts (game/engine/race.py) and computer agencies' national plans (game/engine/plans.py)."""

from __future__ import annotations

import pytest

from game.engine import plans, race
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.expressions import compile_condition, compile_expression
from game.engine.game import Game
from game.engine.snapshot import state_from_data, state_to_data
from game.format.loader import load_scenario_bytes
from tests.authoring_support import position
from tests.helpers import MINI_TEXT, compiled_from, play_turns

RACE = """race:
  achievements:
    - id: landing
      name: Soft landing
      first: 30
      second: 10
      later: 3
      bloc_first: 6
    - id: cubesat
      name: A probe at the Moon
      when: mission_flown("cubesat")
      first: 12
    - id: station
      name: A station's first flight
      on: [{happening: milestone_flew, milestone: gateway.core}]
      first: 9
    - id: crew_orbit
      name: Crew in lunar orbit
      on: [{happening: crew_flew}]
      first: 25
  history:
    - {achievement: landing, agency: nasa, date: 1969-07, name: Apollo 11}
"""

#: CNSA's plan: a lander that starts at once, two turns of work, always flown, always a success.
PLAN = """    plan:
      - id: change
        name: Chang'e lander
        start: 2021-Q1
        cost: 100
        build_turns: 2
        success: 1
        earns: [landing]
        prestige: 5
        science: 7
"""


def race_scenario(text: str = MINI_TEXT, plan: str = PLAN, race_text: str = RACE) -> CompiledScenario:
    """The mini scenario with a race and CNSA's national plan (CNSA always works: reliability 1)."""
    text = text.replace(
        "    relations: {esa: 10}\n    policy: {funding: 3}\n",
        "    relations: {esa: 10}\n    policy: {funding: 3, reliability: 1}\n" + plan,
        1,
    )
    return compiled_from(text + race_text)


def test_history_is_in_the_opening_state_and_a_plan_earns_a_second_with_its_blocs_first() -> None:
    cs = race_scenario()
    game = Game(cs, "esa", 1)
    assert game.state.firsts == {"landing": [("nasa", 1969 * 12 + 6)]}
    before = game.state.agencies["cnsa"].prestige
    play_turns(game, 2)
    assert [agency for agency, _ in game.state.firsts["landing"]] == ["nasa", "cnsa"]
    # second (10) + first of the east bloc (6) + the step's own prestige (5)
    assert game.state.agencies["cnsa"].prestige == pytest.approx(before + 10 + 6 + 5)
    news = [item.text for report in game.reports for item in report.news if item.kind == "race"]
    assert "CNSA starts building Chang'e lander" in news
    assert "CNSA is the first of its bloc to reach Soft landing" in news


def test_a_first_is_awarded_once_to_the_player_by_its_condition() -> None:
    cs = race_scenario()
    game = Game(cs, "esa", 1)
    assert game.act(Action("mission", "cubesat")).ok
    play_turns(game, 3)
    assert game.state.firsts["cubesat"] == [("esa", game.state.firsts["cubesat"][0][1])]
    gained = [c for report in game.reports for c in report.changes if c.reason == "A probe at the Moon"]
    assert [c.delta for c in gained] == [12]
    play_turns(game, 3)  # the condition still holds: nothing more
    assert len(game.state.firsts["cubesat"]) == 1
    assert sum(1 for r in game.reports for c in r.changes if c.reason == "A probe at the Moon") == 1


def test_a_milestone_earns_its_programmes_leads_and_a_crew_flight_its_agency() -> None:
    cs = race_scenario()
    game = Game(cs, "esa", 1)
    play_turns(game, 6)  # the core flies in 2022-Q1
    assert [agency for agency, _ in game.state.firsts["station"]] == ["nasa"]
    assert "crew_orbit" not in game.state.firsts  # no one has flown a crew
    state = game.state
    race.answer_happening(state, cs, _happening("crew_flew", agency="esa", programme="gateway"))
    assert state.rank("crew_orbit", "esa") == 1


def test_a_named_earner_earns_what_a_milestone_earns() -> None:
    cs = race_scenario(
        race_text=RACE.replace("milestone: gateway.core}", "milestone: gateway.core, earner: cnsa}")
    )
    game = Game(cs, "esa", 1)
    play_turns(game, 6)
    assert [agency for agency, _ in game.state.firsts["station"]] == ["cnsa"]


def _happening(kind: str, **details: str):
    from game.engine.state import Happening

    return Happening(kind, **details)


def test_the_race_functions_of_the_expression_language() -> None:
    cs = race_scenario()
    state = Game(cs, "esa", 1).state
    state.firsts["cubesat"] = [("cnsa", 1), ("esa", 2)]
    state.firsts["station"] = [("esa", 3)]

    def holds(text: str) -> bool:
        return compile_condition(text)(state)

    assert holds('achieved("cubesat") and achieved("station") and not achieved("landing")')
    assert holds('achieved_by("nasa", "landing") and not achieved_by("esa", "landing")')
    assert holds('first_to("station") and not first_to("cubesat")')
    assert holds('before("nasa", "station") and before("nasa", "cubesat") and not before("cnsa", "cubesat")')
    assert not holds('before("nasa", "landing")')  # the player has not reached it at all
    assert compile_expression('achievers("cubesat")')(state) == 2


def test_a_hooked_event_answers_a_first() -> None:
    event = """events:
  - id: cheer
    title: "{happening_agency_short} first: {happening_achievement}"
    on: {happening: first_achieved, achievement: station}
    effects: [{set_flags: [cheered]}]
"""
    cs = race_scenario(MINI_TEXT.replace("events:\n", event, 1))
    game = Game(cs, "esa", 1)
    play_turns(game, 7)
    assert "cheered" in game.state.flags
    titles = [item.text for report in game.reports for item in report.news if item.kind == "event"]
    assert "NASA first: A station's first flight" in titles


def test_a_plan_is_paced_by_the_budget_and_a_failure_is_tried_again() -> None:
    dear = PLAN.replace("cost: 100", "cost: 12000").replace("success: 1", "success: 0\n        attempts: 2")
    cs = race_scenario(plan=dear)
    step = cs.plans["cnsa"][0]
    game = Game(cs, "esa", 1)
    # 12 B$ over two quarters is 24 B$ a year against a 3 B$ budget: an eighth of a turn's work
    assert plans.pace(game.state, cs, "cnsa", step) == pytest.approx(3000 / 24000)
    play_turns(game, 16)
    plan = game.state.plans["cnsa"]
    assert "landing" not in game.state.firsts or game.state.rank("landing", "cnsa") == 0
    news = [item.text for report in game.reports for item in report.news if item.kind == "race"]
    assert "CNSA: Chang'e lander fails; a new attempt is built" in news
    if plan.flown:  # both attempts spent
        assert "CNSA: Chang'e lander fails; it is not tried again" in news


def test_the_players_own_agency_flies_no_plan() -> None:
    cs = race_scenario(MINI_TEXT.replace("    money: 100\n", "    money: 100\n" + PLAN, 1), plan="")
    game = Game(cs, "esa", 1)
    play_turns(game, 4)
    assert game.state.plans == {}


def test_the_race_is_saved_only_when_used() -> None:
    plain = Game(compiled_from(MINI_TEXT), "esa", 1)
    play_turns(plain, 3)
    data = state_to_data(plain.state)
    assert "firsts" not in data and "plans" not in data
    game = Game(race_scenario(), "esa", 1)
    play_turns(game, 1)
    data = state_to_data(game.state)
    assert data["firsts"] == {"landing": [["nasa", 1969 * 12 + 6]]}
    assert data["plans"] == {
        "cnsa": {"flown": [], "step": "change", "turns_left": 1, "cost_left": 50000, "failures": 0}
    }
    restored = state_from_data(data)
    assert restored.firsts == game.state.firsts and restored.plans == game.state.plans
    twin = game.state.copy()
    twin.firsts["landing"].append(("esa", 0))
    twin.plans["cnsa"].flown.append("x")
    assert len(game.state.firsts["landing"]) == 1 and game.state.plans["cnsa"].flown == []


# ---------------------------------------------------------------- located errors


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("earns: [landing]", "earns: [landign]", "landign", "unknown achievement 'landign'"),
        ("date: 1969-07", "date: 2022-Q1", "2022-Q1, name", "before the campaign's start"),
        ("agency: nasa, date", "agency: nsaa, date", "nsaa", "unknown agency 'nsaa'"),
        ("achievement: landing, agency", "achievement: lnding, agency", "lnding", "unknown achievement"),
        (
            "    - id: cubesat\n",
            "    - id: landing\n",
            "landing\n      name: A probe",
            "duplicate achievement",
        ),
        ("happening: crew_flew", "happening: year_began", "year_began", "no one would earn"),
        ("happening: crew_flew", "happening: first_achieved", "first_achieved", "not earned by another"),
        ("milestone: gateway.core}", "milestone: gateway.core, earner: nsa}", "nsa}", "unknown agency 'nsa'"),
        (
            "happening: crew_flew",
            "happening: crew_flew, achievement: x",
            "achievement:",
            "has no achievement",
        ),
        ('mission_flown("cubesat")', 'achieved("cubsat")', '"cubsat"', "unknown achievement 'cubsat'"),
        (
            "        success: 1\n        earns",
            "        after: nothing\n        earns",
            "nothing",
            "unknown step",
        ),
        ("build_turns: 2\n        success", "build_turns: 0\n        success", "0\n        success", "1"),
        ("bloc_first: 6", "first_among: galaxy", "galaxy", "'world', 'bloc' or 'self'"),
    ],
)
def test_each_bad_race_key_is_a_located_error(old: str, new: str, needle: str, message: str) -> None:
    text = (
        MINI_TEXT.replace(
            "    relations: {esa: 10}\n    policy: {funding: 3}\n",
            "    relations: {esa: 10}\n    policy: {funding: 3}\n" + PLAN,
            1,
        )
        + RACE
    )
    assert old in text, old
    text = text.replace(old, new, 1)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    errors = [(d.line, d.column, d.message) for d in result.errors]
    assert any((line, column) == position(text, needle) and message in m for line, column, m in errors), (
        errors,
        position(text, needle),
    )


def test_earns_without_a_race_is_a_located_error() -> None:
    text = MINI_TEXT.replace(
        "    relations: {esa: 10}\n    policy: {funding: 3}\n",
        "    relations: {esa: 10}\n    policy: {funding: 3}\n" + PLAN,
        1,
    )
    [error] = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[]).errors
    assert "has none" in error.message and (error.line, error.column) == position(text, "earns")


def test_the_greedy_bot_counts_on_half_the_prestige_of_a_first_its_mission_would_take() -> None:
    from game.bots.outlook import FIRSTS, outlook_of

    cs = race_scenario()
    state = Game(cs, "esa", 1).state
    outlook = outlook_of(cs)
    base = outlook.forecast(state)
    planned = outlook.what_if(state, base, ("national", "cubesat", ""), 0)
    [(_, _, prestige, _)] = planned.parts[""].gains
    assert prestige == 5 + 12 * FIRSTS == 11  # the cubesat's own 5, and half the first's 12
    state.firsts["cubesat"] = [("nasa", 0)]  # taken: a second is worth the default 8
    planned = outlook.what_if(state, outlook.forecast(state), ("national", "cubesat", ""), 0)
    assert planned.parts[""].gains[0][2] == 5 + 8 * FIRSTS
    assert outlook.forecast(state).crew_firsts == (25.0, 0.0)  # nobody has flown a crew: the first is free


def test_default_2021_starts_with_the_real_firsts_and_its_rivals_race_on() -> None:
    from pathlib import Path

    from game.engine.compiled import compile_scenario
    from game.format.dates import parse_date
    from game.format.loader import load_scenario

    path = Path(__file__).parents[1] / "scenarios" / "default-2021.yaml"
    cs = compile_scenario(load_scenario(path).unwrap())
    game = Game(cs, "esa", 1)
    firsts = game.state.firsts
    assert firsts["landing"][0] == ("roscosmos", parse_date("1966-02"))  # Luna 9
    assert firsts["crew_surface"] == [("nasa", parse_date("1969-07"))]  # Apollo 11
    assert [agency for agency, _ in firsts["samples"]] == ["roscosmos", "cnsa"]  # Luna 16, Chang'e 5
    assert firsts["far_side"] == [("cnsa", parse_date("2019-01"))]  # Chang'e 4
    assert "south_pole" not in firsts  # nobody before 2021: the race is on
    play_turns(game, 16)  # to 2025: computer-run ISRO's Chandrayaan-3 or Russia's Luna-25 lands
    assert game.state.firsts["south_pole"]
    assert game.state.plans["kasa"].flown == ["danuri"]  # Korea's orbiter, without the player


# ---------------------------------------------------------------- whose first: first_among


def test_a_bloc_first_is_the_first_of_each_bloc() -> None:
    """With first_among: bloc, CNSA landing after NASA's Apollo 11 is the East's first: the first
    prize, the news of a first, the first_achieved happening; ESA later is the West's second."""
    cs = race_scenario(race_text=RACE.replace("      bloc_first: 6\n", "      first_among: bloc\n"))
    game = Game(cs, "esa", 1)
    assert game.state.firsts_among == {"landing": ["nasa"]}  # the history's first, of the West
    before = game.state.agencies["cnsa"].prestige
    play_turns(game, 2)
    assert game.state.firsts_among == {"landing": ["nasa", "cnsa"]}
    assert game.state.agencies["cnsa"].prestige == pytest.approx(before + 30 + 5)  # first (30) + the step's 5
    news = [item.text for report in game.reports for item in report.news if item.kind == "race"]
    assert "CNSA is the first of its bloc to reach Soft landing" in news
    assert race.award(game.state, cs, "landing", "esa")
    assert game.state.firsts_among["landing"] == ["nasa", "cnsa"]  # ESA is the West's second
    assert game.state.news[-1].text == "ESA reaches Soft landing, number 2 of its bloc to do so"
    assert compile_expression("firsts_won")(game.state) == 0


def test_a_self_first_is_every_agencys_own_and_counts_in_firsts_won() -> None:
    cs = race_scenario(race_text=RACE.replace("      bloc_first: 6\n", "      first_among: self\n"))
    game = Game(cs, "esa", 1)
    play_turns(game, 2)  # CNSA's lander: its own first, for the first prize
    assert race.award(game.state, cs, "landing", "esa")
    assert game.state.firsts_among["landing"] == ["nasa", "cnsa", "esa"]
    assert game.state.me.prestige >= 30  # the first prize, though two agencies landed before
    assert game.state.news[-1].text == "ESA reaches Soft landing, a first for it"
    assert compile_expression("firsts_won")(game.state) == 1


def test_world_firsts_keep_no_state_of_their_own_and_the_new_one_is_saved_when_set() -> None:
    world = Game(race_scenario(), "esa", 1)
    play_turns(world, 2)
    assert world.state.firsts_among == {} and "firsts_among" not in state_to_data(world.state)
    cs = race_scenario(race_text=RACE.replace("      bloc_first: 6\n", "      first_among: bloc\n"))
    game = Game(cs, "esa", 1)
    data = state_to_data(game.state)
    assert data["firsts_among"] == {"landing": ["nasa"]}
    assert state_from_data(data).firsts_among == game.state.firsts_among
    twin = game.state.copy()
    twin.firsts_among["landing"].append("esa")
    assert game.state.firsts_among == {"landing": ["nasa"]}
