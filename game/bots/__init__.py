"""Reference strategies: computer players that drive the same Game API as a human."""

# First the engine, whose package decides whether the compiled modules run (game/engine/native.py),
# the bots' among them: before any bot module is found.
import game.engine  # noqa: F401  isort: skip

from game.bots.strategies import (
    Strategy,
    UnknownStrategy,
    make_strategy,
    planner_names,
    roads,
    strategy_names,
    valid_names,
)

__all__ = [
    "Strategy",
    "UnknownStrategy",
    "make_strategy",
    "planner_names",
    "roads",
    "strategy_names",
    "valid_names",
]
