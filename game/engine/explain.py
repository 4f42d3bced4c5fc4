"""Why a condition does not hold, in plain words: the failing comparisons with their values.

A refusal such as "the programme's own conditions (not met)" tells a player nothing. This
walks the condition's tree, keeps the parts that fail, and says each one as a fact about
the player: ``relation("nasa") < 70`` failing reads "is closed to agencies with relations
of 70 or more with NASA; yours are 95". The phrases name ids by their names in the
scenario. A part the walker has no words for is quoted as written.
"""

from __future__ import annotations

import ast
from functools import cache
from typing import Any

from game.engine.compiled import CompiledScenario
from game.engine.expressions import Getter, compile_node
from game.engine.state import GameState
from game.format.expressions import parse_expression
from game.format.models import Condition, ConditionTree
from game.format.vocabulary import FUNCTIONS, VARIABLES
from game.i18n import N_, joined, msg

# What the value is when a comparison with the operator fails ("of" reads after a noun).
_FAILED_OF = {
    ast.Lt: N_("of {v} or more"),
    ast.LtE: N_("over {v}"),
    ast.Gt: N_("of {v} or less"),
    ast.GtE: N_("under {v}"),
    ast.Eq: N_("other than {v}"),
    ast.NotEq: N_("of exactly {v}"),
}
_FAILED_NUM = {
    ast.Lt: N_("{v} or more"),
    ast.LtE: N_("over {v}"),
    ast.Gt: N_("{v} or less"),
    ast.GtE: N_("under {v}"),
    ast.Eq: N_("not {v}"),
    ast.NotEq: N_("{v}"),
}
_FAILED_IS = {
    ast.Lt: N_("{v} or later"),
    ast.LtE: N_("after {v}"),
    ast.Gt: N_("{v} or earlier"),
    ast.GtE: N_("before {v}"),
    ast.Eq: N_("not {v}"),
    ast.NotEq: N_("{v}"),
}
# The player's own figures, named as "agencies with <noun> ..."; "yours is/are <value>".
_MINE = {
    "money": (N_("money in hand"), "M$"),
    "budget": (N_("a yearly budget"), "M$"),
    "support": (N_("support"), ""),
    "prestige": (N_("prestige"), ""),
    "science": (N_("science"), ""),
    "astronauts": (N_("astronauts"), ""),
    "flights": (N_("crewed lunar flights"), ""),
}
# Figures about the world, named as "while <noun> is ...".
_WORLD = {"year": N_("the year")}


#: Each condition's tree and its nodes' closures, made once: refusals are asked for every turn.
_GETTERS: dict[int, Getter] = {}


@cache
def _tree(text: str) -> ast.expr:
    """The checked tree of a condition's text (kept, so its nodes' ids stay theirs)."""
    return parse_expression(text).tree


def _value(node: ast.AST, state: GameState) -> Any:
    getter = _GETTERS.get(id(node))
    if getter is None:
        getter = _GETTERS[id(node)] = compile_node(node)
    return getter(state)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class _Words:
    """Names of the scenario's ids, and the state to read values from."""

    def __init__(self, state: GameState, cs: CompiledScenario) -> None:
        self.state, self.cs = state, cs

    def agency(self, aid: str) -> str:
        return self.cs.agencies[aid].short if aid in self.cs.agencies else aid

    def programme(self, pid: str) -> str:
        return self.cs.programmes[pid].model.short if pid in self.cs.programmes else pid

    def milestone(self, ref: str) -> str:
        pid, mid = ref.split(".", 1)
        milestones = self.cs.programmes[pid].milestones if pid in self.cs.programmes else {}
        return milestones[mid].name if mid in milestones else ref

    def mission(self, mid: str) -> str:
        return self.cs.missions[mid].name if mid in self.cs.missions else mid

    def bloc(self, bid: str) -> str:
        return next((bloc.name for bloc in self.cs.scenario.blocs if bloc.id == bid), bid)

    def achievement(self, aid: str) -> str:
        found = self.cs.race.achievements.get(aid) if self.cs.race is not None else None
        return found.name if found is not None else aid

    def project(self, pid: str) -> str:
        return self.cs.research[pid].name if pid in self.cs.research else pid

    def slot(self, ref: str) -> str:
        pid, sid = ref.split(".", 1)
        slots = self.cs.programmes[pid].slots if pid in self.cs.programmes else {}
        return slots[sid].name if sid in slots else ref


