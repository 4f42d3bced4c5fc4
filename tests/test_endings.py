"""A scenario's own endings: victories and defeats by a condition, with their title and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.compiled import compile_scenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.queries import ending_of
from game.engine.snapshot import state_from_data, state_to_data
from game.engine.texts import EndingText
from game.format.loader import load_scenario, load_scenario_bytes
from game.format.translations import scenario_texts
from game.i18n import keep_sources, set_language, tr, use_scenario
from tests.authoring_support import BASE, position
from tests.helpers import MINI_TEXT, compiled_from, play_turns

ENDINGS = """endings:
  - id: calm_victory
    when: flag("calm") and year >= 2022
    outcome: won
    title: Calm carries the day
    text: Your steady hand wins the Moon's friends.
    after: 2022-Q3
  - id: broke
    when: money < -5000
    outcome: lost
    title: Bankrupt
"""


def with_endings(endings: str = ENDINGS) -> Game:
    return Game.new(compiled_from(MINI_TEXT + endings), "esa", 1)


def test_the_first_ending_that_holds_ends_the_campaign_with_its_title_and_text() -> None:
    game = with_endings()
    play_turns(game, 40)  # answer_all picks 'calm': the flag is set in 2021
    assert game.over and game.state.outcome == "won"
    assert game.state.ending == "calm_victory"
    assert game.state.outcome_reason == "Calm carries the day"
    assert game.date == "2022-Q3"  # not before its 'after', and at once from then on
    told = [item.text for item in game.reports[-1].news if item.kind == "outcome"]
    assert told == ["Campaign won: Calm carries the day — Your steady hand wins the Moon's friends."]


def test_an_ending_is_checked_from_its_date_only() -> None:
    game = with_endings(ENDINGS.replace("after: 2022-Q3", "after: 2023-Q2"))
    play_turns(game, 40)
    assert game.state.ending == "calm_victory" and game.date == "2023-Q2"


def test_support_and_insolvency_come_first() -> None:
    game = with_endings(ENDINGS.replace('flag("calm") and year >= 2022', "year >= 2021"))
    game.state.me.support = 5
    assert game.end_turn().ok
    assert game.state.outcome == "lost" and game.state.ending == ""
    assert "support collapsed" in game.state.outcome_reason


def test_a_lost_ending_and_no_text() -> None:
    game = with_endings(ENDINGS.replace("money < -5000", "money < 1000000"))  # always broke
    play_turns(game, 1)
    assert game.state.outcome == "lost" and game.state.ending == "broke"
    told = [item.text for item in game.reports[-1].news if item.kind == "outcome"]
    assert told == ["Campaign lost: Bankrupt"]


def test_the_ending_is_saved_and_a_campaign_without_one_saves_as_before() -> None:
    game = with_endings()
    play_turns(game, 40)
    data = state_to_data(game.state)
    assert data["ending"] == "calm_victory"
    assert state_from_data(data).ending == "calm_victory"
    plain = Game.new(compiled_from(MINI_TEXT), "esa", 1)
    play_turns(plain, 3)
    data = state_to_data(plain.state)
    assert "ending" not in data  # saves and hashes of scenarios without endings are unchanged
    assert state_from_data(data).ending == ""
    assert state_hash(state_from_data(data)) == state_hash(plain.state)


def test_endings_are_deterministic_and_draw_nothing() -> None:
    cs_plain = compiled_from(MINI_TEXT)
    cs_never = compiled_from(MINI_TEXT + ENDINGS.replace("after: 2022-Q3", "after: 2040-Q1"))
    games = [Game(cs, "esa", 5) for cs in (cs_plain, cs_never)]
    for game in games:
        play_turns(game, 8)
    assert games[0].state.rng.getstate() == games[1].state.rng.getstate()
    assert state_hash(games[0]) == state_hash(games[1])  # an ending that never holds changes nothing


def test_an_endings_title_and_text_are_templates_like_an_events() -> None:
    """'{player_short}' and '{var:...}' are the campaign's, in the news and the debrief's query."""
    templated = ENDINGS.replace(
        "title: Calm carries the day", "title: '{A player_short} carries the day'"
    ).replace("text: Your steady hand wins the Moon's friends.", "text: 'Calm after {var:storms} storms.'")
    result = load_scenario_bytes("s.yaml", (MINI_TEXT + templated).encode(), search_dirs=[])
    assert result.errors == []
    game = Game.new(compile_scenario(result.unwrap()), "esa", 1)
    game.state.variables["storms"] = 3
    play_turns(game, 40)
    assert game.state.ending == "calm_victory"
    assert game.state.outcome_reason == "An ESA carries the day"
    told = [item.text for item in game.reports[-1].news if item.kind == "outcome"]
    assert told == ["Campaign won: An ESA carries the day — Calm after 3 storms."]
    assert ending_of(game.state, game.compiled) == EndingText(
        "calm_victory", "An ESA carries the day", "Calm after 3 storms."
    )


@pytest.mark.parametrize(
    ("placeholder", "code", "message"),
    [
        ("{agency:nassa}", "template", "unknown agency 'nassa'"),
        ("{happening_agency}", "hook", "only in an event with 'on:'"),
        ("{plyer}", "template", "did you mean 'player'?"),
    ],
)
def test_a_bad_placeholder_in_an_ending_is_a_located_error(placeholder: str, code: str, message: str) -> None:
    text = ending(f"  - {{id: e, when: money > 1, outcome: won, title: T, text: 'Won by {placeholder}'}}\n")
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert [(d.code, d.line, d.column) for d in result.errors] == [(code, *position(text, placeholder))]
    assert message in result.errors[0].message


def test_an_endings_title_and_text_are_translated_in_the_news(tmp_path: Path) -> None:
    """Both are scenario texts with keys of their own, so the scenario's .po translates them."""
    path = tmp_path / "endings.yaml"
    path.write_text(MINI_TEXT + ENDINGS, encoding="utf-8")
    texts = scenario_texts(load_scenario(path).scenario)
    assert texts["endings.calm_victory.title"] == "Calm carries the day"
    assert texts["endings.calm_victory.text"] == "Your steady hand wins the Moon's friends."
    entries = [
        ("endings.calm_victory.title", "Calm carries the day", "Спокойствие побеждает"),
        (
            "endings.calm_victory.text",
            "Your steady hand wins the Moon's friends.",
            "Твёрдая рука приносит друзей.",
        ),
    ]
    path.with_name("endings.ru.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        + "".join(f'msgctxt "{key}"\nmsgid "{en}"\nmsgstr "{ru}"\n\n' for key, en, ru in entries),
        encoding="utf-8",
    )
    set_language("ru")
    keep_sources(True)  # as while a face shows the game
    try:
        assert use_scenario([path]) == []
        game = with_endings()
        play_turns(game, 40)
        [told] = [item.text for item in game.reports[-1].news if item.kind == "outcome"]
        assert told == "Campaign won: Calm carries the day — Your steady hand wins the Moon's friends."
        assert tr(told) == "Кампания выиграна: Спокойствие побеждает — Твёрдая рука приносит друзей."
    finally:
        keep_sources(False)
        set_language("en")


