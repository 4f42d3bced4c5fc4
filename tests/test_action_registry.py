"""One registry of action kinds: nothing outside it tests a kind's name, and a new kind is one module.

The second half registers a throwaway kind, as a new module of game/engine/actions/kinds/
would, and follows it through the whole game: offered, checked, applied, saved and replayed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.engine import ledger
from game.engine.actions import Action, ActionHandler, Offer
from game.engine.actions.registry import HANDLERS, group_of, handler_for, kinds, register, registered
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.state import GameState
from game.saves import SaveError, load_game, save_game
from tests.helpers import answer_all
from tests.saves_support import compiled, copy_mini

GAME = Path(__file__).resolve().parent.parent / "game"
REGISTRY = GAME / "engine" / "actions"
#: Textual's hook ``check_action(action, ...)`` receives a key binding's name, not a game action.
TEXTUAL_HOOKS = {"check_action"}


def kind_names(node: ast.AST, names: set[str]) -> list[str]:
    """The action kinds a literal (a string, or a tuple, list or set of them) names."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if node.value in names else []
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [name for item in node.elts for name in kind_names(item, names)]
    return []


def kind_tests(source: str, names: set[str]) -> list[tuple[int, str]]:
    """(line, kind) of each comparison, dict key or match case on an action kind's name in ``source``."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, hook: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            hook = node.name in TEXTUAL_HOOKS
        literals: list[ast.AST] = []
        if isinstance(node, ast.Compare) and not hook:
            literals = [node.left, *node.comparators]
        elif isinstance(node, ast.Dict):
            literals = [key for key in node.keys if key is not None]
        elif isinstance(node, ast.MatchValue):
            literals = [node.value]
        found.extend((node.lineno, name) for literal in literals for name in kind_names(literal, names))  # type: ignore[attr-defined]
        for child in ast.iter_child_nodes(node):
            visit(child, hook)

    visit(ast.parse(source), False)
    return found


def test_the_checker_finds_a_kind_tested_by_name() -> None:
    names = set(kinds())
    source = (
        'if action.kind == "fund": pass\n'
        'ok = kind in ("apply", "cancel")\n'
        'GROUPS = {"invest": "Capabilities"}\n'
        "match kind:\n"
        '    case "mission": pass\n'
        "def check_action(self, action):\n"
        '    return action == "end_turn"\n'  # a Textual binding's name: allowed
        'other = news.kind == "programme"\n'  # not an action kind
    )
    assert kind_tests(source, names) == [
        (1, "fund"),
        (2, "apply"),
        (2, "cancel"),
        (3, "invest"),
        (5, "mission"),
    ]


def test_no_module_outside_the_registry_tests_an_action_kind_by_name() -> None:
    names = set(kinds())
    offences = [
        f"{path.relative_to(GAME.parent)}:{line}: '{kind}'"
        for path in sorted(GAME.rglob("*.py"))
        if REGISTRY not in path.parents
        for line, kind in kind_tests(path.read_text(encoding="utf-8"), names)
    ]
    assert offences == [], "ask game.engine.actions.registry instead:\n" + "\n".join(offences)


def test_every_shipped_kind_is_registered_once_with_a_description() -> None:
    assert set(kinds()) == {
        "apply", "fund", "cancel", "withdraw", "invest", "mission", "diplomacy", "answer", "end_turn",
        "selection", "train", "assign",
        "prepare", "hold", "launch",
        "research", "cancel_research",
        "accept_deal", "refuse_deal", "propose_deal", "break_deal",
    }  # fmt: skip
    assert all(handler.description for handler in HANDLERS.values())
    with pytest.raises(ValueError, match="already registered"):
        register(HANDLERS["fund"])


# ---------------------------------------------------------------- a kind added by a test


class ScienceFair(ActionHandler):
    """A throwaway kind: pay 1 M$ for a science fair, once a turn."""

    kind = "science_fair"
    description = "Hold a science fair."
    group = "Outreach"

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        return "one fair a turn" if "fair" in state.acted else ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        ledger.pay(state, state.me, -1000, "science fair")
        state.acted.add("fair")

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        yield ((self.rank,), Action(self.kind), "Hold a science fair", 1000, 1000, "the public likes it")


@pytest.fixture
def fair() -> Iterator[ActionHandler]:
    with registered(ScienceFair()) as handler:
        yield handler


def test_a_registered_kind_is_offered_checked_applied_and_grouped(fair: ActionHandler, mini) -> None:
    game = Game(mini, "esa", 1)
    offered = [option for option in game.options() if handler_for(option.action) is fair]
    assert [(o.label, o.cost_now, o.allowed) for o in offered] == [("Hold a science fair", 1.0, True)]
    assert game.options()[-1] == offered[0]  # the default rank puts a new kind last
    assert group_of(offered[0].action) == "Outreach"
    money = game.state.me.money
    assert game.act(Action("science_fair")).ok
    assert game.state.me.money == money - 1000
    assert game.check(Action("science_fair")) == "one fair a turn"
    assert not game.act(Action("science_fair")).ok and game.log == [Action("science_fair")]


def test_a_registered_kind_is_saved_and_replayed(fair: ActionHandler, tmp_path: Path) -> None:
    scenario = copy_mini(tmp_path)
    game = Game(compiled(scenario), "esa", 4)
    for _ in range(3):
        answer_all(game)
        assert game.act(Action("science_fair")).ok
        assert game.end_turn().ok
    path = save_game(game, scenario, tmp_path / "fair.json")
    loaded = load_game(path)
    assert loaded.game.log == game.log and state_hash(loaded.game) == state_hash(game)


def test_a_save_with_a_kind_this_version_lacks_is_refused_clearly(tmp_path: Path) -> None:
    scenario = copy_mini(tmp_path)
    with registered(ScienceFair()):
        game = Game(compiled(scenario), "esa", 4)
        answer_all(game)
        assert game.act(Action("science_fair")).ok
        path = save_game(game, scenario, tmp_path / "fair.json")
    with pytest.raises(
        SaveError,
        match=r"fair.json:\d+:\d+: damaged save: in the 1st action record: kind: "
        r"unknown action kind .science_fair.",
    ):
        load_game(path)
