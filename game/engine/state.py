"""Mutable game state: plain slotted dataclasses, cheap to copy and to pickle.

Money is held as integer thousands of dollars (k$) so every payment is accounted
exactly; the faces show it in millions.
"""

from __future__ import annotations

import random
from dataclasses import Field, dataclass, field
from typing import Any, Literal

from game.engine.rulebook import RELATION_TOP
from game.format.models import DEFAULT_DIFFICULTY

ProgrammeStatus = Literal["active", "restructured", "cancelled", "completed"]
MilestoneStatus = Literal["pending", "flown"]
BuildStatus = Literal["open", "building", "delivered"]


def copy_generator(rng: random.Random) -> random.Random:
    """A generator in the same state that draws the same numbers, independently."""
    twin = random.Random.__new__(random.Random)
    twin.setstate(rng.getstate())
    return twin


def k(millions: float) -> int:
    """Millions of dollars to integer k$."""
    return round(millions * 1000)


#: The metadata of a field that snapshots (and so hashes) hold only while it differs from its
#: default (an empty dict, False, ''): campaigns that never use a newer feature keep their
#: hashes, and older saves (which lack the field) still load.
#: ``field(default_factory=dict, metadata=SAVED_WHEN_SET)``.
SAVED_WHEN_SET = {"saved_when_set": True}


def is_saved_when_set(f: Field[Any]) -> bool:
    """Whether a dataclass field carries ``SAVED_WHEN_SET``."""
    return bool(f.metadata.get("saved_when_set"))


#: The metadata of a field that repeats what the scenario says, so that a condition (which sees
#: only the state) can read it: never in a snapshot nor a hash; the opening state and a restored
#: snapshot (game/engine/snapshot.py restore_game) take it from the scenario.
FROM_SCENARIO = {"from_scenario": True}


def is_from_scenario(f: Field[Any]) -> bool:
    """Whether a dataclass field carries ``FROM_SCENARIO``."""
    return bool(f.metadata.get("from_scenario"))


#: The metadata of a field that says how this copy of a campaign is played, not what happened
#: in it: never in a snapshot nor a hash; a restored snapshot has its default.
HOW_PLAYED = {"how_played": True}


#: The metadata of a field that the engine works out from the rest of the state and keeps to read
#: it faster (an index): never in a snapshot nor a hash; a copy or a restored snapshot starts
#: without it and works it out again when first asked.
WORKED_OUT = {"worked_out": True}


def is_unsaved(f: Field[Any]) -> bool:
    """Whether a dataclass field stays out of snapshots and hashes (``FROM_SCENARIO``, ``HOW_PLAYED``,
    ``WORKED_OUT``)."""
    metadata = f.metadata
    return bool(metadata.get("from_scenario") or metadata.get("how_played") or metadata.get("worked_out"))


@dataclass(slots=True)
class AgencyState:
    id: str
    budget_base: int  # k$ per year at 50% support
    money: int
    support: float
    prestige: float
    science: float
    astronauts: int
    capabilities: dict[str, int]
    budget_modifier: float = 0.0  # percent
    appropriation: int = 0  # k$ this year
    flights: int = 0
    crewed_orbit: bool = False
    crewed_surface: bool = False
    first_crew_month: int | None = None
    insolvent_turns: int = 0

    def copy(self) -> AgencyState:
        return AgencyState(
            self.id,
            self.budget_base,
            self.money,
            self.support,
            self.prestige,
            self.science,
            self.astronauts,
            dict(self.capabilities),
            self.budget_modifier,
            self.appropriation,
            self.flights,
            self.crewed_orbit,
            self.crewed_surface,
            self.first_crew_month,
            self.insolvent_turns,
        )


@dataclass(slots=True)
class MilestoneState:
    id: str
    planned: int  # the original month index
    due: int  # the current month index
    status: MilestoneStatus = "pending"
    flown_at: int | None = None
    failures: int = 0

    def copy(self) -> MilestoneState:
        return MilestoneState(self.id, self.planned, self.due, self.status, self.flown_at, self.failures)

    @property
    def slipped_turns_months(self) -> int:
        end = self.flown_at if self.flown_at is not None else self.due
        return max(0, end - self.planned)


