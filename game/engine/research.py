"""Research projects: a tree the scenario defines, researched over turns, several at once.

A scenario with ``research:`` lists projects (cost, turns, prerequisites, a condition) and what
each unlocks: capability levels, contributions and national missions that wait for it, and
reliability for the player's flights of a kind. The player starts a project (the ``research``
action); it is paid in equal parts at the end of each turn, as a build is, and stalls a turn it
cannot be paid; when its last part is paid it is done and its unlocks are the player's.

A scenario without ``research:`` never reaches this module's work: ``cs.research`` is empty, no
project is ever under way, and :func:`progress_research` returns at its first test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal, get_args

from game.engine import ledger
from game.engine.compiled import CompiledScenario
from game.engine.explain import explain_failure
from game.engine.happenings import happen
from game.engine.rulebook import instalment
from game.engine.state import BuildState, GameState, k
from game.format.models import FlightKind, Project
from game.format.words import money
from game.i18n import N_, joined, msg, msgn

#: Where a project stands for the player.
Standing = Literal["done", "under_way", "available", "locked"]


def standing(state: GameState, cs: CompiledScenario, project: str) -> Standing:
    """Done, under way, or not started: available once it could start but for money and the cap."""
    if project in state.researched:
        return "done"
    if project in state.research:
        return "under_way"
    return "locked" if what_is_missing(state, cs, project) else "available"


def missing_prerequisites(state: GameState, cs: CompiledScenario, project: str) -> list[str]:
    """The names of the projects ``project`` requires that are not done yet."""
    return [cs.research[need].name for need in cs.research[project].requires if need not in state.researched]


def what_is_missing(state: GameState, cs: CompiledScenario, project: str) -> list[str]:
    """What keeps ``project`` from starting besides money and the cap, one sentence each: the
    prerequisite projects not done ('needs Arm control software first'), then its condition in
    words ('Precision guidance is closed while the year is before 2022; it is 2021'), or 'not yet
    available' where the condition cannot be put in words. Empty when it could start."""
    model = cs.research[project]
    missing = []
    names = missing_prerequisites(state, cs, project)
    if names:
        missing.append(msg("needs {projects} first", projects=joined(", ", names)))
    condition = cs.research_when.get(project)
    if condition is not None and not condition(state) and model.when is not None:
        clauses = explain_failure(model.when, state, cs)
        missing.extend(msg("{name} {clause}", name=model.name, clause=clause) for clause in clauses)
        if not clauses:
            missing.append(N_("not yet available"))
    return missing


def start_refusal(state: GameState, cs: CompiledScenario, project: str) -> str:
    """Why the player cannot start ``project`` now, or ''."""
    model = cs.research.get(project)
    if model is None:
        return msg("no research project '{target}'", target=project)
    if project in state.researched:
        return N_("already researched")
    if project in state.research:
        return N_("already under way")
    missing = what_is_missing(state, cs, project)
    if missing:
        return joined("; ", missing)
    most = cs.rules.research_parallel
    if len(state.research) >= most:
        return msgn(
            "{count} project already under way: the most at once",
            "{count} projects already under way: the most at once",
            most,
            count=most,
        )
    due = first_payment(model)
    have = state.me.money
    if have < due:
        return msg(
            "the first payment is {due}; you have {money}", due=money(due / 1000), money=money(have / 1000)
        )
    return ""


def first_payment(model: Project) -> int:
    """k$ the project's first turn costs."""
    return instalment(k(model.cost), model.turns)


def start(state: GameState, cs: CompiledScenario, project: str) -> None:
    """The player starts ``project`` (already checked): it is paid from the end of this turn."""
    model = cs.research[project]
    state.research[project] = BuildState(project, state.player, "building", model.turns, k(model.cost), 0, 0)
    ledger.report(
        state,
        "action",
        msgn(
            "Research begins: {name}, {cost} over {turns} turn",
            "Research begins: {name}, {cost} over {turns} turns",
            model.turns,
            name=model.name,
            cost=money(model.cost),
            turns=model.turns,
        ),
        None,
        True,
    )
    if cs.hooked_kinds:
        happen(state, cs, "research_started", agency=state.player, project=project)


