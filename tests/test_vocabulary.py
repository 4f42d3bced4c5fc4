"""The expression vocabulary is one table: the format declares, the engine implements, all agree.

A function added in one place and not the other, an engine answer of the wrong kind, or an
engine value outside the range the linter assumes fails here.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.bots import make_strategy
from game.engine.compiled import compile_scenario
from game.engine.expressions import compile_expression
from game.engine.game import Game
from game.engine.state import AgencyState, GameState
from game.engine.vocabulary import IMPLEMENTATIONS, PLAYER_FIELDS, implements
from game.format.expressions import parse_expression
from game.format.feasibility import Facts
from game.format.loader import load_scenario
from game.format.models import Scenario
from game.format.reference import expression_reference
from game.format.vocabulary import ENTRIES, FUNCTIONS, REF_WORDS, VARIABLES, Entry
from tests.fuzz_settings import fuzz_settings

SCENARIO = Path(__file__).parent.parent / "scenarios" / "default-2021.yaml"


def test_every_declared_name_has_exactly_one_implementation_and_no_more() -> None:
    declared = [entry.name for entry in ENTRIES]
    assert len(declared) == len(set(declared)), "a name is declared twice"
    assert set(declared) == set(IMPLEMENTATIONS)
    assert set(VARIABLES) | set(FUNCTIONS) == set(declared) and not set(VARIABLES) & set(FUNCTIONS)


def test_a_second_implementation_of_a_name_is_refused() -> None:
    with pytest.raises(ValueError, match="implemented twice"):
        implements("year")(lambda: lambda s: 0)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_each_implementation_takes_the_declared_arguments(entry: Entry) -> None:
    parameters = inspect.signature(IMPLEMENTATIONS[entry.name]).parameters
    assert len(parameters) == len(entry.args)
    assert entry.function == bool(entry.args)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_each_entry_is_documented_and_can_be_described(entry: Entry) -> None:
    written = _call(entry, ['"' + kind + '"' for kind in entry.args])
    assert f"`{written}`" in expression_reference()
    described = entry.describe(*[f"<{kind}>" for kind in entry.args])
    assert all(f"<{kind}>" in described for kind in entry.args) and "{" not in described


def _call(entry: Entry, args: list[str]) -> str:
    """How the entry is written in an expression with these (quoted) arguments."""
    return f"{entry.name}({', '.join(args)})" if entry.function else entry.name


def _states() -> list[GameState]:
    """States along real campaigns of the default scenario, for two players and two strategies."""
    compiled = compile_scenario(load_scenario(SCENARIO).unwrap())
    states = []
    for agency, strategy in (("esa", "gateway"), ("isro", "greedy")):
        game = Game(compiled, agency, 2)
        bot = make_strategy(strategy, 2, compiled.scenario)
        while not game.over:
            bot.play_turn(game)
            if game.state.turn % 6 == 0:
                states.append(game.state.copy())
    for state in states[::2]:  # the scenario keeps no variables of its own: some as effects leave them
        state.variables["launch_failures"] = 2.0
        state.agency_variables[state.player] = {"trust": -3.5}
        state.agency_variables["nasa"] = {"trust": 1e9}
        state.agency_flags[state.player] = {"briefed"}
    return states


def _calls(entry: Entry, scenario: Scenario) -> list[tuple[str, ...]]:
    pools = {
        "agency": [a.id for a in scenario.agencies],
        "bloc": [b.id for b in scenario.blocs],
        "programme": [p.id for p in scenario.programmes],
        "milestone": [f"{p.id}.{m.id}" for p in scenario.programmes for m in p.milestones][:12],
        "contribution": [f"{p.id}.{c.id}" for p in scenario.programmes for c in p.contributions][:8],
        "capability": [c.id for c in scenario.capabilities],
        "national_mission": [m.id for m in scenario.missions],
        "flag": ["war_in_ukraine", "signed_accords", "never_set"],
        "agency_flag": ["briefed", "never_set"],
        "variable": ["launch_failures", "never_set"],
        "agency_variable": ["trust", "never_set"],
        "modifier": ["strike", "never_started"],
        "difficulty": ["easy", "normal", "hard"],
        "achievement": [a.id for a in scenario.race.achievements] if scenario.race else [],
        "project": [p.id for p in scenario.research][:8],
        "deal": [d.id for d in scenario.deals.offers] if scenario.deals else ["no_deal"],
    }
    if not entry.args:
        return [()]
    if len(entry.args) == 1:
        return [(value,) for value in pools[entry.args[0]]]
    first, second = entry.args
    return [(a, b) for a in pools[first][:4] for b in pools[second][:4]]


def test_the_engine_answers_the_declared_kind_within_the_linters_bounds() -> None:
    scenario = load_scenario(SCENARIO).unwrap()
    states = _states()
    assert len(states) >= 6
    for entry in ENTRIES:
        for args in _calls(entry, scenario):
            getter = IMPLEMENTATIONS[entry.name](*args)
            for state in states:
                value = getter(state)
                where = f"{entry.name}{args} on turn {state.turn} of {state.player}"
                if entry.result == "truth":
                    assert isinstance(value, bool), where
                else:
                    assert isinstance(value, int | float) and not isinstance(value, bool), where
                low, high = entry.bounds
                assert low <= value <= high, f"{where}: {value} outside {entry.bounds}"


def test_the_linters_narrow_ranges_lie_within_the_declared_bounds() -> None:
    facts = Facts(first=2021 * 12, last=2030 * 12 + 11, start=2021 * 12, turn_months=3, flags_set={"a"})
    facts.playable = {"esa"}
    for entry in ENTRIES:
        args = tuple("a" if kind == "flag" else "esa" for kind in entry.args)
        low, high = entry.span(facts, args)
        assert entry.bounds[0] <= low <= high <= entry.bounds[1], entry.name


def test_the_parser_gives_each_call_the_declared_kind() -> None:
    for entry in ENTRIES:
        assert parse_expression(_call(entry, ['"x"' for _ in entry.args])).kind == entry.result


def _name_lists(path: Path) -> list[tuple[int, list[str]]]:
    """Literal lists, tuples, sets and dicts in a module that hold two or more function names.

    (Variables share their names with the agency's figures, which effects list for their own use,
    and "flag" and "capability" are kinds of id too.)
    """
    names = set(FUNCTIONS) - set(REF_WORDS)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
        if not isinstance(node, ast.Dict | ast.List | ast.Tuple | ast.Set) or items is None:
            continue
        held = [i.value for i in items if isinstance(i, ast.Constant) and i.value in names]
        if len(held) >= 2:
            found.append((node.lineno, held))
    return found


def test_no_module_keeps_its_own_copy_of_the_vocabulary() -> None:
    package = Path(__file__).parent.parent / "game"
    homes = {package / "format" / "vocabulary.py", package / "engine" / "vocabulary.py"}
    copies = {
        str(path.relative_to(package.parent)): found
        for path in sorted(package.rglob("*.py"))
        if path not in homes and (found := _name_lists(path))
    }
    assert copies == {}, "read game/format/vocabulary.py instead of listing its names"


def test_the_copy_finder_finds_a_copy(tmp_path: Path) -> None:
    module = tmp_path / "copy.py"
    module.write_text('BOOLEAN = frozenset({"flag", "member", "flown"})\n')
    assert _name_lists(module) == [(1, ["member", "flown"])]


# ---------------------------------------------------------------- fast paths held to slow ones


#: Each figure's declared type's name ("int", "float"): the annotation's text, or where the
#: engine is compiled, the type itself.
_DECLARED = {f.name: getattr(f.type, "__name__", f.type) for f in dataclasses.fields(AgencyState)}


@fuzz_settings(60)
@given(
    figure=st.sampled_from(sorted(PLAYER_FIELDS - {"crewed_orbit", "crewed_surface"})),
    value=st.integers(-(10**6), 10**6) | st.floats(-1e6, 1e6),
    divisor=st.integers(1, 1000) | st.floats(0.5, 1000),
)
def test_the_fast_division_of_a_player_figure_is_the_plain_one(
    figure: str, value: float, divisor: float
) -> None:
    """`science / 16` reads the field directly; it must equal the variable divided."""
    state = _mini_state()
    if _DECLARED[figure] == "int":
        value = int(value)  # a whole-number figure holds whole numbers (compiled, the engine refuses others)
    setattr(state.agencies[state.player], figure, value)
    fast = compile_expression(f"{figure} / {divisor!r}")
    assert fast(state) == IMPLEMENTATIONS[figure]()(state) / divisor


@fuzz_settings(60)
@given(order=st.permutations(range(4)), pick=st.integers(0, 3), status=st.sampled_from(["pending", "flown"]))
def test_the_inline_milestone_lookup_finds_what_a_search_finds(
    order: list[int], pick: int, status: str
) -> None:
    """flown/failed/slipped keep a hint of where the milestone is; a reordered list must not fool it."""
    state = _mini_state()
    programme = next(p for p in state.programmes.values() if len(p.milestones) >= 2)
    milestones = programme.milestones
    for index in order[: len(milestones)]:  # the hint is set, then the list changes under it
        ref = f"{programme.id}.{milestones[index % len(milestones)].id}"
        getters = {name: IMPLEMENTATIONS[name](ref) for name in ("flown", "failed", "slipped")}
        for getter in getters.values():
            getter(state)
        milestones.reverse()
        target = next(m for m in milestones if m.id == ref.split(".", 1)[1])
        target.status, target.failures = status, pick  # type: ignore[assignment]
        assert getters["flown"](state) == (target.status == "flown")
        assert getters["failed"](state) == (target.failures > 0)
        assert getters["slipped"](state) == target.slipped_turns_months


def _mini_state() -> GameState:
    from tests.helpers import MINI_TEXT, compiled_from

    return Game(compiled_from(MINI_TEXT), "esa", 1).state
