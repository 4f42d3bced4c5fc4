"""Rival programmes: one's admission condition turns away the other's members.

``not member("isls")`` in Gateway's condition makes Gateway and ISLS rivals (both ways: a
member of either may not join the other). Read from the conditions once, at load time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from game.format.expressions import parse_expression
from game.format.models import Condition, ConditionTree, Scenario


def _excluded_in_expression(node: ast.AST) -> Iterator[str]:
    """Programmes whose members ``node`` turns away whatever else holds: ``not member("x")``."""
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        for value in node.values:
            yield from _excluded_in_expression(value)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = node.operand
        parts = inner.values if isinstance(inner, ast.BoolOp) and isinstance(inner.op, ast.Or) else [inner]
        for part in parts:
            if isinstance(part, ast.Call) and isinstance(part.func, ast.Name) and part.func.id == "member":
                yield part.args[0].value  # type: ignore[attr-defined]


def excluded_members(condition: Condition | None) -> set[str]:
    """The programmes an admission condition closes to their members."""
    if condition is None:
        return set()
    if isinstance(condition, str):
        return set(_excluded_in_expression(parse_expression(condition).tree))
    assert isinstance(condition, ConditionTree)
    if condition.all is not None:
        return set().union(*(excluded_members(part) for part in condition.all))
    if condition.not_ is not None and isinstance(condition.not_, str):
        return set(_excluded_in_expression(ast.UnaryOp(ast.Not(), parse_expression(condition.not_).tree)))
    return set()


def rivals(scenario: Scenario) -> dict[str, frozenset[str]]:
    """Each programme's rivals: those it closes to their members, and those closed to its own."""
    found: dict[str, set[str]] = {p.id: set() for p in scenario.programmes}
    for programme in scenario.programmes:
        for other in excluded_members(programme.admission.condition):
            if other in found and other != programme.id:
                found[programme.id].add(other)
                found[other].add(programme.id)
    return {pid: frozenset(others) for pid, others in found.items()}
