"""Which programme to open (J on the dashboard): the three roads and the go-alone path."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.engine.queries import programme_views
from game.i18n import _, tr
from game.tui.keys import EVERYWHERE
from game.tui.screens.base import CampaignModal
from game.tui.text import hanging
from game.tui.widgets.footer import Footer


class ProgrammePickScreen(CampaignModal[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Back"), *EVERYWHERE]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-dialog") as dialog:
            dialog.border_title = _("Open a programme")
            yield OptionList(*self._options(), id="programmes")
        yield Footer()

    def _options(self, width: int = 0) -> list[Option]:
        """Each programme on its line; a long one runs on under its name, after its number."""
        game = self.game
        texts = [
            (
                _("{number} {programme} ({short}) · {status} · you: {standing}").format(
                    number=i,
                    programme=tr(view.name),
                    short=tr(view.short),
                    status=tr(view.status),
                    standing=tr(view.standing),
                ),
                view.id,
            )
            for i, view in enumerate(programme_views(game.state, game.compiled), start=1)
        ]
        number = len(texts) + 1
        texts.append(
            (_("{number} Go alone: national missions and capabilities").format(number=number), "go_alone")
        )
        return [
            Option(Content("\n").join(hanging(Content(text), width, text.index(" ") + 1)), id=oid)
            for text, oid in texts
        ]

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.call_after_refresh(self.on_resize)

    def on_resize(self) -> None:
        """The options wrapped to the dialog's width once it is known, and again when it changes."""
        menu = self.query_one(OptionList)
        keep = menu.highlighted
        menu.clear_options()
        menu.add_options(self._options(menu.scrollable_content_region.width - 2))  # an option's padding
        if keep is not None and keep < menu.option_count:
            menu.highlighted = keep

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
