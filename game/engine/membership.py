"""Joining and leaving programmes, and starting the builds of contributions.

Joining applies the programme's on-join effects, which may make agencies join or leave in
turn: that step is :func:`game.engine.effects.join`, so this module does not import the
effects (no import circle).
"""

from __future__ import annotations

from game.engine import ledger
from game.engine.build_index import started
from game.engine.compiled import CompiledScenario
from game.engine.happenings import happen
from game.engine.rulebook import never_below_zero
from game.engine.state import BuildState, GameState, k
from game.engine.watch import BUILDS, DELIVERED, MEMBERS, touch
from game.format.words import money
from game.i18n import joined, msg, msgn


def start_build(
    state: GameState, cs: CompiledScenario, programme_id: str, slot_id: str, owner: str
) -> BuildState:
    """Give an open slot to ``owner``: its cost is paid in equal parts over the build."""
    slot = cs.programmes[programme_id].slots[slot_id]
    build = state.programmes[programme_id].slots[slot_id]
    if build.status == "delivered":
        touch(state, DELIVERED)
    build.owner = owner
    build.status = "building"
    touch(state, BUILDS)
    build.turns_left = slot.build_turns
    build.cost_left = k(slot.cost)
    build.paid = 0
    build.stalled = 0
    build.rewarded = False
    started(state, programme_id, slot_id)
    return build


def release_build(state: GameState, build: BuildState) -> None:
    """A build abandoned by its owner: the slot opens again; what was paid is lost."""
    if build.status == "delivered":
        touch(state, DELIVERED)
    build.owner = None
    build.status = "open"
    touch(state, BUILDS)
    build.turns_left = 0
    build.cost_left = 0
    build.stalled = 0


def admit(
    state: GameState, cs: CompiledScenario, agency: str, programme_id: str, slot_id: str | None
) -> None:
    """``agency`` becomes a member (its on-join effects are :func:`game.engine.effects.join`'s step)."""
    programme = state.programmes[programme_id]
    cp = cs.programmes[programme_id]
    programme.applicants.pop(agency, None)
    if not programme.is_member(agency):
        programme.members.append(agency)
        touch(state, MEMBERS)
        if "agency_joined" in cs.hooked_kinds:  # a frequent happening: its own kind tested
            happen(state, cs, "agency_joined", agency=agency, programme=programme_id)
    if slot_id and programme.slots[slot_id].status == "open":
        start_build(state, cs, programme_id, slot_id, agency)
    name = cs.agencies[agency].short
    ledger.report(
        state,
        "partner",
        msg("{name} joins {programme}", name=name, programme=cp.model.short),
        programme_id,
        agency == state.player,
    )


def leave(
    state: GameState, cs: CompiledScenario, agency: str, programme_id: str, reason: str, penalty: bool
) -> None:
    """``agency`` leaves: its builds stop and reopen; with ``penalty`` the leads take offence."""
    programme = state.programmes[programme_id]
    if agency not in programme.members:
        return
    programme.members.remove(agency)
    touch(state, MEMBERS)
    if cs.hooked_kinds:
        happen(state, cs, "agency_left", agency=agency, programme=programme_id)
    seats = programme.seats.pop(agency, 0) + programme.surface_seats.pop(agency, 0)
    lost: list[str] = []  # the builds that stop, with what was paid into them
    slots = cs.programmes[programme_id].slots
    for sid, build in programme.slots.items():
        if build.owner == agency and build.status == "building":
            lost.append(
                msg(
                    "{name} stops: the {paid} paid into it is lost",
                    name=slots[sid].name,
                    paid=money(build.paid / 1000),
                )
            )
            release_build(state, build)
    programme.health = never_below_zero(programme.health - cs.rules.leave_health)
    short = cs.programmes[programme_id].model.short
    if penalty:
        rules = cs.rules
        for lead in programme.leads:
            ledger.relate(
                state, agency, lead, -rules.withdraw_penalty, msg("left {programme}", programme=short)
            )
        ledger.gain(
            state,
            state.agencies[agency],
            "support",
            -rules.withdraw_support,
            msg("left {programme}", programme=short),
        )
    mine = agency == state.player
    parts = [
        msg(
            "{agency} leaves {programme} ({reason})",
            agency=cs.agencies[agency].short,
            programme=short,
            reason=reason,
        )
    ]
    if mine:  # the player is told what leaving costs, whoever decided it
        if lost:
            parts += [
                *lost[:-1],
                msg("{loss}, and the contribution is open to other partners", loss=lost[-1]),
            ]
        if seats:
            parts.append(
                msgn(
                    "your {seats} crew seat in {programme} is gone",
                    "your {seats} crew seats in {programme} are gone",
                    seats,
                    seats=seats,
                    programme=short,
                )
            )
    ledger.report(state, "partner", joined("; ", parts) if len(parts) > 1 else parts[0], programme_id, mine)
