"""The linter: every warning class at its exact line and column, and nothing where all is well."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from game.format.dates import parse_date
from game.format.feasibility import Facts, can_hold
from game.format.lint import WARNINGS
from game.format.loader import load_scenario, load_scenario_bytes
from tests.authoring_support import BASE, edit, located, position

CHOICE_CUT = "          - budget: -10\n"
EVENTS_END = "\nobjectives:\n"
MILESTONES_END = "        crew: orbit\n"
IMPOSSIBLE_RULE = "            admission: [{programme: station, condition: year > 2040}]\n"
#: what the one event of the base that sets a flag ('defended') leaves unreachable when it never fires
CASCADE = [
    ("objective-impossible", '      all:\n        - flag("defended")', 6),
    ("flag-never-set", 'flag("defended")', 5),
]


@dataclass
class Case:
    """A change to the clean base and the warnings it must cause, each at a needle's position."""

    name: str
    edits: list[tuple[str, str]]
    expected: list[tuple[str, str, int]]  # code, needle in the changed text, offset into the needle


CASES = [
    Case(
        "an ending that cannot happen",
        [
            (
                "\nvictory_score:",
                "\nendings:\n  - {id: e, when: year < 2020, outcome: lost, title: T}\nvictory_score:",
            )
        ],
        [("ending-impossible", "year < 2020", 0)],
    ),
    Case(
        "outcomes that are all weighted 0",
        [
            (
                CHOICE_CUT,
                CHOICE_CUT + "        outcomes:\n          - {id: a, label: it passes, weight: 0}\n"
                "          - {id: b, label: it fails, weight: 0.0}\n",
            )
        ],
        [("outcomes-never-drawn", "outcomes:", 0)],
    ),
    Case(
        "event window after the calendar",
        [("    after: 2027-Q1\n    before: 2027-Q4", "    after: 2040-Q1\n    before: 2040-Q4")],
        [("event-outside-calendar", "2040-Q1", 0), *CASCADE],
    ),
    Case(
        "event window before the calendar",
        [("    after: 2027-Q1\n    before: 2027-Q4", "    after: 2020-Q1\n    before: 2020-Q4")],
        [("event-outside-calendar", "2020-Q4", 0), *CASCADE],
    ),
    Case(
        "triggered_only event nobody triggers",
        [(EVENTS_END, "  - id: ghost\n    title: Ghost\n    triggered_only: true\n" + EVENTS_END)],
        [("event-never-triggered", "triggered_only: true", 16)],
    ),
    Case(
        "event with no chance",
        [("    chance: 0.5\n", "    chance: 0\n")],
        [("event-impossible", "    chance: 0\n", 12), *CASCADE],
    ),
    Case(
        "event whose condition cannot hold in its window",
        [("    chance: 0.5\n", "    chance: 0.5\n    when: year >= 2030\n")],
        [("event-impossible", "year >= 2030", 0), *CASCADE],
    ),
    Case(
        "triggered_only event that cannot hold in the calendar",
        [
            (CHOICE_CUT, CHOICE_CUT + "            follow_up: [{event: echo}]\n"),
            (
                EVENTS_END,
                "  - id: echo\n    title: Echo\n    triggered_only: true\n    when: year < 2000\n"
                + EVENTS_END,
            ),
        ],
        [("event-impossible", "year < 2000", 0)],
    ),
    Case(
        "keys a triggered_only event ignores",
        [
            (CHOICE_CUT, CHOICE_CUT + "            follow_up: [{event: echo}]\n"),
            (
                EVENTS_END,
                "  - id: echo\n    title: Echo\n    triggered_only: true\n    chance: 0.5\n"
                "    after: 2027-Q1\n" + EVENTS_END,
            ),
        ],
        [("ignored-key", "after: 2027-Q1", 0, 2), ("ignored-key", "chance: 0.5", 0, 2)],
    ),
    Case(
        "cooldown without repeat",
        [("    chance: 0.5\n", "    chance: 0.5\n    cooldown: 3\n")],
        [("ignored-key", "cooldown: 3", 0)],
    ),
    Case(
        "deadline on a scaled objective",
        [("    scale: science / 4", "    by: 2030-Q1\n    scale: science / 4")],
        [("ignored-key", "by: 2030-Q1", 0)],
    ),
    Case(
        "a flag read but never set",
        [("    chance: 0.5\n", '    chance: 0.5\n    when: not flag("calm")\n')],
        [("flag-never-set", '"calm"', 0)],
    ),
    Case(
        "a modifier read but never started",
        [("    chance: 0.5\n", '    chance: 0.5\n    when: not modifier("strike")\n')],
        [("modifier-never-started", '"strike"', 0)],
    ),
    Case(
        "a flag set but never read",
        [(CHOICE_CUT, CHOICE_CUT + "            set_flags: [cut_taken]\n")],
        [("flag-never-read", "cut_taken", 0)],
    ),
    Case(
        "an agency's flag read but never set",
        [("    chance: 0.5\n", '    chance: 0.5\n    when: not my_flag("warned")\n')],
        [("flag-never-set", '"warned"', 0)],
    ),
    Case(
        "an agency's flag set but never read",
        [(CHOICE_CUT, CHOICE_CUT + "            agency_flags: [{agency: big_agency, set: [vexed]}]\n")],
        [("flag-never-read", "vexed", 0)],
    ),
    Case(
        "a variable read but never set",
        [("    chance: 0.5\n", '    chance: 0.5\n    when: var("cuts") < 2\n')],
        [("variable-never-set", '"cuts"', 0)],
    ),
    Case(
        "a variable set but never read",
        [(CHOICE_CUT, CHOICE_CUT + "            vars: [{name: cuts, add: 1}]\n")],
        [("variable-never-read", "cuts", 0)],
    ),
    Case(
        "a starting value never read, an agency's variable read as a global one",
        [
            ("victory_score: 50", "variables: {mood: 1}\nvictory_score: 50"),
            ("    relations: {big_agency: 40", "    variables: {trust: 2}\n    relations: {big_agency: 40"),
            ("    chance: 0.5\n", '    chance: 0.5\n    when: var("trust") < 2 and my_var("trust") > 1\n'),
        ],
        [("variable-never-read", "mood: 1", 0), ("variable-never-set", '"trust") < 2', 0)],
    ),
    Case(
        "an agency's variable that only an effect's own expression reads",
        [
            (
                CHOICE_CUT,
                CHOICE_CUT
                + "            vars: [{name: cuts, agency: my_agency, add: 'my_var(\"cuts\") + 1'}]\n",
            )
        ],
        [],
    ),
    Case(
        "objective due before the calendar starts",
        [("    by: 2033-Q4", "    by: 2020-Q4")],
        [("objective-deadline-before-start", "2020-Q4", 0)],
    ),
    Case(
        "objective that cannot hold by its deadline",
        [("    when: crewed_orbit\n", "    when: crewed_orbit and year < 2026\n")],
        [("objective-impossible", "crewed_orbit and year", 0)],
    ),
    Case(
        "objective needing a crewed flight before any is planned",
        [("    by: 2033-Q4", "    by: 2029-Q4")],
        [("objective-impossible", "crewed_orbit\n", 0)],
    ),
    Case(
        "programme nobody can join",
        [("      min_relation: 20", "      min_relation: 20\n      condition: year > 2040")],
        [("admission-impossible", "year > 2040", 0)],
    ),
    Case(
        "a rule an event puts in place that nobody meets",
        [(CHOICE_CUT, CHOICE_CUT + IMPOSSIBLE_RULE)],
        [("admission-impossible", "year > 2040", 0)],
    ),
    Case(
        "a hidden programme nothing announces",
        [("    kind: orbit\n", "    kind: orbit\n    hidden: true\n")],
        [("programme-never-announced", "true\n    leads", 0)],
    ),
    Case(
        "victory beyond every point",
        [("victory_score: 50", "victory_score: 150")],
        [("victory-unreachable", "victory_score: 150", 15)],
    ),
    Case(
        "an agency's own victory beyond every point",
        [("    support: 55\n", "    support: 55\n    victory_score: 150\n")],
        [("victory-unreachable", "victory_score: 150\n", 15)],
    ),
    Case(
        "milestone before the start",
        [("        planned: 2028-Q1", "        planned: 2025-Q3")],
        [("milestone-before-start", "2025-Q3", 0)],
    ),
    Case(
        "milestone after the end",
        [(MILESTONES_END, MILESTONES_END + "      - {id: extension, name: Extension, planned: 2035-Q1}\n")],
        [("milestone-after-end", "2035-Q1", 0)],
    ),
    Case(
        "milestone planned before what it requires",
        [("        planned: 2028-Q1", "        planned: 2031-Q1")],
        [("milestone-before-requirement", "core]", 0)],
    ),
    Case(
        "contribution whose milestone is after the end",
        [
            (MILESTONES_END, MILESTONES_END + "      - {id: extension, name: Extension, planned: 2035-Q1}\n"),
            (
                "        flies_on: first_crew\n        rewards: {crew_seats: 2",
                "        flies_on: extension\n        rewards: {crew_seats: 2",
            ),
        ],
        [("milestone-after-end", "2035-Q1", 0), ("contribution-flies-after-end", "extension\n", 0)],
    ),
    Case(
        "crewed milestone without seats",
        [("rewards: {crew_seats: 1,", "rewards: {"), ("rewards: {crew_seats: 2,", "rewards: {")],
        [("crew-without-seats", "crew: orbit\n", 6), ("objective-impossible", "crewed_orbit\n", 0)],
    ),
    Case(
        "capability area nothing uses",
        [("    name: Habitation\n", "    name: Habitation\n  - id: mining\n    name: Mining\n")],
        [("capability-unused", "mining", 0)],
    ),
    Case(
        "requirement above the top level",
        [("requires: {habitation: 3}", "requires: {habitation: 7}")],
        [("capability-out-of-reach", "7}", 0)],
    ),
    Case(
        "bloc with no agency",
        [("    name: Eastern partners\n", "    name: Eastern partners\n  - id: south\n    name: South\n")],
        [("bloc-unused", "south", 0)],
    ),
    Case(
        "relations that disagree",
        [("    policy: {funding: 2}", "    policy: {funding: 2}\n    relations: {my_agency: 10}")],
        [("relation-conflict", "my_agency: 10", 0)],
    ),
    Case(
        "mission that comes after itself",
        [("    cost: 250\n", "    cost: 250\n    after: orbiter\n")],
        [("mission-unreachable", "orbiter\n    build", 0)],
    ),
    Case(
        "research nothing can reach, and research that does nothing",
        [
            (
                "\nobjectives:",
                "\nresearch:\n"
                "  - {id: late, name: Late, area: robotics, cost: 10, turns: 2, when: year > 2041,"
                " unlocks: {levels: {robotics: 3}}}\n"
                "  - {id: after_late, name: After, area: robotics, cost: 10, turns: 1, requires: [late],"
                " unlocks: {levels: {robotics: 4}}}\n"
                "  - {id: long, name: Long, area: habitation, cost: 10, turns: 40,"
                " unlocks: {levels: {habitation: 2}}}\n"
                "  - {id: idle, name: Idle, area: habitation, cost: 10, turns: 1}\n"
                "objectives:",
            )
        ],
        [
            ("research-unreachable", "year > 2041", 0),
            ("research-unreachable", "requires: [late]", 0),
            ("research-unreachable", "40, unlocks", 0),
            ("research-unlocks-nothing", "idle, name", 0),
        ],
    ),
]


