"""Mutable game state: plain slotted dataclasses, cheap to copy and to pickle.

Money is held as integer thousands of dollars (k$) so every payment is accounted
exactly; the faces show it in millions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

ProgrammeStatus = Literal["active", "restructured", "cancelled", "completed"]
MilestoneStatus = Literal["pending", "flown"]
BuildStatus = Literal["open", "building", "delivered"]


def k(millions: float) -> int:
    """Millions of dollars to integer k$."""
    return round(millions * 1000)


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


@dataclass(slots=True)
class MilestoneState:
    id: str
    planned: int  # the original month index
    due: int  # the current month index
    status: MilestoneStatus = "pending"
    flown_at: int | None = None
    failures: int = 0

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

    def seat_count(self, agency: str) -> int:
        return self.seats.get(agency, 0) + self.surface_seats.get(agency, 0)

    def is_member(self, agency: str) -> bool:
        return agency in self.leads or agency in self.members

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


@dataclass(slots=True)
class PendingEvent:
    """An event waiting for the player's choice."""

    uid: int
    event: str
    month: int


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

    @property
    def me(self) -> AgencyState:
        return self.agencies[self.player]

    def relation(self, a: str, b: str) -> float:
        return self.relations[a].get(b, 0.0)

    def shift_relation(self, a: str, b: str, delta: float) -> float:
        """Move the mutual relation of a and b, kept within -100..100; return the real change."""
        if a == b:
            return 0.0
        old = self.relations[a].get(b, 0.0)
        new = min(100.0, max(-100.0, old + delta))
        self.relations[a][b] = new
        self.relations[b][a] = new
        return new - old
