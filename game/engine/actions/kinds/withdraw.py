"""Leave a programme as a partner: its builds stop, its leads and the public are upset."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import PROGRAMMES_RANK, UNDOING_GROUP, no_programme
from game.engine.compiled import CompiledScenario
from game.engine.membership import leave
from game.engine.state import GameState
from game.format.words import money
from game.i18n import N_, msg


class Withdraw(ActionHandler):
    kind = "withdraw"
    description = N_("Leave a programme you are a partner of (its leads cannot).")
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
                msg("you are not a partner of {programme}", programme=short)
                if state.player not in programme.leads
                else N_("you lead it")
            )
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        leave(state, cs, state.player, action.target, N_("withdrawal"), penalty=True)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, (pid, cp) in enumerate(cs.programmes.items()):
            if state.player in state.programmes[pid].members:
                yield (
                    (PROGRAMMES_RANK, index, len(cp.slots) + 1),
                    Action(self.kind, pid),
                    msg("Withdraw from {programme}", programme=cp.model.short),
                    0,
                    0,
                    N_("builds stop; leads and public are upset"),
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
        lines = [
            msg("{name} stops: {paid} already paid is lost", name=name, paid=money(paid / 1000))
            for name, paid in builds
        ]
        lines += [
            msg(
                "relations with {agency} -{withdraw_penalty:g}",
                agency=cs.agencies[lead].short,
                withdraw_penalty=cs.rules.withdraw_penalty,
            )
            for lead in programme.leads
        ]
        lines += [
            msg("support -{withdraw_support:g}", withdraw_support=cs.rules.withdraw_support),
            msg(
                "{programme} health -{leave_health:g}",
                programme=cp.model.short,
                leave_health=cs.rules.leave_health,
            ),
        ]
        if programme.seats.get(state.player):
            lines.append(N_("your crew seats in it are given up"))
        return lines


HANDLER = Withdraw()
