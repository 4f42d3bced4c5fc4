"""Fuzzing the scenario loader with damaged copies of the shipped files.

The only outcomes allowed: errors that each carry a file, a line and a column, or a valid
scenario, which must then hold only finite numbers, compile and play a few turns of random
legal actions. No diagnostic carries a control character (a forged line, a terminal escape).
"""

from __future__ import annotations

import math
import random
import warnings
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine.actions import END_TURN
from game.engine.compiled import compile_scenario
from game.engine.game import Game
from game.engine.scoring import breakdown
from game.format.loader import load_scenario, load_scenario_bytes
from game.paths import shipped_scenarios_dir
from game.printable import printable
from tests.fuzz_settings import fuzz_settings
from tests.mutations import EXPRESSIONS, mutated, quoted
from tests.plain_words import raw_parts
from tests.saves_support import MINI

#: the scenario that uses every feature of the language (tests/test_all_features.py) is damaged too
ALL_FEATURES = Path(__file__).parent / "scenarios" / "all_features.yaml"
#: the mini scenario with events hooked on every kind of happening (on:, $agency, happening_*())
HOOKED = MINI.parent / "hooked.yaml"
SOURCES = [MINI, ALL_FEATURES, HOOKED, *sorted(shipped_scenarios_dir().glob("*.yaml"))]
SMALL_FILE = 10_000  # bytes parsed (bases of 'extends' included): above this ~0.3 s each, fewer examples


def play_a_little(game: Game, seed: int, turns: int) -> None:
    """Random legal actions for a few turns: a valid scenario must be playable."""
    chooser = random.Random(seed)
    for _ in range(turns):
        if game.over:
            return
        for _ in range(chooser.randint(0, 3)):
            allowed = [option.action for option in game.options() if option.allowed]
            if allowed:
                assert game.act(chooser.choice(allowed)).ok
        while game.state.pending:
            answers = [o.action for o in game.options() if o.allowed and o.action.kind == "answer"]
            assert game.act(answers[0]).ok
        assert game.act(END_TURN).ok


def all_finite(value: object) -> bool:
    """Whether every number in ``value`` (a model's dump: dicts, lists, scalars) is finite."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, float) and not math.isfinite(item):
            return False
    return True


def check_outcome(path: Path, data: bytes) -> bool:
    """Whether ``data`` loads as a valid scenario (then played a little) or gives located errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a stray Python warning would be noise around `validate`'s output
        result = load_scenario_bytes(str(path), data)
    for diagnostic in result.diagnostics:  # one line each, and nothing a terminal would obey
        assert printable(str(diagnostic)) == str(diagnostic)
        assert not raw_parts(diagnostic.message), (str(diagnostic), raw_parts(diagnostic.message))
    if result.errors:
        for diagnostic in result.errors:
            assert diagnostic.line >= 1 and diagnostic.column >= 1 and diagnostic.path and diagnostic.message
            assert str(diagnostic).startswith(
                f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: error: "
            )
        return False
    assert result.scenario is not None
    assert all_finite(result.scenario.model_dump()), "a scenario that validates holds only finite numbers"
    compiled = compile_scenario(result.scenario)
    for agency in compiled.playable()[:2]:
        game = Game(compiled, agency, seed=len(data))
        play_a_little(game, len(data), turns=6)
        total = game.score()  # whatever the scales compute, one finite answer that the breakdown shares
        assert math.isfinite(total) and total == round(
            sum(row.points for row in breakdown(game.state, compiled)), 1
        )
    for level in result.scenario.difficulty_levels():  # every level compiles, and plays
        if level.id != compiled.difficulty:
            game = Game(compile_scenario(result.scenario, level.id), compiled.playable()[0], seed=len(data))
            play_a_little(game, len(data), turns=3)
            assert math.isfinite(game.score())
    return True


@pytest.mark.parametrize("source", SOURCES, ids=[path.name for path in SOURCES])
def test_a_damaged_scenario_is_valid_or_a_located_error(source: Path) -> None:
    original = source.read_bytes()
    parsed = len(original) + sum(Path(base).stat().st_size for base in load_scenario(source).bases)
    examples = 150 if parsed < SMALL_FILE else 4
    outcomes: Counter[bool] = Counter()

    @fuzz_settings(examples)
    @given(data=mutated(original, "yaml"))
    def fuzz(data: bytes) -> None:
        outcomes[check_outcome(source, data)] += 1

    fuzz()
    print(f"\nfuzz {source.name}: {sum(outcomes.values())} cases, {outcomes[True]} valid and played")
    if source == MINI:  # the mutations reach both outcomes, or the fuzzer would prove little
        assert outcomes[True] and outcomes[False]


#: a graded objective (a progress toward a target, a credit curve, an early bonus) in the mini scenario
GRADED = "progress: flights\n    target: 2\n    credit: [[0, 0], [0.5, 0.3], [1, 1]]\n    early: 2\n"
MINI_GRADED = MINI.read_text().replace("    points: 30\n", "    points: 30\n    " + GRADED, 1)


