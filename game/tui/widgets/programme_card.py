"""A programme at a glance on the dashboard: status, health, members, next milestone, you."""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from game.engine.queries import ProgrammeView
from game.i18n import _, ngettext, tr
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
        self.border_title = f"{self.index} {tr(view.short)}"
        lines: list[Content] = [
            status(view.status),
            Content.assemble(
                _("health {health}% ").format(health=f"{view.health:.0f}"), delta(round(health_change))
            ),
            Content(_("lead {agencies}").format(agencies=", ".join(tr(lead) for lead in view.leads))),
            Content(
                _("with {agencies}").format(agencies=", ".join(tr(member) for member in view.members))
                if view.members
                else _("no partners yet")
            ),
        ]
        name_at = len(lines)
        if view.next is None:
            lines.append(Content(_("all flown ({flown}/{total})").format(flown=view.flown, total=view.total)))
        else:
            nxt = view.next
            lines.append(Content(_("next {milestone}").format(milestone=tr(nxt.name))))
            lines.append(Content.assemble(f"{date_of[nxt.due]} ", slip(nxt.slip_months)))
            if nxt.slip_months:
                lines.append(Content.assemble((_("was "), "$text-muted"), date_of[nxt.planned]))
        standing, _offering, offered = view.standing.partition(" offering ")
        you = _("outside") if standing == "not a member" else tr(standing)
        self.border_subtitle = _("you: {standing}").format(standing=you)
        if offered:
            lines.append(Content(_("▪ offers {contribution}").format(contribution=tr(offered))))
        lines.extend(Content(f"▪ {tr(build)}") for build in view.builds)
        if view.seats:
            seats = ngettext("{count} crew seat", "{count} crew seats", view.seats).format(count=view.seats)
            lines.append(Content(f"▪ {seats}"))
        room = self.content_region.height
        if room and len(lines) > room:  # a short card (many programmes): the partners go first
            del lines[2:4]
            name_at -= 2
        if view.next is not None:  # the milestone's name takes the lines the card has to spare
            spare = 1 + self.content_region.height - len(lines)
            next_name = _("next {milestone}").format(milestone=tr(view.next.name))
            name = wrapped(next_name, self.content_region.width, spare)
            lines[name_at : name_at + 1] = [Content(line) for line in name]
        self.update(Content("\n").join(lines), layout=False)  # fixed height: no relayout
        self.tooltip = _("{programme}: {flown} of {total} milestones flown. Enter or click to open.").format(
            programme=tr(view.name), flown=view.flown, total=view.total
        )

    def on_click(self) -> None:
        self.post_message(self.Open(self.target))

    def action_open(self) -> None:
        self.post_message(self.Open(self.target))
