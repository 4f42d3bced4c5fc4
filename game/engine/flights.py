"""Flights: the player's finished missions and contributions wait for a launch window, with odds.

A scenario with ``flights:`` names the base reliability of each kind of flight (and a mission or
contribution may give its own). When the player's build of one is finished it does not fly at
once: it waits ``window_turns`` for its launch, and in that time the player may prepare it
(tests, reviews, spares: each raises its reliability, with diminishing returns, up to a cap,
and may slip the launch), hold it (the launch slips a turn, at a cost) or launch it early. At
its launch one draw of the campaign's generator gives success, partial success or failure.

A scenario without ``flights:`` never reaches this module's draws: ``cs.flight_bases`` is empty,
no build waits, and :func:`launch_flights` returns at its first test.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Literal

from game.engine import ledger
from game.engine.build_index import build_index
from game.engine.builds import deliver, mission_failed, mission_succeeded
from game.engine.compiled import CompiledScenario
from game.engine.corps import crew_for
from game.engine.happenings import happen
from game.engine.research import reliability_bonus
from game.engine.state import BuildState, FlightState, GameState, k
from game.engine.watch import BUILDS, touch
from game.format.dates import format_date
from game.format.models import PERCENT_MAX, Flights, Preparation
from game.format.words import money
from game.i18n import N_, joined, msg, msgn

Outcome = Literal["success", "partial", "failure"]


def rules_of(cs: CompiledScenario) -> Flights:
    """The scenario's flights section (only called where something flies, so it exists)."""
    assert cs.flights is not None, "flights are asked about in a scenario that has none"
    return cs.flights


def split(key: str) -> tuple[str, str]:
    """(programme, contribution) of a contribution's flight, ('', mission) of a mission's."""
    programme, _, slot = key.rpartition(".")
    return programme, slot


def name_of(cs: CompiledScenario, key: str) -> str:
    programme, item = split(key)
    return cs.programmes[programme].slots[item].name if programme else cs.missions[item].name


def build_of(state: GameState, key: str) -> BuildState:
    programme, item = split(key)
    return state.programmes[programme].slots[item] if programme else state.missions[item].build


def waiting(state: GameState, key: str) -> FlightState | None:
    """The flight ``key`` when it still waits for its launch: built, the player's, not abandoned."""
    flight = state.flights.get(key)
    if flight is None:
        return None
    build = build_of(state, key)
    if build.owner != state.player or build.status != "building" or build.turns_left:
        return None  # cancelled, withdrawn from or released since: nothing flies
    return flight


def waiting_flights(state: GameState, cs: CompiledScenario) -> Iterator[tuple[int, str, FlightState]]:
    """(position, key, flight) of every flight that waits for its launch, in the scenario's order
    (the position orders the offers on the decisions screen)."""
    if not state.flights:
        return
    for index, key in enumerate(cs.flight_bases):
        flight = waiting(state, key)
        if flight is not None:
            yield index, key, flight


def report_action(state: GameState, key: str, text: str) -> None:
    """The news line of the player's action on flight ``key``, under its programme if it has one."""
    ledger.report(state, "action", text, split(key)[0] or None, True)


def not_waiting(state: GameState, cs: CompiledScenario, key: str) -> str:
    """The refusal of a flight action whose flight does not wait for its launch, or ''."""
    if not cs.flight_bases or key not in cs.flight_bases or waiting(state, key) is None:
        return msg("no flight '{target}' waits for its launch", target=key)
    return ""


def preparation(cs: CompiledScenario, preparation_id: str) -> Preparation | None:
    for found in rules_of(cs).preparations:
        if found.id == preparation_id:
            return found
    return None


def gain_of(flights: Flights, prep: Preparation, times: int) -> float:
    """What ``times`` of a preparation add: each repeat gains ``diminishing`` of the one before."""
    return sum(prep.gain * flights.diminishing**done for done in range(times))


def reliability(state: GameState, cs: CompiledScenario, key: str, extra: str = "") -> float:
    """The flight's chance of full success now (with one more ``extra`` preparation if named).

    Its base, plus ``per_level`` for each capability level above what it requires, plus what the
    player's research adds to its kind, plus its preparations; none of them takes it above ``cap``
    (a base above it stays).
    """
    flights = rules_of(cs)
    base = cs.flight_bases[key]
    programme, item = split(key)
    requires = cs.programmes[programme].slots[item].requires if programme else cs.missions[item].requires
    levels = state.me.capabilities
    above = sum(max(0, levels.get(area, 0) - level) for area, level in requires.items())
    raised = base + flights.per_level * above
    if state.researched:
        kind = cs.programmes[programme].slots[item].kind if programme else "mission"
        raised += reliability_bonus(state, cs, kind)
    if not programme and state.corps:
        raised += _crew_term(state, cs, item)
    flight = state.flights.get(key)
    done = dict(flight.prepared) if flight is not None else {}
    if extra:
        done[extra] = done.get(extra, 0) + 1
    for prep in flights.preparations:
        if done.get(prep.id):
            raised += gain_of(flights, prep, done[prep.id])
    return max(0.0, min(raised, max(base, flights.cap), 1.0))


