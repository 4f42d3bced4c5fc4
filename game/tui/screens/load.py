"""Pick a saved campaign to resume (the list comes from the app's saves provider)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from game.i18n import _
from game.tui.saved import SavedCampaign
from game.tui.screens.base import CampaignScreen
from game.tui.widgets.footer import Footer


class LoadScreen(CampaignScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, saves: list[SavedCampaign]) -> None:
        super().__init__()
        self.saves = saves

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _("Saved campaigns, newest first. Enter resumes one; a damaged file is listed with why."),
            classes="hint",
        )
        yield OptionList(
            *(
                Option(
                    f"{save.label}\n  {_('cannot load: ') if save.problem else ''}{save.detail}",
                    id=str(i),
                    disabled=not save.resumable,
                )
                for i, save in enumerate(self.saves)
            ),
            id="saves",
        )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.cislunar.resume(self.saves[int(event.option.id or 0)])
