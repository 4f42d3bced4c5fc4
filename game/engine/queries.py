"""Read-only views of a campaign for the faces: summaries, schedules, effect texts.

The TUI must hold no game rule, yet it has to show derived figures (what is committed
this year, what a contribution costs turn by turn, what joining does to relations).
They are computed here, beside the engine, from the same state and the same formulas,
so a face only formats them. Nothing here changes the state or draws on the generator.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.engine import decisions, flights
from game.engine.actions import Action
from game.engine.actions.budget import payments, shortfall
from game.engine.actions.common import reward_parts
from game.engine.actions.registry import handler_for
from game.engine.admission import admission_rule, condition_refusal, is_open
from game.engine.builds import player_builds
from game.engine.calendar import turns_to_next_fiscal_year
from game.engine.compiled import CompiledScenario
from game.engine.effect_words import describe_effects, signed_amount
from game.engine.events import odds
from game.engine.happenings import in_scope
from game.engine.modifiers import title
from game.engine.reports import Change, NewsItem, TurnReport
from game.engine.state import BuildState, GameState, Happening, k
from game.engine.texts import EndingText, ending_text, render_text
from game.format.dates import format_date
from game.format.words import chance_text, signed_figure
from game.i18n import N_, joined, msg, msgn

# ---------------------------------------------------------------- names and stats

FIGURES: tuple[str, ...] = ("money", "science", "prestige", "support", "astronauts")


def stat_name(stat: str, cs: CompiledScenario) -> str:
    """A change's stat key as a player reads it: 'relation:nasa' -> 'Relations with NASA'."""
    if stat.startswith("relation:"):
        other = stat.split(":", 1)[1]
        agency = cs.agencies.get(other)
        return msg("Relations with {agency}", agency=agency.short if agency else other)
    if stat.startswith("capability:"):
        area = stat.split(":", 1)[1]
        names = {c.id: c.name for c in cs.scenario.capabilities}
        return msg("{area} level", area=names.get(area, area))
    return stat.capitalize()


def net_changes(changes: Iterable[Change]) -> dict[str, float]:
    """Net change per stat; money stays in k$ as the engine records it."""
    result: dict[str, float] = {}
    for change in changes:
        result[change.stat] = result.get(change.stat, 0.0) + change.delta
    return result


def last_report(reports: Sequence[TurnReport]) -> TurnReport | None:
    return reports[-1] if reports else None


# ---------------------------------------------------------------- the budget


@dataclass(frozen=True, slots=True)
class BudgetView:
    """The player's money in M$: in hand, this year's income, and what the builds will take."""

    money: float
    income: float  # this fiscal year's appropriation
    committed_turn: float  # build payments due at the end of this turn
    committed_year: float  # build payments due from now to the end of the fiscal year
    turns_left_in_year: int
    commitments: tuple[tuple[str, float, float], ...]  # (build, M$ this turn, M$ to the year's end)


def turns_left_in_year(state: GameState, cs: CompiledScenario) -> int:
    """Turns from this one (included) to the next appropriation."""
    return turns_to_next_fiscal_year(state.month, cs.turn_months, cs.fiscal_first)


def budget_view(state: GameState, cs: CompiledScenario) -> BudgetView:
    left = turns_left_in_year(state, cs)
    items = tuple(
        (name, sum(payments(build, 1)) / 1000, sum(payments(build, left)) / 1000)
        for name, build in player_builds(state, cs)
    )
    return BudgetView(
        money=state.me.money / 1000,
        income=state.me.appropriation / 1000,
        committed_turn=sum(turn for _, turn, _ in items),
        committed_year=sum(year for _, _, year in items),
        turns_left_in_year=left,
        commitments=items,
    )


# ---------------------------------------------------------------- programmes


@dataclass(frozen=True, slots=True)
class MilestoneView:
    id: str
    name: str
    programme: str
    planned: int  # month index of the original plan
    due: int  # month index of the current plan
    flown_at: int | None
    failures: int
    crew: str
    slip_months: int  # how late, in months (the unit of the slipped() expression)

    @property
    def flown(self) -> bool:
        return self.flown_at is not None


@dataclass(frozen=True, slots=True)
class ProgrammeView:
    id: str
    name: str
    short: str
    kind: str
    status: str
    health: float
    leads: tuple[str, ...]  # short names
    members: tuple[str, ...]
    next: MilestoneView | None
    flown: int
    total: int
    standing: str  # the player's place in it, in words
    builds: tuple[str, ...]  # the player's contributions and their progress
    seats: int


