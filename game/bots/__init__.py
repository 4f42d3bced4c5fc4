"""Reference strategies: computer players that drive the same Game API as a human."""

from game.bots.strategies import Strategy, UnknownStrategy, make_strategy, roads, strategy_names

__all__ = ["Strategy", "UnknownStrategy", "make_strategy", "roads", "strategy_names"]
