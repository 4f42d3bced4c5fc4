"""What contributions and crewed flights earn: seats, science, prestige, support, budget."""

from __future__ import annotations

from typing import Literal

from game.engine import corps, ledger
from game.engine.build_index import build_index, rewarded
from game.engine.compiled import CompiledScenario
from game.engine.happenings import happen
from game.engine.rulebook import budget_modifier
from game.engine.state import AgencyState, GameState
from game.engine.watch import CREW, touch
from game.format.words import with_indefinite
from game.i18n import N_, msg, msgn


def grant_slot_rewards(state: GameState, cs: CompiledScenario, programme_id: str, slot_id: str) -> None:
    """The one-off rewards of a delivered contribution whose carrier has flown."""
    build = state.programmes[programme_id].slots[slot_id]
    if build.rewarded or build.owner is None:
        return
    build.rewarded = True
    rewarded(state, cs, programme_id, slot_id)
    slot = cs.programmes[programme_id].slots[slot_id]
    owner = state.agencies[build.owner]
    rewards = slot.rewards
    reason = msg("{name} in service", name=slot.name) if state.records else ""
    if rewards.crew_seats or rewards.surface_seats:
        programme = state.programmes[programme_id]
        programme.seats[owner.id] = programme.seats.get(owner.id, 0) + rewards.crew_seats
        programme.surface_seats[owner.id] = programme.surface_seats.get(owner.id, 0) + rewards.surface_seats
        if owner.id == state.player:
            short = cs.programmes[programme_id].model.short
            ledger.report(
                state,
                "crew",
                msg(
                    "{name} earns {seats_text} on {programme}",
                    name=slot.name,
                    seats_text=_seats_text(rewards.crew_seats, rewards.surface_seats),
                    programme=short,
                ),
                programme_id,
                True,
            )
    prestige, support, budget = rewards.prestige, rewards.support, rewards.budget
    if build.partial and cs.flights is not None:  # its flight partly succeeded: a share of the rewards
        share = cs.flights.partial_reward
        prestige, support, budget = prestige * share, support * share, budget * share
    ledger.gain(state, owner, "prestige", prestige, reason)
    ledger.gain(state, owner, "support", support, reason)
    owner.budget_modifier = budget_modifier(owner.budget_modifier, budget, cs.rules)


def science_income(state: GameState, cs: CompiledScenario) -> None:
    """Science per turn from every contribution in service."""
    agencies, player, programmes, records = state.agencies, state.player, state.programmes, state.records
    for _, pid, build, per_turn, name in build_index(state, cs).earning:  # in the scan's order
        owner = build.owner
        if not build.rewarded or owner is None or programmes[pid].status == "cancelled":
            continue
        if owner == player:
            if build.partial and cs.flights is not None:  # a flight that partly succeeded
                per_turn *= cs.flights.partial_reward
            if records:  # on the record; without one, the same sum inline
                ledger.gain(state, agencies[owner], "science", per_turn, name)
                continue
        if per_turn:  # ledger.gain's science rule (rulebook.never_below_zero) inline, without a record
            agency = agencies[owner]
            value = agency.science + per_turn
            agency.science = value if value > 0.0 else 0.0


def crew_flight(
    state: GameState,
    cs: CompiledScenario,
    agency: AgencyState,
    where: Literal["orbit", "surface"],
    carrier: str,
    seat: str = "",
) -> None:
    """An astronaut of ``agency`` flies to lunar orbit or the surface on ``seat`` (the programme's or
    national mission's id); with a named corps, the one it assigned or the readiest (game/engine/corps.py)."""
    named = None
    if state.corps and agency.id in state.corps:
        if not corps.may_fly(state, agency.id) or not state.corps[agency.id].active():
            if agency.id == state.player:
                ledger.report(
                    state, "crew", msg("{carrier} flies without a crew", carrier=carrier), None, True
                )
            return
        named = corps.fly(state, cs, agency, where, seat)
    agency.flights += 1
    agency.crewed_orbit = True
    touch(state, CREW)
    if where == "surface":
        agency.crewed_surface = True
    if agency.first_crew_month is None:
        agency.first_crew_month = state.month
    if cs.hooked_kinds:
        programme, mission = (seat, "") if seat in state.programmes else ("", seat)
        happen(state, cs, "crew_flew", agency=agency.id, programme=programme, mission=mission)
        if where == "surface":
            happen(state, cs, "crew_landed", agency=agency.id, programme=programme, mission=mission)
    if agency.id == state.player:
        rules = cs.rules
        reason = ""  # the news and the reason, worded only where they are kept
        if state.records:
            place = N_("on the lunar surface") if where == "surface" else N_("in lunar orbit")
            short = cs.agencies[agency.id].short
            # "An ESA astronaut", "A JAXA astronaut": the article is English grammar, so it is a message.
            an = with_indefinite(short, capital=True).startswith("An ")
            who = msg("An {agency}", agency=short) if an else msg("A {agency}", agency=short)
            text = (
                msg("{name} flies {place} ({carrier})", name=named.name, place=place, carrier=carrier)
                if named is not None
                else msg("{who} astronaut flies {place} ({carrier})", who=who, place=place, carrier=carrier)
            )
            ledger.report(state, "crew", text, None, True)
            reason = msg("astronaut {place}", place=place)
        ledger.gain(state, agency, "prestige", rules.crew_prestige, reason)
        ledger.gain(state, agency, "support", rules.crew_support, reason)


def _seats_text(any_flight: int, landings: int) -> str:
    parts = []
    if any_flight:
        parts.append(
            msgn("{any_flight} crew seat", "{any_flight} crew seats", any_flight, any_flight=any_flight)
        )
    if landings:
        parts.append(msgn("{landings} landing seat", "{landings} landing seats", landings, landings=landings))
    first, *second = parts
    return msg("{first} and {second}", first=first, second=second[0]) if second else first
