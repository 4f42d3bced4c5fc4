"""Run scenario test files headless: play each test's campaign and check what must hold.

A test plays turn by turn. As each turn opens, the ``at`` expectations of that date are
checked, and every ``by`` expectation not yet met is tried; then the test's answers are
given to the events that ask, its actions for that turn are taken (a refused one is a
failure, with the game's reason), and the strategy (if any) plays the rest of the turn,
answering the events still open and ending the turn. The campaign is played only as far as
the last date the test names, or to its end when the test expects an outcome.

Every failure is a :class:`Diagnostic` at the line and column of what failed, with the
values the campaign had (each side of a comparison, each part of an ``and``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.bots.base import Strategy
from game.bots.strategies import make_strategy, strategy_names
from game.campaign import Campaign
from game.engine.actions import END_TURN, Action
from game.engine.actions.kinds.answer import Answer
from game.engine.actions.registry import kinds, known
from game.engine.expressions import compile_expression
from game.engine.state import GameState
from game.format.checks import did_you_mean
from game.format.dates import format_date, parse_date
from game.format.diagnostics import Diagnostic
from game.format.expressions import parse_expression
from game.format.models import Scenario
from game.format.scenario_tests import LoadedTests, ScenarioTest, ScriptedAction, load_tests
from game.format.yaml_source import DataPath

MAX_SHOWN_VALUES = 6  # values quoted in one failure: enough to see why, short enough to read


class ScenarioTestResult(BaseModel):
    """One test of a file: passed, or every way it failed."""

    name: str
    line: int
    ok: bool
    failures: list[Diagnostic]


class ScenarioTestFileReport(BaseModel):
    """One test file: the errors that stop it from running, or its tests' results."""

    path: str
    scenario: str | None
    ok: bool
    errors: list[Diagnostic]
    tests: list[ScenarioTestResult]


class ScenarioTestRun(BaseModel):
    """The document ``cislunar test --format json`` prints."""

    ok: bool
    passed: int
    failed: int
    files: list[ScenarioTestFileReport]


def run_test_files(
    paths: Sequence[Path], search_dirs: Sequence[Path] | None = None, difficulty: str | None = None
) -> ScenarioTestRun:
    """Run every test of every file (at ``difficulty``, None: each scenario's default level); the
    same files always give the same report."""
    files = [run_test_file(path, search_dirs, difficulty) for path in paths]
    results = [test for file in files for test in file.tests]
    passed = sum(test.ok for test in results)
    return ScenarioTestRun(
        ok=all(file.ok for file in files),
        passed=passed,
        failed=len(results) - passed,
        files=files,
    )


def check_test_file(
    path: str | Path, search_dirs: Sequence[Path] | None = None
) -> tuple[LoadedTests, list[Diagnostic]]:
    """A test file read and checked against its scenario, the game's actions and the bots' strategies
    (every error that would stop it), without playing it."""
    loaded = load_tests(path, search_dirs)
    return loaded, loaded.diagnostics + _engine_checks(loaded)


def run_test_file(
    path: Path, search_dirs: Sequence[Path] | None = None, difficulty: str | None = None
) -> ScenarioTestFileReport:
    loaded, errors = check_test_file(path, search_dirs)
    scenario_path = loaded.scenario.path if loaded.scenario else None
    if errors or loaded.tests is None or loaded.scenario is None or loaded.scenario.scenario is None:
        return ScenarioTestFileReport(
            path=loaded.path, scenario=scenario_path, ok=False, errors=errors, tests=[]
        )
    campaign = Campaign.of(loaded.scenario.scenario, loaded.scenario.path)
    refused = campaign.difficulty_refusal(difficulty)
    if refused:  # --difficulty names a level this file's scenario does not have: its tests cannot run
        where = loaded.at(("scenario",)) if loaded.tests.scenario is not None else loaded.at(())
        error = Diagnostic.at(where, "unknown-difficulty", refused)
        return ScenarioTestFileReport(
            path=loaded.path, scenario=scenario_path, ok=False, errors=[error], tests=[]
        )
    results = [
        _Run(loaded, campaign, index, test, difficulty).play()
        for index, test in enumerate(loaded.tests.tests)
    ]
    return ScenarioTestFileReport(
        path=loaded.path,
        scenario=scenario_path,
        ok=all(result.ok for result in results),
        errors=[],
        tests=results,
    )


