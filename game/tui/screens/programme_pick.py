"""Which programme to open (J on the dashboard): the three roads and the go-alone path."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.engine.queries import programme_views
from game.i18n import _, tr
from game.tui.keys import EVERYWHERE
from game.tui.screens.base import CampaignModal
from game.tui.widgets.footer import Footer


class ProgrammePickScreen(CampaignModal[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Back"), *EVERYWHERE]

    def compose(self) -> ComposeResult:
        game = self.game
        options = [
            Option(
                _("{number} {programme} ({short}) · {status} · you: {standing}").format(
                    number=i,
                    programme=tr(view.name),
                    short=tr(view.short),
                    status=tr(view.status),
                    standing=tr(view.standing),
                ),
                id=view.id,
            )
            for i, view in enumerate(programme_views(game.state, game.compiled), start=1)
        ]
        options.append(
            Option(
                _("{number} Go alone: national missions and capabilities").format(number=len(options) + 1),
                id="go_alone",
            )
        )
        with Vertical(classes="dialog", id="pick-dialog") as dialog:
            dialog.border_title = _("Open a programme")
            yield OptionList(*options, id="programmes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