def _phrase(node: ast.AST, words: _Words) -> str:
    """The vocabulary's own words for a variable or call (game/format/vocabulary.py)."""
    if isinstance(node, ast.Name) and node.id in VARIABLES:
        return msg(VARIABLES[node.id].phrase)
    call = _call(node)
    if call is not None and call[0] in FUNCTIONS:
        entry = FUNCTIONS[call[0]]
        name_of = {"agency": words.agency, "programme": words.programme, "milestone": words.milestone}
        name_of["contribution"] = words.slot
        name_of["national_mission"] = words.mission
        name_of["achievement"] = words.achievement
        name_of["project"] = words.project
        names = [name_of.get(kind, str)(arg) for kind, arg in zip(entry.args, call[1], strict=False)]
        return msg(entry.phrase, **entry.arguments(*names))
    return ast.unparse(node)


def _both(parts: list[str]) -> str:
    """'a and b and c', each part still translatable (a sentence of the catalogue, not a join)."""
    said = parts[0]
    for part in parts[1:]:
        said = msg("{first} and {second}", first=said, second=part)
    return said


def _either_of(parts: list[str]) -> str:
    """'a or b or c', each part still translatable."""
    said = parts[0]
    for part in parts[1:]:
        said = msg("{first} or {second}", first=said, second=part)
    return said


