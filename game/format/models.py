"""Pydantic models of a scenario file: the source of the JSON Schema and the reference docs.

Every model forbids unknown keys, so a typo is an error with its line and column. Numbers a
scenario author may want to change live here as documented defaults, never in the engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    field_validator,
)

from game.format.dates import DATE_PATTERN, parse_date
from game.format.expressions import MAX_NUMBER
from game.format.happenings import HAPPENINGS
from game.format.metadata import MAX_REQUIREMENT_LENGTH, check_requirement
from game.format.spelling import DATE, EXPRESSION, ID, REF
from game.i18n import N_
from game.printable import PlainText

SCHEMA_VERSION = 1
#: The level a campaign is played at unless the scenario's 'default_difficulty' names another;
#: the state, saves and replays record a level only when it is another.
DEFAULT_DIFFICULTY = "normal"

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40),
    Field(description="An id: lower-case letters, digits and underscores, starting with a letter."),
    ID,
]
#: The word that names the playing agency wherever an effect names an agency: one event serves
#: every playable agency. No agency may take it as its id.
PLAYER = "player"

Ref = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$", max_length=81),
    Field(description="A milestone or contribution id, or 'programme.id' to name another programme's."),
    REF,
]
#: An id, or a placeholder for a happening's detail (the checks say which fits where).
PLACEHOLDER_OR_ID = r"^([a-z][a-z0-9_]*|\$agency|\$programme)$"
#: An agency's id in an effect, or '$agency': the agency of the happening a hooked event answers.
AgencyTarget = Annotated[
    str,
    StringConstraints(pattern=PLACEHOLDER_OR_ID, max_length=40),
    Field(description="An agency id, or '$agency' in an event with 'on:': the happening's agency."),
]
#: A programme's id in an effect, or '$programme': the programme of the happening a hooked event answers.
ProgrammeTarget = Annotated[
    str,
    StringConstraints(pattern=PLACEHOLDER_OR_ID, max_length=40),
    Field(description="A programme id, or '$programme' in an event with 'on:': the happening's programme."),
]
Date = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    Field(description="A date: 'YYYY-QN' (a quarter) or 'YYYY-MM' (a month)."),
    DATE,
]
Expression = Annotated[
    str,
    StringConstraints(min_length=1, max_length=400),
    Field(
        description="An expression of the safe condition language, "
        "e.g. 'year >= 2023 and relation(\"nasa\") > 40'."
    ),
    EXPRESSION,
]


def _number_tag(value: Any) -> str:
    return "number-expression" if isinstance(value, str) else "literal-number"


#: A number an effect writes: a finite number within the expressions' bound, or an expression of
#: the language that gives one (worked out when the effect applies).
NumberOrExpression = Annotated[
    Annotated[
        Annotated[float, AllowInfNan(False), Field(ge=-MAX_NUMBER, le=MAX_NUMBER)], Tag("literal-number")
    ]
    | Annotated[Expression, Tag("number-expression")],
    Discriminator(_number_tag),
    Field(
        description=f"A number (at most {MAX_NUMBER:,} either way), or an expression giving one, "
        "e.g. 'var(\"launch_failures\") + 1'."
    ),
]
#: A variable's starting value.
StartingValue = Annotated[
    float,
    AllowInfNan(False),
    Field(ge=-MAX_NUMBER, le=MAX_NUMBER, description="A number, at most 1,000,000,000 either way."),
]


def empty_list(description: str) -> Any:
    """An optional list, empty by default: built fresh per model instead of deep-copying a
    shared ``[]`` on every validation (a fifth of the load of a file with 10,000 events)."""
    return Field(default_factory=list, description=description, json_schema_extra={"default": []})


def empty_map(description: str) -> Any:
    """An optional mapping, empty by default (see ``empty_list``)."""
    return Field(default_factory=dict, description=description, json_schema_extra={"default": {}})


GameRequirement = Annotated[
    str,
    StringConstraints(max_length=MAX_REQUIREMENT_LENGTH),
    AfterValidator(check_requirement),
    Field(description="Game versions: comparisons such as '>=0.2' joined by commas."),
]


#: Every fractional number of a scenario: never infinity or NaN (YAML's ``.inf``, ``1e400``), and
#: every field using it also states its range, so no number can break the arithmetic or a save.
Finite = Annotated[
    float,
    AllowInfNan(False),
    Field(description="A finite number (never .inf or .nan), within the range its key gives."),
]
Probability = Annotated[Finite, Field(ge=0, le=1)]
#: The top of a percentage (health, support) and the bounds of a relation, for the engine's clamps too.
PERCENT_MAX = 100
RELATION_MAX = 100
Percent = Annotated[Finite, Field(ge=0, le=PERCENT_MAX)]
RelationValue = Annotated[Finite, Field(ge=-RELATION_MAX, le=RELATION_MAX)]
Money = Annotated[Finite, Field(description="Millions of US dollars.")]
MAX_MONEY = 100_000  # M$: the most any amount of a scenario may be
Level = Annotated[int, Field(ge=0, le=10)]  # a capability level (capability_max is at most 10)


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
    """A change of the relation between two agencies."""

    agency: AgencyTarget = Field(description="The agency whose relation changes.")
    delta: Finite = Field(ge=-200, le=200, description="Points added to the relation (-100..100).")
    of: AgencyTarget | None = Field(
        None, description="The other side of the relation; the player (or the joiner) when left out."
    )


class ProgrammeDelta(Strict):
    """A change of a programme's health."""

    programme: ProgrammeTarget = Field(description="The programme.")
    delta: Finite = Field(ge=-100, le=100, description="Points added to its health.")


class SlipChange(Strict):
    """A schedule slip of a programme."""

    programme: ProgrammeTarget = Field(description="The programme whose schedule slips.")
    milestone: Id | None = Field(
        None, description="The milestone to slip; the next unflown one when left out."
    )
    turns: int = Field(ge=1, le=40, description="Turns the milestone slips; milestones that need it follow.")


class OverrunChange(Strict):
    """A cost overrun on a programme's builds."""

    programme: ProgrammeTarget = Field(description="The programme whose builds cost more.")
    percent: Finite = Field(
        ge=0, le=200, description="Remaining cost of every open build grows by this much."
    )


class Membership(Strict):
    """An agency and a programme."""

    agency: AgencyTarget = Field(description="The agency.")
    programme: ProgrammeTarget = Field(description="The programme.")


class StatusChange(Strict):
    """A programme's new status."""

    programme: ProgrammeTarget = Field(description="The programme.")
    status: Literal["active", "restructured", "cancelled"] = Field(description="Its new status.")


class CapabilityChange(Strict):
    """A change of one of the player's capability levels."""

    area: Id = Field(description="The capability area.")
    delta: int = Field(ge=-5, le=5, description="Levels added (or taken away).")


class FollowUp(Strict):
    """An event that fires some turns later."""

    event: Id = Field(description="The event to fire (usually one marked triggered_only).")
    delay: int = Field(1, ge=0, le=80, description="Turns until the follow-up fires.")


class VariableChange(Strict):
    """A numeric variable set or added to: a global one, or one agency's own."""

    name: Id = Field(description="The variable, read with var(...) (or agency_var / my_var for an agency's).")
    agency: Id | None = Field(
        None,
        description="The agency whose variable it is ('player' for the playing agency); a global "
        "variable when left out.",
    )
    set: NumberOrExpression | None = Field(None, description="Its new value.")
    add: NumberOrExpression | None = Field(None, description="Added to its value (an unset variable is 0).")

    def model_post_init(self, __context: Any) -> None:
        if (self.set is None) == (self.add is None):
            raise ValueError("a variable change has exactly one of 'set' or 'add'")


class AgencyFlagChange(Strict):
    """Flags of one agency set or cleared, beside the global flags."""

    agency: Id = Field(description="The agency whose flags change ('player' for the playing agency).")
    set: list[Id] = empty_list(description="Flags to set, read with agency_flag(...) (or my_flag).")
    clear: list[Id] = empty_list(description="Flags to clear.")


class PolicyChange(Strict):
    """New values for a computer-run agency's policy; the keys left out keep their values."""

    agency: Id = Field(description="The agency whose policy changes ('player' for the playing agency).")
    preferences: dict[Id, Probability] = empty_map(
        description="Programme id to its new affinity (0..1); 0 stops the agency wanting it."
    )
    boldness: Probability | None = Field(None, description="The new chance per turn of making a move.")
    loyalty: Probability | None = Field(None, description="The new resistance to leaving a programme.")
    reliability: Probability | None = Field(
        None, description="The new chance its contributions stay on schedule each turn."
    )
    funding: Finite | None = Field(
        None, ge=0, le=5, description="The new health its membership adds to a programme per turn."
    )


