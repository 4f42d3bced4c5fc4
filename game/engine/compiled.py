"""A scenario compiled once for the turn loop: indexes, k$ costs and condition closures.

The turn loop reads only this and the game state; it never touches YAML or validates.
"""

from __future__ import annotations

import random
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, make_dataclass
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from game.engine.difficulty import at_difficulty
from game.engine.expressions import (
    Getter,
    compile_condition,
    compile_expression,
    condition_for_player,
    condition_reads,
    split_always,
    split_condition,
    watched_expression,
)
from game.engine.firsts import rank_among
from game.engine.state import (
    AgencyState,
    AstronautState,
    BuildState,
    CorpsState,
    GameState,
    MilestoneState,
    MissionState,
    ProgrammeState,
    k,
)
from game.engine.watch import ALWAYS, FIRSTS, Split, Watched, stamp_of
from game.format.dates import parse_date
from game.format.happenings import DETAILS
from game.format.models import (
    DEFAULT_DIFFICULTY,
    Achievement,
    Admission,
    Agency,
    Contribution,
    DealOffer,
    Defeat,
    Ending,
    Event,
    Flights,
    Hook,
    Milestone,
    Mission,
    Objective,
    Outcome,
    PlanStep,
    Policy,
    Programme,
    Project,
    Race,
    Rules,
    Scenario,
)
from game.format.rivals import rivals
from game.format.walk import effects_in
from game.i18n import msg

Predicate = Callable[[GameState], bool]


def _plain_type(annotation: Any) -> Any:
    """The type under a field's ``Annotated`` layers: ``float`` for ``Percent``."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


@cache
def record_type(model: type[BaseModel]) -> type:
    """A frozen, slotted dataclass with the model's fields and types, made once per model.

    Reading an attribute of a pydantic model goes through its ``__getattr__`` hook, which
    also keeps Python from specialising the read: several times slower than a slotted
    record's, and the turn loop reads rules and policies thousands of times a campaign.
    """
    fields = [(name, info.annotation) for name, info in model.model_fields.items()]
    return make_dataclass(f"{model.__name__}Record", fields, frozen=True, slots=True)


def record(model: BaseModel) -> Any:
    """A model's values as its record; a whole-number default of a number field becomes a float."""
    values = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if _plain_type(info.annotation) is float and type(value) is int:
            value = float(value)
        values[name] = value
    return record_type(type(model))(**values)


# The records have the models' fields and types: checkers read them as the models (plain names,
# not an ``if TYPE_CHECKING`` split: mypyc takes that as always true and refuses the other branch).
RulesRecord = Rules
DefeatRecord = Defeat
PolicyRecord = Policy


class OpenEvent(NamedTuple):
    """An event as the turn loop checks it in a month its window is open."""

    id: str
    #: the parts of its condition asked every time (None: none); ``steady`` the others, kept while
    #: what they read does not change (game/engine/watch.py); both None: always true for this player
    condition: Predicate | None
    repeat: bool
    cooldown: int
    chance: float
    steady: Watched | None = None


class ScienceSlot(NamedTuple):
    """A contribution that earns science every turn once in service."""

    slot: str
    per_turn: float
    name: str


class Pull(NamedTuple):
    """A relation change per turn with an agency (a programme's member_drift)."""

    agency: str
    delta: float


class MilestoneRef(NamedTuple):
    programme: str
    milestone: str


class Preference(NamedTuple):
    """A programme a computer-run agency wants to be in, and how much (0..1)."""

    programme: str
    affinity: float


class Mover(NamedTuple):
    """A computer-run agency whose policy wants programmes, with its preferences in file order."""

    id: str
    agency: Agency
    policy: PolicyRecord
    preferences: tuple[Preference, ...]


class Grade(NamedTuple):
    """How a graded objective turns its best progress and the month it was reached into points."""

    #: [progress, share of points] points joined by straight lines; empty: all points once reached
    credit: tuple[tuple[float, float], ...]
    early: float  # bonus points per year reached before ``by``
    by: int | None


class ScoreTerm(NamedTuple):
    """An objective as the score of every turn reads it."""

    objective: str
    points: float
    scale: Getter | None
    grade: Grade | None = None


