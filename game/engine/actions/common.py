"""What several kinds of action share: installments, capability costs and the usual refusals."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.actions.base import Action, Offer
from game.engine.compiled import CompiledScenario
from game.engine.research import locked
from game.engine.rulebook import instalment
from game.engine.state import GameState, PendingEvent, k
from game.format.models import Rewards
from game.format.words import money
from game.i18n import N_, joined, msg, msgn

#: The heading of the actions that undo a commitment on the decisions screen.
UNDOING_GROUP = N_("Cancel or withdraw (each asks first and says what it costs)")


def m(amount_k: int) -> str:
    """k$ in the words every face shows, so a refusal quotes the figure the player saw."""
    return money(amount_k / 1000)


def unaffordable(state: GameState, cost: int) -> str:
    """The refusal of an action the player cannot pay ``cost`` (k$) for, or ''."""
    have = state.me.money
    return msg("costs {cost}; you have {money}", cost=m(cost), money=m(have)) if have < cost else ""


def capability_cost(state: GameState, cs: CompiledScenario, area: str) -> int:
    return k(cs.rules.capability_cost * (state.me.capabilities.get(area, 0) + 1))


def missing_capability(state: GameState, cs: CompiledScenario, requires: dict[str, int]) -> str:
    levels = state.me.capabilities
    names = {c.id: c.name for c in cs.scenario.capabilities}
    for area, level in requires.items():
        if levels.get(area, 0) < level:
            return msg(
                "needs {area} level {level} (you have {have})",
                area=names[area],
                level=level,
                have=levels.get(area, 0),
            )
    return ""


def pending_event(state: GameState, target: str) -> PendingEvent | None:
    for pending in state.pending:
        if str(pending.uid) == target:
            return pending
    return None


def slot_reason(state: GameState, cs: CompiledScenario, pid: str, sid: str) -> str:
    slot = cs.programmes[pid].slots.get(sid)
    if slot is None:
        return msg(
            "no contribution '{sid}' in {programme}", sid=sid, programme=cs.programmes[pid].model.short
        )
    if state.programmes[pid].slots[sid].status != "open":
        return msg("{name} is already taken", name=slot.name)
    missing = missing_capability(state, cs, slot.requires)
    if missing:
        return missing
    if cs.unlocked_by:
        missing = locked(state, cs, f"{pid}.{sid}")
        if missing:
            return missing
    due = instalment(k(slot.cost), slot.build_turns)
    if state.me.money < due:
        return msg("the first payment is {due}; you have {money}", due=m(due), money=m(state.me.money))
    return ""


def no_programme(state: GameState, target: str) -> str:
    """The refusal of a programme action that names no programme (or one not announced yet), or ''."""
    known = target in state.programmes and not state.programmes[target].hidden
    return "" if known else msg("no programme '{target}'", target=target)


#: Where the programme actions' offers come in the turn's list.
PROGRAMMES_RANK = 1

#: Where the flight actions' offers (prepare, hold, launch) come in the turn's list: last.
FLIGHTS_RANK = 5


def contribution_offers(state: GameState, cs: CompiledScenario, kind: str, members: bool) -> Iterator[Offer]:
    """Open contributions to take, for members (build one) or not (join offering one)."""
    player = state.player
    for index, (pid, cp) in enumerate(cs.programmes.items()):
        programme = state.programmes[pid]
        if programme.is_member(player) != members or programme.hidden:
            continue
        verb = N_("Build") if members else msg("Join {programme} offering", programme=cp.model.short)
        for position, (sid, slot) in enumerate(cp.slots.items(), 1):
            build = programme.slots[sid]
            if build.status != "open":
                continue
            total = k(slot.cost)
            yield (
                (PROGRAMMES_RANK, index, position),
                Action(kind, pid, sid),
                msg("{verb} {name}", verb=verb, name=slot.name),
                instalment(total, slot.build_turns),
                total,
                msgn(
                    "{build_turns} turn; {rewards_text}",
                    "{build_turns} turns; {rewards_text}",
                    slot.build_turns,
                    build_turns=slot.build_turns,
                    rewards_text=rewards_text(slot.rewards),
                ),
            )


def reward_parts(rewards: Rewards) -> list[str]:
    """What a build or mission earns, one phrase each: the offers and the join card say it alike."""
    parts = []
    if rewards.crew_seats:
        parts.append(
            msgn(
                "{crew_seats} crew seat",
                "{crew_seats} crew seats",
                rewards.crew_seats,
                crew_seats=rewards.crew_seats,
            )
        )
    if rewards.surface_seats:
        parts.append(
            msgn(
                "{surface_seats} landing seat",
                "{surface_seats} landing seats",
                rewards.surface_seats,
                surface_seats=rewards.surface_seats,
            )
        )
    if rewards.science_per_turn:
        parts.append(msg("+{science_per_turn:g} science per turn", science_per_turn=rewards.science_per_turn))
    if rewards.prestige:
        parts.append(msg("+{prestige:g} prestige", prestige=rewards.prestige))
    if rewards.support:
        parts.append(msg("+{support:g} support", support=rewards.support))
    if rewards.budget:
        parts.append(msg("+{budget:g}% budget", budget=rewards.budget))
    return parts


def rewards_text(rewards: Rewards) -> str:
    parts = reward_parts(rewards)
    return joined(", ", parts) if parts else N_("no direct reward")