class PerTurn(Strict):
    """What a timed modifier adds (or takes) at the end of every turn while it lasts."""

    money: Money = Field(
        0, ge=-MAX_MONEY, le=MAX_MONEY, description="M$ added to (or taken from) the money every turn."
    )
    science: Finite = Field(0, ge=-1000, le=1000, description="Science points added every turn.")
    prestige: Finite = Field(0, ge=-1000, le=1000, description="Prestige added every turn.")
    support: Finite = Field(0, ge=-100, le=100, description="Points of support added every turn.")


#: The keys a timed effect (one with 'duration' or 'until') may hold: its name, its timing, what
#: is undone when it ends and what it does every turn. Anything else happens once and cannot be
#: undone (money spent, a slip, a join): it goes in an effect of its own, without a duration.
TIMED_KEYS = frozenset(
    {
        "modifier",
        "agency",
        "duration",
        "until",
        "per_turn",
        "budget",
        "relations",
        "health",
        "capability",
        "set_flags",
        "clear_flags",
    }
)
MAX_MODIFIER_TURNS = 200


class Effect(Strict):
    """What happens: any of these keys may be combined in one effect."""

    money: Money = Field(
        0, ge=-MAX_MONEY, le=MAX_MONEY, description="M$ added to (or taken from) the player's money."
    )
    science: Finite = Field(0, ge=-100_000, le=100_000, description="Science points added to the player's.")
    prestige: Finite = Field(0, ge=-1000, le=1000, description="Prestige added to the player's.")
    support: Finite = Field(
        0, ge=-100, le=100, description="Points of domestic support, which is kept within 0..100."
    )
    astronauts: int = Field(0, ge=-100, le=100, description="Astronauts added to the player's corps.")
    budget: Finite = Field(
        0, ge=-90, le=200, description="Percent change of the player's next appropriations (adds up)."
    )
    relations: list[RelationChange] = empty_list(description="Relation changes.")
    health: list[ProgrammeDelta] = empty_list(description="Programme health changes.")
    slip: list[SlipChange] = empty_list(description="Milestones that slip.")
    overrun: list[OverrunChange] = empty_list(description="Cost overruns on a programme's open builds.")
    join: list[Membership] = empty_list(description="Agencies that join a programme.")
    leave: list[Membership] = empty_list(description="Agencies that leave a programme.")
    status: list[StatusChange] = Field(
        [], description="Programme status changes: restructured, cancelled, or back to active."
    )
    capability: list[CapabilityChange] = empty_list(description="Capability level changes for the player.")
    set_flags: list[Id] = empty_list(description="Flags to set, for conditions to read with flag(...).")
    clear_flags: list[Id] = empty_list(description="Flags to clear.")
    follow_up: list[FollowUp] = empty_list(description="Events that fire after a delay.")
    vars: list[VariableChange] = empty_list(
        description="Numeric variables set or added to, in order, for conditions to read with var(...)."
    )
    agency_flags: list[AgencyFlagChange] = empty_list(description="Flags of one agency set or cleared.")
    modifier: Id | None = Field(
        None,
        description="Makes the effect a timed modifier of this name, which 'duration' or 'until' ends: "
        "its budget, relations, health, capability and flag changes are undone when it ends. "
        'modifier("name") reads whether it is active.',
    )
    duration: int | None = Field(
        None,
        ge=1,
        le=MAX_MODIFIER_TURNS,
        description="Turns the modifier lasts, this one included (with 'until': whichever comes first).",
    )
    until: Expression | None = Field(
        None, description="The modifier ends at the end of the first turn this condition holds."
    )
    per_turn: PerTurn | None = Field(
        None, description="What the modifier adds (or takes) at the end of every turn while it lasts."
    )

    def timed(self) -> bool:
        """Whether this effect is a timed modifier (undone when it ends) rather than a one-off."""
        return self.modifier is not None

    agency: Id | None = Field(
        None,
        description="The agency money, science, prestige, support, astronauts, budget, capability and "
        "relations without 'of' apply to; the player (or the joiner) when left out. 'player' names the "
        "playing agency.",
    )
    policy: list[PolicyChange] = empty_list(description="Changes of computer-run agencies' policies.")
    announce: list[Id] = empty_list(
        description="Hidden programmes made public: their milestones fly and agencies may join them."
    )
    open: list[Id] = empty_list(description="Programmes that start taking new partners.")
    close: list[Id] = empty_list(description="Programmes that stop taking new partners.")
    admission: list[AdmissionChange] = empty_list(
        description="New admission rules, each replacing the whole rule of its programme."
    )


# ---------------------------------------------------------------- agencies


class Policy(Strict):
    """How a computer-run agency behaves."""

    preferences: dict[Id, Probability] = Field(
        {}, description="Programme id to affinity (0..1): how much the agency wants to be in it."
    )
    boldness: Probability = Field(0.3, description="Chance per turn that the agency makes a move.")
    loyalty: Probability = Field(0.7, description="Resistance to leaving a programme in trouble.")
    reliability: Probability = Field(0.9, description="Chance its contributions stay on schedule each turn.")
    funding: Finite = Field(
        0.4, ge=0, le=5, description="Health its membership adds to a programme per turn."
    )


class Astronaut(Strict):
    """A named member of an agency's astronaut corps."""

    name: PlainText = Field(
        max_length=60, description="The astronaut's name, as the news and the corps show it."
    )
    readiness: Percent = Field(
        50,
        description="Readiness at the start, 0..100: training raises it; the readier the crew, the lower "
        "the odds of a loss on a flight (the rules' loss_chance and loss_unready).",
    )
    flights: int = Field(0, ge=0, le=20, description="Spaceflights flown before the campaign starts.")


#: The most astronauts a corps may start with, and the most names a recruits list may give.
MAX_CORPS = 100
MAX_RECRUITS = 200


def _corps_tag(value: Any) -> str:
    return "named" if isinstance(value, list) else "count"


Corps = Annotated[
    Annotated[Annotated[int, Field(ge=0, le=MAX_CORPS)], Tag("count")]
    | Annotated[Annotated[list[Astronaut], Field(max_length=MAX_CORPS)], Tag("named")],
    Discriminator(_corps_tag),
]
RecruitName = Annotated[PlainText, Field(max_length=60)]


class PlanStep(Strict):
    """One flight of a computer-run agency's own national plan (its 'plan'), flown without the player.

    Steps start in the plan's order once their date has come, the step they follow has flown and
    their condition holds; a step under way moves on each turn with the chance of the agency's
    policy reliability, slowed when its cost per year is more than the agency's budget (a
    budget an event cuts slows it), and flies when its turns are done: one draw of ``success``.
    """

    id: Id = Field(description="The step's id, unique within the agency's plan.")
    name: PlainText = Field(max_length=80, description="Its name, as the news and the rivals screen say it.")
    description: PlainText = Field("", description="What it is.")
    start: Date = Field(description="The earliest date its build starts.")
    after: Id | None = Field(
        None, description="A step of the same plan that must have flown first (successfully or not)."
    )
    when: Condition | None = Field(
        None,
        description="A condition that must hold for it to start and to move on (conditions read the "
        "player's state, the flags and the variables: agency_flag(...) of this agency, say).",
    )
    cost: Money = Field(gt=0, le=MAX_MONEY, description="Total cost, paid in equal parts over the build.")
    build_turns: int = Field(ge=1, le=80, description="Turns of work the build takes.")
    success: Probability = Field(0.8, description="Chance it succeeds when it flies.")
    attempts: int = Field(
        1, ge=1, le=5, description="Flights tried before it is given up (a failed one is built again)."
    )
    earns: list[Id] = empty_list(
        description="Achievements of the scenario's 'race' a success earns the agency."
    )
    prestige: Finite = Field(0, ge=0, le=1000, description="Prestige for the agency when it succeeds.")
    science: Finite = Field(0, ge=0, le=1000, description="Science for the agency when it succeeds.")


