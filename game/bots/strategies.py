"""The shipped strategies: one per programme, going alone, random, and a greedy look-ahead.

A strategy only calls :class:`Game` methods (check, act, options, clone): it has no rule
of its own. Its own choices draw on a generator seeded from the campaign seed, so a
scenario, an agency, a strategy and a seed always give the same campaign.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from game.engine.actions import END_TURN, Action
from game.engine.compiled import CompiledScenario, Predicate
from game.engine.expressions import Getter
from game.engine.game import Game
from game.engine.state import AgencyState, GameState, ProgrammeState, k
from game.format.models import Contribution, Mission

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


# ---------------------------------------------------------------- the greedy look-ahead

LIVE = ("active", "restructured")  # programme states that take partners and fly milestones
LOST = -1000.0  # the value of a lost campaign
LIKELY = 0.85  # the chance given to an objective the projected figures meet (and today's do not)
TIMELY, TIMELY_PER_TURN = 0.5, 0.08  # the chance a crewed flight due by a deadline flies in time, by margin
PEAKS = 2  # gains of support, and of prestige, whose months are checked for a condition met in passing
NEAR = ((0.15, 0.5), (0.4, 0.25), (1.0, 0.1))  # (figures raised by, share of the points) for nearly met
MAX_STEPS = 3  # capability levels the bot will invest in per area before a target is in reach
MAX_COURTING = 6  # diplomatic initiatives it will spend before a programme will hear it
PLAN_EVERY = 4  # turns between two looks for a better target while the current one waits
COURT_MARGIN = 5  # relation points above a programme's floor the bot courts its leads to
READY_SHARE = 0.8  # share of a target's net worth credited once it is in reach (taking it earns the rest)
STEP_SHARE = 0.04  # share of a target's worth lost for each step still to take toward it
MAX_PAUSE = 8  # most turns an action that lost to waiting is left untried
MONEY_SHARE = 0.5  # share of the victory score the agency's whole budget is worth
OPPORTUNITIES = 2  # other targets in reach tried each turn beside the best one

#: A step the bot can plan toward: ("join", programme, contribution or "") or ("mission", mission, "").
Plan = tuple[str, str, str]
#: Something expected by a month: (month, science, prestige, support).
Gain = tuple[int, float, float, float]


@dataclass(slots=True)
class Part:
    """What one programme (or the national missions) is expected to bring."""

    gains: list[Gain] = field(default_factory=list)
    streams: list[tuple[int, float]] = field(default_factory=list)  # (month from which, science a turn)
    flights: list[tuple[int, bool, float]] = field(default_factory=list)  # (month, to the surface, chance)
    budget: float = 0.0  # percent-years of appropriation added by rewards


@dataclass(slots=True)
class Forecast:
    """The player's figures now and what is expected to come, for ``Outlook.figures``."""

    now: int
    science: float
    prestige: float
    support: float
    parts: dict[str, Part]  # by programme, "" for the national missions
    gains: list[Gain] = field(default_factory=list)  # every part's, crewed flights' included
    streams: list[tuple[int, float]] = field(default_factory=list)
    flights: list[tuple[int, bool, float]] = field(default_factory=list)
    budget: float = 0.0


