"""Turn step: contributions and national missions progress, are paid for, overrun and slip.

A build of the player's that is a flight (the scenario's ``flights:``) does not deliver or fly
when it is finished: it waits with no turns left for its launch, which game/engine/flights.py
prepares, draws and answers with this module's delivery and mission outcomes.
"""

from __future__ import annotations

from game.engine import ledger, policies
from game.engine.build_index import build_index, delivered
from game.engine.compiled import CompiledScenario, RulesRecord
from game.engine.happenings import happen
from game.engine.research import reliability_bonus, under_way
from game.engine.rewards import crew_flight, grant_slot_rewards
from game.engine.rulebook import ENDED_STATUSES, budget_modifier, instalment, never_below_zero
from game.engine.state import BuildState, GameState, ProgrammeState
from game.engine.watch import BUILDS, DELIVERED, MISSIONS, touch
from game.format.words import append_unless_said, money
from game.i18n import msg


def _advance(
    state: GameState,
    rules: RulesRecord,
    build: BuildState,
    name: str,
    strain: float,
    programme: ProgrammeState | None,
) -> bool:
    """Pay one turn of one of the player's builds and move it on; True when it is finished."""
    rng = state.rng
    owner = state.agencies[build.owner]  # type: ignore[index]
    due = instalment(build.cost_left, build.turns_left)
    if owner.money < due:
        build.stalled += 1
        if programme is not None:
            programme.health = never_below_zero(programme.health - rules.underfunded_strain)
        ledger.report(
            state,
            "build",
            msg("{name} stalls: not enough money for this turn's {due}", name=name, due=money(due / 1000)),
            programme.id if programme else None,
            True,
        )
        return False
    ledger.pay(state, owner, -due, msg("building {name}", name=name) if state.records else "")
    build.cost_left -= due
    build.paid += due
    build.turns_left -= 1
    if build.turns_left > 0 and rng.random() < rules.overrun_chance + rules.overrun_from_strain * strain:
        extra = build.cost_left * rules.overrun_percent // 100
        build.cost_left += int(extra)
        ledger.report(
            state,
            "build",
            msg("{name}: cost overrun of {extra}", name=name, extra=money(extra / 1000)),
            None,
            True,
        )
    if build.turns_left > 0 and rng.random() < rules.slip_chance * strain:
        build.turns_left += 1
        ledger.report(state, "slip", msg("{name} slips: one more turn to build", name=name), None, True)
    return build.turns_left <= 0


def player_builds(state: GameState, cs: CompiledScenario) -> list[tuple[str, BuildState]]:
    """The player's builds under way (contributions, national missions and research projects), each
    with its name: what the budget counts as committed."""
    builds = [
        (cs.programmes[pid].slots[sid].name, build)
        for pid, programme in state.programmes.items()
        if programme.status not in ENDED_STATUSES
        for sid, build in programme.slots.items()
        if build.owner == state.player and build.status == "building"
    ]
    builds.extend(
        (cs.missions[mid].name, mission.build)
        for mid, mission in state.missions.items()
        if mission.build.owner == state.player and mission.build.status == "building"
    )
    if state.research:
        builds.extend(under_way(state, cs))
    return builds