class Agency(Strict):
    """A space agency, run by the player or by the computer."""

    id: Id = Field(description="The agency's id, used everywhere else in the file.")
    name: PlainText = Field(max_length=80, description="Its full name.")
    short: PlainText = Field(max_length=12, description="A short name for tables.")
    short_article: Literal["a", "an"] | None = Field(
        None,
        description="The article before the short name in texts ({a player_short}) when the spoken "
        "rule guesses wrong, e.g. 'an' for an 'FAA' read letter by letter.",
    )
    bloc: Id = Field(description="The political bloc; see 'blocs'.")
    playable: bool = Field(False, description="Whether a player may run this agency.")
    description: PlainText = Field("", description="Shown when the player picks an agency.")
    budget: Money = Field(
        ge=0,
        le=MAX_MONEY,
        description="Lunar appropriation per year at the rules' support_rest (50% support), M$.",
    )
    money: Money = Field(0, ge=-10_000, le=MAX_MONEY, description="Money in hand at the start, M$.")
    victory_score: Finite | None = Field(
        None,
        ge=0,
        le=100_000,
        description="The score at the end that counts as a win when a player runs this agency: an "
        "ambition to its size (a small agency cannot score what a large one does). Left out: the "
        "scenario's 'victory_score'. Only for a playable agency.",
    )
    support: Percent = Field(50, description="Domestic support at the start, 0..100.")
    prestige: Finite = Field(0, ge=0, le=1000, description="Prestige at the start.")
    science: Finite = Field(0, ge=0, le=100_000, description="Science points at the start.")
    astronauts: Corps = Field(
        0,
        description="Its astronaut corps at the start: a number, or a list of named astronauts (name, "
        "readiness, flights), whom the player selects, trains and assigns to the seats it earns.",
    )
    recruits: list[RecruitName] = Field(
        [],
        max_length=MAX_RECRUITS,
        description="Names a selection round (and an effect's 'astronauts') draws new astronauts from, "
        "in an order drawn from the campaign's generator; needs a named corps.",
    )
    capabilities: dict[Id, Annotated[int, Field(ge=0, le=5)]] = empty_map(
        description="Capability area to level, 0..5."
    )
    research: list[Id] = empty_list(
        description="Projects of the scenario's 'research' tree the agency has done before the campaign "
        "(their prerequisites are implied): a player running it starts with them done. Its "
        "'capabilities' are its levels: the projects' unlocks are not added to them."
    )
    relations: dict[Id, RelationValue] = Field(
        {}, description="Agency id to starting relation, -100..100 (relations are mutual)."
    )
    policy: Policy = Field(
        default_factory=Policy, description="How the computer runs it when no player does."
    )
    variables: dict[Id, StartingValue] = empty_map(
        description="Starting values of its own variables (read with agency_var / my_var); others start at 0."
    )
    plan: list[PlanStep] = Field(
        [],
        max_length=40,
        description="Its own national missions, flown by the computer when no player runs it (see the "
        "scenario's 'race'): the race moves without the player.",
    )

    @property
    def named_corps(self) -> bool:
        """Whether its astronauts are people (a list) rather than a number."""
        return isinstance(self.astronauts, list)

    @property
    def astronaut_count(self) -> int:
        """How many astronauts it starts with, named or not."""
        return len(self.astronauts) if isinstance(self.astronauts, list) else self.astronauts


class Bloc(Strict):
    """A political bloc."""

    id: Id = Field(description="The bloc's id, named by agencies' 'bloc'.")
    name: PlainText = Field(description="Its name.")


class CapabilityArea(Strict):
    """A technology area in which agencies hold levels."""

    id: Id = Field(description="The area's id, named in 'capabilities' and 'requires' maps.")
    name: PlainText = Field(description="Its name.")
    description: PlainText = Field("", description="What the area covers.")


# ---------------------------------------------------------------- programmes


class Rewards(Strict):
    """What a contribution or a mission earns."""

    crew_seats: int = Field(0, ge=0, le=20, description="Seats on the programme's crewed flights.")
    surface_seats: int = Field(0, ge=0, le=20, description="Seats on the programme's crewed landings only.")
    science_per_turn: Finite = Field(0, ge=0, le=1000, description="Science every turn once in service.")
    prestige: Finite = Field(0, ge=0, le=1000, description="Prestige once, when in service.")
    support: Finite = Field(0, ge=0, le=100, description="Support once, when in service.")
    budget: Finite = Field(
        0, ge=0, le=100, description="Industrial return: percent added to next appropriations."
    )


class Milestone(Strict):
    """A step of a programme: a launch, an assembly, a crew visit."""

    id: Id = Field(description="The milestone's id, unique within its programme.")
    name: PlainText = Field(description="Its name.")
    description: PlainText = Field("", description="What it is.")
    planned: Date = Field(description="The date it is planned for; slips move it later.")
    requires: list[Ref] = Field(
        [], description="Milestones that must have flown first ('id' or 'programme.id')."
    )
    needs: list[Id] = empty_list(description="Contributions of this programme that must be delivered first.")
    success: Probability = Field(0.92, description="Chance the milestone succeeds when it flies.")
    crew: Literal["none", "orbit", "surface"] = Field("none", description="Where a crew goes, if any.")
    prestige: Finite = Field(5, ge=0, le=1000, description="Prestige for every member when it flies.")
    science: Finite = Field(0, ge=0, le=1000, description="Science for every member when it flies.")
    final: bool = Field(False, description="The programme is complete once this milestone flies.")
    attempts: int | None = Field(
        None,
        ge=1,
        le=100,
        description="How many times it is tried; after the last failure it is given up (it counts as "
        "flown, and failed, for what requires it). None: tried again until it succeeds.",
    )


class Contribution(Strict):
    """An open slot a partner can fill: a module, an instrument or a service."""

    id: Id = Field(description="The contribution's id, unique within its programme.")
    name: PlainText = Field(description="Its name.")
    kind: Literal["module", "instrument", "service"] = Field(
        "module", description="What it is: hardware module, instrument or service."
    )
    description: PlainText = Field("", description="What it is.")
    cost: Money = Field(gt=0, le=MAX_MONEY, description="Total cost, paid in equal parts over the build.")
    build_turns: int = Field(ge=1, le=80, description="Turns the build takes.")
    requires: dict[Id, Level] = empty_map(description="Capability area to the minimum level needed.")
    flies_on: Id | None = Field(
        None, description="The milestone that carries it; rewards arrive when it flies."
    )
    rewards: Rewards = Field(default_factory=Rewards, description="What the builder earns.")
    taken_by: Id | None = Field(None, description="The agency already building it at the start.")
    reliability: Probability | None = Field(
        None,
        description="Base reliability of the flight that delivers it, when the scenario has 'flights': "
        "the player's build then waits for its launch window instead of being delivered at once. "
        "None: the 'flights' base of its kind, if any.",
    )


class Admission(Strict):
    """Who may join a programme."""

    min_relation: RelationValue = Field(0, description="Lowest relation with every lead that may apply.")
    condition: Condition | None = Field(
        None, description="A further condition on the applicant (the player)."
    )
    base_chance: Probability = Field(
        0.6, description="Chance an application is accepted before relations count; 1 always accepts."
    )
    refusal: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="The sentence a refused applicant reads when the condition does not hold; without "
        "it the game names the part of the condition that failed, with the applicant's figures.",
    )


class AdmissionChange(Admission):
    """A programme's new admission rule: it replaces the old one whole (left-out keys take defaults)."""

    programme: Id = Field(description="The programme whose admission rule changes.")


class Programme(Strict):
    """A lunar programme partners can join: ISLS, ILRS, Gateway, or one of yours."""

    id: Id = Field(description="The programme's id.")
    name: PlainText = Field(description="Its full name.")
    short: PlainText = Field(max_length=12, description="A short name for tables.")
    short_article: Literal["a", "an"] | None = Field(
        None,
        description="The article before the short name in texts ({a player_short}) when the spoken "
        "rule guesses wrong, e.g. 'an' for an 'FAA' read letter by letter.",
    )
    kind: Literal["orbit", "surface", "orbit_and_surface", "national"] = Field(
        "orbit", description="Where it works: in lunar orbit, on the surface, both, or a national effort."
    )
    description: PlainText = Field("", description="Shown in the programme's panel.")
    leads: list[Id] = Field(min_length=1, description="The agencies that run it (at least one).")
    members: list[Id] = empty_list(description="Partners at the start, besides the leads.")
    health: Percent = Field(70, description="Health at the start, 0..100: funding, partners and politics.")
    base_health: Percent = Field(60, description="Where health drifts without partners or trouble.")
    open: bool = Field(True, description="Whether the programme accepts applications.")
    hidden: bool = Field(
        False,
        description="Not announced at the start: its milestones do not fly, its builds wait and no one "
        "joins it (nor sees it) until an effect's 'announce' names it.",
    )
    admission: Admission = Field(
        default_factory=Admission, description="Who may join, and the chance an application is accepted."
    )
    on_join: list[Effect] = Field(
        [], description="Effects when an agency joins; relation changes without 'of' apply to the joiner."
    )
    member_drift: dict[Id, Annotated[Finite, Field(ge=-100, le=100)]] = Field(
        {}, description="Agency id to relation change per turn with every member of this programme."
    )
    milestones: list[Milestone] = Field(min_length=1, description="Its milestones, in order.")
    contributions: list[Contribution] = empty_list(description="Open slots partners can fill.")


