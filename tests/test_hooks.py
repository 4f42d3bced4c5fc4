"""Events hooked on what happens (``on:``): each kind of happening, its filters and details, no loops."""

from __future__ import annotations

import pytest

from game.engine.actions import END_TURN, Action
from game.engine.actions.registry import kinds
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.engine.snapshot import state_from_data, state_to_data
from game.format.happenings import HAPPENINGS, PLAYER_ACTIONS
from game.format.loader import load_scenario_bytes
from tests.authoring_support import position
from tests.helpers import MINI_TEXT, compiled_from, play_turns

CERTAIN_JOIN = "admission: {min_relation: 20, base_chance: 1}"


def with_events(events: str, *replacements: tuple[str, str]) -> CompiledScenario:
    """The mini scenario with ``events`` (YAML list items) added and some text replaced."""
    text = MINI_TEXT.replace("admission: {min_relation: 20}", CERTAIN_JOIN, 1)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return compiled_from(text.replace("objectives:\n", events.rstrip("\n") + "\nobjectives:\n", 1))


def hooked(name: str, on: str, more: str = "") -> str:
    """A repeating news event hooked on ``on`` that sets the flag ``name`` when it fires."""
    lines = [
        f"  - id: {name}",
        f"    title: {name.replace('_', ' ').capitalize()}",
        f"    on: {on}",
        "    repeat: true",
        "    cooldown: 1",
        f"    effects: [{{set_flags: [{name}]}}]",
    ]
    return "\n".join(lines) + ("\n" + more if more else "") + "\n"


def titles(game: Game) -> list[str]:
    return [item.text for report in game.reports for item in report.news if item.kind == "event"]


def turn_of_first(game: Game, title: str) -> int | None:
    """The number of the turn whose report first holds the event ``title`` (1 = the first turn played)."""
    for number, report in enumerate(game.reports, start=1):
        if any(item.kind == "event" and item.text == title for item in report.news):
            return number
    return None


# ---------------------------------------------------------------- each kind of happening


def test_joining_fires_at_the_next_opening_with_the_joiner_in_scope() -> None:
    cs = with_events(
        hooked(
            "welcome",
            "{happening: agency_joined, programme: gateway}",
            '    when: happening_agency("esa")\n'
            "    choices:\n"
            "      - id: thanks\n"
            "        label: Thank them\n"
            "        effects: [{relations: [{agency: $agency, of: cnsa, delta: 7}]}]",
        )
    )
    game = Game(cs, "esa", 1)
    assert game.act(Action("apply", "gateway", "arm")).ok
    report = game.end_turn().report
    assert report is not None
    assert [item.text for item in report.opened() if item.kind == "event"] == ["Welcome"]
    assert "welcome" in game.state.flags
    pending = game.state.pending[0]
    assert pending.happening is not None and pending.happening.agency == "esa"
    before = game.state.relation("esa", "cnsa")
    assert game.act(Action("answer", str(pending.uid), "thanks")).ok
    assert game.state.relation("esa", "cnsa") == before + 7  # $agency: the joiner, ESA


def test_a_filter_on_another_agency_does_not_fire() -> None:
    cs = with_events(hooked("jaxa_joins", "{happening: agency_joined, agency: jaxa, programme: ilrs}"))
    game = Game(cs, "esa", 1)
    assert game.act(Action("apply", "gateway", "arm")).ok
    play_turns(game, 2)
    assert "jaxa_joins" not in game.state.flags


def test_leaving_fires() -> None:
    cs = with_events(hooked("gone", "{happening: agency_left, agency: esa}"))
    game = Game(cs, "esa", 1)
    assert game.act(Action("apply", "gateway", "arm")).ok
    play_turns(game, 1)
    assert game.act(Action("withdraw", "gateway")).ok
    assert "gone" not in game.state.flags  # not at once: at the next opening
    play_turns(game, 1)
    assert "gone" in game.state.flags


def test_a_milestone_that_flies_fires_with_its_milestone_in_scope() -> None:
    cs = with_events(
        hooked(
            "core_up",
            "{happening: milestone_flew, programme: gateway}",
            '    when: happening_milestone("gateway.core")',
        )
        + hooked("lander_up", "{happening: milestone_flew, milestone: ilrs.lander}")
    )
    game = Game(cs, "esa", 1)
    play_turns(game, 4)  # 2021-Q1 .. Q4: the core flies in 2022-Q1
    assert "core_up" not in game.state.flags
    play_turns(game, 1)
    assert "core_up" in game.state.flags and "lander_up" not in game.state.flags
    play_turns(game, 2)
    assert "lander_up" in game.state.flags


