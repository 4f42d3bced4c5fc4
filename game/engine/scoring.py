"""Objectives, score with its breakdown, and the ways a campaign ends."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ledger
from game.engine.compiled import CompiledScenario
from game.engine.expressions import Getter
from game.engine.state import GameState
from game.format.expressions import MAX_NUMBER
from game.i18n import msg


@dataclass(slots=True, frozen=True)
class ObjectiveScore:
    id: str
    name: str
    points: float
    max_points: float
    achieved: bool
    detail: str


def scale_value(raw: float) -> float:
    """A scale's value as the score and the breakdown both count it: a finite float.

    Below zero counts as 0 and above MAX_NUMBER as MAX_NUMBER; a value that is no number at
    all (NaN, from arithmetic on infinities) counts as 0, so the score and its breakdown
    always agree.
    """
    if raw > 0.0:  # false for NaN too
        return float(raw) if raw < MAX_NUMBER else float(MAX_NUMBER)
    return 0.0


def scale_points(scale: Getter, state: GameState, points: float) -> tuple[float, float]:
    """A scaled objective's value and the points it earns (at most ``points``), unrounded.

    The one place the score and the breakdown both read a scale, so they cannot disagree.
    """
    value = scale_value(scale(state))
    return value, (value if value < points else points)


def check_objectives(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: mark every 'when' objective reached this turn."""
    for objective in cs.objectives:
        oid = objective.model.id
        if objective.condition is None or oid in state.achieved:
            continue
        if objective.by is not None and state.month > objective.by:
            continue
        if objective.condition(state):
            state.achieved[oid] = state.month
            ledger.report(
                state, "objective", msg("Objective reached: {name}", name=objective.model.name), None, True
            )


def breakdown(state: GameState, cs: CompiledScenario) -> list[ObjectiveScore]:
    rows = []
    for objective in cs.objectives:
        model = objective.model
        if objective.scale is not None:
            value, points = scale_points(objective.scale, state, model.points)
            rows.append(
                ObjectiveScore(
                    model.id,
                    model.name,
                    round(points, 1),
                    model.points,
                    points >= model.points,
                    f"{value:.1f}",
                )
            )
        else:
            done = model.id in state.achieved
            detail = (
                "reached"
                if done
                else ("missed" if objective.by is not None and state.month > objective.by else "open")
            )
            rows.append(
                ObjectiveScore(
                    model.id, model.name, model.points if done else 0.0, model.points, done, detail
                )
            )
    return rows


def score(state: GameState, cs: CompiledScenario) -> float:
    """The sum of the breakdown's points, without building its rows (the turn loop asks every turn)."""
    achieved = state.achieved
    earned = []
    for oid, points, scale in cs.score_terms:
        if scale is None:
            earned.append(points if oid in achieved else 0.0)
        else:  # as the breakdown: the value within 0..points, to one decimal
            earned.append(round(scale_points(scale, state, points)[1], 1))
    return round(sum(earned), 1)


def check_defeat(state: GameState, cs: CompiledScenario) -> str:
    """Why the campaign is lost now, or ''."""
    defeat = cs.defeat
    me = state.agencies[state.player]
    if me.support <= defeat.support_below:
        return msg("domestic support collapsed to {support:.0f}%", support=me.support)
    if me.insolvent_turns >= defeat.insolvent_turns:
        return msg("insolvent for {insolvent_turns} turns in a row", insolvent_turns=me.insolvent_turns)
    return ""
