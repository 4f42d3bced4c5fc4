"""The dashboard's objectives: the score against the score that wins, and one line per objective
with its mark, progress, points and deadline. Clicking it (or O) opens the objectives screen."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from game.engine.goals import GoalsView, ObjectiveView
from game.format.models import MAX_OBJECTIVE_SHORT
from game.i18n import _, tr
from game.tui.text import points

#: Each objective's status as a mark and its colour (the mark says it without the colour).
GOAL_MARK = {
    "reached": ("✓", "$text-success"),
    "missed": ("✗", "$text-error"),
    "open": ("○", "$text-primary"),
}


def progress_text(view: ObjectiveView) -> str:
    """'42%', or '—' when it cannot be measured, four cells wide."""
    if view.progress is None:
        return "   —"
    return f"{view.progress:>4.0%}"


def points_text(view: ObjectiveView) -> str:
    """'12/40', or '0/20+' when reaching it early earns a bonus on top of its points."""
    bonus = "+" if view.bonus > 0 else ""
    return f"{points(view.points, view.whole)}/{points(view.worth, view.whole)}{bonus}"


def short_deadline(view: ObjectiveView) -> str:
    """'2032-Q4', 'end' or ''."""
    if view.due:
        return view.due
    return _("end") if view.deadline else ""


def goal_line(view: ObjectiveView, name_width: int) -> Content:
    mark, style = GOAL_MARK.get(view.status, ("·", ""))
    short = tr(view.short)
    name = short if len(short) <= name_width else short[: name_width - 1] + "…"
    return Content.assemble(
        (mark, style),
        f" {name:<{name_width}} ",
        (progress_text(view), "bold"),
        f" {points_text(view):>7} ",
        (f"{short_deadline(view):<7}", "$text-muted"),
    )


def score_line(view: GoalsView, width: int = 0) -> Content:
    """'Score 12 of 90 to win · 200 possible'; the most possible left out when ``width`` is too narrow."""
    won = view.score >= view.needed
    line = Content.assemble(
        (_("Score") + " ", "bold"),
        (points(view.score, view.whole), "bold $text-success" if won else "bold"),
        " " + _("of {needed} to win").format(needed=points(view.needed, view.whole)),
    )
    possible = Content.styled(" · " + possible_text(view), "$text-muted")
    if width and line.cell_length + possible.cell_length > width:
        return line
    return line + possible


def possible_text(view: GoalsView) -> str:
    """'200 possible': the objectives' points as their lines add them up; '200+ possible' when
    reaching some early earns a bonus on top (the objectives screen says how much)."""
    most = points(view.worth, view.whole)
    if view.most > view.worth:
        return _("{most}+ possible").format(most=most)
    return _("{most} possible").format(most=most)


class GoalsPanel(Static, can_focus=True):
    """The objectives at a glance; Enter or a click opens the objectives screen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Objectives", show=False)]

    class Open(Message):
        """The player asked for the objectives screen."""

    _view: GoalsView | None = None

    def show(self, view: GoalsView) -> None:
        self._view = view
        lines = [score_line(view, self.content_size.width)]
        lines += [goal_line(o, MAX_OBJECTIVE_SHORT) for o in view.objectives]
        room = self.content_size.height
        if 1 < room < len(lines):  # a short panel: the last row says how many more the screen (O) shows
            hidden = len(lines) - room + 1
            more = Content.styled(_("+{count} more").format(count=hidden), "$text-muted")
            lines = [*lines[: room - 1], more]
        self.update(Content("\n").join(lines), layout=False)

    def on_resize(self) -> None:
        if self._view is not None:
            self.show(self._view)

    def on_click(self) -> None:
        self.post_message(self.Open())

    def action_open(self) -> None:
        self.post_message(self.Open())
