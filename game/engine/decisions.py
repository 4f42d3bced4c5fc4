"""Which actions are legal now, with their costs, and applying them. Refusals change nothing."""

from __future__ import annotations

from game.engine import ledger
from game.engine.actions import Action, ActionOption
from game.engine.compiled import CompiledScenario
from game.engine.events import answer
from game.engine.membership import join, leave, release_build, start_build
from game.engine.state import GameState, PendingEvent, k
from game.format.words import money

LIVE = ("active", "restructured")
#: What cancelling a build costs besides the money paid into it: the programme's health and
#: the leads' goodwill (the confirmation dialog quotes these figures).
CANCEL_HEALTH, CANCEL_OFFENCE = 5.0, 10.0


def _m(amount_k: int) -> str:
    """k$ in the words every face shows, so a refusal quotes the figure the player saw."""
    return money(amount_k / 1000)


def capability_cost(state: GameState, cs: CompiledScenario, area: str) -> int:
    return k(cs.rules.capability_cost * (state.me.capabilities.get(area, 0) + 1))


def first_installment(cost_k: int, turns: int) -> int:
    return cost_k // turns if turns > 1 else cost_k


def _missing_capability(state: GameState, cs: CompiledScenario, requires: dict[str, int]) -> str:
    levels = state.me.capabilities
    names = {c.id: c.name for c in cs.scenario.capabilities}
    for area, level in requires.items():
        if levels.get(area, 0) < level:
            return f"needs {names[area]} level {level} (you have {levels.get(area, 0)})"
    return ""


def _pending(state: GameState, target: str) -> PendingEvent | None:
    for pending in state.pending:
        if str(pending.uid) == target:
            return pending
    return None


def _slot_reason(state: GameState, cs: CompiledScenario, pid: str, sid: str) -> str:
    slot = cs.programmes[pid].slots.get(sid)
    if slot is None:
        return f"no contribution '{sid}' in {cs.programmes[pid].model.short}"
    if state.programmes[pid].slots[sid].status != "open":
        return f"{slot.name} is already taken"
    missing = _missing_capability(state, cs, slot.requires)
    if missing:
        return missing
    due = first_installment(k(slot.cost), slot.build_turns)
    if state.me.money < due:
        return f"the first payment is {_m(due)}; you have {_m(state.me.money)}"
    return ""


def check(state: GameState, cs: CompiledScenario, action: Action) -> str:
    """Why ``action`` is not allowed now, or '' when it is."""
    if state.over:
        return "the campaign is over"
    kind, target, option = action.kind, action.target, action.option
    if state.pending and kind != "answer":
        return f"answer '{cs.events[state.pending[0].event].model.title}' first"
    if kind == "end_turn":
        return ""
    me = state.agencies[state.player]
    if kind in ("apply", "fund", "cancel", "withdraw"):
        if target not in state.programmes:
            return f"no programme '{target}'"
        programme = state.programmes[target]
        cp = cs.programmes[target]
        short = cp.model.short
        if kind == "apply":
            if programme.status not in LIVE:
                return f"{short} is {programme.status}"
            if not cp.model.open:
                return f"{short} takes no new partners"
            if programme.is_member(state.player):
                return f"you are already in {short}"
            if state.player in programme.applicants:
                return f"your application to {short} is being considered"
            floor = cp.model.admission.min_relation
            for lead in programme.leads:
                if state.relation(state.player, lead) < floor:
                    return (
                        f"{short} asks for relations of {floor:.0f} with {cs.agencies[lead].short}; "
                        f"yours are {state.relation(state.player, lead):.0f}"
                    )
            if not cp.admission(state):
                return f"you do not meet {short}'s conditions for partners"
            return _slot_reason(state, cs, target, option) if option else ""
        if kind == "fund":
            if programme.status not in LIVE:
                return f"{short} is {programme.status}"
            if not programme.is_member(state.player):
                return f"join {short} first"
            return _slot_reason(state, cs, target, option)
        if kind == "cancel":
            build = programme.slots.get(option)
            if build is None or build.owner != state.player or build.status != "building":
                return f"you are building no '{option}' for {short}"
            return ""
        if state.player not in programme.members:
            return (
                f"you are not a partner of {short}" if state.player not in programme.leads else "you lead it"
            )
        return ""
    if kind == "invest":
        if target not in cs.capability_ids:
            return f"no capability area '{target}'"
        if me.capabilities.get(target, 0) >= cs.rules.capability_max:
            return "already at the top level"
        if f"invest:{target}" in state.acted:
            return "one step per area per turn"
        cost = capability_cost(state, cs, target)
        return f"costs {_m(cost)}; you have {_m(me.money)}" if me.money < cost else ""
    if kind == "mission":
        mission = cs.missions.get(target)
        if mission is None:
            return f"no mission '{target}'"
        mission_state = state.missions[target]
        if mission_state.build.status == "building":
            return "already being built"
        if mission_state.successes and not mission.repeatable:
            return "already flown"
        if mission.after and not state.missions[mission.after].successes:
            return f"fly {cs.missions[mission.after].name} first"
        missing = _missing_capability(state, cs, mission.requires)
        if missing:
            return missing
        due = first_installment(k(mission.cost), mission.build_turns)
        return f"the first payment is {_m(due)}; you have {_m(me.money)}" if me.money < due else ""
    if kind == "diplomacy":
        if target not in cs.agencies or target == state.player:
            return f"no other agency '{target}'"
        if f"diplomacy:{target}" in state.acted:
            return "one initiative per agency per turn"
        if state.relation(state.player, target) >= 100:
            return "relations are already at their best"
        cost = k(cs.rules.diplomacy_cost)
        return f"costs {_m(cost)}; you have {_m(me.money)}" if me.money < cost else ""
    if kind == "answer":
        pending = _pending(state, target)
        if pending is None:
            return f"no pending event {target}"
        if option not in {c.id for c in cs.events[pending.event].model.choices}:
            return f"'{option}' is not a choice of this event"
        return ""
    return f"unknown action '{kind}'"


