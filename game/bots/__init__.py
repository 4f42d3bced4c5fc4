"""Reference strategies: computer players that drive the same Game API as a human."""

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
