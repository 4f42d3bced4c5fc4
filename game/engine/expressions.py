"""Turn checked expression trees into plain closures over the game state, once at load time."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

from game.engine.state import GameState
from game.format.expressions import parse_expression
from game.format.models import Condition, ConditionTree

Getter = Callable[[GameState], Any]

_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}
_CMP = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}

_VARIABLES: dict[str, Getter] = {
    "year": lambda s: s.month // 12,
    "quarter": lambda s: (s.month % 12) // 3 + 1,
    "turn": lambda s: s.turn,
    "money": lambda s: s.agencies[s.player].money / 1000,
    "budget": lambda s: s.agencies[s.player].appropriation / 1000,
    "support": lambda s: s.agencies[s.player].support,
    "prestige": lambda s: s.agencies[s.player].prestige,
    "science": lambda s: s.agencies[s.player].science,
    "astronauts": lambda s: s.agencies[s.player].astronauts,
    "flights": lambda s: s.agencies[s.player].flights,
    "crewed_orbit": lambda s: s.agencies[s.player].crewed_orbit,
    "crewed_surface": lambda s: s.agencies[s.player].crewed_surface,
}


def _milestone(ref: str, attr: str) -> Getter:
    programme, milestone = ref.split(".", 1)

    def find(s: GameState) -> Any:
        for item in s.programmes[programme].milestones:
            if item.id == milestone:
                if attr == "flown":
                    return item.status == "flown"
                if attr == "failed":
                    return item.failures > 0
                return item.slipped_turns_months // 3
        return False

    return find


def _function(name: str, args: list[str]) -> Getter:
    a = args[0]
    if name == "flag":
        return lambda s: a in s.flags
    if name == "player":
        return lambda s: s.player == a
    if name == "member":
        return lambda s: s.programmes[a].is_member(s.player)
    if name == "is_member":
        b = args[1]
        return lambda s: s.programmes[b].is_member(a)
    if name == "members":
        return lambda s: len(s.programmes[a].leads) + len(s.programmes[a].members)
    if name == "active":
        return lambda s: s.programmes[a].status != "cancelled"
    if name == "health":
        return lambda s: s.programmes[a].health
    if name == "relation":
        return lambda s: s.relation(s.player, a)
    if name == "relation_between":
        b = args[1]
        return lambda s: s.relation(a, b)
    if name in ("flown", "failed", "slipped"):
        return _milestone(a, name)
    if name == "delivered":
        programme, slot = a.split(".", 1)
        return lambda s: s.programmes[programme].slots[slot].status == "delivered"
    if name == "capability":
        return lambda s: s.agencies[s.player].capabilities.get(a, 0)
    if name == "seats":
        return lambda s: s.programmes[a].seat_count(s.player)
    raise ValueError(f"unknown function {name}")  # unreachable: the format checked the names


def _compile(node: ast.AST) -> Getter:
    if isinstance(node, ast.BoolOp):
        parts = [_compile(v) for v in node.values]
        if isinstance(node.op, ast.And):
            return lambda s: all(p(s) for p in parts)
        return lambda s: any(p(s) for p in parts)
    if isinstance(node, ast.UnaryOp):
        inner = _compile(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda s: not inner(s)
        return lambda s: -inner(s)
    if isinstance(node, ast.BinOp):
        left, right = _compile(node.left), _compile(node.right)
        if isinstance(node.op, ast.Div):
            return lambda s: (lambda d: left(s) / d if d else 0.0)(right(s))
        op = _BIN[type(node.op)]
        return lambda s: op(left(s), right(s))
    if isinstance(node, ast.Compare):
        first = _compile(node.left)
        rest = [(_CMP[type(op)], _compile(c)) for op, c in zip(node.ops, node.comparators, strict=True)]
        if len(rest) == 1:
            ((op, right),) = rest
            return lambda s: op(first(s), right(s))

        def chain(s: GameState) -> bool:
            left = first(s)
            for op, getter in rest:
                right = getter(s)
                if not op(left, right):
                    return False
                left = right
            return True

        return chain
    if isinstance(node, ast.Constant):
        value = node.value
        return lambda s: value
    if isinstance(node, ast.Name):
        if node.id in ("true", "True"):
            return lambda s: True
        if node.id in ("false", "False"):
            return lambda s: False
        return _VARIABLES[node.id]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return _function(node.func.id, [arg.value for arg in node.args])  # type: ignore[attr-defined]
    raise ValueError(f"cannot compile {type(node).__name__}")  # unreachable after the format's check


def compile_expression(text: str) -> Getter:
    """A closure computing the expression on a state; the text was checked by the loader."""
    return _compile(parse_expression(text).tree)


def compile_condition(condition: Condition | None) -> Callable[[GameState], bool]:
    """A closure for a condition (string or all/any/not tree); None is always true."""
    if condition is None:
        return lambda s: True
    if isinstance(condition, str):
        getter = compile_expression(condition)
        return lambda s: bool(getter(s))
    assert isinstance(condition, ConditionTree)
    if condition.all is not None:
        parts = [compile_condition(c) for c in condition.all]
        return lambda s: all(p(s) for p in parts)
    if condition.any is not None:
        parts = [compile_condition(c) for c in condition.any]
        return lambda s: any(p(s) for p in parts)
    inner = compile_condition(condition.not_)
    return lambda s: not inner(s)
