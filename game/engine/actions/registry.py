"""Every kind of action, by name: the one place that maps an action's ``kind`` to what it means.

Each module of :mod:`game.engine.actions.kinds` defines one handler and is registered
here on import, so adding a kind of action is one new module there (and its tests).
Everything else asks the registry (``handler_for``) instead of testing the kind's name.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager

from game.engine.actions import kinds as _kinds
from game.engine.actions.base import Action, ActionHandler

#: kind -> handler, in the order the kinds were registered.
HANDLERS: dict[str, ActionHandler] = {}


def register(handler: ActionHandler) -> ActionHandler:
    """Add a kind of action; its name must be new."""
    if handler.kind in HANDLERS:
        raise ValueError(f"the action kind '{handler.kind}' is already registered")
    HANDLERS[handler.kind] = handler
    return handler


@contextmanager
def registered(handler: ActionHandler) -> Iterator[ActionHandler]:
    """A kind of action known only inside the block (for tests and experiments)."""
    register(handler)
    try:
        yield handler
    finally:
        del HANDLERS[handler.kind]


def handler_for(action: Action) -> ActionHandler | None:
    """The handler of the action's kind, or None when no such kind exists."""
    return HANDLERS.get(action.kind)


def kinds() -> tuple[str, ...]:
    """The names of every kind of action."""
    return tuple(HANDLERS)


def known(kind: str) -> bool:
    return kind in HANDLERS


def group_of(action: Action) -> str:
    """The heading the action is listed under on the decisions screen."""
    handler = HANDLERS.get(action.kind)
    return handler.group if handler is not None else ActionHandler.group


def road_of(action: Action) -> str | None:
    """The road the action commits the player to: a programme's id, '' for going alone, None for none."""
    handler = HANDLERS.get(action.kind)
    return handler.road(action) if handler is not None else None


def _load_builtin_kinds() -> None:
    for module in sorted(info.name for info in pkgutil.iter_modules(_kinds.__path__)):
        register(importlib.import_module(f"{_kinds.__name__}.{module}").HANDLER)


_load_builtin_kinds()
