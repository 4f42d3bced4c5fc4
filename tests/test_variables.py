"""Scenario variables and per-agency flags (issue 12): effects set and add to them, expressions
read them, saves hold them only when there are some, and every bad key is a located error."""

from __future__ import annotations

import pytest

from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.effects import apply_effects
from game.engine.expressions import compile_expression
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.snapshot import state_from_data, state_to_data
from game.engine.state import GameState
from game.format.expressions import MAX_NUMBER
from game.format.loader import load_scenario_bytes
from game.format.models import Effect
from game.sim.runner import play_campaign
from tests.authoring_support import BASE, edit, position
from tests.helpers import MINI_TEXT, compiled_from, mini_with


def _apply(game: Game, *effects: dict) -> None:
    apply_effects(game.state, game.compiled, [Effect.model_validate(effect) for effect in effects], "a test")


def _read(state: GameState, expression: str) -> object:
    return compile_expression(expression)(state)


# ---------------------------------------------------------------- the engine


def test_unset_variables_and_flags_read_zero_and_false(mini: CompiledScenario) -> None:
    state = Game(mini, "esa", 1).state
    assert _read(state, 'var("launch_failures")') == 0
    assert _read(state, 'agency_var("nasa", "trust")') == 0 and _read(state, 'my_var("trust")') == 0
    assert _read(state, 'agency_flag("nasa", "briefed")') is False and _read(state, 'my_flag("x")') is False


