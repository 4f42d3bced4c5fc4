"""Expression mistakes get a located message in the author's words, never Python's.

Each case is a mistake an author makes (a slip from another language, a number where a
condition goes, a huge number), written into the mini scenario: the error must sit at the
mistake's line and column and say what was probably meant.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from game.engine.compiled import compile_scenario
from game.engine.game import Game
from game.engine.scoring import breakdown, scale_value, score
from game.format.expressions import ExpressionError, parse_expression
from game.format.loader import load_scenario_bytes
from tests.helpers import MINI_TEXT

WHEN = "when: crewed_orbit"


def _problems(expression: str, where: str = WHEN) -> list[tuple[int, int, str]]:
    text = MINI_TEXT.replace(where, f"{where.split(':')[0]}: '{expression}'", 1)
    assert text != MINI_TEXT
    result = load_scenario_bytes("s.yaml", text.encode())
    return [(d.line, d.column, d.message) for d in result.errors]


def _column_of(expression: str, where: str = WHEN) -> tuple[int, int]:
    """The line and 1-based column where the expression starts in the file."""
    for number, line in enumerate(MINI_TEXT.splitlines(), 1):
        if where in line:
            return number, line.index(where) + len(where.split(":")[0]) + 4  # 1-based, after ": '"
    raise AssertionError(where)


@pytest.mark.parametrize(
    ("expression", "mistake", "expected"),
    [
        ("year => 2025", "=>", "did you mean '>='?"),
        ("year =< 2025", "=<", "did you mean '<='?"),
        ('flag("a") && flag("b")', "&&", "write 'and'"),
        ('flag("a") || flag("b")', "||", "write 'or'"),
        ("year = 2025", "=", "did you mean '=='?"),
        ('!flag("a")', "!", "write 'not'"),
        ("support > 40 and", "and", "'and' needs something after it"),
        ("support >", ">", "'>' needs something after it"),
        ("support + 3 -", "-", "'-' needs something after it"),
        ('flag("a=>b") and year = 2025', "=", "did you mean '=='?"),  # nothing inside an id counts
        ("x := 3", ":=", "did you mean '=='?"),
        ("year <> 2025", "<>", "write '!='"),
    ],
)
def test_a_syntax_slip_says_what_was_meant_where_it_is(expression: str, mistake: str, expected: str) -> None:
    ((line, column, message),) = _problems(expression)
    start_line, start = _column_of(expression)
    assert line == start_line
    at = expression.rindex(mistake) if mistake == "=" else expression.index(mistake)
    assert column == start + at, message
    assert expected in message and message.startswith("syntax error: ")


@pytest.mark.parametrize(
    ("expression", "part", "expected"),
    [
        (
            "money - 10",
            "money - 10",
            "a condition (true or false) is needed here, but `money - 10` is a number",
        ),
        ("support", "support", "compare it, like `support > 0`"),
        ('member("gateway") and health("gateway")', 'health("gateway")', "'and' joins conditions"),
        ("not money", "money", "'not' needs a condition"),
        ('flag("a") + 1 > 0', 'flag("a")', "'+' needs numbers, but `flag(\"a\")` is a condition"),
        ("crewed_orbit < 3", "crewed_orbit", "'<' compares numbers"),
        ("support == crewed_orbit", "crewed_orbit", "'==' compares two numbers or two conditions"),
        (
            "relation(nasa) > 3",
            "nasa",
            'relation() takes an agency id in double quotes, like relation("nasa")',
        ),
        ("relation(year) > 3", "year", "not `year`"),
        ('member("gateway", "esa")', "member", 'member() takes one id in double quotes: member("gateway")'),
        ('member(id="gateway")', "id", 'write the ids in order, without names: member("gateway")'),
        ("member > 1", "member", 'member is a function: write member("gateway")'),
        ("year() > 1", "year", "year is a variable, not a function"),
        ("suport > 40", "suport", "did you mean 'support'?"),
        ('esa.member("gateway")', "esa", "a dotted name is not allowed here"),
        ("gateway.artemis > 0", "gateway", 'flown("gateway.artemis_iii")'),
        ("year ** 2 > 4", "year", "'**' is not an operator of the language"),
        ('flag("a") & flag("b")', 'flag("a")', "write and"),
        ("year in (2025, 2026)", "year", "'in' is not part of the language"),
        ("() or true", "()", "empty parentheses hold nothing"),
        ("(turn := 3) > 1", "turn", "':=' is not part of the language"),
        ("None", "None", "`None` is not a value of the language"),
        ("year < 2" + "0" * 308, "2", "is too large: numbers in expressions are at most 1,000,000,000"),
        ("support < 1e999", "1e999", "is too large"),
        ("support < 1e999 - 1e999", "1e999", "is too large"),
    ],
)
def test_a_part_of_the_wrong_kind_is_a_located_error(expression: str, part: str, expected: str) -> None:
    ((line, column, message),) = _problems(expression)
    start_line, start = _column_of(expression)
    assert (line, column) == (start_line, start + expression.index(part)), message
    assert expected in message, message
    for internal in ("Attribute", "BinOp", "Name", "Constant", "Call", "ast.", "Perhaps"):
        assert internal not in message


@pytest.mark.parametrize(
    ("expression", "second", "expected"),
    [
        ("year > 2 > 1", "> 1", "like `year > 2 and 2 > 1`"),
        ("2025 <= year > 2020", "> 2020", "like `2025 <= year and year > 2020`"),
        ("1 < 2 < year", "< year", "like `1 < 2 and 2 < year`"),
        ('health("gateway") < 40 == flag("a")', "==", 'like `health("gateway") < 40 and 40 == flag("a")`'),
    ],
)
def test_two_comparisons_in_a_row_say_to_join_them_with_and(
    expression: str, second: str, expected: str
) -> None:
    """Python reads a chain as 'and'; the language does not: it was accepted and evaluated silently."""
    ((line, column, message),) = _problems(expression)
    start_line, start = _column_of(expression)
    assert (line, column) == (start_line, start + expression.index(second)), message  # the second operator
    assert message.startswith("two comparisons in a row are not part of the language: join them with 'and'")
    assert expected in message


@pytest.mark.parametrize(
    "expression", ["2025 <= year < 2030", "70 > support >= -5", '0 < relation("nasa") <= 50']
)
def test_a_range_between_two_numbers_still_reads_in_a_row(expression: str) -> None:
    """The documented form (docs/expressions.md) keeps loading."""
    assert _problems(expression) == []
    assert parse_expression(expression).kind == "truth"


def test_a_scale_needs_a_number_and_a_condition_needs_a_truth_value() -> None:
    ((_, _, message),) = _problems("crewed_orbit", where="scale: science / 2")
    assert message.startswith("a number is needed here, but `crewed_orbit` is a condition")


def test_an_id_of_the_wrong_kind_says_which_kind_the_function_takes() -> None:
    ((_, _, message),) = _problems('member("nasa")')
    assert message == "member() takes a programme id, but 'nasa' is an agency id"


def test_a_bloc_is_one_of_the_scenarios_blocs() -> None:
    """``bloc("west")`` reads the player's bloc; another id is refused where it stands."""
    assert _problems('bloc("west")') == []
    line, column = _column_of('bloc("nowhere")')
    assert _problems('bloc("nowhere")') == [(line, column + 5, "unknown bloc 'nowhere'")]
    ((_, _, message),) = _problems('bloc("nasa")')
    assert message == "bloc() takes a bloc id (the scenario's 'blocs'), but 'nasa' is an agency id"


