"""Answer an event waiting for the player's choice."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import pending_event
from game.engine.compiled import CompiledOutcome, CompiledScenario
from game.engine.events import answer, odds
from game.engine.happenings import in_scope
from game.engine.state import GameState
from game.engine.texts import event_text, render_text
from game.format.words import chance_text
from game.i18n import N_, joined, msg


class Answer(ActionHandler):
    kind = "answer"
    description = N_("Choose one of the answers of an event; every other action waits for it.")
    group = N_("Events awaiting your answer")
    rank = 0
    while_pending = True

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        pending = pending_event(state, action.target)
        if pending is None:
            return msg("no pending event {target}", target=action.target)
        if action.option not in {c.id for c in cs.events[pending.event].model.choices}:
            return msg("'{option}' is not a choice of this event", option=action.option)
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        pending = pending_event(state, action.target)
        assert pending is not None
        answer(state, cs, pending, action.option)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, pending in enumerate(state.pending):
            compiled = cs.events[pending.event]
            shown = event_text(state, cs, pending)
            for position, choice in enumerate(shown.choices):
                outcomes = compiled.choice_outcomes.get(choice.id)
                if outcomes:
                    with in_scope(state, pending.happening):
                        effect = _with_odds(choice.text, state, cs, outcomes)
                else:
                    effect = choice.text
                yield (
                    (self.rank, index, position),
                    Action(self.kind, str(pending.uid), choice.id),
                    msg("{title}: {label}", title=shown.title, label=choice.label),
                    0,
                    0,
                    effect,
                )


def _with_odds(text: str, state: GameState, cs: CompiledScenario, outcomes: Sequence[CompiledOutcome]) -> str:
    """The choice's text and its odds now: 'Launch anyway (60% it holds, 40% it fails)'."""
    phrase = joined(
        ", ",
        [
            msg(
                "{chance} {outcome}",
                chance=chance_text(chance),
                outcome=render_text(state, cs, o.model.label, state.happening),
            )
            for o, chance in zip(outcomes, odds(state, outcomes), strict=True)
        ],
    )
    return msg("{text} ({odds})", text=text, odds=phrase) if text else phrase


HANDLER = Answer()