def _crew_term(state: GameState, cs: CompiledScenario, mission: str) -> float:
    """What the readiness of the astronaut who would fly a crewed mission adds (or takes away)."""
    corps = state.corps.get(state.player)
    if corps is None or cs.missions[mission].crew == "none":
        return 0.0
    person = crew_for(corps, mission)
    if person is None:
        return 0.0
    ready, unready = person.readiness, PERCENT_MAX - person.readiness  # even at 50
    return rules_of(cs).crew_readiness * (ready - unready) / PERCENT_MAX


def odds(state: GameState, cs: CompiledScenario, key: str) -> tuple[float, float, float]:
    """(success, partial success, failure) chances of the flight if it launched now."""
    success = reliability(state, cs, key)
    partial = (1 - success) * rules_of(cs).partial_share
    return success, partial, 1 - success - partial


def odds_text(state: GameState, cs: CompiledScenario, key: str) -> str:
    success, partial, failure = odds(state, cs, key)
    return msg(
        "{success:.0%} success, {partial:.0%} partial, {failure:.0%} failure",
        success=success,
        partial=partial,
        failure=failure,
    )


def preparations_text(cs: CompiledScenario, flight: FlightState | None) -> str:
    """What was done to the flight, for the news: 'after Extra tests x2, Design review'."""
    flights = rules_of(cs)
    done = flight.prepared if flight is not None else {}
    parts = [
        prep.name if done[prep.id] == 1 else msg("{name} x{times}", name=prep.name, times=done[prep.id])
        for prep in flights.preparations
        if done.get(prep.id)
    ]
    return (
        msg("after {preparations}", preparations=joined(", ", parts)) if parts else N_("with no preparation")
    )


def outcome_lines(state: GameState, cs: CompiledScenario, key: str) -> list[str]:
    """Each outcome with its chance and what it does, as the player reads them before committing."""
    flights = rules_of(cs)
    success, partial, failure = odds(state, cs, key)
    programme, item = split(key)
    if programme:
        slot = cs.programmes[programme].slots[item]
        earned = msg("{name} delivered", name=slot.name)
        lost = msgn(
            "a replacement costs {cost} and {turns} turn",
            "a replacement costs {cost} and {turns} turns",
            _rebuild_turns(cs, key),
            cost=money(_rebuild_cost(cs, key) / 1000),
            turns=_rebuild_turns(cs, key),
        )
    else:
        mission = cs.missions[item]
        earned = msg("+{science:g} science", science=mission.science + flights.success_science)
        lost = N_("the mission must be built again")
    return [
        msg(
            "Success ({chance:.0%}): {earned}, +{prestige:g} prestige",
            chance=success,
            earned=earned,
            prestige=flights.success_prestige,
        )
        if flights.success_prestige
        else msg("Success ({chance:.0%}): {earned}", chance=success, earned=earned),  # never '+0 prestige'
        msg(
            "Partial success ({chance:.0%}): {share:.0%} of the rewards",
            chance=partial,
            share=flights.partial_reward,
        ),
        msg(
            "Failure ({chance:.0%}): prestige -{prestige:g}, support -{support:g}; {lost}",
            chance=failure,
            prestige=flights.failure_prestige,
            support=flights.failure_support,
            lost=lost,
        ),
    ]


def _rebuild_turns(cs: CompiledScenario, key: str) -> int:
    programme, item = split(key)
    return max(1, math.ceil(cs.programmes[programme].slots[item].build_turns * rules_of(cs).rebuild_share))


def _rebuild_cost(cs: CompiledScenario, key: str) -> int:
    programme, item = split(key)
    return int(k(cs.programmes[programme].slots[item].cost) * rules_of(cs).rebuild_share)


# ---------------------------------------------------------------- the turn step


