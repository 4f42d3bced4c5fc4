"""Turn step: the leads of each programme the player applied to accept or turn down the application."""

from __future__ import annotations

from game.engine import ledger
from game.engine.actions.common import LIVE
from game.engine.compiled import CompiledScenario
from game.engine.membership import join
from game.engine.state import GameState


def resolve_applications(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: the leads accept or turn down the player's applications."""
    player = state.player
    for pid, programme in state.programmes.items():
        if player not in programme.applicants:
            continue
        offered = programme.applicants.pop(state.player)
        cp = cs.programmes[pid]
        mood = sum(state.relation(state.player, lead) for lead in programme.leads) / len(programme.leads)
        base = cp.model.admission.base_chance
        chance = 1.0 if base >= 1 else min(0.95, max(0.05, base + mood / 200 + (0.15 if offered else 0.0)))
        if programme.status in LIVE and state.rng.random() < chance:
            join(state, cs, state.player, pid, offered or None)
        else:
            for lead in programme.leads:
                ledger.relate(
                    state, state.player, lead, -cs.rules.rejection_penalty, f"{cp.model.short} said no"
                )
            ledger.report(state, "partner", f"{cp.model.short} turns down your application", pid, True)
