"""Turn step: programme health, milestones that fly, slip or fail, restructuring and cancellation."""

from __future__ import annotations

import math

from game.engine import ledger, policies
from game.engine.build_index import build_index
from game.engine.compiled import CompiledScenario
from game.engine.corps import may_fly
from game.engine.happenings import happen
from game.engine.membership import release_build, start_build
from game.engine.rewards import crew_flight, grant_slot_rewards
from game.engine.rulebook import ENDED_STATUSES, TOP, never_below_zero
from game.engine.state import GameState, MilestoneState, ProgrammeState
from game.engine.watch import MILESTONES, PROGRAMMES, touch
from game.format.dates import format_date
from game.i18n import N_, msg, msgn


def slip(
    state: GameState,
    cs: CompiledScenario,
    programme_id: str,
    milestone_id: str | None,
    turns: int,
    reason: str,
) -> None:
    """Slip a milestone (the next pending one if None) by ``turns``; what depends on it follows."""
    programme = state.programmes[programme_id]
    target = next(
        (m for m in programme.milestones if m.status == "pending" and milestone_id in (None, m.id)), None
    )
    if target is None:
        return
    target.due += turns * cs.turn_months
    if "milestone_slipped" in cs.hooked_kinds:  # a frequent happening: its own kind tested
        happen(
            state, cs, "milestone_slipped", programme=programme_id, milestone=f"{programme_id}.{target.id}"
        )
    if state.records:  # the news, worded only where it is kept
        name = cs.programmes[programme_id].milestones[target.id].name
        date = format_date(target.due, cs.turn_months)
        ledger.report(
            state,
            "slip",
            msg("{name} slips to {date}", name=name, date=date),
            programme_id,
            programme.is_member(state.player),
            reason,
        )
    _push_dependents(state, cs, programme_id, target)


def spacing(cs: CompiledScenario, required: MilestoneState, dependent: MilestoneState) -> int:
    """Months a dependent keeps after a milestone it requires: the rule's spacing, or the plan's if less."""
    planned_gap = max(0, dependent.planned - required.planned)
    return min(cs.rules.milestone_spacing * cs.turn_months, planned_gap)


def _push_dependents(
    state: GameState, cs: CompiledScenario, programme_id: str, moved: MilestoneState
) -> None:
    """Milestones that need ``moved`` stay due at least their spacing after it."""
    for other_pid, other_id in cs.dependents.get(f"{programme_id}.{moved.id}", ()):
        dependent = state.programmes[other_pid].milestone(other_id)
        earliest = moved.due + spacing(cs, moved, dependent)
        if dependent.status == "pending" and dependent.due < earliest:
            dependent.due = earliest
            _push_dependents(state, cs, other_pid, dependent)


def slip_all(state: GameState, cs: CompiledScenario, programme_id: str, turns: int, reason: str) -> None:
    """Every pending milestone of a programme slips (a restructuring)."""
    programme = state.programmes[programme_id]
    for milestone in programme.milestones:
        if milestone.status == "pending":
            milestone.due += turns * cs.turn_months
            if cs.hooked_kinds:
                happen(
                    state,
                    cs,
                    "milestone_slipped",
                    programme=programme_id,
                    milestone=f"{programme_id}.{milestone.id}",
                )
    short = cs.programmes[programme_id].model.short
    ledger.report(
        state,
        "slip",
        msgn(
            "All {programme} milestones slip {turns} turn",
            "All {programme} milestones slip {turns} turns",
            turns,
            programme=short,
            turns=turns,
        ),
        programme_id,
        programme.is_member(state.player),
        reason,
    )
    for milestone in programme.milestones:
        if milestone.status == "pending":
            _push_dependents(state, cs, programme_id, milestone)


