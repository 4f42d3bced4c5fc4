"""The safe expression language of conditions and objective scores.

An expression such as ``year >= 2023 and relation("nasa") > 40 and not flag("sanctions")``
is parsed with Python's own parser (``ast.parse``, which only builds a tree and runs
nothing), then every node is checked against a short allow-list and given a kind (a
number or a truth value) from the vocabulary (game/format/vocabulary.py). There is no
``eval``, no attribute access, no subscripts, no imports and no calls except to the
vocabulary, numbers are bounded, and an expression is bounded in length and size. The
engine turns the checked tree into plain closures once, at load time.

Every message speaks the scenario author's language, not Python's: a syntax error says
what was probably meant (``=>``: did you mean ``>=``?), and a part of the wrong kind says
what was expected where.
"""

from __future__ import annotations

import ast
import difflib
import math
from dataclasses import dataclass, field

from game.format.syntax_hints import syntax_problem
from game.format.vocabulary import FUNCTIONS, REF_WORDS, TRUTH_NAMES, VARIABLES, RefKind, ValueKind

MAX_EXPRESSION_LENGTH = 400
MAX_EXPRESSION_NODES = 120
#: The largest number an expression may write: far above any year, amount or score of the game,
#: and far enough below a float's limit that no literal is read as infinity.
MAX_NUMBER = 1_000_000_000

__all__ = [
    "MAX_EXPRESSION_LENGTH",
    "MAX_EXPRESSION_NODES",
    "MAX_NUMBER",
    "ExpressionError",
    "ParsedExpression",
    "RefKind",
    "Reference",
    "kind_of",
    "parse_expression",
]

_BOOL_OPS = {ast.And: "and", ast.Or: "or"}
_ARITHMETIC = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_ORDER = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_EQUALITY = {ast.Eq: "==", ast.NotEq: "!="}

#: Python operators the language does not have, with what the author probably meant.
_FOREIGN_OPERATORS: dict[type, str] = {
    ast.Pow: "'**' is not an operator of the language: multiply, like x * x",
    ast.FloorDiv: "'//' is not an operator of the language: write /",
    ast.Mod: "'%' is not an operator of the language: use + - * /",
    ast.BitAnd: "'&' is not an operator of the language: write and",
    ast.BitOr: "'|' is not an operator of the language: write or",
    ast.BitXor: "'^' is not an operator of the language: use + - * /",
    ast.LShift: "'<<' is not an operator of the language: use + - * /",
    ast.RShift: "'>>' is not an operator of the language: use + - * /",
    ast.MatMult: "'@' is not an operator of the language: use + - * /",
    ast.Invert: "'~' is not an operator of the language: write not",
    ast.UAdd: "a leading '+' is not part of the language: write the number alone",
    ast.In: "'in' is not part of the language: compare with ==, or call a function like member(\"gateway\")",
    ast.NotIn: "'not in' is not part of the language: write not member(\"gateway\") and the like",
    ast.Is: "'is' is not part of the language: write ==",
    ast.IsNot: "'is not' is not part of the language: write !=",
}

_DOTTED = (
    'a dotted name is not allowed here: write flag("x") / member("gateway") / '
    'flown("gateway.artemis_iii"), a function with the id in double quotes'
)

#: Python constructs the language does not have, said in the author's words.
_FOREIGN_NODES: dict[type, str] = {
    ast.Attribute: _DOTTED,
    ast.Subscript: "indexing with [ ] is not part of the language",
    ast.List: "a list [ ] is not part of the language",
    ast.Tuple: "a comma is only allowed between the ids of a function call",
    ast.Set: "braces { } are not part of the language",
    ast.Dict: "braces { } are not part of the language",
    ast.IfExp: "'... if ... else ...' is not part of the language: combine conditions with and / or",
    ast.Lambda: "an expression cannot define a function",
    ast.NamedExpr: "':=' is not part of the language: an expression only reads the game, never sets it",
    ast.JoinedStr: "text is only allowed as a quoted id inside a function's parentheses",
    ast.ListComp: "a loop is not part of the language",
    ast.SetComp: "a loop is not part of the language",
    ast.DictComp: "a loop is not part of the language",
    ast.GeneratorExp: "a loop is not part of the language",
    ast.Starred: "'*' before a value is not part of the language",
}

