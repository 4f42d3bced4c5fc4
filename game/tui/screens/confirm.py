"""Are you sure? A dialog before an action that undoes something: what it costs, then yes or no.

The cursor starts on the safe answer; Esc or N keeps things as they are, Y goes ahead. The
same dialog asks before accepting, starting or leaving, so the safe answer is a plain "No".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.i18n import _, tr
from game.tui.keys import EVERYWHERE
from game.tui.text import hanging
from game.tui.widgets.footer import Footer

#: Where a cost's text runs on, under its bullet (' • ').
BULLET = 3


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(False)", "No"),
        Binding("n", "dismiss(False)", "No", show=False),
        Binding("y", "dismiss(True)", "Yes"),
        *EVERYWHERE,
    ]

    def __init__(self, question: str, costs: Sequence[str], yes: str, heading: str = "") -> None:
        super().__init__()
        self.question = question
        self.costs = list(costs)
        self.yes = yes
        self.heading = heading  # '' for "What it costs"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog") as dialog:
            dialog.border_title = self.question
            yield Static(self._costs(), id="confirm-costs", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(_("No"), id="no", variant="primary", compact=True)
                yield Button(self.yes, id="yes", variant="error", compact=True)
        yield Footer()

    def _costs(self, width: int = 0) -> Content:
        """The heading and a bullet per cost, each running on under its own text at ``width``."""
        lines = [Content.assemble((tr(self.heading) if self.heading else _("What it costs"), "bold"))]
        for cost in self.costs:
            lines += hanging(Content(f" • {tr(cost)}"), width, BULLET)
        if not self.costs:
            lines.append(Content(" " + _("nothing")))
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_resize(self) -> None:
        costs = self.query_one("#confirm-costs", Static)
        costs.update(self._costs(costs.content_region.width))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
