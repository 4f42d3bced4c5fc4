"""The outlook (F on the dashboard): where each road is likely to lead from this turn.

Each road the player can follow is played forward many times by the scenario's reference
strategies (game/sim/forecast.py); this screen only starts that work off the interface's
thread, shows its progress, and lays the figures out. Escape leaves at any time and stops
the work. The same campaign and seed show the same figures as ``cislunar forecast``.

The app keeps the last figures with what they were computed from (:class:`LastForecast`):
reopening the outlook on the same turn of the same state with the same runs and seed shows
them at once instead of playing the same playouts again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, ProgressBar, Static
from textual.worker import get_current_worker

from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.state import GameState
from game.i18n import _, tr
from game.sim.forecast import (
    DEFAULT_RUNS,
    DEFAULT_SEED,
    CampaignForecast,
    forecast,
    forecast_roads,
    forecast_table,
)
from game.sim.parallel import default_jobs
from game.sim.playouts import PlayoutsCancelled
from game.tui.screens.base import CampaignScreen
from game.tui.widgets.footer import Footer

RUNS = DEFAULT_RUNS  # playouts per road, as `cislunar forecast` plays by default
MOST_LABEL = 25  # most cells of a row's label: a longer one is cut with '…'
MOST_COLUMN = 13  # most cells of a road's column


def outlook_table(figures: CampaignForecast) -> Content:
    """The forecast's table: a column per road, the labels translated, the headings bold.

    The columns are as wide as their widest text needs (a road's name, a score's range), so that five
    roads fit in 80 columns in English and in Russian.
    """
    rows = forecast_table(figures)
    labels = [("  " + tr(row.label)) if row.indent else tr(row.label) for row in rows]
    cells = [[tr(cell) for cell in rows[0].cells], *(row.cells for row in rows[1:])]
    label_width = min(MOST_LABEL, max(len(label) for label in labels) + 1)
    width = min(MOST_COLUMN, max((len(cell) for line in cells for cell in line), default=0) + 2)
    lines = []
    for index, (label, line) in enumerate(zip(labels, cells, strict=True)):
        shown = label if len(label) < label_width else label[: label_width - 2] + "…"
        text = "".join(f"{_fit(cell, width):>{width}}" for cell in line)
        style = "bold" if index == 0 or not any(line) else ""
        lines.append(Content.assemble((f"{shown:<{label_width}}", style), (text, style)))
    return Content("\n").join(lines)


@dataclass(frozen=True, slots=True)
class LastForecast:
    """The figures of the last forecast and what they were computed from: the same scenario (the
    compiled object itself), turn, state (by hash), runs and seed give the same figures."""

    compiled: CompiledScenario
    month: int
    state: str  # the state's hash
    runs: int
    seed: int
    figures: CampaignForecast

    def fits(self, compiled: CompiledScenario, month: int, state: str, runs: int, seed: int) -> bool:
        return self.compiled is compiled and (self.month, self.state, self.runs, self.seed) == (
            month,
            state,
            runs,
            seed,
        )


def _fit(text: str, width: int) -> str:
    return text if len(text) < width else text[: width - 2] + "…"


class OutlookScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f", "app.pop_screen", "Back", show=False),
    ]

    def __init__(self, runs: int | None = None, seed: int = DEFAULT_SEED, jobs: int | None = None) -> None:
        super().__init__()
        self.runs = RUNS if runs is None else runs
        self.seed = seed
        self.jobs = default_jobs() if jobs is None else jobs
        self.figures: CampaignForecast | None = None  # once the playouts are done
        self.state_hash = ""  # of the state forecast from (set on mount)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="outlook"):
            yield Static(id="outlook-intro", markup=False)
            yield ProgressBar(id="outlook-progress", show_eta=False)
            yield Static(id="outlook-table", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        game = self.game
        state, cs = game.state, game.compiled
        roads = forecast_roads(state, cs)
        self.sub_title = f"{_('Outlook')} · {game.date}"
        self.query_one("#outlook-intro", Static).update(
            Content.assemble(
                (
                    _(
                        "Where each road leads from {date}: each played {runs} times to the end by the "
                        "scenario's reference strategies (seed {seed}). A year is your first astronaut's; "
                        "— where too few playouts got there."
                    ).format(date=game.date, runs=self.runs, seed=self.seed),
                    "$text-muted",
                )
            )
        )
        self.query_one("#outlook-progress", ProgressBar).update(total=self.runs * len(roads), progress=0)
        self.query_one("#outlook-table", Static).update(
            Content(_("Playing the roads forward… Esc leaves at any time."))
        )
        self.query_one("#outlook").focus()
        self.state_hash = state_hash(state)
        last: LastForecast | None = self.app.last_forecast
        if last is not None and last.fits(cs, state.month, self.state_hash, self.runs, self.seed):
            self._show(last.figures)  # this very forecast was made already: at once
            return
        self._forecast(state.copy(), cs)  # a copy: the live game is never shared with the work

    @work(thread=True, exclusive=True, group="outlook")
    def _forecast(self, state: GameState, cs: CompiledScenario) -> None:
        worker = get_current_worker()
        bar = self.query_one("#outlook-progress", ProgressBar)

        def advance(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(bar.update, progress=done)

        try:
            figures = forecast(
                state,
                cs,
                runs=self.runs,
                seed=self.seed,
                jobs=self.jobs,
                progress=advance,
                cancelled=lambda: worker.is_cancelled,
            )
        except PlayoutsCancelled:
            return  # left before the end: nothing to show
        if not worker.is_cancelled:
            self.app.last_forecast = LastForecast(
                cs, state.month, self.state_hash, self.runs, self.seed, figures
            )
            self.app.call_from_thread(self._show, figures)

    def _show(self, figures: CampaignForecast) -> None:
        if not self.is_attached:  # left as the work finished
            return
        self.figures = figures
        self.query_one("#outlook-progress", ProgressBar).display = False
        self.query_one("#outlook-table", Static).update(outlook_table(figures))