class Outlook:
    """Projects a position to the objectives' dates and scores it: the greedy bot's evaluation.

    One turn ahead shows nothing of a contribution that earns a crew seat ten turns later,
    so a position is valued by what is under way: builds, missions, seats and the milestones
    shared as a member bring science, prestige, support and crewed flights by known months,
    and the scenario's own objectives (its conditions and scales) are scored on that
    projection. Worked out once per compiled scenario (see ``outlook_of``).
    """

    def __init__(self, cs: CompiledScenario) -> None:
        self.cs = cs
        self.tm, self.end = cs.turn_months, cs.end
        rules = cs.rules
        turns = (cs.end - cs.start) // cs.turn_months + 3
        #: Share of prestige, and of support's distance from 50, left after so many turns.
        self.prestige_kept = [(1.0 - rules.prestige_decay) ** n for n in range(turns)]
        self.support_kept = [(1.0 - rules.support_drift) ** n for n in range(turns)]
        self.crew_prestige, self.crew_support = rules.crew_prestige, rules.crew_support
        self.failure_support = rules.failure_support
        groups: dict[int, list[tuple[str, float, Predicate | None, Getter | None]]] = {}
        for o in cs.objectives:  # by the date each is judged at: scales at the end, conditions by their date
            horizon = cs.end if o.scale is not None or o.by is None or o.by > cs.end else o.by
            groups.setdefault(horizon, []).append((o.model.id, o.model.points, o.condition, o.scale))
        self.horizons = sorted(groups.items())
        self.shares = {
            pid: tuple(
                (m.id, m.science * m.success, m.prestige * m.success, m.success) for m in cp.model.milestones
            )
            for pid, cp in cs.programmes.items()
        }
        self.crewed = {
            pid: tuple(
                (m.id, m.crew == "surface", m.success) for m in cp.model.milestones if m.crew != "none"
            )
            for pid, cp in cs.programmes.items()
        }
        #: Whether an agency without astronauts may get some (an event gives them): seats are then worth less.
        self.recruits = any(
            effect.astronauts > 0
            for event in cs.scenario.events
            for effect in (*event.effects, *(e for choice in event.choices for e in choice.effects))
        )
        self.years = max(1.0, (cs.end - cs.start + cs.turn_months) / 12)

    @staticmethod
    def odds(programme: ProgrammeState, cancel_below: float) -> float:
        """How sure a programme's plans are: a healthy one delivers, a failing one may be cancelled."""
        return min(1.0, max(0.2, (programme.health - cancel_below) / 40))

    # ---- what is under way
    def forecast(self, state: GameState) -> Forecast:
        """What the position is expected to bring."""
        me = state.agencies[state.player]
        parts = {pid: self._programme(state, pid, None, 0) for pid in state.programmes}
        parts[""] = self._national(state, None, 0)
        return self._assemble(Forecast(state.month, me.science, me.prestige, me.support, parts))

    def what_if(self, state: GameState, base: Forecast, plan: Plan, delay: int) -> Forecast:
        """The forecast with ``plan`` taken ``delay`` turns from now: only its part is worked out again."""
        parts = dict(base.parts)
        if plan[0] == "join":
            parts[plan[1]] = self._programme(state, plan[1], plan, delay)
        else:
            parts[""] = self._national(state, plan, delay)
        return self._assemble(Forecast(base.now, base.science, base.prestige, base.support, parts))

    def _assemble(self, out: Forecast) -> Forecast:
        for part in out.parts.values():
            out.gains += part.gains
            out.streams += part.streams
            out.flights += part.flights
            out.budget += part.budget
        for month, _surface, chance in out.flights:  # each crewed flight brings prestige and support
            out.gains.append((month, 0.0, self.crew_prestige * chance, self.crew_support * chance))
        return out

    def _programme(self, state: GameState, pid: str, plan: Plan | None, delay: int) -> Part:
        """Shared milestones while a member, the player's contributions, and the flights its seats fill."""
        part = Part()
        programme = state.programmes[pid]
        if programme.status == "cancelled":
            return part
        cs, tm, now, player = self.cs, self.tm, state.month, state.player
        cp = cs.programmes[pid]
        start = now + delay * tm
        member = programme.is_member(player)
        live = programme.status != "completed"
        odds = self.odds(programme, cs.rules.cancel_below)
        dues = {m.id: m.due for m in programme.milestones if m.status == "pending"}
        if live and (member or plan is not None):
            since = now if member else start + tm
            loss = self.failure_support * odds
            for mid, science, prestige, success in self.shares[pid]:
                due = dues.get(mid)
                if due is not None and since <= due <= self.end:
                    part.gains.append((due, science * odds, prestige * odds, (success - 1.0) * loss))
        seats: list[tuple[int, int, int, float]] = []  # (month, seats, landing seats, chance)
        general, landing = programme.seats.get(player, 0), programme.surface_seats.get(player, 0)
        if general or landing:
            seats.append((now, general, landing, 1.0))
        for sid, build in programme.slots.items():
            if build.owner == player and build.status != "open":
                ready = now if build.status == "delivered" else now + (build.turns_left - 1) * tm
                self._contribution(part, now, cp.slots[sid], build.rewarded, ready, dues, odds, seats)
        if plan is not None and plan[2]:
            slot = cp.slots[plan[2]]
            self._contribution(part, now, slot, False, start + (slot.build_turns - 1) * tm, dues, odds, seats)
        if seats and live:
            me = state.agencies[player]
            crew = 1.0 if me.astronauts > 0 else (0.5 if self.recruits else 0.0)
            if crew:
                self._seat_flights(part, pid, dues, seats, odds * crew)
        return part

    def _national(self, state: GameState, plan: Plan | None, delay: int) -> Part:
        """The national missions under way (and the planned one)."""
        part = Part()
        cs, tm, now = self.cs, self.tm, state.month
        crew = 1.0 if state.agencies[state.player].astronauts > 0 else (0.5 if self.recruits else 0.0)
        for mid, mission_state in state.missions.items():
            build = mission_state.build
            if build.status == "building":
                self._mission(part, cs.missions[mid], now + (build.turns_left - 1) * tm, crew)
        if plan is not None:
            mission = cs.missions[plan[1]]
            self._mission(part, mission, now + (delay + mission.build_turns - 1) * tm, crew)
        return part

    def _contribution(
        self,
        part: Part,
        now: int,
        slot: Contribution,
        rewarded: bool,
        ready: int,
        dues: dict[str, int],
        odds: float,
        seats: list[tuple[int, int, int, float]],
    ) -> None:
        """A contribution earns its rewards once built and once the milestone it flies on has flown."""
        rewards = slot.rewards
        if rewarded:
            if rewards.science_per_turn:
                part.streams.append((now, rewards.science_per_turn))
            return
        carrier = dues.get(slot.flies_on) if slot.flies_on else None
        month = ready if carrier is None or carrier < ready else carrier
        if month > self.end:
            return
        part.gains.append((month, 0.0, rewards.prestige * odds, rewards.support * odds))
        if rewards.science_per_turn:
            part.streams.append((month, rewards.science_per_turn * odds))
        if rewards.crew_seats or rewards.surface_seats:
            seats.append((month, rewards.crew_seats, rewards.surface_seats, odds))
        part.budget += rewards.budget * odds * (self.end - month) / 12

    def _seat_flights(
        self,
        part: Part,
        pid: str,
        dues: dict[str, int],
        seats: list[tuple[int, int, int, float]],
        odds: float,
    ) -> None:
        """The programme's crewed flights, in date order, that the player's seats will fill."""
        crewed = sorted(
            (dues[mid], surface, success) for mid, surface, success in self.crewed[pid] if mid in dues
        )
        seats.sort()
        general = landing = at = 0
        chance = 0.0
        for due, surface, success in crewed:
            if due > self.end:
                break
            while at < len(seats) and seats[at][0] <= due:
                general, landing = general + seats[at][1], landing + seats[at][2]
                chance = max(chance, seats[at][3])
                at += 1
            if surface and landing:
                landing -= 1
            elif general:
                general -= 1
            else:
                continue
            part.flights.append((due, surface, odds * success * chance))

    def _mission(self, part: Part, mission: Mission, ready: int, crew: float) -> None:
        if ready > self.end:
            return
        chance, rewards = mission.success, mission.rewards
        support = rewards.support * chance - (1.0 - chance) * self.failure_support
        part.gains.append((ready, mission.science * chance, rewards.prestige * chance, support))
        if mission.crew != "none" and crew:
            part.flights.append((ready, mission.crew == "surface", chance * crew))
        part.budget += rewards.budget * chance * (self.end - ready) / 12

    # ---- the projection
    def figures(self, out: Forecast, month: int) -> tuple[float, float, float]:
        """Science, prestige and support expected at the end of the turn of ``month``."""
        tm, now = self.tm, out.now
        kp, ks = self.prestige_kept, self.support_kept
        turns = (month - now) // tm + 1 if month >= now else 0
        science = out.science
        prestige = out.prestige * kp[turns]
        support = 50.0 + (out.support - 50.0) * ks[turns]
        for when, s, p, u in out.gains:
            if when <= month:
                left = (month - when) // tm + 1
                science += s
                prestige += p * kp[left]
                support += u * ks[left]
        for when, rate in out.streams:
            if when <= month:
                science += rate * ((month - (when if when > now else now)) // tm + 1)
        return science, prestige, (100.0 if support > 100.0 else (support if support > 0.0 else 0.0))

    def crew_chance(self, out: Forecast, month: int, surface: bool) -> float:
        """The chance that a national astronaut has flown (to the surface, if asked) by ``month``."""
        miss = 1.0
        for when, to_surface, chance in out.flights:
            if when <= month and (to_surface or not surface):
                margin = (month - when) // self.tm
                miss *= 1.0 - chance * min(1.0, TIMELY + TIMELY_PER_TURN * margin)
        return 1.0 - miss

    def score(self, state: GameState, out: Forecast, joining: str | None = None) -> float:
        """The final score the forecast leads to, each objective judged at its own date.

        The objectives read the state itself, moved for a moment to each date with the
        projected figures (and, with ``joining``, with the player a member of that
        programme), then put back as it was.
        """
        player, now, achieved = state.player, state.month, state.achieved
        me = state.agencies[player]
        today = {  # what holds today is met at the end of this turn
            oid: condition(state)
            for horizon, objectives in self.horizons
            if horizon >= now
            for oid, _points, condition, scale in objectives
            if scale is None and oid not in achieved
        }
        kept = state.month, me.science, me.prestige, me.support, me.crewed_orbit, me.crewed_surface
        members = state.programmes[joining].members if joining is not None else None
        if members is not None:
            members.append(player)
        total = 0.0
        peaks: list[tuple[int, tuple[float, float, float]]] | None = None
        try:
            for horizon, objectives in self.horizons:
                if horizon < now:  # judged already: what was reached counts
                    total += sum(
                        points for oid, points, _c, scale in objectives if scale is None and oid in achieved
                    )
                    continue
                figures = self.figures(out, horizon)
                for oid, points, condition, scale in objectives:
                    state.month = horizon
                    me.science, me.prestige, me.support = figures
                    if scale is not None:
                        value = float(scale(state))
                        total += points if value >= points else (value if value > 0.0 else 0.0)
                    elif oid in achieved:
                        total += points
                    elif condition(state):
                        total += points if today[oid] else points * LIKELY
                    else:
                        if peaks is None:
                            peaks = self.peaks(out, now)
                        total += points * self._chance(state, me, out, horizon, condition, peaks, kept)
        finally:
            state.month, me.science, me.prestige, me.support, me.crewed_orbit, me.crewed_surface = kept
            if members is not None:
                members.remove(player)
        return total

    def peaks(self, out: Forecast, now: int) -> list[tuple[int, tuple[float, float, float]]]:
        """The figures at the months of the biggest expected gains of support and of prestige."""
        support = sorted((-u, month) for month, _s, _p, u in out.gains if u > 0.0)[:PEAKS]
        prestige = sorted((-p, month) for month, _s, p, _u in out.gains if p > 0.0)[:PEAKS]
        months = sorted({month for _gain, month in support + prestige if month >= now})
        return [(month, self.figures(out, month)) for month in months]

    def _chance(
        self,
        state: GameState,
        me: AgencyState,
        out: Forecast,
        horizon: int,
        condition: Predicate,
        peaks: list[tuple[int, tuple[float, float, float]]],
        kept: tuple[int, float, float, float, bool, bool],
    ) -> float:
        """The chance an objective not met on its date's figures is met all the same, or nearly.

        A condition met once is met for good, so it may be met when the figures peak; a
        crewed flight may meet it; failing both, it earns a little for coming close.
        """
        science, prestige, support = me.science, me.prestige, me.support
        for month, figures in peaks:
            if month > horizon:
                break
            state.month = month
            me.science, me.prestige, me.support = figures
            if condition(state):
                return LIKELY
        state.month = horizon
        me.science, me.prestige, me.support = science, prestige, support
        if out.flights:
            chance = self._crewed(state, me, out, horizon, condition, kept[4], kept[5])
            if chance:
                return chance
        for boost, credit in NEAR:
            me.science, me.prestige = science * (1.0 + boost), prestige * (1.0 + boost)
            me.support = min(100.0, support * (1.0 + boost / 2))
            if condition(state):
                return LIKELY * credit
        return 0.0

    def _crewed(
        self,
        state: GameState,
        me: AgencyState,
        out: Forecast,
        horizon: int,
        condition: Predicate,
        orbit: bool,
        surface: bool,
    ) -> float:
        """The chance an objective is met by a crewed flight: to orbit first, else to the surface."""
        chance = 0.0
        if not orbit:
            me.crewed_orbit = True
            if condition(state):
                chance = self.crew_chance(out, horizon, False)
        if not chance and not surface:
            me.crewed_orbit = me.crewed_surface = True
            if condition(state):
                chance = self.crew_chance(out, horizon, True)
        me.crewed_orbit, me.crewed_surface = orbit, surface
        return chance


_OUTLOOKS: dict[int, Outlook] = {}


def outlook_of(cs: CompiledScenario) -> Outlook:
    """The outlook of a compiled scenario, made once and shared by its campaigns."""
    found = _OUTLOOKS.get(id(cs))
    if found is None or found.cs is not cs:
        if len(_OUTLOOKS) > 16:
            _OUTLOOKS.clear()
        found = _OUTLOOKS[id(cs)] = Outlook(cs)
    return found


class GreedyStrategy(Strategy):
    """Looks one turn ahead: tries the actions worth a look on a copy, keeps the best if it beats waiting.

    A copy is valued by the final score it leads to (``Outlook``), so starting a long build
    toward an objective can beat waiting. Its memory is a target chosen from the scenario's
    data (a contribution, a membership or a national mission, with the investment and
    diplomacy it needs) and the programme it joined, which it keeps contributing to
    rather than courting another.
    """

    name = "greedy"
    max_actions = 3
    margin = 0.2  # points an action must gain over waiting

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.outlook: Outlook | None = None
        self.target: Plan | None = None
        self.target_value = 0.0  # the projected gain of taking the target, less its own cost
        self.target_held = 0.0  # the part of that gain only taking the target earns
        self.planned_turn = -PLAN_EVERY
        self.full_weight = 0.0  # points per M$ at the start, from the agency's budget and the victory score
        self.money_weight = 0.0  # the same this turn: money left at the end is worth nothing
        self.budget_m = 0.0  # the agency's yearly budget in M$
        self.road: str | None = None  # the programme it chose, "" for national missions, None before
        self.ready: list[Plan] = []  # the next best targets in reach now, tried alongside the target
        self.paused: dict[Action, tuple[int, int]] = {}  # action -> (turn it is tried again, pause)
        self.prepared = -1  # the turn ``prepare`` last ran for
        self.refused: dict[Plan, int] = {}  # targets that proved harmful one turn ahead -> until when

    def play_turn(self, game: Game) -> None:
        self.prepare(game)
        super().play_turn(game)

    def prepare(self, game: Game) -> None:
        """Before a turn: what money is worth now, whether it is still on its road, a fresh plan if due."""
        if self.outlook is None:
            self.start(game)
        cs = game.compiled
        left = (cs.end - game.state.month) // cs.turn_months + 1
        self.money_weight = self.full_weight * max(0.1, left / cs.total_turns())  # worth nothing at the end
        if self.road:
            programme = game.state.programmes[self.road]
            if programme.status not in LIVE or not (
                programme.is_member(game.player) or game.player in programme.applicants
            ):
                self.road = None  # its programme is over, or it is out of it: free to choose again
        if self.stale(game):
            self.plan(game)
        self.prepared = game.state.turn

    def answer_events(self, game: Game) -> None:
        """An event that would take it into or out of a programme is answered one turn ahead.

        Any other event gets the scenario's weighted pick, as every bot answers.
        """
        while game.state.pending:
            pending = game.state.pending[0]
            choices = game.compiled.events[pending.event].model.choices
            if not any(effect.join or effect.leave for choice in choices for effect in choice.effects):
                super().answer_events(game)
                continue
            best, best_value = None, 0.0
            for choice in sorted(choices, key=lambda c: -c.ai_weight):  # the favourite wins a tie
                value = self.lookahead(game, Action("answer", str(pending.uid), choice.id))
                if best is None or value > best_value + self.margin:
                    best, best_value = choice.id, value
            game.act(Action("answer", str(pending.uid), best or choices[0].id))

    def act(self, game: Game) -> None:
        """Try each candidate one turn ahead against waiting; take the best while it beats waiting."""
        turn = game.state.turn
        if self.prepared != turn:  # called on its own, not from play_turn
            self.prepare(game)
        target_value = self.target_value
        paused = self.paused
        candidates = [a for a in self.candidates(game) if a not in paused or paused[a][0] <= turn]
        if not candidates:
            return
        baseline = self.lookahead(game, None)
        for _ in range(self.max_actions):
            best, best_value = None, baseline + self.margin
            for action in candidates:
                value = self.lookahead(game, action)
                if value > best_value:
                    best, best_value = action, value
                elif value <= baseline + self.margin:  # lost to waiting: left alone a while, longer each time
                    pause = min(MAX_PAUSE, 2 * self.paused.get(action, (0, 0))[1] or 1)
                    self.paused[action] = (turn + pause, pause)
                    target = self.target
                    if (
                        target
                        and self.takes(target, action)
                        and value < baseline - max(1.0, target_value / 2)
                    ):
                        # taking it does harm the plan did not see (a partner's anger, say): drop it
                        self.refused[target] = turn + MAX_PAUSE
                        self.planned_turn = -PLAN_EVERY
            if best is None:
                return
            self.paused.pop(best, None)
            game.act(best)
            if self.road is None and best.kind in ("apply", "fund", "mission"):  # its road from now on
                self.road = "" if best.kind == "mission" else best.target
            baseline = best_value  # the copy that took ``best`` and waited is where the game now stands
            candidates = [
                action
                for action in self.candidates(game)
                if action not in self.paused or self.paused[action][0] <= turn
            ]
            if not candidates:
                return

    @staticmethod
    def takes(target: Plan, action: Action) -> bool:
        """Whether the action is the one that takes the target."""
        if target[0] == "mission":
            return action.kind == "mission" and action.target == target[1]
        return action.kind in ("apply", "fund") and (action.target, action.option) == target[1:]

    def start(self, game: Game) -> None:
        """At the first turn: the scenario's outlook, and what money is worth to this agency."""
        cs = game.compiled
        self.outlook = outlook_of(cs)
        self.budget_m = cs.agencies[game.player].budget
        whole = max(1.0, self.budget_m * self.outlook.years)
        self.full_weight = MONEY_SHARE * cs.scenario.victory_score / whole

    def lookahead(self, game: Game, action: Action | None) -> float:
        """The value of a copy that takes ``action`` (or nothing) and ends the turn."""
        twin = game.clone()
        if action is not None:
            twin.act(action)
        for pending in list(twin.state.pending):  # other events still waiting: the scenario's favourite
            choices = twin.compiled.events[pending.event].model.choices
            twin.act(Action("answer", str(pending.uid), max(choices, key=lambda c: c.ai_weight).id))
        twin.act(END_TURN)
        return self.evaluate(twin)

    # ---- how good a position looks
    def evaluate(self, game: Game) -> float:
        """The projected final score, plus what money and a target within reach are worth."""
        state = game.state
        if state.over:
            return LOST if state.outcome == "lost" else game.score()
        outlook = self.outlook
        assert outlook is not None
        out = outlook.forecast(state)
        value = outlook.score(state, out)
        me = state.me
        value += self.money_weight * (self.free_money(state) / 1000 + out.budget * self.budget_m / 100)
        if me.money < 0:
            value -= 5.0 * (me.insolvent_turns + 1)
        return value + self.readiness(state, game.compiled)

    @staticmethod
    def free_money(state: GameState) -> int:
        """k$ in hand less what the player's builds still cost."""
        player = state.player
        owed = 0
        for programme in state.programmes.values():
            for build in programme.slots.values():
                if build.owner == player and build.status == "building":
                    owed += build.cost_left
        for mission in state.missions.values():
            if mission.build.status == "building":
                owed += mission.build.cost_left
        return state.agencies[player].money - owed

    def readiness(self, state: GameState, cs: CompiledScenario) -> float:
        """Most of the target's worth, less the investment and diplomacy it still needs.

        Each step toward it (a capability level, an initiative) is credited a little more
        than it costs, so the look-ahead takes it.
        """
        target = self.target
        if target is None or not self.open(state, cs, target):
            return 0.0
        steps, outlay = self.remaining(state, cs, target)
        value = self.target_value - self.target_held - self.money_weight * outlay - self.step_cost() * steps
        return value if value > 0.0 else 0.0

    def step_cost(self) -> float:
        """Points a step still to take toward the target is worth: sooner is better."""
        return STEP_SHARE * self.target_value + self.margin

    def remaining(self, state: GameState, cs: CompiledScenario, target: Plan) -> tuple[float, float]:
        """Steps (capability levels, diplomatic initiatives) and M$ before the target can be taken."""
        kind, ident, option = target
        steps = outlay = 0.0
        if kind == "join":
            if not state.programmes[ident].is_member(state.player):
                steps = self.courting(state, cs, ident, exact=False)
                outlay = steps * cs.rules.diplomacy_cost
            requires = cs.programmes[ident].slots[option].requires if option else {}
        else:
            requires = cs.missions[ident].requires
        levels = state.agencies[state.player].capabilities
        unit = cs.rules.capability_cost
        for area, level in requires.items():
            have = levels.get(area, 0)
            if have < level:
                steps += level - have
                outlay += unit * (have + 1 + level) * (level - have) / 2
        return steps, outlay

    # ---- the target
    @staticmethod
    def courting(state: GameState, cs: CompiledScenario, pid: str, exact: bool = True) -> float:
        """Diplomatic initiatives before the leads of a programme will hear an application."""
        floor = cs.programmes[pid].model.admission.min_relation
        gain = max(1.0, cs.rules.diplomacy_gain * 0.75)
        steps = 0.0
        for lead in state.programmes[pid].leads:
            short = floor - state.relation(state.player, lead)
            if short > 0:  # inexact: the last initiative, the one that opens the door, counts whole
                steps += -(-short // gain) if exact else 1.0 + short / gain
        return steps

    @staticmethod
    def open(state: GameState, cs: CompiledScenario, target: Plan) -> bool:
        """Whether the target can still be taken (and is not taken yet)."""
        kind, ident, option = target
        if kind == "mission":
            done = state.missions[ident]
            return done.build.status != "building" and not (
                done.successes and not cs.missions[ident].repeatable
            )
        programme = state.programmes[ident]
        if programme.status not in LIVE:
            return False
        if option:
            return programme.slots[option].status == "open"
        return not programme.is_member(state.player)

    def stale(self, game: Game) -> bool:
        state = game.state
        if self.target is not None and not self.open(state, game.compiled, self.target):
            return True
        return state.turn - self.planned_turn >= PLAN_EVERY

    def plan(self, game: Game) -> None:
        """Choose the target whose projected gain, less what it and the way to it cost, is the highest.

        The options are scored on a copy: scoring moves the state for a moment.
        """
        game = game.clone()
        state, outlook = game.state, self.outlook
        assert outlook is not None
        self.planned_turn = state.turn
        now = outlook.forecast(state)
        base = outlook.score(state, now) + self.money_weight * now.budget * self.budget_m / 100
        ranked: list[tuple[float, float, Plan]] = []
        ready: list[tuple[float, Plan]] = []
        self.rank(game, now, base, self.options(game, national=not self.road), ranked, ready)
        if not ranked and self.road:  # its programme offers nothing more
            if any(build.owner == state.player for build in state.programmes[self.road].slots.values()):
                self.rank(game, now, base, self.options(game, national=True, programmes=False), ranked, ready)
            else:  # it never built anything there: free to choose again
                self.road = None
                self.rank(game, now, base, self.options(game), ranked, ready)
        ranked.sort(reverse=True)
        if ranked:
            net, self.target_value, self.target = ranked[0]
            self.target_held = (1.0 - READY_SHARE) * net
        else:
            self.target, self.target_value, self.target_held = None, 0.0, 0.0
        ready.sort(reverse=True)
        road = self.target[:2] if self.target is not None and self.target[0] == "join" else ("mission",)
        self.ready = [plan for _net, plan in ready if plan != self.target and plan[: len(road)] == road]
        del self.ready[OPPORTUNITIES:]  # the next best on the same road as the target

    def rank(
        self,
        game: Game,
        now: Forecast,
        base: float,
        options: Iterator[tuple[Plan, int, float]],
        ranked: list[tuple[float, float, Plan]],
        ready: list[tuple[float, Plan]],
    ) -> None:
        """Value each option: (net gain, gain, target) when worth it, and those in reach now."""
        state, cs, outlook = game.state, game.compiled, self.outlook
        assert outlook is not None
        weight = self.money_weight
        for plan, delay, cost in options:
            out = outlook.what_if(state, now, plan, delay)
            joining = (
                plan[1]
                if plan[0] == "join" and not state.programmes[plan[1]].is_member(state.player)
                else None
            )
            value = (
                outlook.score(state, out, joining) + weight * (out.budget * self.budget_m / 100 - cost) - base
            )
            steps, outlay = self.remaining(state, cs, plan)
            net = value - weight * outlay - (STEP_SHARE * value + self.margin) * steps
            if net > self.margin:
                ranked.append((net, value, plan))
                if not steps:
                    ready.append((net, plan))

    def options(
        self, game: Game, national: bool = True, programmes: bool = True
    ) -> Iterator[tuple[Plan, int, float]]:
        """Targets in reach: (target, turns before it can be taken, M$ it costs once taken)."""
        state, cs = game.state, game.compiled
        player, me = state.player, state.me
        means = self.means(game)
        road, refused, turn = self.road, self.refused, state.turn
        for pid, programme in state.programmes.items():
            if not programmes or programme.status not in LIVE or (road is not None and pid != road):
                continue  # memory: once on a road, it keeps to it
            cp = cs.programmes[pid]
            member = programme.is_member(player)
            steps = 0
            if not member:
                if player in programme.applicants or not cp.model.open or not cp.admission(state):
                    continue
                steps = int(self.courting(state, cs, pid))
                if steps > MAX_COURTING:
                    continue
                if refused.get(("join", pid, ""), -1) < turn:
                    yield ("join", pid, ""), steps, 0.0
            for sid, build in programme.slots.items():
                slot = cp.slots[sid]
                if build.status != "open" or not means(k(slot.cost), slot.build_turns):
                    continue
                if refused.get(("join", pid, sid), -1) >= turn:
                    continue
                delay = self.prerequisites(me.capabilities, slot.requires, cs)
                if delay <= MAX_STEPS:
                    yield ("join", pid, sid), max(delay, steps), slot.cost
        for mid, mission in cs.missions.items():
            done = state.missions[mid]
            if not national or done.build.status == "building" or (done.successes and not mission.repeatable):
                continue
            if mission.after and not state.missions[mission.after].successes:
                continue
            if (
                not means(k(mission.cost), mission.build_turns)
                or refused.get(("mission", mid, ""), -1) >= turn
            ):
                continue
            delay = self.prerequisites(me.capabilities, mission.requires, cs)
            if delay <= MAX_STEPS:
                yield ("mission", mid, ""), delay, mission.cost

    @staticmethod
    def prerequisites(levels: dict[str, int], requires: dict[str, int], cs: CompiledScenario) -> int:
        """Turns of investment before the capability levels are met (one step per area a turn)."""
        turns = 0
        for area, level in requires.items():
            if level > cs.rules.capability_max:
                return MAX_STEPS + 1
            turns = max(turns, level - levels.get(area, 0))
        return turns

    def means(self, game: Game) -> Callable[[int, int], bool]:
        """Whether a build of k$ over turns fits the budget, as ``can_commit`` judges it (worked out once)."""
        committed = self.committed(game)
        me = game.state.me
        budget_per_turn = me.appropriation / (12 / game.compiled.turn_months) * 1.05
        money = me.money

        def affordable(cost: int, turns: int) -> bool:
            per_turn = cost / turns
            return committed + per_turn <= budget_per_turn and money >= per_turn * RESERVE_TURNS

        return affordable

    # ---- what to try
    def candidates(self, game: Game) -> list[Action]:
        """The legal next steps toward the target, and the next best targets already in reach."""
        state, cs = game.state, game.compiled
        player, me = state.player, state.me
        found: list[Action] = []
        target = self.target
        if target is not None and self.open(state, cs, target):
            kind, ident, option = target
            ready = True
            if kind == "join":
                programme = state.programmes[ident]
                member = programme.is_member(player)
                if not member:
                    floor = cs.programmes[ident].model.admission.min_relation
                    for lead in programme.leads:
                        relation = state.relation(player, lead)
                        if relation < floor + COURT_MARGIN:
                            found.append(Action("diplomacy", lead))
                            ready = ready and relation >= floor
                requires = cs.programmes[ident].slots[option].requires if option else {}
                step = Action("fund" if member else "apply", ident, option)
                ready = ready and player not in programme.applicants
            else:
                requires = cs.missions[ident].requires
                step = Action("mission", ident)
            for area, level in requires.items():
                if me.capabilities.get(area, 0) < level:
                    found.append(Action("invest", area))
                    ready = False
            if ready:
                found.append(step)
        for plan in self.ready:  # the next best targets the plan found in reach, alongside
            if self.open(state, cs, plan):
                kind, ident, option = plan
                if kind == "mission":
                    found.append(Action("mission", ident))
                else:
                    member = state.programmes[ident].is_member(player)
                    found.append(Action("fund" if member else "apply", ident, option))
        return [action for action in found if not game.check(action)]


def evaluate(game: Game) -> float:
    """How good a position looks: the final score it leads to if what is under way pays off."""
    state = game.state
    if state.over:
        return LOST if state.outcome == "lost" else game.score()
    outlook = outlook_of(game.compiled)
    state = game.clone().state  # scoring moves the state for a moment
    return outlook.score(state, outlook.forecast(state))


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
