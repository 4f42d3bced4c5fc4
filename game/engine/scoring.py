"""Objectives, score with its breakdown, and the ways a campaign ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game.engine import ledger
from game.engine.compiled import CompiledEnding, CompiledObjective, CompiledScenario, Grade
from game.engine.expressions import Getter
from game.engine.state import GameState
from game.engine.texts import render_text
from game.engine.watch import watch_of
from game.format.expressions import MAX_NUMBER
from game.format.words import figure
from game.i18n import msg, msgn
from game.i18n.message import joined


@dataclass(slots=True, frozen=True)
class ObjectiveScore:
    id: str
    name: str
    points: float
    max_points: float
    achieved: bool
    detail: str


def scale_value(raw: Any) -> float:
    """A scale's value as the score and the breakdown both count it: a finite float.

    Below zero counts as 0 and above MAX_NUMBER as MAX_NUMBER; a value that is no number at
    all (NaN, from arithmetic on infinities) counts as 0, so the score and its breakdown
    always agree. ``raw`` is what an expression gave, a float or a whole number of any size
    (typed ``Any``: compiled by mypyc, a ``float`` parameter would refuse an int beyond a float's range).
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


def credit_share(credit: tuple[tuple[float, float], ...], progress: float) -> float:
    """The share of points at a share of progress: the credit points joined by straight lines."""
    x0, y0 = credit[0]
    if progress <= x0:
        return y0
    for x1, y1 in credit[1:]:
        if progress <= x1:
            return y0 + (y1 - y0) * (progress - x0) / (x1 - x0)
        x0, y0 = x1, y1
    return y0


def graded_points(grade: Grade, points: float, best: float, reached: int | None) -> float:
    """A graded objective's points, unrounded: its credit for the best progress (all its points
    once reached when it has no progress), and its bonus for each year reached before 'by'."""
    if grade.credit:
        earned = points * credit_share(grade.credit, best)
    else:
        earned = points if reached is not None else 0.0
    if grade.early and reached is not None and grade.by is not None and reached < grade.by:
        earned += grade.early * (grade.by - reached) / 12
    return earned


def progress_share(objective: CompiledObjective, state: GameState) -> float:
    """How far a graded objective's progress is toward its target now, 0 to 1."""
    assert objective.progress is not None
    share = scale_value(objective.progress(state)) / objective.target
    return share if share < 1.0 else 1.0


#: Where a state's Watch keeps the objectives the turn loop still asks about (``_still_asked``).
_ASKED = "objectives asked"


def check_objectives(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: mark every 'when' objective reached this turn, and keep graded ones' best progress.

    A progress or a condition that reads only watched parts of the state is worked out again only
    when one of them changed (game/engine/watch.py), and an objective with nothing left to ask
    (reached, its progress full, or its deadline passed) is no longer looked at.
    """
    month, best, achieved = state.month, state.progress, state.achieved
    watch = watch_of(state)
    versions, kept = watch.versions, watch.known
    asked = watch.memo.get(_ASKED)
    fresh = asked is None
    if fresh:
        asked = _still_asked(cs.objectives, state)
    done = False  # whether one of them has nothing left to ask now
    for objective in asked:
        oid = objective.model.id
        if objective.by is not None and month > objective.by:
            done = True
            continue
        progress = objective.progress
        if progress is not None:
            so_far = best.get(oid, 0.0)
            if so_far < 1.0:  # a share is at most 1: once there, it cannot rise (no need to ask)
                tracked = objective.tracked
                if tracked is None:
                    value = progress(state)
                else:  # watch.known, inline; unchanged since it was last asked: nothing new to keep
                    slot, test, stamp = tracked
                    now = stamp(versions)
                    found = kept.get(slot)
                    value = _UNCHANGED
                    if found is None or found[0] != now:
                        found = kept[slot] = (now, test(state))
                        value = found[1]
                if value is not _UNCHANGED:
                    share = scale_value(value) / objective.target  # progress_share's
                    if share > so_far:
                        best[oid] = share if share < 1.0 else 1.0
                        done = done or share >= 1.0
        if objective.condition is None or oid in achieved:
            continue
        steady, rest = objective.check  # steady: kept while what it reads is unchanged
        if steady is not None:  # watch.known, inline
            slot, test, stamp = steady
            now = stamp(versions)
            found = kept.get(slot)
            if found is None or found[0] != now:
                found = kept[slot] = (now, test(state))
            if not found[1]:
                continue
        if rest is None or rest(state):
            achieved[oid] = month
            done = True
            ledger.report(
                state,
                "objective",
                msg("Objective reached: {name}", name=render_text(state, cs, objective.model.name)),
                None,
                True,
            )
    if done or fresh:
        watch.memo[_ASKED] = _still_asked(asked, state) if done else asked


#: A progress not asked again: what it reads has not changed since it was last kept.
_UNCHANGED = object()


def _still_asked(objectives: Sequence[CompiledObjective], state: GameState) -> tuple[CompiledObjective, ...]:
    """The objectives the turn step still has something to ask of: a condition not reached yet or
    a progress not full, before their deadline."""
    month, best, achieved = state.month, state.progress, state.achieved
    return tuple(
        o
        for o in objectives
        if (o.by is None or month <= o.by)
        and (
            (o.condition is not None and o.model.id not in achieved)
            or (o.progress is not None and best.get(o.model.id, 0.0) < 1.0)
        )
    )


def objective_status(objective: CompiledObjective, state: GameState) -> str:
    """'reached', 'missed' (its deadline passed), or 'open'."""
    if objective.model.id in state.achieved:
        return "reached"
    if objective.by is not None and state.month > objective.by:
        return "missed"
    return "open"


def _status_said(objective: CompiledObjective, state: GameState) -> str:
    """The status as the debrief says it: 'open' while the campaign is on, 'not reached' once it is over."""
    status = objective_status(objective, state)
    if status == "open" and state.outcome:
        return msg("not reached")
    return msg(status)


def breakdown(state: GameState, cs: CompiledScenario) -> list[ObjectiveScore]:
    rows = []
    for objective in cs.objectives:
        model = objective.model
        name = render_text(state, cs, model.name)
        if objective.scale is not None:
            value, points = scale_points(objective.scale, state, model.points)
            rows.append(
                ObjectiveScore(
                    model.id,
                    name,
                    round(points, 1),
                    model.points,
                    points >= model.points,
                    figure(value),
                )
            )
        elif objective.grade is not None:
            reached = state.achieved.get(model.id)
            earned = graded_points(objective.grade, model.points, state.progress.get(model.id, 0.0), reached)
            details = [_status_said(objective, state)]
            if objective.progress is not None:
                best = state.progress.get(model.id, 0.0)
                details.append(msg("best progress {share}", share=format(best, ".0%")))
            if reached is not None and objective.grade.early and earned > model.points:
                details.append(msg("early bonus {points}", points=figure(earned - model.points)))
            detail = joined(", ", details)
            rows.append(
                ObjectiveScore(model.id, name, round(earned, 1), objective.most, reached is not None, detail)
            )
        else:
            done = model.id in state.achieved
            rows.append(
                ObjectiveScore(
                    model.id,
                    name,
                    model.points if done else 0.0,
                    model.points,
                    done,
                    _status_said(objective, state),
                )
            )
    return rows


def score(state: GameState, cs: CompiledScenario) -> float:
    """The sum of the breakdown's points, without building its rows (the turn loop asks every turn)."""
    achieved = state.achieved
    earned = []
    for oid, points, scale, grade in cs.score_terms:
        if grade is not None:  # as the breakdown: to one decimal
            progress = state.progress.get(oid, 0.0)
            earned.append(round(graded_points(grade, points, progress, achieved.get(oid)), 1))
        elif scale is None:
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
        return msgn(
            "insolvent for {insolvent_turns} turn in a row",
            "insolvent for {insolvent_turns} turns in a row",
            me.insolvent_turns,
            insolvent_turns=me.insolvent_turns,
        )
    return ""


def check_endings(state: GameState, cs: CompiledScenario) -> CompiledEnding | None:
    """The first of the scenario's endings whose date has come and whose condition holds now."""
    month = state.month
    for ending in cs.endings:
        if (ending.after is None or month >= ending.after) and ending.condition(state):
            return ending
    return None
