"""A diplomatic initiative toward another agency: it costs money and improves relations."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import unaffordable
from game.engine.compiled import CompiledScenario
from game.engine.rulebook import RELATION_TOP
from game.engine.state import GameState, k
from game.format.words import signed_figure
from game.i18n import N_, msg


class Diplomacy(ActionHandler):
    kind = "diplomacy"
    description = N_("Spend on an initiative toward another agency to improve relations (once a turn each).")
    group = N_("Diplomacy")
    rank = 4

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        target = action.target
        if target not in cs.agencies or target == state.player:
            return msg("no other agency '{target}'", target=target)
        if f"diplomacy:{target}" in state.acted:
            return N_("one initiative per agency per turn")
        if state.relation(state.player, target) >= RELATION_TOP:
            return N_("relations are already at their best")
        return unaffordable(state, k(cs.rules.diplomacy_cost))

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        target, rules = action.target, cs.rules
        ledger.pay(
            state,
            state.me,
            -k(rules.diplomacy_cost),
            msg("diplomacy with {agency}", agency=cs.agencies[target].short),
        )
        least = rules.diplomacy_least_share  # the rest of the gain comes by chance
        gain = round(rules.diplomacy_gain * (least + (1 - least) * state.rng.random()), 1)
        ledger.relate(state, state.player, target, gain, N_("diplomatic initiative"))
        state.acted.add(f"diplomacy:{target}")

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        cost, gain = k(cs.rules.diplomacy_cost), cs.rules.diplomacy_gain
        for index, (aid, agency) in enumerate(cs.agencies.items()):
            if aid != state.player:
                yield (
                    (self.rank, index),
                    Action(self.kind, aid),
                    msg("Diplomacy with {agency}", agency=agency.short),
                    cost,
                    cost,
                    msg(
                        "relation {relation}, up to +{gain:.0f}",
                        relation=signed_figure(state.relation(state.player, aid)),
                        gain=gain,
                    ),
                )


HANDLER = Diplomacy()