def refund_of(state: GameState, cs: CompiledScenario, project: str) -> int:
    """k$ that cancelling the project under way gives back (the rules' share of what it paid)."""
    return int(state.research[project].paid * cs.rules.research_refund)


def cancel(state: GameState, cs: CompiledScenario, project: str) -> None:
    """The player stops ``project`` (already checked): what it paid is lost, but the rules' refund."""
    build = state.research.pop(project)
    name = cs.research[project].name
    back = int(build.paid * cs.rules.research_refund)
    if back:
        ledger.pay(state, state.me, back, msg("refund of {name}", name=name))
    ledger.report(state, "action", msg("You stop researching {name}", name=name), None, True)


# ---------------------------------------------------------------- what research gives


def locked(state: GameState, cs: CompiledScenario, key: str) -> str:
    """The refusal of a mission (id) or contribution ('programme.id') research has not unlocked, or ''."""
    projects = cs.unlocked_by.get(key) if cs.unlocked_by else None
    if not projects or any(project in state.researched for project in projects):
        return ""
    if len(projects) == 1:
        return msg("needs research: {project}", project=cs.research[projects[0]].name)
    names = [cs.research[project].name for project in projects]
    return msg("needs one of these research projects: {projects}", projects=joined(", ", names))


#: At most this many reliability bonuses kept (the playouts of a long planner run see many orders).
_KEPT_BONUSES = 4096


def reliability_bonus(state: GameState, cs: CompiledScenario, kind: str) -> float:
    """Reliability the player's done projects add to its flights of ``kind`` ('mission', 'module'...)."""
    if not state.researched:
        return 0.0
    key = (kind, tuple(state.researched))  # in the order done: the sum adds in that order
    known = cs._reliability_bonus
    found: Any = known.get(key)
    if found is None:  # worked out once per kind and projects done: every flight asks
        if len(known) >= _KEPT_BONUSES:
            known.clear()
        research = cs.research
        total = 0.0
        for project in state.researched:
            total += research[project].unlocks.reliability.get(kind, 0.0)  # type: ignore
        found = known[key] = total
    return found


def unlock_words(cs: CompiledScenario, model: Project) -> list[str]:
    """What a project gives, one phrase each, for the research screen, the news and the confirmation."""
    unlocks = model.unlocks
    names = {area.id: area.name for area in cs.scenario.capabilities}
    parts = [
        msg("{area} level {level}", area=names.get(area, area), level=level)
        for area, level in unlocks.levels.items()
    ]
    for ref in unlocks.contributions:
        programme, slot = ref.split(".", 1)
        cp = cs.programmes.get(programme)
        if cp is not None and slot in cp.slots:
            parts.append(msg("{name} ({programme})", name=cp.slots[slot].name, programme=cp.model.short))
    parts.extend(cs.missions[mid].name for mid in unlocks.missions if mid in cs.missions)
    parts.extend(
        msg("+{points:.0f}% reliability of {kind} flights", points=gain * 100, kind=_KINDS[kind])
        for kind, gain in unlocks.reliability.items()
    )
    return parts


#: The kinds of flight as the research screen names them.
_KINDS = dict(
    zip(
        get_args(FlightKind),
        (N_("national mission"), N_("module"), N_("instrument"), N_("service")),
        strict=True,
    )
)


def under_way(state: GameState, cs: CompiledScenario) -> Iterator[tuple[str, BuildState]]:
    """(name, build) of each project under way, as the budget counts its payments."""
    for project, build in state.research.items():
        yield cs.research[project].name, build


# ---------------------------------------------------------------- the turn step