def milestone_views(state: GameState, cs: CompiledScenario, pid: str) -> list[MilestoneView]:
    cp = cs.programmes[pid]
    return [
        MilestoneView(
            id=m.id,
            name=cp.milestones[m.id].name,
            programme=pid,
            planned=m.planned,
            due=m.due,
            flown_at=m.flown_at,
            failures=m.failures,
            crew=cp.milestones[m.id].crew,
            slip_months=m.slipped_turns_months,
        )
        for m in state.programmes[pid].milestones
    ]


def standing(state: GameState, cs: CompiledScenario, pid: str) -> str:
    """'lead', 'member', 'applicant offering X' or 'not a member'."""
    programme = state.programmes[pid]
    if state.player in programme.leads:
        return "lead"
    if state.player in programme.members:
        return "member"
    if state.player in programme.applicants:
        offered = programme.applicants[state.player]
        return (
            msg("applicant offering {name}", name=cs.programmes[pid].slots[offered].name)
            if offered
            else "applicant"
        )
    return N_("not a member")


def _build_progress(build: BuildState, total_turns: int, name: str) -> str:
    """'Arm ✓' once delivered, else 'Arm 2/4' (turns done of the build), with stalls."""
    if build.status == "delivered":
        return msg("{name} ✓", name=name)
    done = max(0, total_turns - build.turns_left)
    stalled = msg(", stalled {stalled}", stalled=build.stalled) if build.stalled else ""
    return msg(
        "{name} {done}/{total_turns}{stalled}", name=name, done=done, total_turns=total_turns, stalled=stalled
    )


def programme_view(state: GameState, cs: CompiledScenario, pid: str) -> ProgrammeView:
    programme = state.programmes[pid]
    cp = cs.programmes[pid]
    milestones = milestone_views(state, cs, pid)
    upcoming = [m for m in milestones if not m.flown]
    builds = tuple(
        _build_progress(build, cp.slots[sid].build_turns, cp.slots[sid].name)
        for sid, build in programme.slots.items()
        if build.owner == state.player and build.status != "open"
    )
    return ProgrammeView(
        id=pid,
        name=cp.model.name,
        short=cp.model.short,
        kind=cp.model.kind,
        status=programme.status,
        health=programme.health,
        leads=tuple(cs.agencies[a].short for a in programme.leads),
        members=tuple(cs.agencies[a].short for a in programme.members),
        next=upcoming[0] if upcoming else None,
        flown=len(milestones) - len(upcoming),
        total=len(milestones),
        standing=standing(state, cs, pid),
        builds=builds,
        seats=programme.seats.get(state.player, 0)
        + getattr(programme, "surface_seats", {}).get(state.player, 0),
    )


def visible_programmes(state: GameState, cs: CompiledScenario) -> list[str]:
    """The programmes the player knows of, in the scenario's order: all but those not announced yet."""
    return [pid for pid in cs.programmes if not state.programmes[pid].hidden]


def programme_views(state: GameState, cs: CompiledScenario) -> list[ProgrammeView]:
    return [programme_view(state, cs, pid) for pid in visible_programmes(state, cs)]


# ---------------------------------------------------------------- the go-alone path


@dataclass(frozen=True, slots=True)
class MissionView:
    id: str
    name: str
    state: str  # available, building, ready (built, waiting for its launch), flown, refused
    turns_left: int
    successes: int
    failures: int
    cost: float  # M$
    reason: str  # why it cannot start now, '' when it can (or is under way)
    launch: str = ""  # a flight waiting for launch: the date it flies at the end of
    reliability: float = 0.0  # ... and its chance of full success now


@dataclass(frozen=True, slots=True)
class GoAloneView:
    missions: tuple[MissionView, ...]
    crewed_orbit: bool
    crewed_surface: bool
    capabilities: tuple[tuple[str, int], ...]  # (area name, level)
    research: bool = False  # whether the scenario has a research tree (the levels come from it)


