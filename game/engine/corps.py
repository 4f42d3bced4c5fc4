"""Named astronauts: who flies an agency's seat, training, selection rounds and losses.

Only agencies whose scenario names their astronauts (``astronauts:`` as a list) have a corps
(``state.corps``); for every other agency the astronauts stay a number and nothing here runs,
so their campaigns draw the same numbers as before. An agency's ``astronauts`` figure is kept
equal to its active astronauts, so expressions and the dashboard read one number.
"""

from __future__ import annotations

from typing import Literal

from game.engine import ledger
from game.engine.compiled import CompiledScenario
from game.engine.happenings import happen
from game.engine.rulebook import ENDED_STATUSES, TOP, clamp_percent
from game.engine.state import AgencyState, AstronautState, CorpsState, FlightRecord, GameState, k
from game.format.models import Rules
from game.i18n import msg, msgn


def loss_chance(rules: Rules, readiness: float) -> float:
    """The chance that an astronaut of this readiness is lost on a flight (shown on the corps screen)."""
    return rules.loss_chance + rules.loss_unready * (1 - clamp_percent(readiness) / 100)


def may_fly(state: GameState, agency: str) -> bool:
    """Whether the agency's astronauts may take a seat now: always without a named corps."""
    corps = state.corps.get(agency) if state.corps else None
    return corps is None or corps.stand_down == 0


def crew_for(corps: CorpsState, seat: str) -> AstronautState | None:
    """Who flies ``seat`` (a programme's or mission's id): the one assigned to it, else the readiest
    of those not assigned elsewhere, else the readiest of all; the first in the corps on a tie."""
    active = corps.active()
    for astronaut in active:
        if astronaut.assigned == seat:
            return astronaut
    free = [astronaut for astronaut in active if not astronaut.assigned] or active
    return max(free, key=lambda astronaut: astronaut.readiness, default=None)


def fly(
    state: GameState, cs: CompiledScenario, agency: AgencyState, where: Literal["orbit", "surface"], seat: str
) -> AstronautState | None:
    """A named astronaut of ``agency`` flies ``seat``: the flight goes on their record, and the
    campaign's generator decides whether they come back. None without a named corps."""
    corps = state.corps.get(agency.id) if state.corps else None
    if corps is None:
        return None
    astronaut = crew_for(corps, seat)
    if astronaut is None:
        return None
    astronaut.flights.append(FlightRecord(state.month, where, seat))
    astronaut.assigned = ""
    if state.rng.random() < loss_chance(cs.rules, astronaut.readiness):
        _lost(state, cs, agency, corps, astronaut, seat)
    return astronaut


def _lost(
    state: GameState,
    cs: CompiledScenario,
    agency: AgencyState,
    corps: CorpsState,
    astronaut: AstronautState,
    seat: str,
) -> None:
    """A loss in an accident: a crisis for the agency, and a happening events can answer."""
    rules = cs.rules
    astronaut.status, astronaut.training = "lost", False
    corps.stand_down = max(corps.stand_down, rules.stand_down_turns)
    _count(state, agency, msg("{name} lost", name=astronaut.name))
    mine = agency.id == state.player
    ledger.report(
        state,
        "failure",
        msgn(
            "{name} ({agency}) is lost in an accident; its astronauts stand down for {turns} turn",
            "{name} ({agency}) is lost in an accident; its astronauts stand down for {turns} turns",
            rules.stand_down_turns,
            name=astronaut.name,
            agency=cs.agencies[agency.id].short,
            turns=rules.stand_down_turns,
        ),
        None,
        mine,
    )
    reason = msg("{name} lost", name=astronaut.name)
    ledger.gain(state, agency, "support", -rules.loss_support, reason)
    ledger.gain(state, agency, "prestige", -rules.loss_prestige, reason)
    if cs.hooked_kinds:
        happen(
            state,
            cs,
            "astronaut_lost",
            agency=agency.id,
            programme=seat if seat in state.programmes else "",
            mission=seat if seat in state.missions else "",
        )


def enlist(state: GameState, cs: CompiledScenario, agency: AgencyState, count: int) -> list[str]:
    """Up to ``count`` new astronauts, their names drawn from the recruits left; the names drawn."""
    corps = state.corps[agency.id]
    drawn = state.rng.sample(corps.recruits, min(count, len(corps.recruits)))
    for name in drawn:
        corps.recruits.remove(name)
        number = str(len(corps.astronauts) + 1)
        corps.astronauts.append(AstronautState(number, name, float(cs.rules.recruit_readiness)))
    return drawn


