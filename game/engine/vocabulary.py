"""The engine's side of the expression vocabulary: one implementation per declared name.

The names, kinds and docs are declared in game/format/vocabulary.py (the format never
imports the engine); here each name gets a factory that, given the call's quoted ids,
returns a closure over the game state. A test holds the declared and implemented names
equal, so a function cannot be documented and not run, or run and not documented.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine.state import AstronautState, GameState, MilestoneState
from game.engine.watch import (
    BUILDS,
    CREW,
    DELIVERED,
    FIRSTS,
    FLAGS,
    MEMBERS,
    MILESTONES,
    MISSIONS,
    PROGRAMMES,
)

Getter = Callable[[GameState], Any]
Factory = Callable[..., Getter]

#: The implementation of every variable and function, by name: called with the call's ids.
IMPLEMENTATIONS: dict[str, Factory] = {}

#: Variables that are a field of the player's agency under the same name (a faster division).
PLAYER_FIELDS: set[str] = set()

#: The channels of the state each name reads (game/engine/watch.py), for the names that read only
#: watched channels (none: a constant for the campaign); a name not here is asked every time.
READS: dict[str, frozenset[int]] = {}

#: The names whose implementation loops over a part of the state (dear to ask every turn).
LOOPING: set[str] = set()


def implements(
    name: str, player_field: bool = False, reads: tuple[int, ...] | None = None, loops: bool = False
) -> Callable[[Factory], Factory]:
    """Register the decorated factory as the implementation of ``name`` (once only), with the
    watched channels it ``reads`` (None: something unwatched, such as the date or money) and
    whether it ``loops`` over a part of the state."""

    def register(factory: Factory) -> Factory:
        if name in IMPLEMENTATIONS:
            raise ValueError(f"'{name}' is implemented twice")
        IMPLEMENTATIONS[name] = factory
        if player_field:
            PLAYER_FIELDS.add(name)
        if reads is not None:
            READS[name] = frozenset(reads)
        if loops:
            LOOPING.add(name)
        return factory

    return register


# ---------------------------------------------------------------- variables


@implements("year")
def year() -> Getter:
    return lambda s: s.month // 12


@implements("quarter")
def quarter() -> Getter:
    return lambda s: (s.month % 12) // 3 + 1


@implements("turn")
def turn() -> Getter:
    return lambda s: s.turn


@implements("money")
def money() -> Getter:
    return lambda s: s.agencies[s.player].money / 1000


@implements("budget")
def budget() -> Getter:
    return lambda s: s.agencies[s.player].appropriation / 1000


@implements("support", player_field=True)
def support() -> Getter:
    return lambda s: s.agencies[s.player].support


@implements("prestige", player_field=True)
def prestige() -> Getter:
    return lambda s: s.agencies[s.player].prestige


@implements("science", player_field=True)
def science() -> Getter:
    return lambda s: s.agencies[s.player].science


@implements("astronauts", player_field=True)
def astronauts() -> Getter:
    return lambda s: s.agencies[s.player].astronauts


@implements("flights", player_field=True, reads=(CREW,))
def flights() -> Getter:
    return lambda s: s.agencies[s.player].flights


@implements("crewed_orbit", player_field=True, reads=(CREW,))
def crewed_orbit() -> Getter:
    return lambda s: s.agencies[s.player].crewed_orbit


@implements("crewed_surface", player_field=True, reads=(CREW,))
def crewed_surface() -> Getter:
    return lambda s: s.agencies[s.player].crewed_surface


def _corps_of_player(s: GameState) -> list[AstronautState]:
    corps = s.corps.get(s.player) if s.corps else None
    return corps.astronauts if corps is not None else []


@implements("astronauts_flown", loops=True)
def astronauts_flown() -> Getter:
    return lambda s: sum(1 for a in _corps_of_player(s) if a.flights)


@implements("astronauts_lost", loops=True)
def astronauts_lost() -> Getter:
    return lambda s: sum(1 for a in _corps_of_player(s) if a.status == "lost")


@implements("corps_readiness", loops=True)
def corps_readiness() -> Getter:
    def mean(s: GameState) -> float:
        active = [a.readiness for a in _corps_of_player(s) if a.status == "active"]
        return sum(active) / len(active) if active else 0.0

    return mean


@implements("projects_researched")
def projects_researched() -> Getter:
    return lambda s: len(s.researched)


@implements("contributions_delivered", reads=(DELIVERED,), loops=True)
def contributions_delivered() -> Getter:
    def count(s: GameState) -> int:  # loops, not a generator: a graded objective asks every turn
        me, found = s.player, 0
        for p in s.programmes.values():
            for b in p.slots.values():
                if b.owner == me and b.status == "delivered":
                    found += 1
        return found

    return count


@implements("missions_flown", reads=(MISSIONS,), loops=True)
def missions_flown() -> Getter:
    def count(s: GameState) -> int:
        found = 0
        for m in s.missions.values():
            found += m.successes
        return found

    return count


@implements("firsts_won", reads=(FIRSTS,), loops=True)
def firsts_won() -> Getter:
    def count(s: GameState) -> int:
        me, found, among = s.player, 0, s.firsts_among
        for achievement, who in s.firsts.items():
            if among and achievement in among:  # a first of each bloc, or each agency's own
                found += me in among[achievement]
            elif who and who[0][0] == me:
                found += 1
        return found

    return count


# ---------------------------------------------------------------- functions


@implements("flag", reads=(FLAGS,))
def flag(name: str) -> Getter:
    return lambda s: name in s.flags


@implements("difficulty", reads=())
def difficulty(level: str) -> Getter:
    return lambda s: s.difficulty == level


@implements("modifier")
def modifier(name: str) -> Getter:
    return lambda s: bool(s.modifiers) and any(m.name == name and m.agency == s.player for m in s.modifiers)


@implements("player", reads=())
def player(agency: str) -> Getter:
    return lambda s: s.player == agency


@implements("bloc", reads=())
def bloc(name: str) -> Getter:
    return lambda s: s.blocs.get(s.player) == name


@implements("member", reads=(MEMBERS,))
def member(programme: str) -> Getter:
    def getter(s: GameState) -> bool:  # the programme looked up once: conditions ask every turn
        found, me = s.programmes[programme], s.player
        return me in found.leads or me in found.members

    return getter


@implements("is_member", reads=(MEMBERS,))
def is_member(agency: str, programme: str) -> Getter:
    return lambda s: s.programmes[programme].is_member(agency)


@implements("members", reads=(MEMBERS,))
def members(programme: str) -> Getter:
    return lambda s: len(s.programmes[programme].leads) + len(s.programmes[programme].members)


@implements("active", reads=(PROGRAMMES,))
def active(programme: str) -> Getter:
    return lambda s: s.programmes[programme].status != "cancelled"


@implements("announced", reads=(PROGRAMMES,))
def announced(programme: str) -> Getter:
    return lambda s: not s.programmes[programme].hidden


@implements("open_to_partners", reads=(PROGRAMMES,))
def open_to_partners(programme: str) -> Getter:
    def getter(s: GameState) -> bool:
        state = s.programmes[programme]
        return state.status != "cancelled" and state.takes_partners()

    return getter


@implements("health")
def health(programme: str) -> Getter:
    return lambda s: s.programmes[programme].health


@implements("relation")
def relation(agency: str) -> Getter:
    return lambda s: s.relation(s.player, agency)


@implements("relation_between")
def relation_between(first: str, second: str) -> Getter:
    return lambda s: s.relation(first, second)


def _split(ref: str) -> tuple[str, str, list[int]]:
    """The programme and milestone ids of ``programme.milestone``, and a hint of where it is listed."""
    programme, milestone = ref.split(".", 1)
    return programme, milestone, [0]  # every state of a scenario lists the milestones alike


def _search(items: list[MilestoneState], milestone: str, hint: list[int]) -> MilestoneState | None:
    """The milestone, found the slow way (the hint was wrong), and the hint set for next time."""
    for at, item in enumerate(items):
        if item.id == milestone:
            hint[0] = at
            return item
    return None


# The three milestone functions look the milestone up inline (one call per evaluation, not two):
# conditions such as not flown("gateway.artemis_i") are evaluated for every event every turn.


@implements("flown", reads=(MILESTONES,))
def flown(ref: str) -> Getter:
    programme, milestone, hint = _split(ref)

    def getter(s: GameState) -> bool:
        items = s.programmes[programme].milestones
        at = hint[0]
        item = items[at] if at < len(items) and items[at].id == milestone else _search(items, milestone, hint)
        return item is not None and item.status == "flown"

    return getter


@implements("failed", reads=(MILESTONES,))
def failed(ref: str) -> Getter:
    programme, milestone, hint = _split(ref)

    def getter(s: GameState) -> bool:
        items = s.programmes[programme].milestones
        at = hint[0]
        item = items[at] if at < len(items) and items[at].id == milestone else _search(items, milestone, hint)
        return item is not None and item.failures > 0

    return getter


@implements("slipped")
def slipped(ref: str) -> Getter:
    """Months the milestone has slipped, whatever the turn length (12: a year late)."""
    programme, milestone, hint = _split(ref)

    def getter(s: GameState) -> Any:
        items = s.programmes[programme].milestones
        at = hint[0]
        item = items[at] if at < len(items) and items[at].id == milestone else _search(items, milestone, hint)
        return item.slipped_turns_months if item is not None else False

    return getter


@implements("delivered", reads=(DELIVERED,))
def delivered(ref: str) -> Getter:
    programme, slot = ref.split(".", 1)
    return lambda s: s.programmes[programme].slots[slot].status == "delivered"


@implements("capability")
def capability(area: str) -> Getter:
    return lambda s: s.agencies[s.player].capabilities.get(area, 0)


@implements("researched")
def researched(project: str) -> Getter:
    return lambda s: project in s.researched


@implements("researching")
def researching(project: str) -> Getter:
    return lambda s: project in s.research


@implements("seats")
def seats(programme: str) -> Getter:
    return lambda s: s.programmes[programme].seat_count(s.player)


# ---------------------------------------------------------------- the scenario's own variables and flags

#: What an agency without variables or flags of its own reads: nothing (never written to).
_NOTHING: dict[str, float] = {}


@implements("var", reads=(FLAGS,))
def var(name: str) -> Getter:
    return lambda s: s.variables.get(name, 0)


@implements("agency_var", reads=(FLAGS,))
def agency_var(agency: str, name: str) -> Getter:
    return lambda s: s.agency_variables.get(agency, _NOTHING).get(name, 0)


@implements("my_var", reads=(FLAGS,))
def my_var(name: str) -> Getter:
    return lambda s: s.agency_variables.get(s.player, _NOTHING).get(name, 0)


@implements("agency_flag", reads=(FLAGS,))
def agency_flag(agency: str, name: str) -> Getter:
    return lambda s: name in s.agency_flags.get(agency, ())


@implements("my_flag", reads=(FLAGS,))
def my_flag(name: str) -> Getter:
    return lambda s: name in s.agency_flags.get(s.player, ())


# ---------------------------------------------------------------- the player's national missions


@implements("mission_flown", reads=(MISSIONS,))
def mission_flown(mission: str) -> Getter:
    return lambda s: s.missions[mission].successes > 0


@implements("mission_failed", reads=(MISSIONS,))
def mission_failed(mission: str) -> Getter:
    return lambda s: s.missions[mission].failures > 0


@implements("mission_underway", reads=(BUILDS,))
def mission_underway(mission: str) -> Getter:
    return lambda s: s.missions[mission].build.status == "building"


# ---------------------------------------------------------------- the happening a hooked event answers


@implements("happening_agency")
def happening_agency(agency: str) -> Getter:
    return lambda s: s.happening is not None and s.happening.agency == agency


@implements("happening_programme")
def happening_programme(programme: str) -> Getter:
    return lambda s: s.happening is not None and s.happening.programme == programme


@implements("happening_milestone")
def happening_milestone(ref: str) -> Getter:
    return lambda s: s.happening is not None and s.happening.milestone == ref


@implements("happening_contribution")
def happening_contribution(ref: str) -> Getter:
    return lambda s: s.happening is not None and s.happening.contribution == ref


# ---------------------------------------------------------------- the race for firsts (game/engine/race.py)


@implements("achieved", reads=(FIRSTS,))
def achieved(achievement: str) -> Getter:
    return lambda s: s.rank(achievement, s.player) > 0


@implements("achieved_by", reads=(FIRSTS,))
def achieved_by(agency: str, achievement: str) -> Getter:
    return lambda s: s.rank(achievement, agency) > 0


@implements("first_to", reads=(FIRSTS,))
def first_to(achievement: str) -> Getter:
    def getter(s: GameState) -> bool:
        among = s.firsts_among.get(achievement)  # a first of each bloc, or each agency's own
        return s.player in among if among is not None else s.rank(achievement, s.player) == 1

    return getter


@implements("before", reads=(FIRSTS,))
def before(agency: str, achievement: str) -> Getter:
    def getter(s: GameState) -> bool:
        mine = s.rank(achievement, s.player)
        theirs = s.rank(achievement, agency)
        return mine > 0 and (theirs == 0 or mine < theirs)

    return getter


@implements("achievers", reads=(FIRSTS,))
def achievers(achievement: str) -> Getter:
    return lambda s: len(s.firsts.get(achievement, ()))


@implements("happening_project")
def happening_project(project: str) -> Getter:
    return lambda s: s.happening is not None and s.happening.project == project


# ---------------------------------------------------------------- deals (game/engine/deals.py)


@implements("signed")
def signed(deal: str) -> Getter:
    return lambda s: bool(s.deals) and any(d.deal == deal and d.status == "signed" for d in s.deals)


@implements("agreement_with")
def agreement_with(agency: str) -> Getter:
    return lambda s: bool(s.deals) and any(d.agency == agency and d.status == "signed" for d in s.deals)


@implements("agreements_broken", loops=True)
def agreements_broken(agency: str) -> Getter:
    return lambda s: sum(1 for d in s.deals if d.agency == agency and d.status == "broken")
