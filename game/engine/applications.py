"""Turn step: the leads of each programme the player applied to accept or turn down the application."""

from __future__ import annotations

from game.engine import ledger
from game.engine.compiled import CompiledScenario
from game.engine.membership import join
from game.engine.rulebook import LIVE_STATUSES
from game.engine.state import GameState


def resolve_applications(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: the leads accept or turn down the player's applications."""
    player, rules = state.player, cs.rules
    for pid, programme in state.programmes.items():
        if player not in programme.applicants:
            continue
        offered = programme.applicants.pop(state.player)
        cp = cs.programmes[pid]
        mood = sum(state.relation(state.player, lead) for lead in programme.leads) / len(programme.leads)
        base = cp.model.admission.base_chance
        bonus = rules.application_offer_bonus if offered else 0.0
        chance = base + mood / rules.relation_per_chance + bonus
        chance = 1.0 if base >= 1 else min(rules.application_most, max(rules.application_least, chance))
        if programme.status in LIVE_STATUSES and state.rng.random() < chance:
            join(state, cs, state.player, pid, offered or None)
        else:
            for lead in programme.leads:
                ledger.relate(
                    state, state.player, lead, -cs.rules.rejection_penalty, f"{cp.model.short} said no"
                )
            ledger.report(state, "partner", f"{cp.model.short} turns down your application", pid, True)
