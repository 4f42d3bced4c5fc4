"""Stop building a contribution: what was paid is lost and the programme's leads take offence."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import PROGRAMMES_RANK, UNDOING_GROUP, no_programme
from game.engine.compiled import CompiledScenario
from game.engine.membership import release_build
from game.engine.rulebook import never_below_zero
from game.engine.state import GameState
from game.format.words import money
from game.i18n import N_, msg


class Cancel(ActionHandler):
    kind = "cancel"
    description = N_("Stop building one of your contributions to a programme.")
    group = UNDOING_GROUP
    rank = PROGRAMMES_RANK

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        target, option = action.target, action.option
        refused = no_programme(state, target)
        if refused:
            return refused
        build = state.programmes[target].slots.get(option)
        if build is None or build.owner != state.player or build.status != "building":
            return msg(
                "you are building no '{option}' for {programme}",
                option=option,
                programme=cs.programmes[target].model.short,
            )
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        target, option = action.target, action.option
        programme = state.programmes[target]
        release_build(state, programme.slots[option])
        programme.health = never_below_zero(programme.health - cs.rules.cancel_health)
        for lead in programme.leads:
            ledger.relate(
                state,
                state.player,
                lead,
                -cs.rules.cancel_offence,
                msg("cancelled {name}", name=cs.programmes[target].slots[option].name),
            )
        ledger.report(
            state,
            "action",
            msg("You cancel {name}", name=cs.programmes[target].slots[option].name),
            target,
            True,
        )

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        player = state.player
        for index, (pid, cp) in enumerate(cs.programmes.items()):
            programme = state.programmes[pid]
            for position, (sid, slot) in enumerate(cp.slots.items(), 1):
                build = programme.slots[sid]
                if build.owner == player and build.status == "building":
                    yield (
                        (PROGRAMMES_RANK, index, position),
                        Action(self.kind, pid, sid),
                        msg("Cancel {name} ({programme})", name=slot.name, programme=cp.model.short),
                        0,
                        0,
                        N_("what was paid is lost; the leads take offence"),
                    )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        if action.target not in state.programmes:
            return []
        programme = state.programmes[action.target]
        build = programme.slots.get(action.option)
        if build is None:
            return []
        cp = cs.programmes[action.target]
        return [
            msg(
                "{paid} already paid into {name} is lost",
                paid=money(build.paid / 1000),
                name=cp.slots[action.option].name,
            ),
            *(
                msg(
                    "relations with {agency} -{cancel_offence:g}",
                    agency=cs.agencies[lead].short,
                    cancel_offence=cs.rules.cancel_offence,
                )
                for lead in programme.leads
            ),
            msg(
                "{programme} health -{cancel_health:g}",
                programme=cp.model.short,
                cancel_health=cs.rules.cancel_health,
            ),
        ]


HANDLER = Cancel()
