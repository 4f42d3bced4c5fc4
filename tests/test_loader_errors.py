"""A broken scenario gets every problem as path:line:column: message, never a traceback."""

from __future__ import annotations

from game.format.loader import load_scenario_bytes
from tests.helpers import MINI_TEXT


def problems(text: str) -> list[str]:
    result = load_scenario_bytes("s.yaml", text.encode())
    assert result.scenario is None or result.errors
    return [str(d) for d in result.errors]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def col_of(text: str, needle: str) -> int:
    return text.splitlines()[line_of(text, needle) - 1].index(needle) + 1


def variant(old: str, new: str) -> str:
    assert old in MINI_TEXT
    return MINI_TEXT.replace(old, new, 1)


def test_the_mini_scenario_is_valid() -> None:
    result = load_scenario_bytes("mini.yaml", MINI_TEXT.encode())
    assert result.scenario is not None and not result.errors


def test_yaml_syntax_error_has_its_line_and_column() -> None:
    text = variant("title: Mini test scenario", "title: [unclosed")
    (message,) = problems(text)
    assert message.startswith("s.yaml:")
    assert "YAML syntax" in message


def test_unknown_key_is_reported_at_the_key_with_a_suggestion() -> None:
    text = variant("    build_turns: 4\n", "    build_turn: 4\n")
    messages = problems(text)
    line, col = line_of(text, "build_turn: 4"), col_of(text, "build_turn: 4")
    assert f"s.yaml:{line}:{col}: error: unknown key 'build_turn'; did you mean 'build_turns'?" in messages


def test_wrong_type_and_out_of_range_values_point_at_the_value() -> None:
    text = variant("    cost: 400\n", "    cost: lots\n").replace("success: 1}", "success: 7}", 1)
    messages = problems(text)
    cost_line = line_of(text, "cost: lots")
    cost_col = col_of(text, "lots")
    prefix = (
        f"s.yaml:{cost_line}:{cost_col}: error: in programme 'gateway', contribution 'arm': "
        "cost is 'lots', but it must be a number above 0 and at most 100000"
    )
    assert any(m.startswith(prefix) for m in messages), messages
    success_line = line_of(text, "success: 7}")
    assert any(
        m.startswith(f"s.yaml:{success_line}:") and "is 7, but it must be a number from 0 to 1" in m
        for m in messages
    )


def test_missing_required_key_points_at_its_parent() -> None:
    text = variant("    name: Lunar cubesat\n", "")
    (message,) = problems(text)
    line = line_of(text, "- id: cubesat")
    assert message == f"s.yaml:{line}:5: error: missing required key 'name'"


def test_a_misspelt_required_key_is_one_error_with_its_suggestion() -> None:
    """Not two: 'missing required key name' beside 'unknown key nmae' said the same twice."""
    text = variant("    name: Lunar cubesat\n", "    nmae: Lunar cubesat\n")
    (message,) = problems(text)
    line, col = line_of(text, "nmae:"), col_of(text, "nmae:")
    assert message == f"s.yaml:{line}:{col}: error: unknown key 'nmae'; did you mean 'name'?"


def test_a_suggestion_prefers_the_required_key_that_is_missing() -> None:
    """'bloc' is missing and 'blok' is nearer to it than to any key given: no second error."""
    text = variant("    bloc: west\n", "    blok: west\n")
    (message,) = problems(text)
    assert message.endswith("unknown key 'blok'; did you mean 'bloc'?")


def test_suggestions_come_from_the_keys_valid_at_that_place() -> None:
    """'flies_on' is a contribution's key: in a milestone it is unknown, with no contribution key offered."""
    text = variant("planned: 2022-Q1, success: 1}", "planned: 2022-Q1, success: 1, flies_on: core}")
    (message,) = problems(text)
    assert message.endswith("unknown key 'flies_on'")
    text = variant("planned: 2022-Q1, success: 1}", "planned: 2022-Q1, success: 1, need: [arm]}")
    (message,) = problems(text)
    assert message.endswith("unknown key 'need'; did you mean 'needs'?")


def test_reference_to_an_id_that_does_not_exist() -> None:
    text = variant("leads: [nasa]", "leads: [nsa]")
    (message,) = problems(text)
    line, col = line_of(text, "leads: [nsa]"), col_of(text, "nsa]")
    assert message == f"s.yaml:{line}:{col}: error: unknown agency 'nsa'; did you mean 'nasa'?"


def test_duplicate_ids_name_the_first_definition() -> None:
    text = variant("  - id: jaxa\n", "  - id: esa\n")
    messages = problems(text)
    first = line_of(text, "  - id: esa")
    assert any("duplicate agency id 'esa'" in m and f"first defined on line {first}" in m for m in messages)


def test_duplicate_keys_are_caught() -> None:
    text = variant("    short: NASA\n", "    short: NASA\n    short: NSA\n")
    (message,) = problems(text)
    assert message.startswith(f"s.yaml:{line_of(text, 'short: NSA')}:")
    assert message.endswith(
        "duplicate key 'short': its second value (NSA) would hide the first (NASA); write each key once"
    )


def test_a_cycle_in_milestone_dependencies() -> None:
    text = variant("planned: 2022-Q1, success: 1}", "planned: 2022-Q1, success: 1, requires: [crew1]}")
    (message,) = problems(text)
    assert "milestone dependencies form a cycle: gateway.core -> gateway.crew1 -> gateway.core" in message


def test_expression_errors_point_inside_the_expression() -> None:
    text = variant("when: crewed_orbit", 'when: crewed_orbit and relation("nsa") > 3')
    (message,) = problems(text)
    line = line_of(text, 'relation("nsa")')
    col = col_of(text, '"nsa"')
    assert message == f"s.yaml:{line}:{col}: error: unknown agency 'nsa'; did you mean 'nasa'?"


def test_expressions_cannot_reach_python() -> None:
    for hostile, expected in [
        ("__import__('os').system('ls')", "a dotted name is not allowed here"),
        ("__import__('os')", "unknown function '__import__'"),
        ("().__class__", "a dotted name is not allowed here"),
        ("[1][0]", "indexing with [ ] is not part of the language"),
        ("open('x')", "unknown function 'open'"),
        ("lambda: 1", "an expression cannot define a function"),
        ("x" * 500, "at most 400 characters"),
    ]:
        text = variant("when: crewed_orbit", f'when: "{hostile}"')
        messages = problems(text)
        assert any(expected in m for m in messages), (hostile, messages)
        assert not any(internal in m for m in messages for internal in ("Attribute", "Lambda", "Subscript"))


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = variant("leads: [nasa]", "leads: [nsa]").replace("build_turns: 4", "build_turns: 0", 1)
    text = text.replace("  - id: ilrs\n", "  - id: ilrs\n    colour: red\n", 1)
    messages = problems(text)
    assert len(messages) == 2  # shape problems are reported together; references after they are fixed
    assert [int(m.split(":")[1]) for m in messages] == sorted(int(m.split(":")[1]) for m in messages)


def test_garbage_never_raises() -> None:
    for junk in [b"", b"- 1\n- 2\n", b"\xff\xfe\x00", b"a: b: c", b"{", b"42", b"id: [", b"\t\tfoo"]:
        result = load_scenario_bytes("j.yaml", junk)
        assert result.scenario is None
        assert all(str(d).startswith("j.yaml:") for d in result.diagnostics) and result.diagnostics
