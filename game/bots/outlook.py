"""The greedy bot's evaluation: a position projected to the objectives' dates and scored there."""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from game.engine import flights
from game.engine.compiled import CompiledObjective, CompiledScenario, Predicate
from game.engine.corps import loss_chance
from game.engine.deals import in_force
from game.engine.expressions import Getter
from game.engine.race import prestige_for
from game.engine.rulebook import LIVE_STATUSES
from game.engine.scoring import credit_share, graded_points, progress_share
from game.engine.state import AgencyState, AstronautState, GameState, ProgrammeState
from game.format.expressions import parse_expression
from game.format.models import PERCENT_MAX, Contribution, Mission

LIVE = LIVE_STATUSES  # programme states that take partners and fly milestones
LIKELY = 0.85  # the chance given to an objective the projected figures meet (and today's do not)
TIMELY, TIMELY_PER_TURN = 0.5, 0.08  # the chance a crewed flight due by a deadline flies in time, by margin
PEAKS = 2  # gains of support, and of prestige, whose months are checked for a condition met in passing
NEAR = ((0.15, 0.5), (0.4, 0.25), (1.0, 0.1))  # (figures raised by, share of the points) for nearly met
FIRSTS = 0.5  # the share of a race achievement's prestige counted on: modestly, a rival may get there first
LATE = 0.5  # the worth of a contribution lost at launch, whose replacement delivers it later

#: A step the bot can plan toward: ("join", programme, contribution or "") or (NATIONAL, mission, "").
Plan = tuple[str, str, str]
#: The kind of plan that flies a national mission (it sorts after "join", as plans are compared).
NATIONAL = "national"
#: The part of a forecast that the agreements in force bring (beside the programmes' and "").
DEALS = "deals:"
#: Something expected by a month: (month, science, prestige, support).
Gain = tuple[int, float, float, float]
#: The campaign's counts a graded objective may measure that the projection moves: crewed flights,
#: national missions that succeed, contributions delivered, firsts won in the race.
COUNTED = ("flights", "missions_flown", "contributions_delivered", "firsts_won")
#: One more of a count expected by a month: (month, count, chance).
Count = tuple[int, str, float]


