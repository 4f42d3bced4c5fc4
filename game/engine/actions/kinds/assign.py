"""Assign an astronaut to one of the seats the agency has earned (or take them off it)."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.compiled import CompiledScenario
from game.engine.corps import astronaut, player_corps, seats, unfit_refusal
from game.engine.state import GameState
from game.i18n import N_, msg


class Assign(ActionHandler):
    kind = "assign"
    description = N_(
        "Assign an astronaut to the next crewed flight of a programme you hold seats in, or of a crewed "
        "national mission (unassigned seats go to the readiest astronaut)."
    )
    group = N_("Astronaut corps")
    rank = 7

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        person = astronaut(state, action.target)
        refused = unfit_refusal(person, action.target)
        if refused or person is None:
            return refused
        seat = action.option
        if not seat:
            return "" if person.assigned else msg("{name} is not assigned", name=person.name)
        if seat == person.assigned:
            return N_("already assigned there")
        if seat not in seats(state, cs):
            return msg("you hold no seat on '{seat}' to assign", seat=seat)
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        person = astronaut(state, action.target)
        assert person is not None  # checked
        seat = action.option
        if seat:
            for other in state.corps[state.player].astronauts:  # one astronaut per seat
                if other.assigned == seat:
                    other.assigned = ""
        person.assigned = seat
        text = (
            msg("{name} is assigned to {seat}", name=person.name, seat=seats(state, cs)[seat])
            if seat
            else msg("{name} is no longer assigned", name=person.name)
        )
        ledger.report(state, "action", text, None, True)

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        corps = player_corps(state)
        if corps is None:
            return
        taken = {person.assigned for person in corps.active()}
        free = [person for person in corps.active() if not person.assigned]
        if not free:
            return
        readiest = max(free, key=lambda person: person.readiness)
        for index, (seat, name) in enumerate(seats(state, cs).items()):
            if seat not in taken:
                yield (
                    (self.rank, index),
                    Action(self.kind, readiest.id, seat),
                    msg("Assign {name} to {seat}", name=readiest.name, seat=name),
                    0,
                    0,
                    msg("readiness {readiness:.0f}", readiness=readiest.readiness),
                )


HANDLER = Assign()