@dataclass(slots=True)
class BuildState:
    """A contribution slot of a programme, or a national mission, being built."""

    id: str
    owner: str | None = None
    status: BuildStatus = "open"
    turns_left: int = 0
    cost_left: int = 0  # k$ still to pay
    paid: int = 0
    stalled: int = 0
    rewarded: bool = False
    #: its flight only partly succeeded (game/engine/flights.py): it earns a share of its rewards
    partial: bool = field(default=False, metadata=SAVED_WHEN_SET)

    def copy(self) -> BuildState:
        return BuildState(
            self.id,
            self.owner,
            self.status,
            self.turns_left,
            self.cost_left,
            self.paid,
            self.stalled,
            self.rewarded,
            self.partial,
        )


@dataclass(slots=True)
class ProgrammeState:
    id: str
    status: ProgrammeStatus
    health: float
    leads: list[str]
    members: list[str]
    milestones: list[MilestoneState]
    slots: dict[str, BuildState]
    applicants: dict[str, str] = field(default_factory=dict)  # agency -> offered slot ("" for none)
    seats: dict[str, int] = field(default_factory=dict)  # agency -> seats on any crewed flight
    surface_seats: dict[str, int] = field(default_factory=dict)  # agency -> seats on landings only
    #: Not announced yet: no milestone flies, no build moves, no one joins, the player does not see it.
    hidden: bool = field(default=False, metadata=SAVED_WHEN_SET)
    #: Open to new partners (True) or closed (False) by an effect; None: as the scenario says.
    open_to_partners: bool | None = field(default=None, metadata=SAVED_WHEN_SET)
    #: The admission rule an effect put in place of the scenario's, as JSON; '': the scenario's.
    admission: str = field(default="", metadata=SAVED_WHEN_SET)
    #: Whether the scenario opens it to new partners (its ``open``), for ``open_to_partners``.
    open_in_scenario: bool = field(default=True, metadata=FROM_SCENARIO)

    def copy(self) -> ProgrammeState:
        return ProgrammeState(
            self.id,
            self.status,
            self.health,
            list(self.leads),
            list(self.members),
            [milestone.copy() for milestone in self.milestones],
            {sid: build.copy() for sid, build in self.slots.items()},
            dict(self.applicants),
            dict(self.seats),
            dict(self.surface_seats),
            self.hidden,
            self.open_to_partners,
            self.admission,
            self.open_in_scenario,
        )

    def takes_partners(self) -> bool:
        """Announced, and open to new partners as the scenario or an effect says (whatever its status)."""
        if self.hidden:
            return False
        return self.open_in_scenario if self.open_to_partners is None else self.open_to_partners

    def seat_count(self, agency: str) -> int:
        return self.seats.get(agency, 0) + self.surface_seats.get(agency, 0)

    def is_member(self, agency: str) -> bool:
        return agency in self.leads or agency in self.members

    def is_on_road(self, agency: str) -> bool:
        """A member, or an applicant awaiting the leads' answer: committed to this programme's road."""
        return self.is_member(agency) or agency in self.applicants

    def milestone(self, milestone_id: str) -> MilestoneState:
        for milestone in self.milestones:
            if milestone.id == milestone_id:
                return milestone
        raise KeyError(milestone_id)

    def next_milestone(self) -> MilestoneState | None:
        for milestone in self.milestones:
            if milestone.status == "pending":
                return milestone
        return None


@dataclass(slots=True)
class MissionState:
    id: str
    build: BuildState
    successes: int = 0
    failures: int = 0

    def copy(self) -> MissionState:
        return MissionState(self.id, self.build.copy(), self.successes, self.failures)


