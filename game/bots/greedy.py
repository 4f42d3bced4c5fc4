"""The greedy bot: looks one turn ahead at the steps of a plan it draws from the scenario's data."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from game.bots.base import RESERVE_TURNS, Strategy
from game.bots.deals import proposals
from game.bots.outlook import LIVE, NATIONAL, Forecast, Outlook, Plan, outlook_of
from game.engine.actions import END_TURN, Action
from game.engine.actions.registry import road_of
from game.engine.admission import admission_rule, is_open
from game.engine.budget_plan import budget_plan
from game.engine.compiled import CompiledScenario
from game.engine.corps import player_corps, seats
from game.engine.events import answer, odds
from game.engine.flights import rules_of, waiting_flights
from game.engine.game import Game
from game.engine.queries import turns_left_in_year
from game.engine.research import standing, turns_of, way_to
from game.engine.rulebook import clawback
from game.engine.state import GameState, PendingEvent, k

LOST = -1000.0  # the value of a lost campaign
MAX_STEPS = 3  # capability levels the bot will invest in per area before a target is in reach
MAX_COURTING = 6  # diplomatic initiatives it will spend before a programme will hear it
PLAN_EVERY = 4  # turns between two looks for a better target while the current one waits
COURT_MARGIN = 5  # relation points above a programme's floor the bot courts its leads to
READY_SHARE = 0.8  # share of a target's net worth credited once it is in reach (taking it earns the rest)
STEP_SHARE = 0.04  # share of a target's worth lost for each step still to take toward it
MAX_PAUSE = 8  # most turns an action that lost to waiting is left untried
#: the same for a step on what is under way (``FINE``): its worth moves from turn to turn with the launch
#: date and the crew's readiness, so it is looked at again the next turn
FINE_PAUSE = 1
MONEY_SHARE = 0.5  # share of the victory score the agency's whole budget is worth
OPPORTUNITIES = 2  # other targets in reach tried each turn beside the best one
#: Steps on a flight or an astronaut under way (a preparation, a hold, training): judged by a finer margin.
FINE = frozenset({"prepare", "hold", "train"})
MAX_RESEARCH_TURNS = 16  # turns of research the bot will wait for before a target is in reach


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
    margin = 0.05  # points an action must gain over waiting
    #: the same for a step on what is under way (``FINE``): its gain is the change of a flight's odds,
    #: or of an astronaut's, that the engine itself will draw from; a few hundredths of a point are
    #: a few per cent of reliability on one flight, no rounding error of the projection; 0.01 still left
    #: undone the preparations and training of a few thousandths each (a crew's last weeks of training)
    fine_margin = 0.002

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
        self.credit = 0.0  # the target's credit (``readiness``) in the position last evaluated

    def play_turn(self, game: Game) -> None:
        self.prepare(game)
        super().play_turn(game)

    def road_taken(self, game: Game) -> str | None:
        return self.road

    def prepare(self, game: Game) -> None:
        """Before a turn: what money is worth now, whether it is still on its road, a fresh plan if due."""
        if self.outlook is None:
            self.start(game)
        self.money_weight = money_weight(game.compiled, self.full_weight, game.state.month)
        if self.road:
            programme = game.state.programmes[self.road]
            if programme.status not in LIVE or not programme.is_on_road(game.player):
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
            if not any(effect.join or effect.leave for choice in choices for effect in choice.every_effect()):
                super().answer_events(game)
                continue
            best, best_value = None, 0.0
            for choice in sorted(choices, key=lambda c: -c.ai_weight):  # the favourite wins a tie
                value = self.answer_value(game, pending, choice.id)
                if best is None or value > best_value + self.margin:
                    best, best_value = choice.id, value
            game.act(Action("answer", str(pending.uid), best or choices[0].id))

    def answer_value(self, game: Game, pending: PendingEvent, choice_id: str) -> float:
        """A choice's value one turn ahead; for a gamble, the mean over its outcomes by their odds."""
        action = Action("answer", str(pending.uid), choice_id)
        outcomes = game.compiled.events[pending.event].choice_outcomes.get(choice_id)
        chances = odds(game.state, outcomes) if outcomes else []
        if not any(chances):
            return self.lookahead(game, action)
        total = 0.0
        for outcome, chance in zip(outcomes or (), chances, strict=True):
            if chance > 0:
                twin = game.clone(records=False)  # its records are never read
                answer(twin.state, twin.compiled, twin.state.pending[0], choice_id, outcome.model.id)
                total += chance * self.lookahead(twin, None)
        return total

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
        waiting = self.credit
        for _ in range(self.max_actions):
            best, best_value, best_raw, best_credit = None, baseline, baseline, waiting
            target = self.target
            for action in candidates:
                raw = value = self.lookahead(game, action)
                if target and self.takes(target, action):
                    # taking the target is judged by the score alone: waiting's credit for having it in
                    # reach was worked out when it was planned, and may promise more than taking it earns
                    value += waiting - self.credit
                bar = baseline + (self.fine_margin if action.kind in FINE else self.margin)
                if value > bar and (best is None or value > best_value):
                    best, best_value, best_raw, best_credit = action, value, raw, self.credit
                elif value <= bar:  # lost to waiting: left alone a while, longer each time
                    longest = FINE_PAUSE if action.kind in FINE else MAX_PAUSE
                    pause = min(longest, 2 * self.paused.get(action, (0, 0))[1] or 1)
                    self.paused[action] = (turn + pause, pause)
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
            if self.road is None:  # the road its first commitment takes, from now on
                self.road = road_of(best)
            baseline, waiting = best_raw, best_credit  # the copy that took ``best`` is where the game stands
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
        road = road_of(action)
        if target[0] == NATIONAL:
            return road == "" and action.target == target[1]
        return road == target[1] and action.option == target[2]

    def start(self, game: Game) -> None:
        """At the first turn: the scenario's outlook, and what money is worth to this agency."""
        cs = game.compiled
        self.outlook = outlook_of(cs)
        self.budget_m = cs.agencies[game.player].budget
        self.full_weight = full_money_weight(cs, game.player)

    def lookahead(self, game: Game, action: Action | None) -> float:
        """The value of a copy that takes ``action`` (or nothing) and ends the turn."""
        twin = game.clone(records=False)  # its records are never read
        if action is not None:
            twin.act(action)
        for pending in list(twin.state.pending):  # other events still waiting: the scenario's favourite
            choices = twin.compiled.events[pending.event].model.choices
            twin.act(Action("answer", str(pending.uid), max(choices, key=lambda c: c.ai_weight).id))
        if twin.state.flights:
            self.unseen(twin)
        twin.act(END_TURN)
        return self.evaluate(twin)

    @staticmethod
    def unseen(twin: Game) -> None:
        """The copy's flights due at this turn's end wait a turn more, so that they are valued by their
        odds: the copy shares the campaign's generator, and its draw would be the launch's very outcome."""
        state = twin.state
        for flight in state.flights.values():
            if flight.launch <= state.month:
                flight.launch = state.month + twin.compiled.turn_months

    # ---- how good a position looks
    def evaluate(self, game: Game) -> float:
        """The projected final score, plus what money and a target within reach are worth."""
        state = game.state
        self.credit = 0.0
        if state.over:  # won by one of the scenario's endings: at least as good as a victory by score
            if state.outcome == "won":
                return max(game.score(), game.compiled.victory_score(game.player))
            return LOST if state.outcome == "lost" else game.score()
        outlook = self.outlook
        assert outlook is not None
        value = position_value(outlook, state, self.money_weight, self.budget_m)
        self.credit = self.readiness(state, game.compiled)
        return value + self.credit

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
        for build in state.research.values():
            owed += build.cost_left
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
        if cs.research:  # projects not started yet; one under way is paid from the money held
            way = way_to(state, cs, requires, self.key(target)) or []
            for project in way:
                if project not in state.research:
                    steps += 1
                    outlay += cs.research[project].cost
            return steps, outlay
        levels = state.agencies[state.player].capabilities
        unit = cs.rules.capability_cost
        for area, level in requires.items():
            have = levels.get(area, 0)
            if have < level:
                steps += level - have
                outlay += unit * (have + 1 + level) * (level - have) / 2
        return steps, outlay

    @staticmethod
    def key(target: Plan) -> str:
        """How research names the target's build: a mission's id, or 'programme.contribution'."""
        kind, ident, option = target
        if kind == NATIONAL:
            return ident
        return f"{ident}.{option}" if option else ""

    # ---- the target
    @staticmethod
    def courting(state: GameState, cs: CompiledScenario, pid: str, exact: bool = True) -> float:
        """Diplomatic initiatives before the leads of a programme will hear an application."""
        floor = admission_rule(state, cs, pid).model.min_relation
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
        if kind == NATIONAL:
            done = state.missions[ident]
            return done.build.status != "building" and not (
                done.successes and not cs.missions[ident].repeatable
            )
        programme = state.programmes[ident]
        if programme.status not in LIVE or programme.hidden:
            return False
        if option:
            return programme.slots[option].status == "open"
        return not programme.is_member(state.player)

    def stale(self, game: Game) -> bool:
        state = game.state
        if self.target is None or not self.open(state, game.compiled, self.target):
            return True  # nothing to aim at: what the player can afford changes from turn to turn
        return state.turn - self.planned_turn >= PLAN_EVERY

    def plan(self, game: Game) -> None:
        """Choose the target whose projected gain, less what it and the way to it cost, is the highest.

        The options are scored on a copy: scoring moves the state for a moment.
        """
        game = game.clone(records=False)
        state, outlook = game.state, self.outlook
        assert outlook is not None
        self.planned_turn = state.turn
        now = outlook.forecast(state)
        base = outlook.score(state, now) + self.money_weight * (now.budget * self.budget_m / 100 - now.cost)
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
        chosen = ranked[0] if ranked else None
        if chosen is not None:
            net, self.target_value, self.target = chosen
            self.target_held = (1.0 - READY_SHARE) * net
        else:
            self.target, self.target_value, self.target_held = None, 0.0, 0.0
        ready.sort(reverse=True)
        lead = self.target if self.target is not None else (ready[0][1] if ready else None)
        road = lead[:2] if lead is not None and lead[0] == "join" else (NATIONAL,)
        self.ready = [plan for _net, plan in ready if plan != self.target and plan[: len(road)] == road]
        del self.ready[OPPORTUNITIES:]  # the next best on the same road as the target
        if self.road and road != (NATIONAL,):
            self.ready += self.side_missions(game, now, base)

    def side_missions(self, game: Game, now: Forecast, base: float) -> list[Plan]:
        """On a programme's road: the best national missions in reach now, tried alongside its targets
        (an agency whose programme leaves money over flies its own missions too, as ESA and JAXA do)."""
        ranked: list[tuple[float, float, Plan]] = []
        ready: list[tuple[float, Plan]] = []
        self.rank(game, now, base, self.options(game, national=True, programmes=False), ranked, ready)
        ready.sort(reverse=True)
        return [plan for _net, plan in ready[:OPPORTUNITIES]]

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
                outlook.score(state, out, joining)
                + weight * (out.budget * self.budget_m / 100 - cost - out.cost)
                - base
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
        player = state.player
        reach = MAX_RESEARCH_TURNS if cs.research else MAX_STEPS
        means = self.means(game)
        road, refused, turn = self.road, self.refused, state.turn
        for pid, programme in state.programmes.items():
            if not programmes or programme.status not in LIVE or (road is not None and pid != road):
                continue  # memory: once on a road, it keeps to it
            cp = cs.programmes[pid]
            member = programme.is_member(player)
            steps = 0
            if not member:
                if (
                    player in programme.applicants
                    or not is_open(state, cs, pid)
                    or not admission_rule(state, cs, pid).condition(state)
                ):
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
                delay = self.prerequisites(state, slot.requires, cs, f"{pid}.{sid}")
                if delay <= reach:
                    yield ("join", pid, sid), max(delay, steps), slot.cost
        for mid, mission in cs.missions.items():
            done = state.missions[mid]
            if not national or done.build.status == "building" or (done.successes and not mission.repeatable):
                continue
            if mission.after and not state.missions[mission.after].successes:
                continue
            if (
                not means(k(mission.cost), mission.build_turns)
                or refused.get((NATIONAL, mid, ""), -1) >= turn
            ):
                continue
            delay = self.prerequisites(state, mission.requires, cs, mid)
            if delay <= reach:
                yield (NATIONAL, mid, ""), delay, mission.cost

    @staticmethod
    def prerequisites(state: GameState, requires: dict[str, int], cs: CompiledScenario, key: str) -> int:
        """Turns of investment before the capability levels are met (one step per area a turn); with
        research, the turns of the projects still to do, counted against MAX_RESEARCH_TURNS."""
        if cs.research:
            way = way_to(state, cs, requires, key)
            if way is None:
                return MAX_RESEARCH_TURNS + 1
            turns = turns_of(state, cs, way)
            return 0 if not way else (turns if turns <= MAX_RESEARCH_TURNS else MAX_RESEARCH_TURNS + 1)
        levels = state.me.capabilities
        turns = 0
        for area, level in requires.items():
            if level > cs.rules.capability_max:
                return MAX_STEPS + 1
            turns = max(turns, level - levels.get(area, 0))
        return turns

    def means(self, game: Game) -> Callable[[int, int], bool]:
        """Whether a build of k$ over turns fits the budget (``means``)."""
        return means(game)

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
                    floor = admission_rule(state, cs, ident).model.min_relation
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
            if cs.research:
                for project in way_to(state, cs, requires, self.key(target)) or ():
                    ready = False
                    if project not in state.research:
                        found.append(Action("research", project))
            else:
                for area, level in requires.items():
                    if me.capabilities.get(area, 0) < level:
                        found.append(Action("invest", area))
                        ready = False
            if ready:
                found.append(step)
        if state.flights:
            found += self.flight_steps(game)
        if cs.research and cs.flight_bases and len(state.research) < cs.rules.research_parallel:
            found += self.research_steps(game)
        if state.corps:
            found += self.corps_steps(game)
        if cs.deal_terms:  # proposals of its own: taken only when the look-ahead says they pay
            found += proposals(game, self.needs(state, cs))
        for plan in self.ready:  # the next best targets the plan found in reach, alongside
            if self.open(state, cs, plan):
                kind, ident, option = plan
                if kind == NATIONAL:
                    found.append(Action("mission", ident))
                else:
                    member = state.programmes[ident].is_member(player)
                    found.append(Action("fund" if member else "apply", ident, option))
        return [action for action in found if not game.check(action)]

    def needs(self, state: GameState, cs: CompiledScenario) -> set[str]:
        """The capability areas the target still needs a level in (a loan of hardware would help)."""
        target = self.target
        if target is None or not self.open(state, cs, target):
            return set()
        kind, ident, option = target
        if kind == NATIONAL:
            requires = cs.missions[ident].requires
        else:
            requires = cs.programmes[ident].slots[option].requires if option else {}
        levels = state.me.capabilities
        return {area for area, level in requires.items() if levels.get(area, 0) < level}

    @staticmethod
    def flight_steps(game: Game) -> list[Action]:
        """What may be done to a flight waiting for its launch: each preparation, an early launch, and a
        hold while the crew of a crewed mission trains (a hold only moves the launch otherwise)."""
        state, cs = game.state, game.compiled
        steps: list[Action] = []
        preparations = rules_of(cs).preparations
        corps = player_corps(state)
        training = corps is not None and any(person.training for person in corps.active())
        for _index, key, flight in waiting_flights(state, cs):
            steps += [Action("prepare", key, prep.id) for prep in preparations]
            if flight.launch > state.month:
                steps.append(Action("launch", key))
            if training and key in cs.missions and cs.missions[key].crew != "none":
                steps.append(Action("hold", key))
        return steps

    def research_steps(self, game: Game) -> list[Action]:
        """Projects that could raise the odds of the player's flights: those that raise a level a flight
        under way (or the target) needs, or add reliability; the look-ahead sees the odds at launch."""
        state, cs = game.state, game.compiled
        areas: set[str] = set()
        for mid, mission in state.missions.items():
            if mission.build.status == "building" and mid in cs.flight_bases:
                areas.update(cs.missions[mid].requires)
        for pid, programme in state.programmes.items():
            for sid, build in programme.slots.items():
                mine = build.owner == state.player and build.status == "building"
                if mine and f"{pid}.{sid}" in cs.flight_bases:
                    areas.update(cs.programmes[pid].slots[sid].requires)
        target = self.target
        if target is not None:
            kind, ident, option = target
            if kind == NATIONAL:
                areas.update(cs.missions[ident].requires)
            elif option:
                areas.update(cs.programmes[ident].slots[option].requires)
        steps: list[Action] = []
        for pid, model in cs.research.items():
            unlocks = model.unlocks
            useful = unlocks.reliability or areas.intersection(unlocks.levels)
            if useful and standing(state, cs, pid) == "available":
                steps.append(Action("research", pid))
        return steps

    @staticmethod
    def corps_steps(game: Game) -> list[Action]:
        """The corps' steps worth a look: a selection round while seats outnumber the astronauts,
        training for the one who flies next, and an end to training that buys nothing more."""
        state, cs = game.state, game.compiled
        corps = player_corps(state)
        if corps is None:
            return []
        active = corps.active()
        steps: list[Action] = []
        wanted = seats(state, cs)
        if not corps.selection_turns and corps.recruits and len(active) < max(1, len(wanted)):
            steps.append(Action("selection"))
        crew = max(active, key=lambda person: person.readiness, default=None)
        for person in active:
            if person.training and (person is not crew or person.readiness >= 100):
                steps.append(Action("train", person.id))  # stop
        if crew is not None and wanted and not crew.training and crew.readiness < 100:
            steps.append(Action("train", crew.id))  # start
        return steps


