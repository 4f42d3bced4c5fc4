"""`cislunar test`: scenario test files, their located errors, and the failures the runner reports."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from game.cli.main import main
from game.format.catalogue import list_scenarios
from game.format.scenario_tests import find_test_files
from game.paths import shipped_scenarios_dir
from game.sim.scenario_tests import ScenarioTestFileReport, run_test_file, run_test_files
from tests.authoring_support import position

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"

CALM = """\
tests:
  - name: a calm answer sets the flag
    agency: esa
    answers: {crisis: calm}
    expect:
      - {at: 2021-Q3, that: 'not flag("calm")'}
      - {at: 2021-Q4, that: 'flag("calm") and support > 50'}
      - {by: 2022-Q2, that: 'flown("gateway.core")'}
"""


def write(folder: Path, text: str, name: str = "mini.test.yaml") -> Path:
    """A test file beside a copy of the mini scenario (``mini.yaml``, its default scenario)."""
    shutil.copy(MINI, folder / "mini.yaml")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path: Path) -> ScenarioTestFileReport:
    return run_test_file(path, search_dirs=[])


def failures(report: ScenarioTestFileReport) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.message) for test in report.tests for f in test.failures]


def errors(report: ScenarioTestFileReport) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in report.errors]


# ---------------------------------------------------------------- the shipped scenarios' tests


def test_every_shipped_scenario_has_tests_of_its_history_and_they_all_pass() -> None:
    files = find_test_files([shipped_scenarios_dir()])
    scenarios = {entry.path.stem for entry in list_scenarios([("shipped", shipped_scenarios_dir())])}
    assert {path.name.removesuffix(".test.yaml") for path in files} == scenarios
    report = run_test_files(files)
    problems = [str(d) for file in report.files for d in file.errors]
    problems += [str(d) for file in report.files for test in file.tests for d in test.failures]
    assert problems == [] and report.ok
    assert report.passed >= 12 and report.failed == 0


def test_the_scenario_list_leaves_test_files_out(tmp_path: Path) -> None:
    write(tmp_path, CALM)
    assert [entry.path.name for entry in list_scenarios([("user", tmp_path)])] == ["mini.yaml"]


# ---------------------------------------------------------------- passing and failing


def test_a_file_beside_its_scenario_runs_against_it_and_passes(tmp_path: Path) -> None:
    report = run(write(tmp_path, CALM))
    assert report.errors == [] and report.scenario == str(tmp_path / "mini.yaml")
    assert [(t.name, t.line, t.ok) for t in report.tests] == [("a calm answer sets the flag", 2, True)]


def test_a_failing_expectation_is_reported_at_its_line_with_each_value_it_saw(tmp_path: Path) -> None:
    text = CALM.replace("support > 50", 'support > 90 and members("gateway") >= 2')
    report = run(write(tmp_path, text))
    ((code, line, column, message),) = failures(report)
    assert (code, line, column) == ("failed", *position(text, 'flag("calm") and'))
    assert message.startswith(
        'at 2021-Q4: flag("calm") and support > 90 and members("gateway") >= 2 does not hold: '
    )
    values = dict(part.split(" = ") for part in message.split("does not hold: ")[1].split(", "))
    assert values.keys() == {'flag("calm")', "support", 'members("gateway")'}  # no constants
    assert values['flag("calm")'] == "true" and values['members("gateway")'].isdigit()
    assert 50 < float(values["support"]) <= 90


def test_a_by_that_never_holds_shows_the_values_of_the_last_turn_tried(tmp_path: Path) -> None:
    text = CALM.replace(
        "{by: 2022-Q2, that: 'flown(\"gateway.core\")'}", "{by: 2022-Q1, that: 'science >= 1000'}"
    )
    ((code, line, column, message),) = failures(run(write(tmp_path, text)))
    assert (code, line, column) == ("failed", *position(text, "science >= 1000"))
    assert re.fullmatch(
        r"by 2022-Q1: science >= 1000 did not hold on any turn; as 2022-Q1 opened: science = [\d.]+", message
    )


def test_a_refused_action_is_a_failure_with_the_games_reason(tmp_path: Path) -> None:
    text = CALM + "    actions:\n      - {turn: 2021-Q2, action: fund, target: gateway, option: hab}\n"
    ((code, line, column, message),) = failures(run(write(tmp_path, text)))
    assert (code, line, column) == ("refused", *position(text, "fund"))
    assert message.startswith("2021-Q2: 'fund gateway hab' was refused: ") and len(message) > 40


def test_actions_are_taken_on_their_turns(tmp_path: Path) -> None:
    text = """\