def _engine_checks(loaded: LoadedTests) -> list[Diagnostic]:
    """The names only the engine and the bots know: action kinds and strategies."""
    if loaded.tests is None or loaded.scenario is None or loaded.scenario.scenario is None:
        return []
    strategies = strategy_names(loaded.scenario.scenario)
    found = []
    for i, test in enumerate(loaded.tests.tests):
        if test.strategy is not None and test.strategy not in strategies:
            found.append(
                Diagnostic.at(
                    loaded.at(("tests", i, "strategy")),
                    "unknown-strategy",
                    f"unknown strategy '{test.strategy}'; choose from {', '.join(strategies)}"
                    f"{did_you_mean(test.strategy, strategies)}",
                )
            )
        for j, scripted in enumerate(test.actions):
            where = loaded.at(("tests", i, "actions", j, "action"))
            if not known(scripted.action):
                names = [kind for kind in kinds() if kind not in TAKEN_BY_THE_TEST]
                message = f"unknown action '{scripted.action}'; the actions are {', '.join(names)}"
                found.append(
                    Diagnostic.at(where, "unknown-action", message + did_you_mean(scripted.action, names))
                )
            elif Action(scripted.action) == END_TURN:
                message = "a turn ends by itself after the test's actions (and the strategy's): leave it out"
                found.append(Diagnostic.at(where, "unknown-action", message))
            elif scripted.action == ANSWER:
                found.append(Diagnostic.at(where, "unknown-action", answer_advice(scripted)))
    return found


ANSWER = Answer.kind
#: Action kinds a test does not script: the turn ends by itself, and events are answered by 'answers:'.
TAKEN_BY_THE_TEST = {END_TURN.kind, ANSWER}


def answer_advice(scripted: ScriptedAction) -> str:
    """How a test answers an event, for an author who wrote it as an action."""
    event = scripted.target if is_id(scripted.target) else "EVENT"
    choice = scripted.option if is_id(scripted.option) else "CHOICE"
    return (
        "events are not answered by an action: give the test 'answers:', each event's id with the "
        f"id of its choice, e.g. 'answers: {{{event}: {choice}}}'; the test answers that event so "
        "whenever it asks (and a strategy, if any, answers the others)"
    )


def is_id(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z][a-z0-9_]{0,39}", text))


def make_test_strategy(name: str | None, seed: int, scenario: Scenario) -> Strategy:
    """The strategy a test names; with none, one that only answers the events left open."""
    return Strategy(seed) if name is None else make_strategy(name, seed, scenario)