def apply(state: GameState, cs: CompiledScenario, action: Action) -> str:
    """Carry out a legal action (not end_turn); return the refusal reason and change nothing if illegal."""
    reason = check(state, cs, action)
    if reason:
        return reason
    kind, target, option = action.kind, action.target, action.option
    me = state.me
    if kind == "apply":
        state.programmes[target].applicants[state.player] = option
        ledger.report(state, "action", f"You apply to join {cs.programmes[target].model.short}", target, True)
    elif kind == "fund":
        start_build(state, cs, target, option, state.player)
        ledger.report(
            state, "action", f"You start building {cs.programmes[target].slots[option].name}", target, True
        )
    elif kind == "cancel":
        programme = state.programmes[target]
        release_build(programme.slots[option])
        programme.health = max(0.0, programme.health - CANCEL_HEALTH)
        for lead in programme.leads:
            ledger.relate(
                state,
                state.player,
                lead,
                -CANCEL_OFFENCE,
                f"cancelled {cs.programmes[target].slots[option].name}",
            )
        ledger.report(state, "action", f"You cancel {cs.programmes[target].slots[option].name}", target, True)
    elif kind == "withdraw":
        leave(state, cs, state.player, target, "withdrawal", penalty=True)
    elif kind == "invest":
        cost = capability_cost(state, cs, target)
        ledger.pay(state, me, -cost, f"investment in {target}")
        ledger.capability(state, me, target, 1, cs.rules.capability_max, "investment")
        state.acted.add(f"invest:{target}")
    elif kind == "mission":
        mission = cs.missions[target]
        build = state.missions[target].build
        build.owner, build.status = state.player, "building"
        build.turns_left, build.cost_left, build.paid, build.stalled = (
            mission.build_turns,
            k(mission.cost),
            0,
            0,
        )
        ledger.report(state, "action", f"You start {mission.name}", None, True)
    elif kind == "diplomacy":
        rules = cs.rules
        ledger.pay(state, me, -k(rules.diplomacy_cost), f"diplomacy with {cs.agencies[target].short}")
        gain = round(rules.diplomacy_gain * (0.5 + 0.5 * state.rng.random()), 1)
        ledger.relate(state, state.player, target, gain, "diplomatic initiative")
        state.acted.add(f"diplomacy:{target}")
    elif kind == "answer":
        pending = _pending(state, target)
        assert pending is not None
        answer(state, cs, pending, option)
    return ""


