"""What the faces show of the flights waiting for launch: when, how likely, and what each outcome does."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import flights
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState
from game.format.dates import format_date


@dataclass(frozen=True, slots=True)
class FlightView:
    """One flight waiting for its launch, as the flights screen and the cards show it."""

    key: str  # the mission's id, or 'programme.contribution'
    name: str
    launch: str  # the date it flies at the end of
    turns_to_launch: int  # 0: at the end of this turn
    success: float
    partial: float
    failure: float
    prepared: str  # 'with no preparation', 'after Extra tests x2'
    outcomes: tuple[str, ...]  # each outcome with its chance and what it does


def flight_views(state: GameState, cs: CompiledScenario) -> list[FlightView]:
    """Every flight waiting for its launch, soonest first (in the scenario's order on a tie)."""
    if not state.flights:
        return []
    found = []
    for key in cs.flight_bases:
        flight = flights.waiting(state, key)
        if flight is None:
            continue
        success, partial, failure = flights.odds(state, cs, key)
        found.append(
            FlightView(
                key,
                flights.name_of(cs, key),
                format_date(flight.launch, cs.turn_months),
                max(0, (flight.launch - state.month) // cs.turn_months),
                success,
                partial,
                failure,
                flights.preparations_text(cs, flight),
                tuple(flights.outcome_lines(state, cs, key)),
            )
        )
    return sorted(found, key=lambda view: view.turns_to_launch)
