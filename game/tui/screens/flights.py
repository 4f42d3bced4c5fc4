"""The flights waiting for launch: each one's date, odds and what each outcome does, then the
preparations, holds and early launches the engine offers for them (a launch asks first)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Header, OptionList, Static

from game.engine.flight_views import FlightView, flight_views
from game.i18n import _, tr
from game.tui.screens.decisions import DecisionsScreen
from game.tui.widgets.footer import Footer

#: The kinds of action this screen lists.
FLIGHT_KINDS = ("prepare", "hold", "launch")


def flight_lines(view: FlightView, wide: bool) -> list[Content]:
    """A flight's head line (name, date, odds), and on a wide screen what each outcome does."""
    when = (
        _("launches at the end of this turn")
        if view.turns_to_launch == 0
        else _("launch at the end of {date}").format(date=view.launch)
    )
    head = Content.assemble(
        ("▲ ", "$text-primary"),
        (tr(view.name), "bold"),
        f" · {when} · ",
        (_("{chance:.0%} success").format(chance=view.success), "bold $text-success"),
        ", ",  # as the launch's own line says them, and readable without colours
        (_("{chance:.0%} partial").format(chance=view.partial), "$text-warning"),
        ", ",
        (_("{chance:.0%} failure").format(chance=view.failure), "$text-error"),
        (f" · {tr(view.prepared)}", "$text-muted"),
    )
    if not wide:
        return [head]
    return [head, *(Content(f"    {tr(line)}") for line in view.outcomes)]


class FlightsScreen(DecisionsScreen):
    """Every flight waiting for launch with its odds, over the actions that change them."""

    def __init__(self) -> None:
        super().__init__(kinds=FLIGHT_KINDS)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Flights waiting for launch"), classes="step", id="decisions-title")
        yield Static(id="flights-odds", markup=False)
        yield OptionList(id="options")
        yield Static(
            _("Enter: choose · a launch shows its odds and asks first"), id="decision-status", markup=False
        )
        yield Footer()

    def refresh_view(self) -> None:
        views = flight_views(self.game.state, self.game.compiled)
        wide = self.size.height >= 30
        lines = [line for view in views for line in flight_lines(view, wide)]
        if not lines:
            lines = [Content(_("No flight waits for its launch: finish a mission or a contribution first."))]
        self.query_one("#flights-odds", Static).update(Content("\n").join(lines))
        super().refresh_view()