def _expected(text: str, case: Case) -> list[tuple[str, int, int]]:
    found = []
    for code, needle, offset, *occurrence in case.expected:
        found.append((code, *position(text, needle, offset, *(occurrence or [1]))))
    return sorted(found, key=lambda item: (item[1], item[2]))


def test_the_base_has_no_warning() -> None:
    result = load_scenario_bytes("base.yaml", BASE.encode(), search_dirs=[])
    assert result.scenario is not None and result.diagnostics == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_warning_at_its_line_and_column(case: Case) -> None:
    text = BASE
    for old, new in case.edits:
        text = edit(text, old, new)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert result.scenario is not None and not result.errors, [str(d) for d in result.errors]
    assert all(d.severity == "warning" and d.path == "s.yaml" for d in result.diagnostics)
    assert located(result.diagnostics) == _expected(text, case)


def test_every_warning_code_has_a_case() -> None:
    assert {code for case in CASES for code, *_ in case.expected} == set(WARNINGS)


def test_a_warning_reads_like_a_compiler_message() -> None:
    text = edit(BASE, CHOICE_CUT, CHOICE_CUT + "            set_flags: [cut_taken]\n")
    (warning,) = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[]).warnings
    line, column = position(text, "cut_taken")
    expected = "warning: flag 'cut_taken' is set but no condition reads it"
    assert str(warning) == f"s.yaml:{line}:{column}: {expected}"