tests:
  - name: a cubesat and a membership
    agency: esa
    actions:
      - {turn: 2021-Q1, action: apply, target: ilrs}
      - {turn: 2021-Q2, action: mission, target: cubesat}
    expect:
      - {at: 2021-Q1, that: 'not member("ilrs")'}
      - {at: 2021-Q2, that: 'member("ilrs") and science == 0'}
      - {by: 2022-Q1, that: 'science >= 5'}
"""
    report = run(write(tmp_path, text))
    assert report.errors == [] and failures(report) == []


def test_an_outcome_plays_the_campaign_to_its_end_and_says_how_it_ended(tmp_path: Path) -> None:
    text = CALM + "    outcome: won\n    strategy: alone\n"
    ((code, line, column, message),) = failures(run(write(tmp_path, text)))
    assert (code, line, column) == ("failed", *position(text, "won"))
    assert re.fullmatch(
        r"the campaign was to end won; it was finished \(score \d+ of 30 needed to win\)", message
    )


def test_a_campaign_lost_early_fails_what_it_never_reached(tmp_path: Path) -> None:
    text = """\
tests:
  - name: lost at once
    actions: [{turn: 2022-Q1, action: invest, target: robotics}]
    expect:
      - {at: 2021-Q2, that: 'support > 0'}
      - {by: 2022-Q1, that: 'science > 100'}
    outcome: won
"""
    path = write(tmp_path, text)
    losing = MINI.read_text().replace("victory_score: 30", "victory_score: 30\ndefeat: {support_below: 100}")
    (tmp_path / "mini.yaml").write_text(losing)  # support is always at or under 100: lost at once
    found = failures(run(path))
    ended = "the campaign ended (lost) before {}; its last turn was 2021-Q1"
    never = "by 2022-Q1: science > 100 did not hold on any turn; as 2021-Q1 opened: science = 0"
    assert found[:3] == [
        ("failed", *position(text, "2021-Q2"), ended.format("2021-Q2")),
        ("failed", *position(text, "science > 100"), never),
        ("failed", *position(text, "2022-Q1, action"), ended.format("2022-Q1")),
    ]
    assert found[3][:3] == ("failed", *position(text, "won")) and len(found) == 4
    assert found[3][3].startswith("the campaign was to end won; it was lost (domestic support collapsed")


def test_the_same_file_gives_the_same_report(tmp_path: Path) -> None:
    text = CALM + "    strategy: random\n    seed: 7\n    outcome: lost\n"
    path = write(tmp_path, text)
    assert run(path) == run(path)


# ---------------------------------------------------------------- files that cannot run


BAD_FILES = [
    ("unknown-key", "    agency: esa", "    agncy: esa", "agncy"),
    ("invalid-value", "    agency: esa", "    agency: esa\n    seed: -1", "-1"),
    ("invalid-value", "{at: 2021-Q3, that", "{at: 2021-Q3, by: 2021-Q4, that", "{at: 2021-Q3, by"),
    ("invalid-value", "{at: 2021-Q3, that", "{at: 2021-3, that", "2021-3"),
    ("unknown-id", "agency: esa", "agency: nasa", "nasa"),
    ("unknown-strategy", "    agency: esa", "    agency: esa\n    strategy: greedyy", "greedyy"),
    ("unknown-id", "{crisis: calm}", "{crisis: calmly}", "calmly"),
    ("unknown-id", "{crisis: calm}", "{crises: calm}", "crises"),
    ("unknown-id", "{crisis: calm}", "{aftermath: calm}", "aftermath"),
    (
        "unknown-action",
        "    agency: esa",
        "    agency: esa\n    actions: [{turn: 2021-Q1, action: aply}]",
        "aply",
    ),
    (
        "unknown-action",
        "    agency: esa",
        "    agency: esa\n    actions: [{turn: 2021-Q1, action: end_turn}]",
        "end_",
    ),
    (
        "unknown-action",
        "    agency: esa",
        "    agency: esa\n    actions: [{turn: 2021-Q1, action: answer, target: crisis, option: calm}]",
        "answer, target",
    ),
    (
        "date-range",
        "    agency: esa",
        "    agency: esa\n    actions: [{turn: 2021-02, action: invest}]",
        "2021-02",
    ),
    ("date-range", "{at: 2021-Q3, that", "{at: 2030-Q1, that", "2030-Q1"),
    ("date-range", "{by: 2022-Q2, that", "{by: 2020-Q4, that", "2020-Q4"),
    ("expression", 'not flag("calm")', 'flag("calm") =< 2', "=< 2"),
    ("unknown-id", 'not flag("calm")', 'member("gatway")', '"gatway"'),
    ("expression", 'not flag("calm")', "money - 10", "money - 10"),
]


@pytest.mark.parametrize(("code", "old", "new", "needle"), BAD_FILES, ids=[case[3] for case in BAD_FILES])
def test_a_bad_test_file_gets_located_errors_and_runs_nothing(
    tmp_path: Path, code: str, old: str, new: str, needle: str
) -> None:
    text = CALM.replace(old, new, 1)
    assert text != CALM
    report = run(write(tmp_path, text))
    assert report.tests == [] and not report.ok
    assert [(d.code, d.line) for d in report.errors] == [(code, position(text, needle)[0])], report.errors
    if code not in ("invalid-value", "expression"):  # those point at the value or the operator
        assert errors(report) == [(code, *position(text, needle))]


def test_errors_say_what_was_meant(tmp_path: Path) -> None:
    text = CALM.replace("    agency: esa\n", "    agency: esa\n    strategy: greedyy\n    expcet: []\n")
    (unknown,) = run(write(tmp_path, text)).errors
    assert unknown.message == "unknown key 'expcet'; did you mean 'expect'?"
    text = CALM.replace("    agency: esa\n", "    agency: esa\n    strategy: greedyy\n")
    (strategy,) = run(write(tmp_path, text)).errors
    assert strategy.message.startswith("unknown strategy 'greedyy'; choose from ")
    assert strategy.message.endswith("did you mean 'greedy'?")
    text = CALM.replace("agency: esa", "agency: nasa")
    assert run(write(tmp_path, text)).errors[0].message == (
        "'nasa' is not a playable agency of this scenario; choose from esa, jaxa"
    )


def test_a_strategy_is_a_shipped_one_or_the_road_of_one_of_the_scenarios_programmes(tmp_path: Path) -> None:
    road = """\
