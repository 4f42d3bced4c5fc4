"""A figure and its unit stay on one line wherever the screens wrap text ('300 M$', '+9 mo')."""

from __future__ import annotations

from itertools import pairwise

from textual.content import Content

from game.engine.game import Game
from game.paths import default_scenario
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.join import JoinScreen

from .conftest import SMALL, compiled, make_app
from .helpers import on_screen, screen_text
from .test_deals import answer_first

SCHEDULE = "   2021: 300 M$ · 2022: 300 M$ · 2023: 300 M$ · 2024: 300 M$ · 2025: 300 M$"


def parted(lines: list[str]) -> list[tuple[str, str]]:
    """The pairs of lines where a figure ends one and its unit starts the next."""
    units = ("M$", "mo", "мес")
    return [
        (line, after)
        for line, after in pairwise(lines)
        if line.rstrip()[-1:].isdigit() and after.lstrip().startswith(units)
    ]


def test_a_wrapped_line_never_parts_a_figure_from_its_unit() -> None:
    texts = (SCHEDULE, "Cost 1,500 M$ over 20 turns, about 75 M$ a turn", "2022-Q3 +9 mo, was +3 мес")
    for width in range(12, 80):
        for text in texts:
            lines = [line.plain for line in Content(text).wrap(width)]
            assert not parted(lines), (width, lines)
            assert " ".join(" ".join(lines).split()) == " ".join(text.split())  # nothing lost or doubled


async def test_the_join_screen_schedule_keeps_300_m_whole_at_80_columns() -> None:
    """Issue 13's play-through: 'I-Hab ... 2023: 300 | M$' on the join screen."""
    game = Game(compiled(default_scenario()), "esa", 3)
    answer_first(game)
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await on_screen(pilot, DashboardScreen)
        app.push_screen(JoinScreen("gateway"))
        await on_screen(pilot, JoinScreen)
        for _ in range(4):  # I-Hab, the Orion service modules, HTV-XG, Canadarm3's commitment
            await pilot.press("down")
            await pilot.pause()
            text = screen_text(app)
            details = [line.split("▏", 1)[1] for line in text.splitlines() if "▏" in line]
            assert "M$" in " ".join(details)
            assert not parted(details), details
