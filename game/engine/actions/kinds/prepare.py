"""Prepare a flight waiting for its launch: a test campaign, a review, a spare unit (the scenario's)."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import flights, ledger
from game.engine.actions.base import Action, ActionHandler, Offer
from game.engine.actions.common import FLIGHTS_RANK, unaffordable
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState, k
from game.format.dates import format_date
from game.i18n import N_, msg, msgn


class Prepare(ActionHandler):
    kind = "prepare"
    description = N_(
        "Raise the reliability of a flight before its launch, for money and often a later launch."
    )
    group = N_("Flights")
    rank = FLIGHTS_RANK
    done = N_("Preparation done")

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        refused = flights.not_waiting(state, cs, action.target)
        if refused:
            return refused
        prep = flights.preparation(cs, action.option)
        if prep is None:
            return msg("no preparation '{option}'", option=action.option)
        flight = state.flights[action.target]
        if flight.prepared.get(prep.id, 0) >= prep.most:
            return msgn(
                "{name} done {most} time already",
                "{name} done {most} times already",
                prep.most,
                name=prep.name,
                most=prep.most,
            )
        now = flights.reliability(state, cs, action.target)
        if flights.reliability(state, cs, action.target, prep.id) <= now:
            return msg("reliability is already as high as preparation takes it ({now:.0%})", now=now)
        return unaffordable(state, k(prep.cost))

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> None:
        prep = flights.preparation(cs, action.option)
        assert prep is not None  # checked
        key, flight = action.target, state.flights[action.target]
        before = flights.reliability(state, cs, key)
        name = flights.name_of(cs, key)
        ledger.pay(
            state, state.me, -k(prep.cost), msg("{preparation} for {name}", preparation=prep.name, name=name)
        )
        flight.prepared[prep.id] = flight.prepared.get(prep.id, 0) + 1
        flight.launch += prep.turns * cs.turn_months
        flights.report_action(
            state,
            key,
            msg(
                "{preparation} for {name}: reliability {before:.0%} -> {after:.0%}, "
                "launch at the end of {date}",
                preparation=prep.name,
                name=name,
                before=before,
                after=flights.reliability(state, cs, key),
                date=format_date(flight.launch, cs.turn_months),
            ),
        )

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterator[Offer]:
        for index, key, _flight in flights.waiting_flights(state, cs):
            now = flights.reliability(state, cs, key)
            for position, prep in enumerate(flights.rules_of(cs).preparations, 1):
                cost = k(prep.cost)
                yield (
                    (self.rank, index, position),
                    Action(self.kind, key, prep.id),
                    msg("{preparation} for {name}", preparation=prep.name, name=flights.name_of(cs, key)),
                    cost,
                    cost,
                    msgn(
                        "reliability {now:.0%} -> {then:.0%}; launch slips {turns} turn",
                        "reliability {now:.0%} -> {then:.0%}; launch slips {turns} turns",
                        prep.turns,
                        now=now,
                        then=flights.reliability(state, cs, key, prep.id),
                        turns=prep.turns,
                    )
                    if prep.turns
                    else msg(
                        "reliability {now:.0%} -> {then:.0%}; the launch date holds",
                        now=now,
                        then=flights.reliability(state, cs, key, prep.id),
                    ),
                )


HANDLER = Prepare()