class AdmissionRule(NamedTuple):
    """Who may join a programme: the rule as written, and its condition ready to test."""

    model: Admission
    condition: Predicate


@dataclass(frozen=True, slots=True)
class CompiledOutcome:
    """One way a gamble can turn out, with its weight as a closure (a number is a constant)."""

    model: Outcome
    weight: Getter


@dataclass(frozen=True, slots=True)
class CompiledEvent:
    model: Event
    after: int | None
    before: int | None
    condition: Predicate
    #: The event's own outcomes (drawn as it fires), and each choice's that has some, by choice id.
    outcomes: tuple[CompiledOutcome, ...] = ()
    choice_outcomes: dict[str, tuple[CompiledOutcome, ...]] = field(default_factory=dict)
    #: For an event with ``on:``, the happening's details it asks for: (detail, value) pairs.
    filters: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class CompiledDeal:
    """An agency's offer: its dates and condition ready to test, its items as the state keeps them."""

    model: DealOffer
    after: int | None
    before: int | None
    condition: Predicate
    gives: tuple[tuple[str, str], ...]
    asks: tuple[tuple[str, str], ...]


class ItemWorth(NamedTuple):
    """What an agency's rule makes of an item: points when it receives it, and when it gives it."""

    value: Getter | None
    cost: Getter | None


@dataclass(frozen=True, slots=True)
class CompiledTerms:
    """How an agency weighs the player's proposals: goodwill, and a rule per (kind, id) or kind ('')."""

    goodwill: Getter
    rules: dict[tuple[str, str], ItemWorth]


@dataclass(frozen=True, slots=True)
class CompiledEnding:
    """A scenario's ending: its condition as a closure, and the month it is checked from."""

    model: Ending
    after: int | None
    condition: Predicate


@dataclass(frozen=True, slots=True)
class CompiledObjective:
    model: Objective
    by: int | None
    condition: Predicate | None
    scale: Getter | None
    #: graded objectives only: their progress toward ``target``, and how it earns points
    progress: Getter | None = None
    target: float = 1.0
    grade: Grade | None = None
    most: float = 0.0  # the most it can earn (its points and the whole early bonus)
    #: the condition and the progress as the turn loop asks them (game/engine/watch.py): the
    #: condition split, the progress kept while what it reads does not change (None: it reads
    #: something else, is cheaper to ask, or there is none)
    check: Split = ALWAYS
    tracked: Watched | None = None


@dataclass(frozen=True, slots=True)
class CompiledProgramme:
    model: Programme
    milestones: dict[str, Milestone]
    slots: dict[str, Contribution]
    admission: Predicate
    #: The scenario's admission rule (an effect may replace it: game/engine/admission.py reads which).
    rule: AdmissionRule
    slots_for_milestone: dict[str, list[str]] = field(default_factory=dict)
    #: Every contribution that earns science, in file order.
    science_slots: tuple[ScienceSlot, ...] = ()
    #: member_drift as pulls, and the reason the player's record gives for it.
    drift_pulls: tuple[Pull, ...] = ()
    drift_reason: str = ""


@dataclass(frozen=True, slots=True)
class CompiledRace:
    """The scenario's race (game/engine/race.py): its achievements and how each is earned."""

    achievements: dict[str, Achievement]
    #: the achievements the player earns by a condition, in file order
    conditions: tuple[tuple[str, Predicate], ...]
    #: for each kind of happening, the achievements it may earn: (achievement, the details the
    #: happening must have, the agency that earns it or '' for the happening's own)
    hooks: dict[str, tuple[tuple[str, tuple[tuple[str, Any], ...], str], ...]]
    #: the kinds of happening that earn something
    kinds: frozenset[str]
    #: each agency's bloc, for 'bloc_first'
    blocs: dict[str, str]
    #: ``conditions`` as the turn loop asks them (game/engine/watch.py)
    checks: tuple[tuple[str, Split], ...] = ()
    #: the versions of the channels all of them read, with the race's own, from a Watch's
    #: versions (None: one of them reads something unwatched)
    stamp: Callable[[list[int]], Any] | None = None