def test_a_slip_fires_in_the_same_opening_as_the_event_that_caused_it() -> None:
    cs = with_events(
        "  - id: delay\n    title: Delay\n    after: 2021-Q2\n"
        "    effects: [{slip: [{programme: gateway, turns: 1}]}]\n"
        + hooked("slipped", "{happening: milestone_slipped, milestone: core, programme: gateway}")
    )
    game = Game(cs, "esa", 1)
    report = game.end_turn().report
    assert report is not None
    assert [item.text for item in report.opened() if item.kind == "event"] == ["Delay", "Slipped"]


def test_a_failed_milestone_fires() -> None:
    cs = with_events(
        hooked("lost", "{happening: milestone_failed, programme: ilrs}"),
        (
            "{id: lander, name: Robotic lander, planned: 2022-Q3, success: 1}",
            "{id: lander, name: Robotic lander, planned: 2022-Q3, success: 0, attempts: 1}",
        ),
    )
    game = Game(cs, "esa", 1)
    play_turns(game, 8)
    assert (
        turn_of_first(game, "Lost") == 7
    )  # the lander fails in 2022-Q3, the 7th turn; the news opens the 8th


@pytest.mark.parametrize(("success", "flag"), [(1, "flew"), (0, "failed")])
def test_a_national_mission_fires_on_success_or_failure(success: int, flag: str) -> None:
    cs = with_events(
        hooked("flew", "{happening: mission_flew, mission: cubesat}")
        + hooked("failed", "{happening: mission_failed, agency: esa}"),
        ("    success: 1\n    science: 5", f"    success: {success}\n    science: 5"),
    )
    game = Game(cs, "esa", 1)
    assert game.act(Action("mission", "cubesat")).ok
    play_turns(game, 3)
    assert flag in game.state.flags
    assert ({"flew", "failed"} - {flag}).isdisjoint(game.state.flags)


def test_a_delivery_fires_with_the_builder_and_the_contribution() -> None:
    cs = with_events(
        hooked(
            "delivered",
            "{happening: contribution_delivered, contribution: gateway.arm}",
            '    when: happening_agency("esa") and happening_contribution("gateway.arm")',
        )
    )
    game = Game(cs, "esa", 1)
    assert game.act(Action("apply", "gateway", "arm")).ok
    play_turns(game, 3)  # the arm's 4 turns of building start with the turn of applying
    assert "delivered" not in game.state.flags
    play_turns(game, 1)
    assert "delivered" in game.state.flags


def test_a_year_fires_on_its_first_turn_including_the_first_one() -> None:
    cs = with_events(
        hooked("new_year", "{happening: year_began}")
        + hooked("in_2022", "{happening: year_began, year: 2022}")
    )
    game = Game(cs, "esa", 1)
    assert "new_year" in game.state.flags and "in_2022" not in game.state.flags  # 2021, at the start
    play_turns(game, 4)
    assert "in_2022" in game.state.flags
    assert titles(game).count("New year") == 2  # 2021's (in the first turn's news) and 2022's


def test_a_players_action_of_a_kind_fires_with_its_target_in_scope() -> None:
    cs = with_events(
        hooked("invested", "{happening: player_acted, action: invest}")
        + hooked(
            "courted",
            "{happening: player_acted, action: diplomacy}",
            "    effects: [{set_flags: [courted], relations: [{agency: $agency, delta: 1}]}]",
        ).replace("    effects: [{set_flags: [courted]}]\n", "")
    )
    game = Game(cs, "esa", 1)
    assert game.act(Action("invest", "robotics")).ok
    assert game.act(Action("diplomacy", "jaxa")).ok
    before = game.state.relation("esa", "jaxa")
    play_turns(game, 1)
    assert {"invested", "courted"} <= game.state.flags
    assert game.state.relation("esa", "jaxa") == pytest.approx(before + 1)


def test_ending_the_turn_is_not_a_players_action_of_any_kind() -> None:
    cs = with_events(hooked("acted", "{happening: player_acted}"))
    game = Game(cs, "esa", 1)
    play_turns(game, 2)  # no event to answer before 2021-Q3
    assert "acted" not in game.state.flags
    play_turns(game, 1)  # the crisis is answered: that is an action
    assert "acted" in game.state.flags


