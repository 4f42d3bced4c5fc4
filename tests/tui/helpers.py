"""Reading what the app shows, the way a player would: the text of widgets and screens."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from game.tui.screens.event import EventScreen


def text_of(widget: Widget) -> str:
    """The plain text a Static shows."""
    assert isinstance(widget, Static)
    content = widget.content
    return content.plain if hasattr(content, "plain") else str(content)


def screen_text(app: App) -> str:
    """Every character on the screen now, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip).rstrip() for strip in strips)


async def answer_events(pilot: Pilot, choice: str = "1") -> int:
    """Answer every event dialog that is open, by key; return how many were answered."""
    answered = 0
    while isinstance(pilot.app.screen, EventScreen):
        await pilot.press(choice)
        await pilot.pause()
        answered += 1
    return answered


#: Seconds a condition may take on a loaded machine before a test gives up on it.
LOADED_TIMEOUT = 60.0


async def until(
    pilot: Pilot, condition: Callable[[], bool], what: str, timeout: float = LOADED_TIMEOUT
) -> None:
    """Wait until ``condition`` holds, letting the app work in between.

    ``pilot.pause()`` alone decides the app is done when the process's CPU clock stops advancing,
    and a loaded machine fools it: a process waiting for a core looks idle. A screen pushed after
    a refresh, an event dialog that opens after the dashboard, come later than that pause there.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"still waiting after {timeout:.0f} s for {what}"
        await pilot.pause(0.02)


async def on_screen(pilot: Pilot, kind: type[Screen], timeout: float = LOADED_TIMEOUT) -> None:
    """Wait until the screen on top is a ``kind`` (a key's screen, the opening event, the dashboard)."""
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__, timeout)


async def started(pilot: Pilot) -> None:
    """Wait until the app shows its first screen of its own (the title, or a campaign's dashboard):
    a key sent before goes to Textual's empty default screen and is lost."""
    await until(pilot, lambda: len(pilot.app.screen_stack) > 1, "the app's first screen")
    await pilot.pause()
