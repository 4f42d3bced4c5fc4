"""The luck baseline: a random legal action now and then, which good choices must beat."""

from __future__ import annotations

from game.bots.base import Strategy
from game.engine.game import Game


class RandomStrategy(Strategy):
    """Takes a random legal action now and then: the baseline that choices must beat."""

    name = "random"

    def answer_offers(self, game: Game) -> None:
        """None in particular: its random actions accept or refuse them, or they lapse."""

    def act(self, game: Game) -> None:
        for _ in range(self.rng.randint(0, 2)):
            allowed = [option.action for option in game.options() if option.allowed]
            if not allowed:
                return
            game.act(self.rng.choice(allowed))
