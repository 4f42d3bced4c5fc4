"""Open an astronaut selection round: it costs money now and adds candidates some turns later."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import unaffordable
from game.engine.compiled import CompiledScenario
from game.engine.corps import player_corps
from game.engine.state import GameState, k
from game.i18n import N_, joined, msgn


class Selection(ActionHandler):
    kind = "selection"
    description = N_("Open an astronaut selection round: new astronauts join the corps when it ends.")
    group = N_("Astronaut corps")
    rank = 5

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        corps = player_corps(state)
        if corps is None:
            return N_("your agency has no named astronaut corps")
        if corps.selection_turns:
            return msgn(
                "a selection round is under way ({turns} turn left)",
                "a selection round is under way ({turns} turns left)",
                corps.selection_turns,
                turns=corps.selection_turns,
            )
        if not corps.recruits:
            return N_("no candidates are left to select")
        return unaffordable(state, k(cs.rules.selection_cost))

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        rules = cs.rules
        ledger.pay(state, state.me, -k(rules.selection_cost), N_("astronaut selection"))
        state.corps[state.player].selection_turns = rules.selection_turns
        ledger.report(
            state,
            "action",
            msgn(
                "You open an astronaut selection round ({turns} turn)",
                "You open an astronaut selection round ({turns} turns)",
                rules.selection_turns,
                turns=rules.selection_turns,
            ),
            None,
            True,
        )

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        corps = player_corps(state)
        if corps is None or not corps.recruits:
            return
        rules = cs.rules
        cost = k(rules.selection_cost)
        candidates = min(rules.selection_candidates, len(corps.recruits))
        yield (
            (self.rank, 0),
            Action(self.kind),
            N_("Astronaut selection round"),
            cost,
            cost,
            joined(
                "; ",
                [
                    msgn("{turns} turn", "{turns} turns", rules.selection_turns, turns=rules.selection_turns),
                    msgn(
                        "up to {candidates} new astronaut",
                        "up to {candidates} new astronauts",
                        candidates,
                        candidates=candidates,
                    ),
                ],
            ),
        )


HANDLER = Selection()