def go_alone_view(state: GameState, cs: CompiledScenario) -> GoAloneView:
    missions = []
    for mid, mission in cs.missions.items():
        ms = state.missions[mid]
        flight = flights.waiting(state, mid) if state.flights else None
        if flight is not None:
            missions.append(
                MissionView(
                    mid,
                    mission.name,
                    "ready",
                    0,
                    ms.successes,
                    ms.failures,
                    mission.cost,
                    "",
                    format_date(flight.launch, cs.turn_months),
                    flights.reliability(state, cs, mid),
                )
            )
            continue
        if ms.build.status == "building":
            label, reason = "building", ""
        elif ms.successes and not mission.repeatable:
            label, reason = "flown", ""
        else:
            reason = decisions.check(state, cs, Action("mission", mid))
            label = "available" if not reason else "refused"
        missions.append(
            MissionView(
                mid, mission.name, label, ms.build.turns_left, ms.successes, ms.failures, mission.cost, reason
            )
        )
    levels = tuple((c.name, state.me.capabilities.get(c.id, 0)) for c in cs.scenario.capabilities)
    return GoAloneView(
        tuple(missions), state.me.crewed_orbit, state.me.crewed_surface, levels, bool(cs.research)
    )


# ---------------------------------------------------------------- joining a programme


@dataclass(frozen=True, slots=True)
class ContributionView:
    """One contribution of a programme as the join screen shows it."""

    id: str
    name: str
    kind: str
    description: str
    cost: float  # M$ in all
    build_turns: int
    # (date, M$): what is still to pay, from this turn on; () when another agency builds it or it is done
    schedule: tuple[tuple[str, float], ...]
    paid: float  # M$ the player has paid into it so far (its own build under way), else 0
    requires: tuple[tuple[str, int, int], ...]  # (area name, level needed, level held)
    rewards: tuple[str, ...]
    flies_on: str  # the carrying milestone and its date, '' when none
    holder: str  # '' when open, else who builds or built it
    action: Action | None  # what confirming sends
    reason: str  # the engine's refusal, '' when allowed
    warning: str = ""  # when allowed: the whole schedule does not fit the budget outlook, in figures
    yours: bool = False  # the player builds or built it: ``holder`` says where it stands, not a refusal


def contribution_views(state: GameState, cs: CompiledScenario, pid: str) -> list[ContributionView]:
    programme = state.programmes[pid]
    cp = cs.programmes[pid]
    member = programme.is_member(state.player)
    names = {c.id: c.name for c in cs.scenario.capabilities}
    dues = {m.id: m.due for m in programme.milestones}
    views = []
    for sid, slot in cp.slots.items():
        build = programme.slots[sid]
        mine = build.owner == state.player and build.status == "building"
        # The player's own build is paid from here on: what is paid already is not due again.
        plan = build if mine else BuildState(sid, state.player, "building", slot.build_turns, k(slot.cost))
        # nothing to pay for one another agency builds, or one the player finished
        taken = build.owner is not None and not mine
        schedule: tuple[tuple[str, float], ...] = (
            ()
            if taken
            else tuple(
                (format_date(state.month + i * cs.turn_months, cs.turn_months), amount / 1000)
                for i, amount in enumerate(payments(plan, plan.turns_left))
            )
        )
        flies_on = ""
        if slot.flies_on:
            flies_on = msg(
                "{name} ({date})",
                name=cp.milestones[slot.flies_on].name,
                date=format_date(dues[slot.flies_on], cs.turn_months),
            )
        holder = ""
        if build.owner is not None:
            who = "you" if build.owner == state.player else cs.agencies[build.owner].short
            holder = msg(
                "{progress} by {agency}",
                progress=N_("built") if build.status == "delivered" else N_("being built"),
                agency=who,
            )
        action = Action("fund" if member else "apply", pid, sid) if build.status == "open" else None
        reason = decisions.check(state, cs, action) if action else msg("already {holder}", holder=holder)
        warning = "" if reason or not action else shortfall(state, cs, k(slot.cost), slot.build_turns)[1]
        views.append(
            ContributionView(
                id=sid,
                name=slot.name,
                kind=slot.kind,
                description=slot.description,
                cost=slot.cost,
                build_turns=slot.build_turns,
                schedule=schedule,
                paid=build.paid / 1000 if mine else 0.0,
                requires=tuple(
                    (names.get(area, area), level, state.me.capabilities.get(area, 0))
                    for area, level in slot.requires.items()
                ),
                rewards=tuple(reward_parts(slot.rewards)) or (N_("no direct reward"),),
                flies_on=flies_on,
                holder=holder,
                action=action,
                reason=reason,
                warning=warning,
                yours=build.owner == state.player,
            )
        )
    return views


@dataclass(frozen=True, slots=True)
class JoinTerms:
    """What joining a programme asks and what it does to relations."""

    admission: tuple[str, ...]  # the conditions, in words, with the player's figures
    on_join: tuple[str, ...]  # effects when the player joins
    while_member: tuple[str, ...]  # drifts per turn while a member
    observer: Action | None  # applying without a contribution, when the player is not in
    observer_reason: str