#: An example id of each kind, for messages that show how to write a call.
_EXAMPLE_IDS: dict[RefKind, str] = {
    "agency": "nasa",
    "bloc": "western",
    "programme": "gateway",
    "milestone": "gateway.artemis_iii",
    "contribution": "gateway.ihab",
    "capability": "propulsion",
    "national_mission": "lunar_cubesat",
    "project": "precision_landing",
    "flag": "signed_accords",
    "agency_flag": "briefed",
    "variable": "launch_failures",
    "agency_variable": "trust",
    "modifier": "strike",
    "difficulty": "hard",
    "achievement": "crew_surface",
    "deal": "ihab_for_seats",
}

_KIND_WORDS: dict[ValueKind, str] = {"number": "a number", "truth": "a condition (true or false)"}


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
    function: str = ""


@dataclass
class ParsedExpression:
    """A checked expression: its tree, its kind and the ids it names."""

    text: str
    tree: ast.expr
    kind: ValueKind = "truth"
    references: list[Reference] = field(default_factory=list)


def parse_expression(text: str, expect: ValueKind | None = None) -> ParsedExpression:
    """Parse and check ``text``; raise ExpressionError with a column on the first problem.

    ``expect`` is the kind the place needs: ``"truth"`` for a condition, ``"number"`` for a
    scale; None accepts either.
    """
    if len(text) > MAX_EXPRESSION_LENGTH:
        raise ExpressionError(
            f"expression is {len(text)} characters long; the limit is {MAX_EXPRESSION_LENGTH}"
        )
    if not text.strip():
        raise ExpressionError("expression is empty")
    source = text.strip()
    offset = len(text) - len(text.lstrip())
    try:
        module = ast.parse(source, mode="eval")
    except SyntaxError as error:
        message, column = syntax_problem(source, error)
        raise ExpressionError(f"syntax error: {message}", column + offset) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("expression cannot be parsed") from None
    count = sum(1 for _ in ast.walk(module.body))
    if count > MAX_EXPRESSION_NODES:
        raise ExpressionError(f"expression has {count} parts; the limit is {MAX_EXPRESSION_NODES}")
    parsed = ParsedExpression(text=text, tree=module.body)
    checker = _Checker(source, offset, parsed)
    parsed.kind = checker.kind(module.body)
    if expect is not None and parsed.kind != expect:
        raise ExpressionError(checker.wrong_whole(module.body, expect), offset)
    return parsed


@dataclass(frozen=True)
class _Place:
    """A place in the expression's text as the parser counts it (line from 1, column in bytes)."""

    lineno: int
    col_offset: int


_UPWARD = (ast.Lt, ast.LtE)
_DOWNWARD = (ast.Gt, ast.GtE)


def _is_number(node: ast.AST) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and not isinstance(node.value, bool | str)


def _is_range(node: ast.Compare) -> bool:
    """``40 <= support < 70``: a figure between two numbers, both operators the same way."""
    if len(node.ops) != 2 or not (_is_number(node.left) and _is_number(node.comparators[1])):
        return False
    if _is_number(node.comparators[0]):
        return False
    return all(isinstance(op, _UPWARD) for op in node.ops) or all(
        isinstance(op, _DOWNWARD) for op in node.ops
    )


def _symbol(op: ast.cmpop) -> str:
    return _ORDER.get(type(op)) or _EQUALITY[type(op)]


def kind_of(node: ast.AST) -> ValueKind:
    """The kind of a node of a checked tree (the engine asks, to skip needless bool() calls)."""
    if isinstance(node, ast.BoolOp | ast.Compare):
        return "truth"
    if isinstance(node, ast.UnaryOp):
        return "truth" if isinstance(node.op, ast.Not) else "number"
    if isinstance(node, ast.Constant):
        return "truth" if isinstance(node.value, bool) else "number"
    if isinstance(node, ast.Name):
        return "truth" if node.id in TRUTH_NAMES else VARIABLES[node.id].result
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return FUNCTIONS[node.func.id].result
    return "number"


