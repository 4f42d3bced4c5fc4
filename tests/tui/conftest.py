"""TUI test fixtures: a clean environment, fixed seeds, apps built the same way every time.

NO_COLOR and TEXTUAL_THEME would change every screenshot, so they are removed; the app
sets its own theme, the seed is fixed and the cursor does not blink.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario
from game.tui.app import CislunarApp
from game.tui.saved import SavedCampaign, no_saves

HERE = Path(__file__).parent
TUI_FIXTURES = HERE / "fixtures"
THREE_ROADS = TUI_FIXTURES / "three_roads.yaml"
MINI = HERE.parent / "fixtures" / "mini.yaml"
SEED = 7
SMALL = (80, 24)
LARGE = (160, 50)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (Pilot needs one; no plugin is required)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


_compiled: dict[Path, CompiledScenario] = {}


def compiled(path: Path) -> CompiledScenario:
    """Each scenario is compiled once per session (games never change a compiled scenario)."""
    if path not in _compiled:
        _compiled[path] = compile_scenario(load_scenario(path).unwrap())
    return _compiled[path]


def new_game(path: Path = THREE_ROADS, agency: str = "esa", seed: int = SEED) -> Game:
    return Game(compiled(path), agency, seed)


def default_app(turns: int = 0) -> CislunarApp:
    """ESA on the shipped default scenario, ``turns`` played answering each event's first choice."""
    from game.engine.actions import Action
    from game.paths import default_scenario

    game = Game(compiled(default_scenario()), "esa", SEED)
    for _ in range(turns):
        for pending in list(game.state.pending):
            choice = game.compiled.events[pending.event].model.choices[0].id
            assert game.act(Action("answer", str(pending.uid), choice)).ok
        assert game.end_turn().ok
    return CislunarApp(game=game, seed=SEED, scenario=default_scenario(), blink=False)


def make_app(
    game: Game | None = None,
    *,
    folders: list[Path] | None = None,
    saves: Callable[[], list[SavedCampaign]] = no_saves,
) -> CislunarApp:
    """The real app with a fixed seed, no blinking and only the test scenarios to pick from."""
    dirs = [("shipped", folder) for folder in (folders or [TUI_FIXTURES])]
    return CislunarApp(game=game, seed=SEED, scenario_dirs=dirs, saves=saves, blink=False)  # type: ignore[arg-type]
