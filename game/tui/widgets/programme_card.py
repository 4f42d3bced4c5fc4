"""A programme at a glance on the dashboard: status, health, members, next milestone, you."""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from game.engine.queries import ProgrammeView
from game.tui.text import delta, slip, status


def wrapped(text: str, width: int, most: int) -> list[str]:
    """``text`` over at most ``most`` lines of ``width`` cells; one line when the size is unknown."""
    if width <= 0 or most <= 1:
        return [text]
    lines = textwrap.wrap(text, width) or [text]
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return lines


class ProgrammeCard(Static, can_focus=True):
    """Click or Enter opens the programme's join / contribution screen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open", show=False)]

    class Open(Message):
        def __init__(self, target: str) -> None:
            self.target = target
            super().__init__()

    def __init__(self, target: str, index: int, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="card", markup=False)
        self.target = target
        self.index = index

    def show(self, view: ProgrammeView, date_of: dict[int, str], health_change: float) -> None:
        """Draw the card from a view, one fact per line; ``date_of`` maps month indexes to dates."""
        self.border_title = f"{self.index} {view.short}"
        lines: list[Content] = [
            status(view.status),
            Content.assemble(f"health {view.health:.0f}% ", delta(health_change)),
            Content(f"lead {', '.join(view.leads)}"),
            Content(f"with {', '.join(view.members)}" if view.members else "no partners yet"),
        ]
        name_at = len(lines)
        if view.next is None:
            lines.append(Content(f"all flown ({view.flown}/{view.total})"))
        else:
            nxt = view.next
            lines.append(Content(f"next {nxt.name}"))
            lines.append(Content.assemble(f"{date_of[nxt.due]} ", slip(nxt.slip_months)))
            if nxt.slip_months:
                lines.append(Content.assemble(("was ", "$text-muted"), date_of[nxt.planned]))
        standing, _, offered = view.standing.partition(" offering ")
        self.border_subtitle = f"you: {'outside' if standing == 'not a member' else standing}"
        if offered:
            lines.append(Content(f"▪ offers {offered}"))
        lines.extend(Content(f"▪ {build}") for build in view.builds)
        if view.seats:
            lines.append(Content(f"▪ {view.seats} crew seat(s)"))
        room = self.content_region.height
        if room and len(lines) > room:  # a short card (many programmes): the partners go first
            del lines[2:4]
            name_at -= 2
        if view.next is not None:  # the milestone's name takes the lines the card has to spare
            spare = 1 + self.content_region.height - len(lines)
            name = wrapped(f"next {view.next.name}", self.content_region.width, spare)
            lines[name_at : name_at + 1] = [Content(line) for line in name]
        self.update(Content("\n").join(lines), layout=False)  # fixed height: no relayout
        self.tooltip = f"{view.name}: {view.flown} of {view.total} milestones flown. Enter or click to open."

    def on_click(self) -> None:
        self.post_message(self.Open(self.target))

    def action_open(self) -> None:
        self.post_message(self.Open(self.target))
