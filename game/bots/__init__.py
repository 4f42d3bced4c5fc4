"""Reference strategies: computer players that drive the same Game API as a human."""

from game.bots.strategies import STRATEGIES, Strategy, make_strategy

__all__ = ["STRATEGIES", "Strategy", "make_strategy"]