def means(game: Game, income: bool = True) -> Callable[[int, int], bool]:
    """Whether a build of k$ over turns fits the budget, as ``can_commit`` judges it, and every year of
    the budget plan still ends in the black with its payments (worked out once); ``income=False``: the
    payments may exceed the appropriation a turn, paid from the money in hand, where the plan allows."""
    committed = Strategy.committed(game)
    state, cs = game.state, game.compiled
    me = state.me
    budget_per_turn = me.appropriation / (12 / cs.turn_months) * 1.05
    money = me.money
    first = turns_left_in_year(state, cs)
    per_year = 12 // cs.turn_months
    ends = []  # k$ left at each year's end, before any clawback: a build's dues are never clawed back
    clawed = 0
    for year in budget_plan(state, cs).years:
        clawed += year.clawback
        ends.append(year.left + clawed)

    def affordable(cost: int, turns: int) -> bool:
        per_turn = cost / turns
        if (income and committed + per_turn > budget_per_turn) or money < per_turn * RESERVE_TURNS:
            return False
        for index, left in enumerate(ends):
            paid = min(turns, first + index * per_year) * per_turn
            if left - paid < 0:
                return False
        return True

    return affordable


def full_money_weight(cs: CompiledScenario, agency: str) -> float:
    """Points a M$ is worth to ``agency`` at the start: ``MONEY_SHARE`` of the victory score for its
    whole budget over the campaign."""
    whole = max(1.0, cs.agencies[agency].budget * outlook_of(cs).years)
    return MONEY_SHARE * cs.victory_score(agency) / whole