def test_every_shipped_scenario_still_loads_without_a_new_problem() -> None:
    from pathlib import Path

    from game.format.loader import load_scenario

    for path in sorted((Path(__file__).parent.parent / "scenarios").glob("*.yaml")):
        result = load_scenario(path)
        assert not result.errors and not result.warnings, (path, result.diagnostics)


# ---------------------------------------------------------------- the engine's side of numbers


def test_a_scale_that_is_no_number_counts_the_same_in_the_score_and_its_breakdown() -> None:
    assert scale_value(math.nan) == 0.0
    assert scale_value(math.inf) == scale_value(10**400) == 1_000_000_000.0
    assert scale_value(-math.inf) == scale_value(-5) == 0.0
    # a product of large whole numbers, then arithmetic on infinities: no crash, and one answer
    infinite = "*".join(["1e9"] * 35)  # 1e315: an infinity, and an infinity times 0 is NaN
    text = MINI_TEXT.replace("scale: science / 2", f"scale: {infinite} * 0", 1)
    compiled = compile_scenario(load_scenario_bytes("s.yaml", text.encode()).unwrap())
    game = Game(compiled, "esa", 1)
    rows = breakdown(game.state, compiled)
    assert score(game.state, compiled) == round(sum(row.points for row in rows), 1)


def test_an_integer_too_large_for_a_float_gives_an_infinity_not_a_crash() -> None:
    huge = "*".join(["1000000000"] * 35)  # an exact 10**315, which no float can hold
    text = MINI_TEXT.replace("scale: science / 2", f"scale: {huge} / 7", 1)
    compiled = compile_scenario(load_scenario_bytes("s.yaml", text.encode()).unwrap())
    game = Game(compiled, "esa", 1)
    (row,) = [row for row in breakdown(game.state, compiled) if row.detail != "open"]
    assert row.achieved and row.points == row.max_points


def test_parse_expression_reports_the_column_of_a_slip_after_leading_spaces() -> None:
    with pytest.raises(ExpressionError) as raised:
        parse_expression("  year => 2025")
    assert raised.value.column == 7


def test_validate_and_play_refuse_a_huge_number_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11 point 12: `year < 2` and 308 zeros crashed validate and the start of a campaign."""
    import argparse

    from game.cli.main import main
    from game.tui import launch

    huge = "year < 2" + "0" * 308
    path = tmp_path / "huge.yaml"
    text = MINI_TEXT.replace(WHEN, f"when: {huge}", 1)
    path.write_text(text.replace("scale: science / 2", f"scale: science + {huge[7:]}"))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    line, column = _column_of(huge)
    assert f"{path}:{line}:{column - 1 + len('year < ')}: error: the number" in out.out + out.err
    assert "Traceback" not in out.out + out.err and (out.out + out.err).count("is too large") == 2
    assert launch.launch(argparse.Namespace(scenario=str(path), agency="esa", seed=1)) == 1
    assert "is too large" in capsys.readouterr().err