def progress_research(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: each project under way is paid a part, or stalls; the last part makes it done."""
    if not state.research:
        return
    me = state.me
    for project in list(state.research):
        build = state.research[project]
        model = cs.research[project]
        due = instalment(build.cost_left, build.turns_left)
        if me.money < due:
            build.stalled += 1
            ledger.report(
                state,
                "build",
                msg(
                    "Research on {name} stalls: not enough money for this turn's {due}",
                    name=model.name,
                    due=money(due / 1000),
                ),
                None,
                True,
            )
            continue
        ledger.pay(state, me, -due, msg("research on {name}", name=model.name))
        build.cost_left -= due
        build.paid += due
        build.turns_left -= 1
        if build.turns_left <= 0:
            _done(state, cs, project)


def _done(state: GameState, cs: CompiledScenario, project: str) -> None:
    """A project's last part is paid: it is done and its capability levels are the player's."""
    del state.research[project]
    state.researched[project] = state.month
    model = cs.research[project]
    me = state.me
    top = cs.rules.capability_max
    for area, level in model.unlocks.levels.items():
        have = me.capabilities.get(area, 0)
        if have < level:
            ledger.capability(state, me, area, min(level, top) - have, top, model.name)
    gives = unlock_words(cs, model)
    ledger.report(
        state,
        "milestone",
        msg("Research done: {name}; it unlocks {unlocks}", name=model.name, unlocks=joined(", ", gives))
        if gives
        else msg("Research done: {name}", name=model.name),
        None,
        True,
    )
    if cs.hooked_kinds:
        happen(state, cs, "research_completed", agency=state.player, project=project)


# ---------------------------------------------------------------- the way to what a build needs


def way_to(
    state: GameState, cs: CompiledScenario, requires: dict[str, int], key: str = ""
) -> list[str] | None:
    """The projects still to do, prerequisites first, for the player to hold the capability levels
    ``requires`` names and, if ``key`` (a mission id or 'programme.contribution') waits for research,
    to unlock it: the cheapest project for each need with its chain. None when research cannot
    get there (a level no project gives, a project that can never start in this scenario)."""
    levels = state.me.capabilities
    chosen: list[str] = []
    needs: list[tuple[str, ...]] = []
    for area, level in requires.items():
        if levels.get(area, 0) >= level:
            continue
        givers = tuple(
            pid for pid, model in cs.research.items() if model.unlocks.levels.get(area, 0) >= level
        )
        if not givers:
            return None
        needs.append(givers)
    if key and cs.unlocked_by.get(key) and not any(p in state.researched for p in cs.unlocked_by[key]):
        needs.append(cs.unlocked_by[key])
    for givers in needs:
        if any(pid in state.researched or pid in chosen for pid in givers):
            continue
        chains = [chain for pid in givers if (chain := _chain(state, cs, pid)) is not None]
        if not chains:
            return None
        best = min(chains, key=lambda chain: sum(cs.research[pid].cost for pid in chain if pid not in chosen))
        chosen.extend(pid for pid in best if pid not in chosen)
    return chosen


def _chain(
    state: GameState, cs: CompiledScenario, project: str, seen: frozenset[str] = frozenset()
) -> list[str] | None:
    """``project`` and its prerequisites not done yet, prerequisites first (None: a loop)."""
    if project in state.researched:
        return []
    if project in seen:
        return None
    found: list[str] = []
    for need in cs.research[project].requires:
        chain = _chain(state, cs, need, seen | {project})
        if chain is None:
            return None
        found.extend(pid for pid in chain if pid not in found)
    found.append(project)
    return found


def turns_of(state: GameState, cs: CompiledScenario, projects: list[str]) -> int:
    """The fewest turns before every project of ``projects`` (a ``way_to``) is done, run in parallel
    where the prerequisites allow (a project under way counts its turns left)."""
    finish: dict[str, int] = {}
    for pid in projects:  # prerequisites come first in a way_to
        model = cs.research[pid]
        start = max((finish.get(need, 0) for need in model.requires), default=0)
        under_way = state.research.get(pid)
        finish[pid] = start + (under_way.turns_left if under_way is not None else model.turns)
    return max(finish.values(), default=0)
