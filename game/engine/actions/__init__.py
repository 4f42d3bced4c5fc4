"""The player's actions: one flat, frozen shape that the TUI, the bots and saves all produce.

What each kind of action checks, does and offers lives in one handler per kind
(``game/engine/actions/kinds/``), found through :mod:`game.engine.actions.registry`.
"""

from game.engine.actions.base import END_TURN, Action, ActionHandler, ActionOption, Offer

__all__ = ["END_TURN", "Action", "ActionHandler", "ActionOption", "Offer"]