def overrun(state: GameState, cs: CompiledScenario, programme_id: str, percent: float, reason: str) -> None:
    """Every open build of the programme costs ``percent`` more from here on."""
    for build in state.programmes[programme_id].slots.values():
        if build.status == "building":
            build.cost_left += int(build.cost_left * percent // 100)
    short = cs.programmes[programme_id].model.short
    ledger.report(
        state,
        "programme",
        msg("Cost overrun on {programme}: +{percent:.0f}%", programme=short, percent=percent),
        programme_id,
        state.programmes[programme_id].is_member(state.player),
        reason,
    )


def set_status(state: GameState, cs: CompiledScenario, programme_id: str, status: str, reason: str) -> None:
    programme = state.programmes[programme_id]
    if programme.status == status:
        return
    programme.status = status  # type: ignore[assignment]
    touch(state, PROGRAMMES)
    short = cs.programmes[programme_id].model.short
    mine = programme.is_member(state.player)
    if status == "cancelled":
        for build in programme.slots.values():
            if build.status == "building":
                release_build(state, build)
        programme.applicants.clear()
        ledger.report(
            state,
            "programme",
            msg("{programme} is cancelled", programme=short),
            programme_id,
            mine,
            reason,
        )
        if mine:
            ledger.gain(
                state,
                state.me,
                "support",
                -cs.rules.failure_support,
                msg("{programme} cancelled", programme=short),
            )
    elif status == "restructured":
        ledger.report(
            state,
            "programme",
            msg("{programme} is restructured", programme=short),
            programme_id,
            mine,
            reason,
        )
        slip_all(state, cs, programme_id, cs.rules.restructure_slip, "restructuring")
    else:
        ledger.report(
            state,
            "programme",
            msg("{programme} is back on track", programme=short),
            programme_id,
            mine,
            reason,
        )


def _partner_funding(player: str, programme: ProgrammeState, funding_of: dict[str, float]) -> float:
    """The funding of a programme's partners other than the player, added in their order."""
    funding = 0.0
    for agency in programme.leads:
        if agency != player:
            funding += funding_of[agency]
    for agency in programme.members:
        if agency != player:
            funding += funding_of[agency]
    return funding


def update_health(state: GameState, cs: CompiledScenario) -> None:
    """Health drifts toward a target set by the partners' funding and the builds under way."""
    rules = cs.rules
    build_funding, stalled_funding = rules.build_funding, rules.stalled_build_funding
    per_funding, health_drift, restructure_below = (
        rules.health_per_funding,
        rules.health_drift,
        rules.restructure_below,
    )
    player, funding_of = state.player, policies.funding(state, cs)
    mine = build_index(state, cs).mine
    known = cs._partner_funding if funding_of is cs.funding else {}  # the scenario's policies: kept
    for pid, programme in state.programmes.items():
        if programme.status in ENDED_STATUSES or programme.hidden:
            continue
        partners = (player, tuple(programme.leads), tuple(programme.members))
        funding = known.get(partners)
        if funding is None:
            funding = known[partners] = _partner_funding(player, programme, funding_of)
        owned = mine.get(pid)
        if owned:
            for _, _, build in owned:  # the player's, in the slots' order
                if build.owner == player and build.status != "open":
                    funding += build_funding if build.stalled == 0 else stalled_funding
        target = cs.programmes[pid].model.base_health + per_funding * funding
        if target > TOP:
            target = TOP
        # rulebook.clamp_percent inline (tests/test_rulebook.py holds it)
        health = programme.health + (target - programme.health) * health_drift
        programme.health = health = 0.0 if health <= 0.0 else (TOP if health > TOP else health)
        status = programme.status
        if status == "active":
            if health < restructure_below:
                set_status(state, cs, pid, "restructured", N_("health too low"))
        elif status == "restructured":
            if health < rules.cancel_below:
                set_status(state, cs, pid, "cancelled", N_("the partners gave up"))
            elif health > restructure_below + rules.recovery_margin:
                set_status(state, cs, pid, "active", N_("health recovered"))


def _blocker(
    state: GameState, cs: CompiledScenario, programme: ProgrammeState, milestone: MilestoneState
) -> tuple[str, int]:
    """Why a due milestone cannot fly yet and the month it may, or ('', 0) when it can fly."""
    cp = cs.programmes[programme.id]
    model = cp.milestones[milestone.id]
    for ref in model.requires:
        pid, mid = ref.split(".", 1) if "." in ref else (programme.id, ref)
        required = state.programmes[pid].milestone(mid)
        if required.status != "flown":
            return msg(
                "waiting for {name}", name=cs.programmes[pid].milestones[mid].name
            ), required.due + spacing(cs, required, milestone)
    for need in model.needs:
        build = programme.slots[need]
        if build.status != "delivered":
            if build.status == "open":
                start_build(state, cs, programme.id, need, programme.leads[0])
                ledger.report(
                    state,
                    "programme",
                    msg(
                        "{agency} builds {name} itself: no partner took it",
                        agency=cs.agencies[programme.leads[0]].short,
                        name=cp.slots[need].name,
                    ),
                    programme.id,
                )
            return msg(
                "waiting for {name}", name=cp.slots[need].name
            ), state.month + build.turns_left * cs.turn_months
    return "", 0


def fly_milestones(state: GameState, cs: CompiledScenario) -> None:
    """Every due milestone flies, slips or fails."""
    rules = cs.rules
    rng, month, due_from = state.rng, state.month, state.due_from
    for pid, programme in state.programmes.items():
        if programme.status in ENDED_STATUSES or programme.hidden:
            continue  # a programme not announced yet waits
        if month < due_from.get(pid, month):
            continue  # none of its milestones is due yet
        strain = 1 - programme.health / 100
        for milestone in programme.milestones:
            if milestone.due > month or milestone.status != "pending":
                continue
            blocker, until = _blocker(state, cs, programme, milestone)
            if blocker:
                turns = max(1, -(-(until - state.month) // cs.turn_months))
                slip(state, cs, pid, milestone.id, turns, blocker)
                continue
            if rng.random() < rules.slip_chance + rules.slip_from_strain * strain:
                slip(state, cs, pid, milestone.id, 1 + (rng.random() < strain), N_("schedule pressure"))
                continue
            if rng.random() < cs.programmes[pid].milestones[milestone.id].success:
                _flown(state, cs, programme, milestone)
            else:
                _failed(state, cs, programme, milestone)
        # a milestone's due month only ever moves later, and a flown one never flies again: until
        # this month no milestone of the programme is due (GameState.due_from)
        first_due: float = math.inf
        for milestone in programme.milestones:  # a loop, not min() of a generator: a turn's hot path
            if milestone.status == "pending" and milestone.due < first_due:
                first_due = float(milestone.due)
        due_from[pid] = first_due


def _flown(
    state: GameState, cs: CompiledScenario, programme: ProgrammeState, milestone: MilestoneState
) -> None:
    cp = cs.programmes[programme.id]
    model = cp.milestones[milestone.id]
    milestone.status = "flown"
    milestone.flown_at = state.month
    touch(state, MILESTONES)
    if cs.hooked_kinds:
        happen(
            state, cs, "milestone_flew", programme=programme.id, milestone=f"{programme.id}.{milestone.id}"
        )
    mine = programme.is_member(state.player)
    if state.records:  # the news, worded only where it is kept
        late = milestone.slipped_turns_months
        # slips are counted in months everywhere; a counted message, so that the months are a word
        # of the catalogue in the language's own plural form (Russian has three), not English inside it
        if not late:
            when = N_(", on time")
        else:
            when = msgn(", {count} month late", ", {count} months late", late, count=late)
        ledger.report(
            state,
            "milestone",
            msg("{programme}: {name}{when}", programme=cp.model.short, name=model.name, when=when),
            programme.id,
            mine,
        )
    partners = [state.agencies[agency] for agency in (*programme.leads, *programme.members)]
    ledger.gain_all(state, partners, "prestige", model.prestige, model.name)
    ledger.gain_all(state, partners, "science", model.science, model.name)
    for sid in cp.slots_for_milestone.get(milestone.id, ()):
        if programme.slots[sid].status == "delivered":
            grant_slot_rewards(state, cs, programme.id, sid)
    if model.crew != "none":
        for agency in programme.members:
            flyer = state.agencies[agency]
            if (
                flyer.astronauts > 0
                and may_fly(state, agency)
                and _take_seat(programme, agency, model.crew == "surface")
            ):
                # the flight's name, for the news alone
                carrier = (
                    msg("{programme} {name}", programme=cp.model.short, name=model.name)
                    if state.records
                    else ""
                )
                crew_flight(state, cs, flyer, model.crew, carrier, programme.id)
    if model.final:
        programme.status = "completed"
        touch(state, PROGRAMMES)
        ledger.report(
            state, "programme", msg("{programme} is complete", programme=cp.model.short), programme.id, mine
        )


def _failed(
    state: GameState, cs: CompiledScenario, programme: ProgrammeState, milestone: MilestoneState
) -> None:
    cp = cs.programmes[programme.id]
    model = cp.milestones[milestone.id]
    milestone.failures += 1
    touch(state, MILESTONES)
    if cs.hooked_kinds:
        happen(
            state, cs, "milestone_failed", programme=programme.id, milestone=f"{programme.id}.{milestone.id}"
        )
    programme.health = never_below_zero(programme.health - cs.rules.failure_health)
    mine = programme.is_member(state.player)
    given_up = model.attempts is not None and milestone.failures >= model.attempts
    ledger.report(
        state,
        "failure",
        msg("{programme}: {name} fails; ", programme=cp.model.short, name=model.name)
        + (N_("it is not tried again") if given_up else N_("a new attempt is planned")),
        programme.id,
        mine,
    )
    if mine:
        ledger.gain(
            state, state.me, "support", -cs.rules.failure_support, msg("{name} failed", name=model.name)
        )
    if given_up:  # its flight is over: what requires it goes on without it, with no rewards
        milestone.status = "flown"
        milestone.flown_at = state.month
        return
    slip(state, cs, programme.id, milestone.id, cs.rules.failure_slip, N_("rebuilding after the failure"))


def _take_seat(programme: ProgrammeState, agency: str, landing: bool) -> bool:
    """Use one of the agency's seats on this flight: a landing seat first on a landing."""
    if landing and programme.surface_seats.get(agency, 0) > 0:
        programme.surface_seats[agency] -= 1
        return True
    if programme.seats.get(agency, 0) > 0:
        programme.seats[agency] -= 1
        return True
    return False
