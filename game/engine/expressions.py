"""Turn checked expression trees into plain closures over the game state, once at load time.

The variables and functions come from the vocabulary's implementations
(game/engine/vocabulary.py); this module only compiles the operators around them.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from typing import Any

from game.engine.state import GameState
from game.engine.vocabulary import IMPLEMENTATIONS, LOOPING, PLAYER_FIELDS, READS, Getter
from game.engine.watch import ALWAYS, Split, Watched, watched
from game.format.expressions import kind_of, parse_expression
from game.format.models import Condition, ConditionTree
from game.format.vocabulary import TRUTH_NAMES

__all__ = [
    "Getter",
    "Split",
    "compile_condition",
    "compile_expression",
    "number",
    "split_condition",
    "watched_expression",
]

_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}
_CMP = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}


def number(value: Any) -> float:
    """An expression's value as a float: a whole number beyond a float's range (``10**315``, which
    whole-number arithmetic can reach) is the infinity of its sign, as float arithmetic would
    give, never an OverflowError (nor, where mypyc compiled the engine, a TypeError)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _truth(getter: Getter, node: ast.AST | None) -> Callable[[GameState], bool]:
    """The getter as a predicate: as it is when it already gives booleans, else through bool()."""
    if node is not None and kind_of(node) == "truth":
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


def _guarded(op: Callable[[Any, Any], Any], left: Getter, right: Getter) -> Getter:
    """``op`` of the two sides, an infinity instead of an OverflowError (free in Python 3.11)."""

    def apply(s: GameState) -> Any:
        a, b = left(s), right(s)
        try:
            return op(a, b)
        except OverflowError:
            return _too_large(op, a, b)

    return apply


def _too_large(op: Callable[[Any, Any], Any], a: Any, b: Any) -> float:
    """The infinity an operation on an integer too large for a float tends to.

    Only a product of many large whole numbers gets there (numbers written in an
    expression are bounded); the sign is worked out with exact comparisons, which never
    overflow. Infinities compare as expected in conditions, and a scale clamps them.
    """
    if op is operator.mul or op is operator.truediv:
        sign = (a > 0) - (a < 0)
        sign *= (b > 0) - (b < 0)
    elif abs(a) >= abs(b):
        sign = (a > 0) - (a < 0)
    else:
        sign = (b > 0) - (b < 0) if op is operator.add else (b < 0) - (b > 0)
    return math.copysign(math.inf, sign) if sign else 0.0


def _against(op: type[ast.cmpop], first: Getter, value: Any) -> Getter:
    """A comparison with a constant, the operator written out (one call less than ``operator.lt``):
    the most frequent shape of the conditions the turn loop asks every turn."""
    if op is ast.Lt:
        return lambda s: first(s) < value
    if op is ast.LtE:
        return lambda s: first(s) <= value
    if op is ast.Gt:
        return lambda s: first(s) > value
    if op is ast.GtE:
        return lambda s: first(s) >= value
    if op is ast.Eq:
        return lambda s: first(s) == value
    return lambda s: first(s) != value


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
                if isinstance(node.left, ast.Name) and node.left.id in PLAYER_FIELDS:
                    name = node.left.id  # the usual scale, science / 16: one call instead of two
                    return lambda s: getattr(s.agencies[s.player], name) / divisor

                def by_constant(s: GameState) -> Any:
                    a = left(s)
                    try:
                        return a / divisor
                    except OverflowError:
                        return _too_large(operator.truediv, a, divisor)

                return by_constant

            def divide(s: GameState) -> Any:
                d = right(s)
                if not d:
                    return 0.0  # dividing by zero gives 0, not an error
                a = left(s)
                try:
                    return a / d
                except OverflowError:
                    return _too_large(operator.truediv, a, d)

            return divide
        return _guarded(_BIN[type(node.op)], left, right)
    if isinstance(node, ast.Compare):
        first = _compile(node.left)
        rest = [(_CMP[type(op)], _compile(c)) for op, c in zip(node.ops, node.comparators, strict=True)]
        if len(rest) == 1:
            ((op, right),) = rest
            comparator = node.comparators[0]
            if isinstance(comparator, ast.Constant):  # the usual shape: health("isls") < 40
                return _against(type(node.ops[0]), first, comparator.value)
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
        if node.id in TRUTH_NAMES:
            truth = TRUTH_NAMES[node.id]
            return lambda s: truth
        return IMPLEMENTATIONS[node.id]()
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return IMPLEMENTATIONS[node.func.id](*[arg.value for arg in node.args])  # type: ignore[attr-defined]
    raise ValueError(f"cannot compile {type(node).__name__}")  # unreachable after the format's check


def compile_node(node: ast.AST) -> Getter:
    """A closure for one checked node of an expression's tree (for explanations of its parts)."""
    return _compile(node)


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


