"""Reading what the app shows, the way a player would: the text of widgets and screens."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot
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
