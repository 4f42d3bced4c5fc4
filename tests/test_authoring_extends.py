"""Variants: `extends:` merges a file onto its base by the documented rules, positions intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.format.extends import MAX_CHAIN
from game.format.loader import LoadResult, load_scenario, load_scenario_bytes
from game.format.models import Scenario
from tests.authoring_support import BASE, position

NO_SEARCH: list[Path] = []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    return tmp_path


def load(folder: Path, text: str, name: str = "v.yaml", search: list[Path] | None = NO_SEARCH) -> LoadResult:
    """Load ``text`` saved as ``name``; ``extends: ID`` searches ``search`` (None: the real folders)."""
    (folder / name).write_text(text, encoding="utf-8")
    return load_scenario(folder / name, search_dirs=search)


def scenario(folder: Path, body: str) -> Scenario:
    result = load(folder, "extends: base.yaml\nid: variant\n" + body)
    assert not result.errors, [str(d) for d in result.errors]
    assert result.scenario is not None
    return result.scenario


def base() -> Scenario:
    return load_scenario_bytes("base.yaml", BASE.encode(), search_dirs=[]).unwrap()


def test_scalars_override_and_everything_else_is_inherited(folder: Path) -> None:
    mine = scenario(folder, "title: Mine\ncalendar:\n  end: 2035-Q4\nvictory_score: 60\n")
    original = base()
    assert (mine.id, mine.title, mine.victory_score) == ("variant", "Mine", 60)
    assert mine.calendar.end == "2035-Q4" and mine.calendar.start == original.calendar.start
    assert mine.agencies == original.agencies and mine.events == original.events


def test_items_with_an_id_merge_by_id_key_by_key(folder: Path) -> None:
    mine = scenario(
        folder, "agencies:\n  - id: my_agency\n    budget: 700\n    capabilities: {habitation: 3}\n"
    )
    me = mine.agencies[0]
    assert me.budget == 700 and me.astronauts == 2 and me.name == "My Space Agency"
    assert me.capabilities == {"robotics": 2, "habitation": 3}  # a mapping merges key by key
    assert [a.id for a in mine.agencies] == [a.id for a in base().agencies]


def test_items_with_a_new_id_are_added_at_the_end(folder: Path) -> None:
    mine = scenario(
        folder, "agencies:\n  - {id: newcomer, name: Newcomer, short: NEW, bloc: east, budget: 10}\n"
    )
    assert [a.id for a in mine.agencies] == ["my_agency", "big_agency", "rival_agency", "newcomer"]


def test_remove_true_removes_an_inherited_item_at_any_depth(folder: Path) -> None:
    mine = scenario(
        folder,
        "events:\n  - id: budget_review\n    choices:\n      - {id: cut, remove: true}\n"
        "missions:\n  - {id: orbiter, remove: true}\n",
    )
    assert [c.id for c in mine.events[0].choices] == ["defend"]
    assert mine.missions == []


def test_nested_items_merge_by_id_too(folder: Path) -> None:
    mine = scenario(
        folder,
        "programmes:\n  - id: station\n    milestones:\n      - {id: first_crew, planned: 2031-Q1}\n"
        "    contributions:\n      - {id: arm, cost: 500, rewards: {prestige: 20}}\n",
    )
    station = mine.programmes[0]
    crew = station.milestones[1]
    assert (crew.planned, crew.requires, crew.crew) == ("2031-Q1", ["core"], "orbit")
    arm = station.contributions[0]
    assert arm.cost == 500 and arm.rewards.prestige == 20 and arm.rewards.crew_seats == 1


def test_lists_without_ids_replace_the_inherited_list(folder: Path) -> None:
    mine = scenario(
        folder,
        "programmes:\n  - id: station\n    on_join:\n      - support: 2\n"
        "events:\n  - id: budget_review\n    choices:\n      - id: cut\n        effects: [{support: -1}]\n",
    )
    (effect,) = mine.programmes[0].on_join
    assert effect.support == 2 and effect.relations == []
    (cut,) = mine.events[0].choices[1].effects
    assert (cut.support, cut.budget) == (-1, 0)


def test_null_drops_an_inherited_key(folder: Path) -> None:
    mine = scenario(
        folder,
        "events:\n  - {id: budget_review, before: null}\nagencies:\n  - id: my_agency\n"
        "    relations: {rival_agency: null}\n",
    )
    assert mine.events[0].before is None
    assert mine.agencies[0].relations == {"big_agency": 40}


def test_a_chain_of_variants_applies_nearest_last(folder: Path) -> None:
    (folder / "middle.yaml").write_text(
        "extends: base.yaml\nid: middle\ntitle: Middle\ncalendar: {end: 2034-Q4}\n", encoding="utf-8"
    )
    result = load(folder, "extends: middle\nid: top\ncalendar: {end: 2035-Q4}\n")
    assert result.scenario is not None and not result.errors
    assert (result.scenario.title, result.scenario.calendar.end) == ("Middle", "2035-Q4")
    assert result.bases == [str(folder / "middle.yaml"), str(folder / "base.yaml")]


def test_a_chain_longer_than_the_limit_is_refused(folder: Path) -> None:
    previous = "base.yaml"
    for index in range(MAX_CHAIN + 1):
        name = f"level{index}.yaml"
        (folder / name).write_text(f"extends: {previous}\nid: level{index}\n", encoding="utf-8")
        previous = name
    result = load(folder, f"extends: {previous}\nid: top\n")
    assert result.scenario is None
    assert any(f"more than {MAX_CHAIN} scenarios extend one another" in d.message for d in result.errors)


def test_a_cycle_is_reported_where_it_closes(folder: Path) -> None:
    (folder / "b.yaml").write_text("extends: a\nid: b\n", encoding="utf-8")
    result = load(folder, "extends: b.yaml\nid: a\n", name="a.yaml")
    assert [str(d) for d in result.diagnostics] == [
        f"{folder / 'a.yaml'}:1:10: error: cannot extend 'b.yaml': {folder / 'b.yaml'} has errors",
        f"{folder / 'b.yaml'}:1:10: error: scenarios extend each other in a cycle: "
        "a.yaml -> b.yaml -> a.yaml",
    ]


def test_a_file_that_extends_itself_is_a_cycle(folder: Path) -> None:
    result = load(folder, "extends: self\nid: self\n", name="self.yaml")
    assert [d.message for d in result.diagnostics] == [
        "scenarios extend each other in a cycle: self.yaml -> self.yaml"
    ]


def test_a_missing_base_by_id_or_by_path(folder: Path) -> None:
    by_id = load(folder, "extends: nowhere\nid: v\n")
    (problem,) = by_id.diagnostics
    assert (problem.code, problem.line, problem.column) == ("extends-missing", 1, 10)
    assert problem.message.startswith(f"no scenario with id 'nowhere' in {folder}")
    by_path = load(folder, "id: v\nextends: ../gone/base.yaml\n")
    (problem,) = by_path.diagnostics
    assert (problem.line, problem.column) == (2, 10)
    assert problem.message.startswith("no file '../gone/base.yaml'")


def test_extends_must_be_text(folder: Path) -> None:
    result = load(folder, "extends: [base.yaml]\nid: v\n")
    assert [(d.line, d.column, d.message) for d in result.diagnostics] == [
        (1, 10, "'extends' is a scenario id or a path relative to this file")
    ]


def test_by_id_the_own_folder_comes_first_then_the_search_folders(folder: Path, tmp_path_factory) -> None:
    library = tmp_path_factory.mktemp("library")
    (library / "shared.yaml").write_text(BASE.replace("id: lint_base", "id: shared"), encoding="utf-8")
    found = load(folder, "extends: shared\nid: v\n", search=[library])
    assert found.scenario is not None and found.bases == [str(library / "shared.yaml")]
    (folder / "local.yaml").write_text(
        BASE.replace("id: lint_base", "id: shared").replace('title: "Lint base"', "title: Local"),
        encoding="utf-8",
    )
    local = load(folder, "extends: shared\nid: v\n", search=[library])
    assert local.scenario is not None and local.scenario.title == "Local"


def test_a_variant_needs_its_own_id(folder: Path) -> None:
    missing = load(folder, "title: x\nextends: base.yaml\n")
    assert [(d.line, d.column, d.message) for d in missing.diagnostics] == [
        (2, 1, "a scenario that extends another needs its own 'id'")
    ]
    same = load(folder, "extends: base.yaml\nid: lint_base\n")
    assert [(d.line, d.column) for d in same.diagnostics] == [(2, 5)]
    assert "is the id of the scenario this one extends" in same.diagnostics[0].message


@pytest.mark.parametrize(
    ("body", "needle", "message"),
    [
        (
            "missions:\n  - {id: nothing, remove: true}\n",
            "nothing",
            "nothing to remove: no inherited mission 'nothing'",
        ),
        ("missions:\n  - {id: orbiter, remove: maybe}\n", "maybe", "'remove' is true or false"),
        (
            "missions:\n  - {id: orbiter, remove: true, cost: 5}\n",
            "cost",
            "an item with 'remove: true' takes only its 'id', not 'cost'",
        ),
    ],
)
def test_remove_mistakes_are_located(folder: Path, body: str, needle: str, message: str) -> None:
    text = "extends: base.yaml\nid: v\n" + body
    result = load(folder, text)
    assert [(d.code, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("extends-remove", *position(text, needle), message)
    ]


def test_remove_in_a_file_that_extends_nothing_says_why_it_is_unknown(folder: Path) -> None:
    text = BASE.replace("  - id: orbiter\n", "  - id: orbiter\n    remove: true\n")
    result = load(folder, text, name="plain.yaml")
    (error,) = result.errors
    assert (error.line, error.column) == position(text, "remove: true")
    assert "'remove: true' works only in a file that extends another" in error.message


def test_problems_point_into_the_file_that_holds_them(folder: Path) -> None:
    text = (
        "extends: base.yaml\nid: v\nagencies:\n  - {id: big_agency, remove: true}\n  - id: mine\n"
        "    name: Mine\n    short: M\n    bloc: nowhere\n    budget: 1\n"
    )
    result = load(folder, text)
    located = sorted((Path(d.path).name, d.line, d.column) for d in result.errors)
    assert located == sorted(
        [
            ("base.yaml", *position(BASE, "big_agency: 40")),  # what the base says of the removed agency
            ("base.yaml", *position(BASE, "big_agency: -30")),
            ("base.yaml", *position(BASE, "big_agency]")),
            ("v.yaml", *position(text, "nowhere")),  # what the variant says
        ]
    )
    assert {d.message.split(";")[0] for d in result.errors} == {
        "unknown agency 'big_agency'",
        "unknown bloc 'nowhere'",
    }


def test_warnings_of_a_variant_point_into_its_base(folder: Path) -> None:
    result = load(folder, "extends: base.yaml\nid: v\ncalendar: {start: 2028-Q1}\n")
    assert result.scenario is not None
    assert [(Path(d.path).name, d.code, d.line) for d in result.warnings] == [
        ("base.yaml", "event-outside-calendar", position(BASE, "before: 2027-Q4")[0]),
        # the flag only that event sets, and the objective that needs it: in the base too
        ("base.yaml", "objective-impossible", position(BASE, '      all:\n        - flag("defended")')[0]),
        ("base.yaml", "flag-never-set", position(BASE, 'flag("defended")')[0]),
    ]


def test_a_variant_of_a_shipped_scenario_by_id(tmp_path: Path) -> None:
    result = load(tmp_path, "extends: default_2021\nid: mine\ntitle: Mine\n", search=None)
    assert not result.errors and result.scenario is not None
    assert result.scenario.title == "Mine" and len(result.scenario.agencies) > 10
    assert Path(result.bases[0]).name == "default-2021.yaml"


@pytest.mark.parametrize(
    "body",
    [
        # an inherited id twice: the second was added as a new, incomplete item ("missing 'title'")
        "events:\n  - {id: budget_review, chance: 0.3}\n  - {id: budget_review, chance: 0.4}\n",
        "events:\n  - {id: fresh, title: A}\n  - {id: fresh, title: B}\n",
        "programmes:\n  - id: station\n    milestones:\n"
        "      - {id: core, name: X}\n      - {id: core, name: Y}\n",
    ],
    ids=["inherited", "new", "nested"],
)
def test_a_duplicate_id_in_a_variants_list_is_reported_as_a_duplicate(folder: Path, body: str) -> None:
    text = "extends: base.yaml\nid: variant\n" + body
    result = load(folder, text)
    (error,) = result.errors
    duplicated = body.split("{id: ")[2].split(",")[0]
    first_line = position(text, f"{{id: {duplicated},")[0]
    assert error.code == "duplicate-id" and (error.line, error.column) == position(
        text, duplicated, occurrence=2
    )
    assert (
        error.message.startswith("duplicate ")
        and f" id '{duplicated}' (first defined on line {first_line})" in error.message
    )