class Mission(Strict):
    """A national mission: the go-alone path."""

    id: Id = Field(description="The mission's id.")
    name: PlainText = Field(description="Its name.")
    description: PlainText = Field("", description="What it is.")
    cost: Money = Field(gt=0, le=MAX_MONEY)
    build_turns: int = Field(ge=1, le=80, description="Turns the build takes.")
    requires: dict[Id, Level] = empty_map(description="Capability area to the minimum level needed.")
    success: Probability = Field(0.8, description="Chance it succeeds when it flies.")
    crew: Literal["none", "orbit", "surface"] = Field("none", description="Where a crew goes, if any.")
    repeatable: bool = Field(False, description="Whether it can be flown again after a success.")
    after: Id | None = Field(None, description="A national mission that must have succeeded first.")
    rewards: Rewards = Field(default_factory=Rewards, description="What a success earns, besides science.")
    science: Finite = Field(0, ge=0, le=1000, description="Science when it succeeds.")
    reliability: Probability | None = Field(
        None,
        description="Base reliability of its flight when the scenario has 'flights' (it replaces "
        "'success'). None: the 'flights' base for missions, if any.",
    )


# ---------------------------------------------------------------- flights

#: What a flight can be: a national mission, or a contribution of one of these kinds.
FlightKind = Literal["mission", "module", "instrument", "service"]
#: The kinds of a contribution (and of its flight).
CONTRIBUTION_KINDS = ("module", "instrument", "service")


class Preparation(Strict):
    """A way to raise a flight's reliability before it launches: a test campaign, a review, a spare unit."""

    id: Id = Field(description="The preparation's id, unique among the preparations.")
    name: PlainText = Field(max_length=60, description="Its name, as the decisions and the news say it.")
    description: PlainText = Field("", description="What it is.")
    cost: Money = Field(ge=0, le=MAX_MONEY, description="What it costs each time, M$.")
    turns: int = Field(0, ge=0, le=20, description="Turns the launch slips while it is done.")
    gain: Probability = Field(description="Reliability it adds the first time (0.05: five points).")
    most: int = Field(1, ge=1, le=10, description="How many times one flight may have it.")


class Flights(Strict):
    """The player's national missions and contributions as flights with launch windows and odds.

    Without this section missions fly with their 'success' chance and contributions are
    delivered when built, as ever.
    """

    reliability: dict[FlightKind, Probability] = Field(
        {},
        description="Base reliability by kind: 'mission' for national missions, 'module', 'instrument' "
        "or 'service' for contributions. A kind not listed (and without its own 'reliability') does "
        "not fly: it is delivered when built.",
    )
    window_turns: int = Field(
        2, ge=1, le=20, description="Turns between the end of a build and its launch: the time to prepare."
    )
    per_level: Finite = Field(
        0.02,
        ge=0,
        le=0.5,
        description="Reliability added per capability level the agency holds above what the flight requires.",
    )
    cap: Probability = Field(
        0.97, description="The most reliability capability and preparation can bring a flight to."
    )
    diminishing: Probability = Field(
        0.5, description="Each repeat of a preparation gains this share of what the one before gained."
    )
    preparations: list[Preparation] = empty_list(
        description="What the player may do to raise a flight's reliability before launch."
    )
    hold_cost: Money = Field(
        10, ge=0, le=MAX_MONEY, description="What holding a launch for one turn costs, M$."
    )
    hold_most: int = Field(4, ge=0, le=40, description="How many times one launch may be held.")
    partial_share: Probability = Field(
        0.4, description="Share of the flights that do not succeed which still partly succeed."
    )
    crew_readiness: Finite = Field(
        0.1,
        ge=0,
        le=1,
        description="Reliability a crewed national mission gains from its astronaut's readiness (a named "
        "corps): this much at readiness 100, as much taken away at 0, none at 50.",
    )
    partial_reward: Probability = Field(
        0.5, description="Share of its rewards (science, prestige, support, budget) a partial success earns."
    )
    success_prestige: Finite = Field(
        3, ge=0, le=1000, description="Prestige a successful flight earns, besides its rewards."
    )
    success_science: Finite = Field(
        5, ge=0, le=1000, description="Science a successful flight earns, besides its rewards."
    )
    failure_prestige: Finite = Field(5, ge=0, le=1000, description="Prestige a failed flight costs.")
    failure_support: Finite = Field(6, ge=0, le=100, description="Support a failed flight costs.")
    rebuild_share: Probability = Field(
        0.5,
        description="Share of a contribution's cost and build turns its replacement takes after a failed "
        "flight (a failed national mission is built again whole).",
    )


# ---------------------------------------------------------------- research

#: A contribution named in full: 'programme.contribution'.
ContributionRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$", max_length=81),
    Field(description="A contribution, as 'programme.contribution'."),
    REF,
]
#: The most reliability one project may add to the player's flights of a kind.
MAX_RESEARCH_RELIABILITY = 0.5


class Unlocks(Strict):
    """What a research project gives the player once it is done."""

    levels: dict[Id, Level] = empty_map(
        description="Capability area to the level the player holds at least once the project is done "
        "(a higher level is kept)."
    )
    contributions: list[ContributionRef] = empty_list(
        description="Contributions ('programme.contribution') the player may build only once a project "
        "that names them is done (their capability levels still apply)."
    )
    missions: list[Id] = empty_list(
        description="National missions the player may start only once a project that names them is done."
    )
    reliability: dict[FlightKind, Annotated[Finite, Field(ge=0, le=MAX_RESEARCH_RELIABILITY)]] = empty_map(
        description="Reliability added to the player's flights of a kind once the project is done: "
        "'mission' (a national mission's flight, or its 'success' chance in a scenario without "
        "'flights'), 'module', 'instrument' or 'service' (a contribution's flight: needs 'flights')."
    )

    def empty(self) -> bool:
        return not (self.levels or self.contributions or self.missions or self.reliability)


class Project(Strict):
    """A research project: paid over its turns like a build, several under way at once."""

    id: Id = Field(description="The project's id, named by other projects' 'requires' and researched(...).")
    name: PlainText = Field(
        max_length=60, description="Its name, as the research screen and the news say it."
    )
    description: PlainText = Field(
        "", max_length=400, description="What it is (the research screen shows it)."
    )
    area: Id = Field(
        description="The capability area it belongs to: the research screen groups projects by it."
    )
    cost: Money = Field(gt=0, le=MAX_MONEY, description="Total cost, M$, paid in equal parts over its turns.")
    turns: int = Field(ge=1, le=80, description="Turns it takes, if paid every turn.")
    requires: list[Id] = empty_list(description="Projects that must be done before it can start.")
    when: Condition | None = Field(
        None, description="A further condition that must hold for it to start, e.g. 'year >= 2024'."
    )
    unlocks: Unlocks = Field(default_factory=Unlocks, description="What it gives once done.")


# ---------------------------------------------------------------- events


#: The largest number a weight may be written as (an expression's value is capped at play time).
MAX_WEIGHT = 10_000


def _weight_tag(value: Any) -> str:
    return "expression" if isinstance(value, str) else "number"


def _weight_shape(value: Any) -> Any:
    """A weight is a number or an expression in quotes: anything else says so, once."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("a weight is a number of 0 or more, or an expression that gives one")
    return value


Weight = Annotated[
    Annotated[Annotated[Finite, Field(ge=0, le=MAX_WEIGHT)], Tag("number")]
    | Annotated[Expression, Tag("expression")],
    Discriminator(_weight_tag),
    BeforeValidator(_weight_shape),
    Field(description="A number of 0 or more, or an expression that gives one (below 0 counts as 0)."),
]


class Outcome(Strict):
    """One of the ways a gamble can turn out, drawn by weight when it is played."""

    id: Id = Field(description="The outcome's id, unique within its list.")
    label: PlainText = Field(
        max_length=60, description="What it is called beside its odds, e.g. 'it holds' (60% it holds)."
    )
    text: PlainText = Field("", description="The story the news tells when it happens.")
    weight: Weight = Field(
        1.0,
        description="How likely it is beside the others (its chance is its share of all the weights): "
        "a number of 0 or more, or an expression that gives one, e.g. '2 + relation(\"nasa\") / 25', "
        "worked out when the roll is made (below 0 counts as 0).",
    )
    effects: list[Effect] = empty_list(description="What happens when it is drawn.")


class Choice(Strict):
    """One of an event's options."""

    id: Id = Field(description="The choice's id, unique within its event.")
    label: PlainText = Field(max_length=80, description="The text of the button.")
    text: PlainText = Field("", description="A longer explanation of the choice.")
    effects: list[Effect] = empty_list(description="What happens if it is chosen.")
    outcomes: list[Outcome] = empty_list(
        description="Ways it may turn out, one drawn by weight after its effects (the player sees the odds)."
    )
    ai_weight: Finite = Field(
        1,
        ge=0,
        le=100,
        description="How likely a scripted bot picks this choice; the planners answer with the highest"
        " of those that keep them on their road unless another does better in their playouts.",
    )

    def every_effect(self) -> Iterator[Effect]:
        """Every effect choosing it may apply: its own, then each of its outcomes'."""
        yield from self.effects
        for outcome in self.outcomes:
            yield from outcome.effects