def _fold_player(node: ast.AST, player: str) -> ast.AST:
    """``node`` with every ``player("x")`` of its and/or/not skeleton made a constant for ``player``,
    and the and/or/not around constants simplified (a new tree; the checked one is kept as it is)."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "player"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
    ):
        return ast.Constant(node.args[0].value == player)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _fold_player(node.operand, player)
        if isinstance(inner, ast.Constant) and isinstance(inner.value, bool):
            return ast.Constant(not inner.value)
        return ast.UnaryOp(ast.Not(), inner)
    if isinstance(node, ast.BoolOp):
        deciding = not isinstance(node.op, ast.And)  # the value that decides the whole: False for and
        kept = []
        for value in node.values:
            folded = _fold_player(value, player)
            if isinstance(folded, ast.Constant) and isinstance(folded.value, bool):
                if folded.value is deciding:
                    return ast.Constant(deciding)
                continue  # the neutral value: it changes nothing
            kept.append(folded)
        if not kept:
            return ast.Constant(not deciding)
        if len(kept) == 1 and kind_of(kept[0]) == "truth":
            return kept[0]
        return ast.BoolOp(node.op, kept)  # one part left that is a number: still read as a truth
    return node


def condition_for_player(condition: Condition | None, player: str) -> Callable[[GameState], bool] | bool:
    """``condition`` as it reads for a campaign of ``player`` (who never changes in a campaign):
    True or False when ``player(...)`` alone decides it, else a closure without those tests.

    The turn loop checks the events open in a month this way, so an event meant for another
    agency costs nothing, and one meant for this agency only skips the test.
    """
    if condition is None:
        return True
    if isinstance(condition, str):
        tree = _fold_player(parse_expression(condition).tree, player)
        if isinstance(tree, ast.Constant) and isinstance(tree.value, bool):
            return tree.value
        return _truth(_compile(tree), tree)
    assert isinstance(condition, ConditionTree)
    if condition.not_ is not None and condition.all is None and condition.any is None:
        inner = condition_for_player(condition.not_, player)
        if isinstance(inner, bool):
            return not inner
        return lambda s: not inner(s)
    every = condition.all is not None
    deciding = not every
    parts = []
    for part in condition.all if every else condition.any:  # type: ignore[union-attr]
        folded = condition_for_player(part, player)
        if isinstance(folded, bool):
            if folded is deciding:
                return deciding
            continue
        parts.append(folded)
    if not parts:
        return not deciding
    if len(parts) == 1:
        return parts[0]
    return _all(parts) if every else _any(parts)


# ------------------------------------------------------------ what a condition reads (game/engine/watch.py)


def reads_of(tree: ast.AST) -> frozenset[int] | None:
    """The watched channels a checked tree reads, or None when it reads anything unwatched (the
    date, money, a relation...): such a part is asked every time."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in TRUTH_NAMES:
            reads = READS.get(node.id)
            if reads is None:
                return None
            found |= reads
    return frozenset(found)


#: The calls a part of a condition must cost to be kept rather than asked (a kept one costs about
#: two: the versions of what it reads looked up and compared), and what a name that loops counts.
WORTH_KEEPING = 4
LOOP_CALLS = 8


def calls_of(tree: ast.AST) -> int:
    """About how many calls asking a checked tree makes: one per name and operator."""
    calls = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in TRUTH_NAMES:
            calls += LOOP_CALLS if node.id in LOOPING else 1
        elif isinstance(node, ast.BoolOp | ast.UnaryOp | ast.Compare | ast.BinOp):
            calls += 1
    return calls


def watched_expression(text: str) -> Watched | None:
    """A figure (an objective's progress) the turn loop keeps while what it reads has not changed;
    None when it reads anything unwatched, or is cheaper to ask than to keep."""
    tree = parse_expression(text).tree
    if calls_of(tree) < WORTH_KEEPING:
        return None
    return watched(_compile(tree), reads_of(tree))


def _tree_of(condition: Condition) -> ast.AST:
    """A condition (a string or an all/any/not tree) as one expression tree."""
    if isinstance(condition, str):
        return parse_expression(condition).tree
    assert isinstance(condition, ConditionTree)
    if condition.all is not None:
        return ast.BoolOp(ast.And(), [_tree_of(c) for c in condition.all])
    if condition.any is not None:
        return ast.BoolOp(ast.Or(), [_tree_of(c) for c in condition.any])
    assert condition.not_ is not None
    return ast.UnaryOp(ast.Not(), _tree_of(condition.not_))


def _joined(parts: list[ast.AST]) -> Callable[[GameState], bool] | None:
    """The parts joined by 'and', each read as a truth; None for no parts."""
    if not parts:
        return None
    truths = [_truth(_compile(part), part) for part in parts]
    return truths[0] if len(truths) == 1 else _all(truths)


def condition_reads(condition: Condition) -> frozenset[int] | None:
    """The watched channels a whole condition reads (None: it reads something unwatched)."""
    return reads_of(_tree_of(condition))


def split_condition(condition: Condition | None, player: str | None = None) -> Split | bool:
    """``condition`` split into the parts joined by 'and' that read only watched channels and the
    rest (with ``player``: its ``player(...)`` tests decided, as ``condition_for_player``); True or
    False when it is decided without the state. Parts cheaper to ask than to keep are all asked.

    Conditions are pure, so asking the steady part first and the rest after gives what the whole
    gives in its own order, and a steady part that is false spares the rest.
    """
    if condition is None:
        return True
    tree = _tree_of(condition)
    if player is not None:
        tree = _fold_player(tree, player)
    if isinstance(tree, ast.Constant) and isinstance(tree.value, bool):
        return tree.value
    parts = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    steady: list[ast.AST] = []
    rest: list[ast.AST] = []
    reads: set[int] = set()
    for part in parts:
        found = reads_of(part)
        if found is None:
            rest.append(part)
        else:
            steady.append(part)
            reads |= found
    if sum(calls_of(part) for part in steady) < WORTH_KEEPING:  # cheaper to ask: as it is written
        return Split(None, _joined(parts))
    return Split(watched(_joined(steady), frozenset(reads)), _joined(rest))


def _never(state: GameState) -> bool:
    return False


def split_always(condition: Condition | None) -> Split:
    """``split_condition`` for every player, a condition decided without the state as a Split too."""
    found = split_condition(condition)
    if found is True:
        return ALWAYS
    if found is False:
        return Split(None, _never)
    return found
