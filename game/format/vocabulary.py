"""The vocabulary of the expression language: one entry for each variable and function.

Everything that reads the language reads this table, so nothing can drift:

- the parser and type checker (game/format/expressions.py): the names, the kinds of id a
  function takes and whether it answers a number or a truth value;
- the linter (game/format/feasibility.py): the values each one can take, everywhere
  (``bounds``) and between two dates of a given scenario (``narrow``);
- the generated reference (game/format/reference.py -> docs/expressions.md): ``doc``;
- plain-words descriptions of a condition for the player: ``phrase``;
- the engine (game/engine/vocabulary.py), which attaches one implementation to each name
  (the format never imports the engine); a test holds the two sets of names equal.

To add a function: one entry here, one implementation there, and regenerate the docs.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from game.i18n import N_

if TYPE_CHECKING:
    from game.format.feasibility import Facts

INF = math.inf

#: The kinds of id a function takes, each checked against the scenario's own ids at load time.
RefKind = Literal[
    "agency",
    "bloc",
    "programme",
    "milestone",
    "contribution",
    "capability",
    "national_mission",
    "flag",
    "agency_flag",
    "variable",
    "agency_variable",
    "modifier",
    "difficulty",
    "achievement",
    "project",
    "deal",
]

#: What a variable or function answers: a number, or a truth value (a condition).
ValueKind = Literal["number", "truth"]

#: The lowest and highest value something can take (a truth value as 0 or 1).
Bounds = tuple[float, float]

#: The linter's narrower bounds from a scenario's facts and the call's arguments.
Narrow = Callable[["Facts", tuple[str, ...]], Bounds]

COUNT: Bounds = (0, INF)
ANY: Bounds = (-INF, INF)
TRUTH: Bounds = (0, 1)
NEVER: Bounds = (0, 0)
ALWAYS: Bounds = (1, 1)

#: How each kind of id is described in a message: "an agency id, like relation(\"nasa\")".
REF_WORDS: dict[RefKind, str] = {
    "agency": "an agency id",
    "bloc": "a bloc id (the scenario's 'blocs')",
    "programme": "a programme id",
    "milestone": "a milestone ('programme.milestone')",
    "contribution": "a contribution ('programme.contribution')",
    "capability": "a capability area id",
    "national_mission": "a national mission id",
    "flag": "a flag name",
    "agency_flag": "the name of an agency's flag",
    "variable": "a variable name",
    "agency_variable": "the name of an agency's variable",
    "modifier": "a modifier name",
    "difficulty": "a difficulty level id",
    "achievement": "an achievement id (the scenario's race)",
    "project": "a research project id",
    "deal": "a deal id (one of the scenario's offers)",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """A variable (no arguments, written bare) or a function (quoted ids in parentheses)."""

    name: str
    result: ValueKind
    doc: str
    #: plain words for a description of a condition, ``{first}``/``{second}`` standing for the
    #: arguments (marked for the interface's catalogue: the engine says them with ``msg``)
    phrase: str
    args: tuple[RefKind, ...] = ()
    function: bool = False
    #: the values the linter assumes anywhere in any campaign
    bounds: Bounds = ANY
    #: the linter's narrower answer for a scenario between two dates, when it has one
    narrow: Narrow | None = None
    #: the detail of the happening it reads (game/format/happenings.py): only in an event with 'on:'
    reads: str = ""

    def span(self, facts: Facts, args: tuple[str, ...] = ()) -> Bounds:
        """The values this can take under ``facts``."""
        return self.narrow(facts, args) if self.narrow is not None else self.bounds

    def arguments(self, *names: str) -> dict[str, str]:
        """The arguments' names by their placeholders in the phrase: {'first': 'NASA'}."""
        return dict(zip(PHRASE_ARGUMENTS, names, strict=False))

    def describe(self, *names: str) -> str:
        """The phrase with the arguments' names put in: ``relations with NASA``."""
        return self.phrase.format(**self.arguments(*names))