@pytest.mark.parametrize(
    ("source", "key"),
    [
        (MINI, "when: crewed_orbit"),
        (MINI, "scale: science / 2"),
        (ALL_FEATURES, 'weight: 2 + relation("nasa") / 25'),
        (ALL_FEATURES, "add: 1"),
        (MINI, "progress: flights"),
    ],
    ids=["condition", "scale", "weight", "variable", "progress"],
)
def test_every_hostile_expression_is_a_located_error_or_plays(source: Path, key: str) -> None:
    """Each of the fuzzer's expressions, in a condition, a scale, a weight, a variable's value and a
    graded objective's progress: never a traceback."""
    original = MINI_GRADED if key.startswith("progress") else source.read_text()
    assert key in original
    played = 0
    for expression in EXPRESSIONS:
        data = original.replace(key, key.split(":")[0] + ": " + quoted(expression).decode(), 1)
        played += check_outcome(source, data.encode())
    assert played  # some are valid (NaN and overflowing numbers): they play and score


NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-5, 5),
    st.sampled_from([0, 0.5, 1, 1.0000001, -0.0, 1e400]),
)


@fuzz_settings(60)
@given(
    credit=st.lists(st.lists(NUMBERS, min_size=0, max_size=3), min_size=0, max_size=5),
    target=NUMBERS,
    early=NUMBERS,
)
def test_any_credit_curve_target_and_early_bonus_is_a_located_error_or_plays(
    credit: list[list[float]], target: float, early: float
) -> None:
    """Graded objectives with whatever numbers: unsorted, outside 0..1, non-finite, the wrong
    shape: a located error, or a campaign whose score is finite and agrees with its breakdown."""

    def yaml_number(value: float) -> str:
        return repr(value).replace("inf", ".inf").replace("nan", ".nan")

    curve = "[" + ", ".join("[" + ", ".join(map(yaml_number, point)) + "]" for point in credit) + "]"
    graded = (
        f"    points: 30\n    progress: flights\n    target: {yaml_number(target)}\n"
        f"    credit: {curve}\n    early: {yaml_number(early)}\n"
    )
    check_outcome(MINI, MINI.read_text().replace("    points: 30\n", graded, 1).encode())


FLIGHTS = (
    "flights:\n  reliability: {{mission: {base}, instrument: {base}}}\n  window_turns: {window}\n"
    "  per_level: {per_level}\n  cap: {cap}\n  diminishing: {diminishing}\n"
    "  preparations:\n"
    "    - {{id: tests, name: Tests, cost: {cost}, turns: {turns}, gain: {gain}, most: {most}}}\n"
    "  hold_cost: {cost}\n  hold_most: {most}\n  partial_share: {partial}\n  partial_reward: {partial}\n"
    "  rebuild_share: {rebuild}\n"
)


#: A flights section that validates; the fuzzer replaces one to three of its numbers.
VALID_FLIGHTS = {
    "base": 0.6, "window": 1, "per_level": 0.05, "cap": 0.9, "diminishing": 0.5, "cost": 5, "turns": 1,
    "gain": 0.1, "most": 2, "partial": 0.5, "rebuild": 0.5,
}  # fmt: skip


@fuzz_settings(40)
@given(changes=st.dictionaries(st.sampled_from(sorted(VALID_FLIGHTS)), NUMBERS, max_size=3))
def test_any_flights_numbers_are_a_located_error_or_play(changes: dict[str, float]) -> None:
    """A flights section with whatever numbers (out of range, non-finite, negative): a located
    error, or a campaign where the cubesat and the drill fly and every figure stays finite."""

    def number(value: float) -> str:
        return repr(value).replace("inf", ".inf").replace("nan", ".nan")

    values = {name: number(value) for name, value in {**VALID_FLIGHTS, **changes}.items()}
    text = MINI.read_text().replace(
        "        name: Drill\n", "        name: Drill\n        kind: instrument\n", 1
    )
    check_outcome(MINI, (text + FLIGHTS.format(**values)).encode())


@fuzz_settings(60)
@given(
    budget=NUMBERS,
    money=NUMBERS,
    risk=NUMBERS,
    scale=NUMBERS,
    shift=NUMBERS,
    event=st.sampled_from(["crisis", "aftermath", "nothing"]),
)
def test_any_difficulty_level_is_a_located_error_or_plays(
    budget: float, money: float, risk: float, scale: float, shift: float, event: str
) -> None:
    """A level with whatever numbers, scaling whatever event: a located error, or a campaign at
    that level that plays and scores."""

    def yaml_number(value: float) -> str:
        return repr(value).replace("inf", ".inf").replace("nan", ".nan")

    level = (
        "difficulties:\n  - {id: normal, label: Normal}\n"
        f"  - id: odd\n    label: Odd\n    budget: {yaml_number(budget)}\n    money: {yaml_number(money)}\n"
        f"    risk: {yaml_number(risk)}\n    events: {{{event}: {yaml_number(scale)}}}\n"
        f"    computer: {{boldness: {yaml_number(shift)}, reliability: {yaml_number(-shift)}}}\n"
    )
    check_outcome(MINI, (MINI.read_text() + level).encode())