def test_the_declared_player_actions_are_the_registrys_but_ending_the_turn() -> None:
    assert set(PLAYER_ACTIONS) == set(kinds()) - {END_TURN.kind}


# ---------------------------------------------------------------- order, bounds, saves, cost


def test_an_event_that_causes_its_own_happening_fires_once_per_opening() -> None:
    cs = with_events(
        "  - id: start\n    title: Start\n    after: 2021-Q2\n"
        "    effects: [{slip: [{programme: gateway, turns: 1}]}]\n"
        + hooked(
            "again",
            "{happening: milestone_slipped}",
            "    effects: [{set_flags: [again],"
            " slip: [{programme: gateway, turns: 1}, {programme: ilrs, turns: 1}]}]",
        ).replace("    effects: [{set_flags: [again]}]\n", "")
    )
    game = Game(cs, "esa", 1)
    play_turns(game, 6)
    per_turn = [sum(1 for item in r.news if item.text == "Again") for r in game.reports]
    assert per_turn == [1, 1, 1, 1, 1, 1]  # each opening once, though each firing slips two milestones
    assert len(game.state.happenings) == 2  # the last firing's slips wait for the next opening


def test_hooked_events_are_never_polled_and_keep_their_window() -> None:
    cs = with_events(hooked("late", "{happening: year_began}", "    after: 2023-Q1"))
    game = Game(cs, "esa", 1)
    play_turns(game, 7)  # to 2022-Q4: 2022's year began before the window opened
    assert "late" not in game.state.flags
    play_turns(game, 1)  # 2023-Q1
    assert "late" in game.state.flags


def test_waiting_happenings_and_a_pending_events_happening_survive_a_save() -> None:
    cs = with_events(
        hooked(
            "welcome",
            "{happening: agency_joined}",
            "    choices:\n      - id: ok\n        label: OK\n"
            "        effects: [{relations: [{agency: $agency, of: jaxa, delta: 3}]}]",
        )
        + hooked("acted", "{happening: player_acted}")
    )
    game = Game(cs, "esa", 1)
    assert game.act(Action("apply", "gateway", "arm")).ok
    game.end_turn()
    restored = state_from_data(state_to_data(game.state))
    assert restored.pending == game.state.pending
    assert restored.pending[0].happening is not None
    assert game.act(Action("invest", "robotics")).ok is False  # the event waits for its answer
    assert game.act(Action("answer", str(game.state.pending[0].uid), "ok")).ok
    assert game.act(Action("invest", "robotics")).ok
    assert [h.action for h in game.state.happenings] == ["answer", "invest"]
    restored = state_from_data(state_to_data(game.state))
    assert restored.happenings == game.state.happenings


def test_a_scenario_without_hooks_records_nothing_and_saves_no_new_key(mini: CompiledScenario) -> None:
    assert mini.hooked_kinds == frozenset() and mini.hooks == {}
    game = Game(mini, "esa", 1)
    assert game.act(Action("apply", "gateway", "arm")).ok
    play_turns(game, 6)
    data = state_to_data(game.state)
    assert game.state.happenings == [] and "happenings" not in data and "happening" not in data
    assert all("happening" not in pending for pending in data["pending"])


def test_only_the_kinds_some_event_is_hooked_on_are_recorded() -> None:
    cs = with_events(hooked("new_year", "{happening: year_began}"))
    assert cs.hooked_kinds == {"year_began"}
    game = Game(cs, "esa", 1)
    assert game.act(Action("invest", "robotics")).ok
    assert game.state.happenings == []


def test_every_kind_of_happening_is_documented_with_its_details() -> None:
    assert all(kind.doc and kind.details for kind in HAPPENINGS.values())


# ---------------------------------------------------------------- located errors

EVENT = "  - id: hooked\n    title: Hooked\n"


def errors_of(events: str) -> tuple[list[tuple[str, int, int, str]], str]:
    text = MINI_TEXT.replace("objectives:\n", events + "objectives:\n", 1)
    result = load_scenario_bytes("s.yaml", text.encode())
    assert result.errors, "no error"
    assert all("Traceback" not in d.message and "\n" not in d.message for d in result.errors)
    return [(d.code, d.line, d.column, d.message) for d in result.errors], text


