"""What several kinds of action share: installments, capability costs and the usual refusals."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.actions.base import Action, Offer
from game.engine.compiled import CompiledScenario
from game.engine.rulebook import instalment
from game.engine.state import GameState, PendingEvent, k
from game.format.models import Rewards
from game.format.words import money

#: The heading of the actions that undo a commitment on the decisions screen.
UNDOING_GROUP = "Cancel or withdraw (each asks first and says what it costs)"


def m(amount_k: int) -> str:
    """k$ in the words every face shows, so a refusal quotes the figure the player saw."""
    return money(amount_k / 1000)


def capability_cost(state: GameState, cs: CompiledScenario, area: str) -> int:
    return k(cs.rules.capability_cost * (state.me.capabilities.get(area, 0) + 1))


def missing_capability(state: GameState, cs: CompiledScenario, requires: dict[str, int]) -> str:
    levels = state.me.capabilities
    names = {c.id: c.name for c in cs.scenario.capabilities}
    for area, level in requires.items():
        if levels.get(area, 0) < level:
            return f"needs {names[area]} level {level} (you have {levels.get(area, 0)})"
    return ""


def pending_event(state: GameState, target: str) -> PendingEvent | None:
    for pending in state.pending:
        if str(pending.uid) == target:
            return pending
    return None


def slot_reason(state: GameState, cs: CompiledScenario, pid: str, sid: str) -> str:
    slot = cs.programmes[pid].slots.get(sid)
    if slot is None:
        return f"no contribution '{sid}' in {cs.programmes[pid].model.short}"
    if state.programmes[pid].slots[sid].status != "open":
        return f"{slot.name} is already taken"
    missing = missing_capability(state, cs, slot.requires)
    if missing:
        return missing
    due = instalment(k(slot.cost), slot.build_turns)
    if state.me.money < due:
        return f"the first payment is {m(due)}; you have {m(state.me.money)}"
    return ""


def no_programme(state: GameState, target: str) -> str:
    """The refusal of a programme action that names no programme (or one not announced yet), or ''."""
    known = target in state.programmes and not state.programmes[target].hidden
    return "" if known else f"no programme '{target}'"


#: Where the programme actions' offers come in the turn's list.
PROGRAMMES_RANK = 1


def contribution_offers(state: GameState, cs: CompiledScenario, kind: str, members: bool) -> Iterator[Offer]:
    """Open contributions to take, for members (build one) or not (join offering one)."""
    player = state.player
    for index, (pid, cp) in enumerate(cs.programmes.items()):
        programme = state.programmes[pid]
        if programme.is_member(player) != members or programme.hidden:
            continue
        verb = "Build" if members else f"Join {cp.model.short} offering"
        for position, (sid, slot) in enumerate(cp.slots.items(), 1):
            build = programme.slots[sid]
            if build.status != "open":
                continue
            total = k(slot.cost)
            yield (
                (PROGRAMMES_RANK, index, position),
                Action(kind, pid, sid),
                f"{verb} {slot.name}",
                instalment(total, slot.build_turns),
                total,
                f"{slot.build_turns} turns; {rewards_text(slot.rewards)}",
            )


def reward_parts(rewards: Rewards) -> list[str]:
    """What a build or mission earns, one phrase each: the offers and the join card say it alike."""
    parts = []
    if rewards.crew_seats:
        parts.append(f"{rewards.crew_seats} crew seat(s)")
    if rewards.surface_seats:
        parts.append(f"{rewards.surface_seats} landing seat(s)")
    if rewards.science_per_turn:
        parts.append(f"+{rewards.science_per_turn:g} science per turn")
    if rewards.prestige:
        parts.append(f"+{rewards.prestige:g} prestige")
    if rewards.support:
        parts.append(f"+{rewards.support:g} support")
    if rewards.budget:
        parts.append(f"+{rewards.budget:g}% budget")
    return parts


def rewards_text(rewards: Rewards) -> str:
    return ", ".join(reward_parts(rewards)) or "no direct reward"