def money_weight(cs: CompiledScenario, full: float, month: int) -> float:
    """Points a M$ is worth at ``month``: less as the campaign runs out (nothing to buy at its end)."""
    left = (cs.end - month) // cs.turn_months + 1
    return full * max(0.1, left / cs.total_turns())


def position_value(outlook: Outlook, state: GameState, weight: float, budget_m: float) -> float:
    """The projected final score, plus the money free to spend (and the budget rewards bring, less
    the replacements and training under way) at ``weight`` points a M$; insolvency costs."""
    out = outlook.forecast(state)
    value = outlook.score(state, out)
    free = GreedyStrategy.free_money(state)
    free -= lapsing(state, outlook.cs, free)
    value += weight * (free / 1000 + out.budget * budget_m / 100 - out.cost)
    me = state.me
    if me.money < 0:
        value -= 5.0 * (me.insolvent_turns + 1)
    return value


def lapsing(state: GameState, cs: CompiledScenario, free: int) -> int:
    """k$ of the free money the treasury will claw back as the fiscal year under way ends (the
    scenario's ``year_end_clawback``; none in the campaign's last year): money that is not spent or
    committed by then is worth only what the treasury leaves of it, so spending it costs less."""
    rules = cs.rules
    if not rules.year_end_clawback:
        return 0
    if state.month + turns_left_in_year(state, cs) * cs.turn_months > cs.end:
        return 0
    return clawback(rules, free, state.me.appropriation, 0)  # the dues are out of ``free`` already


def evaluate(game: Game) -> float:
    """How good a position looks: the final score it leads to if what is under way pays off (the
    planners' projection; money is left out: an agency's best buy can cost years of its budget)."""
    state = game.state
    if state.over:
        return LOST if state.outcome == "lost" else game.score()
    outlook = outlook_of(game.compiled)
    state = game.clone(records=False).state  # scoring moves the state for a moment
    return outlook.score(state, outlook.forecast(state))