def test_warnings_are_not_computed_for_a_scenario_with_errors() -> None:
    text = edit(BASE, "    bloc: east\n", "    bloc: north\n")
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert [d.code for d in result.diagnostics] == ["unknown-id"]


# ---------------------------------------------------------------- what "can never hold" means


def _facts(first: str = "2026-Q1", last: str = "2033-Q4", **kwargs) -> Facts:
    return Facts(
        first=parse_date(first), last=parse_date(last), start=parse_date("2026-Q1"), turn_months=3, **kwargs
    )


@pytest.mark.parametrize(
    ("condition", "possible"),
    [
        ("year >= 2034", False),
        ("year >= 2033", True),
        ("2020 < year < 2025", False),
        ("support * 2 > 250", False),
        ("support / 0 > 1", True),  # no claim about a division
        ("-support > 0", False),
        ("quarter == 5", False),
        ("turn > 31", False),
        ("turn >= 31", True),
        ('not flag("calm")', True),
        ('flag("calm")', False),
        ('flag("set")', True),
        ('player("nasa")', False),
        ('not player("esa")', False),  # the only playable agency
        ('flown("p.late")', False),
        ('flown("p.soon")', True),
        ("crewed_orbit", False),
        ("flights > 0", False),
        ("money > 1000000", True),
        ('health("p") > 100', False),
        ('relation("x") < -100', False),
        ('capability("robotics") > 5', False),
        ("year != 2030 or year == 2030", True),
        ("year == 2030 and year != 2030", True),  # cautious: parts are judged one by one
    ],
)
def test_can_hold_is_false_only_when_no_state_makes_it_true(condition: str, possible: bool) -> None:
    facts = _facts(
        flags_set={"set"},
        playable={"esa"},
        milestone_planned={"p.late": parse_date("2040-Q1"), "p.soon": parse_date("2030-Q1")},
    )
    assert can_hold(condition, facts) is possible


