"""Every other agency: bloc, relation with the player (number and word), last turn's change."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from game.engine.queries import net_changes
from game.tui.text import delta, relation_word


class RelationsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("r", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        game = self.app.game  # type: ignore[attr-defined]
        state, cs = game.state, game.compiled
        last = net_changes(game.reports[-1].changes) if game.reports else {}
        blocs = {b.id: b.name for b in cs.scenario.blocs}
        rows = sorted(
            (aid for aid in cs.agencies if aid != game.player),
            key=lambda aid: (-state.relation(game.player, aid), aid),
        )
        lines = [Content.assemble((f"{'agency':<12} {'bloc':<14} {'relation':>8}", "bold"))]
        for aid in rows:
            agency = cs.agencies[aid]
            value = state.relation(game.player, aid)
            lines.append(
                Content.assemble(
                    f"{agency.short:<12} {blocs.get(agency.bloc, agency.bloc)[:14]:<14} {value:>+8.0f} ",
                    (f"{relation_word(value):<9}", "$text-muted"),
                    delta(last.get(f"relation:{aid}", 0)),
                )
            )
        with Vertical(classes="dialog", id="relations-dialog") as dialog:
            dialog.border_title = "Relations"
            with VerticalScroll():
                yield Static(Content("\n").join(lines), markup=False)
            yield Static("Esc closes · click a relation on the dashboard for its reasons", classes="hint")
        yield Footer()