def resize(state: GameState, cs: CompiledScenario, agency: AgencyState, delta: int, reason: str) -> None:
    """An effect's ``astronauts``: recruits join (while names last) or the least ready leave."""
    if delta > 0:
        enlist(state, cs, agency, delta)
    else:
        free = sorted(
            (a for a in state.corps[agency.id].active() if not a.assigned), key=lambda a: a.readiness
        )
        for astronaut in free[:-delta]:
            astronaut.status, astronaut.training = "retired", False
    _count(state, agency, reason)


def _count(state: GameState, agency: AgencyState, reason: str) -> None:
    """Keep the agency's astronaut figure equal to its active corps, on the record."""
    active = len(state.corps[agency.id].active())
    ledger.gain(state, agency, "astronauts", active - agency.astronauts, reason)


def corps_turn(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: stand-downs run out; the player's corps trains and its selection round goes on."""
    if not state.corps:
        return
    for each in state.corps.values():
        if each.stand_down:
            each.stand_down -= 1
    corps = state.corps.get(state.player)
    if corps is not None:
        _train(state, cs, corps)
        if corps.selection_turns:
            corps.selection_turns -= 1
            if not corps.selection_turns:
                _select(state, cs)


def _train(state: GameState, cs: CompiledScenario, corps: CorpsState) -> None:
    """Each astronaut in training gains readiness for its cost (none when the money is short);
    the others lose a little."""
    rules, me = cs.rules, state.me
    cost = k(rules.training_cost)
    gain, decay = rules.training_gain, rules.readiness_decay
    for astronaut in corps.astronauts:  # the active ones (CorpsState.active, without a list)
        if astronaut.status != "active":
            continue
        if astronaut.training and me.money >= cost:
            reason = msg("training of {name}", name=astronaut.name) if state.records else ""
            ledger.pay(state, me, -cost, reason)
            astronaut.readiness = clamp_percent(astronaut.readiness + gain)
            continue
        # rulebook.clamp_percent inline, as a loss (tests/test_rulebook.py holds it): every turn,
        # for every astronaut not in training
        readiness = astronaut.readiness - decay
        astronaut.readiness = 0.0 if readiness <= 0.0 else (TOP if readiness > TOP else readiness)


def _select(state: GameState, cs: CompiledScenario) -> None:
    """The player's selection round ends: its candidates join the corps."""
    me = state.me
    names = enlist(state, cs, me, cs.rules.selection_candidates)
    _count(state, me, msg("selection of {names}", names=", ".join(names)))
    ledger.report(
        state,
        "crew",
        msg("The astronaut selection ends: {names} join the corps", names=", ".join(names))
        if names
        else msg("The astronaut selection ends without a candidate"),
        None,
        True,
    )


def seats(state: GameState, cs: CompiledScenario) -> dict[str, str]:
    """The seats the player may assign an astronaut to, by id, with their names: the programmes in
    which it holds crew seats and whose crewed flights are still to come, and its crewed national
    missions not flown for good."""
    found: dict[str, str] = {}
    player = state.player
    for pid, programme in state.programmes.items():
        if programme.hidden or programme.status in ENDED_STATUSES or not programme.seat_count(player):
            continue
        crewed = cs.programmes[pid].milestones
        if any(m.status == "pending" and crewed[m.id].crew != "none" for m in programme.milestones):
            found[pid] = cs.programmes[pid].model.short
    for mid, mission in cs.missions.items():
        if mission.crew != "none" and (mission.repeatable or not state.missions[mid].successes):
            found.setdefault(mid, mission.name)
    return found


def player_corps(state: GameState) -> CorpsState | None:
    """The player's corps, or None when the scenario names no astronauts for its agency."""
    return state.corps.get(state.player) if state.corps else None


def unfit_refusal(person: AstronautState | None, number: str) -> str:
    """The refusal of an action on astronaut ``number`` who is not in the corps or flies no more."""
    if person is None:
        return msg("no astronaut number '{target}' in your corps", target=number)
    if person.status != "active":
        return msg("{name} no longer flies", name=person.name)
    return ""


def astronaut(state: GameState, number: str) -> AstronautState | None:
    """The player's astronaut of that number, if any."""
    corps = player_corps(state)
    if corps is None:
        return None
    for person in corps.astronauts:
        if person.id == number:
            return person
    return None
