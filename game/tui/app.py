"""The Cislunar app: wires the screens to one :class:`Game` and turns keys into engine actions.

It holds no rule. Screens call :meth:`CislunarApp.act` and :meth:`CislunarApp.end_turn`,
which pass the actions to the engine and then show what follows (an event to answer,
the debrief once the campaign is over).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen

from game.engine.actions import Action
from game.i18n import N_, SOURCE_LANGUAGE, _, current_language, keep_sources, set_language, tr, use_scenario
from game.tui import layout, wrapping  # noqa: F401 (wrapping: a figure and its unit never part)
from game.tui.commands import CampaignCommands
from game.tui.keys import EVERYWHERE, QUIT
from game.tui.saved import SavedCampaign, SavesProvider, no_saves

if TYPE_CHECKING:  # the engine and pydantic load with the first campaign, not at start-up
    from game.campaign import Campaign
    from game.engine.game import Game, Outcome
    from game.format.catalogue import Origin
    from game.tui.screens.dashboard import DashboardScreen
    from game.tui.screens.outlook import LastForecast

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class CislunarApp(App[int]):
    """Start with ``game=`` to resume a campaign (saves do), ``scenario=`` (or its loaded ``campaign=``)
    to pick an agency on it, else on the title screen."""

    CSS_PATH = "app.tcss"
    TITLE = "Cislunar"
    SUB_TITLE = N_("three roads to the Moon")
    COMMANDS = App.COMMANDS | {CampaignCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = layout.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = layout.VERTICAL_BREAKPOINTS
    BINDINGS: ClassVar[list[BindingType]] = [QUIT, *EVERYWHERE]

    def __init__(
        self,
        game: Game | None = None,
        *,
        seed: int | None = None,
        difficulty: str | None = None,
        scenario: str | Path | None = None,
        campaign: Campaign | None = None,
        scenario_dirs: list[tuple[Origin, Path]] | None = None,
        saves: SavesProvider = no_saves,
        saves_folder: Path | None = None,
        settings_path: Path | None = None,
        blink: bool = True,
        dark: bool = True,
        exit_after_first_frame: bool = False,
    ) -> None:
        super().__init__()
        keep_sources()  # the news and reasons this app shows can be translated, whenever the language changes
        self.game = game
        self.seed = seed
        #: The difficulty level set-up offers first (``--difficulty``), when the scenario has it.
        self.difficulty = difficulty
        self.scenario = Path(scenario) if scenario else None
        #: The scenario to pick an agency on at start-up, when it was loaded already.
        self.campaign = campaign
        self.scenario_dirs = scenario_dirs
        self.saves = saves
        #: Where saves and the autosave of every turn go; None turns saving off (tests, previews).
        self.saves_folder = saves_folder
        #: Where a change of language is remembered; None keeps it for this run only (tests, previews).
        self.settings_path = settings_path
        #: The scenario file of the campaign being played, recorded in its saves.
        self.scenario_path: Path | None = self.scenario if game is not None else None
        self.blink = blink
        #: The outlook's last figures, shown again at once for the same state (screens/outlook.py).
        self.last_forecast: LastForecast | None = None
        self.exit_after_first_frame = exit_after_first_frame
        self.theme = DARK_THEME if dark else LIGHT_THEME

    # ---- start-up and campaigns
    def on_mount(self) -> None:
        self.sub_title = _(self.SUB_TITLE)
        if self.game is not None:
            self.translate_scenario(self.scenario_path)
            self.open_campaign()
        elif self.scenario is not None:
            from game.campaign import Campaign
            from game.tui.screens.agency_pick import AgencyScreen
            from game.tui.screens.title import TitleScreen

            self.push_screen(TitleScreen())
            self.translate_scenario(self.scenario)
            self.push_screen(AgencyScreen(self.campaign or Campaign.load(self.scenario)))
        else:
            from game.tui.screens.title import TitleScreen

            self.push_screen(TitleScreen())

    def open_campaign(self) -> None:
        """Show the dashboard of ``self.game`` on its own (set-up screens are dropped)."""
        from game.tui.screens.dashboard import DashboardScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(DashboardScreen())
        self.call_after_refresh(self.follow_up)

    def start_campaign(self, game: Game, scenario_path: Path | None = None) -> None:
        """A new or resumed campaign replaces whatever was being played."""
        self.game = game
        self.scenario_path = scenario_path
        self.translate_scenario(scenario_path)
        self.open_campaign()

    def translate_scenario(self, path: Path | None) -> None:
        """Show the texts of the scenario at ``path`` in the language in force (from the ``.po``
        files beside it and beside what it extends); a broken translation is reported, and English shown."""
        if path is None or current_language() == SOURCE_LANGUAGE:
            return
        from game.format.catalogue import scenario_files

        for problem in use_scenario(scenario_files(path)):
            self.notify(problem, title=_("Translation not loaded"), severity="warning", timeout=10)

    def resume(self, saved: SavedCampaign) -> None:
        """Open a saved campaign; a file that cannot be trusted is reported and nothing changes."""
        from game.saves.errors import SaveError

        try:
            resumed = saved.open()
        except SaveError as error:
            self._refuse_save(saved, str(error))
            return
        except Exception as error:  # one menu choice never ends the game: the file is at fault
            reason = _("{save}: this save cannot be loaded ({error})")
            self._refuse_save(saved, reason.format(save=saved.label, error=type(error).__name__))
            return
        self.start_campaign(resumed.game, resumed.scenario_path)

    def _refuse_save(self, saved: SavedCampaign, reason: str) -> None:
        """Say why a save cannot be loaded, and stop offering it (Continue moves to the next one)."""
        from game.tui.screens.title import TitleScreen

        self.notify(reason, title=_("Cannot load this save"), severity="error", timeout=10)
        for screen in self.screen_stack:
            if isinstance(screen, TitleScreen):
                screen.mark_damaged(saved, reason)

    # ---- saves
    @property
    def can_save(self) -> bool:
        """A campaign to save, the scenario file it is played on, and somewhere to put it."""
        return self.game is not None and self.saves_folder is not None and self.scenario_path is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.can_save if action == "save" else True

    def action_save(self) -> None:
        """Save the campaign under a new name in the saves folder."""
        if not self.can_save:
            return
        from game.saves import SaveError, new_save_path, save_game

        try:
            path = save_game(self.game, self.scenario_path, new_save_path(self.game, self.saves_folder))
        except SaveError as error:
            self.notify(str(error), title=_("Not saved"), severity="error", timeout=10)
            return
        except Exception as error:  # a save that cannot be written never ends the campaign
            reason = _("this campaign cannot be saved ({error})").format(
                error=f"{type(error).__name__}: {error}"
            )
            self.notify(reason, title=_("Not saved"), severity="error", timeout=10)
            return
        self.notify(_("Saved as {name}").format(name=path.name), title=_("Saved"))

    def autosave(self) -> None:
        """Replace this campaign's autosave (about 5 ms for a whole default campaign: no worker needed)."""
        if not self.can_save:
            return
        from game.saves import SaveError, autosave

        try:
            autosave(self.game, self.scenario_path, self.saves_folder)
        except SaveError as error:
            self.notify(str(error), title=_("Autosave failed"), severity="warning", timeout=10)
        except Exception as error:  # a save that cannot be written never ends the campaign
            reason = _("this campaign cannot be saved ({error}); play goes on")
            reason = reason.format(error=f"{type(error).__name__}: {error}")
            self.notify(reason, title=_("Autosave failed"), severity="warning", timeout=10)

    def action_new_campaign(self) -> None:
        """Back to the title screen; a campaign under way is only left once the player says so."""
        if self.game is None or self.game.over:
            self._to_title()
            return
        from game.tui.screens.confirm import ConfirmScreen

        kept = (
            _("this turn's moves since its autosave are lost; Continue resumes the rest")
            if self.can_save
            else _("this campaign is not saved: all of it is lost")
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._to_title()

        self.push_screen(
            ConfirmScreen(_("Leave this campaign for a new one?"), [kept], _("Leave")), confirmed
        )

    def _to_title(self) -> None:
        from game.tui.screens.title import TitleScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(TitleScreen())

    def dashboard(self) -> DashboardScreen | None:
        """The campaign's dashboard when one is open (it stays at the bottom of the stack)."""
        from game.tui.screens.dashboard import DashboardScreen

        for screen in self.screen_stack:
            if isinstance(screen, DashboardScreen):
                return screen
        return None

    def screen_ready(self, screen: Screen[None]) -> None:
        """Called by the first screen once mounted: the benchmark exits after its first frame."""
        if self.exit_after_first_frame:
            screen.call_after_refresh(self.exit)

    # ---- the engine
    def act(self, action: Action) -> Outcome:
        """Send an action to the engine; a refusal comes back with the engine's reason."""
        assert self.game is not None
        return self.game.act(action)

    def end_turn(self) -> Outcome:
        """End the turn from wherever the player is: back to the dashboard, then what follows."""
        assert self.game is not None
        outcome = self.game.end_turn()
        if not outcome.ok:
            self.notify(tr(outcome.reason), title=_("Not yet"), severity="warning")
            if self.game.state.pending:
                self.follow_up()
            return outcome
        from game.tui.screens.dashboard import DashboardScreen

        self.clear_notifications()  # last turn's 'Application sent' is no news in the next one
        self.autosave()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, DashboardScreen):
            self.pop_screen()
        self.campaign_changed()
        self.follow_up()
        return outcome

    def follow_up(self) -> None:
        """After a turn: the debrief when it is over, else the first event awaiting a choice."""
        game = self.game
        if game is None:
            return
        if game.over:
            self.show_debrief()
        elif game.state.pending:
            # asked from the dashboard, which stays under the dialog: Textual hands a dialog's answer
            # to the screen that was running when it opened, and the agency picker, the load screen or
            # the screen the turn was ended from are gone by then (the answer was dropped)
            board = self.dashboard()
            if board is None:
                self._ask_event()
            else:
                board.call_later(self._ask_event)

    def _ask_event(self) -> None:
        """The first event awaiting a choice, as a dialog (unless a dialog is open already)."""
        game = self.game
        if game is not None and game.state.pending and not game.over and not self.screen.is_modal:
            from game.tui.screens.event import EventScreen

            pending = game.state.pending[0]
            self.push_screen(EventScreen(pending.uid, pending.event), self._answered)

    def _answered(self, choice: str | None) -> None:
        assert self.game is not None
        if choice is not None and self.game.state.pending:
            uid = self.game.state.pending[0].uid
            outcome = self.act(Action("answer", str(uid), choice))
            if not outcome.ok:
                self.notify(tr(outcome.reason), severity="error")
        self.campaign_changed()
        self.follow_up()

    def campaign_changed(self) -> None:
        """Tell the screen on top that the campaign changed under it: it redraws (see screens/base.py)."""
        from game.tui.screens.base import CampaignChanged

        self.screen.post_message(CampaignChanged())

    def show_debrief(self) -> None:
        from game.tui.screens.debrief import DebriefScreen

        if not isinstance(self.screen, DebriefScreen):
            self.push_screen(DebriefScreen())

    # ---- app-wide keys
    def action_help(self) -> None:
        from game.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def change_language(self, code: str) -> None:
        """Show everything in ``code`` from now on, and remember it for the next game."""
        from dataclasses import replace

        from game.settings import load_settings, save_settings

        set_language(code)
        self.translate_scenario(self.scenario_path)
        self.sub_title = _(self.SUB_TITLE)
        if self.settings_path is not None:
            try:
                save_settings(replace(load_settings(self.settings_path), language=code), self.settings_path)
            except OSError as error:
                reason = _("the language is not remembered for the next game ({error})")
                self.notify(reason.format(error=error.strerror or error), severity="warning", timeout=10)
        from game.tui.screens.base import CampaignChanged

        for screen in self.screen_stack:  # each screen draws itself again, in the new language
            screen.refresh(recompose=True)
            screen.call_after_refresh(screen.post_message, CampaignChanged())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME
