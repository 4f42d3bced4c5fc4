"""The skilled player: tries its candidate moves in playouts of the rest of the campaign.

``planner:ROAD`` plays within one road (a programme's, or ``alone``): each turn it asks the
road's scripted bot what it would do, and where something that matters could be done
otherwise (apply now or later, with which contribution, court a lead first, fund another
contribution, fly another mission, invest ahead) it plays every candidate forward with the
scripted bot, on the same dice for every candidate (common random numbers, turn by turn: the
differences are the moves'). The scripted bot's own move is always a candidate and is kept
unless another beats it on every shared playout and by a margin; it answers the agencies'
offers as the bot does, and each event as a decision of its own: the choice its author weighted
highest among those that keep it on its road in the bot's place (``EVENT_CHOICE``), an answer that
takes it further from the road played again to the end (``EVENT_CONFIRM``). The thorough planner
(``thorough``, ``simulate --thorough``) also plays, before it is on its road, the answer that leaves it
nearest the road against that favourite to the end (``road_favourite``), at about twice the CPU.

A playout starts as the simulator's do (game/bots/playout.py: a copy of the state on dice
derived from a seed) and plays ``HORIZON`` turns, after which the greedy bot's projection of
the final score values it (the whole campaign when it ends sooner). The projection can favour
a move that pays early and costs later (a contribution whose crew seat comes too late to
fly, a module whose payments crowd out the next, an application put off while the road may
close): with ``ROAD_CONFIRM`` (on) a decision on the road it prefers to the bot's move (a
contribution funded or applied with, an application now, later or after courting, a national
mission the bot flies put off or replaced) is played again, with the bot's, to the end of the
campaign on dice of its own, and taken only if its mean gain there is above the margin
(``clear_gain``: the rollout principle, "the move then the bot" against "the bot"); with
``CONFIRM`` (off) every move it prefers must also win there on the same dice.

``planner`` first chooses how to play (``best_road``): greedy, or a road, by playouts to the
end of the campaign of each road's bot and of greedy, the roads near the best played again by
their planners; the choice is the position's, worked out once and remembered.

The cost is the budget: at most ``playouts`` playouts per decision to screen (an option of
``simulate``), split among the candidates (and ``2 * ROAD_CONFIRM`` times as many to the end to
confirm a decision on the road, or as many again to confirm a move with ``CONFIRM``; an event's
choices share the same budget); a candidate that lost is not tried again for a while (longer each
time), so most turns cost nothing. All
its dice derive from the campaign seed (the free planner's choice from the position): the same
seed, the same campaign.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import mean, stdev

from game.bots.base import Strategy
from game.bots.greedy import GreedyStrategy, evaluate, means
from game.bots.playout import playout_seed, start_playout
from game.bots.roads import AloneStrategy, ProgrammeStrategy, programme_strategy
from game.engine.actions import END_TURN, Action
from game.engine.actions.registry import road_of
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import data_hash
from game.engine.game import Game
from game.engine.rulebook import ENDED_STATUSES
from game.engine.snapshot import state_to_data
from game.engine.state import k

#: Playouts per decision unless asked otherwise (``simulate --playouts``).
DEFAULT_PLAYOUTS = 6
#: Turns a playout is played before the rest is projected (the greedy bot's outlook); 0: to the end.
HORIZON = 8
#: Points (per playout, on average) an alternative must gain over the scripted bot's move to be taken.
MARGIN = 1.0
#: Whether a move the screening found better must beat the bot's move again played to the end.
#: Off: even on dice common turn by turn it refutes more real gains (national missions) than it catches
#: the projection's errors, at twice the CPU (docs/balance.md, "Judged by a skilled player").
CONFIRM = False
#: A decision on the road that the screening prefers to the bot's move (``road_decision``: a contribution
#: funded or applied with, an application now, a turn later or after courting its leads, a national mission
#: the bot flies put off or replaced) is played again, with the bot's move, to the end of the campaign on
#: dice of its own, on this many playouts per playout of the budget (0: not), ``CONFIRM`` or not. The
#: eight-turn projection values a contribution as if flown and credits nothing the bot will do after the
#: horizon, so "fund it now" beats "the bot funds it in two years" there (CSA on Gateway in esa-2022,
#: Canadarm3 in 2023: +20 points at eight turns, -7.7 +- 1.9 played to the end on 30 playouts; the planner
#: scored 6 points below its bot), and it cannot see a road close after the horizon (the UAE on ISLS in
#: default-2021 courted CNSA instead of applying on seed 53 and never got on the road: -13 +- 13 to the
#: end). At 0, 22 open pairs of ``simulate --pairs`` were worse than their bots (one beyond noise); at 2,
#: 12 of 98 (none beyond noise), at 1.7 times their CPU (docs/balance.md, "Judged by a skilled player").
ROAD_CONFIRM = 2
#: There the mean paired gain must be above ``MARGIN`` and this many standard errors of the paired
#: gains. 0: the mean alone, the rollout principle (a move is taken where "the move, then the bot" beats
#: "the bot" played to the end). A campaign won or lost swings a playout by twice the victory score,
#: so two standard errors refuted contributions that win campaigns (KASA's Gateway in default-2021,
#: seed 4: +44 +- 12 points to the end on 30 playouts; the UAE and the UK fell under 25% of seeds 1-20).
CONFIRM_Z = 0.0
#: Whether an event's choice is a decision (``answer_events``): screened as the turn's moves are, the
#: author's favourite (the highest ``ai_weight``) in the bot's place and the rest of the turn played by
#: the bot; not confirmed to the end. Off: the favourite every time. A skilled player does not answer by
#: a die, as the scripted bots do (the CSA on Artemis in gateway-in-doubt let the Gateway go in its
#: budget fight where its bot lobbied, and lost five campaigns of seeds 1 to 100 its bot won); nor always
#: by the author's favourite (answering so, the UK on ILRS in default-2021 won none of seeds 1 to 20,
#: screened 85%). Confirmed to the end as a decision on the road, the answers gained less over the bots
#: (default-2021, seeds 1 to 20: 15.5 points a pair against 18.4) at 1.6 times the pairs' CPU.
EVENT_CHOICE = True
#: Whether an event's answer that the screening prefers to the favourite is played again to the end, as a
#: decision on the road is (``ROAD_CONFIRM`` times the budget), and taken only if its mean gain there is
#: above the margin (``clear_gain``) and it gains on more playouts than it loses (``gains_mostly``: a
#: campaign won or lost swings a playout by twice the victory score, and one won by chance in twelve made
#: a mean), where it leaves the player further from the road than the favourite (``road_standing``: off
#: the road, or on worse terms with its leads). The eight-turn screening sees the favour an answer buys
#: now, not the road it closes later (TUA on ILRS in newcomer, seed 1: declining CNSA's memorandum won
#: the screening and lost the crew seat its bot funds twelve turns on, 68.1 against its bot's 95.9).
EVENT_CONFIRM = True
#: Whether, before it is on its road, the planner plays the answer that leaves it nearest the road against
#: the favourite to the end of the campaign (``ROAD_CONFIRM`` times the budget) and makes it the favourite
#: where it gains there (``road_favourite``): the thorough planner, ``simulate --thorough``. It finds wins
#: on roads the screening cannot see the payoff of (JAXA on ILRS in default-2021, seed 7: welcoming the
#: ISLS's signing and attending the ILRS briefing, 1.3 -> won at 101.8), and it found the
#: Chinese-Russian stations too cheap for a western agency (ISLS and ILRS 78% of default-2021's campaigns
#: pooled, seeds 1-20, before the scenario was tuned against it), but it takes twice the CPU: off by
#: default, so that a hundred-seed report of default-2021 fits in ten minutes on two cores
#: (docs/balance.md, "Judged by a skilled player").
THOROUGH = False
#: Fewest playouts a candidate gets: fewer candidates are tried when the budget is small.
MIN_PER_CANDIDATE = 2
#: Most turns a candidate that lost is left untried (the pause doubles up to this).
MAX_PAUSE = 8
#: The road a national mission commits to (``road_of``).
NATIONAL = ""
#: What a crewed national mission is worth beside its science and prestige, to rank the missions.
CREW_WORTH = 40.0
#: The road that takes no partner (as game.bots.strategies names it).
ALONE = "alone"
#: The free planner's other way to play: no fixed road, the greedy bot's (game/bots/greedy.py).
GREEDY = "greedy"
#: Playouts per way to play of the free planner's choice, per playout of the budget (``best_road``).
CHOICE_PLAYOUTS = 4
#: The roads whose bots' playouts come within this share of the victory score of the best way to
#: play are played again by their planners (``best_road``), on this many playouts per playout of the budget.
NEAR = 0.25
REFINE = 2
#: What a playout is worth on top of its score when it wins, and below it when it is lost.
WIN_BONUS = 1.0  # times the scenario's victory score

#: What turns a playout's seed into the seed of a turn's dice (``turn_dice``): any large odd number.
TURN_STRIDE = 0x9E3779B97F4A7C15
DICE_MODULUS = 1 << 63

Plan = tuple[Action, ...]  # this turn's moves


def road_bot(road: str) -> Callable[[int], Strategy]:
    """The scripted bot of a road: the one the planner's playouts play."""
    return AloneStrategy if road == ALONE else programme_strategy(road)


class PlannerStrategy(Strategy):
    """Plays within one road, choosing its moves by playouts with the road's scripted bot."""

    name = "planner"
    road = ""

    def __init__(self, seed: int, playouts: int | None = None, thorough: bool = THOROUGH) -> None:
        super().__init__(seed)
        self.seed = seed
        self.playouts = max(1, playouts if playouts is not None else DEFAULT_PLAYOUTS)
        self.thorough = thorough  # the answers that keep its road open weighed to the end (``THOROUGH``)
        self.follower: Strategy = road_bot(self.road)(seed)
        self.paused: dict[Plan, tuple[int, int]] = {}  # plan -> (turn it is tried again, pause)
        self.horizon = HORIZON
        self.refuted: Plan | None = None  # the last decision's winner that its playouts to the end refuted
        self.standings: dict[Plan, tuple[bool, float]] = {}  # the event's answers' ``road_standing``

    # ---- a turn
    def act(self, game: Game) -> None:
        base = self.base_plan(game)
        turn = game.state.turn
        others = [
            plan
            for plan in self.candidates(game, base)
            if plan != base and (plan not in self.paused or self.paused[plan][0] <= turn)
        ]
        if others:
            plans = [base, *others][: max(2, self.playouts // MIN_PER_CANDIDATE)]
            best = self.choose(game, plans)
            for plan in plans:  # the losers wait a while, longer each time they lose
                if plan != best and plan != base:
                    pause = min(MAX_PAUSE, 2 * self.paused.get(plan, (0, 0))[1] or 1)
                    if plan == self.refuted:  # the screening misjudges it here: not soon again
                        pause = MAX_PAUSE
                    self.paused[plan] = (turn + pause, pause)
            self.paused.pop(best, None)
            base = best
        for action in base:
            game.act(action)

    def answer_events(self, game: Game) -> None:
        """Each event's choice as a decision (``EVENT_CHOICE``): the favourite (``favour``: the author's
        highest ``ai_weight`` among the answers that keep the player on its road, the leads' favour
        between equals, then the first listed) unless another beats it in the screening as a move beats
        the bot's (and, leaving the road, again to the end: ``EVENT_CONFIRM``); not by a die, as the
        scripted bots answer."""
        while game.state.pending:
            pending = game.state.pending[0]
            self.standings = {}  # each answer's standing, worked out once for this event
            choices = game.compiled.events[pending.event].model.choices
            weighted = [
                (choice.ai_weight, (Action("answer", str(pending.uid), choice.id),)) for choice in choices
            ]
            if len(weighted) > 1:
                weighted.sort(key=lambda item: self.favour(game, item[1], item[0]))
            answers = [answer for _weight, answer in weighted]
            if self.thorough and len(answers) > 1 and self.horizon and not self.on_road(game):
                answers = self.road_favourite(game, answers)
            best = self.choose(game, answers, event=True) if EVENT_CHOICE and len(answers) > 1 else answers[0]
            game.act(best[0])

    def road_taken(self, game: Game) -> str | None:
        """The road's, as its bot says: the offers are answered as the bot answers them (with no road,
        the planner took offers the bot refuses, and its campaigns left the bot's where no move did)."""
        return self.follower.road_taken(game)

    def base_plan(self, game: Game) -> Plan:
        """What the road's scripted bot would do this turn (found on a copy)."""
        twin = game.clone(records=False)
        done = len(twin.log)
        self.follower.act(twin)
        return tuple(twin.log[done:])

    def candidates(self, game: Game, base: Plan) -> list[Plan]:
        """The other moves worth a look this turn, most promising first: waiting (when to apply
        or fly), courting the leads before applying, and the road's other commitments by worth."""
        # waiting a turn is tried when the bot would apply or fly now (not when a member funds:
        # the budget rule times that already); ``road_of`` says which road a move commits to
        commits = {road_of(action) for action in base}
        found: list[Plan] = []
        state, cs = game.state, game.compiled
        levels = state.me.capabilities
        ranked: list[tuple[float, Plan]] = []
        if self.road == ALONE:
            if NATIONAL in commits:
                found.append(())
            for mission in cs.missions.values():
                worth = mission.science + mission.rewards.prestige + CREW_WORTH * (mission.crew != "none")
                value = mission.success * (worth + 1) / mission.cost
                ranked.append((value, (Action("mission", mission.id),)))
        else:
            pid = self.road
            programme = state.programmes.get(pid)
            if programme is None or programme.status in ENDED_STATUSES:
                return []
            player = state.player
            member = programme.is_member(player)
            if not member and player in programme.applicants:
                return []  # the leads answer at the end of the turn
            if not member and pid in commits:  # it would apply now: or wait, or court a lead first
                found += [(), *((Action("diplomacy", lead),) for lead in programme.leads)]
            kind = "fund" if member else "apply"
            slots = cs.programmes[pid].slots
            # a contribution the budget plan cannot pay is no candidate: an eight-turn playout does not
            # reach the years it runs short, when the partners lose patience (ESA, seed 3: 122 -> 9)
            affordable = means(game, income=False)
            for sid, build in programme.slots.items():
                if build.status == "open" and affordable(k(slots[sid].cost), slots[sid].build_turns):
                    model = slots[sid]
                    gap = sum(max(0, level - levels.get(area, 0)) for area, level in model.requires.items())
                    ranked.append((ProgrammeStrategy.value(model) / (1 + gap), (Action(kind, pid, sid),)))
            if not member:
                ranked.append((0.0, (Action("apply", pid),)))
        ranked.sort(key=lambda item: -item[0])
        found += [plan for _worth, plan in ranked]
        return [plan for plan in dict.fromkeys(found) if all(not game.check(a) for a in plan)]

    # ---- playouts
    def choose(self, game: Game, plans: list[Plan], event: bool = False) -> Plan:
        """The plan whose playouts beat the scripted bot's (``plans[0]``) on every shared seed
        and by ``MARGIN`` on average, the best such, if playouts to the end confirm it (a
        decision on the road always, another move with ``CONFIRM``); else the scripted bot's.
        With ``event`` the plans are an event's answers, the favourite first: each playout plays
        the rest of the turn by the bot, and the screening's winner is taken (``EVENT_CHOICE``).

        The dice are the same for every plan, so a plan that does better on each of them does
        better because of what it does; one that only wins on average may have been lucky.
        The screening plays ``horizon`` turns and projects the rest, which can favour a move
        that pays within the horizon and costs later (a contribution whose payments crowd out
        the next, a national mission flown before the capabilities that make the next ones pay).
        """
        self.refuted = None
        runs = max(1, self.playouts // len(plans))
        seeds = [self.playout_seed(game.state.turn, index) for index in range(runs)]
        base = [self.playout(game, plans[0], seed, whole_turn=event) for seed in seeds]
        best, best_values = plans[0], base
        for plan in plans[1:]:
            values = self.unbeaten(game, plan, seeds, base, event)
            if values and beats(values, base) and sum(values) > sum(best_values):
                best, best_values = plan, values
        if best == plans[0] or not self.horizon:
            return best
        if event:
            if not (EVENT_CONFIRM and self.leaves_road(game, plans[0], best)):
                return best
        elif not (CONFIRM or confirms_road(plans[0], best)):
            return best
        if self.confirmed(game, plans[0], best, runs, event):
            return best
        self.refuted = best
        return plans[0]

    def unbeaten(
        self, game: Game, plan: Plan, seeds: list[int], base: list[float], event: bool
    ) -> list[float]:
        """``plan``'s playouts on ``seeds``, or none as soon as one falls below the bot's on its seed: it
        cannot beat the bot's move then (``beats``), and most candidates lose on the first seed or two."""
        values = []
        for seed, low in zip(seeds, base, strict=True):
            values.append(self.playout(game, plan, seed, whole_turn=event))
            if values[-1] < low:
                return []
        return values

    def confirmed(self, game: Game, base: Plan, best: Plan, runs: int, event: bool = False) -> bool:
        """Whether ``best`` still beats the bot's move ``base`` played to the end: a decision on
        the road (an event's answer too) by its mean gain (``clear_gain``) on ``ROAD_CONFIRM`` times
        the budget's playouts, on dice of their own (the screening chose ``best`` on its dice: judged
        again on them, its luck there would count twice), another move (``CONFIRM``) on every one of
        the screening's ``runs`` seeds."""
        turn = game.state.turn
        on_road = event or confirms_road(base, best)
        if on_road:
            count = max(runs, round(ROAD_CONFIRM * self.playouts))
            seeds = [self.confirm_seed(turn, index) for index in range(count)]
        else:
            seeds = [self.playout_seed(turn, index) for index in range(runs)]
        ends, values = self.to_the_end(game, base, best, seeds, whole_turn=event)
        if event:  # and on more of them than not: one campaign won by chance is not a road closed
            return clear_gain(values, ends) and gains_mostly(values, ends)
        return clear_gain(values, ends) if on_road else beats(values, ends)

    def to_the_end(
        self, game: Game, base: Plan, best: Plan, seeds: list[int], whole_turn: bool
    ) -> tuple[list[float], list[float]]:
        """``base``'s and ``best``'s playouts to the end of the campaign on ``seeds`` (no horizon)."""
        horizon, self.horizon = self.horizon, 0
        try:
            ends = [self.playout(game, base, seed, whole_turn=whole_turn) for seed in seeds]
            values = [self.playout(game, best, seed, whole_turn=whole_turn) for seed in seeds]
        finally:
            self.horizon = horizon
        return ends, values

    def favour(self, game: Game, answer: Plan, weight: float) -> tuple[float, ...]:
        """An answer's rank as the favourite, lowest first: one that keeps the player on its road (a
        member or an applicant) before one that does not, then the author's ``ai_weight``, then the
        leads' favour it leaves (the author weighs for every agency; a road's planner does not leave
        its road by default: the ILRS's planners withdrew from it on the allies' backlash)."""
        on_road, leads = self.road_standing(game, answer)
        return (-on_road, -weight, -leads)

    def on_road(self, game: Game) -> bool:
        """Whether the player is on the planner's road now (a member of its programme, or an applicant)."""
        programme = game.state.programmes.get(self.road)
        return programme is not None and programme.is_on_road(game.state.player)

    def road_favourite(self, game: Game, answers: list[Plan]) -> list[Plan]:
        """``answers`` with the one that leaves the player nearest its road first, where playouts to the end
        of the campaign (``ROAD_CONFIRM`` times the budget, on dice of their own) find it worth more
        than the author's favourite (``clear_gain``)."""
        nearest = max(answers, key=lambda answer: self.road_standing(game, answer))
        favourite = answers[0]
        if self.road_standing(game, nearest) <= self.road_standing(game, favourite):  # none nearer
            return answers
        turn = game.state.turn
        seeds = [self.confirm_seed(turn, index) for index in range(round(ROAD_CONFIRM * self.playouts))]
        ends, values = self.to_the_end(game, favourite, nearest, seeds, whole_turn=True)
        if not clear_gain(values, ends):
            return answers
        return [nearest, *(answer for answer in answers if answer != nearest)]

    def leaves_road(self, game: Game, favourite: Plan, best: Plan) -> bool:
        """Whether answering ``best`` leaves the player further from the road than the favourite would
        (``road_standing``; an event's answer is confirmed to the end then, ``EVENT_CONFIRM``)."""
        return self.road_standing(game, best) < self.road_standing(game, favourite)

    def road_standing(self, game: Game, answer: Plan) -> tuple[bool, float]:
        """Where ``answer`` leaves the player on the road (taken on a copy): on it (a member or an
        applicant) or not, then its relations with the road's leads; alone, every answer stands alike.
        Remembered for the event being answered (its favourite and its screening ask again)."""
        known = self.standings.get(answer)
        if known is not None:
            return known
        programme = game.state.programmes.get(self.road)
        if programme is None:
            return (False, 0.0)
        twin = game.clone(records=False)
        for action in answer:
            twin.act(action)
        state, player = twin.state, twin.state.player
        programme = state.programmes[self.road]
        leads = sum(state.relation(player, lead) for lead in programme.leads)
        self.standings[answer] = standing = (programme.is_on_road(player), leads)
        return standing

    def playout_seed(self, turn: int, index: int) -> int:
        """The dice of playout ``index`` of this turn's decision: the same for every candidate."""
        return playout_seed(f"planner/{turn}", self.seed, index)

    def confirm_seed(self, turn: int, index: int) -> int:
        """The dice of playout ``index`` to the end that confirms this turn's decision on the road."""
        return playout_seed(f"planner/{turn}/end", self.seed, index)

    def playout(self, game: Game, plan: Plan, seed: int, whole_turn: bool = False) -> float:
        """Take ``plan`` on a copy, end the turn (or with ``whole_turn`` let the scripted bot play the
        rest of it: ``plan`` answers an event before the turn's moves), let the bot play on: where
        that leads."""
        twin = start_playout(game, game.compiled, seed)
        for action in plan:
            twin.act(action)
        bot = road_bot(self.road)(seed)
        turn_dice(twin, bot, seed)
        if whole_turn:
            bot.play_turn(twin)
        else:
            twin.act(END_TURN)
        stop = twin.state.turn + self.horizon if self.horizon else None
        while not twin.over and twin.state.turn != stop:
            turn_dice(twin, bot, seed)
            bot.play_turn(twin)
        return self.worth(twin)

    @staticmethod
    def worth(game: Game) -> float:
        """A campaign's worth: its final score (projected, if it is not over), and the victory
        score again for a win."""
        victory = game.compiled.victory_score(game.player)
        state = game.state
        if state.over:
            score, won, lost = game.score(), state.outcome == "won", state.outcome == "lost"
        else:  # projected: no bonus, a projection near the victory score would swing it by chance
            score, won, lost = evaluate(game), False, False
        return score + WIN_BONUS * victory * (1.0 if won else -1.0 if lost else 0.0)


class FreePlanner(Strategy):
    """``planner``: chooses how to play by playouts to the end of the campaign of every road's bot and
    of the greedy bot (no fixed road: it takes what pays where it finds it), then plays the best road
    as ``planner:ROAD``, or plays as the greedy bot."""

    name = "planner"

    def __init__(
        self, seed: int, playouts: int | None = None, roads: tuple[str, ...] = (), thorough: bool = THOROUGH
    ) -> None:
        super().__init__(seed)
        self.seed = seed
        self.budget = playouts
        self.roads = roads
        self.thorough = thorough
        self.chosen: Strategy | None = None
        self.road = ""  # the road chosen, GREEDY for the greedy bot's way

    def play_turn(self, game: Game) -> None:
        if self.chosen is None or self.closed(game, self.road):
            self.road, self.chosen = self.choose(game)
            self.chosen.rng = self.rng  # one generator for the whole strategy
        self.chosen.play_turn(game)

    def road_taken(self, game: Game) -> str | None:
        return self.chosen.road_taken(game) if self.chosen is not None else None

    def choose(self, game: Game) -> tuple[str, Strategy]:
        """The road (or GREEDY) to play from here (``best_road``), and the strategy that plays it."""
        roads = tuple(road for road in self.roads if not self.closed(game, road)) or (ALONE,)
        budget = planner_class(roads[0])(self.seed, self.budget).playouts
        best = best_road(game, roads, budget, self.thorough)
        if best == GREEDY:
            return best, GreedyStrategy(self.seed)
        return best, planner_class(best)(self.seed, self.budget, self.thorough)

    @staticmethod
    def greedy_playout(game: Game, seed: int) -> float:
        """The greedy bot played from here to the end of the campaign on the playout's dice."""
        return to_the_end(game, GreedyStrategy(seed), seed)

    @staticmethod
    def closed(game: Game, road: str) -> bool:
        """Whether a programme's road is over for the player (ended, and not a member)."""
        if road in (ALONE, GREEDY):
            return False
        programme = game.state.programmes.get(road)
        return programme is None or (
            programme.status in ENDED_STATUSES and not programme.is_member(game.state.player)
        )


def best_road(game: Game, roads: tuple[str, ...], budget: int, thorough: bool = THOROUGH) -> str:
    """The way to play from this position: GREEDY unless a road's bot, played to the end of the
    campaign on the same dice (``CHOICE_PLAYOUTS`` times the budget each), is worth more by
    ``MARGIN`` a playout on average; then the best road (the roads near it played again by their
    planners, ``thorough`` or not).

    The choice depends on the position alone (its dice are the position's, not the campaign's:
    the generator is left out), so it is worked out once per position and remembered: every
    campaign of a scenario and agency opens on the same position (but for an opening event's
    dice), so its many playouts are paid once per process, not once per campaign. Three playouts
    a road were too few: a road's campaigns are won or lost, and the best of five noisy
    estimates chose a road that wins less often than greedy (TUA in newcomer: 65% against 70%).
    """
    data = state_to_data(game.state)
    data.pop("rng", None)
    data.pop("seed", None)
    key = (id(game.compiled), data_hash(data), roads, budget, thorough)
    known = _CHOSEN.get(key)
    if known is not None and known[0] is game.compiled:
        return known[1]
    stem = int(key[1][:15], 16)
    seeds = [playout_seed("planner/choice", stem, index) for index in range(CHOICE_PLAYOUTS * budget)]
    # a road must do better than greedy by a margin: greedy's mean is raised by it
    means = {GREEDY: mean(FreePlanner.greedy_playout(game, seed) for seed in seeds) + MARGIN}
    for road in roads:
        chooser = planner_class(road)(0, budget)
        chooser.horizon = 0  # the road is the decision that matters most: played to the end
        plan = chooser.base_plan(start_playout(game, game.compiled, stem))  # on the position's dice
        means[road] = mean(chooser.playout(game, plan, seed) for seed in seeds)
    # the roads near the best, played again as their planner plays them: a road's bot misses what
    # its planner wins (JAXA on Gateway in gateway-in-doubt: the bot 50%, its planner 90-95%)
    near = max(means.values()) - NEAR * game.compiled.victory_score(game.player)
    for road in [road for road in roads if means[road] >= near]:
        refine = seeds[: REFINE * budget]
        means[road] = mean(planner_playout(game, road, seed, budget, thorough) for seed in refine)
    best = max(means, key=lambda way: means[way])
    if len(_CHOSEN) >= MAX_CHOSEN:
        _CHOSEN.clear()
    _CHOSEN[key] = (game.compiled, best)
    return best


def planner_playout(game: Game, road: str, seed: int, budget: int, thorough: bool = THOROUGH) -> float:
    """``planner:ROAD`` played from here to the end of the campaign on the playout's dice."""
    return to_the_end(game, planner_class(road)(seed, budget, thorough), seed)


def to_the_end(game: Game, bot: Strategy, seed: int) -> float:
    """What ``bot`` is worth played from here to the end of the campaign on the playout's dice,
    rolled afresh each turn (``turn_dice``)."""
    twin = start_playout(game, game.compiled, seed)
    while not twin.over:
        turn_dice(twin, bot, seed)
        bot.play_turn(twin)
    return PlannerStrategy.worth(twin)


#: The free planner's choices by position (``best_road``): (compiled, road) by key.
_CHOSEN: dict[tuple[int, str, tuple[str, ...], int, bool], tuple[CompiledScenario, str]] = {}
#: Positions remembered at most (a process plays many scenarios and agencies only in tests).
MAX_CHOSEN = 64


def turn_dice(twin: Game, bot: Strategy, seed: int) -> None:
    """Seed the playout's dice for the turn about to be played from its seed and the turn: every
    candidate's playout rolls the same dice turn by turn, not only from the start (one move that draws
    once more would shift every later draw, and the playouts would differ by chance more than by move)."""
    dice = (seed + twin.state.turn * TURN_STRIDE) % DICE_MODULUS
    twin.state.rng.seed(dice)
    bot.rng.seed(dice + 1)


def confirms_road(base: Plan, best: Plan) -> bool:
    """Whether choosing ``best`` over the bot's ``base`` is confirmed to the end (``ROAD_CONFIRM`` on)."""
    return ROAD_CONFIRM > 0 and road_decision(base, best)


def road_decision(base: Plan, best: Plan) -> bool:
    """Whether ``best`` against the bot's ``base`` is a decision on the road: the bot's move commits to a
    road (``road_of``: a programme's, or going alone with a national mission), so ``best`` puts it off,
    courts first or commits otherwise; or ``best`` commits to a programme (another contribution, one
    more). A national mission the bot would not fly this turn is no such decision: played to the end with
    the bot after it, a mission that pays only as the first of the planner's own was refuted (CSA alone
    in default-2021, seeds 1 to 20: 75% of campaigns won unconfirmed, 15% confirmed)."""
    return commits(base, national=True) or commits(best)


def commits(plan: Plan, national: bool = False) -> bool:
    """Whether ``plan`` commits to a programme's road (``road_of``), or with ``national`` to going alone
    (a national mission: the road '')."""
    roads = [road_of(action) for action in plan]
    return any(road is not None if national else bool(road) for road in roads)


def clear_gain(values: list[float], base: list[float]) -> bool:
    """Whether the paired gains of ``values`` over ``base`` (on the same dice) are above ``MARGIN``
    a playout on average and ``CONFIRM_Z`` standard errors (none by default: the mean alone)."""
    gains = [value - low for value, low in zip(values, base, strict=True)]
    gain = mean(gains)
    noise = stdev(gains) / len(gains) ** 0.5 if len(gains) > 1 else 0.0
    return gain > MARGIN and gain > CONFIRM_Z * noise


def gains_mostly(values: list[float], base: list[float]) -> bool:
    """Whether ``values`` beat ``base`` (on the same dice) on more playouts than they lose."""
    pairs = list(zip(values, base, strict=True))
    return sum(value > low for value, low in pairs) > sum(value < low for value, low in pairs)


def beats(values: list[float], base: list[float]) -> bool:
    """Whether playouts ``values`` beat ``base`` (on the same dice) on every seed and by
    ``MARGIN`` per playout on average."""
    return sum(values) > sum(base) + MARGIN * len(base) and all(
        value >= low for value, low in zip(values, base, strict=True)
    )


_CLASSES: dict[str, type[PlannerStrategy]] = {}


def planner_class(road: str) -> type[PlannerStrategy]:
    """The planner that plays within ``road`` (one class per road, not per campaign)."""
    found = _CLASSES.get(road)
    if found is None:
        found = _CLASSES[road] = type(
            f"Planner{road.title()}Strategy", (PlannerStrategy,), {"name": f"planner:{road}", "road": road}
        )
    return found


__all__ = ["DEFAULT_PLAYOUTS", "FreePlanner", "PlannerStrategy", "ProgrammeStrategy", "planner_class"]