def _call(node: ast.AST) -> tuple[str, list[str]] | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id, [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
    return None


def _fact(name: str, args: list[str], words: _Words) -> tuple[str, bool]:
    """A boolean call's fact as a clause ('First crew has flown') and whether, once true, it stays
    true ('is closed once ...' rather than '... while ...'); '' for the calls said otherwise."""
    a = args[0] if args else ""
    if name == "is_member" and len(args) > 1:
        agency, programme = words.agency(a), words.programme(args[1])
        return msg("{agency} is a member of {programme}", agency=agency, programme=programme), False
    if name == "flown":
        return msg("{milestone} has flown", milestone=words.milestone(a)), True
    if name == "failed":
        return msg("{milestone} has failed", milestone=words.milestone(a)), True
    if name == "delivered":
        return msg("{slot} is delivered", slot=words.slot(a)), True
    if name == "agency_flag" and len(args) > 1:
        return msg("'{flag}' is set for {agency}", flag=args[1], agency=words.agency(a)), False
    if name == "my_flag":
        return msg("'{flag}' is set for you", flag=a), False
    if name == "mission_flown":
        return msg("{mission} has flown", mission=words.mission(a)), True
    if name == "mission_failed":
        return msg("{mission} has failed", mission=words.mission(a)), True
    if name == "mission_underway":
        return msg("{mission} is under way", mission=words.mission(a)), False
    if name == "flag":
        return msg("'{a}' has happened", a=a), True
    return "", False


def _truth(node: ast.AST, words: _Words, holds: bool) -> str:
    """A boolean call that gives the wrong answer, as a clause after the programme's name."""
    call = _call(node)
    if call is None:
        return (
            msg("is closed after {phrase}", phrase=_phrase(node, words))
            if holds
            else msg("asks for {phrase}", phrase=_phrase(node, words))
        )
    name, args = call
    a = args[0] if args else ""
    if name == "member":
        who = words.programme(a)
        return (
            msg("is closed to members of {who}; you are one", who=who)
            if holds
            else msg("is open only to members of {who}", who=who)
        )
    if name in ("player", "bloc"):
        who = words.agency(a) if name == "player" else words.bloc(a)
        return msg("is closed to {who}", who=who) if holds else msg("is open only to {who}", who=who)
    fact, lasting = _fact(name, args, words)
    if fact and not holds:
        return msg("waits until {fact}", fact=fact)
    if fact:
        return (
            msg("is closed once {fact}", fact=fact) if lasting else msg("is closed while {fact}", fact=fact)
        )
    if name == "modifier":
        return (
            msg("is closed while '{a}' lasts", a=a) if holds else msg("is open only while '{a}' lasts", a=a)
        )
    if name == "active":
        who = words.programme(a)
        return (
            msg("is closed while {who} is active", who=who)
            if holds
            else msg("is closed while {who} is cancelled", who=who)
        )
    return (
        msg("is closed after {phrase}", phrase=_phrase(node, words))
        if holds
        else msg("asks for {phrase}", phrase=_phrase(node, words))
    )


def _comparison(node: ast.Compare, words: _Words) -> str:
    """A failing comparison of one figure with a number, with the figure's value."""
    state = words.state
    left, op, right = node.left, node.ops[0], node.comparators[0]
    flipped = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE}
    if isinstance(left, ast.Constant) and not isinstance(right, ast.Constant):
        left, right, op = right, left, flipped.get(type(op), type(op))()
    value = _number(_value(left, state))
    if len(node.ops) != 1 or not isinstance(right, ast.Constant):
        return msg(
            "asks that {condition}; {phrase} is {value}",
            condition=ast.unparse(node),
            phrase=_phrase(left, words),
            value=value,
        )
    limit = _number(right.value)
    failed_num = msg(_FAILED_NUM[type(op)], v=limit)
    failed_of = msg(_FAILED_OF[type(op)], v=limit)
    failed_is = msg(_FAILED_IS[type(op)], v=limit)
    call = _call(left)
    if isinstance(left, ast.Name) and left.id in _MINE:
        noun, unit = _MINE[left.id]
        unit = f" {unit}" if unit else ""
        return msg(
            "is closed to agencies with {noun} {failed_of}{unit}; yours is {value}{unit}",
            noun=noun,
            failed_of=failed_of,
            unit=unit,
            value=value,
        )
    if isinstance(left, ast.Name) and left.id in _WORLD:
        return msg(
            "is closed while {measure} is {failed_is}; it is {value}",
            measure=_WORLD[left.id],
            failed_is=failed_is,
            value=value,
        )
    if call is not None:
        name, args = call
        if name == "relation":
            return msg(
                "is closed to agencies with relations {failed_of} with {agency}; yours are {value}",
                failed_of=failed_of,
                agency=words.agency(args[0]),
                value=value,
            )
        if name == "capability":
            return msg(
                "is closed to agencies with a '{area}' level {failed_of}; yours is {value}",
                area=args[0],
                failed_of=failed_of,
                value=value,
            )
        if name == "seats":
            return msg(
                "is closed to agencies with {programme} seats {failed_of}; you hold {value}",
                programme=words.programme(args[0]),
                failed_of=failed_of,
                value=value,
            )
    return msg(
        "is closed while {phrase} is {failed_num}; it is {value}",
        phrase=_phrase(left, words),
        failed_num=failed_num,
        value=value,
    )


def _failing(node: ast.AST, words: _Words) -> list[str]:
    """The clauses that make ``node`` false (empty when it holds)."""
    if _value(node, words.state):
        return []
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):  # the first part that fails
        return next(clauses for value in node.values if (clauses := _failing(value, words)))
    if isinstance(node, ast.BoolOp):  # or: every alternative failed
        return [_alternatives(node.values, words)]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = node.operand
        if isinstance(inner, ast.BoolOp) and isinstance(inner.op, ast.Or):  # not (a or b)
            return [_truth(value, words, True) for value in inner.values if _value(value, words.state)]
        return [_truth(inner, words, True)]
    if isinstance(node, ast.Compare):
        return [_comparison(node, words)]
    return [_truth(node, words, False)]


