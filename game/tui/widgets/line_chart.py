"""A line chart of one figure over the campaign, drawn by plotext to the widget's size.

plotext is imported on first draw only (it costs ~0.15 s), so it never slows start-up;
the chart is drawn without colour, so it reads the same in both themes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from game.i18n import _
from game.tui.text import amount


class LineChart(Widget):
    """Plots ``values`` against ``years`` (decimal years), titled, with a tick per year."""

    DEFAULT_CSS = "LineChart { height: 12; }"

    def __init__(self, title: str, years: Sequence[float], values: Sequence[float], *, id: str | None = None):
        super().__init__(id=id)
        self.title = title
        self.years = list(years)
        self.values = list(values)
        self._cache: tuple[tuple[int, int], Text] | None = None

    def render(self) -> Text:
        size = (self.size.width, self.size.height)
        if self._cache is None or self._cache[0] != size:
            self._cache = (size, self._draw(*size))
        return self._cache[1]

    def _draw(self, width: int, height: int) -> Text:
        if width < 20 or height < 5 or len(self.values) < 2:
            return Text(_("{title}: not enough turns played for a chart").format(title=self.title))
        import plotext

        figure = plotext.figure
        figure.clear()
        figure.plot_size(width, height)
        figure.theme("colorless")
        signal = figure.signal(self.years, self.values)
        signal.lines()
        figure.draw(signal)
        figure.title(self.title)
        first, last = int(min(self.years)), int(max(self.years))
        step = max(1, (last - first + 1) // max(1, width // 8))
        ticks = list(range(first, last + 1, step))
        figure.ruler(0).ticks(ticks, [str(year) for year in ticks])
        low, high = min(self.values), max(self.values)
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        marks = [low + (high - low) * i / 3 for i in range(4)]
        figure.ruler(1).ticks(marks, [amount(mark) for mark in marks])
        return Text(figure.build().string(colorless=True), no_wrap=True, overflow="crop")
