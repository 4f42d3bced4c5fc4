"""Turn step: every computer-run agency follows the policy its scenario gives it."""

from __future__ import annotations

from game.engine import ledger
from game.engine.admission import admits
from game.engine.compiled import CompiledScenario
from game.engine.effects import join
from game.engine.membership import leave, start_build
from game.engine.policies import movers
from game.engine.state import GameState
from game.i18n import N_, msg


def _open_slot(state: GameState, cs: CompiledScenario, agency: str, programme_id: str) -> str | None:
    """The first open contribution whose capability levels ``agency`` has."""
    levels = state.agencies[agency].capabilities
    contributions = cs.programmes[programme_id].slots
    for sid, build in state.programmes[programme_id].slots.items():
        if build.status != "open":
            continue
        for area, level in contributions[sid].requires.items():
            if levels.get(area, 0) < level:
                break
        else:
            return sid
    return None


def other_agencies_act(state: GameState, cs: CompiledScenario) -> None:
    """At most one move per agency per turn: leave, join or take on a contribution."""
    draw, player, programmes = state.rng.random, state.player, state.programmes
    leave_below, build_chance = cs.rules.ai_leave_below, cs.rules.ai_build_chance
    for aid, model, policy, preferences in movers(state, cs):
        if aid == player or draw() >= policy.boldness:
            continue
        best_id, best_weight = None, 0.0
        for pid, affinity in preferences:
            programme = programmes[pid]
            if programme.hidden or aid in programme.leads:
                continue
            if aid in programme.members:
                if programme.health < leave_below and draw() > policy.loyalty + affinity * (
                    1 - policy.loyalty
                ):
                    leave(state, cs, aid, pid, N_("the programme is in trouble"), penalty=False)
                    break
                if draw() < build_chance:
                    slot = _open_slot(state, cs, aid, pid)
                    if slot is not None:
                        start_build(state, cs, pid, slot, aid)
                        ledger.report(
                            state,
                            "partner",
                            msg(
                                "{agency} takes on {name}",
                                agency=model.short,
                                name=cs.programmes[pid].slots[slot].name,
                            ),
                            pid,
                            programme.is_member(state.player),
                        )
                        break
                continue
            weight = affinity * programme.health / 100
            if weight > best_weight and admits(state, cs, aid, pid):
                best_id, best_weight = pid, weight
        else:
            if best_id is not None and draw() < best_weight:
                join(state, cs, aid, best_id, _open_slot(state, cs, aid, best_id))
