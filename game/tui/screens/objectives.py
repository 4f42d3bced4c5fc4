"""Every objective of the campaign: what it asks, how far it is, its deadline and how it scores."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from game.engine.goals import GoalsView, ObjectiveView, goals_view
from game.i18n import N_, _, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import points
from game.tui.widgets.footer import Footer
from game.tui.widgets.goals_panel import GOAL_MARK, points_text, possible_text

BAR = 20  # cells of a progress bar
STATUS_WORD = {"reached": N_("reached"), "missed": N_("missed: its deadline passed"), "open": N_("open")}


def bar(progress: float | None) -> Content:
    """'██████░░░░░░ 42%', or a note that the objective has no figure to measure."""
    if progress is None:
        return Content.assemble((_("no figure to measure: it is reached or not"), "$text-muted"))
    full = round(progress * BAR)
    return Content.assemble(
        ("█" * full, "$text-success"), ("░" * (BAR - full), "$text-muted"), f" {progress:.0%}"
    )


def objective_head(view: ObjectiveView) -> Content:
    mark, style = GOAL_MARK.get(view.status, ("·", ""))
    return Content.assemble(
        (f"{mark} ", style),
        (tr(view.name), "bold"),
        "  ",
        (_("{points} points").format(points=points_text(view)), "bold"),
        (f"  {tr(view.deadline)}" if view.deadline else "", "$text-muted"),
    )


def objective_body(view: ObjectiveView) -> Content:
    """What it asks, how far it is, its status and how it scores (indented by the stylesheet)."""
    lines = [Content(tr(view.description))] if view.description else []
    lines.append(
        Content.assemble(bar(view.progress), (f"  {tr(view.measure)}" if view.measure else "", "$text-muted"))
    )
    status = _(STATUS_WORD.get(view.status, view.status))
    lines.append(Content.assemble((_("Status:") + " ", "$text-muted"), status))
    lines.extend(Content(tr(line)) for line in view.how)
    return Content("\n").join(lines)


def summary(view: GoalsView, over: bool) -> Content:
    return Content.assemble(
        ((_("Final score") if over else _("Score so far")) + " ", "bold"),
        (points(view.score, view.whole), "bold"),
        " · " + _("{needed} needed to win at the end").format(needed=points(view.needed, view.whole)),
        " · " + possible_text(view),
    )


class ObjectivesScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("o", "app.pop_screen", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="objectives"):
            yield Static(id="objectives-summary", markup=False)
            for objective in self.game.compiled.objectives:
                yield Static(id=f"goal-head-{objective.model.id}", classes="goal-head", markup=False)
                yield Static(id=f"goal-body-{objective.model.id}", classes="goal-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#objectives").focus()

    def refresh_view(self) -> None:
        game = self.game
        view = goals_view(game.state, game.compiled)
        self.sub_title = f"{_('Objectives')} · {game.date}"
        self.query_one("#objectives-summary", Static).update(summary(view, game.over))
        for objective in view.objectives:
            self.query_one(f"#goal-head-{objective.id}", Static).update(objective_head(objective))
            self.query_one(f"#goal-body-{objective.id}", Static).update(objective_body(objective))
