"""Start a research project: paid over its turns, it unlocks levels, builds, missions and reliability."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import research
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.compiled import CompiledScenario
from game.engine.rulebook import instalment
from game.engine.state import GameState, k
from game.format.words import money
from game.i18n import N_, joined, msg, msgn

#: Where the research offers come in the turn's list: after the national missions.
RESEARCH_RANK = 3


class Research(ActionHandler):
    kind = "research"
    description = N_("Start a research project of the scenario's tree; it is paid over its turns.")
    group = N_("Research")
    rank = RESEARCH_RANK
    done = N_("Research started")
    consequences_title = N_("What it costs and unlocks")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        return research.start_refusal(state, cs, action.target)

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        research.start(state, cs, action.target)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        """The projects that could start but for money and the cap (locked ones: the research screen)."""
        if not cs.research:
            return
        for index, (pid, model) in enumerate(cs.research.items()):
            if research.standing(state, cs, pid) != "available":
                continue
            total = k(model.cost)
            gives = research.unlock_words(cs, model)
            yield (
                (self.rank, index),
                Action(self.kind, pid),
                msg("Research {name}", name=model.name),
                instalment(total, model.turns),
                total,
                msgn(
                    "{turns} turn; unlocks {unlocks}",
                    "{turns} turns; unlocks {unlocks}",
                    model.turns,
                    turns=model.turns,
                    unlocks=joined(", ", gives),
                )
                if gives
                else msgn("{turns} turn", "{turns} turns", model.turns, turns=model.turns),
            )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        model = cs.research.get(action.target)
        if model is None:
            return []
        lines = [
            msgn(
                "{cost} over {turns} turn: {due} at the end of this turn, then about the same each turn",
                "{cost} over {turns} turns: {due} at the end of this turn, then about the same each turn",
                model.turns,
                cost=money(model.cost),
                turns=model.turns,
                due=money(research.first_payment(model) / 1000),
            )
        ]
        gives = research.unlock_words(cs, model)
        lines.append(
            msg("Once done it unlocks {unlocks}", unlocks=joined(", ", gives))
            if gives
            else N_("It unlocks nothing by itself")
        )
        return lines


HANDLER = Research()
