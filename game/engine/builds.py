"""Turn step: contributions and national missions progress, are paid for, overrun and slip."""

from __future__ import annotations

from game.engine import ledger
from game.engine.compiled import CompiledScenario
from game.engine.rewards import grant_slot_rewards
from game.engine.state import BuildState, GameState, ProgrammeState


def _installment(build: BuildState) -> int:
    return build.cost_left // build.turns_left if build.turns_left > 1 else build.cost_left


def _advance(
    state: GameState,
    cs: CompiledScenario,
    build: BuildState,
    name: str,
    strain: float,
    programme: ProgrammeState | None,
) -> bool:
    """Pay one turn of a build and move it on; True when it is finished this turn."""
    rules = cs.rules
    rng = state.rng
    owner = state.agencies[build.owner]  # type: ignore[index]
    is_player = owner.id == state.player
    due = _installment(build)
    if is_player and owner.money < due:
        build.stalled += 1
        if programme is not None:
            programme.health = max(0.0, programme.health - rules.underfunded_strain)
        ledger.report(
            state,
            "build",
            f"{name} stalls: not enough money for this turn's {due / 1000:.0f} M$",
            programme.id if programme else None,
            True,
        )
        return False
    if not is_player:
        reliability = cs.agencies[owner.id].policy.reliability
        if rng.random() > reliability:
            return False  # a turn lost: nothing paid, nothing built
    ledger.pay(state, owner, -due, f"building {name}")
    build.cost_left -= due
    build.paid += due
    build.turns_left -= 1
    if build.turns_left > 0 and rng.random() < rules.overrun_chance + rules.overrun_from_strain * strain:
        extra = build.cost_left * rules.overrun_percent // 100
        build.cost_left += int(extra)
        if is_player:
            ledger.report(state, "build", f"{name}: cost overrun of {extra / 1000:.0f} M$", None, True)
    if is_player and build.turns_left > 0 and rng.random() < rules.slip_chance * strain:
        build.turns_left += 1
        ledger.report(state, "slip", f"{name} slips a turn", None, True)
    return build.turns_left <= 0


def progress_builds(state: GameState, cs: CompiledScenario) -> None:
    """Every building slot of every live programme, then the player's national missions."""
    for pid, programme in state.programmes.items():
        if programme.status in ("cancelled", "completed"):
            continue
        cp = cs.programmes[pid]
        strain = 1 - programme.health / 100
        for sid, build in programme.slots.items():
            if build.status != "building":
                continue
            slot = cp.slots[sid]
            if _advance(state, cs, build, slot.name, strain, programme):
                build.status = "delivered"
                build.cost_left = 0
                owner = cs.agencies[build.owner].short  # type: ignore[index]
                ledger.report(
                    state,
                    "build",
                    f"{owner} delivers {slot.name} to {cp.model.short}",
                    pid,
                    build.owner == state.player,
                )
                if slot.flies_on is None or _flown(programme, slot.flies_on):
                    grant_slot_rewards(state, cs, pid, sid)
    for mid, mission_state in state.missions.items():
        build = mission_state.build
        if build.status != "building":
            continue
        mission = cs.missions[mid]
        if _advance(state, cs, build, mission.name, 0.3, None):
            _launch(state, cs, mid)


def _flown(programme: ProgrammeState, milestone_id: str) -> bool:
    return any(m.id == milestone_id and m.status == "flown" for m in programme.milestones)


def _launch(state: GameState, cs: CompiledScenario, mission_id: str) -> None:
    from game.engine.rewards import crew_flight

    mission = cs.missions[mission_id]
    mission_state = state.missions[mission_id]
    mission_state.build.status = "delivered" if not mission.repeatable else "open"
    me = state.me
    if state.rng.random() < mission.success:
        mission_state.successes += 1
        ledger.report(state, "milestone", f"{mission.name} succeeds", None, True)
        reason = mission.name
        ledger.gain(state, me, "science", mission.science, reason)
        ledger.gain(state, me, "prestige", mission.rewards.prestige, reason)
        ledger.gain(state, me, "support", mission.rewards.support, reason)
        me.budget_modifier = min(100.0, me.budget_modifier + mission.rewards.budget)
        if mission.crew != "none":
            crew_flight(state, cs, me, mission.crew, mission.name)
    else:
        mission_state.failures += 1
        mission_state.build.status = "open"
        ledger.report(state, "failure", f"{mission.name} fails", None, True)
        ledger.gain(state, me, "support", -cs.rules.failure_support, f"{mission.name} failed")
