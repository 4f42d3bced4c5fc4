"""The campaign's objectives as the player sees them: progress, deadline, points, how each scores.

The dashboard and the objectives screen only show these views; the scoring rules they
describe live in game/engine/scoring.py, and the plain words of each condition come from
the expression vocabulary (game/engine/explain.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.compiled import CompiledObjective, CompiledScenario
from game.engine.explain import describe, measure
from game.engine.scoring import (
    graded_points,
    objective_status,
    progress_share,
    scale_points,
    score,
)
from game.engine.state import GameState
from game.engine.texts import render_text
from game.format.dates import format_date
from game.format.words import amount, figure, plural_count
from game.i18n.message import joined, msg, msgn


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    id: str
    name: str
    short: str  # the name the dashboard lists it by
    description: str
    points: float  # earned so far, as the score counts it
    most: float  # the most it can earn: ``worth`` and the whole early bonus
    worth: float  # its points, as the scenario gives them (the early bonus comes on top)
    status: str  # 'reached', 'missed', 'open'
    #: how far it is, 0 to 1, when that can be measured (graded, scaled or one figure compared)
    progress: float | None
    measure: str  # the figure and what it must reach ('210 of 350'), or ''
    deadline: str  # 'by 2032-Q4', 'at the end', or ''
    due: str  # the deadline's date ('2032-Q4'), or ''
    how: tuple[str, ...]  # how it is reached and scored, in plain words
    whole: bool = True  # the scenario's points are whole: the faces show whole points

    @property
    def bonus(self) -> float:
        """The most its early bonus can add to ``worth`` (0 without one)."""
        return self.most - self.worth


@dataclass(frozen=True, slots=True)
class GoalsView:
    score: float
    needed: float  # the score that wins at the end
    most: float  # every objective's most together
    objectives: tuple[ObjectiveView, ...]
    worth: float = 0.0  # every objective's points together, early bonuses aside
    whole: bool = True  # the scenario's points (and the score to win) are whole


def whole_points(cs: CompiledScenario) -> bool:
    """Whether the scenario counts in whole points: every objective's and the scores that win."""
    own = [agency.victory_score for agency in cs.agencies.values() if agency.victory_score is not None]
    figures = [o.model.points for o in cs.objectives] + [cs.scenario.victory_score, *own]
    return all(float(figure).is_integer() for figure in figures)


def goals_view(state: GameState, cs: CompiledScenario) -> GoalsView:
    """Every objective's view, and the score so far against the score needed to win."""
    views = tuple(objective_view(objective, state, cs) for objective in cs.objectives)
    return GoalsView(
        score(state, cs),
        cs.victory_score(state.player),
        sum(o.most for o in cs.objectives),
        views,
        sum(o.model.points for o in cs.objectives),
        whole_points(cs),
    )


def objective_view(objective: CompiledObjective, state: GameState, cs: CompiledScenario) -> ObjectiveView:
    model = objective.model
    due = format_date(objective.by, cs.turn_months) if objective.by is not None else ""
    deadline = msg("by {date}", date=due) if due else ""
    if objective.scale is not None:
        value, points = scale_points(objective.scale, state, model.points)
        return ObjectiveView(
            model.id,
            *_names(objective, state, cs),
            round(points, 1),
            objective.most,
            model.points,
            "reached" if points >= model.points else "open",
            points / model.points if model.points else 1.0,
            msg("{value} of {target}", value=amount(value), target=amount(model.points)),
            msg("at the end"),
            "",
            _how(objective, state, cs),
            whole_points(cs),
        )
    status = objective_status(objective, state)
    reached = state.achieved.get(model.id)
    if objective.grade is not None:
        points = graded_points(objective.grade, model.points, state.progress.get(model.id, 0.0), reached)
    else:
        points = model.points if reached is not None else 0.0
    progress, shown = _progress(objective, state, status)
    return ObjectiveView(
        model.id,
        *_names(objective, state, cs),
        round(points, 1),
        objective.most,
        model.points,
        status,
        progress,
        shown,
        deadline,
        due,
        _how(objective, state, cs),
        whole_points(cs),
    )


def _names(objective: CompiledObjective, state: GameState, cs: CompiledScenario) -> tuple[str, str, str]:
    """Its name, short name and description, their templates rendered for this campaign."""
    model = objective.model
    name = render_text(state, cs, model.name)
    short = render_text(state, cs, model.short) if model.short is not None else name
    return name, short, render_text(state, cs, model.description)


def _progress(objective: CompiledObjective, state: GameState, status: str) -> tuple[float | None, str]:
    """How far it is and its figure: a graded objective's best progress, else the figure its
    condition compares (while open), else 1 once reached."""
    if objective.progress is not None:
        best = state.progress.get(objective.model.id, 0.0)
        now = progress_share(objective, state)
        value = now * objective.target
        return (
            best,
            msg("{value} of {target}", value=amount(value), target=amount(objective.target))
            if objective.target != 1.0
            else f"{now:.0%}",
        )
    if status == "reached":
        return 1.0, ""
    figures = measure(objective.model.when, state) if objective.model.when is not None else None
    if figures is None:
        return None, ""
    value, goal = figures
    return min(1.0, max(0.0, value / goal)), msg(
        "{value} of {target}", value=amount(value), target=amount(goal)
    )


def _how(objective: CompiledObjective, state: GameState, cs: CompiledScenario) -> tuple[str, ...]:
    """How the objective is reached and scored, in plain words."""
    model = objective.model
    deadline = (
        msg(" by {date}", date=format_date(objective.by, cs.turn_months)) if objective.by is not None else ""
    )
    if objective.scale is not None:
        return (
            msg(
                "Scores {value} at the end of the campaign, up to {points} points.",
                value=describe(objective.model.scale or "", cs, state),
                points=figure(model.points),
            ),
        )
    lines: list[str] = []
    if model.when is not None:
        lines.append(
            msg(
                "Asks for {condition}{deadline}.",
                condition=describe(model.when, cs, state),
                deadline=deadline,
            )
        )
    grade = objective.grade
    if grade is not None and grade.credit:
        toward = msg(" toward {target}", target=amount(objective.target)) if objective.target != 1.0 else ""
        steps = joined(
            ", ",
            [
                msg(
                    "{share:.0%} of the way earns {points}",
                    share=x,
                    points=figure(y * model.points),
                )
                for x, y in grade.credit
            ],
        )
        lines.append(
            msg(
                "Graded by {progress}{toward}, at its best{deadline}: {steps}{between}.",
                progress=describe(model.progress or "", cs, state),
                toward=toward,
                deadline=deadline,
                steps=steps,
                between=msg(", in straight lines between") if len(grade.credit) > 1 else "",
            )
        )
    else:
        lines.append(msg("Worth {points} points once reached.", points=figure(model.points)))
    if grade is not None and grade.early:
        lines.append(
            msgn(
                "Reached early: {points} more point for each year before the deadline (at most {most}).",
                "Reached early: {points} more points for each year before the deadline (at most {most}).",
                plural_count(grade.early),
                points=figure(grade.early),
                most=figure(objective.most - model.points),
            )
        )
    return tuple(lines)
