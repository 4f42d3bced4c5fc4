"""The player's astronaut corps as the faces show it: one row per astronaut, and what is under way."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.compiled import CompiledScenario
from game.engine.corps import loss_chance, player_corps, seats
from game.engine.state import GameState
from game.format.dates import format_date


@dataclass(frozen=True, slots=True)
class AstronautRow:
    number: str  # what the actions name
    name: str
    status: str  # active, lost, retired
    readiness: float
    training: bool
    assigned: str  # the seat's name, '' when none
    flights: int  # flown in the campaign
    prior_flights: int  # flown before it
    last_flight: str  # the date of the last one in the campaign, '' when none
    loss: float  # the chance of a loss on a flight now


@dataclass(frozen=True, slots=True)
class CorpsView:
    rows: tuple[AstronautRow, ...]
    seats: tuple[tuple[str, str], ...]  # (id, name) of the seats an astronaut may be assigned to
    selection_turns: int  # turns left of the round under way, 0 for none
    recruits_left: int
    stand_down: int
    training_cost: float  # M$ a turn per astronaut
    training_gain: float
    selection_cost: float  # M$
    selection_length: int  # turns
    selection_candidates: int


def corps_view(state: GameState, cs: CompiledScenario) -> CorpsView | None:
    """The player's corps, or None when the scenario gives its astronauts as a number."""
    corps = player_corps(state)
    if corps is None:
        return None
    rules = cs.rules
    open_seats = seats(state, cs)
    names = {**open_seats, **{pid: cp.model.short for pid, cp in cs.programmes.items()}}
    names.update({mid: mission.name for mid, mission in cs.missions.items()})
    rows = tuple(
        AstronautRow(
            a.id,
            a.name,
            a.status,
            a.readiness,
            a.training,
            names.get(a.assigned, a.assigned),
            len(a.flights),
            a.prior_flights,
            format_date(a.flights[-1].month, cs.turn_months) if a.flights else "",
            loss_chance(rules, a.readiness),
        )
        for a in corps.astronauts
    )
    return CorpsView(
        rows,
        tuple(open_seats.items()),
        corps.selection_turns,
        len(corps.recruits),
        corps.stand_down,
        rules.training_cost,
        rules.training_gain,
        rules.selection_cost,
        rules.selection_turns,
        rules.selection_candidates,
    )