ERROR_CASES = [
    (
        "an unknown happening",
        "    on: {happening: milestone_flown}\n",
        "milestone_flown}",
        "unknown-id",
        "unknown happening 'milestone_flown'; did you mean 'milestone_flew'?",
    ),
    (
        "a filter its happening does not have",
        "    on: {happening: year_began, agency: esa}\n",
        "agency: esa",
        "hook",
        "'year_began' has no agency: its details are year",
    ),
    (
        "an unknown agency in a filter",
        "    on: {happening: agency_joined, agency: jaxxa}\n",
        "jaxxa",
        "unknown-id",
        "unknown agency 'jaxxa'; did you mean 'jaxa'?",
    ),
    (
        "an unknown programme in a filter",
        "    on: {happening: agency_left, programme: gatewey}\n",
        "gatewey",
        "unknown-id",
        "did you mean 'gateway'?",
    ),
    (
        "a milestone without its programme",
        "    on: {happening: milestone_flew, milestone: core}\n",
        "core}",
        "hook",
        "write the milestone as 'programme.core', or give the 'programme' too",
    ),
    (
        "an unknown milestone",
        "    on: {happening: milestone_slipped, milestone: gateway.cor}\n",
        "gateway.cor}",
        "unknown-id",
        "did you mean 'gateway.core'?",
    ),
    (
        "a milestone of another programme",
        "    on: {happening: milestone_failed, programme: ilrs, milestone: gateway.core}\n",
        "gateway.core}",
        "hook",
        "'gateway.core' is not a milestone of 'ilrs'",
    ),
    (
        "an unknown contribution",
        "    on: {happening: contribution_delivered, programme: gateway, contribution: armm}\n",
        "armm",
        "unknown-id",
        "did you mean 'gateway.arm'?",
    ),
    (
        "an unknown mission",
        "    on: {happening: mission_flew, mission: cubesatt}\n",
        "cubesatt",
        "unknown-id",
        "did you mean 'cubesat'?",
    ),
    (
        "an unknown action",
        "    on: {happening: player_acted, action: fnud}\n",
        "fnud",
        "unknown-id",
        "unknown action of the player 'fnud'; did you mean 'fund'?",
    ),
    (
        "a year out of range",
        "    on: {happening: year_began, year: 20222}\n",
        "20222",
        "invalid-value",
        "year is 20222, but it must be a whole number from 0 to 9999",
    ),
    (
        "a hooked event that is also triggered_only",
        "    on: {happening: year_began}\n    triggered_only: true\n",
        "triggered_only: true",
        "hook",
        "'triggered_only' is for follow-ups",
    ),
    (
        "a detail read outside a hooked event",
        '    when: happening_agency("esa")\n',
        '"esa")',  # at the id it compares with
        "hook",
        "happening_agency() reads the agency of the happening an event answers",
    ),
    (
        "a detail its happening does not have",
        '    on: {happening: year_began}\n    when: happening_programme("gateway")\n',
        '"gateway")',
        "hook",
        "this event's happening has only year",
    ),
    (
        "$agency outside a hooked event",
        "    effects: [{relations: [{agency: $agency, delta: 1}]}]\n",
        "$agency",
        "hook",
        "'$agency' reads the agency of the happening",
    ),
    (
        "$programme where its happening has none",
        "    on: {happening: mission_failed}\n"
        "    effects: [{health: [{programme: $programme, delta: -1}]}]\n",
        "$programme",
        "hook",
        "this event's happening has only agency, mission",
    ),
    (
        "$programme in an agency's place",
        "    on: {happening: agency_joined}\n"
        "    effects: [{join: [{agency: $programme, programme: $programme}]}]\n",
        "$programme,",
        "hook",
        "'$programme' names a programme, not an agency",
    ),
]


@pytest.mark.parametrize(
    ("body", "needle", "code", "message"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_each_bad_hook_is_a_located_error(body: str, needle: str, code: str, message: str) -> None:
    found, text = errors_of(EVENT + body)
    line, column = position(text, needle, occurrence=text[: text.index(EVENT)].count(needle) + 1)
    assert [(c, li, co) for c, li, co, _ in found] == [(code, line, column)], found
    assert message in found[0][3]


def test_a_hooked_event_cannot_be_a_follow_up() -> None:
    found, text = errors_of(
        EVENT + "    on: {happening: year_began}\n"
        "  - id: caller\n    title: Caller\n    effects: [{follow_up: [{event: hooked}]}]\n"
    )
    assert [(c, li, co) for c, li, co, _ in found] == [("hook", *position(text, "hooked}]"))]
    assert "fires on its happening ('on:'), never as a follow-up" in found[0][3]
