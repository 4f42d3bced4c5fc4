"""The title screen: new campaign, and (once saves exist) continue or load one."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.i18n import _
from game.tui.saved import SavedCampaign
from game.tui.screens.base import CampaignScreen
from game.tui.text import hanging
from game.tui.widgets.footer import Footer

BANNER = """\
   .-.          C I S L U N A R
  (   )    three roads to the Moon
   '-'\
"""
#: Where the save Continue resumes is written, under the word; an option's padding.
SAVE_INDENT, OPTION_PADDING = 2, 2


class TitleScreen(CampaignScreen[None]):
    """The menu lists Continue and Load only when the app's saves provider returns saves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New campaign"),
        Binding("c", "continue", "Continue", tooltip="once a campaign was saved"),
        Binding("l", "load", "Load", tooltip="once a campaign was saved"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.saves: list[SavedCampaign] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(
                BANNER.replace("three roads to the Moon", _("three roads to the Moon")),
                id="banner",
                markup=False,
            )
            yield Static(
                _(
                    "Join an international lunar programme, or go it alone: money, science, "
                    "prestige and public support pull against each other."
                ),
                id="pitch",
                markup=False,
            )
            yield OptionList(*self._menu(), id="menu")
        yield Footer()

    @property
    def newest(self) -> SavedCampaign | None:
        """The save Continue resumes: the newest one that can be loaded."""
        return next((save for save in self.saves if save.resumable), None)

    def _menu(self) -> list[Option]:
        items = []
        if self.newest is not None:
            items.append(Option(self._continue(self.newest), id="continue"))
        items.append(Option(_("New campaign"), id="new"))
        if self.saves:
            items.append(Option(_("Load a saved campaign"), id="load"))
        items.extend([Option(_("Help and keys"), id="help"), Option(_("Quit"), id="quit")])
        return items

    def _continue(self, save: SavedCampaign) -> Content:
        """'Continue' with the save under it, wrapped whole words under its indent (never in the
        middle of a parenthesis at 80 columns)."""
        width = self.query_one("#menu", OptionList).scrollable_content_region.width - OPTION_PADDING
        which = hanging(Content.styled(save.label, "$text-muted"), width, SAVE_INDENT, SAVE_INDENT)
        return Content("\n").join([Content(_("Continue")), *which])

    def on_mount(self) -> None:
        menu = self.query_one("#menu", OptionList)
        menu.highlighted = 0
        menu.focus()
        self.cislunar.screen_ready(self)
        # Reading the saves needs the saves library (pydantic, the engine): after the first frame.
        self.call_after_refresh(self.list_saves)

    def list_saves(self) -> None:
        """Offer Continue and Load once the saves folder has been read."""
        self.saves = self.cislunar.saves()
        if self.saves:
            self._refresh_menu()

    def _refresh_menu(self) -> None:
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        menu.add_options(self._menu())
        menu.highlighted = 0
        self.refresh_bindings()

    def mark_damaged(self, saved: SavedCampaign, reason: str) -> None:
        """List a save that failed to load as damaged, so that Continue no longer offers it."""
        self.saves = [replace(entry, problem=reason) if entry is saved else entry for entry in self.saves]
        self._refresh_menu()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "continue":
            return self.newest is not None
        if action == "load":
            return bool(self.saves)
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        handlers = {
            "continue": self.action_continue,
            "new": self.action_new,
            "load": self.action_load,
            "help": self.cislunar.action_help,
            "quit": self.cislunar.exit,
        }
        handlers[event.option.id or "new"]()

    def action_new(self) -> None:
        from game.tui.screens.scenario_pick import ScenarioScreen

        self.app.push_screen(ScenarioScreen())

    def action_continue(self) -> None:
        if self.newest is not None:
            self.cislunar.resume(self.newest)

    def action_load(self) -> None:
        from game.tui.screens.load import LoadScreen

        self.app.push_screen(LoadScreen(self.saves))