class _Checker:
    """One walk over the tree: the allow-list, the ids named, and the kind of every part."""

    def __init__(self, source: str, offset: int, parsed: ParsedExpression) -> None:
        self.source = source
        self.lines = source.split("\n")
        self.offset = offset
        self.parsed = parsed

    def column(self, node: ast.AST) -> int:
        """The node's column in the expression text, in characters (the parser counts bytes)."""
        line = getattr(node, "lineno", 1)
        before = sum(len(text) + 1 for text in self.lines[: line - 1])
        start = self.lines[line - 1].encode("utf-8")[: getattr(node, "col_offset", 0)]
        return self.offset + before + len(start.decode("utf-8", errors="ignore"))

    def show(self, node: ast.AST) -> str:
        """The node's own text, for a message."""
        text = " ".join((ast.get_source_segment(self.source, node) or "").split())
        return f"`{text if len(text) <= 40 else text[:37] + '...'}`"

    def fail(self, node: ast.AST, message: str) -> ExpressionError:
        return ExpressionError(message, self.column(node))

    def kind(self, node: ast.AST) -> ValueKind:
        """The node's kind, after checking it and everything under it."""
        if isinstance(node, ast.BoolOp):
            word = _BOOL_OPS[type(node.op)]
            for value in node.values:
                self.need(value, "truth", f"'{word}' joins conditions")
            return "truth"
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                self.need(node.operand, "truth", "'not' needs a condition")
                return "truth"
            if isinstance(node.op, ast.USub):
                self.need(node.operand, "number", "'-' needs a number")
                return "number"
            raise self.fail(node, _FOREIGN_OPERATORS[type(node.op)])
        if isinstance(node, ast.BinOp):
            symbol = _ARITHMETIC.get(type(node.op))
            if symbol is None:
                raise self.fail(
                    node, _FOREIGN_OPERATORS.get(type(node.op), "this operator is not part of the language")
                )
            for side in (node.left, node.right):
                self.need(side, "number", f"'{symbol}' needs numbers")
            return "number"
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Tuple) and not node.elts:
            raise self.fail(node, "empty parentheses hold nothing: put a number or a condition inside")
        raise self.fail(node, _FOREIGN_NODES.get(type(node), "this is not part of the expression language"))

    def need(self, node: ast.AST, kind: ValueKind, why: str) -> None:
        found = self.kind(node)
        if found != kind:
            raise self.fail(
                node, f"{why}, but {self.show(node)} is {_KIND_WORDS[found]}{_advice(self.show(node), found)}"
            )

    def wrong_whole(self, node: ast.AST, expect: ValueKind) -> str:
        found = kind_of(node)
        what = "a condition (true or false)" if expect == "truth" else "a number"
        shown = self.show(node)
        return f"{what} is needed here, but {shown} is {_KIND_WORDS[found]}{_advice(shown, found)}"

    def compare(self, node: ast.Compare) -> ValueKind:
        parts = [node.left, *node.comparators]
        for op in node.ops:  # a foreign operator first: its sides may be foreign too (x in (1, 2))
            if type(op) not in _ORDER and type(op) not in _EQUALITY:
                message = _FOREIGN_OPERATORS.get(type(op), "this comparison is not part of the language")
                raise self.fail(node, message)
        if len(node.ops) > 1 and not _is_range(node):
            raise self.chained(node)
        kinds = [self.kind(part) for part in parts]
        for index, op in enumerate(node.ops):
            left, right = parts[index], parts[index + 1]
            a, b = kinds[index], kinds[index + 1]
            if type(op) in _ORDER:
                symbol = _ORDER[type(op)]
                for side, kind in ((left, a), (right, b)):
                    if kind != "number":
                        raise self.fail(
                            side,
                            f"'{symbol}' compares numbers, but {self.show(side)} is {_KIND_WORDS[kind]}",
                        )
            elif a != b:
                raise self.fail(
                    right,
                    f"'{_EQUALITY[type(op)]}' compares two numbers or two conditions, but "
                    f"{self.show(left)} is {_KIND_WORDS[a]} and {self.show(right)} is {_KIND_WORDS[b]}",
                )
        return "truth"

    def chained(self, node: ast.Compare) -> ExpressionError:
        """``year > 2 > 1``: two comparisons in a row that are no range between two numbers.

        Python would read it as ``year > 2 and 2 > 1``, which authors of other languages do not
        expect (there, ``1 < 2 < 3`` compares a truth value with 3); the error points at the second
        operator and shows the two comparisons joined.
        """
        middle, last = node.comparators[0], node.comparators[1]
        after = _Place(middle.end_lineno or 1, middle.end_col_offset or 0)
        at = self.column(after) - self.offset
        while at < len(self.source) and self.source[at].isspace():
            at += 1
        first = f"{self.text(node.left)} {_symbol(node.ops[0])} {self.text(middle)}"
        second = f"{self.text(middle)} {_symbol(node.ops[1])} {self.text(last)}"
        return ExpressionError(
            f"two comparisons in a row are not part of the language: join them with 'and', "
            f"like `{first} and {second}` (only a range between two numbers reads in a row, "
            f"like `40 <= support < 70`)",
            self.offset + at,
        )

    def text(self, node: ast.AST) -> str:
        return " ".join((ast.get_source_segment(self.source, node) or "").split())

    def constant(self, node: ast.Constant) -> ValueKind:
        value = node.value
        if isinstance(value, bool):
            return "truth"
        if isinstance(value, str):
            raise self.fail(node, 'a quoted id may only be a function\'s argument, like member("gateway")')
        if isinstance(value, int | float):
            if abs(value) > MAX_NUMBER or not math.isfinite(value):  # abs first: no float of a huge int
                raise self.fail(
                    node,
                    f"the number {self.show(node)} is too large: "
                    f"numbers in expressions are at most {MAX_NUMBER:,}",
                )
            return "number"
        raise self.fail(
            node, f"{self.show(node)} is not a value of the language: only numbers, true and false"
        )

    def name(self, node: ast.Name) -> ValueKind:
        if node.id in TRUTH_NAMES:
            return "truth"
        variable = VARIABLES.get(node.id)
        if variable is not None:
            return variable.result
        if node.id in FUNCTIONS:
            hint = f"; {node.id} is a function: write {_signature(node.id)}"
        else:
            hint = _close(node.id, [*VARIABLES, *FUNCTIONS, "true", "false"])
        raise self.fail(node, f"unknown name '{node.id}'{hint}")

    def call(self, node: ast.Call) -> ValueKind:
        if not isinstance(node.func, ast.Name):
            raise self.fail(
                node,
                _DOTTED if isinstance(node.func, ast.Attribute) else "only a function's name can be called",
            )
        name = node.func.id
        function = FUNCTIONS.get(name)
        if function is None:
            if name in VARIABLES:
                raise self.fail(node, f"{name} is a variable, not a function: write it without parentheses")
            raise self.fail(node, f"unknown function '{name}'{_close(name, list(FUNCTIONS))}")
        if node.keywords:
            raise self.fail(node.keywords[0], f"write the ids in order, without names: {_signature(name)}")
        if len(node.args) != len(function.args):
            count = len(function.args)
            ids = "one id" if count == 1 else f"{count} ids"
            raise self.fail(node, f"{name}() takes {ids} in double quotes: {_signature(name)}")
        for arg, kind in zip(node.args, function.args, strict=True):
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                raise self.fail(
                    arg,
                    f"{name}() takes {REF_WORDS[kind]} in double quotes, like "
                    f'{name}("{_EXAMPLE_IDS[kind]}"), not {self.show(arg)}',
                )
            self.parsed.references.append(Reference(kind, arg.value, self.column(arg), name))
        return function.result


def _signature(name: str) -> str:
    """How a call of ``name`` is written, with example ids: ``relation("nasa")``."""
    ids = ", ".join(f'"{_EXAMPLE_IDS[kind]}"' for kind in FUNCTIONS[name].args)
    return f"{name}({ids})"


def _advice(shown: str, found: ValueKind) -> str:
    return f": compare it, like {shown[:-1]} > 0`" if found == "number" else ""


def _close(name: str, pool: list[str]) -> str:
    close = difflib.get_close_matches(name, pool, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