@fuzz_settings(30)
@given(score=NUMBERS, playable=st.booleans())
def test_any_agency_victory_score_is_a_located_error_or_plays(score: float, playable: bool) -> None:
    """An agency's own score to win, whatever the number and whether it is playable: a located
    error, or a campaign that plays and scores."""
    number = repr(score).replace("inf", ".inf").replace("nan", ".nan")
    text = MINI.read_text().replace(
        "    playable: true\n    budget: 250\n",
        f"    playable: {str(playable).lower()}\n    budget: 250\n    victory_score: {number}\n",
        1,
    )
    check_outcome(MINI, text.encode())


RESEARCH = (
    "research:\n"
    "  - {{id: arm, name: Arm, area: robotics, cost: {cost}, turns: {turns},"
    " unlocks: {{levels: {{robotics: {level}}}, reliability: {{mission: {gain}}}}}}}\n"
    "  - {{id: hab, name: Hab, area: habitation, cost: {cost}, turns: {turns}, requires: [arm],"
    " unlocks: {{levels: {{habitation: {level}}}, missions: [cubesat], contributions: [gateway.hab]}}}}\n"
)

#: A research section that validates (and its rules); the fuzzer replaces one to three of its numbers.
VALID_RESEARCH = {
    "cost": 30, "turns": 2, "level": 3, "gain": 0.1, "parallel": 2, "refund": 0.5, "cap": 0.9,
}  # fmt: skip


DEALS = (
    "deals:\n  offers:\n"
    "    - id: pact\n      agency: nasa\n      title: Pact\n      accord_name: the pact\n"
    "      when: {when}\n      chance: {chance}\n"
    "      deadline: {deadline}\n      duration: {duration}\n      repeat: true\n      cooldown: {deadline}\n"
    "      gives: [{{data: {data}}}, {{rocket: {money}}}, {{loan: robotics}}, {{seat: gateway}},\n"
    "              {{accord: pact}}]\n"
    "      asks: [{{money: {money}}}, {{stance: west}}, {{contribution: gateway.arm}}]\n"
    "      on_refuse: [{{money: {effect}}}]\n      on_break: [{{support: {effect}}}]\n"
    "  terms:\n    - agency: nasa\n      goodwill: {goodwill}\n"
    "      values: [{{item: money, value: {worth}, cost: {worth}}}, {{item: data, cost: {worth}}}]\n"
)

#: A deals section that validates; the fuzzer replaces one to three of its numbers and expressions.
VALID_DEALS = {
    "when": "true", "chance": 1, "deadline": 2, "duration": 3, "data": 2, "money": 20, "effect": -3,
    "goodwill": "relation('nasa') / 4", "worth": 1,
}  # fmt: skip


@fuzz_settings(40)
@given(
    changes=st.dictionaries(st.sampled_from(sorted(VALID_RESEARCH)), NUMBERS, max_size=3),
    done=st.lists(st.sampled_from(["arm", "hab", "nope", "Bad-Id"]), max_size=3),
)
def test_any_research_numbers_are_a_located_error_or_play(changes: dict[str, float], done: list[str]) -> None:
    """A research tree (and its rules) with whatever numbers, and whatever projects the player's agency
    has done before the campaign (its 'research'): a located error, or a campaign in which projects
    can be started, paid, finished and cancelled with every figure finite."""

    def number(value: float) -> str:
        return repr(value).replace("inf", ".inf").replace("nan", ".nan")

    values = {name: number(value) for name, value in {**VALID_RESEARCH, **changes}.items()}
    rules = (
        f"  research_parallel: {values['parallel']}\n  research_refund: {values['refund']}\n"
        f"  research_reliability_cap: {values['cap']}\n"
    )
    text = MINI.read_text().replace("  slip_chance: 0\n", "  slip_chance: 0\n" + rules, 1)
    if done:
        listed = f"    research: [{', '.join(done)}]\n"
        text = text.replace("    astronauts: 3\n", "    astronauts: 3\n" + listed, 1)
    check_outcome(MINI, (text + RESEARCH.format(**values)).encode())


@fuzz_settings(40)
@given(
    changes=st.dictionaries(
        st.sampled_from(sorted(VALID_DEALS)),
        st.one_of(NUMBERS, st.sampled_from(EXPRESSIONS)),
        max_size=3,
    )
)
def test_any_deals_numbers_and_expressions_are_a_located_error_or_play(changes: dict[str, object]) -> None:
    """A deals section with whatever numbers and expressions (a condition, goodwill, an item's worth):
    a located error, or a campaign where the offers come, are answered at random, and stay finite."""

    def value(item: object) -> str:
        if isinstance(item, str):
            return quoted(item).decode()
        return repr(item).replace("inf", ".inf").replace("nan", ".nan")

    values = {name: value(item) for name, item in {**VALID_DEALS, **changes}.items()}
    text = MINI.read_text().replace(
        "leads: [nasa]\n    health: 80", "leads: [nasa]\n    members: [esa]\n    health: 80"
    )
    check_outcome(MINI, (text + DEALS.format(**values)).encode())
