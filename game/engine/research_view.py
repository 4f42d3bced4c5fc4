"""The player's research tree as the faces show it: one row per project, grouped by area."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.compiled import CompiledScenario
from game.engine.research import (
    Standing,
    missing_prerequisites,
    standing,
    start_refusal,
    unlock_words,
    what_is_missing,
)
from game.engine.rulebook import instalment
from game.engine.state import GameState
from game.format.dates import format_date


@dataclass(frozen=True, slots=True)
class ProjectRow:
    id: str  # what the actions name
    name: str
    description: str
    area: str  # the capability area's name
    standing: Standing
    cost: float  # M$ over the whole project
    turns: int  # its length
    turns_left: int  # under way: turns still to pay; otherwise its length
    paid: float  # M$ paid so far (under way)
    stalled: int  # turns it could not be paid (under way)
    done: str  # the date it was done, '' when not
    before: bool  # done before the campaign began (the agency's own 'research')
    unlocks: tuple[str, ...]  # what it gives, one phrase each
    missing: tuple[str, ...]  # locked: what keeps it from starting, a sentence each
    waiting_for: tuple[str, ...]  # locked: the prerequisite projects not done yet, by name
    refusal: str  # available: why it cannot start now (money, the cap), '' when it can


@dataclass(frozen=True, slots=True)
class ResearchView:
    rows: tuple[ProjectRow, ...]  # by area (the scenario's order of areas), then the file's order
    under_way: int
    most: int  # projects at once
    per_turn: float  # M$ the projects under way take this turn


def research_view(state: GameState, cs: CompiledScenario) -> ResearchView | None:
    """The tree as it stands for the player; None when the scenario has no research."""
    if not cs.research:
        return None
    areas = {area.id: (index, area.name) for index, area in enumerate(cs.scenario.capabilities)}
    rows = []
    for pid, model in cs.research.items():
        place = standing(state, cs, pid)
        build = state.research.get(pid)
        done = state.researched.get(pid)
        rows.append(
            ProjectRow(
                id=pid,
                name=model.name,
                description=model.description,
                area=areas.get(model.area, (0, model.area))[1],
                standing=place,
                cost=model.cost,
                turns=model.turns,
                turns_left=build.turns_left if build is not None else model.turns,
                paid=build.paid / 1000 if build is not None else 0.0,
                stalled=build.stalled if build is not None else 0,
                done=format_date(done, cs.turn_months) if done is not None else "",
                before=done is not None and done < cs.start,
                unlocks=tuple(unlock_words(cs, model)),
                missing=tuple(what_is_missing(state, cs, pid)) if place == "locked" else (),
                waiting_for=tuple(missing_prerequisites(state, cs, pid)) if place == "locked" else (),
                refusal=start_refusal(state, cs, pid) if place == "available" else "",
            )
        )
    order = {pid: index for index, pid in enumerate(cs.research)}
    rows.sort(key=lambda row: (areas.get(cs.research[row.id].area, (0, ""))[0], order[row.id]))
    per_turn = sum(instalment(build.cost_left, build.turns_left) / 1000 for build in state.research.values())
    return ResearchView(tuple(rows), len(state.research), cs.rules.research_parallel, per_turn)
