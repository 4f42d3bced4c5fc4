"""Scenario test files (``*.test.yaml``): campaigns an author plays headless, and what must hold.

A test file names a scenario (by default the file beside it with the same stem), and each of
its tests an agency, a seed, the actions to take on given turns (and/or a bot strategy to
play), the answers to give events, and expressions of the scenario's own language that must
hold on a turn (``at``) or on some turn up to a date (``by``). It is data only, read like a
scenario: the same YAML reader, bounded sizes, and a located error for every bad key.

This module reads and checks the file against its scenario; playing it needs the engine and
the bots, so the runner lives in ``game.sim.scenario_tests``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from game.format.checks import check_conditions, did_you_mean
from game.format.dates import format_date, parse_date
from game.format.diagnostics import Diagnostic, Position
from game.format.extends import locate
from game.format.loader import LoadResult, default_search_dirs, load_scenario
from game.format.models import Date, Expression, Id, Scenario, Strict
from game.format.refusals import located_errors
from game.format.yaml_source import DataPath, SourceMap, read_document, read_source
from game.paths import TEST_SUFFIX

MAX_TESTS = 50
MAX_ACTIONS = 400
MAX_EXPECTATIONS = 200
MAX_ANSWERS = 200

Outcome = Literal["won", "finished", "lost"]


class ScriptedAction(Strict):
    """An action the test takes on a turn, as the player would."""

    turn: Date = Field(description="The turn it is taken on.")
    action: Id = Field(
        description="The kind of action: apply, fund, cancel, withdraw, invest, mission or diplomacy "
        "(events are answered by the test's 'answers:', not by an action)."
    )
    target: str = Field("", max_length=81, description="The programme, area, mission or agency it names.")
    option: str = Field("", max_length=81, description="The contribution or choice, when the kind takes one.")


class Expectation(Strict):
    """An expression that must hold on a turn (`at`) or on some turn up to a date (`by`)."""

    at: Date | None = Field(None, description="It holds as this turn opens.")
    by: Date | None = Field(None, description="It holds as some turn up to this date opens.")
    that: Expression = Field(description="A condition of the scenario's expression language.")

    @model_validator(mode="after")
    def _one_date(self) -> Expectation:
        if (self.at is None) == (self.by is None):
            raise ValueError(
                "give one date: 'at' (it holds on that turn) or 'by' (it holds on some turn up to it)"
            )
        return self

    @property
    def date(self) -> str:
        return self.at or self.by or ""


class ScenarioTest(Strict):
    """One campaign and what must hold in it."""

    name: str = Field(min_length=1, max_length=120, description="What the test shows, in a few words.")
    agency: Id | None = Field(None, description="The agency played (default: the first playable one).")
    seed: int = Field(1, ge=0, le=2**31 - 1, description="The campaign's seed.")
    strategy: Id | None = Field(
        None,
        description="A bot strategy that plays every turn after the test's actions: greedy, random, "
        "alone, or a programme's id (its road: join it and keep contributing); default: none.",
    )
    actions: list[ScriptedAction] = Field(
        default_factory=list, max_length=MAX_ACTIONS, description="Actions on given turns, in order."
    )
    answers: dict[Id, Id] = Field(
        default_factory=dict,
        max_length=MAX_ANSWERS,
        description="Event id -> choice id: how to answer that event whenever it asks.",
    )
    expect: list[Expectation] = Field(
        default_factory=list, max_length=MAX_EXPECTATIONS, description="What must hold, and when."
    )
    outcome: Outcome | None = Field(None, description="How the campaign must end (it is then played out).")


class ScenarioTestFile(Strict):
    """A scenario test file, `NAME.test.yaml`."""

    scenario: str | None = Field(
        None,
        max_length=300,
        description="The scenario tested: an id or a path relative to this file "
        "(default: the file beside it with the same stem).",
    )
    tests: list[ScenarioTest] = Field(min_length=1, max_length=MAX_TESTS, description="The tests.")


@dataclass
class LoadedTests:
    """A test file with its scenario, or every located problem that stops it from running."""

    path: str
    tests: ScenarioTestFile | None
    source: SourceMap | None
    scenario: LoadResult | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def at(self, loc: DataPath) -> Position:
        """Where the value at ``loc`` of the test file is."""
        return self.source.value(loc) if self.source else Position(self.path)


def is_test_file(path: Path) -> bool:
    return path.name.endswith(TEST_SUFFIX)


def find_test_files(paths: Sequence[Path]) -> list[Path]:
    """The test files named, and those inside the folders named (at any depth), in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob(f"*{TEST_SUFFIX}") if p.is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def load_tests(path: str | Path, search_dirs: Sequence[Path] | None = None) -> LoadedTests:
    """Read a test file and the scenario it tests, and check one against the other; never raises."""
    shown = str(path)
    try:
        raw = read_source(path)
    except OSError as error:
        problem = f"cannot read file: {error.strerror or error}"
        return LoadedTests(shown, None, None, diagnostics=[Diagnostic.at(Position(shown), "io", problem)])
    document, problems = read_document(shown, raw)
    if document is None:
        return LoadedTests(shown, None, None, diagnostics=problems)
    source = document.source
    if not isinstance(document.data, dict):
        message = "a test file is a mapping of keys such as 'scenario' and 'tests'"
        return LoadedTests(
            shown, None, source, diagnostics=[Diagnostic.at(source.value(()), "shape", message)]
        )
    try:
        tests = ScenarioTestFile.model_validate(document.data)
    except ValidationError as error:
        return LoadedTests(
            shown, None, source, diagnostics=located_errors(error, source, ScenarioTestFile, document.data)
        )
    loaded = LoadedTests(shown, tests, source)
    scenario_path = _scenario_path(loaded, search_dirs)
    if scenario_path is None:
        return loaded
    loaded.scenario = load_scenario(scenario_path, search_dirs)
    if loaded.scenario.scenario is None or loaded.scenario.errors:
        where = loaded.at(("scenario",))
        first = loaded.scenario.errors[0] if loaded.scenario.errors else "it cannot be loaded"
        loaded.diagnostics.append(Diagnostic.at(where, "scenario", f"the scenario has errors: {first}"))
        return loaded
    loaded.diagnostics += _Checker(loaded, loaded.scenario.scenario).run()
    return loaded