def progress_builds(state: GameState, cs: CompiledScenario) -> None:
    """Every building slot of every live programme, then the player's national missions."""
    rules = cs.rules
    player, rng, agencies, programmes = state.player, state.rng, state.agencies, state.programmes
    reliability_of = policies.reliability(state, cs)
    overrun_percent = rules.overrun_percent
    current, live, cp, programme = "", False, None, None
    strain = overrun_chance = 0.0
    for _, pid, sid, build in tuple(build_index(state, cs).under_way):  # in the scan's order
        if pid != current:  # the first build of a programme: as the scan found it then
            current, programme = pid, programmes[pid]
            live = programme.status not in ENDED_STATUSES and not programme.hidden
            cp = cs.programmes[pid]
            strain = 1 - programme.health / 100
            overrun_chance = rules.overrun_chance + rules.overrun_from_strain * strain
        if not live or build.status != "building":
            continue
        owner_id = build.owner
        if owner_id == player:
            if not build.turns_left:  # built: a flight waiting for its launch (flights.py)
                continue
            if not _advance(state, rules, build, cp.slots[sid].name, strain, programme):  # type: ignore[union-attr]
                continue
            if cs.flight_bases and f"{pid}.{sid}" in cs.flight_bases:
                continue  # its flight delivers it
        else:  # another agency's build, inline (most builds are): it may lose the turn, may overrun
            if rng.random() > reliability_of[owner_id]:  # type: ignore[index]
                continue  # a turn lost: nothing paid, nothing built
            # rulebook.instalment, inline (tests/test_rulebook.py holds the copy to it)
            cost, left = build.cost_left, build.turns_left
            due = cost // left if left > 1 else cost
            agencies[owner_id].money -= due  # type: ignore[index]  # not the player's: no record
            cost -= due
            build.paid += due
            build.turns_left = left = left - 1
            if left > 0:
                if rng.random() < overrun_chance:
                    cost += int(cost * overrun_percent // 100)
                build.cost_left = cost
                continue
            build.cost_left = cost
        deliver(state, cs, programme, sid)  # type: ignore[arg-type]
    for mid, mission_state in state.missions.items():
        build = mission_state.build
        if build.status != "building" or not build.turns_left:  # no turns left: waiting for its launch
            continue
        mission = cs.missions[mid]
        finished = _advance(state, rules, build, mission.name, rules.mission_strain, None)
        if finished and mid not in cs.flight_bases:  # a flight waits for its launch instead
            _launch(state, cs, mid)


def deliver(state: GameState, cs: CompiledScenario, programme: ProgrammeState, slot_id: str) -> None:
    """A contribution is finished; it earns its rewards now, or when the milestone it flies on flies."""
    cp = cs.programmes[programme.id]
    slot = cp.slots[slot_id]
    build = programme.slots[slot_id]
    build.status = "delivered"
    build.cost_left = 0
    touch(state, BUILDS)
    touch(state, DELIVERED)
    delivered(state, build)
    if "contribution_delivered" in cs.hooked_kinds:  # a frequent happening: its own kind tested
        happen(
            state,
            cs,
            "contribution_delivered",
            agency=build.owner or "",
            programme=programme.id,
            contribution=f"{programme.id}.{slot_id}",
        )
    if state.records:  # the news, worded only where it is kept
        owner = cs.agencies[build.owner].short  # type: ignore[index]
        short = cp.model.short
        ledger.report(
            state,
            "build",
            msg("{agency} delivers {contribution}", agency=owner, contribution=slot.name)
            if append_unless_said(slot.name, f"to {short}") == slot.name
            else msg(
                "{agency} delivers {contribution} to {programme}",
                agency=owner,
                contribution=slot.name,
                programme=short,
            ),
            programme.id,
            build.owner == state.player,
        )
    if slot.flies_on is None or _flown(programme, slot.flies_on):
        grant_slot_rewards(state, cs, programme.id, slot_id)


def _flown(programme: ProgrammeState, milestone_id: str) -> bool:
    for milestone in programme.milestones:
        if milestone.id == milestone_id:
            return milestone.status == "flown"
    return False


def _launch(state: GameState, cs: CompiledScenario, mission_id: str) -> None:
    """A national mission that is no flight flies as soon as it is built, with its 'success' chance."""
    mission = cs.missions[mission_id]
    state.missions[mission_id].build.status = "delivered" if not mission.repeatable else "open"
    touch(state, BUILDS)
    if state.rng.random() < mission_success(state, cs, mission_id):
        ledger.report(state, "milestone", msg("{name} succeeds", name=mission.name), None, True)
        mission_succeeded(state, cs, mission_id)
    else:
        ledger.report(state, "failure", msg("{name} fails", name=mission.name), None, True)
        mission_failed(state, cs, mission_id, cs.rules.failure_support)


def mission_success(state: GameState, cs: CompiledScenario, mission_id: str) -> float:
    """A national mission's chance of success without flights: its own, plus what research adds
    (up to the rules' cap; a chance already above it stays)."""
    chance = cs.missions[mission_id].success
    if not state.researched:
        return chance
    raised = chance + reliability_bonus(state, cs, "mission")
    return min(raised, max(chance, cs.rules.research_reliability_cap))


def mission_succeeded(state: GameState, cs: CompiledScenario, mission_id: str, share: float = 1.0) -> None:
    """A national mission's rewards and crew flight; a partial success (``share`` < 1) earns that share."""
    mission = cs.missions[mission_id]
    state.missions[mission_id].successes += 1
    touch(state, MISSIONS)
    if cs.hooked_kinds:
        happen(state, cs, "mission_flew", agency=state.player, mission=mission_id)
    me = state.me
    rewards = mission.rewards
    science, prestige, support, budget = mission.science, rewards.prestige, rewards.support, rewards.budget
    if share != 1:
        science, prestige, support, budget = (
            science * share,
            prestige * share,
            support * share,
            budget * share,
        )
    reason = mission.name
    ledger.gain(state, me, "science", science, reason)
    ledger.gain(state, me, "prestige", prestige, reason)
    ledger.gain(state, me, "support", support, reason)
    me.budget_modifier = budget_modifier(me.budget_modifier, budget, cs.rules)
    if mission.crew != "none":
        crew_flight(state, cs, me, mission.crew, mission.name, mission_id)


def mission_failed(state: GameState, cs: CompiledScenario, mission_id: str, support_lost: float) -> None:
    """A national mission failed: it is open to be built again, and the public is disappointed."""
    mission = cs.missions[mission_id]
    mission_state = state.missions[mission_id]
    mission_state.failures += 1
    touch(state, MISSIONS)
    if cs.hooked_kinds:
        happen(state, cs, "mission_failed", agency=state.player, mission=mission_id)
    mission_state.build.status = "open"
    touch(state, BUILDS)
    ledger.gain(state, state.me, "support", -support_lost, msg("{name} failed", name=mission.name))
