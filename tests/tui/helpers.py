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


def continued(app: App) -> str:
    """The save the title screen's Continue names: the line under the word, as shown."""
    lines = [line.strip(" │") for line in screen_text(app).splitlines()]
    return lines[lines.index("Continue") + 1]


async def answer_events(pilot: Pilot, choice: str = "1") -> int:
    """Answer every event dialog that is open, by key; return how many were answered."""
    answered = 0
    while isinstance(pilot.app.screen, EventScreen):
        log = pilot.app.game.log  # type: ignore[attr-defined]
        done = len(log)
        await pilot.press(choice)
        await pilot.pause()
        assert log[done:] and log[done].kind == "answer", "the dialog closed and the campaign got no answer"
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


def settled(app: App) -> bool:
    """Whether the app shows what it opens on: its first screen of its own (the title, or a
    campaign's dashboard) and, for a campaign, what follows the dashboard once it is drawn
    (``CislunarApp.follow_up``: the first event waiting for an answer, or the debrief)."""
    from game.tui.screens.debrief import DebriefScreen

    if len(app.screen_stack) <= 1:
        return False
    game = getattr(app, "game", None)
    if game is None:
        return True
    if game.over:
        return isinstance(app.screen, DebriefScreen)
    return not game.state.pending or app.screen.is_modal


async def started(pilot: Pilot) -> None:
    """Wait until the app shows what it opens on (:func:`settled`): a key sent before goes to
    Textual's empty default screen, or to the dashboard under an event that opens a moment later."""
    await until(pilot, lambda: settled(pilot.app), "the app's first screen")
    await pilot.pause()


async def run_command(pilot: Pilot, text: str) -> None:
    """Run the palette's command ``text``, the way a player does: Ctrl+P, the words, the first
    match, Enter. The palette finds its matches in a worker: each step waits for what it shows
    (a loaded machine answers late), not for a guessed number of seconds."""
    from textual.command import CommandList, CommandPalette

    app = pilot.app
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the command palette")
    palette = app.screen
    await pilot.press(*text)

    def first_match() -> str:
        found = palette.query_one(CommandList)
        return str(found.get_option_at_index(0).prompt) if found.option_count else ""

    await until(pilot, lambda: text.lower() in first_match().lower(), f"the palette's match for {text!r}")
    await pilot.press("down")  # the first match highlighted, then chosen
    await until(pilot, lambda: palette.query_one(CommandList).highlighted == 0, "the match highlighted")
    await pilot.press("enter")
    await until(pilot, lambda: app.screen is not palette, "the palette to close")
    await pilot.pause()