def join_terms(state: GameState, cs: CompiledScenario, pid: str) -> JoinTerms:
    cp = cs.programmes[pid]
    programme = state.programmes[pid]
    rule = admission_rule(state, cs, pid).model
    floor = rule.min_relation
    admission = [  # each marked met or not, as the failing condition is and a contribution's needs are
        msg(
            "relations of at least {floor:.0f} with {programme} (yours: {relation} {mark})",
            floor=floor,
            programme=cs.agencies[lead].short,
            relation=signed_figure(state.relation(state.player, lead)),
            mark="✓" if state.relation(state.player, lead) >= floor else "✗",
        )
        for lead in programme.leads
    ]
    if rule.condition is not None:
        failing = condition_refusal(state, cs, pid)
        admission.append(
            msg("✗ {failing}", failing=failing) if failing else N_("its own conditions (you meet them)")
        )
    if not is_open(state, cs, pid):
        admission.append(N_("it takes no new partners"))
    drift = tuple(
        msg("relations with {agency} {delta:+g} per turn", agency=cs.agencies[other].short, delta=delta)
        for other, delta in cp.model.member_drift.items()
        if other != state.player
    )
    member = programme.is_member(state.player)
    observer = None if member else Action("apply", pid)
    return JoinTerms(
        admission=tuple(admission),
        on_join=tuple(describe_effects(cp.model.on_join, state, cs)),
        while_member=drift,
        observer=observer,
        observer_reason=decisions.check(state, cs, observer) if observer else "",
    )


# ---------------------------------------------------------------- what an action costs


