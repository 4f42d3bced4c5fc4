"""Put an astronaut in training (readiness rises, at a cost each turn) or take them out of it."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.compiled import CompiledScenario
from game.engine.corps import astronaut, player_corps, unfit_refusal
from game.engine.state import GameState, k
from game.i18n import N_, msg


class Train(ActionHandler):
    kind = "train"
    description = N_("Start or stop an astronaut's training: readiness rises each turn, for a cost.")
    group = N_("Astronaut corps")
    rank = 6

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        return unfit_refusal(astronaut(state, action.target), action.target)

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        person = astronaut(state, action.target)
        assert person is not None  # checked
        person.training = not person.training
        text = N_("{name} starts training") if person.training else N_("{name} stops training")
        ledger.report(state, "action", msg(text, name=person.name), None, True)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        corps = player_corps(state)
        if corps is None:
            return
        cost, gain = k(cs.rules.training_cost), cs.rules.training_gain
        for index, person in enumerate(corps.astronauts):
            if person.status != "active":
                continue
            readiness = f"{person.readiness:.0f}"
            if person.training:
                label = msg("Stop training {name}", name=person.name)
                yield (
                    (self.rank, index),
                    Action(self.kind, person.id),
                    label,
                    0,
                    0,
                    msg("readiness {readiness}", readiness=readiness),
                )
            else:
                label = msg("Train {name}", name=person.name)
                effect = msg("readiness {readiness}, +{gain:.0f} a turn", readiness=readiness, gain=gain)
                yield ((self.rank, index), Action(self.kind, person.id), label, cost, cost, effect)


HANDLER = Train()
