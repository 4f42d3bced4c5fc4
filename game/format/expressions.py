"""The safe expression language of conditions and objective scores.

An expression such as ``year >= 2023 and relation("nasa") > 40 and not flag("sanctions")``
is parsed with Python's own parser (``ast.parse``, which only builds a tree and runs
nothing), then every node is checked against a short allow-list. There is no ``eval``,
no attribute access, no subscripts, no imports and no calls except to the vocabulary
below, and an expression is bounded in length and size. The engine turns the checked
tree into plain closures once, at load time.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Literal

MAX_EXPRESSION_LENGTH = 400
MAX_EXPRESSION_NODES = 120

RefKind = Literal["agency", "programme", "milestone", "contribution", "capability", "flag"]

#: Variables an expression may read: numbers and truth values about the player and the date.
VARIABLES: dict[str, str] = {
    "year": "the current year",
    "quarter": "the current quarter, 1 to 4",
    "turn": "turns played so far, from 0",
    "money": "the player's money in hand, M$",
    "budget": "the player's appropriation this year, M$",
    "support": "the player's domestic support, 0 to 100",
    "prestige": "the player's prestige",
    "science": "the player's science points",
    "astronauts": "astronauts in the player's corps",
    "flights": "crewed lunar flights flown by the player's astronauts",
    "crewed_orbit": "true once a player astronaut has reached lunar orbit",
    "crewed_surface": "true once a player astronaut has walked on the Moon",
}


@dataclass(frozen=True)
class Function:
    """A function of the vocabulary: its argument kinds and what it answers."""

    args: tuple[RefKind, ...]
    doc: str


FUNCTIONS: dict[str, Function] = {
    "flag": Function(("flag",), "true while the scenario flag is set"),
    "player": Function(("agency",), "true when the player runs this agency"),
    "member": Function(("programme",), "true while the player is a member (or lead)"),
    "is_member": Function(("agency", "programme"), "true while the agency is a member"),
    "members": Function(("programme",), "number of leads and members"),
    "active": Function(("programme",), "true unless the programme is cancelled"),
    "health": Function(("programme",), "the programme's health, 0 to 100"),
    "relation": Function(("agency",), "the player's relation with the agency, -100 to 100"),
    "relation_between": Function(("agency", "agency"), "relation between two agencies"),
    "flown": Function(("milestone",), "true once the milestone ('programme.milestone') flew"),
    "failed": Function(("milestone",), "true once the milestone failed"),
    "slipped": Function(("milestone",), "turns the milestone has slipped"),
    "delivered": Function(("contribution",), "true once the contribution was delivered"),
    "capability": Function(("capability",), "the player's level in a capability area"),
    "seats": Function(("programme",), "crew seats the player holds in the programme"),
}

_BOOL_OPS = (ast.And, ast.Or)
_BIN_OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div)
_CMP_OPS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
_UNARY_OPS = (ast.Not, ast.USub)


class ExpressionError(ValueError):
    """A problem in an expression, with the 0-based column inside the expression text."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Reference:
    """An id named inside an expression, kept so the loader can check it exists."""

    kind: RefKind
    value: str
    column: int


@dataclass
class ParsedExpression:
    """A checked expression: its tree and the ids it names."""

    text: str
    tree: ast.expr
    references: list[Reference] = field(default_factory=list)


def parse_expression(text: str) -> ParsedExpression:
    """Parse and check ``text``; raise ExpressionError with a column on the first problem."""
    if len(text) > MAX_EXPRESSION_LENGTH:
        raise ExpressionError(
            f"expression is {len(text)} characters long; the limit is {MAX_EXPRESSION_LENGTH}"
        )
    if not text.strip():
        raise ExpressionError("expression is empty")
    try:
        module = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        raise ExpressionError(f"syntax error: {error.msg}", max((error.offset or 1) - 1, 0)) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("expression cannot be parsed") from None
    offset = len(text) - len(text.lstrip())
    parsed = ParsedExpression(text=text, tree=module.body)
    count = sum(1 for _ in ast.walk(module.body))
    if count > MAX_EXPRESSION_NODES:
        raise ExpressionError(f"expression has {count} parts; the limit is {MAX_EXPRESSION_NODES}")
    _check(module.body, parsed, offset)
    return parsed


def _check(node: ast.AST, parsed: ParsedExpression, offset: int) -> None:
    column = getattr(node, "col_offset", 0) + offset
    if isinstance(node, ast.BoolOp) and isinstance(node.op, _BOOL_OPS):
        for value in node.values:
            _check(value, parsed, offset)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, _BIN_OPS):
        _check(node.left, parsed, offset)
        _check(node.right, parsed, offset)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, _UNARY_OPS):
        _check(node.operand, parsed, offset)
    elif isinstance(node, ast.Compare) and all(isinstance(op, _CMP_OPS) for op in node.ops):
        for part in (node.left, *node.comparators):
            _check(part, parsed, offset)
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            raise ExpressionError("a quoted string may only be a function argument", column)
        if not isinstance(node.value, int | float | bool):
            raise ExpressionError("only numbers, true and false are allowed here", column)
    elif isinstance(node, ast.Name):
        if node.id in ("true", "false", "True", "False"):
            return
        if node.id not in VARIABLES:
            hint = f"; did you mean {node.id}(...)?" if node.id in FUNCTIONS else ""
            raise ExpressionError(f"unknown name '{node.id}'{hint}", column)
    elif isinstance(node, ast.Call):
        _check_call(node, parsed, offset, column)
    else:
        raise ExpressionError(f"'{type(node).__name__}' is not allowed in an expression", column)


def _check_call(node: ast.Call, parsed: ParsedExpression, offset: int, column: int) -> None:
    if not isinstance(node.func, ast.Name):
        raise ExpressionError(f"'{type(node.func).__name__}' is not allowed in an expression", column)
    if node.func.id not in FUNCTIONS:
        raise ExpressionError(f"unknown function '{node.func.id}'", column)
    function = FUNCTIONS[node.func.id]
    if node.keywords or len(node.args) != len(function.args):
        raise ExpressionError(f"{node.func.id}() takes {len(function.args)} quoted argument(s)", column)
    for arg, kind in zip(node.args, function.args, strict=True):
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            raise ExpressionError(
                f'{node.func.id}() takes quoted ids, like {node.func.id}("x")',
                getattr(arg, "col_offset", 0) + offset,
            )
        parsed.references.append(Reference(kind, arg.value, arg.col_offset + offset))
