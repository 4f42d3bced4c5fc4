"""Timed modifiers: an effect that lasts some turns, or until a condition holds, and is then undone."""

from __future__ import annotations

import re

import pytest

from game.engine import modifiers
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.queries import choice_effects, modifier_views
from game.engine.snapshot import SnapshotError, state_from_data, state_to_data
from game.format.loader import load_scenario_bytes
from game.format.models import RelationChange
from tests.helpers import MINI_TEXT, answer_all, mini_with

EVENTS = "events:\n"


def with_events(events: str) -> CompiledScenario:
    """The mini scenario with ``events`` (YAML list items) first among its events."""
    return mini_with(EVENTS, EVENTS + events)


STRIKE = """  - id: strike
    title: A strike
    after: 2021-Q2
    before: 2021-Q2
    effects:
      - modifier: strike
        duration: 3
        budget: -20
        relations: [{agency: nasa, delta: 50}, {agency: nasa, of: cnsa, delta: 5}]
        health: [{programme: gateway, delta: -30}]
        capability: [{area: robotics, delta: 1}]
        set_flags: [striking]
        clear_flags: [calm]
        per_turn: {money: -5, support: -1}
"""


def play(game: Game, turns: int) -> list[str]:
    """End ``turns`` turns (answering the first choice); the news of each, flattened."""
    news = []
    for _ in range(turns):
        answer_all(game)
        outcome = game.end_turn()
        assert outcome.ok and outcome.report is not None
        news.extend(item.text for item in outcome.report.news)
    return news


def test_a_modifier_applies_what_it_holds_and_undoes_exactly_what_it_changed() -> None:
    game = Game(with_events(STRIKE), "esa", 1)
    state, me = game.state, game.state.me
    state.flags.add("calm")
    before = (state.relation("esa", "nasa"), me.capabilities["robotics"], me.budget_modifier)
    play(game, 1)  # the strike starts as turn 2 opens (2021-Q2)
    assert [(m.name, m.turns_left) for m in state.modifiers] == [("strike", 3)]
    assert me.budget_modifier == -20
    assert state.relation("esa", "nasa") == 100  # 60 + 50, clamped: only 40 was really added
    assert me.capabilities["robotics"] == before[1] + 1
    assert "striking" in state.flags and "calm" not in state.flags
    news = play(game, 3)
    assert state.modifiers == []
    assert (state.relation("esa", "nasa"), me.capabilities["robotics"], me.budget_modifier) == before
    assert "striking" not in state.flags and "calm" in state.flags
    assert "Strike ended (A strike)" in news


def test_ending_undoes_exactly_what_starting_changed_clamps_included() -> None:
    cs = with_events(STRIKE)
    state = cs.new_state("esa", 1)
    state.relations["cnsa"]["nasa"] = state.relations["nasa"]["cnsa"] = -98.0
    state.flags.add("striking")  # already set: it stays set when the modifier ends
    state.me.capabilities["robotics"] = 5  # at capability_max: +1 changes nothing
    effect = (
        cs.events["strike"]
        .model.effects[0]
        .model_copy(update={"relations": [RelationChange(agency="nasa", of="cnsa", delta=-5)]})
    )
    modifiers.start(state, cs, effect, "test", "esa")
    (modifier,) = state.modifiers
    assert modifier.relations == [("cnsa", "nasa", -2.0)]
    assert modifier.capabilities == {} and modifier.flags_set == []
    state.relations["cnsa"]["nasa"] = state.relations["nasa"]["cnsa"] = -100.0
    modifiers.end(state, cs, modifier)
    assert state.relation("cnsa", "nasa") == -98.0
    assert "striking" in state.flags and state.me.capabilities["robotics"] == 5
    assert state.me.budget_modifier == 0


def test_the_health_it_took_comes_back_as_the_inverse_of_what_was_taken() -> None:
    game = Game(with_events(STRIKE), "esa", 1)
    play(game, 1)
    gateway = game.state.programmes["gateway"]
    modifier = game.state.modifiers[0]
    assert modifier.health == {"gateway": pytest.approx(-30)}
    gateway.health = 50.0
    play(game, 3)  # the turn steps move health too; undone by adding back the 30
    assert modifier.health["gateway"] == pytest.approx(-30)


