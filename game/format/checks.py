"""Checks a valid-shaped scenario for what pydantic cannot see: ids, references, cycles.

Every problem is reported, each at the line and column of the offending text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from game.format.dates import parse_date
from game.format.deal_checks import check_deals
from game.format.diagnostics import Diagnostic
from game.format.expressions import ExpressionError, Reference, parse_expression
from game.format.happenings import (
    DETAILS,
    EFFECT_PLACEHOLDERS,
    HAPPENINGS,
    PLAYER_ACTIONS,
    Detail,
    details_of,
)
from game.format.models import (
    CONTRIBUTION_KINDS,
    PLAYER,
    TIMED_KEYS,
    Agency,
    Condition,
    ConditionTree,
    Effect,
    Event,
    Hook,
    Outcome,
    Scenario,
)
from game.format.templated import templated_texts
from game.format.text_templates import PLACEHOLDERS, TemplateError, has_placeholders, parse_template
from game.format.vocabulary import FUNCTIONS, REF_WORDS, ValueKind
from game.format.yaml_source import DataPath, SourceMap


class _Checker:
    def __init__(self, scenario: Scenario, source: SourceMap) -> None:
        self.scenario = scenario
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.agencies = {a.id for a in scenario.agencies}
        #: What an effect may name as an agency: any of them, or 'player' for the playing one.
        self.effect_agencies = self.agencies | {PLAYER}
        self.blocs = {b.id for b in scenario.blocs}
        self.capabilities = {c.id for c in scenario.capabilities}
        self.programmes = {p.id: p for p in scenario.programmes}
        self.missions = {m.id for m in scenario.missions}
        self.events = {e.id for e in scenario.events}
        self.milestones = {f"{p.id}.{m.id}" for p in scenario.programmes for m in p.milestones}
        self.contributions = {f"{p.id}.{c.id}" for p in scenario.programmes for c in p.contributions}
        self.hooked = {e.id for e in scenario.events if e.on is not None}
        self.difficulties = {level.id for level in scenario.difficulty_levels()}
        self.achievements = {a.id for a in scenario.race.achievements} if scenario.race else set()
        self.projects = {p.id for p in scenario.research}
        self.deals = {d.id for d in scenario.deals.offers} if scenario.deals else set()

    # -- reporting
    def error(self, loc: DataPath, code: str, message: str, key: bool = False) -> None:
        position = self.source.key(loc) if key else self.source.value(loc)
        self.diagnostics.append(Diagnostic.at(position, code, message))

    def known(self, loc: DataPath, value: str, pool: Iterable[str], what: str) -> None:
        if value not in pool:
            self.error(loc, "unknown-id", f"unknown {what} '{value}'{_hint(value, pool)}")

    def known_keys(self, loc: DataPath, mapping: dict[str, Any], pool: Iterable[str], what: str) -> None:
        for name in mapping:
            if name not in pool:
                self.error(
                    (*loc, name), "unknown-id", f"unknown {what} '{name}'{_hint(name, pool)}", key=True
                )

    def unique(self, loc: DataPath, items: list[Any], what: str) -> None:
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in first:
                line = self.source.value((*loc, first[item.id], "id")).line
                self.error(
                    (*loc, index, "id"),
                    "duplicate-id",
                    f"duplicate {what} id '{item.id}' (first defined on line {line})",
                )
            else:
                first[item.id] = index

    def check_corps(self, loc: DataPath, agency: Agency) -> None:
        """Recruits need a named corps, and no name may be given twice in one agency."""
        if agency.recruits and not agency.named_corps:
            self.error(
                (*loc, "recruits"),
                "corps",
                "recruits need a named corps: give 'astronauts' as a list of names (it may be empty, [])",
                key=True,
            )
        seen: set[str] = set()
        named = agency.astronauts if isinstance(agency.astronauts, list) else []
        places = [((*loc, "astronauts", i, "name"), a.name) for i, a in enumerate(named)]
        places += [((*loc, "recruits", i), name) for i, name in enumerate(agency.recruits)]
        for where, name in places:
            if name in seen:
                self.error(where, "corps", f"the astronaut '{name}' is named twice in {agency.id}'s corps")
            seen.add(name)

    # -- the checks
    def run(self) -> list[Diagnostic]:
        s = self.scenario
        for name, singular, items in (
            ("blocs", "bloc", s.blocs),
            ("capabilities", "capability area", s.capabilities),
            ("agencies", "agency", s.agencies),
            ("programmes", "programme", s.programmes),
            ("missions", "mission", s.missions),
            ("events", "event", s.events),
            ("objectives", "objective", s.objectives),
            ("endings", "ending", s.endings),
            ("difficulties", "difficulty", s.difficulties),
            ("research", "research project", s.research),
        ):
            self.unique((name,), items, singular)
        self.check_calendar()
        if not s.playable_agencies():
            self.error(("agencies",), "no-playable", "no agency is marked 'playable: true'")
        for i, agency in enumerate(s.agencies):
            loc = ("agencies", i)
            if agency.id == PLAYER:
                self.error(
                    (*loc, "id"),
                    "reserved-id",
                    f"'{PLAYER}' is a reserved word: effects use it for the playing agency; "
                    "give this agency another id",
                )
            self.known((*loc, "bloc"), agency.bloc, self.blocs, "bloc")
            self.known_keys((*loc, "capabilities"), agency.capabilities, self.capabilities, "capability area")
            self.known_keys((*loc, "relations"), agency.relations, self.agencies, "agency")
            if agency.id in agency.relations:
                self.error(
                    (*loc, "relations", agency.id),
                    "self-relation",
                    "an agency has no relation with itself",
                    key=True,
                )
            self.known_keys(
                (*loc, "policy", "preferences"), agency.policy.preferences, self.programmes, "programme"
            )
            self.check_corps(loc, agency)
            if agency.victory_score is not None and not agency.playable:
                self.error(
                    (*loc, "victory_score"),
                    "victory",
                    f"{agency.id} is not playable: its 'victory_score' would never count "
                    "(give it 'playable: true', or leave the scenario's 'victory_score' to count)",
                )
            for j, project in enumerate(agency.research):
                self.known((*loc, "research", j), project, self.projects, "research project")
        for i, programme in enumerate(s.programmes):
            self.check_programme(("programmes", i), programme)
        for i, mission in enumerate(s.missions):
            loc = ("missions", i)
            self.known_keys((*loc, "requires"), mission.requires, self.capabilities, "capability area")
            if mission.after is not None:
                self.known((*loc, "after"), mission.after, self.missions, "mission")
        self.check_flights()
        self.check_research()
        for i, event in enumerate(s.events):
            loc = ("events", i)
            scope = details_of(event.on.happening if event.on is not None else None)
            self.unique((*loc, "choices"), event.choices, "choice")
            self.check_hook(loc, event)
            self.check_condition((*loc, "when"), event.when, scope)
            self.check_effects((*loc, "effects"), event.effects, scope)
            for j, choice in enumerate(event.choices):
                self.check_effects((*loc, "choices", j, "effects"), choice.effects, scope)
                self.check_outcomes((*loc, "choices", j, "outcomes"), choice.outcomes, scope)
            self.check_outcomes((*loc, "outcomes"), event.outcomes, scope)
            if event.outcomes and event.choices:
                self.error(
                    (*loc, "outcomes"),
                    "outcomes-with-choices",
                    "an event with choices draws no outcome of its own: put the outcomes on its choices",
                    key=True,
                )
            if event.after and event.before and parse_date(event.before) < parse_date(event.after):
                self.error((*loc, "before"), "date-order", "'before' is earlier than 'after'")
        for i, objective in enumerate(s.objectives):
            self.check_condition(("objectives", i, "when"), objective.when)
            if objective.scale is not None:
                self.check_expression(("objectives", i, "scale"), objective.scale, "number")
            if objective.progress is not None:
                self.check_expression(("objectives", i, "progress"), objective.progress, "number")
        for i, ending in enumerate(s.endings):
            self.check_condition(("endings", i, "when"), ending.when)
        self.check_difficulties()
        self.check_race()
        if s.deals is not None:
            check_deals(self, s.deals)
        self.check_texts()
        self.check_cycles()
        return self.diagnostics

    def check_flights(self) -> None:
        """Preparations named once; a flight's own reliability only where the scenario has flights."""
        s = self.scenario
        if s.flights is not None:
            self.unique(("flights", "preparations"), s.flights.preparations, "preparation")
            return
        places: list[DataPath] = [
            ("missions", i) for i, m in enumerate(s.missions) if m.reliability is not None
        ]
        places += [
            ("programmes", i, "contributions", j)
            for i, p in enumerate(s.programmes)
            for j, c in enumerate(p.contributions)
            if c.reliability is not None
        ]
        for loc in places:
            self.error(
                (*loc, "reliability"),
                "flights",
                "'reliability' needs a 'flights:' section in the scenario: without one, missions fly "
                "with their 'success' chance and contributions are delivered when built",
                key=True,
            )

    def check_research(self) -> None:
        """Areas, prerequisites and unlocks that exist; reliability for contributions only with flights."""
        s = self.scenario
        for i, project in enumerate(s.research):
            loc = ("research", i)
            self.known((*loc, "area"), project.area, self.capabilities, "capability area")
            for j, need in enumerate(project.requires):
                self.known((*loc, "requires", j), need, self.projects, "research project")
            self.check_condition((*loc, "when"), project.when)
            unlocks = project.unlocks
            uloc = (*loc, "unlocks")
            self.known_keys((*uloc, "levels"), unlocks.levels, self.capabilities, "capability area")
            for j, ref in enumerate(unlocks.contributions):
                self.known((*uloc, "contributions", j), ref, self.contributions, "contribution")
            for j, mission in enumerate(unlocks.missions):
                self.known((*uloc, "missions", j), mission, self.missions, "mission")
            if s.flights is None:
                for kind in unlocks.reliability:
                    if kind in CONTRIBUTION_KINDS:
                        self.error(
                            (*uloc, "reliability", kind),
                            "flights",
                            f"reliability for '{kind}' flights needs a 'flights:' section: without one, "
                            "contributions are delivered when built and never fly",
                            key=True,
                        )

    def check_calendar(self) -> None:
        calendar = self.scenario.calendar
        if parse_date(calendar.end) <= parse_date(calendar.start):
            self.error(("calendar", "end"), "date-order", "the calendar ends before it starts")

    def check_programme(self, loc: DataPath, programme: Any) -> None:
        for j, lead in enumerate(programme.leads):
            self.known((*loc, "leads", j), lead, self.agencies, "agency")
        for j, member in enumerate(programme.members):
            self.known((*loc, "members", j), member, self.agencies, "agency")
            if member in programme.leads:
                self.error((*loc, "members", j), "duplicate-id", f"'{member}' is already a lead")
        self.known_keys((*loc, "member_drift"), programme.member_drift, self.agencies, "agency")
        self.unique((*loc, "milestones"), programme.milestones, "milestone")
        self.unique((*loc, "contributions"), programme.contributions, "contribution")
        slots = {c.id for c in programme.contributions}
        own = {m.id for m in programme.milestones}
        for j, milestone in enumerate(programme.milestones):
            for k, ref in enumerate(milestone.requires):
                full = ref if "." in ref else f"{programme.id}.{ref}"
                self.known(
                    (*loc, "milestones", j, "requires", k),
                    full if "." in ref else ref,
                    self.milestones if "." in ref else own,
                    "milestone",
                )
            for k, need in enumerate(milestone.needs):
                self.known((*loc, "milestones", j, "needs", k), need, slots, "contribution")
        for j, slot in enumerate(programme.contributions):
            cloc = (*loc, "contributions", j)
            self.known_keys((*cloc, "requires"), slot.requires, self.capabilities, "capability area")
            if slot.flies_on is not None:
                self.known((*cloc, "flies_on"), slot.flies_on, own, "milestone")
            if slot.taken_by is not None:
                self.known((*cloc, "taken_by"), slot.taken_by, self.agencies, "agency")
        self.check_condition((*loc, "admission", "condition"), programme.admission.condition)
        self.check_effects((*loc, "on_join"), programme.on_join)

    def check_hook(self, loc: DataPath, event: Event) -> None:
        """An event's ``on:``: a known happening, filters it has, ids that exist; not a follow-up too."""
        hook = event.on
        if hook is None:
            return
        if event.triggered_only:
            self.error(
                (*loc, "triggered_only"),
                "hook",
                "an event with 'on:' fires on its happening; 'triggered_only' is for follow-ups: "
                "leave one of them out",
                key=True,
            )
        self.check_hook_filters((*loc, "on"), hook)

    def check_hook_filters(self, hloc: DataPath, hook: Hook) -> None:
        """A hook's happening is known, and its filters are details it has, naming ids that exist."""
        kind = HAPPENINGS.get(hook.happening)
        if kind is None:
            self.error(
                (*hloc, "happening"),
                "unknown-id",
                f"unknown happening '{hook.happening}'{_hint(hook.happening, HAPPENINGS)}; "
                f"the happenings are {', '.join(HAPPENINGS)}",
            )
            return
        for name, _ in DETAILS:
            if getattr(hook, name) is not None and name not in kind.details:
                self.error(
                    (*hloc, name),
                    "hook",
                    f"'{kind.name}' has no {name}: its details are {', '.join(kind.details)}",
                    key=True,
                )
                return
        if hook.agency is not None:
            self.known((*hloc, "agency"), hook.agency, self.agencies, "agency")
        if hook.programme is not None:
            self.known((*hloc, "programme"), hook.programme, self.programmes, "programme")
        for name, pool in (("milestone", self.milestones), ("contribution", self.contributions)):
            value = getattr(hook, name)
            if value is None:
                continue
            if "." not in value and hook.programme is None:
                self.error(
                    (*hloc, name),
                    "hook",
                    f"write the {name} as 'programme.{value}', or give the 'programme' too",
                )
            elif "." not in value:
                if hook.programme in self.programmes:
                    self.known((*hloc, name), f"{hook.programme}.{value}", pool, name)
            else:
                self.known((*hloc, name), value, pool, name)
                if hook.programme is not None and value.split(".", 1)[0] != hook.programme:
                    self.error((*hloc, name), "hook", f"'{value}' is not a {name} of '{hook.programme}'")
        if hook.mission is not None:
            self.known((*hloc, "mission"), hook.mission, self.missions, "mission")
        if hook.action is not None:
            self.known((*hloc, "action"), hook.action, PLAYER_ACTIONS, "action of the player")
        if hook.achievement is not None:
            self.known((*hloc, "achievement"), hook.achievement, self.achievements, "achievement")
        if hook.project is not None:
            self.known((*hloc, "project"), hook.project, self.projects, "research project")

    def check_race(self) -> None:
        """Achievements named once, hooked on happenings that name who earns them; history and
        plans that name achievements, agencies and steps that exist."""
        race = self.scenario.race
        if race is not None:
            self.unique(("race", "achievements"), race.achievements, "achievement")
            for i, achievement in enumerate(race.achievements):
                loc = ("race", "achievements", i)
                self.check_condition((*loc, "when"), achievement.when)
                for j, hook in enumerate(achievement.on):
                    self.check_hook_filters((*loc, "on", j), hook)
                    kind = HAPPENINGS.get(hook.happening)
                    if hook.earner is not None:
                        self.known((*loc, "on", j, "earner"), hook.earner, self.agencies, "agency")
                    elif kind is not None and not {"agency", "programme"} & set(kind.details):
                        self.error(
                            (*loc, "on", j, "happening"),
                            "race",
                            f"'{hook.happening}' names no agency nor programme, so no one would earn "
                            f"'{achievement.id}' by it: name the 'earner'",
                        )
                    if hook.happening in RACE_HAPPENINGS:
                        self.error(
                            (*loc, "on", j, "happening"),
                            "race",
                            f"an achievement is not earned by another one ('{hook.happening}'): "
                            "hook it on what earned that one",
                        )
            start = parse_date(self.scenario.calendar.start)
            for i, feat in enumerate(race.history):
                loc = ("race", "history", i)
                self.known((*loc, "achievement"), feat.achievement, self.achievements, "achievement")
                self.known((*loc, "agency"), feat.agency, self.agencies, "agency")
                if parse_date(feat.date) >= start:
                    self.error(
                        (*loc, "date"),
                        "race",
                        "history is what happened before the campaign's start "
                        f"({self.scenario.calendar.start}); later firsts are earned in play",
                    )
        for i, agency in enumerate(self.scenario.agencies):
            self.check_plan(("agencies", i, "plan"), agency)

    def check_plan(self, loc: DataPath, agency: Agency) -> None:
        """A national plan's steps: named once, following steps of the same plan, earning achievements."""
        self.unique(loc, agency.plan, "plan step")
        steps = {step.id for step in agency.plan}
        for j, step in enumerate(agency.plan):
            if step.after is not None:
                self.known((*loc, j, "after"), step.after, steps - {step.id}, f"step of {agency.id}'s plan")
            self.check_condition((*loc, j, "when"), step.when)
            for k, achievement in enumerate(step.earns):
                if self.scenario.race is None:
                    self.error(
                        (*loc, j, "earns"),
                        "race",
                        "'earns' names achievements of the scenario's 'race:', and it has none",
                        key=True,
                    )
                    break
                self.known((*loc, j, "earns", k), achievement, self.achievements, "achievement")

    def check_texts(self) -> None:
        """The templates of every text that may hold them (game/format/templated.py)."""
        for loc, text, happening in templated_texts(self.scenario):
            if has_placeholders(text):
                self.check_text(loc, text, details_of(happening or None))

    def check_text(self, loc: DataPath, text: str, scope: tuple[Detail, ...]) -> None:
        """A text's placeholders: their shape, the ids they name, the happening's details they read."""
        try:
            parts = parse_template(text)
        except TemplateError as error:
            self.diagnostics.append(
                Diagnostic.at(self.source.in_text(loc, text, error.column), "template", error.message)
            )
            return
        pools: dict[str, Iterable[str]] = {"agency": self.agencies, "programme": self.programmes}
        for part in parts:
            if isinstance(part, str):
                continue
            kind = PLACEHOLDERS[part.name]
            where = self.source.in_text(loc, text, part.column)
            pool = pools.get(kind.argument)
            if pool is not None and part.argument not in pool:
                hint = _hint(part.argument, pool)
                message = f"unknown {kind.argument} '{part.argument}' in {{{part.name}:...}}{hint}"
                self.diagnostics.append(Diagnostic.at(where, "template", message))
            if kind.detail is not None and kind.detail not in scope:
                message = _out_of_scope(f"{{{part.name}}}", kind.detail, scope)
                self.diagnostics.append(Diagnostic.at(where, "hook", message))

    def target(
        self, loc: DataPath, value: str, pool: Iterable[str], what: Detail, scope: tuple[Detail, ...]
    ) -> None:
        """An id of an effect, or a placeholder for the happening's (only where its detail is in scope)."""
        detail = EFFECT_PLACEHOLDERS.get(value)
        if detail is None:
            self.known(loc, value, pool, what)
        elif detail != what:
            self.error(
                loc, "hook", f"'{value}' names a {detail}, not {'an' if what == 'agency' else 'a'} {what}"
            )
        elif detail not in scope:
            self.error(loc, "hook", _out_of_scope(f"'{value}'", detail, scope))

    def check_effects(self, loc: DataPath, effects: list[Effect], scope: tuple[Detail, ...] = ()) -> None:
        for i, effect in enumerate(effects):
            eloc = (*loc, i)
            agencies = self.effect_agencies
            if effect.agency is not None:
                self.known((*eloc, "agency"), effect.agency, agencies, "agency")
            for j, change in enumerate(effect.relations):
                self.target((*eloc, "relations", j, "agency"), change.agency, agencies, "agency", scope)
                if change.of is not None:
                    self.target((*eloc, "relations", j, "of"), change.of, agencies, "agency", scope)
            for field in ("health", "overrun", "status"):
                for j, item in enumerate(getattr(effect, field)):
                    self.target(
                        (*eloc, field, j, "programme"), item.programme, self.programmes, "programme", scope
                    )
            for j, item in enumerate(effect.slip):
                self.target(
                    (*eloc, "slip", j, "programme"), item.programme, self.programmes, "programme", scope
                )
                programme = self.programmes.get(item.programme)
                if (
                    programme
                    and item.milestone
                    and item.milestone not in {m.id for m in programme.milestones}
                ):
                    self.error(
                        (*eloc, "slip", j, "milestone"),
                        "unknown-id",
                        f"unknown milestone '{item.milestone}' in '{programme.id}'",
                    )
            for field in ("join", "leave"):
                for j, item in enumerate(getattr(effect, field)):
                    self.target((*eloc, field, j, "agency"), item.agency, agencies, "agency", scope)
                    self.target(
                        (*eloc, field, j, "programme"), item.programme, self.programmes, "programme", scope
                    )
            for j, item in enumerate(effect.capability):
                self.known((*eloc, "capability", j, "area"), item.area, self.capabilities, "capability area")
            for j, item in enumerate(effect.follow_up):
                self.known((*eloc, "follow_up", j, "event"), item.event, self.events, "event")
                if item.event in self.hooked:
                    self.error(
                        (*eloc, "follow_up", j, "event"),
                        "hook",
                        f"event '{item.event}' fires on its happening ('on:'), never as a follow-up",
                    )
            for j, change in enumerate(effect.vars):
                if change.agency is not None:
                    self.known((*eloc, "vars", j, "agency"), change.agency, agencies, "agency")
                for key in ("set", "add"):
                    value = getattr(change, key)
                    if isinstance(value, str):
                        self.check_expression((*eloc, "vars", j, key), value, "number", scope)
            for j, flags in enumerate(effect.agency_flags):
                self.known((*eloc, "agency_flags", j, "agency"), flags.agency, agencies, "agency")
            self.check_world_effects(eloc, effect)
            self.check_timing(eloc, effect)

    def check_world_effects(self, loc: DataPath, effect: Effect) -> None:
        """The keys that change programmes and the computer's policies: the ids they name."""
        for field in ("announce", "open", "close"):
            for j, pid in enumerate(getattr(effect, field)):
                self.known((*loc, field, j), pid, self.programmes, "programme")
        for j, change in enumerate(effect.admission):
            self.known((*loc, "admission", j, "programme"), change.programme, self.programmes, "programme")
            self.check_condition((*loc, "admission", j, "condition"), change.condition)
        for j, policy in enumerate(effect.policy):
            self.known((*loc, "policy", j, "agency"), policy.agency, self.effect_agencies, "agency")
            self.known_keys(
                (*loc, "policy", j, "preferences"), policy.preferences, self.programmes, "programme"
            )

    def check_timing(self, loc: DataPath, effect: Effect) -> None:
        """A timed modifier is named, ends, and holds only what can be undone when it ends."""
        given = effect.model_fields_set
        if effect.until is not None:
            self.check_expression((*loc, "until"), effect.until, "truth")
        if effect.modifier is None:
            for key in ("duration", "until", "per_turn"):
                if key in given:
                    self.error(
                        (*loc, key),
                        "timed-effect",
                        f"'{key}' belongs to a timed modifier: name it with 'modifier: NAME' "
                        "in the same effect",
                        key=True,
                    )
            return
        if effect.duration is None and effect.until is None:
            self.error(
                (*loc, "modifier"),
                "timed-effect",
                "a modifier needs 'duration' (turns) or 'until' (a condition), or both, to end",
            )
        for key in sorted(given - TIMED_KEYS, key=list(type(effect).model_fields).index):
            if key in ("money", "science", "prestige", "support"):
                why = f"use 'per_turn: {{{key}: ...}}' for an amount every turn while it lasts"
            else:
                why = "put it in an effect of its own, without 'modifier'"
            self.error(
                (*loc, key),
                "timed-effect",
                f"'{key}' happens once and cannot be undone when the modifier ends: {why}",
                key=True,
            )

    def check_outcomes(self, loc: DataPath, outcomes: list[Outcome], scope: tuple[Detail, ...] = ()) -> None:
        """Ids unique in the list, weights that are numbers, effects that name what exists."""
        self.unique(loc, outcomes, "outcome")
        for i, outcome in enumerate(outcomes):
            if isinstance(outcome.weight, str):
                self.check_expression((*loc, i, "weight"), outcome.weight, "number", scope)
            self.check_effects((*loc, i, "effects"), outcome.effects, scope)

    def check_condition(
        self, loc: DataPath, condition: Condition | None, scope: tuple[Detail, ...] = ()
    ) -> None:
        for sub_loc, text in _expressions(loc, condition):
            self.check_expression(sub_loc, text, "truth", scope)

    def check_expression(
        self, loc: DataPath, text: str, expect: ValueKind, scope: tuple[Detail, ...] = ()
    ) -> None:
        try:
            parsed = parse_expression(text, expect)
        except ExpressionError as error:
            self.diagnostics.append(
                Diagnostic.at(self.source.text(loc, error.column), "expression", error.message)
            )
            return
        for ref in parsed.references:
            self.check_reference(loc, ref)
            detail = FUNCTIONS[ref.function].reads
            if detail and detail not in scope:
                message = _out_of_scope(f"{ref.function}()", detail, scope)
                self.diagnostics.append(Diagnostic.at(self.source.text(loc, ref.column), "hook", message))

    def check_reference(self, loc: DataPath, ref: Reference) -> None:
        pools = {
            "agency": self.agencies,
            "bloc": self.blocs,
            "programme": self.programmes,
            "milestone": self.milestones,
            "contribution": self.contributions,
            "capability": self.capabilities,
            "national_mission": self.missions,
            "difficulty": self.difficulties,
            "achievement": self.achievements,
            "project": self.projects,
            "deal": self.deals,
        }
        pool = pools.get(ref.kind)
        if pool is None or ref.value in pool:
            return  # flags and variables are free-form; the linter reports unused ones
        shape = (
            " (write 'programme.id')"
            if ref.kind in ("milestone", "contribution") and "." not in ref.value
            else ""
        )
        other = next((kind for kind, ids in pools.items() if ref.value in ids), None)
        if other is not None:  # an id of the wrong kind: say which kind the function takes
            message = f"{ref.function}() takes {REF_WORDS[ref.kind]}, but '{ref.value}' is {REF_WORDS[other]}"
        else:
            message = f"unknown {ref.kind} '{ref.value}'{shape}{_hint(ref.value, pool)}"
        self.diagnostics.append(Diagnostic.at(self.source.text(loc, ref.column), "unknown-id", message))

    def check_difficulties(self) -> None:
        """The default level is one of the levels; a level scales only events that exist."""
        s = self.scenario
        if s.difficulty() is None:
            where = (
                ("default_difficulty",) if "default_difficulty" in s.model_fields_set else ("difficulties",)
            )
            self.error(
                where,
                "unknown-id",
                f"the default difficulty '{s.default_difficulty}' is not one of the difficulties "
                f"({', '.join(sorted(self.difficulties))}): add it, or name another in 'default_difficulty'"
                f"{_hint(s.default_difficulty, self.difficulties)}",
                key=where == ("difficulties",),
            )
        for i, level in enumerate(s.difficulties):
            self.known_keys(("difficulties", i, "events"), level.events, self.events, "event")

    def check_cycles(self) -> None:
        graph: dict[str, list[str]] = {}
        where: dict[str, DataPath] = {}
        for i, programme in enumerate(self.scenario.programmes):
            for j, milestone in enumerate(programme.milestones):
                key = f"{programme.id}.{milestone.id}"
                graph[key] = [r if "." in r else f"{programme.id}.{r}" for r in milestone.requires]
                where[key] = ("programmes", i, "milestones", j, "requires")
        for cycle in _cycles(graph):
            self.error(
                where[cycle[0]],
                "cycle",
                "milestone dependencies form a cycle: " + " -> ".join([*cycle, cycle[0]]),
            )
        research = {p.id: list(p.requires) for p in self.scenario.research}
        places = {p.id: ("research", i, "requires") for i, p in enumerate(self.scenario.research)}
        for cycle in _cycles(research):
            self.error(
                places[cycle[0]],
                "cycle",
                "research prerequisites form a cycle: "
                + " -> ".join([*cycle, cycle[0]])
                + ": none of them can ever start",
            )