# ---------------------------------------------------------------- bad input, located


def ending(body: str) -> str:
    return BASE + "endings:\n" + body


@pytest.mark.parametrize(
    ("body", "code", "needle", "words"),
    [
        ("  - {id: e, when: money - 10, outcome: won, title: T}\n", "expression", "money - 10", "condition"),
        (
            "  - {id: e, when: money > 10, outcome: draw, title: T}\n",
            "invalid-value",
            "draw",
            "'won' or 'lost'",
        ),
        ("  - {id: e, when: money > 10, title: T}\n", "missing-key", "{id: e", "outcome"),
        ("  - {id: e, outcome: won, title: T}\n", "missing-key", "{id: e", "when"),
        (
            "  - {id: e, when: money > 10, outcome: won, title: T, after: 2027}\n",
            "invalid-value",
            "2027}",
            "",
        ),
        (
            '  - {id: e, when: member("statoin"), outcome: won, title: T}\n',
            "unknown-id",
            '"statoin"',
            "station",
        ),
        ("  - {id: e, when: money > 1, outcome: won, titel: T}\n", "unknown-key", "titel", "title"),
        (
            "  - {id: e, when: money > 1, outcome: won, title: T}\n"
            "  - {id: e, when: money > 2, outcome: lost, title: U}\n",
            "duplicate-id",
            "e, when: money > 2",
            "ending",
        ),
    ],
    ids=[
        "a number as the condition",
        "an outcome that is neither",
        "no outcome",
        "no condition",
        "a bad date",
        "an unknown programme",
        "a misspelt key",
        "two endings with one id",
    ],
)
def test_bad_endings_are_located_errors(body: str, code: str, needle: str, words: str) -> None:
    text = ending(body)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    found = {(d.code, d.line, d.column): d.message for d in result.errors}
    assert (code, *position(text, needle)) in found, found
    assert words in found[code, *position(text, needle)]


def test_an_ending_that_cannot_happen_is_a_warning() -> None:
    text = ending("  - {id: e, when: year >= 2040, outcome: won, title: T}\n")
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("ending-impossible", *position(text, "year >= 2040"))
    ]
    late = ending("  - {id: e, when: money > 1, outcome: won, title: T, after: 2040-Q1}\n")
    (warning,) = load_scenario_bytes("s.yaml", late.encode(), search_dirs=[]).diagnostics
    assert warning.code == "ending-impossible" and "after the calendar ends" in warning.message
    fine = ending('  - {id: e, when: flag("defended") and year >= 2030, outcome: won, title: T}\n')
    assert load_scenario_bytes("s.yaml", fine.encode(), search_dirs=[]).diagnostics == []
