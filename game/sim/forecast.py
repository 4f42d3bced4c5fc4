"""The outlook's figures: where each road is likely to lead from the current turn, by playouts.

Each road the player can still take (every programme it can join or is in, going alone,
staying the course) is played forward from the state many times by the scenario's
reference strategy for it (game/sim/playouts.py); the figures are counted from what those
playouts led to, never from a formula: the share won, the chance of each objective by its
deadline, the median and 90th-percentile year of the player's first astronaut in lunar
orbit and on the surface, and the spread of the final score.

Not to be confused with game/bots/outlook.py, the greedy bot's quick hand-written
projection of one plan. The outlook screen (game/tui/screens/outlook.py) and ``cislunar
forecast`` show these figures; :func:`forecast_table` lays them out once for both.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from game.bots.strategies import ALONE, programme_roads
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.rulebook import ENDED_STATUSES
from game.engine.state import GameState
from game.engine.texts import render_text
from game.format.dates import format_date, year_of
from game.i18n import N_
from game.sim.playouts import STAY, Cancelled, PlayoutResult, Progress, play_roads

#: Playouts per road unless asked otherwise: 200 in all for the default scenario's five roads.
DEFAULT_RUNS = 40
#: The seed of the forecast unless asked otherwise: the screen and ``cislunar forecast`` agree.
DEFAULT_SEED = 1
#: The most playouts per road a forecast takes (``--runs``): a bound on the time it can take.
MOST_RUNS = 10_000

Number = TypeVar("Number", int, float)


@dataclass(frozen=True, slots=True)
class Timing:
    """When something happened in the playouts: its share, and the median and 90th-percentile month.

    A percentile is None where fewer playouts than it needs got there by the campaign's end.
    """

    share: float
    median: int | None
    p90: int | None


@dataclass(frozen=True, slots=True)
class Spread:
    """The final scores of the playouts: mean, 10th, 50th and 90th percentiles, least and most."""

    mean: float
    p10: float
    median: float
    p90: float
    least: float
    most: float


@dataclass(frozen=True, slots=True)
class ObjectiveOdds:
    id: str
    name: str  # its short name, rendered for this campaign
    by: int | None  # its deadline's month; None for one counted at the end
    chance: float  # the share of playouts that met it by its deadline


@dataclass(frozen=True, slots=True)
class RoadForecast:
    """Where one road leads: the figures of its playouts."""

    road: str  # a programme's id, 'alone' or 'stay'
    label: str  # its name in a table: the programme's short name, or 'Alone' or 'Stay'
    runs: int
    won: float  # the share of playouts won
    objectives: tuple[ObjectiveOdds, ...]
    orbit: Timing  # the player's first astronaut in lunar orbit
    surface: Timing  # the player's first astronaut on the lunar surface
    score: Spread


@dataclass(frozen=True, slots=True)
class CampaignForecast:
    """Where every road leads from one state of a campaign, for one seed."""

    scenario: str
    agency: str
    month: int  # of the state forecast from
    turn: int
    seed: int
    runs: int  # playouts per road
    roads: tuple[RoadForecast, ...]
    turn_months: int = 3

    def date(self, month: int | None = None) -> str:
        return format_date(self.month if month is None else month, self.turn_months)

    def to_json(self) -> dict:
        """The figures as ``cislunar forecast --json`` prints them."""

        def when(month: int | None) -> dict | None:
            return (
                None if month is None else {"month": month, "date": self.date(month), "year": year_of(month)}
            )

        def timing(value: Timing) -> dict:
            return {"share": value.share, "median": when(value.median), "p90": when(value.p90)}

        return {
            "scenario": self.scenario,
            "agency": self.agency,
            "date": self.date(),
            "turn": self.turn + 1,
            "seed": self.seed,
            "runs": self.runs,
            "roads": [
                {
                    "road": road.road,
                    "label": road.label,
                    "runs": road.runs,
                    "won": road.won,
                    "score": {
                        "mean": road.score.mean,
                        "p10": road.score.p10,
                        "median": road.score.median,
                        "p90": road.score.p90,
                        "least": road.score.least,
                        "most": road.score.most,
                    },
                    "objectives": [
                        {
                            "id": odds.id,
                            "name": odds.name,
                            "by": None if odds.by is None else self.date(odds.by),
                            "chance": odds.chance,
                        }
                        for odds in road.objectives
                    ],
                    "crew_orbit": timing(road.orbit),
                    "crew_surface": timing(road.surface),
                }
                for road in self.roads
            ],
        }


def forecast_roads(state: GameState, compiled: CompiledScenario) -> list[str]:
    """The roads the player can follow from ``state``, in the scenario's order.

    Every programme it is in, has applied to, or could still join (announced, not ended,
    open to partners), then going alone when the scenario has national missions, then
    staying the course.
    """
    player = state.player
    roads = []
    for pid in programme_roads(compiled.scenario):
        programme = state.programmes.get(pid)
        if programme is None or programme.hidden or programme.status in ENDED_STATUSES:
            continue
        if programme.takes_partners() or programme.is_on_road(player):
            roads.append(pid)
    if compiled.missions:
        roads.append(ALONE)
    roads.append(STAY)
    return roads


def forecast(
    state: GameState | Game,
    compiled: CompiledScenario,
    *,
    runs: int = DEFAULT_RUNS,
    seed: int = DEFAULT_SEED,
    jobs: int = 1,
    roads: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CampaignForecast:
    """Where each road leads from ``state``: ``runs`` playouts of each (:func:`forecast_roads`
    unless ``roads`` are given), with ``jobs`` worker processes; the same for the same state and seed.

    ``progress`` and ``cancelled`` are :func:`game.sim.playouts.play_roads`'s.
    """
    start = state.state if isinstance(state, Game) else state
    chosen = list(roads) if roads is not None else forecast_roads(start, compiled)
    results = play_roads(
        start, compiled, chosen, seed, runs, jobs=jobs, progress=progress, cancelled=cancelled
    )
    return CampaignForecast(
        compiled.scenario.id,
        start.player,
        start.month,
        start.turn,
        seed,
        runs,
        tuple(_road(road, outcomes, start, compiled) for road, outcomes in zip(chosen, results, strict=True)),
        compiled.turn_months,
    )


def road_label(road: str, compiled: CompiledScenario) -> str:
    """The road's name in a table: the programme's short name, 'Alone' or 'Stay' (translated at display)."""
    if road == ALONE:
        return N_("Alone")
    if road == STAY:
        return N_("Stay")
    programme = compiled.programmes.get(road)
    return programme.model.short if programme is not None else road


def _road(road: str, results: list[PlayoutResult], state: GameState, cs: CompiledScenario) -> RoadForecast:
    runs = len(results)
    scores = sorted(result.score for result in results)
    objectives = tuple(
        ObjectiveOdds(
            objective.model.id,
            render_text(
                state,
                cs,
                objective.model.short if objective.model.short is not None else objective.model.name,
            ),
            objective.by if objective.scale is None else None,
            _share(sum(result.met(objective.model.id) for result in results), runs),
        )
        for objective in cs.objectives
    )
    return RoadForecast(
        road,
        road_label(road, cs),
        runs,
        _share(sum(result.won for result in results), runs),
        objectives,
        _timing([result.crew_orbit for result in results]),
        _timing([result.crew_surface for result in results]),
        Spread(
            round(sum(scores) / runs, 1) if runs else 0.0,
            _percentile(scores, 0.1) or 0.0,
            _percentile(scores, 0.5) or 0.0,
            _percentile(scores, 0.9) or 0.0,
            scores[0] if scores else 0.0,
            scores[-1] if scores else 0.0,
        ),
    )


def _share(count: int, runs: int) -> float:
    return round(count / runs, 4) if runs else 0.0


def _percentile(ordered: Sequence[Number | None], share: float) -> Number | None:
    """The nearest-rank percentile of values in order (None, 'never', sorts last and is never a value)."""
    if not ordered:
        return None
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _timing(months: list[int | None]) -> Timing:
    ordered = sorted(months, key=lambda month: math.inf if month is None else month)
    reached = sum(month is not None for month in months)
    return Timing(_share(reached, len(months)), _percentile(ordered, 0.5), _percentile(ordered, 0.9))


class Row(NamedTuple):
    """A row of the forecast's table: a label, a cell per road; an objective's row is indented
    under its heading, which has no cells of its own."""

    label: str
    cells: list[str]
    indent: bool = False


def forecast_table(forecast: CampaignForecast) -> list[Row]:
    """The figures as rows of a table with a column per road, the roads' labels first.

    The labels are English texts marked for translation or the scenario's names (objectives,
    programmes), for the face to translate; the cells are percentages, scores, years and '—'
    (too few playouts got there), the same in every language.
    """
    roads = forecast.roads
    rows = [
        Row("", [road.label for road in roads]),
        Row(N_("Campaign won"), [_percent(road.won) for road in roads]),
        Row(N_("Score: median"), [f"{road.score.median:.0f}" for road in roads]),
        Row(N_("Score: 10%–90%"), [f"{road.score.p10:.0f}–{road.score.p90:.0f}" for road in roads]),
    ]
    if roads and roads[0].objectives:
        rows.append(Row(N_("Objectives by deadline:"), ["" for _ in roads]))
        for index, odds in enumerate(roads[0].objectives):
            rows.append(Row(odds.name, [_percent(road.objectives[index].chance) for road in roads], True))
    rows.extend(
        [
            Row(N_("In lunar orbit: median"), [_year(road.orbit.median) for road in roads]),
            Row(N_("In lunar orbit: 90%"), [_year(road.orbit.p90) for road in roads]),
            Row(N_("On the surface: median"), [_year(road.surface.median) for road in roads]),
            Row(N_("On the surface: 90%"), [_year(road.surface.p90) for road in roads]),
        ]
    )
    return rows


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _year(month: int | None) -> str:
    return "—" if month is None else str(year_of(month))
