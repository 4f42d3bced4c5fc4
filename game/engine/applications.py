"""Turn step: the leads answer the player's applications, one after another.

Each application is decided against the state as it stands then: a programme that took the
player earlier in the same step counts (its rivals are closed, its on-join effects have
moved relations). An application the rules no longer allow lapses, with no dice and no
offence taken, and the player reads which programme took them and why this one cannot.
"""

from __future__ import annotations

from game.engine import ledger
from game.engine.admission import admission_rule, refusal
from game.engine.compiled import CompiledScenario
from game.engine.deals import backing
from game.engine.effects import join
from game.engine.state import GameState
from game.i18n import msg


def resolve_applications(state: GameState, cs: CompiledScenario) -> None:
    """The applications in the scenario's order of programmes; the first accepted wins its rivals."""
    player, rules = state.player, cs.rules
    accepted: list[str] = []
    for pid, programme in state.programmes.items():
        if player not in programme.applicants:
            continue
        offered = programme.applicants.pop(player)
        cp = cs.programmes[pid]
        short = cp.model.short
        reason = refusal(state, cs, pid)
        if reason:
            after = msg(" after {join} took you", join=" and ".join(accepted)) if accepted else ""
            ledger.report(
                state,
                "partner",
                msg(
                    "Your application to {programme} lapses{after}: {reason}",
                    programme=short,
                    after=after,
                    reason=reason,
                ),
                pid,
                True,
            )
            continue
        mood = sum(state.relation(player, lead) for lead in programme.leads) / len(programme.leads)
        base = admission_rule(state, cs, pid).model.base_chance
        bonus = rules.application_offer_bonus if offered else 0.0
        if state.deals:  # agencies that back the player's membership under an agreement
            bonus += rules.deal_support_chance * backing(state, pid)
        chance = base + mood / rules.relation_per_chance + bonus
        chance = 1.0 if base >= 1 else min(rules.application_most, max(rules.application_least, chance))
        if state.rng.random() < chance:
            join(state, cs, player, pid, offered or None)
            accepted.append(short)
        else:
            for lead in programme.leads:
                ledger.relate(
                    state, player, lead, -rules.rejection_penalty, msg("{programme} said no", programme=short)
                )
            ledger.report(
                state, "partner", msg("{programme} turns down your application", programme=short), pid, True
            )
