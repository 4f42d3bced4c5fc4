"""Can a condition ever hold? A cautious, static answer for the linter.

Every variable and function of the expression language has the range of values it can
take between two dates in the vocabulary (game/format/vocabulary.py: ``year`` between the
first and last year, ``support`` 0..100, a flag nothing sets is always false, a milestone
cannot have flown before its planned date, ...), and the expression is evaluated on ranges
instead of numbers. The answer "never" is given only when no state in those ranges makes
the condition true, so a warning built on it is never a false alarm about the ranges, only
about what the author meant.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field

from game.format.expressions import parse_expression
from game.format.models import Condition, ConditionTree
from game.format.vocabulary import FUNCTIONS, TRUTH_NAMES, VARIABLES

INF = math.inf


@dataclass(frozen=True)
class Span:
    """Every value a number (or a truth value, as 0 or 1) can take: ``lo`` to ``hi``."""

    lo: float
    hi: float

    @property
    def never_true(self) -> bool:
        return self.lo == 0 and self.hi == 0

    @property
    def always_true(self) -> bool:
        return self.lo > 0 or self.hi < 0


ANY = Span(-INF, INF)
FALSE, TRUE, MAYBE = Span(0, 0), Span(1, 1), Span(0, 1)
COUNT = Span(0, INF)


def _truth(never: bool, always: bool) -> Span:
    return FALSE if never else TRUE if always else MAYBE


@dataclass
class Facts:
    """What a scenario allows between the first and the last month (month indexes) of a window."""

    first: int
    last: int
    start: int
    turn_months: int
    flags_set: set[str] = field(default_factory=set)
    #: names of global variables, agencies' variables and agencies' flags an effect (or a
    #: starting value) gives a value; any other reads 0 (false) all campaign long
    variables_set: set[str] = field(default_factory=set)
    agency_variables_set: set[str] = field(default_factory=set)
    agency_flags_set: set[str] = field(default_factory=set)
    modifiers_started: set[str] = field(default_factory=set)  # names of the scenario's timed modifiers
    playable: set[str] = field(default_factory=set)
    milestone_planned: dict[str, int] = field(default_factory=dict)
    crew_orbit_from: int | None = None  # the earliest month a crew can reach lunar orbit
    crew_surface_from: int | None = None
    capability_max: int = 5

    def crew_by(self, earliest: int | None) -> bool:
        """Whether a crew can have flown by the window's end, when it can fly from ``earliest``."""
        return earliest is not None and earliest <= self.last


def can_hold(condition: Condition | None, facts: Facts) -> bool:
    """False only when the condition is false for every state the facts allow."""
    return not _condition(condition, facts).never_true


def _condition(condition: Condition | None, facts: Facts) -> Span:
    if condition is None:
        return TRUE
    if isinstance(condition, str):
        return _expression(parse_expression(condition).tree, facts)
    assert isinstance(condition, ConditionTree)
    if condition.all is not None:
        return _all([_condition(child, facts) for child in condition.all])
    if condition.any is not None:
        return _any([_condition(child, facts) for child in condition.any])
    return _not(_condition(condition.not_, facts))


def _all(parts: list[Span]) -> Span:
    return _truth(any(p.never_true for p in parts), all(p.always_true for p in parts))


def _any(parts: list[Span]) -> Span:
    return _truth(all(p.never_true for p in parts), any(p.always_true for p in parts))


def _not(part: Span) -> Span:
    return _truth(part.always_true, part.never_true)


def _expression(node: ast.AST, facts: Facts) -> Span:
    if isinstance(node, ast.BoolOp):
        parts = [_expression(value, facts) for value in node.values]
        return _all(parts) if isinstance(node.op, ast.And) else _any(parts)
    if isinstance(node, ast.UnaryOp):
        inner = _expression(node.operand, facts)
        return _not(inner) if isinstance(node.op, ast.Not) else Span(-inner.hi, -inner.lo)
    if isinstance(node, ast.BinOp):
        return _arithmetic(node.op, _expression(node.left, facts), _expression(node.right, facts))
    if isinstance(node, ast.Compare):
        spans = [_expression(part, facts) for part in (node.left, *node.comparators)]
        return _all([_compare(op, a, b) for op, a, b in zip(node.ops, spans, spans[1:], strict=False)])
    if isinstance(node, ast.Constant):
        value = float(node.value)
        return Span(value, value)
    if isinstance(node, ast.Name):
        if node.id in TRUTH_NAMES:
            return TRUE if TRUTH_NAMES[node.id] else FALSE
        return Span(*VARIABLES[node.id].span(facts))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        args = tuple(arg.value for arg in node.args)  # type: ignore[attr-defined]
        return Span(*FUNCTIONS[node.func.id].span(facts, args))
    return ANY  # unreachable for a checked expression; "anything" keeps the answer cautious


def _arithmetic(op: ast.operator, a: Span, b: Span) -> Span:
    if isinstance(op, ast.Add):
        return _span(a.lo + b.lo, a.hi + b.hi)
    if isinstance(op, ast.Sub):
        return _span(a.lo - b.hi, a.hi - b.lo)
    if isinstance(op, ast.Mult):
        corners = [x * y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        if any(math.isnan(c) for c in corners):
            return ANY
        return Span(min(corners), max(corners))
    return ANY  # division (by zero gives 0 in the engine): no claim


def _span(lo: float, hi: float) -> Span:
    return ANY if math.isnan(lo) or math.isnan(hi) else Span(lo, hi)


def _compare(op: ast.cmpop, a: Span, b: Span) -> Span:
    if isinstance(op, ast.Gt | ast.GtE):
        op, a, b = (ast.Lt() if isinstance(op, ast.Gt) else ast.LtE()), b, a
    if isinstance(op, ast.Lt):
        return _truth(a.lo >= b.hi, a.hi < b.lo)
    if isinstance(op, ast.LtE):
        return _truth(a.lo > b.hi, a.hi <= b.lo)
    equal_always = a.lo == a.hi == b.lo == b.hi
    equal_never = a.hi < b.lo or b.hi < a.lo
    if isinstance(op, ast.Eq):
        return _truth(equal_never, equal_always)
    return _truth(equal_always, equal_never)  # NotEq