def test_per_turn_amounts_are_paid_every_turn_it_lasts_and_no_longer() -> None:
    game = Game(with_events(STRIKE), "esa", 1)
    play(game, 1)
    paid = []
    for _ in range(5):
        answer_all(game)
        outcome = game.end_turn()
        assert outcome.report is not None
        paid.append(
            sum(c.delta for c in outcome.report.changes if c.stat == "money" and c.reason == "Strike")
        )
    assert paid == [-5000, -5000, -5000, 0, 0]  # k$: three turns of -5 M$


def test_until_ends_it_at_the_end_of_the_first_turn_its_condition_holds() -> None:
    cs = with_events(
        """  - id: embargo
    title: An embargo
    after: 2021-Q2
    before: 2021-Q2
    effects:
      - {modifier: embargo, until: 'flag("calm")', relations: [{agency: nasa, delta: -20}]}
"""
    )
    game = Game(cs, "esa", 1)
    play(game, 1)
    assert game.state.relation("esa", "nasa") == 40
    play(game, 1)  # 2021-Q2: still no calm
    assert [m.name for m in game.state.modifiers] == ["embargo"]
    assert game.state.modifiers[0].turns_left is None
    news = play(game, 1)  # 2021-Q3: the crisis fires, stay calm is chosen as 2021-Q4 opens
    news += play(game, 1)
    assert game.state.modifiers == []
    assert game.state.relation("esa", "nasa") == 60
    assert "Embargo ended (An embargo)" in news


def test_duration_and_until_together_end_it_at_whichever_comes_first() -> None:
    cs = with_events(
        """  - id: boom
    title: A boom
    after: 2021-Q2
    before: 2021-Q2
    effects: [{modifier: boom, duration: 10, until: 'turn >= 3', budget: 10}]
"""
    )
    game = Game(cs, "esa", 1)
    play(game, 1)
    assert game.state.me.budget_modifier == 10
    play(game, 2)
    assert game.state.modifiers and game.state.turn == 3
    play(game, 1)
    assert game.state.modifiers == [] and game.state.me.budget_modifier == 0


REPEATED = """  - id: strike
    title: A strike
    after: 2021-Q2
    repeat: true
    cooldown: 1
    effects: [{modifier: strike, duration: 3, budget: -20}]
"""


def test_the_same_modifier_again_refreshes_it_and_does_not_stack() -> None:
    game = Game(with_events(REPEATED), "esa", 1)
    play(game, 2)  # fired as turns 2 and 3 open
    assert [(m.name, m.turns_left) for m in game.state.modifiers] == [("strike", 3)]
    assert game.state.me.budget_modifier == -20  # not -40


def test_modifier_reads_whether_it_is_under_way() -> None:
    cs = with_events(
        STRIKE
        + """  - id: talks
    title: Talks
    when: modifier("strike")
    effects: [{prestige: 1}]
"""
    )
    game = Game(cs, "esa", 1)
    assert "talks" not in game.state.fired
    play(game, 1)
    assert "talks" in game.state.fired


def test_a_save_keeps_it_and_a_state_without_one_has_no_trace_of_it() -> None:
    game = Game(with_events(STRIKE), "esa", 1)
    assert "modifiers" not in state_to_data(game.state)  # the hash of a campaign without them is unchanged
    play(game, 1)
    data = state_to_data(game.state)
    assert data["modifiers"][0]["name"] == "strike"
    back = state_from_data(data)
    assert back.modifiers == game.state.modifiers
    assert state_hash(back) == state_hash(game.state)
    old = state_to_data(Game(with_events(STRIKE), "esa", 1).state)
    assert state_from_data(old).modifiers == []  # a save from before modifiers existed


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("turns_left", "x", "state.modifiers[0].turns_left: expected"),
        ("relations", [["esa", "nasa"]], "state.modifiers[0].relations[0]: expected a list of 3 items"),
        ("budget", None, "state.modifiers[0].budget: expected a number"),
    ],
)
def test_a_damaged_modifier_in_a_save_is_an_error_with_its_path(key: str, value: object, says: str) -> None:
    game = Game(with_events(STRIKE), "esa", 1)
    play(game, 1)
    data = state_to_data(game.state)
    data["modifiers"][0][key] = value
    with pytest.raises(SnapshotError, match=re.escape(says)):
        state_from_data(data)


