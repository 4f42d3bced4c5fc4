"""A monkey at the keyboard: thousands of random keys on every screen, and the game never crashes.

The keys are the game's own (every binding of every screen) plus the keys of lists, dialogs
and inputs, drawn from a seeded generator so a failure replays exactly. Quitting from the
title menu is allowed: a new session starts and the monkey goes on. Run test_monkey with
CISLUNAR_MONKEY_KEYS=20000 for a long session.
"""

from __future__ import annotations

import os
import random

from textual.app import App

from game.tui.app import CislunarApp

from .conftest import LARGE, SMALL, make_app, new_game
from .helpers import started

KEYS = [
    *"edjtwrbnclya0123456789",
    "f1",
    "question_mark",
    "escape",
    "enter",
    "space",
    "up",
    "down",
    "left",
    "right",
    "tab",
    "shift+tab",
    "pageup",
    "pagedown",
    "home",
    "end",
    "backspace",
    "ctrl+t",
    "ctrl+p",
]
#: Heavier weights on the keys that move between screens, so the monkey travels.
WEIGHTS = [4 if key in ("enter", "escape", "e", "d", "j", "t", "n") else 1 for key in KEYS]
PRESSES = int(os.environ.get("CISLUNAR_MONKEY_KEYS", "1000"))  # about 30 ms a key


def screen_name(app: App) -> str:
    return type(app.screen).__name__


async def monkey(
    build: type[CislunarApp] | object, presses: int, seed: int, size: tuple[int, int]
) -> set[str]:
    """Press ``presses`` random keys on apps made by ``build``; the screens seen on the way."""
    rng = random.Random(seed)
    seen: set[str] = set()
    left = presses
    while left > 0:
        app = build()  # type: ignore[operator]
        async with app.run_test(size=size) as pilot:
            await started(pilot)
            while left > 0 and app.is_running:
                await pilot.press(rng.choices(KEYS, WEIGHTS)[0])
                left -= 1
                seen.add(screen_name(app))
            assert app.return_code in (None, 0)
    return seen


async def test_random_keys_from_the_title_reach_every_screen_without_a_crash() -> None:
    seen = await monkey(make_app, PRESSES, seed=2026, size=SMALL)
    expected = {"TitleScreen", "ScenarioScreen", "AgencyScreen", "DashboardScreen", "HelpScreen"}
    assert expected <= seen, seen
    assert {"DecisionsScreen", "TimelineScreen", "EventScreen", "JoinScreen"} <= seen, seen


async def test_random_keys_in_a_campaign_at_a_large_size_without_a_crash() -> None:
    seen = await monkey(lambda: make_app(new_game(seed=3)), PRESSES // 3, seed=7, size=LARGE)
    assert {"DashboardScreen", "DecisionsScreen", "EventScreen", "JoinScreen"} <= seen, seen