#: The race's own happenings, which no achievement may be hooked on (one first would earn another).
RACE_HAPPENINGS = frozenset({"achievement_earned", "first_achieved"})


def _expressions(loc: DataPath, condition: Condition | None) -> Iterator[tuple[DataPath, str]]:
    if condition is None:
        return
    if isinstance(condition, str):
        yield loc, condition
        return
    assert isinstance(condition, ConditionTree)
    for name in ("all", "any"):
        for index, child in enumerate(getattr(condition, name) or []):
            yield from _expressions((*loc, name, index), child)
    if condition.not_ is not None:
        yield from _expressions((*loc, "not"), condition.not_)


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each dependency cycle once, found by depth-first search in file order."""
    state: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                found.append(stack[stack.index(nxt) :])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return found


def _out_of_scope(what: str, detail: Detail, scope: tuple[Detail, ...]) -> str:
    """Why a happening's detail cannot be read here: no happening, or one without that detail."""
    if not scope:
        return (
            f"{what} reads the {detail} of the happening an event answers: "
            "only in an event with 'on:' (its 'when', effects and texts)"
        )
    return f"{what} reads the happening's {detail}, but this event's happening has only {', '.join(scope)}"


def _hint(value: str, pool: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(pool), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def check_scenario(scenario: Scenario, source: SourceMap) -> list[Diagnostic]:
    """Every reference, duplicate and cycle problem of a scenario that passed its models."""
    return _Checker(scenario, source).run()


def check_conditions(
    scenario: Scenario, source: SourceMap, conditions: Iterable[tuple[DataPath, Condition]]
) -> list[Diagnostic]:
    """Conditions written in another file (a scenario test's), checked against ``scenario``:
    their syntax and every id they name, located in that file through ``source``."""
    checker = _Checker(scenario, source)
    for loc, condition in conditions:
        checker.check_condition(loc, condition)
    return checker.diagnostics


#: "; did you mean 'x'?" for a value close to one of a pool, else "".
did_you_mean = _hint