def test_a_replay_of_the_actions_reaches_the_same_state() -> None:
    cs = with_events(STRIKE)
    game = Game(cs, "esa", 4)
    play(game, 3)
    again = Game(cs, "esa", 4)
    for action in game.log:
        assert again.act(action).ok
    assert state_hash(again) == state_hash(game)


def test_a_copy_is_independent() -> None:
    game = Game(with_events(STRIKE), "esa", 1)
    play(game, 1)
    twin = game.state.copy()
    twin.modifiers[0].turns_left = 1
    twin.modifiers[0].relations.clear()
    assert game.state.modifiers[0].turns_left == 3
    assert game.state.modifiers[0].relations


def test_the_dashboard_view_names_it_its_source_and_its_turns() -> None:
    game = Game(with_events(STRIKE), "esa", 1)
    play(game, 1)
    (view,) = modifier_views(game.state, game.compiled)
    assert (view.title, view.source, view.timing) == ("Strike", "A strike", "3 turns left")
    assert view.parts == [
        "budget -20%",
        "⇄NASA +40",
        "⇄CNSA–NASA +5",
        "Gateway health -30",
        "Robotics +1",
        "-5 M$/turn",
        "support -1/turn",
    ]


def test_a_choice_says_how_long_its_modifier_lasts() -> None:
    cs = mini_with(
        "        effects: [{support: 5, set_flags: [calm]}]",
        "        effects: [{support: 5, set_flags: [calm]}, "
        "{modifier: calm, until: 'year >= 2023', duration: 4, budget: 5, per_turn: {science: 1}, "
        "relations: [{agency: nasa, delta: 3}]}]",
    )
    game = Game(cs, "esa", 1)
    play(game, 2)
    (pending,) = game.state.pending
    lines = choice_effects(game.state, cs, pending.event)["calm"]
    assert lines == [
        "support +5",
        "science +1 a turn for up to 4 turns or until year >= 2023",
        "next budgets +5% for up to 4 turns or until year >= 2023",
        "relations with NASA +3 for up to 4 turns or until year >= 2023",
    ]
    assert game.act(Action("answer", str(pending.uid), "calm")).ok
    assert game.state.modifiers[0].source == "A crisis: Stay calm"


# ---------------------------------------------------------------- bad input


def errors(old: str, new: str) -> list[tuple[int, int, str, str]]:
    text = MINI_TEXT.replace(old, new, 1)
    assert text != MINI_TEXT
    result = load_scenario_bytes("m.yaml", text.encode())
    return [(d.line, d.column, d.code, d.message) for d in result.errors]


CALM = "        effects: [{support: 5, set_flags: [calm]}]"
CALM_LINE = MINI_TEXT.splitlines().index(CALM) + 1


def column(text: str, needle: str) -> int:
    return text.index(needle) + 1


@pytest.mark.parametrize(
    ("effect", "needle", "says"),
    [
        ("{duration: 2, budget: 5}", "duration", "'duration' belongs to a timed modifier"),
        ("{until: 'year > 2022', budget: 5}", "until", "'until' belongs to a timed modifier"),
        ("{per_turn: {money: 1}}", "per_turn", "'per_turn' belongs to a timed modifier"),
        ("{modifier: calm, budget: 5}", "calm", "needs 'duration' (turns) or 'until'"),
        ("{modifier: calm, duration: 2, money: 5}", "money", "use 'per_turn: {money: ...}'"),
        ("{modifier: calm, duration: 2, support: 5}", "support", "use 'per_turn: {support: ...}'"),
        (
            "{modifier: calm, duration: 2, slip: [{programme: gateway, turns: 1}]}",
            "slip",
            "an effect of its own",
        ),
        ("{modifier: calm, duration: 2, follow_up: [{event: aftermath}]}", "follow_up", "cannot be undone"),
    ],
)
def test_a_timed_effect_that_cannot_work_is_a_located_error(effect: str, needle: str, says: str) -> None:
    line = f"        effects: [{effect}]"
    found = errors(CALM, line)
    assert len(found) == 1, found
    assert found[0][:3] == (CALM_LINE, column(line, needle), "timed-effect")
    assert says in found[0][3]