HappeningName = Annotated[
    str,
    StringConstraints(max_length=40),
    WithJsonSchema({"enum": list(HAPPENINGS)}),
    Field(description="A kind of happening: " + ", ".join(HAPPENINGS) + "."),
]


class Hook(Strict):
    """What an event answers: a happening of the engine, and optionally which one."""

    happening: HappeningName = Field(description="The kind of happening (see 'Happenings' below).")
    agency: Id | None = Field(None, description="Only a happening of this agency.")
    programme: Id | None = Field(None, description="Only a happening of this programme.")
    milestone: Ref | None = Field(
        None, description="Only this milestone: 'programme.milestone', or its id with 'programme'."
    )
    contribution: Ref | None = Field(
        None, description="Only this contribution: 'programme.contribution', or its id with 'programme'."
    )
    mission: Id | None = Field(None, description="Only this national mission.")
    action: Id | None = Field(
        None, description="Only the player's actions of this kind ('apply', 'fund'...)."
    )
    year: int | None = Field(None, ge=0, le=9999, description="Only this fiscal year.")
    project: Id | None = Field(None, description="Only this research project.")
    achievement: Id | None = Field(None, description="Only this achievement of the scenario's 'race'.")


class Earning(Hook):
    """A happening that earns an achievement: the happening's filters, and who earns it."""

    earner: Id | None = Field(
        None,
        description="The agency that earns it (one of a milestone's leads, say); left out: the "
        "happening's agency, or for a happening without one the programme's leads.",
    )


class Achievement(Strict):
    """A "first" the agencies race for: the first agency to earn it gets the most prestige."""

    id: Id = Field(description="The achievement's id, read by achieved(...) and the other race functions.")
    name: PlainText = Field(max_length=60, description="Its name, as the news and the rivals screen say it.")
    short: PlainText | None = Field(
        None, max_length=14, description="A short name for the rivals screen's columns (else the name)."
    )
    description: PlainText = Field("", description="What earns it, in words.")
    when: Condition | None = Field(
        None,
        description="The player earns it the first turn this holds (expressions read the player's state).",
    )
    on: list[Earning] = Field(
        [],
        max_length=20,
        description="Happenings that earn it: for the 'earner' if given, else the happening's agency "
        "(one without an agency, a milestone's, earns it for the programme's leads).",
    )
    first: Finite = Field(20, ge=0, le=1000, description="Prestige for the first agency to earn it.")
    second: Finite = Field(8, ge=0, le=1000, description="Prestige for the second.")
    later: Finite = Field(2, ge=0, le=1000, description="Prestige for every later one.")
    bloc_first: Finite = Field(
        0,
        ge=0,
        le=1000,
        description="Prestige added for the first agency of its bloc, when an agency of another bloc "
        "was first (with first_among: world).",
    )
    first_among: Literal["world", "bloc", "self"] = Field(
        "world",
        description="Whose first it is: 'world', the first agency anywhere (then the second, the "
        "later ones); 'bloc', the first agency of each bloc (the first European in lunar orbit is "
        "first though an American was there before: 'first', 'second' and 'later' count within "
        "the bloc); 'self', each agency's own first (every agency that earns it earns 'first'). "
        "The news, the first_achieved happening and firsts_won follow it.",
    )


class Feat(Strict):
    """An achievement an agency earned before the campaign starts (history)."""

    achievement: Id = Field(description="The achievement.")
    agency: Id = Field(description="The agency that earned it.")
    date: Date = Field(description="When, before the campaign's start ('1966-Q1', '1969-07').")
    name: PlainText = Field("", max_length=60, description="The flight that earned it, e.g. 'Luna 9'.")


class Race(Strict):
    """The race for firsts: what the agencies race for, and who had earned what before the start."""

    achievements: list[Achievement] = Field(
        min_length=1,
        max_length=40,
        description="The achievements, in the order the rivals screen lists them.",
    )
    history: list[Feat] = Field(
        [],
        max_length=400,
        description="Achievements earned before the campaign, oldest first for each achievement: "
        "the first listed was the first to earn it.",
    )


class Event(Strict):
    """A scripted event: news, or a decision for the player."""

    id: Id = Field(description="The event's id, named by follow-ups.")
    title: PlainText = Field(description="The headline.")
    text: PlainText = Field("", description="The story.")
    after: Date | None = Field(None, description="Earliest date it can fire.")
    before: Date | None = Field(None, description="Latest date it can fire.")
    when: Condition | None = Field(None, description="A condition that must hold for it to fire.")
    chance: Probability = Field(1.0, description="Chance per turn once the date window and condition hold.")
    repeat: bool = Field(False, description="Fire again after the cooldown instead of once.")
    cooldown: int = Field(4, ge=1, le=200, description="Turns between repeats.")
    triggered_only: bool = Field(False, description="Fires only as another event's follow-up.")
    on: Hook | None = Field(
        None,
        description="Fires on a happening of the engine (at the next turn's opening) instead of by "
        "polling: its details are in scope for 'when', the effects and the texts.",
    )
    effects: list[Effect] = empty_list(description="Effects as it fires, before any choice.")
    choices: list[Choice] = empty_list(description="The player's options; none means news only.")
    outcomes: list[Outcome] = empty_list(
        description="For an event without choices: ways it may turn out, one drawn by weight as it "
        "fires, after its effects."
    )

    def every_effect(self) -> Iterator[Effect]:
        """Every effect the event may apply: its own, its outcomes', each choice's."""
        yield from self.effects
        for outcome in self.outcomes:
            yield from outcome.effects
        for choice in self.choices:
            yield from choice.every_effect()


# ---------------------------------------------------------------- deals

#: The kinds of item a deal may hold, in the order the reference and the screens list them: the
#: engine applies each (game/engine/deal_items.py).
DEAL_ITEM_KINDS: tuple[str, ...] = (
    "money",
    "contribution",
    "joint_mission",
    "seat",
    "data",
    "rocket",
    "loan",
    "support",
    "stance",
    "accord",
)
#: The kinds whose value is an amount (the others name an id).
DEAL_AMOUNTS = frozenset({"money", "data", "rocket"})
MAX_DEAL_ITEMS = 8


class DealItem(Strict):
    """One thing a side of a deal gives: exactly one of these keys."""

    money: Money | None = Field(None, gt=0, le=MAX_MONEY, description="M$ paid once, on signing.")
    contribution: Ref | None = Field(
        None,
        description="A programme's contribution ('programme.contribution') the giver builds, starting on "
        "signing (the giver must be a member or lead); withdrawing it breaks the agreement.",
    )
    joint_mission: Id | None = Field(
        None,
        description="A national mission the player builds, starting on signing (a joint mission: the "
        "other side pays its part with other items); only the player gives it.",
    )
    seat: Id | None = Field(
        None,
        description="A crew seat on the programme's crewed flights, given on signing; only a lead of "
        "the programme gives it. Breaking the agreement takes back a seat not flown yet.",
    )
    data: Finite | None = Field(
        None, gt=0, le=1000, description="Science points the receiver gains every turn the agreement lasts."
    )
    rocket: Money | None = Field(
        None,
        gt=0,
        le=MAX_MONEY,
        description="A launch on the giver's rocket: M$ taken off what the receiver's builds under way "
        "still cost (the largest first), on signing.",
    )
    loan: Id | None = Field(
        None,
        description="Hardware lent: the receiver's level in this capability area rises by one while the "
        "agreement lasts.",
    )
    support: Id | None = Field(
        None,
        description="Backing for the receiver's membership of this programme: the player's applications "
        "to it gain the rules' deal_support_chance while the agreement lasts; a computer agency gains "
        "deal_support_relation with its leads.",
    )
    stance: Id | None = Field(
        None,
        description="A public stance with this bloc: the giver's relations with its agencies rise by "
        "the rules' deal_stance_gain and with every other bloc's fall by deal_stance_cost.",
    )
    accord: Id | None = Field(
        None,
        description="Membership of a charter (an Artemis-Accords-like accord, a partnership agreement): "
        "the receiver's agency flag of this name is set on signing and cleared if the agreement is "
        "broken; the deal's 'on_sign' effects give its lasting effects.",
    )

    def model_post_init(self, __context: Any) -> None:
        given = [name for name in DEAL_ITEM_KINDS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"a deal item has exactly one of {', '.join(DEAL_ITEM_KINDS)}")

    @property
    def kind(self) -> str:
        """Which kind of item it is."""
        return next(name for name in DEAL_ITEM_KINDS if getattr(self, name) is not None)

    @property
    def value(self) -> str:
        """The item's amount or id as the state keeps it ('50', 'gateway.ihab')."""
        found = getattr(self, self.kind)
        return f"{found:g}" if isinstance(found, float | int) else str(found)


DealItems = Annotated[list[DealItem], Field(max_length=MAX_DEAL_ITEMS)]


