"""The race as the rivals screen shows it: who has earned what, and who is closest to what next.

Plain data from the state and the scenario (no interface here): one column per achievement,
one row per agency in the race (the player, and every agency that has earned something or
flies a plan), each row's next likely step and how far off it is, and for each achievement
nobody has earned yet (or the player has not), the agency closest to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import plans, policies
from game.engine.builds import player_builds
from game.engine.compiled import CompiledScenario, CompiledStep
from game.engine.race import is_first, race_of
from game.engine.state import GameState

#: Expected turns are shown up to this many; a step slower than that is "far off".
FAR_OFF = 99


@dataclass(frozen=True, slots=True)
class Column:
    """An achievement: its id, its short and full names, and the prestige its first earns."""

    id: str
    short: str
    name: str
    first: float


@dataclass(frozen=True, slots=True)
class Feat:
    """One agency's achievement: its rank (1: the first), the month it was earned, and whether
    it was a first (the first anywhere, or of its bloc, or its own: the achievement's 'first_among')."""

    rank: int
    month: int
    first: bool


@dataclass(frozen=True, slots=True)
class NextStep:
    """An agency's next likely step: its name, whether it is being built, the expected turns of
    work left (``FAR_OFF`` or more: no telling), the month it may start, what it would earn."""

    name: str
    building: bool
    turns: int
    start: int
    earns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    agency: str
    short: str
    player: bool
    feats: tuple[Feat | None, ...]
    next: NextStep | None

    @property
    def firsts(self) -> int:
        return sum(1 for feat in self.feats if feat is not None and feat.first)

    @property
    def earned(self) -> int:
        return sum(1 for feat in self.feats if feat is not None)


@dataclass(frozen=True, slots=True)
class Closest:
    """The agency nearest an achievement the player has not earned: its step and expected turns."""

    achievement: str
    agency: str
    step: str
    turns: int
    taken: bool  # someone has earned it already (a first is gone)


@dataclass(frozen=True, slots=True)
class RaceView:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    closest: tuple[Closest, ...]


def race_view(state: GameState, cs: CompiledScenario) -> RaceView:
    """The race now (only asked in a scenario with one)."""
    race = race_of(cs)
    columns = tuple(Column(a.id, a.short or a.name, a.name, a.first) for a in race.achievements.values())
    planned = {aid: next_step(state, cs, aid) for aid in cs.plans if aid != state.player}
    rows = []
    for aid, agency in cs.agencies.items():
        feats = tuple(_feat(state, column.id, aid) for column in columns)
        player = aid == state.player
        step = _players_next(state, cs) if player else planned.get(aid)
        if player or step is not None or any(feats):
            rows.append(Row(aid, agency.short, player, feats, step))
    rows.sort(key=lambda row: (-row.firsts, -row.earned, not row.player, row.short))
    return RaceView(columns, tuple(rows), _closest(state, cs, columns, planned))


def _feat(state: GameState, achievement: str, agency: str) -> Feat | None:
    rank = state.rank(achievement, agency)
    if not rank:
        return None
    return Feat(rank, state.firsts[achievement][rank - 1][1], is_first(state, achievement, agency))


def next_step(state: GameState, cs: CompiledScenario, agency: str) -> NextStep | None:
    """A computer-run agency's step under way, else the next one its plan would start."""
    steps = cs.plans.get(agency, ())
    plan = state.plans.get(agency)
    if plan is not None and plan.step:
        step = next(s for s in steps if s.model.id == plan.step)
        return _next(state, cs, agency, step, plan.turns_left, building=True)
    flown = plan.flown if plan is not None else ()
    for step in steps:  # the first not flown whose predecessor has flown, whatever its date
        if step.model.id not in flown and (step.model.after is None or step.model.after in flown):
            return _next(state, cs, agency, step, step.model.build_turns, building=False)
    return None


def _next(
    state: GameState, cs: CompiledScenario, agency: str, step: CompiledStep, turns_left: int, building: bool
) -> NextStep:
    chance = policies.reliability(state, cs)[agency] * plans.pace(state, cs, agency, step)
    expected = FAR_OFF if chance <= turns_left / FAR_OFF else round(turns_left / chance)
    if not building:  # it cannot start before its date
        expected = min(FAR_OFF, expected + max(0, -(-(step.start - state.month) // cs.turn_months)))
    return NextStep(step.model.name, building, expected, step.start, tuple(step.model.earns))


def _players_next(state: GameState, cs: CompiledScenario) -> NextStep | None:
    """The player's build nearest to done (a contribution or national mission), as a next step."""
    builds = [(build.turns_left, name) for name, build in player_builds(state, cs)]
    if not builds:
        return None
    turns, name = min(builds)
    return NextStep(name, True, turns, state.month)


def _closest(
    state: GameState, cs: CompiledScenario, columns: tuple[Column, ...], planned: dict[str, NextStep | None]
) -> tuple[Closest, ...]:
    found = []
    for column in columns:
        if state.rank(column.id, state.player):
            continue
        rivals = [
            (step.turns, aid, step)
            for aid, step in planned.items()
            if step is not None and column.id in step.earns and not state.rank(column.id, aid)
        ]
        if rivals:
            turns, aid, step = min(rivals, key=lambda item: (item[0], item[1]))
            taken = bool(state.firsts.get(column.id))
            found.append(Closest(column.id, cs.agencies[aid].short, step.name, turns, taken))
    return tuple(found)