def launch_flights(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: finished flights get their launch window; the flights whose launch is due fly."""
    if not cs.flight_bases:
        return
    player, missions, flights, bases = state.player, state.missions, state.flights, cs.flight_bases
    for key, programme, item in cs.flight_places:  # the missions come first (compiled.flight_bases)
        if programme:
            break
        build = missions[item].build
        finished = build.owner == player and build.status == "building" and not build.turns_left
        if finished and key not in flights:
            _open_window(state, cs, key)
    for _, pid, sid, build in build_index(state, cs).under_way:  # the contributions, in the same order
        if build.owner == player and build.status == "building" and not build.turns_left:
            key = f"{pid}.{sid}"
            if key in bases and key not in flights:
                _open_window(state, cs, key)
    for key in list(state.flights):
        flight = waiting(state, key)
        if flight is None:
            del state.flights[key]
        elif flight.launch <= state.month:
            _fly(state, cs, key)


def _open_window(state: GameState, cs: CompiledScenario, key: str) -> None:
    flight = state.flights[key] = FlightState(state.month + rules_of(cs).window_turns * cs.turn_months)
    if not state.records:  # the news alone reads the date and the reliability: a playout skips it
        return
    programme, _ = split(key)
    ledger.report(
        state,
        "build",
        msg(
            "{name} is built: launch at the end of {date}, reliability {reliability:.0%}",
            name=name_of(cs, key),
            date=format_date(flight.launch, cs.turn_months),
            reliability=reliability(state, cs, key),
        ),
        programme or None,
        True,
    )


def draw(state: GameState, cs: CompiledScenario, key: str) -> Outcome:
    """One draw of the campaign's generator against the flight's odds."""
    success, partial, _ = odds(state, cs, key)
    roll = state.rng.random()
    if roll < success:
        return "success"
    return "partial" if roll < success + partial else "failure"


#: The news of each outcome, and the happening events may answer (issue 14's firsts hook here).
_NEWS = {
    "success": N_("{name} succeeds: reliability was {reliability:.0%} {preparations}"),
    "partial": N_("{name} partly succeeds: reliability was {reliability:.0%} {preparations}"),
    "failure": N_("{name} fails: reliability was {reliability:.0%} {preparations}"),
}
_HAPPENINGS = {
    "success": "flight_succeeded",
    "partial": "flight_partly_succeeded",
    "failure": "flight_failed",
}


def _fly(state: GameState, cs: CompiledScenario, key: str) -> None:
    flights = rules_of(cs)
    chance = reliability(state, cs, key) if state.records else 0.0  # for the news alone
    outcome = draw(state, cs, key)
    flight = state.flights.pop(key)
    programme, item = split(key)
    if state.records:  # the news, worded only where it is kept
        ledger.report(
            state,
            "failure" if outcome == "failure" else "milestone",
            msg(
                _NEWS[outcome],
                name=name_of(cs, key),
                reliability=chance,
                preparations=preparations_text(cs, flight),
            ),
            programme or None,
            True,
        )
    if cs.hooked_kinds:
        happen(
            state,
            cs,
            _HAPPENINGS[outcome],
            agency=state.player,
            programme=programme,
            contribution=key if programme else "",
            mission="" if programme else item,
        )
    me, name = state.me, name_of(cs, key)
    if outcome == "failure":
        ledger.gain(state, me, "prestige", -flights.failure_prestige, msg("{name} failed", name=name))
        if programme:
            _replace(state, cs, key)
            ledger.gain(state, me, "support", -flights.failure_support, msg("{name} failed", name=name))
        else:
            mission_failed(state, cs, item, flights.failure_support)
        return
    if outcome == "success":
        ledger.gain(state, me, "prestige", flights.success_prestige, name)
        ledger.gain(state, me, "science", flights.success_science, name)
    share = 1.0 if outcome == "success" else flights.partial_reward
    if programme:
        build_of(state, key).partial = outcome == "partial"
        deliver(state, cs, state.programmes[programme], item)
    else:
        mission = cs.missions[item]
        state.missions[item].build.status = "delivered" if not mission.repeatable else "open"
        touch(state, BUILDS)
        mission_succeeded(state, cs, item, share)


def _replace(state: GameState, cs: CompiledScenario, key: str) -> None:
    """A contribution lost at launch: a replacement is built, for a share of its cost and turns."""
    build = build_of(state, key)
    build.turns_left = _rebuild_turns(cs, key)
    build.cost_left = _rebuild_cost(cs, key)
    build.stalled = 0
    programme, _ = split(key)
    ledger.report(
        state,
        "slip",
        msgn(
            "A replacement {name} is built: {cost} over {turns} turn",
            "A replacement {name} is built: {cost} over {turns} turns",
            build.turns_left,
            name=name_of(cs, key),
            cost=money(build.cost_left / 1000),
            turns=build.turns_left,
        ),
        programme,
        True,
    )
