"""The scripted roads: join one programme and keep contributing, go alone with national missions,
or stay the course (keep to the programmes and missions already under way)."""

from __future__ import annotations

from functools import cache
from typing import ClassVar

from mypy_extensions import mypyc_attr

from game.bots.base import Strategy
from game.engine.actions import Action
from game.engine.admission import admission_rule
from game.engine.game import Game
from game.engine.rulebook import ENDED_STATUSES


@mypyc_attr(allow_interpreted_subclasses=True)  # programme_strategy makes one class per programme
class ProgrammeStrategy(Strategy):
    """Join one programme with the best contribution it can build, then keep contributing."""

    programme: ClassVar[str] = ""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._values: dict[str, dict[str, tuple[float, tuple[tuple[str, int], ...]]]] = {}

    def act(self, game: Game) -> None:
        state, cs = game.state, game.compiled
        pid = self.programme
        if pid not in state.programmes:
            return
        programme = state.programmes[pid]
        if programme.status in ENDED_STATUSES:
            return
        player = state.player
        floor = admission_rule(state, cs, pid).model.min_relation
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
        self.improve_for(game, model.requires, f"{pid}.{slot}")
        if not self.can_commit(game, model.cost * 1000, model.build_turns):
            return
        self.try_act(game, Action("fund" if member else "apply", pid, slot))

    def road_taken(self, game: Game) -> str | None:
        return self.programme

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


@mypyc_attr(allow_interpreted_subclasses=True)
class AloneStrategy(Strategy):
    """No partners: build capabilities and fly national missions, cheapest reachable first."""

    name: ClassVar[str] = "alone"

    def road_taken(self, game: Game) -> str | None:
        return ""

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
                self.improve_for(game, mission.requires, mission.id)
                break


@cache  # one class per programme id, not one per campaign
def programme_strategy(pid: str) -> type[Strategy]:
    """The strategy that joins programme ``pid`` and keeps contributing to it."""
    return type(f"{pid.title()}Strategy", (ProgrammeStrategy,), {"name": pid, "programme": pid})


@mypyc_attr(allow_interpreted_subclasses=True)
class StayStrategy(Strategy):
    """Stay the course: keep today's memberships and national missions, take up nothing new.

    "Today" is the state of the first turn it plays: in a playout from a campaign under way,
    the player's situation at that moment. It keeps contributing to every programme it is a
    member of (or has applied to) then, as the programme's road does, and keeps flying
    national missions if it had started one; with neither it only answers events.
    """

    name: ClassVar[str] = "stay"

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._roads: list[Strategy] | None = None

    def act(self, game: Game) -> None:
        if self._roads is None:
            self._roads = self.today(game)
        for road in self._roads:
            road.act(game)

    def today(self, game: Game) -> list[Strategy]:
        """The roads the player is on now: its programmes, then going alone if it flies national missions."""
        state = game.state
        player = state.player
        roads: list[Strategy] = []
        for pid, programme in state.programmes.items():
            if programme.status not in ENDED_STATUSES and programme.is_on_road(player):
                road = programme_strategy(pid)(0)
                road.rng = self.rng  # one generator for the whole strategy, as every bot has
                roads.append(road)
        if any(m.build.status != "open" or m.successes or m.failures for m in state.missions.values()):
            alone = AloneStrategy(0)
            alone.rng = self.rng
            roads.append(alone)
        return roads
