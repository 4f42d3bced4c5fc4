"""The deals screen (n on the dashboard): the agencies' offers waiting for an answer, with their
terms, deadline and what refusing does; the ledger of agreements and what breaking each costs;
the accept, refuse and break decisions; and p to propose a deal of the player's own.

Every figure and sentence is the engine's (game/engine/deal_views.py); this screen lays them out.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static

from game.engine.deal_views import DealView, agencies_taking_proposals, ledger
from game.i18n import N_, _, joined, tr
from game.tui.screens.decisions import DecisionsScreen
from game.tui.text import hanging
from game.tui.widgets.footer import Footer

#: The kinds of action this screen lists.
DEAL_KINDS = ("accept_deal", "refuse_deal", "break_deal")

#: How each status is marked and named in the ledger.
STATUS: dict[str, tuple[str, str, str]] = {
    "offered": ("●", "$text-warning", N_("offer")),
    "proposed": ("…", "$text-primary", N_("your proposal")),
    "signed": ("✓", "$text-success", N_("in force")),
    "completed": ("✓", "$text-muted", N_("kept, ended")),
    "refused": ("✗", "$text-muted", N_("refused")),
    "lapsed": ("✗", "$text-muted", N_("lapsed")),
    "declined": ("✗", "$text-muted", N_("declined")),
    "broken": ("✗", "$text-error", N_("broken")),
}
#: The past deals a short screen shows (a tall one shows them all).
PAST_SHOWN = 2
#: Columns a deal's terms and consequences stand in, and its head line's run-on lines.
INDENT, HEAD_INDENT = 4, 2


def view_lines(view: DealView, wide: bool, width: int = 0) -> list[Content]:
    """A deal's head line (mark, agency, title, status, when), its terms, and what refusing or
    breaking costs; on a wide screen what the agency says too. Each is wrapped to ``width`` with
    its run-on lines indented under it."""
    mark, style, name = STATUS[view.status]
    head = Content.assemble(
        (f"{mark} ", style),
        (f"{view.agency}: ", "bold"),
        (tr(view.title), "bold"),
        (f" · {_(name)}", style),
        (f" · {tr(view.when)}" if view.when else "", "$text-muted"),
    )
    lines = hanging(head, width, HEAD_INDENT)
    if wide and view.text:
        lines += hanging(Content(tr(view.text)), width, INDENT, INDENT)
    if view.status in ("offered", "proposed", "signed"):
        lines += hanging(Content(tr(view.terms)), width, INDENT, INDENT)
    if view.consequences:
        what = _("refusing: {what}") if view.status == "offered" else _("breaking: {what}")
        told = what.format(what=joined(", ", [tr(c) for c in view.consequences]))
        lines += hanging(Content.styled(told, "$text-muted"), width, INDENT, INDENT)
    return lines


class DealsScreen(DecisionsScreen):
    """The offers, the ledger and the deal decisions; p opens the proposal builder."""

    #: Its own key, before the decisions' "hide refused" so that the footer keeps it at 80 columns.
    PROPOSE_KEY = Binding("p", "propose", "Propose a deal")
    BINDINGS: ClassVar[list[BindingType]] = [
        *DecisionsScreen.BINDINGS[:2],
        PROPOSE_KEY,
        *DecisionsScreen.BINDINGS[2:],
    ]

    def __init__(self) -> None:
        super().__init__(kinds=DEAL_KINDS)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Deals: offers and agreements"), classes="step", id="decisions-title")
        with VerticalScroll(id="deals-ledger-box", can_focus=False):  # scrolls when it outgrows its half
            yield Static(id="deals-ledger", markup=False)
        yield OptionList(id="options")
        yield Static(
            _("Enter: choose · accepting says what breaking costs · p: propose a deal"),
            id="decision-status",
            markup=False,
        )
        yield Footer()

    def refresh_view(self) -> None:
        game = self.game
        wide = self.size.height >= 30
        views = ledger(game.state, game.compiled)
        current = [v for v in views if v.status in ("offered", "proposed", "signed")]
        past = [v for v in views if v not in current]
        # a column left for the scrollbar the ledger shows once it outgrows its half, so that
        # its lines are not wrapped again then (a stable gutter left a blank line in a terminal)
        width = max(0, self.query_one("#deals-ledger", Static).content_region.width - 1)
        lines: list[Content] = []
        said: set[str] = set()
        for view in current:
            lines += view_lines(view, wide, width)
            for note in view.notes:  # what its terms' short words leave unsaid, under the first that has it
                if note not in said:
                    said.add(note)
                    lines += hanging(Content.styled(tr(note), "$text-muted"), width, INDENT, INDENT)
        shown_past = past if wide else past[:PAST_SHOWN]
        lines += [line for view in shown_past for line in view_lines(view, wide, width)[:1]]
        if len(shown_past) < len(past):
            more = _("… and {count} more").format(count=len(past) - len(shown_past))
            lines.append(Content.styled(more, "$text-muted"))
        if not lines:
            lines = [Content(_("No offer and no agreement yet: the agencies make offers as things change."))]
        self.query_one("#deals-ledger", Static).update(Content("\n").join(lines))
        super().refresh_view()

    def action_propose(self) -> None:
        from game.tui.screens.proposal import ProposalScreen

        if agencies_taking_proposals(self.game.state, self.game.compiled):
            self.app.push_screen(ProposalScreen())
        else:
            self.query_one("#decision-status", Static).update(
                _("No agency of this scenario takes proposals.")
            )
