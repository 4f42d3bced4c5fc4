"""Stop a research project under way: its future payments are not made, what it paid is lost."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import research
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import UNDOING_GROUP
from game.engine.actions.kinds.research import RESEARCH_RANK
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState
from game.format.words import money
from game.i18n import N_, msg


class CancelResearch(ActionHandler):
    kind = "cancel_research"
    description = N_("Stop a research project under way (what it paid is lost, but the rules' refund).")
    group = UNDOING_GROUP
    rank = RESEARCH_RANK
    done = N_("Research stopped")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        if action.target not in state.research:
            return msg("no research project '{target}' is under way", target=action.target)
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        research.cancel(state, cs, action.target)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, pid in enumerate(cs.research):
            if pid in state.research:
                yield (
                    (self.rank, index),
                    Action(self.kind, pid),
                    msg("Stop researching {name}", name=cs.research[pid].name),
                    0,
                    0,
                    N_("its payments stop; what it paid is lost"),
                )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        build = state.research.get(action.target)
        if build is None:
            return []
        name = cs.research[action.target].name
        back = research.refund_of(state, cs, action.target)
        lines = [
            msg("{paid} already paid into {name} is lost", paid=money((build.paid - back) / 1000), name=name)
        ]
        if back:
            lines.append(msg("{refund} of it comes back", refund=money(back / 1000)))
        lines.append(msg("{left} still to pay is not spent", left=money(build.cost_left / 1000)))
        return lines


HANDLER = CancelResearch()
