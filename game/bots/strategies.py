"""The shipped strategies: one per programme, going alone, random, and a greedy look-ahead.

A strategy only calls :class:`Game` methods (check, act, options, clone): it has no rule
of its own. Its own choices draw on a generator seeded from the campaign seed, so a
scenario, an agency, a strategy and a seed always give the same campaign.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.engine.actions import END_TURN, Action
from game.engine.game import Game

RESERVE_TURNS = 2  # keep this many turns of build payments in hand before committing more


class Strategy:
    """Plays one turn at a time: ``play_turn`` acts, then ends the turn."""

    name = "base"

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed * 7919 + 17)

    def play_turn(self, game: Game) -> None:
        self.answer_events(game)
        self.act(game)
        game.act(END_TURN)

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
        for programme in game.state.programmes.values():
            for build in programme.slots.values():
                if build.owner == player and build.status == "building":
                    total += build.cost_left // max(1, build.turns_left)
        for mission in game.state.missions.values():
            build = mission.build
            if build.status == "building":
                total += build.cost_left // max(1, build.turns_left)
        return total

    def can_commit(self, game: Game, cost_k: float, turns: int) -> bool:
        per_turn = cost_k / turns
        budget_per_turn = game.state.me.appropriation / (12 / game.compiled.turn_months)
        return (self.committed(game) + per_turn) <= budget_per_turn * 1.05 and (
            game.state.me.money >= per_turn * RESERVE_TURNS
        )

    def improve_for(self, game: Game, requires: dict[str, int]) -> None:
        """Invest toward the capability levels a contribution or mission needs."""
        levels = game.state.me.capabilities
        for area, level in requires.items():
            if levels.get(area, 0) < level:
                self.try_act(game, Action("invest", area))


class ProgrammeStrategy(Strategy):
    """Join one programme with the best contribution it can build, then keep contributing."""

    programme = ""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._values: dict[str, dict[str, tuple[float, tuple[tuple[str, int], ...]]]] = {}

    def act(self, game: Game) -> None:
        state, cs = game.state, game.compiled
        pid = self.programme
        if pid not in state.programmes:
            return
        programme = state.programmes[pid]
        if programme.status in ("cancelled", "completed"):
            return
        player = state.player
        floor = cs.programmes[pid].model.admission.min_relation
        for lead in programme.leads:
            if state.relation(player, lead) < floor + 15:
                self.try_act(game, Action("diplomacy", lead))
        member = programme.is_member(player)
        if player in programme.applicants:
            return
        slot = self.best_slot(game, pid)
        if slot is None:
            if not member:
                self.try_act(game, Action("apply", pid))
            return
        model = cs.programmes[pid].slots[slot]
        self.improve_for(game, model.requires)
        if not self.can_commit(game, model.cost * 1000, model.build_turns):
            return
        self.try_act(game, Action("fund" if member else "apply", pid, slot))

    @staticmethod
    def value(model) -> float:
        r = model.rewards
        worth = r.crew_seats * 40 + r.surface_seats * 50 + r.science_per_turn * 10 + r.prestige + r.budget * 5
        return (worth + 1) / model.cost

    def best_slot(self, game: Game, pid: str) -> str | None:
        """The open contribution with the best reward per cost that is within two capability steps."""
        state, cs = game.state, game.compiled
        levels = state.me.capabilities
        values = self._values.get(pid)
        if values is None:  # the same every turn: worked out once per campaign
            values = self._values[pid] = {
                sid: (self.value(model), tuple(model.requires.items()))
                for sid, model in cs.programmes[pid].slots.items()
            }
        best, best_value = None, 0.0
        for sid, build in state.programmes[pid].slots.items():
            if build.status != "open":
                continue
            worth, requires = values[sid]
            if worth <= best_value:
                continue  # cannot beat the best so far, whatever the capability gap
            gap = 0
            for area, level in requires:
                have = levels.get(area, 0)
                if have < level:
                    gap += level - have
            if gap > 2:
                continue
            value = worth / (1 + gap)
            if value > best_value:
                best, best_value = sid, value
        return best


class AloneStrategy(Strategy):
    """No partners: build capabilities and fly national missions, cheapest reachable first."""

    name = "alone"

    def act(self, game: Game) -> None:
        cs = game.compiled
        missions = sorted(cs.missions.values(), key=lambda m: m.cost)
        for mission in missions:
            action = Action("mission", mission.id)
            reason = game.check(action)
            if not reason:
                if self.can_commit(game, mission.cost * 1000, mission.build_turns):
                    game.act(action)
                continue
            if reason.startswith("needs"):
                self.improve_for(game, mission.requires)
                break


class RandomStrategy(Strategy):
    """Takes a random legal action now and then: the baseline that choices must beat."""

    name = "random"

    def act(self, game: Game) -> None:
        for _ in range(self.rng.randint(0, 2)):
            allowed = [option.action for option in game.options() if option.allowed]
            if not allowed:
                return
            game.act(self.rng.choice(allowed))


class GreedyStrategy(Strategy):
    """Looks one turn ahead: tries each allowed action on a copy, keeps the best if it beats waiting."""

    name = "greedy"
    max_actions = 2

    def act(self, game: Game) -> None:
        for _ in range(self.max_actions):
            candidates = self.candidates(game)
            if not candidates:
                return
            baseline = self.lookahead(game, None)
            best, best_value = None, baseline
            for action in candidates:
                value = self.lookahead(game, action)
                if value > best_value + 0.5:
                    best, best_value = action, value
            if best is None:
                return
            game.act(best)

    @staticmethod
    def candidates(game: Game) -> list[Action]:
        """Allowed actions worth a look: diplomacy only toward the leads of programmes."""
        leads = {lead for programme in game.state.programmes.values() for lead in programme.leads}
        return [
            option.action
            for option in game.options()
            if option.allowed and (option.action.kind != "diplomacy" or option.action.target in leads)
        ]

    def lookahead(self, game: Game, action: Action | None) -> float:
        twin = game.clone()
        if action is not None:
            twin.act(action)
        self.answer_events(twin)
        twin.act(END_TURN)
        return evaluate(twin)


def evaluate(game: Game) -> float:
    """How good a position looks: score so far plus what is under way toward the objectives."""
    state = game.state
    me = state.me
    if state.outcome == "lost":
        return -1000.0
    value = game.score()
    for programme in state.programmes.values():
        if programme.status == "cancelled":
            continue
        value += programme.seat_count(game.player) * 12
        for build in programme.slots.values():
            if build.owner == game.player and build.status == "building":
                value += 4 + build.paid / 200_000
        if programme.is_member(game.player):
            value += 3 * programme.health / 100
    for mission in state.missions.values():
        if mission.build.status == "building":
            value += 3 + mission.build.paid / 200_000
    value += sum(me.capabilities.values()) * 0.8
    value += me.support / 20 + me.science / 100 + me.prestige / 50
    value += min(me.money, 2_000_000) / 400_000
    return value


def _programme_strategy(pid: str) -> type[Strategy]:
    return type(f"{pid.title()}Strategy", (ProgrammeStrategy,), {"name": pid, "programme": pid})


STRATEGIES: dict[str, Callable[[int], Strategy]] = {
    "isls": _programme_strategy("isls"),
    "ilrs": _programme_strategy("ilrs"),
    "gateway": _programme_strategy("gateway"),
    "alone": AloneStrategy,
    "random": RandomStrategy,
    "greedy": GreedyStrategy,
}


def make_strategy(name: str, seed: int) -> Strategy:
    if name not in STRATEGIES:
        raise KeyError(f"unknown strategy '{name}'; choose from {', '.join(STRATEGIES)}")
    return STRATEGIES[name](seed)
