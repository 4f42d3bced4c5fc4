"""What every bot shares: one turn at a time, a seeded generator, and the budget rule for commitments.

A strategy only calls :class:`Game` methods (check, act, options, clone): it has no rule
of its own. Its own choices draw on a generator seeded from the campaign seed, so a
scenario, an agency, a strategy and a seed always give the same campaign.
"""

from __future__ import annotations

import random
from typing import ClassVar

from mypy_extensions import mypyc_attr

from game.bots.deals import answer_offers
from game.engine.actions import END_TURN, Action
from game.engine.build_index import build_index
from game.engine.game import Game
from game.engine.research import way_to

RESERVE_TURNS = 2  # keep this many turns of build payments in hand before committing more


# Compiled by mypyc (setup.py), a strategy may still be a Python class: the greedy bot, the
# planners, a test's, an installed one (the cislunar.strategies entry points) subclass it.
@mypyc_attr(allow_interpreted_subclasses=True)
class Strategy:
    """Plays one turn at a time: ``play_turn`` acts, then ends the turn."""

    name: ClassVar[str] = "base"

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed * 7919 + 17)

    def play_turn(self, game: Game) -> None:
        self.answer_events(game)
        if game.state.deals:
            self.answer_offers(game)
        self.act(game)
        game.act(END_TURN)

    def answer_offers(self, game: Game) -> None:
        """Accept the agencies' offers worth taking, refuse the others (game/bots/deals.py)."""
        answer_offers(game, self.road_taken(game))

    def road_taken(self, game: Game) -> str | None:
        """The programme the strategy builds for, '' for going alone, None when it has no fixed road."""
        return None

    def act(self, game: Game) -> None:  # overridden
        """Take this turn's actions before it ends."""

    def answer_events(self, game: Game) -> None:
        if not game.state.pending:
            return
        for pending in list(game.state.pending):
            choices = game.compiled.events[pending.event].model.choices
            weights = [choice.ai_weight for choice in choices]
            pick = self.rng.choices(choices, weights=weights)[0] if sum(weights) > 0 else choices[0]
            game.act(Action("answer", str(pending.uid), pick.id))

    def play(self, game: Game) -> Game:
        while not game.over:
            self.play_turn(game)
        return game

    # ---- helpers shared by the scripted strategies
    @staticmethod
    def try_act(game: Game, action: Action) -> bool:
        return game.act(action).ok

    @staticmethod
    def committed(game: Game) -> int:
        """k$ per turn the player already pays for builds."""
        total = 0
        player = game.player
        for owned in build_index(game.state, game.compiled).mine.values():
            for _, _, build in owned:
                if build.owner == player and build.status == "building":
                    total += build.cost_left // max(1, build.turns_left)
        for mission in game.state.missions.values():
            build = mission.build
            if build.status == "building":
                total += build.cost_left // max(1, build.turns_left)
        for build in game.state.research.values():
            total += build.cost_left // max(1, build.turns_left)
        return total

    def can_commit(self, game: Game, cost_k: float, turns: int) -> bool:
        per_turn = cost_k / turns
        budget_per_turn = game.state.me.appropriation / (12 / game.compiled.turn_months)
        return (self.committed(game) + per_turn) <= budget_per_turn * 1.05 and (
            game.state.me.money >= per_turn * RESERVE_TURNS
        )

    def improve_for(self, game: Game, requires: dict[str, int], key: str = "") -> None:
        """Invest (or, in a scenario with research, research) toward the capability levels a
        contribution or mission needs, and the research that unlocks ``key`` (its id)."""
        if game.compiled.research:
            for project in way_to(game.state, game.compiled, requires, key) or ():
                if not game.check(Action("research", project)):
                    self.try_act(game, Action("research", project))
            return
        levels = game.state.me.capabilities
        for area, level in requires.items():
            if levels.get(area, 0) < level:
                self.try_act(game, Action("invest", area))
