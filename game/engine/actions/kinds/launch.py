"""Launch a flight at the end of this turn, before its window: fly early and accept the odds."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import flights
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import FLIGHTS_RANK
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState
from game.format.dates import format_date
from game.i18n import N_, msg


class Launch(ActionHandler):
    kind = "launch"
    description = N_("Launch a flight at the end of this turn, with the odds it has now.")
    group = N_("Flights")
    rank = FLIGHTS_RANK
    done = N_("It launches at the end of the turn")
    consequences_title = N_("The odds, and what each outcome does")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        refused = flights.not_waiting(state, cs, action.target)
        if refused:
            return refused
        if state.flights[action.target].launch <= state.month:
            return N_("it launches at the end of this turn already")
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        key = action.target
        state.flights[key].launch = state.month
        flights.report_action(
            state,
            key,
            msg(
                "{name} launches at the end of this turn: {odds}",
                name=flights.name_of(cs, key),
                odds=flights.odds_text(state, cs, key),
            ),
        )

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, key, flight in flights.waiting_flights(state, cs):
            yield (
                (self.rank, index, 0),
                Action(self.kind, key),
                msg("Launch {name} now", name=flights.name_of(cs, key)),
                0,
                0,
                msg(
                    "{odds} (due at the end of {date})",
                    odds=flights.odds_text(state, cs, key),
                    date=format_date(flight.launch, cs.turn_months),
                ),
            )

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        if flights.not_waiting(state, cs, action.target):
            return []
        return flights.outcome_lines(state, cs, action.target)


HANDLER = Launch()
