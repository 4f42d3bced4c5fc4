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


#: Variables that are a field of the player's agency under the same name.
_PLAYER_FIELDS = frozenset(
    {"support", "prestige", "science", "astronauts", "flights", "crewed_orbit", "crewed_surface"}
)


def _milestone(ref: str, attr: str) -> Getter:
    programme, milestone = ref.split(".", 1)
    hint = [0]  # where the milestone was last found: every state of a scenario lists them alike

    def find(s: GameState) -> Any:
        items = s.programmes[programme].milestones
        at = hint[0]
        if at < len(items) and items[at].id == milestone:
            item = items[at]
        else:
            for at, item in enumerate(items):
                if item.id == milestone:
                    hint[0] = at
                    break
            else:
                return False
        if attr == "flown":
            return item.status == "flown"
        if attr == "failed":
            return item.failures > 0
        return item.slipped_turns_months // 3

    return find


def _function(name: str, args: list[str]) -> Getter:
    a = args[0]
    if name == "flag":
        return lambda s: a in s.flags
    if name == "player":
        return lambda s: s.player == a
    if name == "member":
        return lambda s: s.player in s.programmes[a].leads or s.player in s.programmes[a].members
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


#: Functions and variables whose value is always True or False.
_BOOLEAN_FUNCTIONS = frozenset(
    {"flag", "player", "member", "is_member", "active", "flown", "failed", "delivered"}
)
_BOOLEAN_NAMES = frozenset({"true", "True", "false", "False", "crewed_orbit", "crewed_surface"})


def _boolean(node: ast.AST) -> bool:
    """Whether the compiled node always gives True or False (so it needs no bool() around it)."""
    if isinstance(node, ast.BoolOp | ast.Compare):
        return True
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.Not)
    if isinstance(node, ast.Name):
        return node.id in _BOOLEAN_NAMES
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in _BOOLEAN_FUNCTIONS
    return isinstance(node, ast.Constant) and isinstance(node.value, bool)


def _truth(getter: Getter, node: ast.AST | None) -> Callable[[GameState], bool]:
    """The getter as a predicate: as it is when it already gives booleans, else through bool()."""
    if node is not None and _boolean(node):
        return getter
    return lambda s: bool(getter(s))


def _all(parts: list[Callable[[GameState], bool]]) -> Callable[[GameState], bool]:
    """True when every part is (each part gives a bool): the turn loop's most frequent call."""
    if len(parts) == 2:
        first, second = parts
        return lambda s: first(s) and second(s)

    def every(s: GameState) -> bool:  # a loop, not all(): no generator to make on every call
        for part in parts:  # noqa: SIM110
            if not part(s):
                return False
        return True

    return every


def _any(parts: list[Callable[[GameState], bool]]) -> Callable[[GameState], bool]:
    if len(parts) == 2:
        first, second = parts
        return lambda s: first(s) or second(s)

    def some(s: GameState) -> bool:
        for part in parts:  # noqa: SIM110
            if part(s):
                return True
        return False

    return some


def _compile(node: ast.AST) -> Getter:
    if isinstance(node, ast.BoolOp):
        parts = [_truth(_compile(v), v) for v in node.values]
        return _all(parts) if isinstance(node.op, ast.And) else _any(parts)
    if isinstance(node, ast.UnaryOp):
        inner = _compile(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda s: not inner(s)
        return lambda s: -inner(s)
    if isinstance(node, ast.BinOp):
        left, right = _compile(node.left), _compile(node.right)
        if isinstance(node.op, ast.Div):
            if isinstance(node.right, ast.Constant) and node.right.value:
                divisor = node.right.value
                if isinstance(node.left, ast.Name) and node.left.id in _PLAYER_FIELDS:
                    name = node.left.id  # the usual scale, science / 16: one call instead of two
                    return lambda s: getattr(s.agencies[s.player], name) / divisor
                return lambda s: left(s) / divisor

            def divide(s: GameState) -> Any:
                d = right(s)
                return left(s) / d if d else 0.0  # dividing by zero gives 0, not an error

            return divide
        op = _BIN[type(node.op)]
        return lambda s: op(left(s), right(s))
    if isinstance(node, ast.Compare):
        first = _compile(node.left)
        rest = [(_CMP[type(op)], _compile(c)) for op, c in zip(node.ops, node.comparators, strict=True)]
        if len(rest) == 1:
            ((op, right),) = rest
            comparator = node.comparators[0]
            if isinstance(comparator, ast.Constant):  # the usual shape: health("isls") < 40
                value = comparator.value
                return lambda s: op(first(s), value)
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
        tree = parse_expression(condition).tree
        return _truth(_compile(tree), tree)
    assert isinstance(condition, ConditionTree)
    if condition.all is not None:
        return _all([compile_condition(c) for c in condition.all])
    if condition.any is not None:
        return _any([compile_condition(c) for c in condition.any])
    inner = compile_condition(condition.not_)
    return lambda s: not inner(s)
