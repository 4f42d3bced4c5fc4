"""Leave a programme as a partner: its builds stop, its leads and the public are upset."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import PROGRAMMES_RANK, UNDOING_GROUP, no_programme
from game.engine.compiled import CompiledScenario
from game.engine.membership import leave
from game.engine.state import GameState
from game.format.words import money


class Withdraw(ActionHandler):
    kind = "withdraw"
    description = "Leave a programme you are a partner of (its leads cannot)."
    group = UNDOING_GROUP
    rank = PROGRAMMES_RANK

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        target = action.target
        refused = no_programme(state, target)
        if refused:
            return refused
        programme = state.programmes[target]
        if state.player not in programme.members:
            short = cs.programmes[target].model.short
            return (
                f"you are not a partner of {short}" if state.player not in programme.leads else "you lead it"
            )
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        leave(state, cs, state.player, action.target, "withdrawal", penalty=True)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, (pid, cp) in enumerate(cs.programmes.items()):
            if state.player in state.programmes[pid].members:
                yield (
                    (PROGRAMMES_RANK, index, len(cp.slots) + 1),
                    Action(self.kind, pid),
                    f"Withdraw from {cp.model.short}",
                    0,
                    0,
                    "builds stop; leads and public are upset",
                )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        if action.target not in state.programmes:
            return []
        programme = state.programmes[action.target]
        cp = cs.programmes[action.target]
        builds = [
            (cp.slots[sid].name, build.paid)
            for sid, build in programme.slots.items()
            if build.owner == state.player and build.status == "building"
        ]
        lines = [f"{name} stops: {money(paid / 1000)} already paid is lost" for name, paid in builds]
        lines += [
            f"relations with {cs.agencies[lead].short} -{cs.rules.withdraw_penalty:g}"
            for lead in programme.leads
        ]
        lines += [
            f"support -{cs.rules.withdraw_support:g}",
            f"{cp.model.short} health -{cs.rules.leave_health:g}",
        ]
        if programme.seats.get(state.player):
            lines.append("your crew seats in it are given up")
        return lines


HANDLER = Withdraw()