#: The placeholders of a phrase, one for each argument in order.
PHRASE_ARGUMENTS = ("first", "second")


def _variable(name: str, result: ValueKind, doc: str, phrase: str, **more: object) -> Entry:
    return Entry(name, result, doc, phrase, **more)  # type: ignore[arg-type]


def _function(
    name: str, args: tuple[RefKind, ...], result: ValueKind, doc: str, phrase: str, **more: object
) -> Entry:
    return Entry(name, result, doc, phrase, args=args, function=True, **more)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the linter's narrower answers


def _year(facts: Facts, _: tuple[str, ...]) -> Bounds:
    return facts.first // 12, facts.last // 12


def _quarter(facts: Facts, _: tuple[str, ...]) -> Bounds:
    if facts.first // 12 == facts.last // 12:
        return (facts.first % 12) // 3 + 1, (facts.last % 12) // 3 + 1
    return 1, 4


def _turn(facts: Facts, _: tuple[str, ...]) -> Bounds:
    return (
        max(0, math.ceil((facts.first - facts.start) / facts.turn_months)),
        max(0, (facts.last - facts.start) // facts.turn_months),
    )


def _once_in_orbit(bounds: Bounds) -> Narrow:
    """``bounds`` once a crew can have reached lunar orbit by the window's end, else nothing."""
    return lambda facts, _: bounds if facts.crew_by(facts.crew_orbit_from) else NEVER


def _surface(facts: Facts, _: tuple[str, ...]) -> Bounds:
    return TRUTH if facts.crew_by(facts.crew_surface_from) else NEVER


def _flag(facts: Facts, args: tuple[str, ...]) -> Bounds:
    return TRUTH if args[0] in facts.flags_set else NEVER


def _global_variable(facts: Facts, args: tuple[str, ...]) -> Bounds:
    return ANY if args[0] in facts.variables_set else NEVER


def _agency_variable(facts: Facts, args: tuple[str, ...]) -> Bounds:
    return ANY if args[-1] in facts.agency_variables_set else NEVER


def _agency_flag(facts: Facts, args: tuple[str, ...]) -> Bounds:
    return TRUTH if args[-1] in facts.agency_flags_set else NEVER


def _modifier(facts: Facts, args: tuple[str, ...]) -> Bounds:
    return TRUTH if args[0] in facts.modifiers_started else NEVER


def _player(facts: Facts, args: tuple[str, ...]) -> Bounds:
    if args[0] not in facts.playable:
        return NEVER
    return ALWAYS if facts.playable == {args[0]} else TRUTH


def _flown(facts: Facts, args: tuple[str, ...]) -> Bounds:
    planned = facts.milestone_planned.get(args[0])
    return NEVER if planned is not None and planned > facts.last else TRUTH


def _capability(facts: Facts, _: tuple[str, ...]) -> Bounds:
    return 0, facts.capability_max


# ---------------------------------------------------------------- the vocabulary

ENTRIES: tuple[Entry, ...] = (
    _variable("year", "number", "the current year", N_("the year"), bounds=COUNT, narrow=_year),
    _variable(
        "quarter", "number", "the current quarter, 1 to 4", N_("the quarter"), bounds=(1, 4), narrow=_quarter
    ),
    _variable(
        "turn", "number", "turns played so far, from 0", N_("the turns played"), bounds=COUNT, narrow=_turn
    ),
    _variable("money", "number", "the player's money in hand, M$", N_("your money in hand (M$)")),
    _variable(
        "budget", "number", "the player's appropriation this year, M$", N_("your budget (M$)"), bounds=COUNT
    ),
    _variable(
        "support", "number", "the player's domestic support, 0 to 100", N_("your support"), bounds=(0, 100)
    ),
    _variable("prestige", "number", "the player's prestige", N_("your prestige"), bounds=COUNT),
    _variable("science", "number", "the player's science points", N_("your science"), bounds=COUNT),
    _variable(
        "astronauts", "number", "astronauts in the player's corps", N_("your astronauts"), bounds=COUNT
    ),
    _variable(
        "flights",
        "number",
        "crewed lunar flights flown by the player's astronauts",
        N_("your crewed lunar flights"),
        bounds=COUNT,
        narrow=_once_in_orbit(COUNT),
    ),
    _variable(
        "crewed_orbit",
        "truth",
        "true once a player astronaut has reached lunar orbit",
        N_("one of your astronauts in lunar orbit"),
        bounds=TRUTH,
        narrow=_once_in_orbit(TRUTH),
    ),
    _variable(
        "crewed_surface",
        "truth",
        "true once a player astronaut has walked on the Moon",
        N_("one of your astronauts on the Moon"),
        bounds=TRUTH,
        narrow=_surface,
    ),
    _variable(
        "astronauts_flown",
        "number",
        "the player's named astronauts who have flown in the campaign (0 without a named corps)",
        N_("your astronauts who have flown"),
        bounds=COUNT,
        narrow=_once_in_orbit(COUNT),
    ),
    _variable(
        "astronauts_lost",
        "number",
        "the player's named astronauts lost in accidents",
        N_("your astronauts lost"),
        bounds=COUNT,
        narrow=_once_in_orbit(COUNT),
    ),
    _variable(
        "corps_readiness",
        "number",
        "the mean readiness (0..100) of the player's active named astronauts (0 without any)",
        N_("your corps' readiness"),
        bounds=(0, 100),
    ),
    _variable(
        "projects_researched",
        "number",
        "research projects the player has done (0 in a scenario without 'research')",
        N_("your research projects done"),
        bounds=COUNT,
    ),
    _variable(
        "contributions_delivered",
        "number",
        "the player's contributions to programmes delivered (at launch, in any programme)",
        N_("your contributions delivered"),
        bounds=COUNT,
    ),
    _variable(
        "missions_flown",
        "number",
        "successful flights of the player's national missions (a mission flown twice counts twice)",
        N_("your national missions flown"),
        bounds=COUNT,
    ),
    _variable(
        "firsts_won",
        "number",
        "achievements of the race the player was the first agency to earn (history included; 0 without "
        "'race'): the first anywhere, or the first of its bloc, or its own first, as each "
        "achievement's 'first_among' says",
        N_("the firsts you won in the race"),
        bounds=COUNT,
    ),
    _function(
        "flag",
        ("flag",),
        "truth",
        "true while the scenario flag is set",
        N_("{first}"),
        bounds=TRUTH,
        narrow=_flag,
    ),
    _function(
        "modifier",
        ("modifier",),
        "truth",
        "true while the player is under the timed modifier of that name",
        N_("{first} under way"),
        bounds=TRUTH,
        narrow=_modifier,
    ),
    _function(
        "difficulty",
        ("difficulty",),
        "truth",
        "true when the campaign is played at this difficulty level (chosen at set-up)",
        N_("playing at {first}"),
        bounds=TRUTH,
    ),
    _function(
        "player",
        ("agency",),
        "truth",
        "true when the player runs this agency",
        N_("being {first}"),
        bounds=TRUTH,
        narrow=_player,
    ),
    _function(
        "bloc",
        ("bloc",),
        "truth",
        "true when the player's agency belongs to this bloc (its 'bloc')",
        N_("being one of {first}"),
        bounds=TRUTH,
    ),
    _function(
        "member",
        ("programme",),
        "truth",
        "true while the player is a member (or lead)",
        N_("membership of {first}"),
        bounds=TRUTH,
    ),
    _function(
        "is_member",
        ("agency", "programme"),
        "truth",
        "true while the agency is a member",
        N_("{first}'s membership of {second}"),
        bounds=TRUTH,
    ),
    _function(
        "members",
        ("programme",),
        "number",
        "number of leads and members",
        N_("the partners of {first}"),
        bounds=COUNT,
    ),
    _function(
        "active",
        ("programme",),
        "truth",
        "true unless the programme is cancelled",
        N_("{first} going on"),
        bounds=TRUTH,
    ),
    _function(
        "announced",
        ("programme",),
        "truth",
        "true unless the programme is hidden (see `hidden` and the effect key `announce`)",
        N_("{first} announced"),
        bounds=TRUTH,
    ),
    _function(
        "open_to_partners",
        ("programme",),
        "truth",
        "true while the programme is announced, not cancelled and open to new partners (its `open`, "
        "or what an effect's `open` or `close` made it)",
        N_("{first} open to new partners"),
        bounds=TRUTH,
    ),
    _function(
        "health",
        ("programme",),
        "number",
        "the programme's health, 0 to 100",
        N_("the health of {first}"),
        bounds=(0, 100),
    ),
    _function(
        "relation",
        ("agency",),
        "number",
        "the player's relation with the agency, -100 to 100",
        N_("your relations with {first}"),
        bounds=(-100, 100),
    ),
    _function(
        "relation_between",
        ("agency", "agency"),
        "number",
        "relation between two agencies",
        N_("the relations between {first} and {second}"),
        bounds=(-100, 100),
    ),
    _function(
        "flown",
        ("milestone",),
        "truth",
        "true once the milestone ('programme.milestone') flew",
        N_("{first} flown"),
        bounds=TRUTH,
        narrow=_flown,
    ),
    _function(
        "failed",
        ("milestone",),
        "truth",
        "true once the milestone failed",
        N_("a failure of {first}"),
        bounds=TRUTH,
    ),
    _function(
        "slipped",
        ("milestone",),
        "number",
        "months the milestone has slipped (12: a year late)",
        N_("the slip of {first} in months"),
        bounds=COUNT,
    ),
    _function(
        "delivered",
        ("contribution",),
        "truth",
        "true once the contribution was delivered",
        N_("{first} delivered"),
        bounds=TRUTH,
    ),
    _function(
        "capability",
        ("capability",),
        "number",
        "the player's level in a capability area",
        N_("your level in {first}"),
        bounds=COUNT,
        narrow=_capability,
    ),
    _function(
        "var",
        ("variable",),
        "number",
        "the scenario variable's value (0 until an effect sets it)",
        N_("'{first}'"),
        narrow=_global_variable,
    ),
    _function(
        "agency_var",
        ("agency", "agency_variable"),
        "number",
        "the agency's own variable (0 until an effect sets it)",
        N_("{first}'s '{second}'"),
        narrow=_agency_variable,
    ),
    _function(
        "my_var",
        ("agency_variable",),
        "number",
        "the player's agency's own variable: agency_var of the agency the player runs",
        N_("your '{first}'"),
        narrow=_agency_variable,
    ),
    _function(
        "agency_flag",
        ("agency", "agency_flag"),
        "truth",
        "true while the agency's own flag is set",
        N_("'{second}' for {first}"),
        bounds=TRUTH,
        narrow=_agency_flag,
    ),
    _function(
        "my_flag",
        ("agency_flag",),
        "truth",
        "true while the player's agency's own flag is set: agency_flag of the agency the player runs",
        N_("'{first}' for you"),
        bounds=TRUTH,
        narrow=_agency_flag,
    ),
    _function(
        "mission_flown",
        ("national_mission",),
        "truth",
        "true once the player's national mission has succeeded",
        N_("a success of {first}"),
        bounds=TRUTH,
    ),
    _function(
        "mission_failed",
        ("national_mission",),
        "truth",
        "true once the player's national mission has failed (even if a later try succeeded)",
        N_("a failure of {first}"),
        bounds=TRUTH,
    ),
    _function(
        "mission_underway",
        ("national_mission",),
        "truth",
        "true while the player is building the national mission",
        N_("{first} under way"),
        bounds=TRUTH,
    ),
    _function(
        "researched",
        ("project",),
        "truth",
        "true once the player's research project is done",
        N_("{first} researched"),
        bounds=TRUTH,
    ),
    _function(
        "researching",
        ("project",),
        "truth",
        "true while the player's research project is under way",
        N_("{first} under research"),
        bounds=TRUTH,
    ),
    _function(
        "seats",
        ("programme",),
        "number",
        "crew seats the player holds in the programme",
        N_("your seats in {first}"),
        bounds=COUNT,
    ),
    # the race for firsts (the scenario's 'race:', game/engine/race.py)
    _function(
        "achieved",
        ("achievement",),
        "truth",
        "true once the player has earned the achievement (first or not)",
        N_("you reaching {first}"),
        bounds=TRUTH,
    ),
    _function(
        "achieved_by",
        ("agency", "achievement"),
        "truth",
        "true once the agency has earned the achievement (its history before the start included)",
        N_("{first} reaching {second}"),
        bounds=TRUTH,
    ),
    _function(
        "first_to",
        ("achievement",),
        "truth",
        "true once the player was the first agency to earn the achievement (the first of its bloc, "
        "or its own first, as the achievement's 'first_among' says)",
        N_("you being the first to reach {first}"),
        bounds=TRUTH,
    ),
    _function(
        "before",
        ("agency", "achievement"),
        "truth",
        "true once the player has earned the achievement before the agency did (or while the agency "
        "has not): an objective 'before agency X'",
        N_("you reaching {second} before {first}"),
        bounds=TRUTH,
    ),
    _function(
        "achievers",
        ("achievement",),
        "number",
        "how many agencies have earned the achievement (history included)",
        N_("the agencies that reached {first}"),
        bounds=COUNT,
    ),
    _function(
        "signed",
        ("deal",),
        "truth",
        "true while an agreement from this offer of the scenario's `deals:` is in force",
        N_("the agreement {first} in force"),
        bounds=TRUTH,
    ),
    _function(
        "agreement_with",
        ("agency",),
        "truth",
        "true while the player has an agreement in force with the agency (an offer or a proposal)",
        N_("an agreement with {first} in force"),
        bounds=TRUTH,
    ),
    _function(
        "agreements_broken",
        ("agency",),
        "number",
        "how many agreements with the agency the player has broken",
        N_("the agreements you broke with {first}"),
        bounds=COUNT,
    ),
    # the details of the happening a hooked event answers (game/format/happenings.py)
    _function(
        "happening_agency",
        ("agency",),
        "truth",
        "in an event with 'on:', true when the happening's agency is this one",
        N_("what happened being {first}'s doing"),
        bounds=TRUTH,
        reads="agency",
    ),
    _function(
        "happening_programme",
        ("programme",),
        "truth",
        "in an event with 'on:', true when the happening's programme is this one",
        N_("what happened being in {first}"),
        bounds=TRUTH,
        reads="programme",
    ),
    _function(
        "happening_milestone",
        ("milestone",),
        "truth",
        "in an event with 'on:', true when the happening's milestone is this one",
        N_("what happened being {first}"),
        bounds=TRUTH,
        reads="milestone",
    ),
    _function(
        "happening_project",
        ("project",),
        "truth",
        "in an event with 'on:', true when the happening's research project is this one",
        N_("what happened being {first}"),
        bounds=TRUTH,
        reads="project",
    ),
    _function(
        "happening_contribution",
        ("contribution",),
        "truth",
        "in an event with 'on:', true when the happening's contribution is this one",
        N_("what happened being {first}"),
        bounds=TRUTH,
        reads="contribution",
    ),
)

#: Variables an expression may read, by name, in the reference's order.
VARIABLES: dict[str, Entry] = {e.name: e for e in ENTRIES if not e.function}

#: Functions an expression may call, by name, in the reference's order.
FUNCTIONS: dict[str, Entry] = {e.name: e for e in ENTRIES if e.function}

#: The names of the truth values; Python's spellings are accepted too.
TRUTH_NAMES: dict[str, bool] = {"true": True, "True": True, "false": False, "False": False}


def entry(name: str) -> Entry:
    """The variable or function called ``name`` (a KeyError for a name the parser refused)."""
    return VARIABLES.get(name) or FUNCTIONS[name]
