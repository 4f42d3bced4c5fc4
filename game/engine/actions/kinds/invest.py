"""Raise the agency's level in one capability area by a step."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import capability_cost, unaffordable
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState
from game.i18n import N_, msg


class Invest(ActionHandler):
    kind = "invest"
    description = N_("Pay for one more level in a capability area (one step per area a turn).")
    group = N_("Capabilities")
    rank = 3

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        target = action.target
        me = state.me
        if cs.research:
            return N_("in this scenario capability levels come from research projects (p)")
        if target not in cs.capability_ids:
            return msg("no capability area '{target}'", target=target)
        if me.capabilities.get(target, 0) >= cs.rules.capability_max:
            return N_("already at the top level")
        if f"invest:{target}" in state.acted:
            return N_("one step per area per turn")
        return unaffordable(state, capability_cost(state, cs, target))

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        target, me = action.target, state.me
        cost = capability_cost(state, cs, target)
        ledger.pay(state, me, -cost, msg("investment in {target}", target=target))
        ledger.capability(state, me, target, 1, cs.rules.capability_max, "investment")
        state.acted.add(f"invest:{target}")

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        if cs.research:  # the tree replaces the clicks: nothing to offer
            return
        levels = state.me.capabilities
        for index, area in enumerate(cs.scenario.capabilities):
            cost = capability_cost(state, cs, area.id)
            yield (
                (self.rank, index),
                Action(self.kind, area.id),
                msg("Invest in {name}", name=area.name),
                cost,
                cost,
                msg("level {level} -> {next}", level=levels.get(area.id, 0), next=levels.get(area.id, 0) + 1),
            )


HANDLER = Invest()