def test_condition_trees_combine_like_their_words() -> None:
    from game.format.models import ConditionTree

    facts = _facts()
    never = ConditionTree.model_validate({"all": ["year > 2020", "year > 2040"]})
    maybe = ConditionTree.model_validate({"any": ["year > 2040", "support > 50"]})
    always_false = ConditionTree.model_validate({"not": "year > 2020"})
    assert not can_hold(never, facts) and can_hold(maybe, facts) and not can_hold(always_false, facts)


def test_a_crewed_flight_is_possible_from_its_planned_date() -> None:
    planned = parse_date("2030-Q1")
    assert not can_hold("crewed_orbit", _facts(last="2029-Q4", crew_orbit_from=planned))
    assert can_hold("crewed_orbit", _facts(last="2030-Q1", crew_orbit_from=planned))
    assert not can_hold("crewed_surface", _facts(crew_orbit_from=planned))


def test_what_only_events_that_never_fire_provide_is_warned_about_down_the_chain() -> None:
    """The docs' promise for late starts: a flag only a dead event sets, the events gated on it,
    the follow-ups only they schedule, and what those set in turn, each said with its cause."""
    text = edit(BASE, "    after: 2027-Q1\n    before: 2027-Q4", "    after: 2020-Q1\n    before: 2020-Q4")
    text = edit(
        text,
        EVENTS_END,
        '  - id: relief\n    title: Relief\n    when: flag("defended")\n'
        "    effects: [{set_flags: [relieved], follow_up: [{event: echo}]}]\n"
        "  - id: echo\n    title: Echo\n    triggered_only: true\n"
        '  - id: thanks\n    title: Thanks\n    when: flag("relieved")\n' + EVENTS_END,
    )
    result = load_scenario_bytes("late.yaml", text.encode(), search_dirs=[])
    found = [(d.code, d.line, d.column, d.message) for d in result.warnings]
    budget = "event 'budget_review', which never fires"
    assert found == [
        (
            "event-outside-calendar",
            *position(text, "2020-Q4"),
            "event 'budget_review' never fires: its window (2020-Q1 to 2020-Q4) holds no turn of the "
            "calendar (2026-Q1 to 2033-Q4)",
        ),
        (
            "event-impossible",
            *position(text, 'flag("defended")\n    effects'),
            f"event 'relief' never fires: its condition reads flag 'defended' (set only by {budget})",
        ),
        (
            "flag-never-set",
            *position(text, 'flag("defended")\n    effects', 5),
            f"flag 'defended' is set only by {budget}, so it is always false",
        ),
        (
            "event-never-triggered",
            *position(text, "triggered_only: true", 16),
            "event 'echo' never fires: it is triggered_only, and only event 'relief' names it in a "
            "follow_up, but that event never fires",
        ),
        (
            "event-impossible",
            *position(text, 'flag("relieved")'),
            "event 'thanks' never fires: its condition reads flag 'relieved' (set only by event 'relief', "
            "which never fires)",
        ),
        (
            "flag-never-set",
            *position(text, 'flag("relieved")', 5),
            "flag 'relieved' is set only by event 'relief', which never fires, so it is always false",
        ),
        (
            "objective-impossible",
            *position(text, '      all:\n        - flag("defended")', 6),
            "objective 'steadfast' can never be reached: its condition cannot hold between 2026-Q1 and "
            "2033-Q4",
        ),
        (
            "flag-never-set",
            *position(text, 'flag("defended")', 5, 2),
            f"flag 'defended' is set only by {budget}, so it is always false",
        ),
    ]