def test_effects_set_and_add_to_global_and_agency_variables(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    _apply(
        game,
        {"vars": [{"name": "launch_failures", "add": 1}, {"name": "launch_failures", "add": 2}]},
        {
            "vars": [
                {"name": "trust", "agency": "nasa", "set": 3},
                {"name": "trust", "agency": "esa", "add": -1.5},
            ]
        },
    )
    state = game.state
    assert _read(state, 'var("launch_failures") >= 2') is True
    assert _read(state, 'var("launch_failures")') == 3
    assert _read(state, 'agency_var("nasa", "trust")') == 3
    assert _read(state, 'my_var("trust")') == -1.5 == _read(state, 'agency_var("esa", "trust")')
    assert _read(state, 'var("trust")') == 0  # an agency's variable is not a global one


def test_a_value_may_be_an_expression_read_when_the_effect_applies(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    _apply(
        game,
        {"vars": [{"name": "doubled", "set": "support * 2"}, {"name": "doubled", "add": 'var("doubled")'}]},
    )
    assert game.state.variables["doubled"] == game.state.me.support * 4


def test_values_stay_finite_and_within_the_bound(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    _apply(game, {"vars": [{"name": "big", "set": MAX_NUMBER}, {"name": "big", "add": MAX_NUMBER}]})
    _apply(game, {"vars": [{"name": "huge", "set": 'var("big") * 1000000000 * 1000000000'}]})
    _apply(game, {"vars": [{"name": "low", "add": "-1000000000 * 1000000000"}]})
    assert game.state.variables == {"big": MAX_NUMBER, "huge": MAX_NUMBER, "low": -MAX_NUMBER}
    state_to_data(game.state)  # a save can hold every value


def test_a_whole_number_beyond_a_float_is_bounded_not_a_crash(mini: CompiledScenario) -> None:
    """10**315 in whole-number arithmetic: no float holds it; it reads as the bound, as an infinity would."""
    huge = "*".join(["1000000000"] * 35)
    game = Game(mini, "esa", 1)
    _apply(game, {"vars": [{"name": "up", "set": huge}, {"name": "down", "add": f"-{huge}"}]})
    _apply(game, {"vars": [{"name": "up", "add": huge}]})
    assert game.state.variables == {"up": MAX_NUMBER, "down": -MAX_NUMBER}


def test_agency_flags_are_set_cleared_and_kept_apart_from_global_ones(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    _apply(
        game,
        {
            "agency_flags": [
                {"agency": "nasa", "set": ["briefed", "angry"]},
                {"agency": "esa", "set": ["briefed"]},
            ]
        },
    )
    state = game.state
    assert _read(state, 'agency_flag("nasa", "angry") and my_flag("briefed")') is True
    assert _read(state, 'flag("briefed")') is False and not _read(state, 'agency_flag("cnsa", "briefed")')
    _apply(
        game,
        {"agency_flags": [{"agency": "esa", "clear": ["briefed"]}, {"agency": "nasa", "clear": ["angry"]}]},
    )
    assert state.agency_flags == {"nasa": {"briefed"}}  # an agency left without flags is dropped


def test_starting_values_are_in_the_first_turn() -> None:
    compiled = compiled_from(
        MINI_TEXT.replace("victory_score: 30", "variables: {launch_failures: 2}\nvictory_score: 30").replace(
            "    budget: 3000\n", "    budget: 3000\n    variables: {trust: -4}\n"
        )
    )
    state = Game(compiled, "esa", 1).state
    assert _read(state, 'var("launch_failures")') == 2 and _read(state, 'agency_var("cnsa", "trust")') == -4
    assert Game(compiled, "jaxa", 2).state.variables == {"launch_failures": 2}


# ---------------------------------------------------------------- copies and saves


def test_a_copy_holds_its_own_variables_and_flags(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    _apply(game, {"vars": [{"name": "x", "set": 1}, {"name": "t", "agency": "nasa", "set": 2}]})
    _apply(game, {"agency_flags": [{"agency": "nasa", "set": ["a"]}]})
    twin = game.state.copy()
    assert (twin.variables, twin.agency_variables, twin.agency_flags) == (
        {"x": 1},
        {"nasa": {"t": 2}},
        {"nasa": {"a"}},
    )
    twin.variables["x"] = 5
    twin.agency_variables["nasa"]["t"] = 5
    twin.agency_flags["nasa"].add("b")
    assert game.state.variables == {"x": 1} and game.state.agency_variables == {"nasa": {"t": 2}}
    assert game.state.agency_flags == {"nasa": {"a"}}


def test_a_state_without_variables_saves_no_key_for_them(mini: CompiledScenario) -> None:
    """So the campaigns of scenarios without variables keep their hashes, and older saves load."""
    game = play_campaign(mini, "esa", "greedy", 3)
    data = state_to_data(game.state)
    assert not {"variables", "agency_variables", "agency_flags"} & set(data)
    assert state_hash(state_from_data(data)) == state_hash(game)


def test_variables_and_agency_flags_survive_a_save(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    _apply(game, {"vars": [{"name": "x", "set": 1.5}, {"name": "t", "agency": "nasa", "add": 2}]})
    _apply(game, {"agency_flags": [{"agency": "esa", "set": ["a", "b"]}]})
    data = state_to_data(game.state)
    assert data["agency_flags"] == {"esa": ["a", "b"]}
    back = state_from_data(data)
    assert (back.variables, back.agency_variables, back.agency_flags) == (
        {"x": 1.5},
        {"nasa": {"t": 2}},
        {"esa": {"a", "b"}},
    )
    assert state_hash(back) == state_hash(game)


def test_a_damaged_variable_in_a_save_is_refused_with_its_path(mini: CompiledScenario) -> None:
    from game.engine.snapshot import SnapshotError

    data = state_to_data(Game(mini, "esa", 1).state)
    data["variables"] = {"x": "many"}
    with pytest.raises(SnapshotError, match=r"state\.variables\.x: expected a number"):
        state_from_data(data)


# ---------------------------------------------------------------- national missions


def test_a_national_mission_under_way_then_flown(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    state = game.state
    assert not _read(state, 'mission_underway("cubesat") or mission_flown("cubesat")')
    assert game.act(Action("mission", "cubesat")).ok
    assert _read(state, 'mission_underway("cubesat")') is True
    for _ in range(4):
        game.end_turn()
        if game.state.missions["cubesat"].successes:
            break
    state = game.state
    assert _read(state, 'mission_flown("cubesat") and not mission_underway("cubesat")') is True
    assert _read(state, 'mission_failed("cubesat")') is False


def test_a_failed_national_mission() -> None:
    game = Game(mini_with("    success: 1\n    science: 5", "    success: 0\n    science: 5"), "esa", 1)
    assert game.act(Action("mission", "cubesat")).ok
    for _ in range(3):
        game.end_turn()
    state = game.state
    assert _read(state, 'mission_failed("cubesat") and not mission_flown("cubesat")') is True


# ---------------------------------------------------------------- located errors

CUT = "          - budget: -10\n"
EFFECT = "          - budget: -10\n            "
WHEN = "    chance: 0.5\n"


@pytest.mark.parametrize(
    ("edits", "needle", "offset", "message"),
    [
        ([(CUT, EFFECT + "vars: [{name: cuts}]\n")], "{name: cuts}", 0, "exactly one of 'set' or 'add'"),
        (
            [(CUT, EFFECT + "vars: [{name: cuts, set: 1, add: 2}]\n")],
            "{name: cuts, set",
            0,
            "exactly one of 'set' or 'add'",
        ),
        ([(CUT, EFFECT + "vars: [{name: Cuts, add: 1}]\n")], "Cuts", 0, "name"),
        ([(CUT, EFFECT + "vars: [{name: cuts, add: 1e12}]\n")], "1e12", 0, "1000000000"),
        ([(CUT, EFFECT + "vars: [{name: cuts, add: .nan}]\n")], ".nan", 0, "finite"),
        ([(CUT, EFFECT + "vars: [{name: cuts, add: [1]}]\n")], "[1]", 0, "number"),
        ([(CUT, EFFECT + "vars: [{name: cuts, add: 1, by: 2}]\n")], "by: 2", 0, "unknown key 'by'"),
        ([(CUT, EFFECT + "vars: [{name: cuts, agency: esa, add: 1}]\n")], "esa", 0, "unknown agency 'esa'"),
        ([(CUT, EFFECT + "vars: [{name: cuts, add: 'money +'}]\n")], "money +'", 6, "'+' needs"),
        (
            [(CUT, EFFECT + "vars: [{name: cuts, add: 'support > 3'}]\n")],
            "support > 3",
            0,
            "a number is needed here",
        ),
        (
            [(CUT, EFFECT + "vars: [{name: cuts, set: 'relation(\"nasa\")'}]\n")],
            '"nasa"',
            0,
            "unknown agency 'nasa'",
        ),
        ([(CUT, EFFECT + "varz: [{name: cuts, add: 1}]\n")], "varz", 0, "did you mean 'vars'?"),
        ([(CUT, EFFECT + "agency_flags: [{agency: esa, set: [x]}]\n")], "esa", 0, "unknown agency 'esa'"),
        ([(CUT, EFFECT + "agency_flags: [{agency: big_agency, set: [X]}]\n")], "X]", 0, "which is not an id"),
        ([(CUT, EFFECT + "agency_flags: [{set: [x]}]\n")], "{set", 0, "missing required key 'agency'"),
        ([("victory_score: 50", "variables: {cuts: .inf}\nvictory_score: 50")], ".inf", 0, "finite"),
        ([("victory_score: 50", "variables: {Cuts: 1}\nvictory_score: 50")], "Cuts", 0, ""),
        (
            [("    support: 55\n", "    support: 55\n    variables: {trust: -2000000000}\n")],
            "-2000000000",
            0,
            "1000000000",
        ),
        ([(WHEN, WHEN + '    when: mission_flown("orbitr")\n')], '"orbitr"', 0, "did you mean 'orbiter'?"),
        (
            [(WHEN, WHEN + '    when: mission_flown("station")\n')],
            '"station"',
            0,
            "takes a national mission id, but 'station' is a programme id",
        ),
        (
            [(WHEN, WHEN + "    when: var(cuts) > 1\n")],
            "cuts)",
            0,
            "var() takes a variable name in double quotes",
        ),
        ([(WHEN, WHEN + '    when: my_var("trust", "x") > 1\n')], "my_var", 0, "my_var() takes one id"),
        ([(WHEN, WHEN + '    when: agency_var("esa", "trust") > 1\n')], '"esa"', 0, "unknown agency 'esa'"),
        ([(WHEN, WHEN + '    when: agency_flag("big_agency")\n')], "agency_flag", 0, "takes 2 ids"),
        (
            [(WHEN, WHEN + '    when: var("cuts")\n')],
            'var("cuts")',
            0,
            "a condition (true or false) is needed",
        ),
    ],
)
def test_each_bad_key_is_a_located_error(
    edits: list[tuple[str, str]], needle: str, offset: int, message: str
) -> None:
    text = BASE
    for old, new in edits:
        text = edit(text, old, new)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert result.errors, "no error"
    errors = [(d.line, d.column, d.message) for d in result.errors]
    line, column = position(text, needle, offset)
    assert any(
        (d_line, d_column) == (line, column) and message in text_ for d_line, d_column, text_ in errors
    ), (
        errors,
        (line, column),
    )
    assert not any("Traceback" in text_ for *_, text_ in errors)


# ---------------------------------------------------------------- refusals in plain words


@pytest.mark.parametrize(
    ("condition", "clause"),
    [
        ('var("trust") >= 2', "is closed while 'trust' is under 2; it is 0"),
        ('my_var("trust") > 1', "is closed while your 'trust' is 1 or less; it is 0"),
        ('agency_var("nasa", "trust") > 1', "is closed while NASA's 'trust' is 1 or less; it is 0"),
        ('agency_flag("nasa", "briefed")', "waits until 'briefed' is set for NASA"),
        ('my_flag("briefed")', "waits until 'briefed' is set for you"),
        ('mission_flown("cubesat")', "waits until Lunar cubesat has flown"),
        ('mission_failed("cubesat")', "waits until Lunar cubesat has failed"),
        ('mission_underway("cubesat")', "waits until Lunar cubesat is under way"),
        ('not mission_underway("cubesat")', "is closed while Lunar cubesat is under way"),
        ('not agency_flag("esa", "briefed")', "is closed while 'briefed' is set for ESA"),
    ],
)
def test_a_refusal_names_the_variable_flag_or_mission(
    mini: CompiledScenario, condition: str, clause: str
) -> None:
    from game.engine.explain import explain_failure

    state = Game(mini, "esa", 1).state
    if condition.startswith("not "):
        state.agency_flags["esa"] = {"briefed"}
        state.missions["cubesat"].build.status = "building"
    assert explain_failure(condition, state, mini) == [clause]


# ---------------------------------------------------------------- scenario tests read them too

SCENARIO_TEST = """\
tests:
  - name: the calm answer is counted and the cubesat flies
    agency: esa
    answers: {crisis: calm}
    actions:
      - {turn: 2021-Q1, action: mission, target: cubesat}
    expect:
      - {at: 2021-Q2, that: 'mission_underway("cubesat") and var("calm_answers") == 0'}
      - {at: 2022-Q1, that: 'var("calm_answers") == 1 and mission_flown("cubesat")'}
      - {at: 2022-Q1, that: 'var("calm_answers") > 1'}
"""


def test_a_scenario_test_checks_variables_and_missions_and_shows_their_values(tmp_path) -> None:
    from game.sim.scenario_tests import run_test_file

    counting = MINI_TEXT.replace(
        "effects: [{support: 5, set_flags: [calm]}]",
        "effects: [{support: 5, set_flags: [calm], vars: [{name: calm_answers, add: 1}]}]",
    )
    (tmp_path / "mini.yaml").write_text(counting, encoding="utf-8")
    path = tmp_path / "mini.test.yaml"
    path.write_text(SCENARIO_TEST, encoding="utf-8")
    report = run_test_file(path)
    assert report.errors == []
    ((failure,),) = [test.failures for test in report.tests]
    assert failure.message == 'at 2022-Q1: var("calm_answers") > 1 does not hold: var("calm_answers") = 1'
    assert (failure.line, failure.column) == position(SCENARIO_TEST, 'var("calm_answers") > 1')


def test_player_names_the_agency_the_player_runs(mini: CompiledScenario) -> None:
    """One effect serves every playable agency: 'player' is whoever plays the campaign."""
    for agency in ("esa", "jaxa"):
        game = Game(mini, agency, 1)
        _apply(
            game,
            {
                "vars": [{"name": "trust", "agency": "player", "add": 2}],
                "agency_flags": [{"agency": "player", "set": ["briefed"]}],
            },
        )
        assert game.state.agency_variables == {agency: {"trust": 2}}
        assert game.state.agency_flags == {agency: {"briefed"}}
        assert _read(game.state, 'my_var("trust") == 2 and my_flag("briefed")') is True