@pytest.mark.parametrize(
    ("effect", "needle", "code"),
    [
        ("{modifier: calm, duration: 0}", "0}", "invalid-value"),
        ("{modifier: calm, duration: 201}", "201", "invalid-value"),
        ("{modifier: Calm!, duration: 2}", "Calm!", "invalid-value"),
        ("{modifier: calm, until: 'year =>2022'}", "=>", "expression"),
        ("{modifier: calm, until: 'money - 10'}", "money", "expression"),
        ('{modifier: calm, until: \'modifier("x", "y")\'}', "modifier(", "expression"),
        ("{modifier: calm, duration: 2, per_turn: {cash: 1}}", "cash", "unknown-key"),
        ("{modifier: calm, duration: 2, per_turn: {money: .inf}}", ".inf", "invalid-value"),
    ],
)
def test_bad_values_of_the_new_keys_are_located_errors(effect: str, needle: str, code: str) -> None:
    line = f"        effects: [{effect}]"
    found = errors(CALM, line)
    assert found, line
    assert found[0][0] == CALM_LINE
    assert found[0][2] == code
    assert found[0][1] >= column(line, "{modifier")
    assert "Traceback" not in found[0][3]


def test_reading_a_modifier_nothing_starts_is_a_warning() -> None:
    text = MINI_TEXT.replace(
        "    after: 2021-Q3\n", '    after: 2021-Q3\n    when: not modifier("strik")\n', 1
    )
    result = load_scenario_bytes("m.yaml", text.encode())
    assert result.errors == []
    base = load_scenario_bytes("m.yaml", MINI_TEXT.encode()).warnings
    (new,) = [d for d in result.warnings if d.code not in {b.code for b in base}]
    assert (new.code, new.column) == ("modifier-never-started", len("    when: not modifier(") + 1)
    assert "modifier 'strik' is never started" in new.message


def test_a_modifier_on_another_agency_is_undone_there() -> None:
    cs = with_events(
        """  - id: nasa_cuts
    title: NASA's budget is cut
    after: 2021-Q2
    before: 2021-Q2
    effects:
      - {modifier: cuts, agency: nasa, duration: 2, budget: -15, relations: [{agency: player, delta: -4}]}
"""
    )
    game = Game(cs, "esa", 1)
    before = game.state.relation("esa", "nasa")
    play(game, 1)
    (modifier,) = game.state.modifiers
    assert (modifier.agency, modifier.relations) == ("nasa", [("nasa", "esa", -4.0)])
    assert game.state.agencies["nasa"].budget_modifier == -15
    assert modifier_views(game.state, cs) == []  # not the player's: not on its dashboard
    play(game, 2)
    assert game.state.modifiers == [] and game.state.agencies["nasa"].budget_modifier == 0
    assert game.state.relation("esa", "nasa") == before


def test_a_modifiers_name_is_a_text_of_the_scenario_its_translation_says(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The name is an id ('strike'), shown as 'Strike': it was English in every language."""
    from game.format.translations import scenario_texts, write_translation
    from game.i18n import keep_sources, set_language, tr, use_scenario
    from game.i18n.catalogues import entries

    path = tmp_path / "strike.yaml"
    path.write_text(MINI_TEXT.replace(EVENTS, EVENTS + STRIKE, 1), encoding="utf-8")
    from game.format.loader import load_scenario

    scenario = load_scenario(path).unwrap()
    assert scenario_texts(scenario)["modifiers.strike"] == "Strike"
    catalogue = write_translation(path, scenario, "ru")  # what `validate --translate ru` writes
    assert [e.source for e in entries(catalogue) if e.context == "modifiers.strike"] == ["Strike"]
    text = catalogue.read_text(encoding="utf-8").replace(
        'msgctxt "modifiers.strike"\nmsgid "Strike"\nmsgstr ""',
        'msgctxt "modifiers.strike"\nmsgid "Strike"\nmsgstr "Забастовка"',
    )
    catalogue.write_text(text, encoding="utf-8")
    set_language("ru")
    keep_sources(True)
    try:
        assert use_scenario([path]) == []
        game = Game(with_events(STRIKE), "esa", 1)
        news = play(game, 1)
        [view] = modifier_views(game.state, game.compiled)
        assert tr(view.title) == "Забастовка"
        news = play(game, 3)
        ended = next(item for item in news if item.startswith("Strike ended"))
        assert tr(ended).startswith("Забастовка")
    finally:
        keep_sources(False)
        set_language("en")