@dataclass(frozen=True, slots=True)
class CompiledStep:
    """A step of a computer-run agency's national plan (game/engine/plans.py)."""

    model: PlanStep
    start: int
    condition: Predicate
    cost: int  # k$


@dataclass(frozen=True, slots=True)
class CompiledScenario:
    """Everything the engine needs from a scenario, prepared once."""

    scenario: Scenario
    start: int
    end: int
    turn_months: int
    fiscal_first: int  # the fiscal year's first month of the calendar year, from 0 (January)
    agencies: dict[str, Agency]
    #: Each agency's bloc, by id: the state's ``blocs`` (``bloc(...)`` in conditions) and the race's.
    blocs: dict[str, str]
    programmes: dict[str, CompiledProgramme]
    missions: dict[str, Mission]
    events: dict[str, CompiledEvent]
    objectives: list[CompiledObjective]
    #: The scenario's rules and ways to lose as records (see ``record_type``): read very often.
    rules: RulesRecord
    defeat: DefeatRecord
    dependents: dict[str, list[MilestoneRef]] = field(default_factory=dict)  # 'p.m' -> needers
    #: Each programme's rivals (game/format/rivals.py): no agency is a member of two.
    rivals: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Each agency's policy funding and reliability, by id: read every turn, looked up once.
    funding: dict[str, float] = field(default_factory=dict)
    reliability: dict[str, float] = field(default_factory=dict)
    #: Every agency whose policy wants a programme, in file order.
    movers: tuple[Mover, ...] = ()
    #: Every objective, in file order, for the score of every turn.
    score_terms: tuple[ScoreTerm, ...] = ()
    #: The events hooked on each kind of happening (``on:``), in file order; the engine records
    #: a happening only when its kind is among ``hooked_kinds`` (game/engine/hooks.py).
    hooks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hooked_kinds: frozenset[str] = frozenset()
    #: The scenario's endings, in the order they are checked.
    endings: tuple[CompiledEnding, ...] = ()
    #: The scenario's flights (game/engine/flights.py), and the base reliability of every mission
    #: (by id) and contribution ('programme.contribution') that flies; empty: nothing flies.
    flights: Flights | None = None
    flight_bases: dict[str, float] = field(default_factory=dict)
    #: Each key of ``flight_bases`` with its programme ('' for a mission) and its contribution or
    #: mission, split once: the turn loop looks at every one of them each turn.
    flight_places: tuple[tuple[str, str, str], ...] = ()
    #: Whether any effect of the scenario starts a timed modifier (else no turn looks for one).
    timed_effects: bool = False
    #: The scenario's research projects by id, in file order (game/engine/research.py); empty: the
    #: scenario has none, and the player invests in capability levels instead.
    research: dict[str, Project] = field(default_factory=dict)
    #: Each project's condition to start ('when'), for the projects that have one.
    research_when: dict[str, Predicate] = field(default_factory=dict)
    #: What research gates for the player: a mission id or 'programme.contribution' -> the projects
    #: that unlock it (any one of them done will do).
    unlocked_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The projects each agency has done before the campaign (its 'research' and their prerequisites),
    #: in file order; an agency without any is absent.
    research_done: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The difficulty level the campaign is played at (its adjustments are in the scenario above).
    difficulty: str = DEFAULT_DIFFICULTY
    #: The scenario as its file says, when the level adjusted ``scenario`` (saves record this one).
    written: Scenario | None = None
    #: The race for firsts (None: the scenario has none), and each agency's national plan.
    race: CompiledRace | None = None
    plans: dict[str, tuple[CompiledStep, ...]] = field(default_factory=dict)
    #: The agencies' offers (game/engine/deals.py), by id, and how each agency weighs proposals;
    #: both empty without a 'deals:' section, and then the turn has no deals step.
    deals: dict[str, CompiledDeal] = field(default_factory=dict)
    deal_terms: dict[str, CompiledTerms] = field(default_factory=dict)

    @property
    def as_written(self) -> Scenario:
        """The scenario as its file says, before the difficulty level's adjustments."""
        return self.written or self.scenario

    #: Caches filled on first use: the opening state (one item at most), the events open by month
    #: and player, and their conditions for that player.
    _opening: list[GameState] = field(default_factory=list, repr=False, compare=False)
    _open_events: dict[tuple[int, str], tuple[OpenEvent, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _player_conditions: dict[tuple[str, str], Split | bool] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: The offers each player may be made, with their conditions for that player (offers_for).
    _offers: dict[str, tuple[tuple[CompiledDeal, Predicate | None], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _open_deals: dict[tuple[int, str], tuple[tuple[CompiledDeal, Predicate | None], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: The funding of a programme's partners but the player under the scenario's policies, by
    #: (player, leads, members) (game/engine/programmes.py update_health).
    _partner_funding: dict[tuple[str, tuple[str, ...], tuple[str, ...]], float] = field(
        default_factory=dict, repr=False, compare=False
    )
    _admissions: dict[str, AdmissionRule] = field(default_factory=dict, repr=False, compare=False)
    #: What the research done adds to the reliability of a kind of flight, by (kind, the projects
    #: done in the order done) (game/engine/research.py reliability_bonus).
    _reliability_bonus: dict[tuple[str, tuple[str, ...]], float] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: The parts each effect applied so far has, by id, with the effect (game/engine/effects.py).
    _effect_parts: dict[int, tuple[Any, tuple[Any, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: The turn's steps and the opening's that this scenario uses (game/engine/turn.py turn_steps).
    _steps: list[tuple[Any, ...]] = field(default_factory=list, repr=False, compare=False)

    def admission_rule(self, text: str) -> AdmissionRule:
        """An admission rule an effect put in place (kept in the state as JSON), compiled once."""
        found = self._admissions.get(text)
        if found is None:
            model = Admission.model_validate_json(text)
            found = self._admissions[text] = AdmissionRule(model, compile_condition(model.condition))
        return found

    @property
    def capability_ids(self) -> list[str]:
        return [c.id for c in self.scenario.capabilities]

    def events_open_in(self, month: int, player: str) -> tuple[OpenEvent, ...]:
        """The events that may fire by chance in ``month`` (their window is open) in a campaign of
        ``player``, in file order: those whose condition cannot hold for this player left out, and
        each one's ``player(...)`` tests decided (``condition_for_player``).

        Worked out once per month and player and kept: the turn loop asks every turn.
        """
        found = self._open_events.get((month, player))
        if found is None:
            kept = []
            for eid, event in self.events.items():
                model = event.model
                if (
                    model.triggered_only
                    or model.on is not None
                    or (event.after is not None and month < event.after)
                    or (event.before is not None and month > event.before)
                ):
                    continue
                condition = self._player_conditions.get((eid, player))
                if condition is None:
                    condition = self._player_conditions[eid, player] = split_condition(model.when, player)
                if condition is False:
                    continue
                steady, rest = (None, None) if condition is True else condition
                kept.append(OpenEvent(eid, rest, model.repeat, model.cooldown, model.chance, steady))
            found = self._open_events[month, player] = tuple(kept)
        return found

    def offers_for(self, player: str) -> tuple[tuple[CompiledDeal, Predicate | None], ...]:
        """The offers that may be made in a campaign of ``player``, in file order, each with its
        condition for that player (None: always true): an offer of the player's own agency, or one
        whose ``player(...)`` tests rule this player out, is left out. Worked out once per player.
        """
        found = self._offers.get(player)
        if found is None:
            kept = []
            for compiled in self.deals.values():
                if compiled.model.agency == player:
                    continue
                condition = condition_for_player(compiled.model.when, player)
                if condition is not False:
                    kept.append((compiled, None if condition is True else condition))
            found = self._offers[player] = tuple(kept)
        return found

    def deals_open_in(self, month: int, player: str) -> tuple[tuple[CompiledDeal, Predicate | None], ...]:
        """The offers whose dates allow them in ``month`` among those a campaign of ``player`` may be
        made (``offers_for``), each with its condition for that player, in file order: worked out
        once per month and player and kept (the deals step asks every turn)."""
        found = self._open_deals.get((month, player))
        if found is None:
            found = self._open_deals[month, player] = tuple(
                (deal, condition)
                for deal, condition in self.offers_for(player)
                if (deal.after is None or month >= deal.after)
                and (deal.before is None or month <= deal.before)
            )
        return found

    def playable(self) -> list[str]:
        return [a.id for a in self.scenario.agencies if a.playable]

    def victory_score(self, player: str) -> float:
        """The score at the end that wins a campaign of ``player`` (Scenario.score_to_win)."""
        return self.scenario.score_to_win(self.agencies[player])

    def total_turns(self) -> int:
        return (self.end - self.start) // self.turn_months + 1

    def new_state(self, player: str, seed: int) -> GameState:
        """The state at the first turn of a campaign for ``player`` with ``seed``."""
        if player not in self.agencies or not self.agencies[player].playable:
            raise ValueError(f"'{player}' is not a playable agency of {self.scenario.id}")
        if not self._opening:
            self._opening.append(self._opening_state())
        state = self._opening[0].copy(random.Random(seed))
        state.player = player
        state.seed = seed
        state.difficulty = self.difficulty
        done = self.research_done.get(player) if self.research_done else None
        if done:  # done before the campaign: dated the turn before it starts
            state.researched = dict.fromkeys(done, self.start - self.turn_months)
        return state

    def _opening_state(self) -> GameState:
        """The first turn's state for no player in particular: built once, copied per campaign."""
        agencies = {
            a.id: AgencyState(
                id=a.id,
                budget_base=k(a.budget),
                money=k(a.money),
                support=float(a.support),
                prestige=float(a.prestige),
                science=float(a.science),
                astronauts=a.astronaut_count,
                capabilities={c: a.capabilities.get(c, 0) for c in self.capability_ids},
            )
            for a in self.scenario.agencies
        }
        relations: dict[str, dict[str, float]] = {a: {} for a in agencies}
        for a in self.scenario.agencies:
            for other, value in a.relations.items():
                relations[a.id][other] = float(value)
                relations[other].setdefault(a.id, float(value))
        programmes = {}
        for pid, cp in self.programmes.items():
            p = cp.model
            slots = {}
            for c in p.contributions:
                build = BuildState(id=c.id)
                if c.taken_by is not None:
                    build.owner = c.taken_by
                    build.status = "building"
                    build.turns_left = c.build_turns
                    build.cost_left = k(c.cost)
                slots[c.id] = build
            programmes[pid] = ProgrammeState(
                id=pid,
                status="active",
                health=float(p.health),
                leads=list(p.leads),
                members=list(p.members),
                milestones=[
                    MilestoneState(id=m.id, planned=parse_date(m.planned), due=parse_date(m.planned))
                    for m in p.milestones
                ],
                slots=slots,
                hidden=p.hidden,
                open_in_scenario=p.open,
            )
        missions = {m.id: MissionState(id=m.id, build=BuildState(id=m.id)) for m in self.scenario.missions}
        return GameState(
            scenario_id=self.scenario.id,
            player="",
            seed=0,
            rng=random.Random(0),
            month=self.start,
            turn=0,
            agencies=agencies,
            relations=relations,
            programmes=programmes,
            missions=missions,
            variables={name: float(value) for name, value in self.scenario.variables.items()},
            agency_variables={
                a.id: {name: float(value) for name, value in a.variables.items()}
                for a in self.scenario.agencies
                if a.variables
            },
            corps={
                a.id: CorpsState(
                    [
                        AstronautState(
                            str(number), astronaut.name, float(astronaut.readiness), astronaut.flights
                        )
                        for number, astronaut in enumerate(a.astronauts, 1)
                    ],
                    list(a.recruits),
                )
                for a in self.scenario.agencies
                if isinstance(a.astronauts, list)
            },
            firsts=(firsts := self._history()),
            firsts_among=self._history_among(firsts),
            blocs=self.blocs,
        )

    def _history(self) -> dict[str, list[tuple[str, int]]]:
        """The race's achievements earned before the start, first first (the scenario's order)."""
        race = self.scenario.race
        found: dict[str, list[tuple[str, int]]] = {}
        if race is not None:
            for feat in race.history:
                done = found.setdefault(feat.achievement, [])
                if all(agency != feat.agency for agency, _ in done):
                    done.append((feat.agency, parse_date(feat.date)))
        return found

    def _history_among(self, firsts: dict[str, list[tuple[str, int]]]) -> dict[str, list[str]]:
        """The history's firsts of the achievements counted by bloc or by agency ('first_among')."""
        race, found = self.race, {}
        if race is None:
            return found
        for achievement, done in firsts.items():
            model = race.achievements.get(achievement)
            if model is None or model.first_among == "world":
                continue
            for index, (who, _) in enumerate(done):
                if rank_among(race.blocs, model, done[:index], who) == 1:
                    found.setdefault(achievement, []).append(who)
        return found


def compile_outcomes(outcomes: list[Outcome]) -> tuple[CompiledOutcome, ...]:
    """Each outcome with its weight as a closure: an expression compiled, a number kept as it is."""
    return tuple(
        CompiledOutcome(
            o,
            compile_expression(o.weight) if isinstance(o.weight, str) else _constant(float(o.weight)),
        )
        for o in outcomes
    )


def _constant(value: float) -> Getter:
    return lambda _state: value


def compile_scenario(scenario: Scenario, difficulty: str | None = None) -> CompiledScenario:
    """Prepare a validated scenario for the engine at a difficulty level (None: its default).

    Call it once per scenario and level, not per game; an unknown level is a ValueError.
    """
    level = scenario.difficulty(difficulty)
    if level is None:
        raise ValueError(unknown_difficulty(scenario, difficulty or scenario.default_difficulty))
    written, scenario = scenario, at_difficulty(scenario, level)
    programmes = {}
    for p in scenario.programmes:
        admission = compile_condition(p.admission.condition)
        cp = CompiledProgramme(
            model=p,
            milestones={m.id: m for m in p.milestones},
            slots={c.id: c for c in p.contributions},
            admission=admission,
            rule=AdmissionRule(p.admission, admission),
            science_slots=tuple(
                ScienceSlot(c.id, c.rewards.science_per_turn, c.name)
                for c in p.contributions
                if c.rewards.science_per_turn
            ),
            drift_pulls=tuple(Pull(agency, delta) for agency, delta in p.member_drift.items()),
            drift_reason=msg("membership of {programme}", programme=p.short),
        )
        for c in p.contributions:
            if c.flies_on:
                cp.slots_for_milestone.setdefault(c.flies_on, []).append(c.id)
        programmes[p.id] = cp
    events = {
        e.id: CompiledEvent(
            model=e,
            after=parse_date(e.after) if e.after else None,
            before=parse_date(e.before) if e.before else None,
            condition=compile_condition(e.when),
            outcomes=compile_outcomes(e.outcomes),
            choice_outcomes={c.id: compile_outcomes(c.outcomes) for c in e.choices if c.outcomes},
            filters=hook_filters(e),
        )
        for e in scenario.events
    }
    hooks: dict[str, list[str]] = {}
    for e in scenario.events:
        if e.on is not None:
            hooks.setdefault(e.on.happening, []).append(e.id)
    blocs = {a.id: a.bloc for a in scenario.agencies}
    race = compile_race(scenario, blocs)
    start = parse_date(scenario.calendar.start)
    objectives = [
        CompiledObjective(
            model=o,
            by=parse_date(o.by) if o.by else None,
            condition=compile_condition(o.when) if o.when is not None else None,
            scale=compile_expression(o.scale) if o.scale is not None else None,
            progress=compile_expression(o.progress) if o.progress is not None else None,
            target=o.target or 1.0,
            grade=_grade(o),
            most=o.most(start),
            check=split_always(o.when),
            tracked=watched_expression(o.progress) if o.progress is not None else None,
        )
        for o in scenario.objectives
    ]
    dependents: dict[str, list[MilestoneRef]] = {}
    for p in scenario.programmes:
        for m in p.milestones:
            for ref in m.requires:
                full = ref if "." in ref else f"{p.id}.{ref}"
                dependents.setdefault(full, []).append(MilestoneRef(p.id, m.id))
    return CompiledScenario(
        scenario=scenario,
        start=start,
        end=parse_date(scenario.calendar.end),
        turn_months=scenario.calendar.turn_months,
        fiscal_first=scenario.calendar.fiscal_year_start - 1,
        agencies={a.id: a for a in scenario.agencies},
        blocs=blocs,
        programmes=programmes,
        missions={m.id: m for m in scenario.missions},
        events=events,
        objectives=objectives,
        dependents=dependents,
        rivals=rivals(scenario),
        rules=record(scenario.rules),
        defeat=record(scenario.defeat),
        funding={a.id: a.policy.funding for a in scenario.agencies},
        reliability={a.id: a.policy.reliability for a in scenario.agencies},
        movers=tuple(
            Mover(a.id, a, record(a.policy), tuple(Preference(*p) for p in a.policy.preferences.items()))
            for a in scenario.agencies
            if a.policy.preferences
        ),
        score_terms=tuple(ScoreTerm(o.model.id, o.model.points, o.scale, o.grade) for o in objectives),
        hooks={kind: tuple(ids) for kind, ids in hooks.items()},
        hooked_kinds=frozenset(hooks) | (race.kinds if race is not None else frozenset()),
        endings=tuple(
            CompiledEnding(e, parse_date(e.after) if e.after else None, compile_condition(e.when))
            for e in scenario.endings
        ),
        flights=scenario.flights,
        flight_bases=(bases := flight_bases(scenario)),
        flight_places=tuple(
            (key, programme, item) for key in bases for programme, _, item in (key.rpartition("."),)
        ),
        timed_effects=any(effect.modifier is not None for effect in effects_in(scenario)),
        research={p.id: p for p in scenario.research},
        research_when={p.id: compile_condition(p.when) for p in scenario.research if p.when is not None},
        unlocked_by=unlocked_by(scenario),
        research_done=research_done(scenario),
        difficulty=level.id,
        written=written if scenario is not written else None,
        race=race,
        plans=compile_plans(scenario),
        deals=compile_deals(scenario),
        deal_terms=compile_terms(scenario),
    )


def compile_race(scenario: Scenario, blocs: dict[str, str]) -> CompiledRace | None:
    """The scenario's race ready for the turn loop, or None when it has none."""
    if scenario.race is None:
        return None
    hooks: dict[str, list[tuple[str, tuple[tuple[str, Any], ...], str]]] = {}
    for achievement in scenario.race.achievements:
        for hook in achievement.on:
            hooks.setdefault(hook.happening, []).append((achievement.id, filters_of(hook), hook.earner or ""))
    return CompiledRace(
        achievements={a.id: a for a in scenario.race.achievements},
        conditions=tuple(
            (a.id, compile_condition(a.when)) for a in scenario.race.achievements if a.when is not None
        ),
        hooks={kind: tuple(found) for kind, found in hooks.items()},
        kinds=frozenset(hooks),
        blocs=blocs,
        checks=tuple((a.id, split_always(a.when)) for a in scenario.race.achievements if a.when is not None),
        stamp=_race_stamp(scenario.race),
    )


def _race_stamp(race: Race) -> Callable[[list[int]], Any] | None:
    """The versions of what the race's conditions read, with who earned what (None: one of them
    reads something unwatched): while none of it changes, a turn that earned nothing by them
    earns nothing again."""
    found = {FIRSTS}
    for achievement in race.achievements:
        if achievement.when is not None:
            reads = condition_reads(achievement.when)
            if reads is None:
                return None
            found |= reads
    return stamp_of(frozenset(found))


def compile_plans(scenario: Scenario) -> dict[str, tuple[CompiledStep, ...]]:
    """Each agency's national plan, its dates and conditions compiled (only agencies with one)."""
    return {
        a.id: tuple(
            CompiledStep(step, parse_date(step.start), compile_condition(step.when), k(step.cost))
            for step in a.plan
        )
        for a in scenario.agencies
        if a.plan
    }


def _number(value: float | str | None) -> Getter | None:
    """A number or an expression as a closure; None stays None."""
    if value is None:
        return None
    return compile_expression(value) if isinstance(value, str) else _constant(float(value))


def compile_deals(scenario: Scenario) -> dict[str, CompiledDeal]:
    """The scenario's offers, by id, in file order (none without 'deals:')."""
    if scenario.deals is None:
        return {}
    return {
        d.id: CompiledDeal(
            d,
            parse_date(d.after) if d.after else None,
            parse_date(d.before) if d.before else None,
            compile_condition(d.when),
            tuple((item.kind, item.value) for item in d.gives),
            tuple((item.kind, item.value) for item in d.asks),
        )
        for d in scenario.deals.offers
    }


def compile_terms(scenario: Scenario) -> dict[str, CompiledTerms]:
    """How each agency that takes proposals weighs them, by agency id."""
    if scenario.deals is None:
        return {}
    found = {}
    for terms in scenario.deals.terms:
        rules = {
            (rule.item, rule.ref or ""): ItemWorth(_number(rule.value), _number(rule.cost))
            for rule in terms.values
        }
        goodwill = _number(terms.goodwill)
        assert goodwill is not None
        found[terms.agency] = CompiledTerms(goodwill, rules)
    return found


def unknown_difficulty(scenario: Scenario, difficulty: str) -> str:
    """Why ``difficulty`` cannot be played on ``scenario``, naming the levels it offers."""
    return msg(
        "'{difficulty}' is not a difficulty of this scenario; choose from {levels}",
        difficulty=difficulty,
        levels=", ".join(level.id for level in scenario.difficulty_levels()),
    )


def flight_bases(scenario: Scenario) -> dict[str, float]:
    """The base reliability of each mission and contribution that flies: its own, else its kind's."""
    flights = scenario.flights
    if flights is None:
        return {}
    bases = flights.reliability
    found: dict[str, float] = {}
    for m in scenario.missions:
        base = m.reliability if m.reliability is not None else bases.get("mission")
        if base is not None:
            found[m.id] = base
    for p in scenario.programmes:
        for c in p.contributions:
            base = c.reliability if c.reliability is not None else bases.get(c.kind)
            if base is not None:
                found[f"{p.id}.{c.id}"] = base
    return found


def research_done(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """Each agency's projects done before the campaign, with every prerequisite, in file order."""
    requires = {p.id: p.requires for p in scenario.research}
    found: dict[str, tuple[str, ...]] = {}
    for agency in scenario.agencies:
        done: set[str] = set()
        waiting = [pid for pid in agency.research if pid in requires]
        while waiting:
            pid = waiting.pop()
            if pid not in done:
                done.add(pid)
                waiting.extend(need for need in requires[pid] if need in requires)
        if done:
            found[agency.id] = tuple(pid for pid in requires if pid in done)
    return found


def unlocked_by(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """Each mission and contribution a research project unlocks, with every project that does."""
    found: dict[str, list[str]] = {}
    for project in scenario.research:
        for key in (*project.unlocks.missions, *project.unlocks.contributions):
            found.setdefault(key, []).append(project.id)
    return {key: tuple(ids) for key, ids in found.items()}


def hook_filters(event: Event) -> tuple[tuple[str, Any], ...]:
    """The (detail, value) pairs a happening must have for ``event`` to answer it; ids in full."""
    return filters_of(event.on) if event.on is not None else ()


def filters_of(hook: Hook) -> tuple[tuple[str, Any], ...]:
    """The (detail, value) pairs a happening must have to match ``hook``; ids in full."""
    found: list[tuple[str, Any]] = []
    for name, _ in DETAILS:
        value = getattr(hook, name)
        if value is None:
            continue
        if name in ("milestone", "contribution") and "." not in value:
            value = f"{hook.programme}.{value}"
        found.append((name, value))
    return tuple(found)


#: The credit of a graded objective that gives none: its share of progress is its share of points.
LINEAR_CREDIT = ((0.0, 0.0), (1.0, 1.0))


def _grade(objective: Objective) -> Grade | None:
    """How ``objective`` is graded, or None when it scores its points once reached (as ever)."""
    if objective.progress is None and not objective.early:
        return None
    credit: tuple[tuple[float, float], ...] = ()
    if objective.progress is not None:
        credit = tuple((x, y) for x, y in objective.credit) if objective.credit else LINEAR_CREDIT
    return Grade(credit, objective.early, parse_date(objective.by) if objective.by else None)
