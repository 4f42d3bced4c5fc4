"""Textual's footer, with the keys' descriptions in the language in force.

Key bindings are declared once per class with their English description (the catalogue
tooling collects them from ``Binding(key, action, "Description")``); the footer translates
them as it draws, so a change of language shows at the next redraw.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from game.i18n import N_, _

#: Textual's own description of its command palette key, which the footer shows too.
PALETTE = N_("palette")


class Footer(TextualFooter):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
            yield widget