@dataclass(frozen=True, slots=True)
class FlightRecord:
    """One flight of a named astronaut: when, where to, on what (a programme's or mission's id).

    Never changed once made, so copies of a state share them.
    """

    month: int
    where: Literal["orbit", "surface"]
    seat: str


AstronautStatus = Literal["active", "lost", "retired"]


@dataclass(slots=True)
class AstronautState:
    """A named astronaut (game/engine/corps.py): ``id`` is their number in the corps, from 1."""

    id: str
    name: str
    readiness: float
    prior_flights: int = 0  # flown before the campaign
    flights: list[FlightRecord] = field(default_factory=list)
    status: AstronautStatus = "active"
    training: bool = False
    assigned: str = ""  # the programme or national mission whose next crewed flight they fly

    def copy(self) -> AstronautState:
        return AstronautState(
            self.id,
            self.name,
            self.readiness,
            self.prior_flights,
            list(self.flights),
            self.status,
            self.training,
            self.assigned,
        )


@dataclass(slots=True)
class CorpsState:
    """An agency's named astronaut corps: its people, the names left to recruit, what is under way."""

    astronauts: list[AstronautState]
    recruits: list[str]  # names not drawn yet, in the scenario's order
    selection_turns: int = 0  # turns left of the selection round under way; 0: none
    stand_down: int = 0  # turns left in which its astronauts do not fly, after a loss

    def copy(self) -> CorpsState:
        return CorpsState(
            [astronaut.copy() for astronaut in self.astronauts],
            list(self.recruits),
            self.selection_turns,
            self.stand_down,
        )

    def active(self) -> list[AstronautState]:
        return [astronaut for astronaut in self.astronauts if astronaut.status == "active"]


@dataclass(slots=True)
class FlightState:
    """One of the player's builds, finished and waiting for its launch (game/engine/flights.py)."""

    launch: int  # the month it flies in, at the end of that turn
    #: preparation id -> times done for this flight, in the order they were first done
    prepared: dict[str, int] = field(default_factory=dict)
    holds: int = 0

    def copy(self) -> FlightState:
        return FlightState(self.launch, dict(self.prepared), self.holds)


@dataclass(frozen=True, slots=True)
class Happening:
    """Something the engine did that events with ``on:`` answer (game/format/happenings.py).

    Only the details its kind has are set; the others stay empty. Milestones and
    contributions are named as ``programme.id``, as expressions name them.
    """

    kind: str
    agency: str = ""
    programme: str = ""
    milestone: str = ""
    contribution: str = ""
    mission: str = ""
    action: str = ""
    year: int = 0
    achievement: str = field(default="", metadata=SAVED_WHEN_SET)
    project: str = field(default="", metadata=SAVED_WHEN_SET)


@dataclass(slots=True)
class PendingEvent:
    """An event waiting for the player's choice (with the happening it answers, if hooked)."""

    uid: int
    event: str
    month: int
    happening: Happening | None = field(default=None, metadata=SAVED_WHEN_SET)

    def copy(self) -> PendingEvent:
        return PendingEvent(self.uid, self.event, self.month, self.happening)


@dataclass(slots=True)
class PlanState:
    """A computer-run agency's national plan (game/engine/plans.py): what has flown, what is built."""

    flown: list[str] = field(default_factory=list)  # steps flown (succeeded or given up), in order
    step: str = ""  # the step under way; '' for none
    turns_left: int = 0
    cost_left: int = 0  # k$
    failures: int = 0  # of the step under way

    def copy(self) -> PlanState:
        return PlanState(list(self.flown), self.step, self.turns_left, self.cost_left, self.failures)


@dataclass(slots=True)
class PolicyState:
    """A computer-run agency's policy once an effect has changed it (see the scenario's Policy)."""

    preferences: dict[str, float]
    boldness: float
    loyalty: float
    reliability: float
    funding: float

    def copy(self) -> PolicyState:
        return PolicyState(
            dict(self.preferences), self.boldness, self.loyalty, self.reliability, self.funding
        )


