"""The TUI's shared pieces live once: the screens' base class, the breakpoints, money's k$ -> M$."""

from __future__ import annotations

import re
from pathlib import Path

from game.tui import layout
from game.tui.app import CislunarApp
from game.tui.text import millions, shown, unit

GAME = Path(__file__).resolve().parents[2] / "game"


def _sources(*packages: str) -> dict[str, str]:
    return {
        path.relative_to(GAME).as_posix(): path.read_text()
        for package in packages
        for path in sorted((GAME / package).rglob("*.py"))
    }


def test_money_is_converted_in_one_place() -> None:
    assert millions(624_000) == 624 and shown("money", -1500) == -1.5 and shown("support", 3) == 3
    assert unit("money") == " M$" and unit("prestige") == ""
    copies = [
        name for name, text in _sources("tui", "cli", "web").items() if re.search(r"[/*] ?1_?000\b", text)
    ]
    assert copies == []


def test_the_breakpoints_are_defined_once() -> None:
    assert CislunarApp.HORIZONTAL_BREAKPOINTS == [(0, "-narrow"), (layout.WIDE_FROM, "-wide")]
    assert CislunarApp.VERTICAL_BREAKPOINTS == [(0, "-short"), (layout.TALL_FROM, "-tall")]
    pattern = re.compile(rf"\b({layout.WIDE_FROM}|{layout.TALL_FROM})\b")
    copies = [
        name for name, text in _sources("tui").items() if name != "tui/layout.py" and pattern.search(text)
    ]
    assert copies == []


def test_screens_reach_the_app_through_the_typed_base_class() -> None:
    untyped = [
        name for name, text in _sources("tui").items() if "attr-defined" in text or "getattr(self" in text
    ]
    assert untyped == []