def _scenario_path(loaded: LoadedTests, search_dirs: Sequence[Path] | None) -> Path | None:
    """The scenario file the tests name (or the one beside them); a located error if none."""
    assert loaded.tests is not None
    origin = Path(loaded.path)
    target = loaded.tests.scenario
    if target is None:
        beside = origin.with_name(origin.name.removesuffix(TEST_SUFFIX).removesuffix(".yaml") + ".yaml")
        if beside.is_file() and beside != origin:
            return beside
        message = f"no scenario '{beside.name}' beside this file; name one with 'scenario: ID' or a path"
        loaded.diagnostics.append(Diagnostic.at(Position(loaded.path), "scenario", message))
        return None
    found, why = locate(target, origin, default_search_dirs() if search_dirs is None else search_dirs)
    if found is None:
        loaded.diagnostics.append(Diagnostic.at(loaded.at(("scenario",)), "scenario", why))
    return found


class _Checker:
    """What the models cannot see: the tests' ids, dates and conditions against the scenario."""

    def __init__(self, loaded: LoadedTests, scenario: Scenario) -> None:
        assert loaded.tests is not None and loaded.source is not None
        self.loaded = loaded
        self.tests = loaded.tests
        self.source = loaded.source
        self.scenario = scenario
        calendar = scenario.calendar
        self.start, self.end = parse_date(calendar.start), parse_date(calendar.end)
        self.turn_months = calendar.turn_months
        self.events = {event.id: event for event in scenario.events}
        self.diagnostics: list[Diagnostic] = []

    def error(self, loc: DataPath, code: str, message: str, key: bool = False) -> None:
        position = self.source.key(loc) if key else self.source.value(loc)
        self.diagnostics.append(Diagnostic.at(position, code, message))

    def run(self) -> list[Diagnostic]:
        playable = [agency.id for agency in self.scenario.playable_agencies()]
        for i, test in enumerate(self.tests.tests):
            loc: DataPath = ("tests", i)
            if test.agency is not None and test.agency not in playable:
                self.error(
                    (*loc, "agency"),
                    "unknown-id",
                    f"'{test.agency}' is not a playable agency of this scenario; choose from "
                    f"{', '.join(playable)}{did_you_mean(test.agency, playable)}",
                )
            for j, action in enumerate(test.actions):
                self.turn((*loc, "actions", j, "turn"), action.turn)
            for j, expectation in enumerate(test.expect):
                if expectation.at is not None:
                    self.turn((*loc, "expect", j, "at"), expectation.at)
                else:
                    self.within((*loc, "expect", j, "by"), expectation.date)
            self.check_answers(loc, test)
            conditions = [((*loc, "expect", j, "that"), e.that) for j, e in enumerate(test.expect)]
            self.diagnostics += check_conditions(self.scenario, self.source, conditions)
        return self.diagnostics

    def within(self, loc: DataPath, date: str) -> bool:
        month = parse_date(date)
        if self.start <= month <= self.end:
            return True
        first, last = format_date(self.start, self.turn_months), format_date(self.end, self.turn_months)
        self.error(loc, "date-range", f"{date} is outside the campaign, which runs from {first} to {last}")
        return False

    def turn(self, loc: DataPath, date: str) -> None:
        if self.within(loc, date) and (parse_date(date) - self.start) % self.turn_months:
            before = parse_date(date) - (parse_date(date) - self.start) % self.turn_months
            self.error(
                loc,
                "date-range",
                f"{date} is not a turn of this campaign (a turn is {self.turn_months} months from "
                f"{format_date(self.start, self.turn_months)}); the turn that holds it is "
                f"{format_date(before, self.turn_months)}",
            )

    def check_answers(self, loc: DataPath, test: ScenarioTest) -> None:
        for event_id, choice in test.answers.items():
            where = (*loc, "answers", event_id)
            event = self.events.get(event_id)
            if event is None:
                hint = did_you_mean(event_id, self.events)
                self.error(where, "unknown-id", f"unknown event '{event_id}'{hint}", key=True)
                continue
            choices = [c.id for c in event.choices]
            if not choices:
                self.error(
                    where, "unknown-id", f"event '{event_id}' is news: it has no choices to answer", key=True
                )
            elif choice not in choices:
                self.error(
                    where,
                    "unknown-id",
                    f"event '{event_id}' has no choice '{choice}'; its choices are {', '.join(choices)}"
                    f"{did_you_mean(choice, choices)}",
                )