def resolve_applications(state: GameState, cs: CompiledScenario) -> None:
    """Turn step: the leads accept or turn down the player's applications."""
    player = state.player
    for pid, programme in state.programmes.items():
        if player not in programme.applicants:
            continue
        offered = programme.applicants.pop(state.player)
        cp = cs.programmes[pid]
        mood = sum(state.relation(state.player, lead) for lead in programme.leads) / len(programme.leads)
        base = cp.model.admission.base_chance
        chance = 1.0 if base >= 1 else min(0.95, max(0.05, base + mood / 200 + (0.15 if offered else 0.0)))
        if programme.status in LIVE and state.rng.random() < chance:
            join(state, cs, state.player, pid, offered or None)
        else:
            for lead in programme.leads:
                ledger.relate(
                    state, state.player, lead, -cs.rules.rejection_penalty, f"{cp.model.short} said no"
                )
            ledger.report(state, "partner", f"{cp.model.short} turns down your application", pid, True)


def options(state: GameState, cs: CompiledScenario) -> list[ActionOption]:
    """Every action worth showing this turn, allowed or not, each with its cost and reason."""
    result: list[ActionOption] = []

    def add(action: Action, label: str, now_k: int, total_k: int, effect: str) -> None:
        result.append(
            ActionOption(action, label, now_k / 1000, total_k / 1000, effect, check(state, cs, action))
        )

    for pending in state.pending:
        event = cs.events[pending.event].model
        for choice in event.choices:
            add(
                Action("answer", str(pending.uid), choice.id),
                f"{event.title}: {choice.label}",
                0,
                0,
                choice.text,
            )
    for pid, cp in cs.programmes.items():
        programme = state.programmes[pid]
        short = cp.model.short
        member = programme.is_member(state.player)
        if not member:
            add(Action("apply", pid), f"Apply to {short} without a contribution", 0, 0, "observer status")
        for sid, slot in cp.slots.items():
            build = programme.slots[sid]
            total = k(slot.cost)
            rewards = _rewards_text(slot.rewards)
            if build.owner == state.player and build.status == "building":
                add(
                    Action("cancel", pid, sid),
                    f"Cancel {slot.name} ({short})",
                    0,
                    0,
                    "what was paid is lost; the leads take offence",
                )
            elif build.status == "open":
                kind = "fund" if member else "apply"
                verb = "Build" if member else f"Join {short} offering"
                add(
                    Action(kind, pid, sid),
                    f"{verb} {slot.name}",
                    first_installment(total, slot.build_turns),
                    total,
                    f"{slot.build_turns} turns; {rewards}",
                )
        if state.player in programme.members:
            add(
                Action("withdraw", pid),
                f"Withdraw from {short}",
                0,
                0,
                "builds stop; leads and public are upset",
            )
    for mid, mission in cs.missions.items():
        mission_state = state.missions[mid]
        if mission_state.successes and not mission.repeatable:
            continue
        total = k(mission.cost)
        add(
            Action("mission", mid),
            f"National mission: {mission.name}",
            first_installment(total, mission.build_turns),
            total,
            f"{mission.build_turns} turns, {mission.success:.0%} success; +{mission.science:.0f} science",
        )
    for area in cs.scenario.capabilities:
        cost = capability_cost(state, cs, area.id)
        add(
            Action("invest", area.id),
            f"Invest in {area.name}",
            cost,
            cost,
            f"level {state.me.capabilities.get(area.id, 0)} -> {state.me.capabilities.get(area.id, 0) + 1}",
        )
    for aid, agency in cs.agencies.items():
        if aid != state.player:
            cost = k(cs.rules.diplomacy_cost)
            add(
                Action("diplomacy", aid),
                f"Diplomacy with {agency.short}",
                cost,
                cost,
                f"relation {state.relation(state.player, aid):+.0f}, up to +{cs.rules.diplomacy_gain:.0f}",
            )
    return result


def _rewards_text(rewards) -> str:
    parts = []
    if rewards.crew_seats:
        parts.append(f"{rewards.crew_seats} crew seat(s)")
    if rewards.surface_seats:
        parts.append(f"{rewards.surface_seats} landing seat(s)")
    if rewards.science_per_turn:
        parts.append(f"+{rewards.science_per_turn:g} science/turn")
    if rewards.prestige:
        parts.append(f"+{rewards.prestige:g} prestige")
    if rewards.budget:
        parts.append(f"+{rewards.budget:g}% budget")
    return ", ".join(parts) or "no direct reward"
