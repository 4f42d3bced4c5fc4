"""The hook where saved campaigns reach the title screen (filled in by the saves work).

The title screen shows "Continue" and "Load" only when :func:`no_saves`-like providers
return entries; a provider is any callable returning :class:`SavedCampaign` items, newest
first, and an entry resumes a campaign by building its :class:`Game`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.game import Game


@dataclass(frozen=True, slots=True)
class SavedCampaign:
    """A campaign the player can resume: a label for the menu and a way to rebuild it."""

    label: str  # e.g. "ESA · 2023-Q2 · default_2021"
    detail: str
    open: Callable[[], Game]


SavesProvider = Callable[[], list[SavedCampaign]]


def no_saves() -> list[SavedCampaign]:
    """The provider until saving exists: nothing to continue."""
    return []
