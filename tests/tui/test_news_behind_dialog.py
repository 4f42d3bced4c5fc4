"""The news behind an event dialog runs on under its own text, as it does without the dialog."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.paths import default_scenario
from game.tui.app import CislunarApp
from game.tui.screens.event import EventScreen

from .conftest import SMALL, compiled
from .helpers import on_screen, screen_text, settled, until


async def test_news_wrapped_behind_the_next_turns_event_keeps_its_indent() -> None:
    """ESA, seed 886493: ending turn 1 brings news long enough for the feed's scrollbar to appear
    while the next event's dialog is already open; 'Brazil signs the Artemis Accords' ran back to
    the left edge there (' Accords') in a real terminal."""
    game = Game(compiled(default_scenario()), "esa", 886493)
    pending = game.state.pending[0]
    assert game.act(Action("answer", str(pending.uid), "stay_quiet")).ok
    app = CislunarApp(game=game, seed=886493, scenario=default_scenario(), blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: settled(app), "the dashboard")
        await pilot.press("e")
        await on_screen(pilot, EventScreen)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        news = [line[:38] for line in lines if "Accords" in line or "Artemis" in line]
        assert news, screen_text(app)
        assert not any(line.startswith(" Accords") for line in news), "\n".join(news)