def test_a_late_starting_variant_lists_what_its_passed_events_leave_behind(tmp_path: Path) -> None:
    """The docs' own example: a variant that starts after its base's crisis window."""
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    variant = "extends: base.yaml\nid: late\ncalendar: {start: 2028-Q1}\n"
    (tmp_path / "late.yaml").write_text(variant, encoding="utf-8")
    result = load_scenario(tmp_path / "late.yaml", search_dirs=[])
    assert not result.errors, result.errors
    codes = [(d.code, d.path.endswith("base.yaml")) for d in result.warnings]
    assert ("event-outside-calendar", True) in codes
    assert ("flag-never-set", True) in codes and ("objective-impossible", True) in codes


def test_a_variable_only_a_never_firing_event_sets_is_warned_about_with_its_gated_event() -> None:
    text = edit(BASE, "    after: 2027-Q1\n    before: 2027-Q4", "    after: 2020-Q1\n    before: 2020-Q4")
    text = edit(text, CHOICE_CUT, CHOICE_CUT + "            vars: [{name: cuts, add: 1}]\n")
    text = edit(
        text, EVENTS_END, '  - id: austerity\n    title: Austerity\n    when: var("cuts") > 0\n' + EVENTS_END
    )
    result = load_scenario_bytes("late.yaml", text.encode(), search_dirs=[])
    found = {(d.code, d.message) for d in result.warnings}
    budget = "event 'budget_review', which never fires"
    assert ("variable-never-set", f"variable 'cuts' is set only by {budget}, so it is always 0") in found
    assert (
        "event-impossible",
        f"event 'austerity' never fires: its condition reads variable 'cuts' (set only by {budget})",
    ) in found
