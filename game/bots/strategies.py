"""The shipped strategies by name: one per programme, going alone, random, and a greedy look-ahead."""

from __future__ import annotations

from collections.abc import Callable

from game.bots.base import Strategy
from game.bots.chance import RandomStrategy
from game.bots.greedy import GreedyStrategy
from game.bots.roads import AloneStrategy, programme_strategy

STRATEGIES: dict[str, Callable[[int], Strategy]] = {
    "isls": programme_strategy("isls"),
    "ilrs": programme_strategy("ilrs"),
    "gateway": programme_strategy("gateway"),
    "alone": AloneStrategy,
    "random": RandomStrategy,
    "greedy": GreedyStrategy,
}


def make_strategy(name: str, seed: int) -> Strategy:
    if name not in STRATEGIES:
        raise KeyError(f"unknown strategy '{name}'; choose from {', '.join(STRATEGIES)}")
    return STRATEGIES[name](seed)
