"""Shared fixtures: the small test scenario, compiled once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario
from game.i18n import set_language

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"


@pytest.fixture(scope="session")
def mini() -> CompiledScenario:
    return compile_scenario(load_scenario(MINI).unwrap())


@pytest.fixture
def russian() -> Iterator[None]:
    """The game in Russian for one test, English again after it."""
    set_language("ru")
    try:
        yield
    finally:
        set_language("en")


@pytest.fixture
def game(mini: CompiledScenario) -> Game:
    return Game(mini, "esa", seed=1)


@pytest.fixture(scope="session", autouse=True)
def own_settings_folder(tmp_path_factory: pytest.TempPathFactory):
    """The player's settings (the language) come from an empty folder and the environment names
    no language: a developer's own settings.json or ``LANG=ru_RU.UTF-8`` never changes what the
    tests see, and no test writes to the settings."""
    import os

    from game.i18n.language import LOCALE_VARIABLES

    names = ("XDG_CONFIG_HOME", *LOCALE_VARIABLES)
    before = {name: os.environ.get(name) for name in names}
    for name in LOCALE_VARIABLES:
        os.environ.pop(name, None)
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    yield
    for name, value in before.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
