"""One of the player's figures with its change this turn; click it (or Enter) to see why."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static


class FigureCell(Static, can_focus=True):
    """'Money  520 M$ ▲+600': a figure, its delta, and the reasons one click away."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "explain", "Why?", show=False)]

    class Explain(Message):
        """The player asks why a figure changed."""

        def __init__(self, stat: str) -> None:
            self.stat = stat
            super().__init__()

    def __init__(self, stat: str, label: str, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"figure {classes}".strip(), markup=False)
        self.stat = stat
        self.label = label

    def show(self, value: str, change: Content, reasons: str = "") -> None:
        """Update the figure; the tooltip repeats the reasons for mouse users."""
        text = Content.assemble((self.label, "$text-muted"), " ", (value, "bold"), " ", change)
        self.update(text, layout=False)  # one line in a fixed grid: no relayout of the screen
        self.tooltip = reasons or None

    def on_click(self) -> None:
        self.post_message(self.Explain(self.stat))

    def action_explain(self) -> None:
        self.post_message(self.Explain(self.stat))
