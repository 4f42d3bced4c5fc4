"""Textual's footer, with the keys' descriptions in the language in force, fitted to the width.

Key bindings are declared once per class with their English description (the catalogue
tooling collects them from ``Binding(key, action, "Description")``); the footer translates
them as it draws, so a change of language shows at the next redraw.

Where the keys do not all fit (80 columns with a long language), the footer leaves out the
screen's own keys from the right, so that Help, Quit and the palette always show whole; a
screen lists its keys most important first, and the help screen lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from game.i18n import N_, _

#: Textual's own description of its command palette key, which the footer shows too.
PALETTE = N_("palette")

#: The app's keys, never left out: help and quit.
KEPT_ACTIONS = frozenset({"app.help", "app.quit"})


def key_width(key: FooterKey, compact: bool) -> int:
    """The columns a key takes in the footer (measured on Textual 8's footer): compact, its text and
    a margin (the palette: a border); otherwise its text and the padding around it."""
    text = cell_len(key.key_display) + (cell_len(key.description) + 1 if key.description else 0)
    return text + (1 if compact else 2)


def fit(keys: list[FooterKey], width: int, compact: bool) -> None:
    """Show as many keys as fit in ``width``, leaving out the screen's own keys from the right."""
    for key in keys:
        key.display = True
    used = sum(key_width(key, compact) for key in keys)
    for key in reversed(keys):
        if used <= width:
            return
        if key.action in KEPT_ACTIONS or key.has_class("-command-palette"):
            continue
        key.display = False
        used -= key_width(key, compact)


class Footer(TextualFooter):
    def compose(self) -> ComposeResult:
        widgets = list(self._translated(super().compose()))
        fit(
            [w for w in widgets if isinstance(w, FooterKey)],
            self.size.width or self.app.size.width,
            self.compact,
        )
        yield from widgets

    def _translated(self, widgets: Iterable[Widget]) -> Iterable[Widget]:
        for widget in widgets:
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
            yield widget

    def on_resize(self, event: events.Resize) -> None:
        fit(list(self.query_children(FooterKey)), event.size.width, self.compact)