@dataclass(slots=True)
class ModifierState:
    """A timed modifier under way: what it changed (to undo exactly that) and how it ends.

    The changes are the ones actually made, after the clamps, so undoing them leaves no drift.
    """

    name: str
    agency: str
    source: str  # the event or choice that started it, as the news named it
    turns_left: int | None  # None: only 'until' ends it
    until: str = ""  # an expression; "" for none
    budget: float = 0.0
    relations: list[tuple[str, str, float]] = field(default_factory=list)
    health: dict[str, float] = field(default_factory=dict)
    capabilities: dict[str, int] = field(default_factory=dict)
    flags_set: list[str] = field(default_factory=list)
    flags_cleared: list[str] = field(default_factory=list)
    money: int = 0  # k$ every turn
    science: float = 0.0  # every turn
    prestige: float = 0.0
    support: float = 0.0

    def copy(self) -> ModifierState:
        return ModifierState(
            self.name,
            self.agency,
            self.source,
            self.turns_left,
            self.until,
            self.budget,
            list(self.relations),
            dict(self.health),
            dict(self.capabilities),
            list(self.flags_set),
            list(self.flags_cleared),
            self.money,
            self.science,
            self.prestige,
            self.support,
        )


DealStatus = Literal["offered", "proposed", "signed", "refused", "lapsed", "declined", "completed", "broken"]
#: An item of a deal as the state keeps it: its kind and its amount or id ('money', '50').
DealItemState = tuple[str, str]


@dataclass(slots=True)
class DealState:
    """An offer, a proposal or an agreement of the player's with a computer-run agency (game/engine/deals.py).

    ``gives`` is what the agency gives the player, ``asks`` what the player gives; ``until`` the
    month an offer or proposal lapses (while it waits) or the agreement ends (0: never).
    """

    uid: int
    agency: str
    deal: str  # the scenario's offer it came from; '' for the player's proposal
    gives: list[DealItemState]
    asks: list[DealItemState]
    made: int  # the month it was offered, proposed or signed
    status: DealStatus
    until: int = 0
    #: what signing did, to take back or compare later: 'seat:programme' -> seats given,
    #: 'loan:area' -> levels lent, 'tries:mission' -> the mission's failures when it was promised
    marks: dict[str, int] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: why it ended as it did (refused, declined, broken), in the engine's words
    reason: str = field(default="", metadata=SAVED_WHEN_SET)

    def copy(self) -> DealState:
        return DealState(
            self.uid,
            self.agency,
            self.deal,
            list(self.gives),
            list(self.asks),
            self.made,
            self.status,
            self.until,
            dict(self.marks),
            self.reason,
        )


