"""The happenings an event can be hooked on (``on:``), with the details each one carries.

Declared here, once, for the models (the JSON Schema's choices), the checks (a filter must be
a detail of its happening, an id must exist), the reference and the expression functions that
read the details; the engine records them (game/engine/hooks.py) where they happen, and a test
holds the two sides equal, as it does for the expression vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: A detail of a happening: what a filter of ``on:`` and the happening's functions name.
Detail = Literal[
    "agency", "programme", "milestone", "contribution", "mission", "action", "year", "achievement", "project"
]


@dataclass(frozen=True, slots=True)
class HappeningKind:
    """A kind of happening: its name, what it means, and the details it carries."""

    name: str
    doc: str
    details: tuple[Detail, ...]


HAPPENINGS: dict[str, HappeningKind] = {
    kind.name: kind
    for kind in (
        HappeningKind("agency_joined", "an agency joins a programme", ("agency", "programme")),
        HappeningKind("agency_left", "an agency leaves a programme", ("agency", "programme")),
        HappeningKind("milestone_flew", "a programme's milestone flies", ("programme", "milestone")),
        HappeningKind(
            "milestone_slipped",
            "a milestone slips (one happening per milestone; a restructuring slips them all)",
            ("programme", "milestone"),
        ),
        HappeningKind(
            "milestone_failed",
            "a milestone's flight fails (given up or tried again)",
            ("programme", "milestone"),
        ),
        HappeningKind(
            "mission_flew", "one of the player's national missions succeeds", ("agency", "mission")
        ),
        HappeningKind("mission_failed", "one of the player's national missions fails", ("agency", "mission")),
        HappeningKind(
            "contribution_delivered",
            "an agency delivers its contribution to a programme",
            ("agency", "programme", "contribution"),
        ),
        HappeningKind(
            "astronaut_lost",
            "a named astronaut is lost in an accident on a flight (its agency; the programme or "
            "national mission flown)",
            ("agency", "programme", "mission"),
        ),
        HappeningKind(
            "flight_succeeded",
            "one of the player's flights (a national mission, or the launch that delivers a "
            "contribution) succeeds",
            ("agency", "programme", "contribution", "mission"),
        ),
        HappeningKind(
            "flight_partly_succeeded",
            "one of the player's flights partly succeeds: it earns a share of its rewards",
            ("agency", "programme", "contribution", "mission"),
        ),
        HappeningKind(
            "flight_failed",
            "one of the player's flights fails: a mission is built again, a contribution replaced",
            ("agency", "programme", "contribution", "mission"),
        ),
        HappeningKind(
            "crew_flew",
            "an agency's astronaut flies to lunar orbit or the surface (the programme or national "
            "mission flown)",
            ("agency", "programme", "mission"),
        ),
        HappeningKind(
            "crew_landed",
            "an agency's astronaut lands on the Moon (after its crew_flew)",
            ("agency", "programme", "mission"),
        ),
        HappeningKind(
            "achievement_earned",
            "an agency earns an achievement of the scenario's race, first or not",
            ("agency", "achievement"),
        ),
        HappeningKind(
            "first_achieved",
            "an agency is the first to earn an achievement of the scenario's race",
            ("agency", "achievement"),
        ),
        HappeningKind(
            "research_started",
            "the player starts a research project (its agency: the player)",
            ("agency", "project"),
        ),
        HappeningKind(
            "research_completed",
            "one of the player's research projects is done: what it unlocks is the player's",
            ("agency", "project"),
        ),
        HappeningKind("deal_offered", "a computer-run agency offers the player a deal", ("agency",)),
        HappeningKind(
            "deal_signed", "the player signs a deal with an agency (an offer or a proposal)", ("agency",)
        ),
        HappeningKind("deal_refused", "the player refuses an agency's offer, or lets it lapse", ("agency",)),
        HappeningKind(
            "deal_broken",
            "the player breaks an agreement (by the break action, or by withdrawing what it promised)",
            ("agency",),
        ),
        HappeningKind("year_began", "a fiscal year begins: the player's appropriation arrives", ("year",)),
        HappeningKind(
            "player_acted",
            "the player takes an action (any but ending the turn); its agency is the one acted "
            "towards (diplomacy, a proposal) or else the player; its programme or mission the one acted on",
            ("action", "agency", "programme", "mission"),
        ),
    )
}

#: Each detail and what it holds, in the order filters and the reference list them.
DETAILS: tuple[tuple[Detail, str], ...] = (
    ("agency", "the agency's id"),
    ("programme", "the programme's id"),
    ("milestone", "the milestone, as 'programme.milestone'"),
    ("contribution", "the contribution, as 'programme.contribution'"),
    ("mission", "the national mission's id"),
    ("action", "the kind of the player's action"),
    ("year", "the fiscal year (the calendar year it begins in)"),
    ("achievement", "the achievement's id (the scenario's race)"),
    ("project", "the research project's id"),
)

#: The kinds of the player's actions a ``player_acted`` hook may name: the engine's action
#: registry's kinds but ending the turn (tests/test_hooks.py holds the two lists equal).
PLAYER_ACTIONS: tuple[str, ...] = (
    "answer",
    "apply",
    "fund",
    "cancel",
    "withdraw",
    "invest",
    "mission",
    "diplomacy",
    "selection",
    "train",
    "assign",
    "prepare",
    "hold",
    "launch",
    "research",
    "cancel_research",
    "accept_deal",
    "refuse_deal",
    "propose_deal",
    "break_deal",
)

#: The placeholders an effect of a hooked event may write instead of an id, and the detail each reads.
EFFECT_PLACEHOLDERS: dict[str, Detail] = {"$agency": "agency", "$programme": "programme"}


def details_of(kind: str | None) -> tuple[Detail, ...]:
    """The details in scope in an event hooked on ``kind`` (nothing outside a hooked event)."""
    found = HAPPENINGS.get(kind) if kind is not None else None
    return found.details if found is not None else ()
