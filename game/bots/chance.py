"""The luck baseline: a random legal action now and then, which good choices must beat."""

from __future__ import annotations

from typing import ClassVar

from mypy_extensions import mypyc_attr

from game.bots.base import Strategy
from game.engine.game import Game


@mypyc_attr(allow_interpreted_subclasses=True)
class RandomStrategy(Strategy):
    """Takes a random legal action now and then: the baseline that choices must beat."""

    name: ClassVar[str] = "random"

    def answer_offers(self, game: Game) -> None:
        """None in particular: its random actions accept or refuse them, or they lapse."""

    def act(self, game: Game) -> None:
        for _ in range(self.rng.randint(0, 2)):
            allowed = [option.action for option in game.options() if option.allowed]
            if not allowed:
                return
            game.act(self.rng.choice(allowed))