@dataclass(slots=True)
class GameState:
    scenario_id: str
    player: str
    seed: int
    rng: random.Random
    month: int
    turn: int
    agencies: dict[str, AgencyState]
    relations: dict[str, dict[str, float]]
    programmes: dict[str, ProgrammeState]
    missions: dict[str, MissionState]
    flags: set[str] = field(default_factory=set)
    fired: dict[str, int] = field(default_factory=dict)  # event -> last turn fired
    follow_ups: list[tuple[int, str]] = field(default_factory=list)  # (turn due, event)
    pending: list[PendingEvent] = field(default_factory=list)
    next_uid: int = 1
    achieved: dict[str, int] = field(default_factory=dict)  # objective -> month reached
    acted: set[str] = field(default_factory=set)  # once-a-turn action keys used this turn
    news: list = field(default_factory=list)  # NewsItem of the turn under way
    changes: list = field(default_factory=list)  # Change of the turn under way
    history: list = field(default_factory=list)  # one Snapshot per finished turn
    over: bool = False
    outcome: str = ""  # "", "won", "lost", "finished"
    outcome_reason: str = ""
    #: the scenario's numeric variables: global ones by name, then per agency (unset ones read 0)
    variables: dict[str, float] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    agency_variables: dict[str, dict[str, float]] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: flags of one agency, beside the global ``flags``: agency -> names
    agency_flags: dict[str, set[str]] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: Policies effects have changed, by agency; the others are the scenario's.
    policies: dict[str, PolicyState] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: Happenings since the last opening, waiting for the events hooked on them (game/engine/events.py).
    happenings: list[Happening] = field(default_factory=list, metadata=SAVED_WHEN_SET)
    #: The happening a hooked event answers, while its condition, effects and texts are worked out.
    happening: Happening | None = field(default=None, metadata=SAVED_WHEN_SET)
    #: the best share of progress (0..1) of each graded objective, when above 0
    progress: dict[str, float] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: timed modifiers under way, oldest first
    modifiers: list[ModifierState] = field(default_factory=list, metadata=SAVED_WHEN_SET)
    #: the id of the scenario's ending that ended the campaign, if one did
    ending: str = field(default="", metadata=SAVED_WHEN_SET)
    #: named astronaut corps by agency (only the agencies whose scenario names them)
    corps: dict[str, CorpsState] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: how many of ``changes`` the campaign's opening made (the first appropriation): the player
    #: sees them on turn 1 as they come, and turn 1's report marks them as shown (turn.begin)
    opening_changes: int = field(default=0, metadata=SAVED_WHEN_SET)
    #: the player's flights waiting for launch, by mission id or 'programme.contribution'
    flights: dict[str, FlightState] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: the difficulty level played (game/engine/difficulty.py); saved only when not 'normal'
    difficulty: str = field(default=DEFAULT_DIFFICULTY, metadata=SAVED_WHEN_SET)
    #: the player's research projects under way (game/engine/research.py), in the order started
    research: dict[str, BuildState] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: the player's research projects done: project id -> the month it was done
    researched: dict[str, int] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: Whether the campaign keeps its records for a face: the news and the changes of each turn
    #: (with their reasons) and the history of the player's figures. A headless playout that only
    #: wants where the campaign leads turns them off (``Game.clone(records=False)``,
    #: game/sim/runner.py): every rule plays the same, only what is told is not kept.
    records: bool = field(default=True, metadata=HOW_PLAYED)
    #: the race (game/engine/race.py): achievement -> the agencies that earned it and the month,
    #: first first (the scenario's history included)
    firsts: dict[str, list[tuple[str, int]]] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: computer-run agencies' national plans under way or flown (game/engine/plans.py)
    plans: dict[str, PlanState] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: offers, proposals and agreements with computer-run agencies, oldest first: the ledger of deals
    deals: list[DealState] = field(default_factory=list, metadata=SAVED_WHEN_SET)
    #: the race's achievements whose firsts are each bloc's or each agency's own ('first_among':
    #: bloc or self; the world's firsts are ``firsts``' first earners): the agencies that were
    #: first among theirs, in order (the scenario's history included)
    firsts_among: dict[str, list[str]] = field(default_factory=dict, metadata=SAVED_WHEN_SET)
    #: each agency's bloc, as the scenario says (for ``bloc(...)`` in conditions): never in a snapshot,
    #: the same for every copy (shared, never changed)
    blocs: dict[str, str] = field(default_factory=dict, metadata=FROM_SCENARIO, repr=False, compare=False)
    #: where the programmes' builds stand, indexed (game/engine/build_index.py); None: not worked
    #: out yet (a copy starts without one)
    build_index: Any = field(default=None, metadata=WORKED_OUT, repr=False, compare=False)
    #: by programme, a month before which none of its milestones is due (game/engine/programmes.py
    #: fly_milestones): due months only move later, so it holds until the programme is looked at again
    due_from: dict[str, float] = field(default_factory=dict, metadata=WORKED_OUT, repr=False, compare=False)
    #: the membership drift's pulls in a state that keeps no records (game/engine/ledger.py
    #: relate_all), worked out once per set of members: (agencies, pulls) -> each cell to move
    pull_plans: dict[Any, Any] = field(default_factory=dict, metadata=WORKED_OUT, repr=False, compare=False)
    #: what the turn loop's conditions last read, and the versions of the state's parts they read
    #: (game/engine/watch.py); None: nothing known yet. Never passed on: a copy, a restored save or a
    #: ``dataclasses.replace`` starts without one.
    watch: Any = field(default=None, init=False, metadata=WORKED_OUT, repr=False, compare=False)

    def copy(self, rng: random.Random | None = None, records: bool | None = None) -> GameState:
        """An independent copy, generator included, for look-ahead and for new campaigns.

        Written out field by field because it is the bots' hot path (pickle took ten times
        as long); news, changes and history hold items that are never changed once made,
        so their lists are copied but the items are shared. ``rng``: the copy's generator
        instead of a copy of this one's (a new campaign seeds its own); ``records``: whether the
        copy keeps records (see the field), when not as this one does; one that keeps none starts
        with no news, changes nor history.
        """
        keep = self.records if records is None else records
        return GameState(
            self.scenario_id,
            self.player,
            self.seed,
            copy_generator(self.rng) if rng is None else rng,
            self.month,
            self.turn,
            {aid: agency.copy() for aid, agency in self.agencies.items()},
            {aid: dict(row) for aid, row in self.relations.items()},
            {pid: programme.copy() for pid, programme in self.programmes.items()},
            {mid: mission.copy() for mid, mission in self.missions.items()},
            set(self.flags),
            dict(self.fired),
            list(self.follow_ups),
            [pending.copy() for pending in self.pending],
            self.next_uid,
            dict(self.achieved),
            set(self.acted),
            list(self.news) if keep else [],
            list(self.changes) if keep else [],
            list(self.history) if keep else [],
            self.over,
            self.outcome,
            self.outcome_reason,
            dict(self.variables),
            {aid: dict(values) for aid, values in self.agency_variables.items()},
            {aid: set(names) for aid, names in self.agency_flags.items()},
            {aid: policy.copy() for aid, policy in self.policies.items()} if self.policies else {},
            list(self.happenings),
            self.happening,
            dict(self.progress),
            [modifier.copy() for modifier in self.modifiers] if self.modifiers else [],
            self.ending,
            {aid: corps.copy() for aid, corps in self.corps.items()} if self.corps else {},
            self.opening_changes,
            {key: flight.copy() for key, flight in self.flights.items()} if self.flights else {},
            self.difficulty,
            {pid: build.copy() for pid, build in self.research.items()} if self.research else {},
            dict(self.researched) if self.researched else {},
            keep,
            {aid: list(done) for aid, done in self.firsts.items()} if self.firsts else {},
            {aid: plan.copy() for aid, plan in self.plans.items()} if self.plans else {},
            [deal.copy() for deal in self.deals] if self.deals else [],
            {aid: list(firsts) for aid, firsts in self.firsts_among.items()} if self.firsts_among else {},
            self.blocs,
        )

    @property
    def me(self) -> AgencyState:
        return self.agencies[self.player]

    def rank(self, achievement: str, agency: str) -> int:
        """The race (game/engine/race.py): 1 for the first agency to earn ``achievement``, 2 for
        the second...; 0 while ``agency`` has not."""
        for rank, (who, _) in enumerate(self.firsts.get(achievement, ()), 1):
            if who == agency:
                return rank
        return 0

    def relation(self, a: str, b: str) -> float:
        return self.relations[a].get(b, 0.0)

    def shift_relation(self, a: str, b: str, delta: float) -> float:
        """Move the mutual relation of a and b, kept within -100..100; return the real change."""
        if a == b:
            return 0.0
        row = self.relations[a]
        old = row.get(b, 0.0)
        new = old + delta
        if new > RELATION_TOP:  # rulebook.clamp_relation inline (tests/test_rulebook.py holds it)
            new = RELATION_TOP
        elif new < -RELATION_TOP:
            new = -RELATION_TOP
        row[b] = new
        self.relations[b][a] = new
        return new - old
