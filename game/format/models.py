"""Pydantic models of a scenario file: the source of the JSON Schema and the reference docs.

Every model forbids unknown keys, so a typo is an error with its line and column. Numbers a
scenario author may want to change live here as documented defaults, never in the engine.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
)

from game.format.dates import DATE_PATTERN

SCHEMA_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40),
    Field(description="An id: lower-case letters, digits and underscores, starting with a letter."),
]
Ref = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$", max_length=81),
    Field(description="A milestone or contribution id, or 'programme.id' to name another programme's."),
]
Date = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    Field(description="A date: 'YYYY-QN' (a quarter) or 'YYYY-MM' (a month)."),
]
Expression = Annotated[
    str,
    StringConstraints(min_length=1, max_length=400),
    Field(
        description="An expression of the safe condition language, e.g. 'year >= 2023 and relation(\"nasa\") > 40'."
    ),
]
Probability = Annotated[float, Field(ge=0, le=1)]
Percent = Annotated[float, Field(ge=0, le=100)]
RelationValue = Annotated[float, Field(ge=-100, le=100)]
Money = Annotated[float, Field(description="Millions of US dollars.")]


class Strict(BaseModel):
    """Base of every file model: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# ---------------------------------------------------------------- conditions


class ConditionTree(Strict):
    """A structured condition: exactly one of all / any / not."""

    all: list[Condition] | None = Field(None, description="True when every condition is true.")
    any: list[Condition] | None = Field(None, description="True when at least one is true.")
    not_: Condition | None = Field(None, alias="not", description="True when the condition is false.")

    @field_validator("all", "any")
    @classmethod
    def _not_empty(cls, value: list[Any] | None) -> list[Any] | None:
        if value is not None and not value:
            raise ValueError("needs at least one condition")
        return value

    def model_post_init(self, __context: Any) -> None:
        given = [name for name in ("all", "any", "not_") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("a condition tree has exactly one of 'all', 'any' or 'not'")


def _condition_tag(value: Any) -> str:
    return "expression" if isinstance(value, str) else "tree"


Condition = Annotated[
    Annotated[Expression, Tag("expression")] | Annotated[ConditionTree, Tag("tree")],
    Discriminator(_condition_tag),
    Field(description="An expression string, or a tree of all / any / not conditions."),
]


# ---------------------------------------------------------------- effects


class RelationChange(Strict):
    agency: Id = Field(description="The agency whose relation changes.")
    delta: float = Field(ge=-200, le=200, description="Points added to the relation (-100..100).")
    of: Id | None = Field(
        None, description="The other side of the relation; the player (or the joiner) when left out."
    )


class ProgrammeDelta(Strict):
    programme: Id
    delta: float = Field(ge=-100, le=100)


class SlipChange(Strict):
    programme: Id
    milestone: Id | None = Field(
        None, description="The milestone to slip; the next unflown one when left out."
    )
    turns: int = Field(ge=1, le=40, description="Turns the milestone and everything after it slips.")


class OverrunChange(Strict):
    programme: Id
    percent: float = Field(ge=0, le=200, description="Remaining cost of every open build grows by this much.")


class Membership(Strict):
    agency: Id
    programme: Id


class StatusChange(Strict):
    programme: Id
    status: Literal["active", "restructured", "cancelled"]


class CapabilityChange(Strict):
    area: Id
    delta: int = Field(ge=-5, le=5)


class FollowUp(Strict):
    event: Id
    delay: int = Field(1, ge=0, le=80, description="Turns until the follow-up fires.")


class Effect(Strict):
    """What happens: any of these keys may be combined in one effect."""

    money: float = Field(0, description="M$ added to (or taken from) the player's money.")
    science: float = 0
    prestige: float = 0
    support: float = Field(0, description="Points of domestic support, which is kept within 0..100.")
    astronauts: int = 0
    budget: float = Field(
        0, ge=-90, le=200, description="Percent change of the player's next appropriations (adds up)."
    )
    relations: list[RelationChange] = []
    health: list[ProgrammeDelta] = Field([], description="Programme health changes.")
    slip: list[SlipChange] = []
    overrun: list[OverrunChange] = []
    join: list[Membership] = Field([], description="Agencies that join a programme.")
    leave: list[Membership] = Field([], description="Agencies that leave a programme.")
    status: list[StatusChange] = []
    capability: list[CapabilityChange] = []
    set_flags: list[Id] = []
    clear_flags: list[Id] = []
    follow_up: list[FollowUp] = []


# ---------------------------------------------------------------- agencies


class Policy(Strict):
    """How a computer-run agency behaves."""

    preferences: dict[Id, float] = Field(
        {}, description="Programme id to affinity (0..1): how much the agency wants to be in it."
    )
    boldness: Probability = Field(0.3, description="Chance per turn that the agency makes a move.")
    loyalty: Probability = Field(0.7, description="Resistance to leaving a programme in trouble.")
    reliability: Probability = Field(0.9, description="Chance its contributions stay on schedule each turn.")
    funding: float = Field(0.4, ge=0, le=5, description="Health its membership adds to a programme per turn.")


class Agency(Strict):
    id: Id
    name: str = Field(max_length=80)
    short: str = Field(max_length=12, description="A short name for tables.")
    bloc: Id = Field(description="The political bloc; see 'blocs'.")
    playable: bool = False
    description: str = ""
    budget: Money = Field(ge=0, le=100_000, description="Lunar appropriation per year at 50% support, M$.")
    money: Money = Field(0, ge=-10_000, le=100_000, description="Money in hand at the start, M$.")
    support: Percent = 50
    prestige: float = Field(0, ge=0, le=1000)
    science: float = Field(0, ge=0, le=100_000)
    astronauts: int = Field(0, ge=0, le=100)
    capabilities: dict[Id, int] = Field({}, description="Capability area to level, 0..5.")
    relations: dict[Id, RelationValue] = Field(
        {}, description="Agency id to starting relation, -100..100 (relations are mutual)."
    )
    policy: Policy = Field(default_factory=Policy)

    @field_validator("capabilities")
    @classmethod
    def _levels(cls, value: dict[str, int]) -> dict[str, int]:
        for area, level in value.items():
            if not 0 <= level <= 5:
                raise ValueError(f"capability '{area}' is {level}; levels run from 0 to 5")
        return value


class Bloc(Strict):
    id: Id
    name: str


class CapabilityArea(Strict):
    id: Id
    name: str
    description: str = ""


# ---------------------------------------------------------------- programmes


class Rewards(Strict):
    crew_seats: int = Field(0, ge=0, le=20, description="Seats on the programme's crewed flights.")
    science_per_turn: float = Field(0, ge=0, le=1000)
    prestige: float = Field(0, ge=0, le=1000)
    support: float = Field(0, ge=0, le=100)
    budget: float = Field(
        0, ge=0, le=100, description="Industrial return: percent added to next appropriations."
    )


class Milestone(Strict):
    id: Id
    name: str
    description: str = ""
    planned: Date
    requires: list[Ref] = Field(
        [], description="Milestones that must have flown first ('id' or 'programme.id')."
    )
    needs: list[Id] = Field([], description="Contributions of this programme that must be delivered first.")
    success: Probability = Field(0.92, description="Chance the milestone succeeds when it flies.")
    crew: Literal["none", "orbit", "surface"] = Field("none", description="Where a crew goes, if any.")
    prestige: float = Field(5, ge=0, le=1000, description="Prestige for every member when it flies.")
    science: float = Field(0, ge=0, le=1000, description="Science for every member when it flies.")
    final: bool = Field(False, description="The programme is complete once this milestone flies.")


class Contribution(Strict):
    """An open slot a partner can fill: a module, an instrument or a service."""

    id: Id
    name: str
    kind: Literal["module", "instrument", "service"] = "module"
    description: str = ""
    cost: Money = Field(gt=0, le=100_000, description="Total cost, paid in equal parts over the build.")
    build_turns: int = Field(ge=1, le=80)
    requires: dict[Id, int] = Field({}, description="Capability area to the minimum level needed.")
    flies_on: Id | None = Field(
        None, description="The milestone that carries it; rewards arrive when it flies."
    )
    rewards: Rewards = Field(default_factory=Rewards)
    taken_by: Id | None = Field(None, description="The agency already building it at the start.")


class Admission(Strict):
    min_relation: RelationValue = Field(0, description="Lowest relation with every lead that may apply.")
    condition: Condition | None = Field(
        None, description="A further condition on the applicant (the player)."
    )
    base_chance: Probability = Field(
        0.6, description="Chance an application is accepted before relations count; 1 always accepts."
    )


class Programme(Strict):
    id: Id
    name: str
    short: str = Field(max_length=12)
    kind: Literal["orbit", "surface", "orbit_and_surface", "national"] = "orbit"
    description: str = ""
    leads: list[Id] = Field(min_length=1)
    members: list[Id] = []
    health: Percent = 70
    base_health: Percent = Field(60, description="Where health drifts without partners or trouble.")
    open: bool = Field(True, description="Whether the programme accepts applications.")
    admission: Admission = Field(default_factory=Admission)
    on_join: list[Effect] = Field(
        [], description="Effects when an agency joins; relation changes without 'of' apply to the joiner."
    )
    member_drift: dict[Id, float] = Field(
        {}, description="Agency id to relation change per turn with every member of this programme."
    )
    milestones: list[Milestone] = Field(min_length=1)
    contributions: list[Contribution] = []


class Mission(Strict):
    """A national mission: the go-alone path."""

    id: Id
    name: str
    description: str = ""
    cost: Money = Field(gt=0, le=100_000)
    build_turns: int = Field(ge=1, le=80)
    requires: dict[Id, int] = {}
    success: Probability = 0.8
    crew: Literal["none", "orbit", "surface"] = "none"
    repeatable: bool = False
    after: Id | None = Field(None, description="A national mission that must have succeeded first.")
    rewards: Rewards = Field(default_factory=Rewards)
    science: float = Field(0, ge=0, le=1000, description="Science when it succeeds.")


# ---------------------------------------------------------------- events


class Choice(Strict):
    id: Id
    label: str = Field(max_length=80)
    text: str = ""
    effects: list[Effect] = []
    ai_weight: float = Field(1, ge=0, le=100, description="How likely a bot picks this choice.")


class Event(Strict):
    id: Id
    title: str
    text: str = ""
    after: Date | None = Field(None, description="Earliest date it can fire.")
    before: Date | None = Field(None, description="Latest date it can fire.")
    when: Condition | None = None
    chance: Probability = Field(1.0, description="Chance per turn once the date window and condition hold.")
    repeat: bool = Field(False, description="Fire again after the cooldown instead of once.")
    cooldown: int = Field(4, ge=1, le=200, description="Turns between repeats.")
    triggered_only: bool = Field(False, description="Fires only as another event's follow-up.")
    effects: list[Effect] = Field([], description="Effects as it fires, before any choice.")
    choices: list[Choice] = Field([], description="The player's options; none means news only.")


# ---------------------------------------------------------------- the whole scenario


class Objective(Strict):
    id: Id
    name: str
    description: str = ""
    when: Condition | None = Field(None, description="Reached the first turn this holds (by 'by').")
    by: Date | None = Field(None, description="Deadline for 'when'.")
    points: float = Field(10, ge=0, le=1000)
    scale: Expression | None = Field(
        None, description="Instead of 'when': points = min(points, value of this expression) at the end."
    )

    def model_post_init(self, __context: Any) -> None:
        if (self.when is None) == (self.scale is None):
            raise ValueError("an objective has exactly one of 'when' or 'scale'")


class Defeat(Strict):
    support_below: Percent = Field(10, description="Support at or under this ends the campaign.")
    insolvent_turns: int = Field(
        4, ge=1, le=40, description="Turns in a row with negative money that end it."
    )


class Calendar(Strict):
    start: Date
    end: Date
    turn_months: Literal[1, 3, 6, 12] = 3


class Rules(Strict):
    """Tunable numbers of the turn: every default is documented and overridable per scenario."""

    slip_chance: Probability = Field(0.06, description="Base chance per turn that a due milestone slips.")
    slip_from_strain: Probability = Field(0.25, description="Extra slip chance at zero health.")
    overrun_chance: Probability = Field(0.03, description="Base chance per turn of a build overrun.")
    overrun_from_strain: Probability = Field(0.12, description="Extra overrun chance at zero health.")
    overrun_percent: float = Field(15, ge=0, le=200, description="Remaining cost added by an overrun.")
    health_drift: Probability = Field(0.1, description="Share of the gap to target health closed per turn.")
    restructure_below: Percent = Field(25, description="Health under which a programme is restructured.")
    cancel_below: Percent = Field(10, description="Health under which a restructured programme is cancelled.")
    support_drift: Probability = Field(0.05, description="Share of the gap to 50 support closed per turn.")
    prestige_decay: Probability = Field(0.01, description="Share of prestige lost per turn.")
    support_budget_effect: float = Field(
        0.8, ge=0, le=2, description="Budget swing between 0 and 100 support (0.8: 60% to 140%)."
    )
    capability_cost: Money = Field(
        60, ge=0, description="Cost of the next capability level, times that level."
    )
    capability_max: int = Field(5, ge=1, le=10)
    diplomacy_cost: Money = Field(20, ge=0, description="Cost of a diplomatic initiative.")
    diplomacy_gain: float = Field(8, ge=0, le=100, description="Most relation points one initiative gains.")
    underfunded_strain: float = Field(2, ge=0, le=100, description="Health lost per stalled build per turn.")
    withdraw_penalty: float = Field(25, ge=0, le=100, description="Relation lost with leads on withdrawing.")
    withdraw_support: float = Field(5, ge=0, le=100, description="Support lost on withdrawing.")
    rejection_penalty: float = Field(5, ge=0, le=100, description="Relation lost with leads on rejection.")
    crew_prestige: float = Field(25, ge=0, le=1000, description="Prestige for a crewed lunar flight.")
    crew_support: float = Field(8, ge=0, le=100, description="Support for a crewed lunar flight.")
    failure_support: float = Field(6, ge=0, le=100, description="Support lost when a mission fails.")


class Scenario(Strict):
    """One scenario file: a whole campaign."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    schema_version: Literal[1] = Field(SCHEMA_VERSION, description="Version of this file format.")
    id: Id
    title: str = Field(max_length=120)
    description: str = ""
    extends: str | None = Field(
        None, description="Another scenario (id or relative path) this file overrides and adds to."
    )
    calendar: Calendar
    rules: Rules = Field(default_factory=Rules)
    blocs: list[Bloc] = Field(min_length=1)
    capabilities: list[CapabilityArea] = Field(min_length=1)
    agencies: list[Agency] = Field(min_length=1)
    programmes: list[Programme] = []
    missions: list[Mission] = []
    events: list[Event] = []
    objectives: list[Objective] = Field(min_length=1)
    victory_score: float = Field(50, ge=0, description="Score at the end that counts as a win.")
    defeat: Defeat = Field(default_factory=Defeat)

    def playable_agencies(self) -> list[Agency]:
        return [agency for agency in self.agencies if agency.playable]


ConditionTree.model_rebuild()
