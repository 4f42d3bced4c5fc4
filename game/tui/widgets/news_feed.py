"""The turn reports, newest first: what happened to the player and to the world."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine.queries import dated_news
from game.engine.reports import NewsItem, TurnReport
from game.i18n import _, tr
from game.tui.text import NEWS_MARK, hanging

#: Where a news item's text starts, after its marks (' ▸! '): the column its lines run on under.
INDENT = 4


def render_reports(
    reports: Sequence[TurnReport],
    now: str,
    limit: int = 12,
    width: int = 0,
    current: Sequence[NewsItem] = (),
) -> Content:
    """The last ``limit`` quarters' news, each under the date it happened (``now``: this turn's,
    with ``current``, this turn's news so far); the player's own news is marked with ▸ and bold.
    An item longer than ``width`` runs on under its own text, not back at the left edge (no
    wrapping while the width is not known)."""
    lines: list[Content] = []
    for date, news in reversed(dated_news(reports[-limit - 1 :], now, current)[-limit:]):
        lines.append(Content.assemble((f"── {date} ", "bold $text-primary")))
        if not news:
            lines.append(Content.assemble(("   " + _("a quiet turn"), "$text-muted")))
        for item in news:
            mark = NEWS_MARK.get(item.kind, "·")
            if item.player:
                line = Content.assemble(f" ▸{mark} ", (tr(item.text), "bold"))
            else:
                line = Content.assemble(("  " + mark + " ", "$text-muted"), tr(item.text))
            lines.extend(hanging(line, width, INDENT))
    if not lines:
        lines.append(
            Content.assemble((_("No news yet: end the turn to see what the world does."), "$text-muted"))
        )
    return Content("\n").join(lines)


class NewsFeed(VerticalScroll, can_focus=True):
    """A scrollable feed; updating it replaces one Static, which keeps turn advance instant."""

    _shown: tuple[Sequence[TurnReport], str, Sequence[NewsItem]] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="news-body", markup=False)

    def show(self, reports: Sequence[TurnReport], now: str, current: Sequence[NewsItem] = ()) -> None:
        """The reports, and ``current``: the turn's news so far (the opening event on turn 1)."""
        self._shown = (reports, now, current)
        width = self.scrollable_content_region.width
        body = render_reports(reports, now, width=width, current=current)
        self.query_one("#news-body", Static).update(body)
        self.scroll_home(animate=False)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
