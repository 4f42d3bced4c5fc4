"""The proposal builder (p on the deals screen): pick an agency, put items on each side, read the
agency's balance before sending; it answers at the end of the turn.

The items on offer, the balance and every refusal are the engine's (game/engine/deal_views.py,
the propose_deal action's check); the screen keeps only what the player has ticked.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.actions import Action
from game.engine.deal_items import describe, encode
from game.engine.deal_items import notes as item_notes
from game.engine.deal_views import agencies_taking_proposals, balance_text, proposal_items
from game.engine.queries import consequences
from game.engine.state import DealItemState
from game.i18n import _, joined, tr
from game.tui.screens.base import CampaignScreen
from game.tui.text import hanging
from game.tui.widgets.footer import Footer

#: The kind of action the builder sends.
PROPOSE = "propose_deal"


class ProposalScreen(CampaignScreen[None]):
    """Items to tick on each side, the agency's balance as it stands, and s to send."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "next_agency", "Next agency"),
        Binding("s", "send", "Send"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.agency = ""
        self.rows: list[tuple[int, DealItemState]] = []  # (side: 0 the player gives, 1 gets; item)
        self.ticked: set[tuple[int, DealItemState]] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="proposal-title", classes="step", markup=False)
        yield OptionList(id="proposal-items")
        yield Static(id="proposal-balance", markup=False)
        yield Static(id="proposal-notes", markup=False)
        yield Static(
            _("Enter: put on or take off the table · a: next agency · s: send"),
            id="proposal-status",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        self.agency = agencies_taking_proposals(self.game.state, self.game.compiled)[0]
        self.sub_title = _("Propose a deal")
        self.refresh_view()
        self.query_one("#proposal-items", OptionList).focus()

    def on_resize(self) -> None:
        self.refresh_view()  # the items wrap to the new width, under their text

    def sides(self) -> tuple[list[DealItemState], list[DealItemState]]:
        """(what the player gives, what the player gets), in the order listed."""
        return (
            [item for side, item in self.rows if side == 0 and (side, item) in self.ticked],
            [item for side, item in self.rows if side == 1 and (side, item) in self.ticked],
        )

    def action(self) -> Action:
        asks, gives = self.sides()
        return Action(PROPOSE, self.agency, encode(asks, gives))

    def refresh_view(self) -> None:
        game = self.game
        state, cs = game.state, game.compiled
        gives, gets = proposal_items(state, cs, self.agency)
        self.rows = [(0, item) for item in gives] + [(1, item) for item in gets]
        self.ticked &= set(self.rows)
        self.query_one("#proposal-title", Static).update(
            _("A proposal to {agency}").format(agency=cs.agencies[self.agency].name)
        )
        menu = self.query_one("#proposal-items", OptionList)
        width = menu.scrollable_content_region.width - 2  # an option's padding
        keep = menu.highlighted
        menu.clear_options()
        headings = (_("You give"), _("You get"))
        side_shown = -1
        for index, (side, item) in enumerate(self.rows):
            if side != side_shown:
                side_shown = side
                menu.add_option(
                    Option(Content.assemble((f"── {headings[side]}", "bold $text-primary")), disabled=True)
                )
            mark = ("☑ ", "bold $text-success") if (side, item) in self.ticked else ("☐ ", "")
            line = Content.assemble(mark, tr(describe(cs, item)))  # runs on under its text, after the box
            menu.add_option(Option(Content("\n").join(hanging(line, width, 2)), id=str(index)))
        if keep is not None and keep < menu.option_count:
            menu.highlighted = keep
        else:
            menu.action_first()
        asks, gets_ticked = self.sides()
        balance = tr(balance_text(state, cs, self.agency, gets_ticked, asks))
        refusal = game.check(self.action()) if (asks or gets_ticked) else ""
        parts: list[Content | tuple[str, str] | str] = [(balance, "bold")]
        if refusal and refusal not in balance:
            parts.append((" · " + _("not now: ") + tr(refusal), "$text-error"))
        if self.size.height >= 30 and (asks or gets_ticked) and not refusal:
            costs = consequences(state, cs, self.action())
            parts.append(
                (" · " + _("if signed and broken: ") + joined(", ", [tr(c) for c in costs]), "$text-muted")
            )
        self.query_one("#proposal-balance", Static).update(Content.assemble(*parts))
        notes = [tr(note) for note in item_notes(cs, [item for _side, item in self.rows])]
        notes_shown = self.query_one("#proposal-notes", Static)
        notes_shown.update(Content.styled("\n".join(notes), "$text-muted"))
        notes_shown.display = bool(notes)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        row = self.rows[int(event.option.id)]
        self.ticked ^= {row}
        self.refresh_view()

    def action_next_agency(self) -> None:
        agencies = agencies_taking_proposals(self.game.state, self.game.compiled)
        self.agency = agencies[(agencies.index(self.agency) + 1) % len(agencies)]
        self.ticked = set()
        self.refresh_view()

    def action_send(self) -> None:
        status = self.query_one("#proposal-status", Static)
        outcome = self.cislunar.act(self.action())
        if outcome.ok:
            self.ticked = set()
            status.update(
                Content.assemble(
                    (_("✓ Sent: "), "bold $text-success"), _("the answer comes at the end of the turn")
                )
            )
            self.refresh_view()
        else:
            status.update(Content.assemble((_("✗ Not allowed: "), "bold $text-error"), tr(outcome.reason)))