class DealOffer(Strict):
    """An offer or request a computer-run agency makes the player when its condition holds."""

    id: Id = Field(description='The deal\'s id: signed("id") reads whether it is in force.')
    agency: Id = Field(description="The computer-run agency that makes it (never to itself).")
    title: PlainText = Field(max_length=80, description="Its name in the news and on the deals screen.")
    text: PlainText = Field("", description="What the agency says.")
    accord_name: PlainText | None = Field(
        None,
        max_length=80,
        description="The name of the accord it gives or asks, as it reads in the middle of a sentence "
        "('the Artemis Accords': the ledger says 'membership of the Artemis Accords'); left out: the "
        "title. Only for an offer with an 'accord' item.",
    )
    after: Date | None = Field(None, description="Earliest date it can be made.")
    before: Date | None = Field(None, description="Latest date it can be made.")
    when: Condition | None = Field(None, description="A condition that must hold for it to be made.")
    chance: Probability = Field(1.0, description="Chance per turn once the dates and the condition hold.")
    repeat: bool = Field(
        False,
        description="Made again (after 'cooldown' turns) once refused, lapsed or ended; never twice at once.",
    )
    cooldown: int = Field(4, ge=1, le=200, description="Turns before a refused or lapsed offer comes again.")
    deadline: int = Field(
        2, ge=1, le=40, description="Turns the player has to answer; then it lapses as refused."
    )
    duration: int | None = Field(
        None,
        ge=1,
        le=200,
        description="Turns the agreement lasts once signed (its data and loans stop then); none: the rest "
        "of the campaign.",
    )
    gives: DealItems = empty_list(description="What the agency gives the player.")
    asks: DealItems = empty_list(description="What the agency asks of the player.")
    on_sign: list[Effect] = empty_list(description="Effects on signing, besides the items.")
    on_refuse: list[Effect] = empty_list(
        description="Effects when the player refuses, or lets the offer lapse: told with the offer."
    )
    on_break: list[Effect] = empty_list(
        description="Effects when the player breaks the agreement (by the break action, or by withdrawing "
        "a promised contribution or leaving the programme an item is about): told when signing."
    )
    ai_weight: Finite | None = Field(
        None,
        ge=-MAX_MONEY,
        le=MAX_MONEY,
        description="For the bots: M$ an agreement is worth to the player beyond its items (negative: "
        "less); none: the items alone.",
    )


class DealValue(Strict):
    """How a computer-run agency weighs one kind of item in the player's proposals, in M$-like points."""

    item: Literal[DEAL_ITEM_KINDS] = Field(description="The kind of item.")  # type: ignore[valid-type]
    ref: str | None = Field(
        None,
        max_length=81,
        description="Only this item (its id: a 'programme.contribution', a programme, a bloc...); left out: "
        "every item of the kind without a rule of its own.",
    )
    value: NumberOrExpression | None = Field(
        None,
        description="Points when the agency receives it (per M$ or science point for an amount); left "
        "out: the agency does not take it.",
    )
    cost: NumberOrExpression | None = Field(
        None,
        description="Points when the agency gives it (per unit for an amount); left out: the agency does "
        "not give it.",
    )


class DealTerms(Strict):
    """How a computer-run agency answers the player's proposals."""

    agency: Id = Field(description="The agency.")
    goodwill: NumberOrExpression = Field(
        0,
        description="Points added to every proposal's balance, e.g. 'relation(\"nasa\") / 4 - 5': relations, "
        "needs and the bloc's politics; the agency signs when the balance is 0 or more.",
    )
    values: list[DealValue] = empty_list(
        description="What it takes and gives, and for how much; money is worth a point per M$ either way "
        "unless a rule says otherwise."
    )


class Deals(Strict):
    """Offers the computer-run agencies make, and how they weigh the player's proposals."""

    offers: list[DealOffer] = empty_list(description="The offers and requests, in the order they are tried.")
    terms: list[DealTerms] = empty_list(
        description="The agencies that take proposals and how they weigh them; one left out takes none."
    )


# ---------------------------------------------------------------- the whole scenario


MAX_CREDIT_POINTS = 20
MAX_OBJECTIVE_SHORT = 17  # the dashboard's objectives fit 80 columns beside the news
#: One point of an objective's credit curve: [share of progress, share of points], both 0 to 1.
CreditPoint = Annotated[
    list[Annotated[Finite, Field(ge=0, le=1)]],
    Field(min_length=2, max_length=2, description="[share of progress, share of points], both 0 to 1."),
]


class Objective(Strict):
    """Something that scores points: reached by a condition, or scaled by an expression."""

    id: Id = Field(description="The objective's id.")
    name: PlainText = Field(description="Its name in the score breakdown.")
    short: PlainText | None = Field(
        None,
        max_length=MAX_OBJECTIVE_SHORT,
        description="A short name for the dashboard's list of objectives (the name when absent).",
    )
    description: PlainText = Field("", description="What it asks for.")
    when: Condition | None = Field(None, description="Reached the first turn this holds (by 'by').")
    by: Date | None = Field(None, description="Deadline for 'when'.")
    points: Finite = Field(10, ge=0, le=1000, description="Points it is worth (the most, for 'scale').")
    scale: Expression | None = Field(
        None, description="Instead of 'when': points = min(points, value of this expression) at the end."
    )
    progress: Expression | None = Field(
        None,
        description="With 'when': a number on the way to it, measured at the end of every turn up to "
        "'by'. Its best share of 'target' (0 to 1) earns points through 'credit', so that partial "
        "progress scores and going further scores more; the dashboard shows it.",
    )
    target: Finite | None = Field(
        None,
        gt=0,
        le=1_000_000,
        description="What 'progress' counts toward: its share is progress / target, within 0 to 1 "
        "(1 when absent: 'progress' is then a share already).",
    )
    credit: list[CreditPoint] | None = Field(
        None,
        min_length=1,
        max_length=MAX_CREDIT_POINTS,
        description="With 'progress': the share of 'points' earned at each share of progress, as "
        "[progress, share] points joined by straight lines ([[0, 0], [0.5, 0.3], [1, 1]]); progress "
        "rises from point to point, both within 0 to 1; before the first point its share counts, "
        "after the last the last's. [[0, 0], [1, 1]] when absent.",
    )
    early: Finite = Field(
        0,
        ge=0,
        le=100,
        description="With 'when' and 'by': bonus points for each year it is reached before 'by' "
        "(a quarter early earns a quarter of it).",
    )

    @field_validator("credit")
    @classmethod
    def _rising_credit(cls, value: list[list[float]] | None) -> list[list[float]] | None:
        for before, after in zip(value or [], (value or [])[1:], strict=False):
            if after[0] <= before[0]:
                raise ValueError(
                    f"the progress of credit points must rise: {after[0]:g} comes after {before[0]:g}"
                )
        return value

    def model_post_init(self, __context: Any) -> None:
        if (self.when is None) == (self.scale is None):
            raise ValueError("an objective has exactly one of 'when' or 'scale'")
        if self.progress is None and (self.target is not None or self.credit is not None):
            raise ValueError("'target' and 'credit' grade 'progress': give 'progress' too")
        if self.when is None and self.progress is not None:
            raise ValueError("'progress' grades a 'when' objective ('scale' is graded by its value)")
        if self.early and (self.when is None or self.by is None):
            raise ValueError("'early' counts the years before 'by': give 'when' and 'by'")

    def most(self, start: int) -> float:
        """The most it can earn in a campaign starting at month ``start``: its points, and its
        early bonus had it been reached on the first turn."""
        if not self.early or self.by is None:
            return self.points
        return self.points + self.early * max(0, parse_date(self.by) - start) / 12


class Defeat(Strict):
    """How a campaign is lost early."""

    support_below: Percent = Field(10, description="Support at or under this ends the campaign.")
    insolvent_turns: int = Field(
        4, ge=1, le=40, description="Turns in a row with negative money that end it."
    )


class Ending(Strict):
    """A way a campaign ends besides its calendar, support and money: a condition with its own story."""

    id: Id = Field(description="The ending's id.")
    when: Condition = Field(
        description="Checked at the end of every turn, after support and insolvency: the first ending "
        "whose condition holds ends the campaign."
    )
    outcome: Literal["won", "lost"] = Field(description="Whether the campaign is won or lost by it.")
    title: PlainText = Field(max_length=120, description="Its headline, in the news and the debrief.")
    text: PlainText = Field("", description="The story, in the news and the debrief.")
    after: Date | None = Field(None, description="Checked only from this date on (the turn it opens).")


MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

#: A month of the year: its number (1 to 12) or its English name in lower case ('april').
MonthOfYear = Annotated[
    int,
    Field(ge=1, le=12),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 12},
                {"enum": list(MONTH_NAMES)},
            ]
        }
    ),
]