@dataclass(slots=True)
class Part:
    """What one programme (or the national missions) is expected to bring."""

    gains: list[Gain] = field(default_factory=list)
    streams: list[tuple[int, float]] = field(default_factory=list)  # (month from which, science a turn)
    flights: list[tuple[int, bool, float]] = field(default_factory=list)  # (month, to the surface, chance)
    budget: float = 0.0  # percent-years of appropriation added by rewards
    cost: float = 0.0  # M$ expected to be spent on what is under way: replacements of lost flights
    counts: list[Count] = field(default_factory=list)  # missions flown, contributions delivered, firsts


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
    cost: float = 0.0  # M$ expected to be spent: replacements of lost flights, the corps' training
    counts: list[Count] = field(default_factory=list)  # every part's, crewed flights' included
    #: the race's prestige the player's first crewed flight, and first landing, would earn
    crew_firsts: tuple[float, float] = (0.0, 0.0)
    #: the race's firsts (no agency has them yet) the player's first crewed flight, and landing, would win
    crew_firsts_won: tuple[int, int] = (0, 0)


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
        #: Objectives graded by their progress: worth the credit of the projected (or best) progress.
        self.graded: dict[str, CompiledObjective] = {
            o.model.id: o for o in cs.objectives if o.progress is not None and o.grade is not None
        }
        #: The counts (``COUNTED``) each graded objective's progress reads, by objective.
        self.counted: dict[str, tuple[str, ...]] = {
            oid: names for oid, o in self.graded.items() if (names := counts_read(o.model.progress or ""))
        }
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
            effect.astronauts > 0 for event in cs.scenario.events for effect in event.every_effect()
        )
        self.years = max(1.0, (cs.end - cs.start + cs.turn_months) / 12)
        #: With flights: the months between a finished build and its launch.
        self.window = cs.flights.window_turns * cs.turn_months if cs.flights is not None else 0
        #: the race (game/engine/race.py): achievements the player earns by a condition, and those any
        #: crewed flight (or landing) earns, whatever its programme or mission
        race = cs.race
        self.race_conditions = race.conditions if race is not None else ()
        self.crew_achievements = tuple(
            tuple(
                aid
                for aid, filters, earner in (race.hooks.get(kind, ()) if race is not None else ())
                if not filters and not earner
            )
            for kind in ("crew_flew", "crew_landed")
        )

    def flight_odds(
        self, state: GameState, key: str, launch: int | None = None
    ) -> tuple[float, float, float]:
        """(share of the rewards expected, chance of failing, chance of success) of a flight; launched
        at ``launch``, with what the research under way will have given by then."""
        ahead = self.researched_by(state, launch) if launch is not None and state.research else ()
        if ahead:
            success, partial, failure = self._odds_after(state, key, ahead)
        else:
            success, partial, failure = flights.odds(state, self.cs, key)
        return success + partial * flights.rules_of(self.cs).partial_reward, failure, success

    def researched_by(self, state: GameState, month: int) -> tuple[str, ...]:
        """The projects under way whose last part is paid by the end of the turn of ``month``."""
        last = month - state.month
        tm = self.tm
        return tuple(pid for pid, build in state.research.items() if (build.turns_left - 1) * tm <= last)

    def _odds_after(self, state: GameState, key: str, ahead: tuple[str, ...]) -> tuple[float, float, float]:
        """A flight's odds with the projects ``ahead`` done: their levels and reliability the player's
        for a moment (the state is put back as it was)."""
        me, research = state.agencies[state.player], self.cs.research
        levels, done = me.capabilities, state.researched
        top = self.cs.rules.capability_max
        raised = dict(levels)
        for pid in ahead:
            for area, level in research[pid].unlocks.levels.items():
                if raised.get(area, 0) < level:
                    raised[area] = min(level, top)
        me.capabilities, state.researched = raised, {**done, **dict.fromkeys(ahead, state.month)}
        try:
            return flights.odds(state, self.cs, key)
        finally:
            me.capabilities, state.researched = levels, done

    def launch_month(self, state: GameState, key: str, built: int) -> int:
        """When the flight ``key`` launches: its set date if it waits, else a window after ``built``."""
        flight = state.flights.get(key)
        return flight.launch if flight is not None else built + self.window

    @staticmethod
    def odds(programme: ProgrammeState, cancel_below: float) -> float:
        """How sure a programme's plans are: a healthy one delivers, a failing one may be cancelled."""
        return min(1.0, max(0.2, (programme.health - cancel_below) / 40))

    def crew_factor(self, state: GameState) -> float:
        """How sure the player is to have an astronaut for a seat: its own, or those a selection round
        under way (or one it may open, or an event) will bring."""
        if state.agencies[state.player].astronauts > 0:
            return 1.0
        corps = state.corps.get(state.player) if state.corps else None
        if corps is not None and corps.selection_turns:
            return 1.0
        return 0.5 if self.recruits or (corps is not None and corps.recruits) else 0.0

    # ---- what is under way
    def forecast(self, state: GameState) -> Forecast:
        """What the position is expected to bring."""
        me = state.agencies[state.player]
        parts = {pid: self._programme(state, pid, None, 0) for pid in state.programmes}
        parts[""] = self._national(state, None, 0)
        if state.deals:
            parts[DEALS] = self._deals(state)
        out = Forecast(state.month, me.science, me.prestige, me.support, parts)
        if self.cs.race is not None:
            out.crew_firsts, out.crew_firsts_won = self._crew_firsts(state)
        return self._assemble(state, out)

    def _deals(self, state: GameState) -> Part:
        """The data the agreements in force give the player, each until its term ends."""
        part = Part()
        for deal in in_force(state):
            rate = sum(float(value) for kind, value in deal.gives if kind == "data")
            if rate:
                part.streams.append((state.month, rate))
                if deal.until and deal.until <= self.end:
                    part.streams.append((deal.until, -rate))
        return part

    def what_if(self, state: GameState, base: Forecast, plan: Plan, delay: int) -> Forecast:
        """The forecast with ``plan`` taken ``delay`` turns from now: only its part is worked out again."""
        parts = dict(base.parts)
        if plan[0] == "join":
            parts[plan[1]] = self._programme(state, plan[1], plan, delay)
        else:
            parts[""] = self._national(state, plan, delay)
        out = Forecast(base.now, base.science, base.prestige, base.support, parts)
        out.crew_firsts, out.crew_firsts_won = base.crew_firsts, base.crew_firsts_won
        return self._assemble(state, out)

    def _assemble(self, state: GameState, out: Forecast) -> Forecast:
        for part in out.parts.values():
            out.gains += part.gains
            out.streams += part.streams
            out.flights += part.flights
            out.budget += part.budget
            out.cost += part.cost
            out.counts += part.counts
        orbit, surface = out.crew_firsts
        won_orbit, won_surface = out.crew_firsts_won
        for month, to_surface, chance in sorted(out.flights):  # each crewed flight: prestige and support
            first = orbit + (surface if to_surface else 0.0)  # and the race's, for the first ones
            won = won_orbit + (won_surface if to_surface else 0)
            orbit, surface = 0.0, surface if not to_surface else 0.0
            won_orbit, won_surface = 0, won_surface if not to_surface else 0
            prestige = (self.crew_prestige + first * FIRSTS) * chance
            out.gains.append((month, 0.0, prestige, self.crew_support * chance))
            out.counts.append((month, "flights", chance))
            if won:
                out.counts.append((month, "firsts_won", won * FIRSTS * chance))
        corps = state.corps.get(state.player) if state.corps else None
        if corps is not None:
            self._corps(state, out, corps.active())
        return out

    def _crew_firsts(self, state: GameState) -> tuple[tuple[float, float], tuple[int, int]]:
        """The race's prestige for the player's first crewed flight and first landing, from now, and
        how many of those achievements no agency has yet (firsts it would win)."""
        race, player = self.cs.race, state.player
        assert race is not None
        prestige = tuple(
            sum(prestige_for(race, state, aid, player) for aid in achievements)
            for achievements in self.crew_achievements
        )
        won = tuple(
            sum(1 for aid in achievements if not state.firsts.get(aid))
            for achievements in self.crew_achievements
        )
        return prestige, won  # type: ignore[return-value]

    def _race_first(self, state: GameState, mission: str) -> tuple[float, int]:
        """The race's prestige a success of ``mission`` would earn the player by their conditions, and
        how many of those achievements no agency has yet (firsts it would win)."""
        if not self.race_conditions:
            return 0.0, 0
        race, player, flown = self.cs.race, state.player, state.missions[mission]
        assert race is not None
        held = [aid for aid, holds in self.race_conditions if not state.rank(aid, player) and holds(state)]
        flown.successes += 1
        try:
            earned = [
                aid
                for aid, holds in self.race_conditions
                if aid not in held and not state.rank(aid, player) and holds(state)
            ]
            prestige = sum(prestige_for(race, state, aid, player) for aid in earned)
            return prestige, sum(1 for aid in earned if not state.firsts.get(aid))
        finally:
            flown.successes -= 1

    def _corps(self, state: GameState, out: Forecast, active: list[AstronautState]) -> None:
        """A named corps: the chance of losing the astronaut who flies each crewed flight, by their
        readiness then (training raises it, idling lowers it), and what the training still costs."""
        rules, tm, now = self.cs.rules, self.tm, state.month
        left = (self.end - now) // tm + 1
        for person in active:
            if person.training:  # until ready; once ready, every turn left (training that buys nothing)
                turns = (
                    -(-(PERCENT_MAX - person.readiness) // rules.training_gain)
                    if person.readiness < PERCENT_MAX
                    else left
                )
                out.cost += rules.training_cost * min(left, turns)
        if not active or not out.flights:
            return
        crew = max(active, key=lambda person: person.readiness)
        for month, _surface, chance in out.flights:
            turns = (month - now) // tm
            if crew.training:
                ready = min(PERCENT_MAX, crew.readiness + rules.training_gain * turns)
            else:
                ready = max(0.0, crew.readiness - rules.readiness_decay * turns)
            loss = chance * loss_chance(rules, ready)
            out.gains.append((month, 0.0, -loss * rules.loss_prestige, -loss * rules.loss_support))

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
        bases = cs.flight_bases
        for sid, build in programme.slots.items():
            if build.owner == player and build.status != "open":
                ready = now if build.status == "delivered" else now + (build.turns_left - 1) * tm
                key, weight, delivered = f"{pid}.{sid}", 1.0, 1.0
                if build.status == "building":
                    if key in bases:
                        ready = self.launch_month(state, key, ready)
                        weight, delivered = self._delivery(state, part, key, ready)
                    self._delivered(part, ready, odds * delivered)
                self._contribution(
                    part, now, cp.slots[sid], build.rewarded, ready, dues, odds * weight, seats
                )
        if plan is not None and plan[2]:
            slot = cp.slots[plan[2]]
            ready = start + (slot.build_turns - 1) * tm
            key, weight, delivered = f"{pid}.{plan[2]}", 1.0, 1.0
            if key in bases:
                ready += self.window
                weight, delivered = self._delivery(state, part, key, ready)
            self._delivered(part, ready, odds * delivered)
            self._contribution(part, now, slot, False, ready, dues, odds * weight, seats)
        if seats and live:
            crew = self.crew_factor(state)
            if crew:
                self._seat_flights(part, pid, dues, seats, odds * crew)
        return part

    def _national(self, state: GameState, plan: Plan | None, delay: int) -> Part:
        """The national missions under way (and the planned one)."""
        part = Part()
        cs, tm, now = self.cs, self.tm, state.month
        crew = self.crew_factor(state)
        bases = cs.flight_bases
        for mid, mission_state in state.missions.items():
            build = mission_state.build
            if build.status == "building":
                ready = now + (build.turns_left - 1) * tm
                if mid in bases:
                    ready = self.launch_month(state, mid, ready)
                self._mission(state, part, cs.missions[mid], ready, crew)
        if plan is not None:
            mission = cs.missions[plan[1]]
            ready = now + (delay + mission.build_turns - 1) * tm
            self._mission(state, part, mission, ready + (self.window if mission.id in bases else 0), crew)
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

    def _delivered(self, part: Part, ready: int, chance: float) -> None:
        """A contribution under way counts as delivered once built (and launched, for a flight)."""
        if ready <= self.end:
            part.counts.append((ready, "contributions_delivered", chance))

    def _delivery(self, state: GameState, part: Part, key: str, launch: int) -> tuple[float, float]:
        """A contribution's flight: what a failure costs (a replacement, prestige, support) and what a
        success adds; returns the share of its rewards expected (one lost at launch comes later) and
        the chance it is delivered at ``launch`` (a partial success delivers it too)."""
        if launch > self.end:
            return 1.0, 1.0
        share, failure, success = self.flight_odds(state, key, launch)
        rules = flights.rules_of(self.cs)
        programme, slot = flights.split(key)
        part.gains.append(
            (
                launch,
                success * rules.success_science,
                success * rules.success_prestige - failure * rules.failure_prestige,
                -failure * rules.failure_support,
            )
        )
        part.cost += failure * rules.rebuild_share * self.cs.programmes[programme].slots[slot].cost
        return share + failure * LATE, 1.0 - failure

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

    def _mission(self, state: GameState, part: Part, mission: Mission, ready: int, crew: float) -> None:
        """A national mission's expected rewards when it flies, with half the race's prestige its
        success would earn (``FIRSTS``)."""
        if ready > self.end:
            return
        rewards = mission.rewards
        if mission.id in self.cs.flight_bases:  # a flight: its odds now, partial successes, what it adds
            chance, failure, success = self.flight_odds(state, mission.id, ready)
            rules = flights.rules_of(self.cs)
            science, prestige = (
                success * rules.success_science,
                (success * rules.success_prestige - failure * rules.failure_prestige),
            )
            failing = failure * rules.failure_support
            flown = 1.0 - failure  # a partial success counts as a mission flown
        else:
            chance = flown = mission.success
            science = prestige = 0.0
            failing = (1.0 - chance) * self.failure_support
        support = rewards.support * chance - failing
        first, won = self._race_first(state, mission.id)
        prestige += first * FIRSTS * chance
        part.counts.append((ready, "missions_flown", flown))
        if won:
            part.counts.append((ready, "firsts_won", won * FIRSTS * flown))
        part.gains.append(
            (ready, mission.science * chance + science, rewards.prestige * chance + prestige, support)
        )
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
        graded = self.graded
        peaks: list[tuple[int, tuple[float, float, float]]] | None = None
        try:
            for horizon, objectives in self.horizons:
                if horizon < now:  # judged already: what was reached counts
                    total += sum(
                        self.judged(state, oid, points)
                        for oid, points, _c, scale in objectives
                        if scale is None and (oid in achieved or oid in graded)
                    )
                    continue
                figures = self.figures(out, horizon)
                for oid, points, condition, scale in objectives:
                    state.month = horizon
                    me.science, me.prestige, me.support = figures
                    if oid in graded:  # the credit of its progress as projected, or of its best so far
                        total += self.credited(state, graded[oid], points, self.counts_by(out, oid, horizon))
                    elif scale is not None:
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

    def counts_by(self, out: Forecast, oid: str, horizon: int) -> dict[str, float]:
        """The counts the objective reads that are expected to grow by ``horizon``, and by how much."""
        names = self.counted.get(oid)
        if not names:
            return {}
        extra = dict.fromkeys(names, 0.0)
        for month, name, chance in out.counts:
            if month <= horizon and name in extra:
                extra[name] += chance
        return {name: more for name, more in extra.items() if more > 0.0}

    @staticmethod
    def credited(
        state: GameState, objective: CompiledObjective, points: float, extra: dict[str, float] | None = None
    ) -> float:
        """A graded objective's credit for its progress on the projected state (the counts it reads
        raised by ``extra``, the flights, missions and deliveries expected), or its best so far."""
        best = state.progress.get(objective.model.id, 0.0)
        share = progress_share(objective, state)
        if extra:
            share = projected_share(objective, state, share, extra)
        credit = objective.grade.credit if objective.grade is not None else ()
        return points * credit_share(credit, share if share > best else best) if credit else 0.0

    def judged(self, state: GameState, oid: str, points: float) -> float:
        """What an objective whose date has passed earns: its points once reached, a graded one's credit."""
        objective = self.graded.get(oid)
        if objective is None or objective.grade is None:
            return points
        return graded_points(objective.grade, points, state.progress.get(oid, 0.0), state.achieved.get(oid))

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


def counts_read(progress: str) -> tuple[str, ...]:
    """The counts (``COUNTED``) an objective's progress expression reads."""
    if not progress:
        return ()
    names = {node.id for node in ast.walk(parse_expression(progress).tree) if isinstance(node, ast.Name)}
    return tuple(name for name in COUNTED if name in names)


def projected_share(
    objective: CompiledObjective, state: GameState, share: float, extra: dict[str, float]
) -> float:
    """The objective's share of progress with each count raised by its expected ``extra``: what one
    more of it adds on this state (read by the objective's own expression), times how many more."""
    more = 0.0
    for name, count in extra.items():
        undo = _ONE_MORE[name](state)
        if undo is None:
            continue
        try:
            more += (progress_share(objective, state) - share) * count
        finally:
            undo()
    share += more
    return share if share < 1.0 else 1.0


def _one_more_flight(state: GameState) -> Callable[[], None] | None:
    me = state.agencies[state.player]
    me.flights += 1

    def undo() -> None:
        me.flights -= 1

    return undo


def _one_more_mission(state: GameState) -> Callable[[], None] | None:
    flown = next(iter(state.missions.values()), None)
    if flown is None:
        return None
    flown.successes += 1

    def undo() -> None:
        flown.successes -= 1  # type: ignore[union-attr]

    return undo


def _one_more_delivery(state: GameState) -> Callable[[], None] | None:
    player = state.player
    build = next(
        (
            build
            for programme in state.programmes.values()
            for build in programme.slots.values()
            if build.owner != player or build.status != "delivered"
        ),
        None,
    )
    if build is None:
        return None
    owner, status = build.owner, build.status
    build.owner, build.status = player, "delivered"

    def undo() -> None:
        build.owner, build.status = owner, status  # type: ignore[union-attr]

    return undo


_PROJECTED = "\0projected"  # a race achievement no scenario can name, won for a moment


def _one_more_first(state: GameState) -> Callable[[], None] | None:
    state.firsts[_PROJECTED] = [(state.player, state.month)]

    def undo() -> None:
        del state.firsts[_PROJECTED]

    return undo


#: How each count is raised by one on a state for a moment (the returned call puts it back).
_ONE_MORE: dict[str, Callable[[GameState], Callable[[], None] | None]] = {
    "flights": _one_more_flight,
    "missions_flown": _one_more_mission,
    "contributions_delivered": _one_more_delivery,
    "firsts_won": _one_more_first,
}

_OUTLOOKS: dict[int, Outlook] = {}


def outlook_of(cs: CompiledScenario) -> Outlook:
    """The outlook of a compiled scenario, made once and shared by its campaigns."""
    found = _OUTLOOKS.get(id(cs))
    if found is None or found.cs is not cs:
        if len(_OUTLOOKS) > 16:
            _OUTLOOKS.clear()
        found = _OUTLOOKS[id(cs)] = Outlook(cs)
    return found
