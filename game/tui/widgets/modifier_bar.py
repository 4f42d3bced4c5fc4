"""The player's timed modifiers under way: each with its turns left (or its end) and its source.

Hidden while there are none, so a scenario without modifiers looks as it always did. Where
the screen is narrow or short the modifiers share one line and the tooltip holds the rest;
where there is room each has a line of its own with what it changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from game.engine.queries import ModifierView
from game.i18n import _, tr

MARK = "⧗"  # narrow in every terminal (⏳ is a wide emoji)
ROOMY_LINES = 3  # the most lines the bar takes where there is room


def bar_lines(views: Sequence[ModifierView], roomy: bool) -> int:
    """How many lines the bar takes for these modifiers: 0 for none."""
    if not views:
        return 0
    return min(len(views), ROOMY_LINES) if roomy else 1


def _short(view: ModifierView) -> Content:
    return Content.assemble(
        (f"{MARK} {tr(view.title)}", "bold"), f" {tr(view.timing)}", (f" ({tr(view.source)})", "$text-muted")
    )


def _long(view: ModifierView) -> Content:
    parts = ", ".join(tr(part) for part in view.parts)
    return Content.assemble(
        (f"{MARK} {tr(view.title)}", "bold"),
        f" · {tr(view.timing)}",
        (" · " + _("from {source}").format(source=tr(view.source)), "$text-muted"),
        f": {parts}" if parts else "",
    )


def render_modifiers(views: Sequence[ModifierView], roomy: bool) -> Content:
    """One line for all of them, or (roomy) a line each with what it changes, '+N more' at the end."""
    if not roomy:
        return Content("  ·  ").join([_short(view) for view in views])
    shown = list(views[:ROOMY_LINES])
    lines = [_long(view) for view in shown]
    hidden = len(views) - len(shown)
    if hidden:
        more = "  " + _("(+{count} more)").format(count=hidden)
        lines[-1] = Content.assemble(lines[-1], (more, "$text-muted"))
    return Content("\n").join(lines)


def tooltip_text(views: Sequence[ModifierView]) -> str:
    """Every modifier in full, for the tooltip."""
    lines = []
    for view in views:
        line = _("{modifier}: {timing}, from {source}").format(
            modifier=tr(view.title), timing=tr(view.timing), source=tr(view.source)
        )
        parts = ", ".join(tr(part) for part in view.parts)
        lines.append(f"{line} ({parts})" if parts else line)
    return "\n".join(lines)


class ModifierBar(Static):
    """The player's timed modifiers; ``show`` returns the lines it now takes (0: hidden)."""

    def show(self, views: Sequence[ModifierView], roomy: bool) -> int:
        lines = bar_lines(views, roomy)
        self.display = lines > 0
        if lines:
            self.styles.height = lines
            self.update(render_modifiers(views, roomy))
            self.tooltip = tooltip_text(views)
        return lines
