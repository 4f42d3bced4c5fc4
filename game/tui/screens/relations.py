"""Every other agency: bloc, relation with the player (number and word), last turn's change."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine.queries import net_changes
from game.i18n import _, tr
from game.tui.keys import EVERYWHERE
from game.tui.screens.base import CampaignModal
from game.tui.text import delta, relation_word, signed_figure
from game.tui.widgets.footer import Footer

RELATION, WORD, CHANGE = 8, 9, 9  # the fixed columns; the bloc takes the width that is left


def fit(text: str, width: int) -> str:
    """``text`` padded to ``width``, or cut with an ellipsis when it is longer."""
    return f"{text:<{width}}" if len(text) <= width else text[: width - 1] + "…"


class RelationsScreen(CampaignModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("r", "dismiss", "Close", show=False),
        *EVERYWHERE,
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="relations-dialog") as dialog:
            dialog.border_title = _("Relations")
            with VerticalScroll():
                yield Static(markup=False, id="relations-table")
            yield Static(_("Esc closes · click a relation on the dashboard for its reasons"), classes="hint")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        table = self.query_one("#relations-table", Static)
        table.update(self.table(table.content_region.width or event.size.width))

    def table(self, width: int) -> Content:
        """One row per agency, the closest first; the bloc column uses the width the dialog has."""
        game = self.game
        state, cs = game.state, game.compiled
        last = net_changes(game.reports[-1].new_changes()) if game.reports else {}
        blocs = {b.id: tr(b.name) for b in cs.scenario.blocs}
        rows = sorted(
            (aid for aid in cs.agencies if aid != game.player),
            key=lambda aid: (-state.relation(game.player, aid), aid),
        )
        heading, bloc_heading, relation_heading = _("agency"), _("bloc"), _("relation")
        name_width = max(len(heading), *(len(tr(cs.agencies[aid].short)) for aid in rows)) + 1
        bloc_width = max(10, width - name_width - RELATION - WORD - CHANGE - 2)
        lines = [
            Content.assemble(
                (
                    f"{heading:<{name_width}}{fit(bloc_heading, bloc_width)} {relation_heading:>{RELATION}}",
                    "bold",
                )
            )
        ]
        for aid in rows:
            agency = cs.agencies[aid]
            value = state.relation(game.player, aid)
            bloc = blocs.get(agency.bloc, agency.bloc)
            relation = signed_figure(value)  # as precise as the change beside it
            lines.append(
                Content.assemble(
                    f"{tr(agency.short):<{name_width}}{fit(bloc, bloc_width)} {relation:>{RELATION}} ",
                    (f"{relation_word(value):<{WORD}}", "$text-muted"),
                    delta(last.get(f"relation:{aid}", 0)),
                )
            )
        return Content("\n").join(lines)