scenario: gateway_in_doubt
tests:
  - name: Europe on the Artemis road
    agency: esa
    strategy: {strategy}
    expect:
      - {{at: 2025-Q1, that: 'not member("artemis")'}}
      - {{by: 2026-Q4, that: 'member("artemis")'}}
"""
    path = tmp_path / "road.test.yaml"
    path.write_text(road.format(strategy="artemis"), encoding="utf-8")
    assert run_test_file(path).ok
    path.write_text(road.format(strategy="alone"), encoding="utf-8")
    assert not run_test_file(path).ok  # Europe does not join it on its own
    path.write_text(road.format(strategy="artemiss"), encoding="utf-8")
    (error,) = run_test_file(path).errors
    assert error.code == "unknown-strategy" and (error.line, error.column) == (5, 15)
    assert error.message == (
        "unknown strategy 'artemiss'; choose from gateway, artemis, isls, ilrs, alone, random, greedy; "
        "did you mean 'artemis'?"
    )


def test_a_test_file_needs_a_scenario_it_can_load(tmp_path: Path) -> None:
    lonely = tmp_path / "lonely.test.yaml"
    lonely.write_text(CALM, encoding="utf-8")
    (error,) = run(lonely).errors
    assert (error.code, error.line, error.message) == (
        "scenario",
        1,
        "no scenario 'lonely.yaml' beside this file; name one with 'scenario: ID' or a path",
    )
    named = write(tmp_path, "scenario: nowhere\n" + CALM, "named.test.yaml")
    (error,) = run(named).errors
    assert (error.code, error.line, error.column) == ("scenario", 1, 11)
    assert error.message.startswith("no scenario with id 'nowhere'")
    (tmp_path / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    broken = write(tmp_path, "scenario: broken.yaml\n" + CALM, "broken.test.yaml")
    (error,) = run(broken).errors
    assert error.code == "scenario" and error.message.startswith("the scenario has errors: ")
    by_id = write(tmp_path, "scenario: mini\n" + CALM, "by-id.test.yaml")
    assert run(by_id).ok


@pytest.mark.parametrize(
    "text", ["- a list\n", "tests: []\n", "tests: [{name: x}] \nscenario: [1]\n", "\x00", "tests: &a [*a]\n"]
)
def test_a_file_that_is_not_a_test_file_gets_an_error_not_a_traceback(tmp_path: Path, text: str) -> None:
    report = run(write(tmp_path, text))
    assert report.errors and not report.ok and report.tests == []
    assert all(d.line >= 1 and d.column >= 1 for d in report.errors)


def test_a_file_with_too_many_tests_is_refused(tmp_path: Path) -> None:
    many = "tests:\n" + "".join(f"  - {{name: t{i}}}\n" for i in range(51))
    (error,) = run(write(tmp_path, many)).errors
    assert error.code == "invalid-value" and "at most 50" in error.message


# ---------------------------------------------------------------- the command


def test_the_command_prints_each_failure_as_path_line_column_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, CALM)
    bad_text = "scenario: mini.yaml\n" + CALM.replace("support > 50", "support > 90")
    bad = write(tmp_path, bad_text, "bad.test.yaml")
    assert main(["test", str(good)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and f"{good}: 1 of 1 passed" in err

    assert main(["test", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    line, column = position(bad_text, 'flag("calm") and')
    assert re.fullmatch(
        rf"{re.escape(str(bad))}:{line}:{column}: error: at 2021-Q4: .* support = [\d.]+ \[failed\]\n", out
    )
    assert f"{bad}: 0 of 1 passed; failed: a calm answer sets the flag" in err

    assert main(["test", "--format", "json", str(bad), str(good)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert (document["ok"], document["passed"], document["failed"]) == (False, 1, 1)
    assert document["files"][0]["tests"][0]["failures"][0]["line"] == line


def test_the_command_says_when_it_finds_no_test(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(tmp_path)]) == 1
    assert "no .test.yaml files in" in capsys.readouterr().err


def test_validate_checks_a_test_file_as_a_test_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, CALM)
    assert main(["validate", str(good)]) == 0
    assert f"{good}: ok (tests of Mini test scenario)" in capsys.readouterr().err
    text = "scenario: mini.yaml\n" + CALM.replace("agency: esa", "agency: nasa")
    bad = write(tmp_path, text, "bad.test.yaml")
    assert main(["validate", str(bad)]) == 1
    out, err = capsys.readouterr()
    line, column = position(text, "nasa")
    assert (
        out.startswith(f"{bad}:{line}:{column}: error: 'nasa' is not a playable agency") and "1 error" in err
    )


def test_an_answer_written_as_an_action_says_how_to_answer_an_event(tmp_path: Path) -> None:
    """It was played and refused on its turn ('answer crisis calm' was refused: ...), unhelpfully."""
    text = CALM.replace(
        "    agency: esa\n",
        "    agency: esa\n    actions: [{turn: 2021-Q1, action: answer, target: crisis, option: calm}]\n",
    )
    (error,) = run(write(tmp_path, text)).errors
    assert (error.code, error.line, error.column) == ("unknown-action", *position(text, "answer, target"))
    assert error.message == (
        "events are not answered by an action: give the test 'answers:', each event's id with the id of "
        "its choice, e.g. 'answers: {crisis: calm}'; the test answers that event so whenever it asks "
        "(and a strategy, if any, answers the others)"
    )


# ---------------------------------------------------------------- --difficulty

EASY = """\
tests:
  - name: played at the easy level
    agency: esa
    expect:
      - {at: 2021-Q1, that: 'difficulty("easy")'}
"""


def test_difficulty_plays_every_test_at_that_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, EASY)
    assert main(["test", str(path)]) == 1  # the scenario's default level: normal
    assert 'difficulty("easy")' in capsys.readouterr().out  # the failed expectation, located
    assert main(["test", "--difficulty", "easy", str(path)]) == 0
    assert "1 of 1 passed" in capsys.readouterr().err
    report = run_test_files([path], search_dirs=[], difficulty="easy")
    assert report.ok and report.passed == 1


def test_a_difficulty_the_scenario_lacks_is_a_located_error_and_nothing_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, EASY)
    assert main(["test", "--difficulty", "brutal", str(path)]) == 1
    out, err = capsys.readouterr()
    assert (
        f"{path}:1:1: error: 'brutal' is not a difficulty of this scenario; choose from easy, normal, hard"
        in out
    )
    assert "[unknown-difficulty]" in out and "1 error, not run" in err