class Calendar(Strict):
    """The campaign's dates."""

    start: Date = Field(description="The first turn.")
    end: Date = Field(description="The last turn.")
    turn_months: Literal[1, 3, 6, 12] = Field(3, description="Months per turn.")
    fiscal_year_start: MonthOfYear = Field(
        1,
        description="The fiscal year's first month, 1 to 12 or its name ('april', 'october'): each "
        "year's appropriation arrives with the first turn that opens on or after it.",
    )

    @field_validator("fiscal_year_start", mode="before")
    @classmethod
    def _month_name(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value not in MONTH_NAMES:
                raise ValueError(f"'{value}' is not a month: write 1 to 12 or a name such as 'april'")
            return MONTH_NAMES.index(value) + 1
        return value


class Rules(Strict):
    """Tunable numbers of the turn: every default is documented and overridable per scenario."""

    slip_chance: Probability = Field(0.06, description="Base chance per turn that a due milestone slips.")
    slip_from_strain: Probability = Field(0.25, description="Extra slip chance at zero health.")
    overrun_chance: Probability = Field(0.03, description="Base chance per turn of a build overrun.")
    overrun_from_strain: Probability = Field(0.12, description="Extra overrun chance at zero health.")
    overrun_percent: Finite = Field(15, ge=0, le=200, description="Remaining cost added by an overrun.")
    health_drift: Probability = Field(0.1, description="Share of the gap to target health closed per turn.")
    restructure_below: Percent = Field(25, description="Health under which a programme is restructured.")
    cancel_below: Percent = Field(10, description="Health under which a restructured programme is cancelled.")
    support_drift: Probability = Field(
        0.05, description="Share of the gap to support_rest (50) closed per turn."
    )
    prestige_decay: Probability = Field(0.01, description="Share of prestige lost per turn.")
    support_budget_effect: Finite = Field(
        0.8, ge=0, le=2, description="Budget swing between 0 and 100 support (0.8: 60% to 140%)."
    )
    capability_cost: Money = Field(
        60, ge=0, le=MAX_MONEY, description="Cost of the next capability level, times that level."
    )
    capability_max: int = Field(5, ge=1, le=10, description="The highest capability level.")
    research_parallel: int = Field(
        3, ge=1, le=20, description="Research projects the player may have under way at once ('research')."
    )
    research_refund: Probability = Field(
        0, description="Share of what a cancelled research project has paid that comes back (0: none)."
    )
    research_reliability_cap: Probability = Field(
        0.95,
        description="The most research can bring a national mission's 'success' chance to, in a scenario "
        "without 'flights' (with it, the flights' 'cap' holds).",
    )
    budget_plan_years: int = Field(
        5,
        ge=1,
        le=10,
        description="Fiscal years the budget plan looks ahead, the one under way first: the budget "
        "screen shows them, the dashboard warns of a year in the red among them, and the greedy bot "
        "starts no build that leaves one unpaid.",
    )
    diplomacy_cost: Money = Field(20, ge=0, le=MAX_MONEY, description="Cost of a diplomatic initiative.")
    diplomacy_gain: Finite = Field(8, ge=0, le=100, description="Most relation points one initiative gains.")
    underfunded_strain: Finite = Field(2, ge=0, le=100, description="Health lost per stalled build per turn.")
    withdraw_penalty: Finite = Field(25, ge=0, le=100, description="Relation lost with leads on withdrawing.")
    withdraw_support: Finite = Field(5, ge=0, le=100, description="Support lost on withdrawing.")
    rejection_penalty: Finite = Field(5, ge=0, le=100, description="Relation lost with leads on rejection.")
    crew_prestige: Finite = Field(25, ge=0, le=1000, description="Prestige for a crewed lunar flight.")
    crew_support: Finite = Field(8, ge=0, le=100, description="Support for a crewed lunar flight.")
    failure_support: Finite = Field(6, ge=0, le=100, description="Support lost when a mission fails.")
    support_rest: Percent = Field(
        50, description="Support the public mood drifts back to; at it the appropriation is the 'budget'."
    )
    budget_modifier_min: Finite = Field(
        -90, ge=-100, le=0, description="Lowest sum of an agency's budget changes, per cent."
    )
    budget_modifier_max: Finite = Field(
        100, ge=0, le=1000, description="Highest sum of an agency's budget changes, per cent."
    )
    health_per_funding: Finite = Field(
        3, ge=0, le=100, description="Target health per point of the partners' funding (their policy's)."
    )
    build_funding: Finite = Field(
        0.5, ge=0, le=5, description="Funding each of the player's builds under way counts for."
    )
    stalled_build_funding: Finite = Field(
        -1, ge=-5, le=0, description="Funding each stalled build of the player's counts for instead."
    )
    recovery_margin: Finite = Field(
        15,
        ge=0,
        le=100,
        description="Health above restructure_below that puts a restructured programme back on track.",
    )
    restructure_slip: int = Field(
        4, ge=0, le=40, description="Turns every pending milestone slips when a programme is restructured."
    )
    failure_health: Finite = Field(
        8, ge=0, le=100, description="Health a programme loses when a milestone fails."
    )
    failure_slip: int = Field(
        4, ge=0, le=40, description="Turns a failed milestone slips for its new attempt."
    )
    leave_health: Finite = Field(
        5, ge=0, le=100, description="Health a programme loses when a partner leaves."
    )
    mission_strain: Probability = Field(
        0.3, description="Strain of a national mission's build, as 1 - health/100 of a programme's."
    )
    ai_leave_below: Percent = Field(
        40, description="Health under which a computer-run partner may leave (as its loyalty allows)."
    )
    cancel_health: Finite = Field(
        5, ge=0, le=100, description="Health a programme loses when the player cancels a build for it."
    )
    cancel_offence: Finite = Field(
        10, ge=0, le=100, description="Relation lost with its leads when the player cancels a build."
    )
    application_least: Probability = Field(
        0.05, description="Lowest chance an application is accepted (unless base_chance is 1)."
    )
    application_most: Probability = Field(
        0.95, description="Highest chance an application is accepted (unless base_chance is 1)."
    )
    application_offer_bonus: Probability = Field(
        0.15, description="Chance added to an application that offers a contribution."
    )
    relation_per_chance: Finite = Field(
        200,
        gt=0,
        le=10_000,
        description="Mean relation with the leads that adds 1 to an application's chance (200: +0.5 at 100).",
    )
    diplomacy_least_share: Probability = Field(
        0.5, description="Share of diplomacy_gain an initiative gains at least; chance gives the rest."
    )
    ai_build_chance: Probability = Field(
        0.3, description="Chance per turn that a computer-run partner takes on an open contribution."
    )
    selection_cost: Money = Field(
        30, ge=0, le=MAX_MONEY, description="Cost of an astronaut selection round (a named corps), M$."
    )
    selection_turns: int = Field(4, ge=1, le=40, description="Turns a selection round takes.")
    selection_candidates: int = Field(
        3, ge=1, le=20, description="Astronauts a selection round adds (while the recruits' names last)."
    )
    recruit_readiness: Percent = Field(20, description="Readiness of a newly selected astronaut.")
    training_cost: Money = Field(
        2, ge=0, le=MAX_MONEY, description="Cost per turn of each astronaut in training, M$."
    )
    training_gain: Percent = Field(10, description="Readiness an astronaut in training gains per turn.")
    readiness_decay: Percent = Field(
        1, description="Readiness an astronaut of the player's named corps loses per turn out of training."
    )
    loss_chance: Probability = Field(
        0.01, description="Chance that a fully ready astronaut of a named corps is lost on a flight."
    )
    loss_unready: Probability = Field(
        0.04, description="Extra chance of a loss on a flight at readiness 0 (in proportion between)."
    )
    loss_support: Finite = Field(12, ge=0, le=100, description="Support lost when an astronaut is lost.")
    loss_prestige: Finite = Field(10, ge=0, le=1000, description="Prestige lost when an astronaut is lost.")
    stand_down_turns: int = Field(
        2, ge=0, le=40, description="Turns an agency's astronauts do not fly after a loss (seats are kept)."
    )
    milestone_spacing: int = Field(
        1,
        ge=0,
        le=40,
        description="Turns a slip keeps between a milestone and one it requires (never more than the "
        "plan did): a chain of slips cannot fly a whole programme in one turn. 0 lets it.",
    )
    year_end_clawback: Probability = Field(
        0,
        description="Share of the player's unspent money the treasury claws back as each fiscal year ends "
        "(before the next appropriation): only the money above year_end_carryover and above what the "
        "builds under way still have to pay. 0 (the default) claws nothing back.",
    )
    year_end_carryover: Finite = Field(
        0.25,
        ge=0,
        le=10,
        description="Money kept from the year-end clawback, as a share of the ending year's appropriation "
        "(0.25: a quarter of it).",
    )
    deal_signed_relation: Finite = Field(
        5, ge=0, le=100, description="Relation gained with an agency when an agreement with it is signed."
    )
    deal_break_penalty: Finite = Field(
        20,
        ge=0,
        le=200,
        description="Relation lost with an agency when the player breaks an agreement with it (besides "
        "the deal's own 'on_break').",
    )
    deal_stance_gain: Finite = Field(
        5, ge=0, le=100, description="Relation a public stance gains with each agency of the bloc."
    )
    deal_stance_cost: Finite = Field(
        3, ge=0, le=100, description="Relation a public stance costs with each agency of the other blocs."
    )
    deal_support_chance: Probability = Field(
        0.2, description="Chance an agency's backing adds to the player's application to the programme."
    )
    deal_support_relation: Finite = Field(
        5,
        ge=0,
        le=100,
        description="Relation with a programme's leads the player's backing gains a computer-run agency.",
    )
    deal_proposal_turns: int = Field(
        8, ge=1, le=200, description="Turns an agreement the player proposed lasts (its data and loans)."
    )
    deal_money_steps: list[Annotated[Finite, Field(gt=0, le=MAX_MONEY)]] = Field(
        [10, 50, 100, 250],
        max_length=10,
        description="The sums of money (M$) the proposal builder offers to put on either side.",
    )
    deal_data_steps: list[Annotated[Finite, Field(gt=0, le=1000)]] = Field(
        [1, 2, 5], max_length=10, description="The science a turn the proposal builder offers as data."
    )
    deal_rocket_steps: list[Annotated[Finite, Field(gt=0, le=MAX_MONEY)]] = Field(
        [20, 50, 100], max_length=10, description="The launches (M$) the proposal builder offers."
    )


class Temperament(Strict):
    """How a difficulty shifts every computer-run agency's policy: added, then held within 0..1."""

    boldness: Finite = Field(0, ge=-1, le=1, description="Added to the chance per turn of making a move.")
    loyalty: Finite = Field(0, ge=-1, le=1, description="Added to the resistance to leaving a programme.")
    reliability: Finite = Field(
        0, ge=-1, le=1, description="Added to the chance its contributions stay on schedule each turn."
    )


class Difficulty(Strict):
    """A difficulty level the player chooses at set-up: how the campaign's numbers are adjusted."""

    id: Id = Field(description='The level\'s id: what saves record and difficulty("...") names.')
    label: PlainText = Field(max_length=40, description="Its name in the set-up list, e.g. 'Hard'.")
    text: PlainText = Field("", max_length=400, description="A sentence that says what changes.")
    budget: Finite = Field(
        1, ge=0.1, le=5, description="Scale of every agency's yearly appropriation (1: as written)."
    )
    money: Money = Field(
        0, ge=-10_000, le=MAX_MONEY, description="M$ added to every agency's money at the start."
    )
    risk: Finite = Field(
        1,
        ge=0,
        le=5,
        description="Scale of the chances of setbacks: the rules' slip and overrun chances and every "
        "milestone's and national mission's chance of failing, and with 'flights' every flight's base "
        "reliability (each held within 0..1).",
    )
    events: dict[Id, Annotated[Finite, Field(ge=0, le=100)]] = empty_map(
        description="Event id to a scale of its chance per turn (held within 0..1): 2 makes it twice "
        "as likely, 0 stops it."
    )
    computer: Temperament = Field(
        default_factory=Temperament, description="How every computer-run agency's policy shifts."
    )

    def neutral(self) -> bool:
        """Whether it leaves the campaign exactly as the scenario is written."""
        return self.model_dump(include=ADJUSTMENTS) == NEUTRAL.model_dump(include=ADJUSTMENTS)


#: The keys of a difficulty that change the campaign (the others name and explain it).
ADJUSTMENTS = {"budget", "money", "risk", "events", "computer"}


class Scenario(Strict):
    """One scenario file: a whole campaign."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    schema_version: Literal[1] = Field(SCHEMA_VERSION, description="Version of this file format.")
    id: Id = Field(
        description="The scenario's id: what another file names in 'extends', and what saves record."
    )
    title: PlainText = Field(max_length=120, description="The name players see in the list of scenarios.")
    description: PlainText = Field("", description="A paragraph shown when the scenario is picked.")
    version: PlainText | None = Field(
        None, max_length=40, description="The scenario's own version, e.g. '1.2' (shown by validate)."
    )
    author: PlainText | None = Field(None, max_length=120, description="Who wrote the scenario.")
    requires_game: GameRequirement | None = Field(
        None,
        description="The game versions it needs, e.g. '>=0.2' or '>=0.2, <1.0'; an older game refuses "
        "the file with one message, read before the rest of the file.",
    )
    extends: str | None = Field(
        None, description="Another scenario (id or relative path) this file overrides and adds to."
    )
    calendar: Calendar = Field(description="When the campaign starts and ends, and how long a turn is.")
    rules: Rules = Field(
        default_factory=Rules, description="Tunable numbers of the turn rules; every one has a default."
    )
    blocs: list[Bloc] = Field(min_length=1, description="The political blocs agencies belong to.")
    capabilities: list[CapabilityArea] = Field(
        min_length=1, description="The technology areas agencies hold levels in."
    )
    agencies: list[Agency] = Field(
        min_length=1, description="Every agency: the ones a player may run and the ones the computer runs."
    )
    programmes: list[Programme] = empty_list(description="The partnership programmes agencies can join.")
    missions: list[Mission] = Field(
        [], description="National missions: the go-alone path open to the player."
    )
    flights: Flights | None = Field(
        None,
        description="Launch windows, reliability and preparations for the player's missions and "
        "contributions; without it they fly or are delivered as before.",
    )
    research: list[Project] = empty_list(
        description="Research projects: a tree the player researches over turns, several at once, "
        "instead of investing in capability levels ('invest' is then not offered)."
    )
    events: list[Event] = empty_list(description="Scripted events: news, crises with choices, follow-ups.")
    race: Race | None = Field(
        None,
        description="Achievements (firsts) every agency races for, and who earned them before the start.",
    )
    deals: Deals | None = Field(
        None,
        description="Offers and requests of the computer-run agencies, with terms, deadlines and "
        "consequences, and how they weigh the player's proposals; without it there are no deals.",
    )
    objectives: list[Objective] = Field(
        min_length=1, description="What scores points; the score at the end decides victory."
    )
    variables: dict[Id, StartingValue] = empty_map(
        description="Starting values of global variables (read with var(...)); others start at 0."
    )
    difficulties: list[Difficulty] = empty_list(
        description="The difficulty levels offered at set-up, easiest first. Left out: the default "
        "easy, normal and hard of docs/scenarios.md (Difficulty levels)."
    )
    default_difficulty: Id = Field(
        DEFAULT_DIFFICULTY,
        description="The level a campaign is played at unless the player picks another; saves and "
        "replays record a level only when it is not 'normal'.",
    )
    victory_score: Finite = Field(50, ge=0, le=100_000, description="Score at the end that counts as a win.")
    defeat: Defeat = Field(default_factory=Defeat, description="How a campaign is lost before its end.")
    endings: list[Ending] = empty_list(
        description="Victories and defeats by a condition, each with its own title and text, in the "
        "order they are checked."
    )

    def score_to_win(self, agency: Agency) -> float:
        """The score at the end that wins a campaign of ``agency``: its own ambition, else the scenario's."""
        return self.victory_score if agency.victory_score is None else agency.victory_score

    def playable_agencies(self) -> list[Agency]:
        return [agency for agency in self.agencies if agency.playable]

    def difficulty_levels(self) -> list[Difficulty]:
        """The levels offered at set-up: the scenario's own, else the default easy, normal and hard."""
        return self.difficulties or list(DEFAULT_DIFFICULTIES)

    def difficulty(self, difficulty_id: str | None = None) -> Difficulty | None:
        """The level named ``difficulty_id`` (None: the default level), or None if there is none."""
        wanted = difficulty_id or self.default_difficulty
        return next((level for level in self.difficulty_levels() if level.id == wanted), None)


#: A level that changes nothing: what 'normal' is in the default set.
NEUTRAL = Difficulty(id="normal", label=N_("Normal"), text=N_("The campaign as the scenario is written."))

#: The levels every scenario without 'difficulties:' offers (documented in docs/scenarios.md).
DEFAULT_DIFFICULTIES: tuple[Difficulty, ...] = (
    Difficulty(
        id="easy",
        label=N_("Easy"),
        text=N_(
            "A tenth more money each year and 100 M$ more at the start, fewer setbacks, steadier partners."
        ),
        budget=1.1,
        money=100,
        risk=0.6,
        computer=Temperament(loyalty=0.1, reliability=0.05),
    ),
    NEUTRAL,
    Difficulty(
        id="hard",
        label=N_("Hard"),
        text=N_("A fifth less money each year, more setbacks, partners who slip and leave more often."),
        budget=0.8,
        risk=1.5,
        computer=Temperament(loyalty=-0.15, reliability=-0.05),
    ),
)


ConditionTree.model_rebuild()
Effect.model_rebuild()