class _Run:
    """One test's campaign, played turn by turn with its checks."""

    def __init__(
        self, loaded: LoadedTests, campaign: Campaign, index: int, test: ScenarioTest, difficulty: str | None
    ) -> None:
        self.loaded = loaded
        self.loc: DataPath = ("tests", index)
        self.test = test
        self.compiled = compiled = campaign.at(difficulty)
        self.game = campaign.start(test.agency or campaign.playable()[0], test.seed, difficulty)
        self.strategy = make_test_strategy(test.strategy, test.seed, compiled.scenario)
        self.failures: list[Diagnostic] = []
        self.checks = [_Check(expectation.that) for expectation in test.expect]
        self.unmet = {j for j, e in enumerate(test.expect) if e.by is not None}
        dates = [parse_date(e.date) for e in test.expect] + [parse_date(a.turn) for a in test.actions]
        self.last = compiled.end if test.outcome or not dates else max(dates)

    def play(self) -> ScenarioTestResult:
        game = self.game
        while not game.over and game.state.month <= self.last:
            self.check_turn()
            self.answer()
            self.take_actions()
            self.strategy.play_turn(game)
        self.finish()
        return ScenarioTestResult(
            name=self.test.name,
            line=self.loaded.at(self.loc).line,
            ok=not self.failures,
            failures=self.failures,
        )

    def fail(self, loc: DataPath, code: str, message: str) -> None:
        self.failures.append(Diagnostic.at(self.loaded.at((*self.loc, *loc)), code, message))

    def fail_expression(self, index: int, message: str) -> None:
        """A failure pointed at the expression's first character (inside its quotes)."""
        assert self.loaded.source is not None
        where = self.loaded.source.text((*self.loc, "expect", index, "that"), 0)
        self.failures.append(Diagnostic.at(where, "failed", message))

    @property
    def date(self) -> str:
        return format_date(self.game.state.month, self.compiled.turn_months)

    def check_turn(self) -> None:
        month = self.game.state.month
        for j, expectation in enumerate(self.test.expect):
            check = self.checks[j]
            if expectation.at is not None and parse_date(expectation.at) == month:
                if not check.holds(self.game.state):
                    self.fail_expression(
                        j, f"at {expectation.at}: {check.text} does not hold{check.explain(self.game.state)}"
                    )
            elif j in self.unmet and month <= parse_date(expectation.date):
                if check.holds(self.game.state):
                    self.unmet.discard(j)
                else:  # what it saw, in case no later turn does better
                    check.last_seen = f"; as {self.date} opened{check.explain(self.game.state)}"

    def answer(self) -> None:
        """Answer the events that ask, as the test says; the strategy answers the others."""
        for pending in list(self.game.state.pending):
            choice = self.test.answers.get(pending.event)
            if choice is not None:
                self.game.act(Action("answer", str(pending.uid), choice))

    def take_actions(self) -> None:
        month = self.game.state.month
        todo = [(j, a) for j, a in enumerate(self.test.actions) if parse_date(a.turn) == month]
        if not todo:
            return
        self.strategy.answer_events(self.game)  # an open question blocks every other action
        for j, scripted in todo:
            outcome = self.game.act(Action(scripted.action, scripted.target, scripted.option))  # type: ignore[arg-type]
            if not outcome.ok:
                shown = " ".join(p for p in (scripted.action, scripted.target, scripted.option) if p)
                self.fail(
                    ("actions", j, "action"),
                    "refused",
                    f"{scripted.turn}: '{shown}' was refused: {outcome.reason}",
                )

    def finish(self) -> None:
        state = self.game.state
        ended = f"the campaign ended ({state.outcome}) before {{}}; its last turn was {self._last_turn()}"
        for j, expectation in enumerate(self.test.expect):
            check = self.checks[j]
            if expectation.at is not None and parse_date(expectation.at) >= state.month and self.game.over:
                self.fail(("expect", j, "at"), "failed", ended.format(expectation.at))
            elif j in self.unmet:
                self.fail_expression(
                    j, f"by {expectation.by}: {check.text} did not hold on any turn{check.last_seen}"
                )
        for j, scripted in enumerate(self.test.actions):
            if self.game.over and parse_date(scripted.turn) >= state.month:
                self.fail(("actions", j, "turn"), "failed", ended.format(scripted.turn))
        if self.test.outcome and state.outcome != self.test.outcome:
            got = f"it was {state.outcome} ({state.outcome_reason})" if state.over else "it did not end"
            self.fail(("outcome",), "failed", f"the campaign was to end {self.test.outcome}; {got}")

    def _last_turn(self) -> str:
        return format_date(self.game.state.month - self.compiled.turn_months, self.compiled.turn_months)


class _Check:
    """An expectation's expression, compiled once, and how to show what it saw."""

    def __init__(self, text: str) -> None:
        self.text = text.strip()
        self.holds: Callable[[GameState], Any] = compile_expression(self.text)
        self.parts = [(part, compile_expression(part)) for part in _parts(self.text)]
        self.last_seen = ""  # the values of the last turn it was tried on and did not hold

    def explain(self, state: GameState) -> str:
        """': a = 1, b = false': the value of each part of the expression on ``state``."""
        shown = [f"{part} = {_show(getter(state))}" for part, getter in self.parts[:MAX_SHOWN_VALUES]]
        return f": {', '.join(shown)}" if shown else ""


def _parts(text: str) -> list[str]:
    """The source of every part worth showing: the sides of comparisons, calls and names.

    Constants are left out (their value is in the text); an ``and``, ``or`` or ``not`` is
    opened up, so each condition it joins is shown on its own.
    """
    tree = parse_expression(text).tree
    found: list[str] = []

    def visit(node: ast.expr) -> None:
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                visit(value)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            visit(node.operand)
        elif isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                if not _constant(side):
                    found.append(ast.get_source_segment(text, side) or "")
        elif not _constant(node):
            found.append(ast.get_source_segment(text, node) or "")

    visit(tree)
    return list(dict.fromkeys(part for part in found if part))


def _constant(node: ast.expr) -> bool:
    """Whether the part reads nothing of the campaign (``-30``, ``true``): its text says it all."""
    return not any(
        isinstance(part, ast.Call) or (isinstance(part, ast.Name) and part.id not in _LITERALS)
        for part in ast.walk(node)
    )


_LITERALS = frozenset({"true", "false", "True", "False"})


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)
