"""Textual's footer, with the keys' descriptions in the language in force, fitted to the width.

Key bindings are declared once per class with their English description (the catalogue
tooling collects them from ``Binding(key, action, "Description")``); the footer translates
them as it draws, so a change of language shows at the next redraw.

Where the keys do not all fit (80 columns with a long language), the footer leaves out the
screen's least important keys first, so that Help, Quit and the palette always show whole. A
screen lists its keys most important first in its own ``BINDINGS`` (a subclass's list decides,
though Textual shows the keys a base class declared before the subclass's own), and the help
screen lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
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


def importance(screen: Screen) -> dict[str, int]:
    """Each action's place in the keys the screen's class lists itself, most important first."""
    ranks: dict[str, int] = {}
    for binding in type(screen).BINDINGS:
        if isinstance(binding, Binding):
            ranks.setdefault(binding.action, len(ranks))
    return ranks


def fit(keys: list[FooterKey], width: int, compact: bool, ranks: Mapping[str, int] | None = None) -> None:
    """Show as many keys as fit in ``width``, leaving out first the key that comes last in
    ``ranks`` (a screen's :func:`importance`; a key it does not list comes after all it lists),
    else the rightmost; never Help, Quit or the palette."""
    for key in keys:
        key.display = True
    used = sum(key_width(key, compact) for key in keys)
    ranks = ranks or {}
    unranked = len(ranks)
    by_importance = sorted(range(len(keys)), key=lambda i: (ranks.get(keys[i].action, unranked), i))
    for index in reversed(by_importance):
        if used <= width:
            return
        key = keys[index]
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
            importance(self.screen),
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
        fit(list(self.query_children(FooterKey)), event.size.width, self.compact, importance(self.screen))