def consequences(state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
    """What an action that undoes something the player paid for costs, in the engine's figures.

    Empty for any other action: only these two undo something the player paid for, so only
    they ask to be confirmed (the faces test for a non-empty list, never for a kind's name).
    """
    handler = handler_for(action)
    return handler.consequences(state, cs, action) if handler is not None else []


@dataclass(frozen=True, slots=True)
class ModifierView:
    """A timed modifier of the player's as the dashboard shows it."""

    title: str
    source: str  # the event or choice that started it
    turns_left: int | None
    until: str  # "" for none
    parts: list[str]  # what it changes while it lasts

    @property
    def timing(self) -> str:
        """'3 turns left', 'until ...', '3 turns left or until ...'."""
        left = (
            msgn("{turns} turn left", "{turns} turns left", self.turns_left, turns=self.turns_left)
            if self.turns_left is not None
            else ""
        )
        if self.until:
            if left:
                return msg("{left} or until {condition}", left=left, condition=self.until)
            return msg("until {condition}", condition=self.until)
        return left


def modifier_views(state: GameState, cs: CompiledScenario) -> list[ModifierView]:
    """The player's timed modifiers under way, oldest first, with what each changes."""
    views = []

    def short(aid: str) -> str:
        return cs.agencies[aid].short if aid in cs.agencies else aid

    for modifier in state.modifiers:
        if modifier.agency != state.player:
            continue
        parts = []
        if modifier.budget:
            parts.append(msg("budget {change}", change=signed_amount(round(modifier.budget, 1), "%")))
        for a, b, delta in modifier.relations:
            if state.player in (a, b):
                pair = short(b if a == state.player else a)
            else:
                pair = f"{short(a)}–{short(b)}"
            parts.append(f"⇄{pair} {signed_amount(round(delta))}")
        for pid, delta in modifier.health.items():
            name = cs.programmes[pid].model.short
            parts.append(
                msg("{programme} health {change}", programme=name, change=signed_amount(round(delta)))
            )
        areas = {c.id: c.name for c in cs.scenario.capabilities}
        for area, delta in modifier.capabilities.items():
            parts.append(f"{areas.get(area, area)} {signed_amount(delta)}")
        if modifier.money:
            parts.append(msg("{change}/turn", change=signed_amount(modifier.money / 1000, " M$")))
        for stat in ("science", "prestige", "support"):
            value = getattr(modifier, stat)
            if value:
                parts.append(msg("{stat} {change}/turn", stat=stat, change=signed_amount(value)))
        views.append(
            ModifierView(title(modifier.name), modifier.source, modifier.turns_left, modifier.until, parts)
        )
    return views


def choice_effects(
    state: GameState, cs: CompiledScenario, event_id: str, happening: Happening | None = None
) -> dict[str, list[str]]:
    """Each choice of an event with its known effects, as they would fall on the player now
    (with the ``happening`` a hooked event answers)."""
    event = cs.events[event_id].model
    return {
        choice.id: describe_effects(choice.effects, state, cs, happening=happening)
        for choice in event.choices
    }


@dataclass(frozen=True, slots=True)
class OutcomeOdds:
    """One way a choice may turn out, with its chance now and its known effects in words."""

    id: str
    label: str
    chance: float  # 0..1
    effects: tuple[str, ...]

    @property
    def line(self) -> str:
        """'60% it holds: prestige +10' (or without effects: '40% it fails')."""
        head = msg("{chance} {outcome}", chance=chance_text(self.chance), outcome=self.label)
        return (
            msg("{odds}: {effects}", odds=head, effects=joined("; ", self.effects)) if self.effects else head
        )


def choice_odds(
    state: GameState, cs: CompiledScenario, event_id: str, happening: Happening | None = None
) -> dict[str, list[OutcomeOdds]]:
    """Each choice of an event that has outcomes, with each outcome's chance were it chosen now
    (with the ``happening`` a hooked event answers in scope of the weights and texts)."""
    compiled = cs.events[event_id]
    with in_scope(state, happening):
        return {
            choice_id: [
                OutcomeOdds(
                    o.model.id,
                    render_text(state, cs, o.model.label, happening),
                    chance,
                    tuple(describe_effects(o.model.effects, state, cs, happening=happening)),
                )
                for o, chance in zip(outcomes, odds(state, outcomes), strict=True)
            ]
            for choice_id, outcomes in compiled.choice_outcomes.items()
        }


def odds_phrase(odds_list: Iterable[OutcomeOdds]) -> str:
    """'60% it holds, 40% it fails': the odds in one line, for a list of offers."""
    return joined(
        ", ", [msg("{chance} {outcome}", chance=chance_text(o.chance), outcome=o.label) for o in odds_list]
    )


# ---------------------------------------------------------------- the campaign's story


def ending_of(state: GameState, cs: CompiledScenario) -> EndingText | None:
    """The scenario's ending that ended the campaign, if one of them did, as the player reads it."""
    if not state.ending:
        return None
    found = next((e.model for e in cs.endings if e.model.id == state.ending), None)
    return ending_text(state, cs, found) if found is not None else None


TURNING_KINDS = frozenset({"milestone", "failure", "crew", "objective", "outcome", "programme", "race"})
PLAYER_KINDS = frozenset({"partner", "event", "action"})


@dataclass(frozen=True, slots=True)
class TurningPoint:
    date: str
    kind: str
    text: str


def dated_news(
    reports: Sequence[TurnReport], now: str, current: Sequence[NewsItem] = ()
) -> list[tuple[str, list[NewsItem]]]:
    """The reports' news under the date each happened, oldest first, one entry per date.

    A report ends with what happened as the next turn opened (its events, a new year's
    appropriation): that goes under the next report's date, or ``now`` after the last one.
    ``current`` is the news of the turn under way so far (``GameState.news``: on turn 1, the
    campaign's opening and its first event), under ``now`` too.
    """
    dated: list[tuple[str, list[NewsItem]]] = []

    def add(date: str, items: list[NewsItem]) -> None:
        if dated and dated[-1][0] == date:
            dated[-1][1].extend(items)
        else:
            dated.append((date, list(items)))

    for index, report in enumerate(reports):
        add(report.date, report.played())
        opened = report.opened()
        if opened:
            add(reports[index + 1].date if index + 1 < len(reports) else now, opened)
    if current:
        add(now, list(current))
    return [(date, _answered_once(items)) for date, items in dated]


def _answered_once(items: list[NewsItem]) -> list[NewsItem]:
    """The news of one date without the announcements of events answered under the same date:
    'Title: the choice' (or 'Title: the outcome') says the event again, so 'Title' alone goes."""
    events = [item.text for item in items if item.kind == "event"]
    answered = {title for title in events if any(text.startswith(title + ": ") for text in events)}
    if not answered:
        return items
    return [item for item in items if not (item.kind == "event" and item.text in answered)]


def turning_points(reports: Sequence[TurnReport], now: str) -> list[TurningPoint]:
    """The news that shaped the campaign: flights, failures, crises, joins and objectives."""
    points = []
    for date, items in dated_news(reports, now):
        for item in items:
            if (item.kind in TURNING_KINDS and (item.player or item.kind == "programme")) or (
                item.kind in PLAYER_KINDS and item.player
            ):
                points.append(TurningPoint(date, item.kind, item.text))
    return points
