"""Templates in scenario texts: parsing (errors at their column), rendering, and articles that read right."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from game.engine.actions import Action
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.engine.goals import goals_view
from game.engine.queries import choice_effects
from game.engine.texts import ANSWERS, event_text, render_text
from game.format.loader import load_scenario, load_scenario_bytes
from game.format.text_templates import (
    PLACEHOLDERS,
    Placeholder,
    Rendered,
    TemplateError,
    parse_template,
    render,
)
from game.format.translations import check_translations
from game.format.words import indefinite
from game.i18n import set_language, tr, use_scenario
from tests.authoring_support import position
from tests.helpers import MINI_TEXT, compiled_from

#: How each name is spoken decides its article: letter by letter, as a word, or by exception.
ARTICLES = [
    ("ESA", "an"),  # "ee-ess-ay"
    ("ISRO", "an"),
    ("EGSA", "an"),
    ("MBRSC", "an"),  # "em-bee-..."
    ("SSA", "an"),  # "ess-ess-ay"
    ("LSA", "an"),
    ("FKA", "an"),
    ("HKSA", "an"),
    ("RKA", "an"),
    ("NSAU", "an"),
    ("OSA", "an"),
    ("XSA", "an"),
    ("AEB", "an"),  # read letter by letter from a vowel
    ("ASA", "an"),
    ("NASA", "a"),  # read as a word
    ("JAXA", "a"),
    ("KASA", "a"),
    ("SANSA", "a"),
    ("TUA", "a"),
    ("CNSA", "a"),  # "see-en-..."
    ("CSA", "a"),
    ("GISTDA", "a"),
    ("UAE", "a"),  # "you-ay-ee"
    ("UKSA", "a"),
    ("Roscosmos", "a"),
    ("European Space Agency", "a"),  # "you-"
    ("Indian Space Research Organisation", "an"),
    ("Israel Space Agency", "an"),
    ("Artemis", "an"),
    ("Gateway", "a"),
    ("United Kingdom", "a"),
    ("hour", "an"),
    ("one-off", "a"),
]


@pytest.mark.parametrize(("word", "article"), ARTICLES)
def test_the_article_goes_by_sound(word: str, article: str) -> None:
    assert indefinite(word) == article


NAMES = {"player": "European Space Agency", "player_short": "ESA", "agency_short": "NASA"}


def answer(placeholder: Placeholder) -> tuple[str, str]:
    return NAMES[placeholder.name], ""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("{a player_short} astronaut", "An ESA astronaut"),
        ("Today {a player_short} astronaut flew.", "Today an ESA astronaut flew."),
        ("It flew. {a player_short} astronaut was aboard.", "It flew. An ESA astronaut was aboard."),
        ("Aboard:\n{an player_short} astronaut", "Aboard:\nAn ESA astronaut"),
        ("With {A agency_short:nasa} crew", "With A NASA crew"),
        ("With {a agency_short:nasa} crew", "With a NASA crew"),
        ("{player} ({player_short})", "European Space Agency (ESA)"),
        ("Sets {{braces}} aside", "Sets {braces} aside"),
        ("No placeholder at all", "No placeholder at all"),
    ],
)
def test_rendering(text: str, shown: str) -> None:
    assert render(text, answer) == shown


def test_a_translation_of_the_template_renders_with_the_same_answers() -> None:
    shown = render("{a player_short} astronaut for {agency_short:nasa}", answer)
    assert shown == "An ESA astronaut for NASA" and isinstance(shown, Rendered)
    assert shown.source == "{a player_short} astronaut for {agency_short:nasa}"
    assert shown.again("Астронавт {player_short} для {agency_short:nasa}") == "Астронавт ESA для NASA"
    assert shown.again("Астронавт {player}") == "An ESA astronaut for NASA"  # not in the source: English
    assert shown.again("Астронавт {player_short") == "An ESA astronaut for NASA"  # broken: English
    assert pickle.loads(pickle.dumps(shown)).again("{player_short}!") == "ESA!"


def test_an_article_of_the_data_wins_over_the_rule() -> None:
    assert render("{a player_short} pilot", lambda p: ("FAA", "an")) == "An FAA pilot"
    assert render("with {a player_short} pilot", lambda p: ("FAA", "an")) == "with an FAA pilot"


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("Hello {playr}", 6, "unknown placeholder 'playr'; did you mean 'player'?"),
        ("Hello {player", 6, "a '{' without its '}': write '{{' for a brace itself"),
        ("Hello player}", 12, "a '}' without its '{': write '}}' for a brace itself"),
        ("Hello {}", 6, "empty braces"),
        ("Hello {player.short}", 6, "'{player.short}' is not a placeholder"),
        ("Hello {agency}", 6, "{agency} needs an agency id after a colon"),
        ("Hello {player:esa}", 6, "{player} takes no id"),
        ("Hello {a var:x}", 6, "an article goes before a name, but {var} is a number"),
        ("{a {player}}", 0, "a '{' without its '}'"),
    ],
)
def test_each_bad_placeholder_is_an_error_at_its_column(text: str, column: int, message: str) -> None:
    with pytest.raises(TemplateError) as raised:
        parse_template(text)
    assert raised.value.column == column
    assert message in raised.value.message


# ---------------------------------------------------------------- in a campaign


def templated(events: str, *replacements: tuple[str, str]) -> CompiledScenario:
    text = MINI_TEXT.replace(
        "admission: {min_relation: 20}", "admission: {min_relation: 20, base_chance: 1}", 1
    )
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return compiled_from(text.replace("objectives:\n", events + "objectives:\n", 1))


def test_every_placeholder_has_its_answer_in_the_engine() -> None:
    assert set(ANSWERS) == set(PLACEHOLDERS)


def test_the_news_names_the_player_as_the_event_fires() -> None:
    cs = templated(
        "  - id: hello\n    title: '{a player_short} astronaut for {programme_short:gateway}'\n"
        "    after: 2021-Q2\n"
    )
    esa, jaxa = Game(cs, "esa", 1), Game(cs, "jaxa", 1)
    for game in (esa, jaxa):
        game.end_turn()
    assert "An ESA astronaut for Gateway" in [n.text for n in esa.reports[0].news]
    assert "A JAXA astronaut for Gateway" in [n.text for n in jaxa.reports[0].news]


def test_a_hooked_events_dialog_and_answer_name_the_happening() -> None:
    cs = templated(
        "  - id: welcome\n"
        "    title: '{happening_agency_short} joins {happening_programme_short}'\n"
        "    text: '{a happening_agency_short} module for {programme:gateway}."
        " {a agency_short:nasa} welcome.'\n"
        "    on: {happening: agency_joined}\n"
        "    choices:\n"
        "      - id: ok\n"
        "        label: 'Thank {happening_agency}'\n"
        "        text: 'Relations with {happening_agency_short} improve'\n"
        "        effects: [{relations: [{agency: $agency, of: nasa, delta: 1}]}]\n"
    )
    game = Game(cs, "esa", 1)
    assert game.act(Action("apply", "gateway", "arm")).ok
    report = game.end_turn().report
    assert report is not None and "ESA joins Gateway" in [n.text for n in report.opened()]
    pending = game.state.pending[0]
    shown = event_text(game.state, cs, pending)
    assert shown.title == "ESA joins Gateway"
    assert shown.text == "An ESA module for Lunar Gateway. A NASA welcome."
    assert [(c.label, c.text) for c in shown.choices] == [
        ("Thank European Space Agency", "Relations with ESA improve")
    ]
    assert choice_effects(game.state, cs, "welcome", pending.happening) == {"ok": ["relations with NASA +1"]}
    offer = next(o for o in game.options() if o.action.kind == "answer")
    assert offer.label == "ESA joins Gateway: Thank European Space Agency"
    assert game.check(Action("invest", "robotics")) == "answer 'ESA joins Gateway' first"
    assert game.act(offer.action).ok
    assert "ESA joins Gateway: Thank European Space Agency" in [n.text for n in game.state.news]


def test_an_agencys_own_article_wins_over_the_rule() -> None:
    cs = templated(
        "  - id: hello\n    title: '{a player_short} crew'\n    after: 2021-Q2\n",
        ("    short: ESA\n", "    short: ESA\n    short_article: a\n"),
    )
    game = Game(cs, "esa", 1)
    game.end_turn()
    assert "A ESA crew" in [n.text for n in game.reports[0].news]  # the author's word, even a wrong one


def test_a_text_without_braces_is_shown_as_written(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", 1)
    assert render_text(game.state, mini, "Plain: no braces", None) == "Plain: no braces"


# ---------------------------------------------------------------- located errors

TEMPLATE_ERRORS = [
    (
        "    title: 'Hello {playr}'\n",
        "{playr}",
        "template",
        "unknown placeholder 'playr'; did you mean 'player'?",
    ),
    ("    title: 'Hello {agency:nassa}'\n", "{agency:nassa}", "template", "unknown agency 'nassa'"),
    (
        "    title: T\n    text: '{programme_short:gatway} news'\n",
        "{programme_short",
        "template",
        "did you mean 'gateway'?",
    ),
    ("    title: 'Hi {player'\n", "{player'", "template", "a '{' without its '}'"),
    ("    title: '{happening_agency} joins'\n", "{happening_agency}", "hook", "only in an event with 'on:'"),
    (
        "    title: '{happening_programme} slips'\n    on: {happening: mission_flew}\n",
        "{happening_programme}",
        "hook",
        "this event's happening has only agency, mission",
    ),
    (
        "    title: T\n    choices:\n      - {id: a, label: 'Call {player.short}'}\n",
        "{player.short}",
        "template",
        "'{player.short}' is not a placeholder",
    ),
]


@pytest.mark.parametrize(("body", "needle", "code", "message"), TEMPLATE_ERRORS)
def test_each_bad_template_is_a_located_error(body: str, needle: str, code: str, message: str) -> None:
    text = MINI_TEXT.replace("objectives:\n", "  - id: templated\n" + body + "objectives:\n", 1)
    result = load_scenario_bytes("s.yaml", text.encode())
    found = [(d.code, d.line, d.column, d.message) for d in result.errors]
    assert [f[:3] for f in found] == [(code, *position(text, needle))], found
    assert message in found[0][3]


def test_a_translated_template_is_rendered_with_the_campaigns_names(tmp_path: Path) -> None:
    """The translation is looked up by the template, then rendered: translators keep the placeholders."""
    title = "{a player_short} crew for {programme_short:gateway}"
    path = tmp_path / "mini.yaml"
    path.write_text(
        MINI_TEXT.replace(
            "objectives:\n", f"  - id: crew\n    title: '{title}'\n    after: 2021-Q2\nobjectives:\n"
        ),
        encoding="utf-8",
    )
    (tmp_path / "mini.ru.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        f'msgid "{title}"\nmsgstr "Экипаж {{player_short}} для {{programme_short:gateway}}"\n',
        encoding="utf-8",
    )
    game = Game(compile_scenario(load_scenario(path).unwrap()), "esa", 1)
    game.end_turn()
    shown = next(item.text for item in game.reports[0].news if item.kind == "event")
    assert shown == "An ESA crew for Gateway"  # what the news and the saves hold: the English
    set_language("ru")
    try:
        assert use_scenario([path]) == []
        assert tr(shown) == "Экипаж ESA для Gateway"
    finally:
        set_language("en")
    assert tr(shown) == "An ESA crew for Gateway"


def test_a_short_article_that_is_no_article_is_a_located_error() -> None:
    text = MINI_TEXT.replace("    short: ESA\n", "    short: ESA\n    short_article: the\n", 1)
    result = load_scenario_bytes("s.yaml", text.encode())
    found = [(d.code, d.line, d.column) for d in result.errors]
    assert found == [("invalid-value", *position(text, "the\n"))]
    assert "'a'" in result.errors[0].message and "'an'" in result.errors[0].message


# ---------------------------------------------------------------- objectives

OBJECTIVE = (
    "  - id: hello\n"
    "    name: '{player_short} keeps {var:score} points'\n"
    "    short: '{player_short} ok'\n"
    "    description: 'Keep {agency_short:nasa} on side'\n"
    "    when: year >= 2021\n"
    "    points: 5\n"
)


def test_an_objectives_texts_name_the_player_in_the_news_the_dashboard_and_the_debrief() -> None:
    text = MINI_TEXT.replace("victory_score: 30", "victory_score: 30\nvariables: {score: 3}")
    text = text.replace("objectives:\n", "objectives:\n" + OBJECTIVE, 1)
    result = load_scenario_bytes("s.yaml", text.encode())
    assert result.errors == []
    assert not [
        d for d in result.warnings if d.code.startswith("variable")
    ]  # read by the name: no 'never read'
    cs = compile_scenario(result.unwrap())
    game = Game(cs, "jaxa", 1)
    game.end_turn()
    assert "Objective reached: JAXA keeps 3 points" in [n.text for n in game.reports[0].news]
    view = next(v for v in goals_view(game.state, cs).objectives if v.id == "hello")
    assert (view.name, view.short, view.description) == (
        "JAXA keeps 3 points",
        "JAXA ok",
        "Keep NASA on side",
    )
    assert next(row.name for row in game.breakdown() if row.id == "hello") == "JAXA keeps 3 points"


@pytest.mark.parametrize(
    ("placeholder", "code", "message"),
    [
        ("{agency:nassa}", "template", "unknown agency 'nassa'"),
        ("{happening_agency}", "hook", "only in an event with 'on:'"),
        ("{plyer}", "template", "did you mean 'player'?"),
    ],
)
def test_a_bad_placeholder_in_an_objective_is_a_located_error(
    placeholder: str, code: str, message: str
) -> None:
    text = MINI_TEXT.replace(
        "    name: Astronaut in lunar orbit\n", f"    name: 'Orbit for {placeholder}'\n", 1
    )
    result = load_scenario_bytes("s.yaml", text.encode())
    found = [(d.code, d.line, d.column) for d in result.errors]
    assert found == [(code, *position(text, placeholder))]
    assert message in result.errors[0].message


# ---------------------------------------------------------------- the linter


def test_a_text_reading_a_variable_no_effect_sets_is_a_warning_at_its_placeholder() -> None:
    text = MINI_TEXT.replace(
        "    text: Something happens.\n", "    text: 'Something happens: {var:strikes} strikes.'\n"
    )
    result = load_scenario_bytes("s.yaml", text.encode())
    assert result.errors == []
    found = [(d.code, d.line, d.column, d.message) for d in result.warnings if d.code.startswith("variable")]
    assert [f[:3] for f in found] == [("variable-never-set", *position(text, "{var:strikes}"))]
    assert "variable 'strikes' is never set" in found[0][3]


def test_a_placeholder_on_a_later_line_of_a_text_is_located_at_the_text() -> None:
    text = MINI_TEXT.replace(
        "    text: Something happens.\n", '    text: "Something happens.\\nNow {var:strikes} strikes."\n'
    )
    result = load_scenario_bytes("s.yaml", text.encode())
    found = [(d.code, d.line, d.column) for d in result.warnings if d.code.startswith("variable")]
    assert found == [("variable-never-set", *position(text, '"Something'))]


def test_a_variable_set_by_an_effect_and_shown_by_a_text_is_neither_unset_nor_unread() -> None:
    text = MINI_TEXT.replace(
        "        effects: [{support: 5, set_flags: [calm]}]\n",
        "        effects: [{support: 5, set_flags: [calm], vars: [{name: strikes, add: 1}]}]\n",
    ).replace("    title: Aftermath\n", "    title: 'Aftermath of {var:strikes} strikes'\n")
    result = load_scenario_bytes("s.yaml", text.encode())
    assert result.errors == []
    assert not [d for d in result.warnings if d.code.startswith("variable")]


# ---------------------------------------------------------------- translations


@pytest.mark.parametrize(
    ("translation", "kept"),
    [
        ("Экипаж {player_short} для {programme_short:gateway}", True),  # the article is the translator's
        ("{A player_short} для {programme_short:gateway}", True),
        ("Экипаж {player_short} для {programme_short:ilrs}", False),  # another programme
        ("Экипаж для {programme_short:gateway}", False),  # the player dropped
        ("Экипаж {player} для {programme_short:gateway}", False),  # another placeholder
        ("Экипаж {player_short для {programme_short:gateway}", False),  # broken braces
    ],
)
def test_the_validator_reports_a_translation_that_changes_the_placeholders(
    tmp_path: Path, translation: str, kept: bool
) -> None:
    title = "{a player_short} crew for {programme_short:gateway}"
    path = tmp_path / "mini.yaml"
    path.write_text(
        MINI_TEXT.replace(
            "objectives:\n", f"  - id: crew\n    title: '{title}'\n    after: 2021-Q2\nobjectives:\n"
        ),
        encoding="utf-8",
    )
    (tmp_path / "mini.ru.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        f'msgid "{title}"\nmsgstr "{translation}"\n',
        encoding="utf-8",
    )
    [report] = check_translations(path, load_scenario(path).unwrap())
    assert (report.placeholders == []) is kept, report.placeholders
    if not kept:
        assert report.placeholders == ["events.crew.title"]
