"""Warnings about what is valid but probably wrong in a scenario: the linter of `cislunar validate`.

The loader runs it on every scenario that has no errors. A warning never stops a scenario
from loading; ``cislunar validate --strict`` makes warnings fail. Every warning has a stable
code, listed in ``WARNINGS`` with what it means (the reference docs are generated from it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from game.format.dates import format_date, parse_date
from game.format.diagnostics import Diagnostic
from game.format.expressions import Reference, parse_expression
from game.format.feasibility import Facts, can_hold
from game.format.models import Condition, ConditionTree, Effect, Event, Outcome, Scenario
from game.format.templated import templated_texts
from game.format.text_templates import PLACEHOLDERS, Placeholder, has_placeholders, parse_template
from game.format.vocabulary import RefKind
from game.format.yaml_source import DataPath, SourceMap

#: Every warning code, with what it means. Codes are stable: tools and docs may rely on them.
WARNINGS: dict[str, str] = {
    "event-outside-calendar": "An event's date window (after..before) holds no turn of the calendar, "
    "so it never fires.",
    "event-never-triggered": "A `triggered_only` event that no `follow_up` names (or only events "
    "that never fire name), so it never fires.",
    "event-impossible": "An event whose `chance` is 0, or whose `when` can never hold in its date window "
    "(e.g. it reads a flag that only events that never fire set).",
    "ignored-key": "A key that has no effect where it is: `after`, `before`, `chance`, `repeat` or "
    "`cooldown` on a `triggered_only` event, `cooldown` without `repeat: true`, `by` on an objective "
    "scored by `scale`.",
    "outcomes-never-drawn": "A list of outcomes whose weights are all the number 0: none is ever drawn.",
    "flag-never-set": "A condition reads a flag (or an agency's flag) that no effect sets (or only effects "
    "of events that never fire), so `flag(...)` (`agency_flag`, `my_flag`) is always false.",
    "flag-never-read": "An effect sets a flag (or an agency's flag) that no condition reads.",
    "variable-never-set": "A condition (or a text's `{var:name}`) reads a variable (global, or an agency's) "
    "that no effect sets (or only effects of events that never fire) and no starting value gives, so "
    "`var(...)` (`agency_var`, `my_var`, `{var:...}`) is always 0.",
    "variable-never-read": "An effect or a starting value gives a variable (global, or an agency's) a value "
    "that no condition, expression or text reads.",
    "modifier-never-started": "A condition reads a timed modifier that no effect starts, so "
    "`modifier(...)` is always false.",
    "objective-deadline-before-start": "An objective's `by` is before the calendar starts.",
    "objective-impossible": "An objective whose `when` can never hold by its deadline (e.g. a year "
    "outside the calendar, a flag nothing sets, a crewed flight no programme or mission offers).",
    "ending-impossible": "An ending whose `when` can never hold from its `after` date to the calendar's "
    "end, so it never ends a campaign.",
    "admission-impossible": "A programme whose admission condition can never hold, so the player "
    "can never join it.",
    "programme-never-announced": "A `hidden` programme that no effect's `announce` names: its milestones "
    "never fly and no one can join it.",
    "victory-unreachable": "`victory_score` (the scenario's or an agency's) is more than all objectives "
    "together can give.",
    "milestone-before-start": "A milestone planned before the calendar starts: it is due on the first turn.",
    "milestone-after-end": "A milestone planned after the calendar ends: it never flies in the game.",
    "milestone-before-requirement": "A milestone planned before a milestone it requires: it will slip.",
    "contribution-flies-after-end": "A contribution whose `flies_on` milestone is planned after the "
    "calendar ends, so its rewards never arrive.",
    "crew-without-seats": "A crewed milestone in a programme where no contribution earns a seat on it "
    "(`crew_seats`, or `surface_seats` for a landing), so no partner's astronaut can fly on it.",
    "capability-unused": "A capability area that no contribution or mission requires and no condition "
    "or effect names: investing in it does nothing.",
    "capability-out-of-reach": "A contribution or mission that requires a level above "
    "`rules.capability_max`: no agency can ever build it.",
    "bloc-unused": "A bloc that no agency belongs to.",
    "relation-conflict": "Two agencies give each other different starting relations (relations are mutual).",
    "mission-unreachable": "A national mission whose `after` chain loops back to it: it can never be flown.",
    "research-unreachable": "A research project nothing can reach: its `when` can never hold in the "
    "calendar, a prerequisite can never be done, or its chain of prerequisites takes more turns than the "
    "campaign has.",
    "research-unlocks-nothing": "A research project that unlocks nothing and that no condition reads "
    "(`researched`, `researching`) and no other project requires: researching it does nothing.",
}


def lint_scenario(scenario: Scenario, source: SourceMap) -> list[Diagnostic]:
    """Every warning of a scenario that passed its models and reference checks."""
    return _Linter(scenario, source).run()


class _Linter:
    def __init__(self, scenario: Scenario, source: SourceMap) -> None:
        self.s = scenario
        self.source = source
        self.found: list[Diagnostic] = []
        calendar = scenario.calendar
        self.start, self.end = parse_date(calendar.start), parse_date(calendar.end)
        self.step = calendar.turn_months
        self.last_turn = self.start + (self.end - self.start) // self.step * self.step
        self.modifiers_started = {effect.modifier for _, effect in self.effects() if effect.modifier}
        self.planned = {
            f"{p.id}.{m.id}": parse_date(m.planned) for p in scenario.programmes for m in p.milestones
        }
        self.written = {names.kind: names.written(self) for names in NAMESPACES}  # by every effect
        self.scheduled = self.follow_ups(set())  # event id -> the events whose follow-ups name it
        self.live = self.written  # what the effects that can happen write: see never_firing
        self.dead = self.never_firing()  # event index -> why it never fires
        self.live = self.written_by_live(set(self.dead))

    # -- reporting
    def warn(self, loc: DataPath, code: str, message: str, key: bool = False) -> None:
        assert code in WARNINGS, code
        position = self.source.key(loc) if key else self.source.value(loc)
        self.found.append(Diagnostic.at(position, code, message, severity="warning"))

    def date(self, month: int) -> str:
        return format_date(month, self.step)

    def span(self) -> str:
        return f"{self.s.calendar.start} to {self.s.calendar.end}"

    # -- walking the scenario
    def effects(self) -> Iterator[tuple[DataPath, Effect]]:
        for i, programme in enumerate(self.s.programmes):
            for j, effect in enumerate(programme.on_join):
                yield ("programmes", i, "on_join", j), effect
        for i, event in enumerate(self.s.events):
            for j, effect in enumerate(event.effects):
                yield ("events", i, "effects", j), effect
            for c, choice in enumerate(event.choices):
                for j, effect in enumerate(choice.effects):
                    yield ("events", i, "choices", c, "effects", j), effect
            for loc, outcomes in self.outcome_lists(i, event):
                for o, outcome in enumerate(outcomes):
                    for j, effect in enumerate(outcome.effects):
                        yield (*loc, o, "effects", j), effect
        for i, deal in enumerate(self.s.deals.offers if self.s.deals else ()):
            for key in ("on_sign", "on_refuse", "on_break"):
                for j, effect in enumerate(getattr(deal, key)):
                    yield ("deals", "offers", i, key, j), effect

    @staticmethod
    def outcome_lists(i: int, event: Event) -> Iterator[tuple[DataPath, list[Outcome]]]:
        """An event's outcome lists (its own, then each choice's) that are not empty, located."""
        if event.outcomes:
            yield ("events", i, "outcomes"), event.outcomes
        for c, choice in enumerate(event.choices):
            if choice.outcomes:
                yield ("events", i, "choices", c, "outcomes"), choice.outcomes

    # -- events that never fire, and what only they would provide
    def never_firing(self) -> dict[int, str]:
        """The events that never fire, each with why, until nothing more is found.

        An event that never fires sets no flag or variable and schedules no follow-up, so the
        events gated on what it sets, and the triggered_only events only it schedules, never fire
        either: a variant that starts after its base's crises gets every one of them warned about,
        not only the first. (Objectives and admissions read the same facts, so they follow.)
        """
        dead: dict[int, str] = {}
        pending = set(range(len(self.s.events)))
        while pending:
            self.live = self.written_by_live(set(dead))
            scheduled = self.follow_ups(set(dead))
            found = {i: why for i in sorted(pending) if (why := self.why_never(self.s.events[i], scheduled))}
            if not found:
                break
            dead.update(found)
            lost = self.names_lost(self.written_by_live(set(dead)))
            pending = {  # only the events that what was lost can reach are asked again
                i
                for i, event in enumerate(self.s.events)
                if i not in dead and (event.triggered_only or self.names_read.get(i, set()) & lost)
            }
        return dead

    def why_never(self, event: Event, scheduled: dict[str, list[str]]) -> str:
        """Why ``event`` never fires, given the follow-ups that can be scheduled; '' when it may."""
        if event.triggered_only:
            if event.id not in scheduled:
                return "never-triggered"
            return "" if can_hold(event.when, self.facts(self.start, self.last_turn)) else "impossible"
        after = parse_date(event.after) if event.after else None
        before = parse_date(event.before) if event.before else None
        window = self.turns_between(after, before)
        if window is None:
            return "outside"
        if event.chance == 0:
            return "no-chance"
        return "" if can_hold(event.when, self.facts(*window)) else "impossible"

    def written_by_live(self, dead: set[int]) -> dict[str, Places]:
        """What is written (flags, variables...) by starting values and the effects of every event
        not in ``dead``."""
        live: dict[str, Places] = {}
        for kind, names in self.written.items():
            live[kind] = {}
            for name, places in names.items():
                kept = [place for place in places if not _inside(place[0], dead)]
                if kept:
                    live[kind][name] = kept
        return live

    def follow_ups(self, dead: set[int]) -> dict[str, list[str]]:
        """Event id -> the ids of the events (not in ``dead``) whose follow-ups name it ('' for a
        programme's on_join)."""
        found: dict[str, list[str]] = {}
        for loc, effect in self.effects():
            if not _inside(loc, dead):
                for follow in effect.follow_up:
                    found.setdefault(follow.event, []).append(self.owner(loc))
        return found

    def owner(self, loc: DataPath) -> str:
        return self.s.events[int(loc[1])].id if loc[0] == "events" else ""

    def names_lost(self, live: dict[str, Places]) -> set[tuple[str, str]]:
        return {
            (kind, name) for kind, names in self.written.items() for name in names if name not in live[kind]
        }

    @cached_property
    def names_read(self) -> dict[int, set[tuple[str, str]]]:
        """Event index -> the (kind, name) of every flag and variable its ``when`` reads."""
        found: dict[int, set[tuple[str, str]]] = {}
        for loc, ref in self.references():
            names = READ_AS.get(ref.kind)
            if names is not None and loc[0] == "events" and loc[2] == "when":
                found.setdefault(int(loc[1]), set()).add((names.kind, ref.value))
        return found

    def lost_words(self, index: int) -> str:
        """What event ``index``'s condition reads that only events that never fire write, in words."""
        lost = sorted(self.names_read.get(index, set()) & self.names_lost(self.live))
        return ", ".join(f"{kind} '{name}' (set only by {self.setters(kind, name)})" for kind, name in lost)

    def setters(self, kind: str, name: str) -> str:
        """'event 'x', which never fires': who writes the name, when none of them fires."""
        ids = sorted({self.owner(loc) for loc, _ in self.written[kind].get(name, [])})
        return _events(ids) + (", which never fires" if len(ids) == 1 else ", which never fire")

    def text_references(self) -> list[tuple[DataPath, Reference, str]]:
        """The variables texts read (``{var:name}``), with their texts, for the rules on names."""
        return [
            (loc, Reference("variable", part.argument, part.column, "var"), text)
            for loc, text, _ in templated_texts(self.s)
            if has_placeholders(text)
            for part in parse_template(text)
            if isinstance(part, Placeholder) and PLACEHOLDERS[part.name].argument == "variable"
        ]

    def value_expressions(self) -> Iterator[tuple[DataPath, str]]:
        """Every expression of an effect that gives a number (a variable's new value)."""
        for loc, effect in self.effects():
            for j, change in enumerate(effect.vars):
                for key in ("set", "add"):
                    value = getattr(change, key)
                    if isinstance(value, str):
                        yield (*loc, "vars", j, key), value
        for i, terms in enumerate(self.s.deals.terms if self.s.deals else ()):  # how agencies weigh deals
            if isinstance(terms.goodwill, str):
                yield ("deals", "terms", i, "goodwill"), terms.goodwill
            for j, rule in enumerate(terms.values):
                for key in ("value", "cost"):
                    if isinstance(getattr(rule, key), str):
                        yield ("deals", "terms", i, "values", j, key), getattr(rule, key)

    def conditions(self) -> Iterator[tuple[DataPath, Condition]]:
        for i, programme in enumerate(self.s.programmes):
            if programme.admission.condition is not None:
                yield ("programmes", i, "admission", "condition"), programme.admission.condition
        for loc, effect in self.effects():
            for j, change in enumerate(effect.admission):
                if change.condition is not None:
                    yield (*loc, "admission", j, "condition"), change.condition
        for i, event in enumerate(self.s.events):
            if event.when is not None:
                yield ("events", i, "when"), event.when
            for loc, outcomes in self.outcome_lists(i, event):
                for o, outcome in enumerate(outcomes):
                    if isinstance(outcome.weight, str):
                        yield (*loc, o, "weight"), outcome.weight
        for loc, effect in self.effects():
            if effect.until is not None:
                yield (*loc, "until"), effect.until
        for i, deal in enumerate(self.s.deals.offers if self.s.deals else ()):
            if deal.when is not None:
                yield ("deals", "offers", i, "when"), deal.when
        for i, objective in enumerate(self.s.objectives):
            if objective.when is not None:
                yield ("objectives", i, "when"), objective.when
            if objective.scale is not None:
                yield ("objectives", i, "scale"), objective.scale
            if objective.progress is not None:
                yield ("objectives", i, "progress"), objective.progress
        for i, ending in enumerate(self.s.endings):
            yield ("endings", i, "when"), ending.when
        for i, project in enumerate(self.s.research):
            if project.when is not None:
                yield ("research", i, "when"), project.when

    def references(self) -> Iterator[tuple[DataPath, Reference]]:
        return iter(self.all_references)

    @cached_property
    def all_references(self) -> list[tuple[DataPath, Reference]]:
        """Every id named in a condition or an effect's expression, parsed once for the rules."""
        texts = [
            *(found for loc, condition in self.conditions() for found in expressions_in(loc, condition)),
            *self.value_expressions(),
        ]
        return [(loc, ref) for loc, text in texts for ref in parse_expression(text).references]

    def facts(self, first: int, last: int) -> Facts:
        orbit, surface = self.crew
        return Facts(
            first=first,
            last=last,
            start=self.start,
            turn_months=self.step,
            flags_set=set(self.live["flag"]),
            variables_set=set(self.live["variable"]),
            agency_variables_set=set(self.live["agency variable"]),
            agency_flags_set=set(self.live["agency flag"]),
            modifiers_started=self.modifiers_started,
            playable={a.id for a in self.s.agencies if a.playable},
            milestone_planned=self.planned,
            crew_orbit_from=orbit,
            crew_surface_from=surface,
            capability_max=self.s.rules.capability_max,
        )

    @cached_property
    def crew(self) -> tuple[int | None, int | None]:
        """``crew_from()`` once per scenario: every event's window asks for it."""
        return self.crew_from()

    def crew_from(self) -> tuple[int | None, int | None]:
        """The earliest months a player's astronaut could reach lunar orbit and the surface."""
        orbit: list[int] = []
        surface: list[int] = []
        for programme in self.s.programmes:
            any_flight = any(c.rewards.crew_seats for c in programme.contributions)
            landing = any_flight or any(c.rewards.surface_seats for c in programme.contributions)
            for milestone in programme.milestones:
                seated = any_flight if milestone.crew == "orbit" else landing and milestone.crew == "surface"
                if seated:  # a landing also counts as reaching lunar orbit
                    orbit.append(parse_date(milestone.planned))
                    if milestone.crew == "surface":
                        surface.append(parse_date(milestone.planned))
        for mission in self.s.missions:
            if mission.crew != "none":
                month = self.start + mission.build_turns * self.step
                orbit.append(month)
                if mission.crew == "surface":
                    surface.append(month)
        return min(orbit, default=None), min(surface, default=None)

    def turns_between(self, after: int | None, before: int | None) -> tuple[int, int] | None:
        """The first and last turn months inside a window, or None when no turn falls in it."""
        first = (
            self.start
            if after is None or after <= self.start
            else (self.start + -(-(after - self.start) // self.step) * self.step)
        )
        last = (
            self.last_turn
            if before is None or before >= self.last_turn
            else (self.start + (before - self.start) // self.step * self.step)
        )
        return (first, last) if first <= last else None

    # -- the rules
    def run(self) -> list[Diagnostic]:
        self.lint_events()
        self.lint_names()
        self.lint_modifiers()
        self.lint_objectives()
        self.lint_endings()
        self.lint_programmes()
        self.lint_capabilities()
        self.lint_agencies()
        self.lint_missions()
        self.lint_research()
        return self.found

    def lint_events(self) -> None:
        for i, event in enumerate(self.s.events):
            loc = ("events", i)
            for outcomes_loc, outcomes in self.outcome_lists(i, event):
                if all(outcome.weight == 0 for outcome in outcomes):  # literal zeros only: '0' is text
                    self.warn(
                        outcomes_loc,
                        "outcomes-never-drawn",
                        "every outcome's weight is 0, so none is ever drawn",
                        key=True,
                    )
            if event.triggered_only:
                self.lint_triggered(i, event)
                continue
            if "cooldown" in event.model_fields_set and not event.repeat:
                self.warn(
                    (*loc, "cooldown"),
                    "ignored-key",
                    "'cooldown' has no effect without 'repeat: true'",
                    key=True,
                )
            why = self.dead.get(i)
            after = parse_date(event.after) if event.after else None
            before = parse_date(event.before) if event.before else None
            window = self.turns_between(after, before)
            if why == "outside":
                where = "after" if after is not None and after > self.start else "before"
                self.warn(
                    (*loc, where),
                    "event-outside-calendar",
                    f"event '{event.id}' never fires: its window ({event.after or 'start'} to "
                    f"{event.before or 'end'}) holds no turn of the calendar ({self.span()})",
                )
            elif why == "no-chance":
                self.warn(
                    (*loc, "chance"), "event-impossible", f"event '{event.id}' never fires: its chance is 0"
                )
            elif why == "impossible" and window is not None:
                lost = self.lost_words(i)
                self.warn(
                    (*loc, "when"),
                    "event-impossible",
                    f"event '{event.id}' never fires: its condition reads {lost}"
                    if lost
                    else f"event '{event.id}' never fires: its condition cannot hold between "
                    f"{self.date(window[0])} and {self.date(window[1])}",
                )

    def lint_triggered(self, index: int, event: Event) -> None:
        loc = ("events", index)
        why = self.dead.get(index)
        if why == "never-triggered":
            namers = sorted(set(self.scheduled.get(event.id, [])))
            but = "that event never fires" if len(namers) == 1 else "those events never fire"
            self.warn(
                (*loc, "triggered_only"),
                "event-never-triggered",
                f"event '{event.id}' never fires: it is triggered_only, and only {_events(namers)} "
                f"name{'s' if len(namers) == 1 else ''} it in a follow_up, but {but}"
                if namers
                else f"event '{event.id}' is triggered_only but no follow_up names it, so it never fires",
            )
        for key in ("after", "before", "chance", "repeat", "cooldown"):
            if key in event.model_fields_set:
                self.warn(
                    (*loc, key),
                    "ignored-key",
                    f"'{key}' has no effect on a triggered_only event: "
                    "it fires when its follow-up is due, if 'when' holds",
                    key=True,
                )
        if why == "impossible":
            lost = self.lost_words(index)
            self.warn(
                (*loc, "when"),
                "event-impossible",
                f"event '{event.id}' never fires: its condition reads {lost}"
                if lost
                else f"event '{event.id}' never fires: its condition cannot hold in the calendar",
            )

    def lint_names(self) -> None:
        """Flags and variables, global and per agency: read but never set, or set but never read."""
        read: dict[str, set[str]] = {names.kind: set() for names in NAMESPACES}
        in_expressions = [(loc, ref, "") for loc, ref in self.references()]
        for loc, ref, text in [*in_expressions, *self.text_references()]:
            names = READ_AS.get(ref.kind)
            if names is None:
                continue
            read[names.kind].add(ref.value)
            if ref.value not in self.live[names.kind]:
                unset = (
                    f"set only by {self.setters(names.kind, ref.value)}, so it is always "
                    + ("false" if names.family == "flag" else "0")
                    if ref.value in self.written[names.kind]
                    else names.unset
                )
                source = self.source
                where = source.in_text(loc, text, ref.column) if text else source.text(loc, ref.column)
                self.found.append(
                    Diagnostic.at(
                        where,
                        names.unset_code,
                        f"{names.kind} '{ref.value}' is {unset}{self.elsewhere(names, ref.value)}",
                        severity="warning",
                    )
                )
        for names in NAMESPACES:
            for name, places in self.written[names.kind].items():
                if name not in read[names.kind]:
                    for loc, key in places:
                        self.warn(loc, names.unread_code, f"{names.kind} '{name}' {names.unread}", key=key)

    def elsewhere(self, names: Names, name: str) -> str:
        """A hint when the name is written in a sibling namespace: a global read as an agency's."""
        for other in NAMESPACES:
            if other.kind != names.kind and other.family == names.family and name in self.written[other.kind]:
                return f"; an effect sets it as {other.article} {other.kind}: read it with {other.read_with}"
        return ""

    def lint_modifiers(self) -> None:
        for loc, ref in self.references():
            if ref.kind == "modifier" and ref.value not in self.modifiers_started:
                self.found.append(
                    Diagnostic.at(
                        self.source.text(loc, ref.column),
                        "modifier-never-started",
                        f"modifier '{ref.value}' is never started by any effect, so it is always false",
                        severity="warning",
                    )
                )

    def lint_objectives(self) -> None:
        total = sum(objective.most(self.start) for objective in self.s.objectives)
        if self.s.victory_score > total:
            self.warn(
                ("victory_score",),
                "victory-unreachable",
                f"victory_score {self.s.victory_score:g} is more than all objectives together can give "
                f"({total:g} points)",
            )
        for i, agency in enumerate(self.s.agencies):
            if agency.victory_score is not None and agency.victory_score > total:
                self.warn(
                    ("agencies", i, "victory_score"),
                    "victory-unreachable",
                    f"{agency.id}'s victory_score {agency.victory_score:g} is more than all objectives "
                    f"together can give ({total:g} points)",
                )
        for i, objective in enumerate(self.s.objectives):
            loc = ("objectives", i)
            if objective.scale is not None:
                if objective.by is not None:
                    self.warn(
                        (*loc, "by"),
                        "ignored-key",
                        "'by' has no effect on an objective scored by 'scale'",
                        key=True,
                    )
                continue
            by = parse_date(objective.by) if objective.by else None
            if by is not None and by < self.start:
                self.warn(
                    (*loc, "by"),
                    "objective-deadline-before-start",
                    f"objective '{objective.id}' is due by {objective.by}, before the calendar starts "
                    f"({self.s.calendar.start})",
                )
                continue
            window = self.turns_between(None, by)
            if window is None or not can_hold(objective.when, self.facts(*window)):
                last = self.date(window[1]) if window else objective.by
                self.warn(
                    (*loc, "when"),
                    "objective-impossible",
                    f"objective '{objective.id}' can never be reached: its condition cannot hold between "
                    f"{self.s.calendar.start} and {last}",
                )

    def lint_endings(self) -> None:
        for i, ending in enumerate(self.s.endings):
            after = parse_date(ending.after) if ending.after else None
            # checked as each turn ends, in the month the next turn opens: up to a turn past the last
            window = self.turns_between(after, self.last_turn + self.step)
            if window is None:
                self.warn(
                    ("endings", i, "after"),
                    "ending-impossible",
                    f"ending '{ending.id}' never happens: it is checked from {ending.after}, after the "
                    f"calendar ends ({self.s.calendar.end})",
                )
            elif not can_hold(ending.when, self.facts(*window)):
                self.warn(
                    ("endings", i, "when"),
                    "ending-impossible",
                    f"ending '{ending.id}' never happens: its condition cannot hold between "
                    f"{self.date(window[0])} and {self.date(window[1])}",
                )

    def lint_programmes(self) -> None:
        whole = self.facts(self.start, self.last_turn)
        announced = {pid for _, effect in self.effects() for pid in effect.announce}
        changes: dict[str, list[tuple[DataPath, Condition | None]]] = {}
        for eloc, effect in self.effects():
            for j, change in enumerate(effect.admission):
                changes.setdefault(change.programme, []).append(
                    ((*eloc, "admission", j, "condition"), change.condition)
                )
        between = self.span().replace(" to ", " and ")
        for i, programme in enumerate(self.s.programmes):
            loc = ("programmes", i)
            rules = [((*loc, "admission", "condition"), programme.admission.condition)]
            for rule_loc, condition in [*rules, *changes.get(programme.id, [])]:
                if not can_hold(condition, whole):
                    self.warn(
                        rule_loc,
                        "admission-impossible",
                        f"the player can never join '{programme.id}': its admission condition cannot "
                        f"hold between {between}",
                    )
            if programme.hidden and programme.id not in announced:
                self.warn(
                    (*loc, "hidden"),
                    "programme-never-announced",
                    f"'{programme.id}' is hidden and no effect announces it: its milestones never fly "
                    "and no one can join it",
                )
            any_flight = any(c.rewards.crew_seats for c in programme.contributions)
            landing = any_flight or any(c.rewards.surface_seats for c in programme.contributions)
            for j, milestone in enumerate(programme.milestones):
                mloc = (*loc, "milestones", j)
                name = f"{programme.id}.{milestone.id}"
                planned = parse_date(milestone.planned)
                if planned < self.start:
                    self.warn(
                        (*mloc, "planned"),
                        "milestone-before-start",
                        f"milestone '{name}' is planned for {milestone.planned}, before the calendar starts "
                        f"({self.s.calendar.start}): it is due on the first turn",
                    )
                elif planned > self.end:
                    self.warn(
                        (*mloc, "planned"),
                        "milestone-after-end",
                        f"milestone '{name}' is planned for {milestone.planned}, after the calendar ends "
                        f"({self.s.calendar.end}): it never flies in the game",
                    )
                for k, ref in enumerate(milestone.requires):
                    full = ref if "." in ref else f"{programme.id}.{ref}"
                    if self.planned[full] > planned:
                        self.warn(
                            (*mloc, "requires", k),
                            "milestone-before-requirement",
                            f"milestone '{name}' ({milestone.planned}) is planned before '{full}' "
                            f"({self.date(self.planned[full])}), which it requires: it will slip",
                        )
                if (milestone.crew == "orbit" and not any_flight) or (
                    milestone.crew == "surface" and not landing
                ):
                    self.warn(
                        (*mloc, "crew"),
                        "crew-without-seats",
                        f"milestone '{name}' carries a crew but no contribution of '{programme.id}' earns "
                        "a seat on it, so no partner's astronaut can fly on it",
                    )
            for j, slot in enumerate(programme.contributions):
                if slot.flies_on is not None and self.planned[f"{programme.id}.{slot.flies_on}"] > self.end:
                    self.warn(
                        (*loc, "contributions", j, "flies_on"),
                        "contribution-flies-after-end",
                        f"contribution '{programme.id}.{slot.id}' flies on '{slot.flies_on}', planned after "
                        f"the calendar ends ({self.s.calendar.end}): its rewards never arrive",
                    )

    def lint_capabilities(self) -> None:
        top = self.s.rules.capability_max
        used: set[str] = set()
        needs: list[tuple[DataPath, dict[str, int]]] = [
            (("programmes", i, "contributions", j, "requires"), slot.requires)
            for i, programme in enumerate(self.s.programmes)
            for j, slot in enumerate(programme.contributions)
        ]
        needs += [
            (("missions", i, "requires"), mission.requires) for i, mission in enumerate(self.s.missions)
        ]
        for loc, requires in needs:
            used.update(requires)
            for area, level in requires.items():
                if level > top:
                    self.warn(
                        (*loc, area),
                        "capability-out-of-reach",
                        f"'{area}' level {level} is above rules.capability_max ({top}): no agency can "
                        "ever build this",
                    )
        used.update(change.area for _, effect in self.effects() for change in effect.capability)
        used.update(ref.value for _, ref in self.references() if ref.kind == "capability")
        for i, area in enumerate(self.s.capabilities):
            if area.id not in used:
                self.warn(
                    ("capabilities", i, "id"),
                    "capability-unused",
                    f"capability area '{area.id}' is never required, tested or changed: investing in it "
                    "does nothing",
                )

    def lint_agencies(self) -> None:
        members = {agency.bloc for agency in self.s.agencies}
        for i, bloc in enumerate(self.s.blocs):
            if bloc.id not in members:
                self.warn(("blocs", i, "id"), "bloc-unused", f"bloc '{bloc.id}' has no agencies")
        given: dict[tuple[str, str], float] = {}
        for i, agency in enumerate(self.s.agencies):
            for other, value in agency.relations.items():
                mirror = given.get((other, agency.id))
                if mirror is not None and mirror != value:
                    self.warn(
                        ("agencies", i, "relations", other),
                        "relation-conflict",
                        f"relations are mutual, but '{other}' gives '{agency.id}' {mirror:g} and "
                        f"'{agency.id}' gives '{other}' {value:g}: write one value, on either side",
                        key=True,
                    )
                given[(agency.id, other)] = value

    def lint_research(self) -> None:
        """Projects nothing can reach, and projects that do nothing."""
        research = self.s.research
        if not research:
            return
        window = self.turns_between(None, None)
        facts = self.facts(*window) if window else None
        reachable = {
            p.id: (list(p.requires), p.turns)
            for p in research
            if p.when is None or (facts is not None and can_hold(p.when, facts))
        }
        chains = _research_chains(reachable)
        total = (self.end - self.start) // self.step + 1
        read = {ref.value for _, ref in self.all_references if ref.kind == "project"}
        required = {need for p in research for need in p.requires}
        for i, project in enumerate(research):
            loc = ("research", i)
            turns = chains.get(project.id)
            if project.id not in reachable:
                self.warn(
                    (*loc, "when"),
                    "research-unreachable",
                    f"research project '{project.id}' can never start: its condition cannot hold from "
                    f"{self.span()}",
                )
            elif turns is None:
                self.warn(
                    (*loc, "requires"),
                    "research-unreachable",
                    f"research project '{project.id}' can never start: a project it requires can never "
                    "be done",
                    key=True,
                )
            elif turns > total:
                self.warn(
                    (*loc, "turns"),
                    "research-unreachable",
                    f"research project '{project.id}' cannot be done in the campaign: with its prerequisites "
                    f"it takes at least {turns} turns, and the campaign has {total}",
                )
            if project.unlocks.empty() and project.id not in read and project.id not in required:
                self.warn(
                    (*loc, "id"),
                    "research-unlocks-nothing",
                    f"research project '{project.id}' unlocks nothing, and no condition reads it and no "
                    "project requires it: researching it does nothing",
                )

    def lint_missions(self) -> None:
        after = {mission.id: mission.after for mission in self.s.missions}
        for i, mission in enumerate(self.s.missions):
            seen = {mission.id}
            step = mission.after
            while step is not None and step in after and step not in seen:
                seen.add(step)
                step = after[step]
            if step is not None and step in seen:
                self.warn(
                    ("missions", i, "after"),
                    "mission-unreachable",
                    f"mission '{mission.id}' comes after a chain of missions that loops, so it can never "
                    "be flown",
                )


def _research_chains(projects: dict[str, tuple[list[str], int]]) -> dict[str, int | None]:
    """The fewest turns before each project can be done (its prerequisites' chain and its own
    turns), None for one that waits on a project missing from ``projects``."""
    done: dict[str, int | None] = {}

    def turns(pid: str, seen: frozenset[str]) -> int | None:
        if pid in done:
            return done[pid]
        if pid not in projects or pid in seen:
            return None
        requires, own = projects[pid]
        before = 0
        for need in requires:
            found = turns(need, seen | {pid})
            if found is None:
                done[pid] = None
                return None
            before = max(before, found)
        done[pid] = before + own
        return done[pid]

    for pid in projects:
        turns(pid, frozenset())
    return done


#: Where a name is written: the location, and whether it is a mapping's key (a starting value).
Places = dict[str, list[tuple[DataPath, bool]]]


@dataclass(frozen=True)
class Names:
    """One namespace of names that effects write and conditions read: flags, variables, global
    or one agency's. Its two warnings and the functions that read it; ``written`` finds where
    the scenario writes each name."""

    kind: str
    family: Literal["flag", "variable"]
    article: str
    ref_kind: RefKind
    read_with: str
    unset: str
    unread: str
    written: Callable[[_Linter], Places]
    unset_code: str
    unread_code: str


def _flags(linter: _Linter) -> Places:
    places: Places = {}
    for loc, effect in linter.effects():
        for j, flag in enumerate(effect.set_flags):
            places.setdefault(flag, []).append(((*loc, "set_flags", j), False))
    return places


def _agency_flags(linter: _Linter) -> Places:
    places: Places = {}
    for loc, effect in linter.effects():
        for j, change in enumerate(effect.agency_flags):
            for k, flag in enumerate(change.set):
                places.setdefault(flag, []).append(((*loc, "agency_flags", j, "set", k), False))
    for i, deal in enumerate(linter.s.deals.offers if linter.s.deals else ()):  # an accord sets its flag
        for side in ("gives", "asks"):
            for j, item in enumerate(getattr(deal, side)):
                if item.accord is not None:
                    places.setdefault(item.accord, []).append(
                        (("deals", "offers", i, side, j, "accord"), False)
                    )
    return places


def _variables(per_agency: bool) -> Callable[[_Linter], Places]:
    def written(linter: _Linter) -> Places:
        places: Places = {}
        if per_agency:
            for i, agency in enumerate(linter.s.agencies):
                for name in agency.variables:
                    places.setdefault(name, []).append((("agencies", i, "variables", name), True))
        else:
            for name in linter.s.variables:
                places.setdefault(name, []).append((("variables", name), True))
        for loc, effect in linter.effects():
            for j, change in enumerate(effect.vars):
                if (change.agency is not None) == per_agency:
                    places.setdefault(change.name, []).append(((*loc, "vars", j, "name"), False))
        return places

    return written


_NEVER_READ = "is set but no condition reads it"
NAMESPACES: tuple[Names, ...] = (
    Names(
        "flag",
        "flag",
        "a",
        "flag",
        "flag(...)",
        "never set by any effect, so it is always false",
        _NEVER_READ,
        _flags,
        unset_code="flag-never-set",
        unread_code="flag-never-read",
    ),
    Names(
        "agency flag",
        "flag",
        "an",
        "agency_flag",
        "agency_flag(...) or my_flag(...)",
        "never set by any effect, so it is always false",
        _NEVER_READ,
        _agency_flags,
        unset_code="flag-never-set",
        unread_code="flag-never-read",
    ),
    Names(
        "variable",
        "variable",
        "a",
        "variable",
        "var(...)",
        "never set by any effect or starting value, so it is always 0",
        "is given a value but no condition or expression reads it",
        _variables(per_agency=False),
        unset_code="variable-never-set",
        unread_code="variable-never-read",
    ),
    Names(
        "agency variable",
        "variable",
        "an",
        "agency_variable",
        "agency_var(...) or my_var(...)",
        "never set by any effect or starting value, so it is always 0",
        "is given a value but no condition or expression reads it",
        _variables(per_agency=True),
        unset_code="variable-never-set",
        unread_code="variable-never-read",
    ),
)

#: The namespace of each kind of name an expression reads.
READ_AS: dict[str, Names] = {names.ref_kind: names for names in NAMESPACES}


def _inside(loc: DataPath, dead: set[int]) -> bool:
    """Whether ``loc`` is in one of the events ``dead`` (by index)."""
    return len(loc) > 1 and loc[0] == "events" and loc[1] in dead


def _events(ids: list[str]) -> str:
    """'event 'x'', 'events 'x' and 'y'' ('' is a programme's on_join)."""
    named = [f"'{i}'" if i else "a programme's on_join" for i in ids]
    words = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return ("event " if len(ids) == 1 and ids[0] else "events ") + words


def expressions_in(loc: DataPath, condition: Any) -> Iterator[tuple[DataPath, str]]:
    """Every expression text of a condition (or of a bare expression), with its location."""
    if isinstance(condition, str):
        yield loc, condition
    elif isinstance(condition, ConditionTree):
        for name in ("all", "any"):
            for index, child in enumerate(getattr(condition, name) or []):
                yield from expressions_in((*loc, name, index), child)
        if condition.not_ is not None:
            yield from expressions_in((*loc, "not"), condition.not_)
