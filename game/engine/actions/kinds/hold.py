"""Hold a flight's launch for a turn: more time to prepare it, or to research, at a cost."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import flights, ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import FLIGHTS_RANK, unaffordable
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState, k
from game.format.dates import format_date
from game.i18n import N_, msg, msgn


class Hold(ActionHandler):
    kind = "hold"
    description = N_("Hold a flight's launch one turn later, for the cost of keeping it ready.")
    group = N_("Flights")
    rank = FLIGHTS_RANK
    done = N_("Launch held")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        refused = flights.not_waiting(state, cs, action.target)
        if refused:
            return refused
        rules = flights.rules_of(cs)
        if state.flights[action.target].holds >= rules.hold_most:
            return msgn(
                "held {most} time already: it must fly",
                "held {most} times already: it must fly",
                rules.hold_most,
                most=rules.hold_most,
            )
        return unaffordable(state, k(rules.hold_cost))

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        key, flight = action.target, state.flights[action.target]
        name = flights.name_of(cs, key)
        ledger.pay(state, state.me, -k(flights.rules_of(cs).hold_cost), msg("holding {name}", name=name))
        flight.holds += 1
        flight.launch += cs.turn_months
        flights.report_action(
            state,
            key,
            msg(
                "{name}'s launch is held to the end of {date}",
                name=name,
                date=format_date(flight.launch, cs.turn_months),
            ),
        )

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        if not state.flights:
            return
        cost = k(flights.rules_of(cs).hold_cost)
        positions = len(flights.rules_of(cs).preparations) + 1
        for index, key, flight in flights.waiting_flights(state, cs):
            yield (
                (self.rank, index, positions),
                Action(self.kind, key),
                msg("Hold {name} a turn", name=flights.name_of(cs, key)),
                cost,
                cost,
                msg(
                    "launch at the end of {date} instead",
                    date=format_date(flight.launch + cs.turn_months, cs.turn_months),
                ),
            )


HANDLER = Hold()
