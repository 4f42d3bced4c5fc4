"""Every programme's milestones on one time axis: planned against actual, slips visible."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from game.engine.queries import milestone_views, visible_programmes
from game.i18n import _, tr
from game.tui.screens.base import CampaignScreen
from game.tui.widgets.footer import Footer
from game.tui.widgets.gantt import LEGEND, Calendar, GanttChart, GanttRow


class TimelineScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("t", "app.pop_screen", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{_('Timeline')} · {_(LEGEND)}", classes="step", markup=False)
        with VerticalScroll(id="timeline"):
            yield GanttChart(id="gantt")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#timeline").focus()

    def refresh_view(self) -> None:
        game = self.game
        state, cs = game.state, game.compiled
        self.sub_title = game.date
        rows = [
            GanttRow(tr(cs.programmes[pid].model.short), milestone)
            for pid in visible_programmes(state, cs)
            for milestone in milestone_views(state, cs, pid)
        ]
        self.query_one(GanttChart).show(rows, Calendar(cs.start, cs.end, state.month, cs.turn_months))
