"""A Gantt-like chart of every programme's milestones: where each was planned, where it is now.

Each row reads without colour: ◇ the original date, ◆ the date now expected, ● flown
(✗ before it for each failure), ─ the slip between them, │ today; the right column says
"on time" or "+9 mo" (slips are counted in months everywhere); » marks a milestone now
expected after the campaign's end, whose calendar the axis never leaves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from game.engine.queries import MilestoneView
from game.i18n import N_, _, tr

LEGEND = N_("◇ planned  ◆ expected  ● flown  ─ slip  » after the end  │ today")


@dataclass(frozen=True, slots=True)
class GanttRow:
    group: str  # the programme's short name
    milestone: MilestoneView


@dataclass(frozen=True, slots=True)
class Calendar:
    start: int
    end: int
    today: int
    turn_months: int


class GanttChart(Widget):
    """Draws itself to its width; its height is its number of rows."""

    DEFAULT_CSS = "GanttChart { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[GanttRow] = []
        self.calendar = Calendar(0, 12, 0, 3)

    def show(self, rows: Sequence[GanttRow], calendar: Calendar) -> None:
        self.rows = list(rows)
        self.calendar = calendar
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        groups = len({row.group for row in self.rows})
        return len(self.rows) + groups + 1

    def _span(self) -> tuple[int, int]:
        """The calendar's whole years: a milestone due after the campaign ends does not stretch it."""
        first = self.calendar.start - self.calendar.start % 12
        last = self.calendar.end
        return first, last - last % 12 + 12

    def render(self) -> Content:
        width = max(40, self.size.width)
        label_width = min(34, max(14, width * 2 // 5))  # names first: they must be readable
        note_width = 10
        track = width - label_width - note_width - 2
        first, last = self._span()

        def col(month: int) -> int:
            return min(track - 1, max(0, (month - first) * (track - 1) // max(1, last - first)))

        lines = [self._axis(label_width, track, first, last, col)]
        group = None
        for row in self.rows:
            if row.group != group:
                group = row.group
                lines.append(Content.assemble((group, "bold $text-primary")))
            lines.append(self._row(row.milestone, label_width, track, note_width, col))
        return Content("\n").join(lines)

    def _axis(self, label_width: int, track: int, first: int, last: int, col) -> Content:
        cells = [" "] * track
        years = max(1, (last - first) // 12)
        step = 12 * next((n for n in (1, 2, 3, 4, 5, 10) if track * n // years >= 5), 10)
        for month in range(first, last, step):
            text = str(month // 12)
            at = col(month)
            clear = cells[max(0, at - 1) : at + len(text) + 1]  # a space either side of a year
            if at + len(text) <= track and all(c == " " for c in clear):
                cells[at : at + len(text)] = list(text)
        return Content.assemble((" " * label_width + " " + "".join(cells), "$text-muted"))

    def _row(self, m: MilestoneView, label_width: int, track: int, note_width: int, col) -> Content:
        cells = [" "] * track
        styles: list[str] = [""] * track
        today = col(self.calendar.today)
        cells[today], styles[today] = "│", "$text-muted"
        planned = col(m.planned)
        now = col(m.flown_at if m.flown_at is not None else m.due)
        for at in range(min(planned, now) + 1, max(planned, now)):
            cells[at], styles[at] = "─", "$text-warning"
        cells[planned], styles[planned] = "◇", "$text-muted"
        for n in range(min(m.failures, now)):
            cells[now - 1 - n], styles[now - 1 - n] = "✗", "$text-error"
        if m.flown:
            cells[now], styles[now] = "●", "$text-success"
        elif m.due > self.calendar.end:
            cells[now], styles[now] = "»", "$text-warning"  # expected after the campaign's end
        else:
            cells[now], styles[now] = "◆", "$text-warning" if m.slip_months else "$text-primary"
        name = tr(m.name)
        label = name if len(name) < label_width else name[: label_width - 2] + "…"
        parts: list[str | tuple[str, str]] = [f" {label:<{label_width - 1}} "]
        parts.extend((cell, style) if style else cell for cell, style in zip(cells, styles, strict=True))
        if m.flown:
            late = (" ✓ " + _("+{months} mo").format(months=m.slip_months), "$text-warning")
            note = late if m.slip_months else (" ✓ " + _("on time"), "$text-success")
        elif m.slip_months:
            note = (" " + _("+{months} mo").format(months=m.slip_months), "$text-warning")
        else:
            note = (" " + _("on time"), "$text-success")
        parts.append((note[0][:note_width], note[1]))
        return Content.assemble(*parts)
