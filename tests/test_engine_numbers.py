"""No game number is written in engine code: each lives in the scenario's typed rules.

A designer tunes the game in a scenario file (its ``rules:`` section, documented defaults in
game/format/models.py), so the engine may only hold 0 and 1, unit conversions, and the
few numbers below that are no rule of the game.
"""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "game" / "engine"

#: Unit conversions: allowed beside * / // % (``money / 1000``) or as an UPPER_CASE constant.
UNIT_CONVERSIONS = {
    12: "months in a year",
    3: "months in a quarter",
    100: "per cent",
    1000: "k$ in a M$",
}
_CONVERSION_OPS = (ast.Mult, ast.Div, ast.FloorDiv, ast.Mod)

#: Numbers that are no rule of the game, by file, each with its reason.
NOT_RULES: dict[tuple[str, float], str] = {
    ("snapshot.py", 625): "the length of a Mersenne Twister state, in the save format",
    ("snapshot.py", 2): "2**32, the range of a generator's words",
    ("snapshot.py", 32): "2**32, the range of a generator's words",
    ("snapshot.py", 40): "how much of a bad value a save error quotes",
    ("snapshot.py", 37): "how much of a bad value a save error quotes",
    ("expressions.py", 2): "and/or of two parts get a closure of their own (speed)",
    ("expressions.py", 4): "the calls a condition's part must cost to be kept, not asked (watch.py: speed)",
    ("expressions.py", 8): "the calls a name that loops over the state counts for (watch.py: speed)",
    ("research.py", 4096): "how many reliability bonuses a scenario keeps worked out (memory, not play)",
    ("race_view.py", 99): "the most turns the rivals screen counts before it says 'far off' (two digits)",
}

HOW = (
    "it is a game number in engine code. Add a field for it to class Rules in "
    "game/format/models.py (a name, its type and bounds, this value as the default, a "
    "description), read it as cs.rules.<name>, and run `python -m game.format.reference` and "
    "`cislunar schema -o schema/scenario.schema.json`. A unit conversion or a number that is no "
    "rule of the game goes in tests/test_engine_numbers.py's allow-lists, with its reason."
)


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _is_rank(parent: ast.AST | None) -> bool:
    """``rank = 4``: where an action kind's group comes on the decisions screen, no game number."""
    target = getattr(parent, "target", None) or next(iter(getattr(parent, "targets", ())), None)
    return isinstance(target, ast.Name) and target.id.lower().endswith("rank")


def _is_conversion(node: ast.Constant, parent: ast.AST | None) -> bool:
    if node.value not in UNIT_CONVERSIONS:
        return False
    if isinstance(parent, ast.BinOp) and isinstance(parent.op, _CONVERSION_OPS):
        return True
    if isinstance(parent, ast.AugAssign) and isinstance(parent.op, _CONVERSION_OPS):
        return True
    return (
        isinstance(parent, ast.Assign)
        and len(parent.targets) == 1
        and isinstance(parent.targets[0], ast.Name)
        and parent.targets[0].id.isupper()
    )


def stray_numbers(text: str, where: str) -> list[str]:
    """Every number of a module's ``text`` (file ``where``) that is not 0, 1, a unit conversion or allowed."""
    lines = text.splitlines()
    tree = ast.parse(text)
    parents = _parents(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or type(node.value) not in (int, float):
            continue
        parent = parents.get(node)
        if node.value in (0, 1) or _is_conversion(node, parent) or _is_rank(parent):
            continue
        if (Path(where).name, node.value) in NOT_RULES:
            continue
        found.append(f"{where}:{node.lineno}: {node.value!r} in `{lines[node.lineno - 1].strip()}`: {HOW}")
    return found


def test_the_engine_holds_no_game_number() -> None:
    root = ENGINE.parent.parent
    stray = [
        line
        for path in sorted(ENGINE.rglob("*.py"))
        for line in stray_numbers(path.read_text(), str(path.relative_to(root)))
    ]
    assert not stray, "\n".join(stray)


def test_the_guard_finds_a_new_number_and_says_where_it_goes() -> None:
    text = "LIMIT = 40\n\n\ndef chance(x):\n    return x / 1000 + 0.35 * x % 12 - 1\n"
    first, second = stray_numbers(text, "game/engine/new.py")
    assert first.startswith("game/engine/new.py:1: 40 in `LIMIT = 40`: it is a game number")
    assert second.startswith("game/engine/new.py:5: 0.35 in `return x / 1000")
    assert "Add a field for it to class Rules in game/format/models.py" in second