def _excluded(node: ast.AST, words: _Words) -> str:
    """Who an alternative such as ``not player("isro")`` shuts out ('ISRO', 'members of ISLS', or of
    ``not bloc("west")`` the bloc's name), or ''; of ``not (player("esa") or player("jaxa"))``, which
    fails for either, the one playing."""
    if not (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
        return ""
    operand = node.operand
    if (
        isinstance(operand, ast.BoolOp)
        and isinstance(operand.op, ast.Or)
        and _calls_to("player", operand.values)
    ):
        return words.agency(words.state.player)
    call = _call(node.operand)
    if call is None or not call[1]:
        return ""
    if call[0] == "player":
        return words.agency(call[1][0])
    if call[0] == "bloc":
        return words.bloc(call[1][0])
    if call[0] == "member":
        return msg("members of {who}", who=words.programme(call[1][0]))
    return ""


def _calls_to(name: str, nodes: list[ast.expr]) -> list[str] | None:
    """The first arguments of ``nodes`` when every one is a call of ``name`` ('player("a"), player("b")':
    ['a', 'b']), else None."""
    calls = [_call(node) for node in nodes]
    if all(call is not None and call[0] == name and call[1] for call in calls):
        return [call[1][0] for call in calls if call is not None]
    return None


def _opening(node: ast.AST, words: _Words) -> str:
    """What would make a failing alternative hold, after 'closed to ISRO': 'until 2029', 'once
    'war' has happened' (a fact that must not hold), or 'unless your support over 60 (now 50)'."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        denied = _call(node.operand)
        fact, lasting = _fact(*denied, words) if denied is not None else ("", False)
        if fact:
            return msg("once {fact}", fact=fact) if lasting else msg("while {fact}", fact=fact)
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, op, right = node.left, node.ops[0], node.comparators[0]
        if isinstance(left, ast.Name) and left.id == "year" and isinstance(right, ast.Constant):
            if isinstance(op, ast.GtE):
                return msg("until {year}", year=_number(right.value))
            if isinstance(op, ast.Gt):
                return msg("until after {year}", year=_number(right.value))
        if not isinstance(left, ast.Constant) and isinstance(right, ast.Constant):
            return msg(
                "unless {condition} (now {value})",
                condition=_said(node, words),
                value=_number(_value(left, words.state)),
            )
    call = _call(node)
    fact = _fact(*call, words)[0] if call is not None else ""
    if fact:
        return msg("until {fact}", fact=fact)
    return msg("unless {condition}", condition=_said(node, words))


def _alternatives(nodes: list[ast.expr], words: _Words) -> str:
    """An ``or`` whose every alternative fails, said as what would open it: 'is closed to ISRO
    until 2029' for ``not player("isro") or year >= 2029``, 'is open only to ISRO or UAE' for
    ``player("isro") or player("uae")``, else 'asks for a or b'."""
    excluded = [(node, _excluded(node, words)) for node in nodes]
    shut = [who for _node, who in excluded if who]
    others = [node for node, who in excluded if not who]
    if shut and others:
        return msg(
            "is closed to {who} {opening}",
            who=_either_of(shut),
            opening=_either_of([_opening(node, words) for node in others]),
        )
    agencies = _calls_to("player", nodes)
    if agencies is not None:
        return msg("is open only to {who}", who=_either_of([words.agency(a) for a in agencies]))
    programmes = _calls_to("member", nodes)
    if programmes is not None:
        return msg(
            "is open only to members of {who}", who=_either_of([words.programme(p) for p in programmes])
        )
    return msg("asks for {phrase}", phrase=_either_of([_said(node, words) for node in nodes]))


def _either(alternatives: list[str]) -> str:
    """Alternatives that all failed: each is an obstacle, and any one removed would do."""
    said = alternatives[0]
    for alternative in alternatives[1:]:
        said = msg("{first}, and it {second}", first=said, second=alternative)
    return said


def _tree_failing(condition: Condition, words: _Words) -> list[str]:
    if isinstance(condition, str):
        return _failing(_tree(condition), words)
    assert isinstance(condition, ConditionTree)
    if condition.all is not None:
        return next((clauses for part in condition.all if (clauses := _tree_failing(part, words))), [])
    if condition.any is not None:
        failing = [_tree_failing(part, words) for part in condition.any]
        if not all(failing):
            return []
        if all(isinstance(part, str) for part in condition.any):
            return [_alternatives([_tree(part) for part in condition.any], words)]  # type: ignore[arg-type]
        return [_either([_both(clauses) for clauses in failing])]
    inner = condition.not_
    if isinstance(inner, str):
        tree = _tree(inner)
        return [_truth(tree, words, True)] if _value(tree, words.state) else []
    return [] if not _tree_failing(inner, words) else [N_("asks that a condition not hold")]  # type: ignore[arg-type]


def explain_failure(condition: Condition, state: GameState, cs: CompiledScenario) -> list[str]:
    """The first part of ``condition`` that fails for the player now, as clauses to follow a name
    (an ``or`` gives one clause naming each alternative); empty when the condition holds.
    "ILRS" + " " + a clause reads as a sentence.
    """
    return [clause for clause in _tree_failing(condition, _Words(state, cs)) if clause]


# ---------------------------------------------------------------- plain words of a whole condition

_COMPARED = {
    ast.Lt: N_("under"),
    ast.LtE: N_("at most"),
    ast.Gt: N_("over"),
    ast.GtE: N_("at least"),
    ast.Eq: N_("exactly"),
    ast.NotEq: N_("other than"),
}
_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "×", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "mod"}


def _said(node: ast.AST, words: _Words) -> str:
    """Any expression in the vocabulary's words: 'your science at least 2 × your budget (M$)'."""
    if isinstance(node, ast.Constant):
        return _number(node.value)
    if isinstance(node, ast.BoolOp):
        said = [_said(value, words) for value in node.values]
        return _both(said) if isinstance(node.op, ast.And) else _either_of(said)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return msg("not ({condition})", condition=_said(node.operand, words))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return msg("-{value}", value=_said(node.operand, words))
    if isinstance(node, ast.Compare):
        said = _said(node.left, words)
        for op, right in zip(node.ops, node.comparators, strict=False):
            said = msg(
                "{left} {compared} {right}",
                left=said,
                compared=_COMPARED.get(type(op), "?"),
                right=_said(right, words),
            )
        return said
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return msg(
            "{left} {operator} {right}",
            left=_said(node.left, words),
            operator=_OPERATORS[type(node.op)],
            right=_said(node.right, words),
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
        values = joined(", ", [_said(arg, words) for arg in node.args])
        if node.func.id == "min":
            return msg("the least of {values}", values=values)
        return msg("the most of {values}", values=values)
    return _phrase(node, words)


def describe(condition: Condition, cs: CompiledScenario, state: GameState) -> str:
    """A whole condition or number in plain words, naming the scenario's ids by their names."""
    words = _Words(state, cs)
    if isinstance(condition, str):
        return _said(_tree(condition), words)
    assert isinstance(condition, ConditionTree)
    if condition.all is not None:
        return _both([describe(part, cs, state) for part in condition.all])
    if condition.any is not None:
        return _either_of([describe(part, cs, state) for part in condition.any])
    return msg("not ({condition})", condition=describe(condition.not_, cs, state))  # type: ignore[arg-type]


def measure(condition: Condition, state: GameState) -> tuple[float, float] | None:
    """How far a condition that compares one figure with a higher one (``science >= 350``,
    ``science >= 2 * budget``) is: the figure and the figure it must reach; None otherwise."""
    if not isinstance(condition, str):
        return None
    node = _tree(condition)
    if not isinstance(node, ast.Compare) or len(node.ops) != 1 or type(node.ops[0]) not in (ast.Gt, ast.GtE):
        return None
    value, goal = _value(node.left, state), _value(node.comparators[0], state)
    if isinstance(value, bool) or isinstance(goal, bool) or not isinstance(value, int | float):
        return None
    if not isinstance(goal, int | float) or not goal > 0:
        return None
    return float(value), float(goal)
