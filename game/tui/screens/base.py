"""What every screen of the game shares: the app and the campaign, typed, and a redraw on change.

Screens reach the app through :attr:`CampaignView.cislunar` (typed as :class:`CislunarApp`,
not Textual's bare ``App``) and the campaign being played through :attr:`CampaignView.game`.
When the campaign changes under a screen (an action, an answer, a turn), the app posts
:class:`CampaignChanged` to it and the screen redraws in :meth:`CampaignView.refresh_view`:
no screen is called by a method name it may or may not have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.message import Message
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual.app import App

    from game.engine.game import Game
    from game.tui.app import CislunarApp

ResultT = TypeVar("ResultT")


class CampaignChanged(Message):
    """The campaign's state changed: the screen showing it redraws."""


class CampaignView:
    """The typed app, the campaign and the redraw, for screens and modal screens alike."""

    app: App[int]

    @property
    def cislunar(self) -> CislunarApp:
        return self.app  # type: ignore[return-value]

    @property
    def game(self) -> Game:
        """The campaign being played (the screens that show it open only once there is one)."""
        game = self.cislunar.game
        assert game is not None, "a campaign screen was opened with no campaign"
        return game

    def refresh_view(self) -> None:
        """Redraw what depends on the campaign's state; screens that show it override this."""

    def on_campaign_changed(self, message: CampaignChanged) -> None:
        self.refresh_view()


class CampaignScreen(CampaignView, Screen[ResultT]):
    """A full screen of the game."""


class CampaignModal(CampaignView, ModalScreen[ResultT]):
    """A dialog of the game, over the screen it was opened from."""
