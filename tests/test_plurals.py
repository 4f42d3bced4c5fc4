"""Counted phrases ("1 turn", "3 turns") take the language's own plural form, and every message can be
translated: Russian has three plural forms (1 ход, 2 хода, 5 ходов), which a 'turn(s)' written into the
English could never give, and an f-string never reaches the catalogue at all."""

from __future__ import annotations

import pickle
import re

import pytest

from game.engine.actions import Action
from game.engine.game import Game
from game.i18n import Text, keep_sources, msgn, tr
from game.i18n.catalogues import interface_catalogue, read_catalogue
from game.i18n.tools import extract

#: An English plural written for every count at once: '(s)', '(es)', 'time(s)'.
PARENTHESISED = re.compile(r"\w\((s|es)\)")


def test_no_interface_message_counts_with_a_parenthesised_plural() -> None:
    found = [message.id for message in extract() if message.id]
    written = [
        m for m in found for text in (m if isinstance(m, tuple) else (m,)) if PARENTHESISED.search(text)
    ]
    assert written == [], "count with ngettext (faces) or msgn (engine) instead"


def test_every_counted_message_has_three_russian_forms() -> None:
    counted = [
        message for message in read_catalogue(interface_catalogue("ru")) if isinstance(message.id, tuple)
    ]
    assert len(counted) > 30  # the turns, seats, astronauts, projects and months of the whole game
    assert all(len(message.string) == 3 and all(message.string) for message in counted)


def test_a_counted_engine_sentence_is_english_in_both_forms() -> None:
    for kept in (False, True):
        keep_sources(kept)
        assert msgn("{turns} turn", "{turns} turns", 1, turns=1) == "1 turn"
        assert msgn("{turns} turn", "{turns} turns", 3, turns=3) == "3 turns"
    sentence = msgn("for {turns} turn", "for {turns} turns", 2, turns=2)
    assert isinstance(sentence, Text)
    again = pickle.loads(pickle.dumps(sentence))  # the simulator's workers send them back
    assert (again, again.plural, again.count) == ("for 2 turns", "for {turns} turns", 2)


@pytest.mark.parametrize(
    ("count", "russian_text"), [(1, "на 1 ход"), (3, "на 3 хода"), (5, "на 5 ходов"), (21, "на 21 ход")]
)
def test_a_counted_engine_sentence_takes_the_russian_form(
    russian: None, count: int, russian_text: str
) -> None:
    assert tr(msgn("for {turns} turn", "for {turns} turns", count, turns=count)) == russian_text


def test_the_research_offer_and_its_news_count_turns_in_russian(russian: None) -> None:
    from tests.test_research import game_with

    game = game_with()  # arm control takes 2 turns
    [effect] = [tr(o.effect) for o in game.options() if o.action == Action("research", "arm_control")]
    assert effect.startswith("2 хода; открывает: ")
    assert game.act(Action("research", "arm_control")).ok
    assert tr(game.state.news[-1].text) == "Начато исследование: Arm control software, 40 M$ за 2 хода"


def test_the_corps_summary_counts_in_russian(russian: None) -> None:
    from game.engine.corps_view import corps_view
    from game.tui.screens.corps import summary
    from tests.test_corps import corps_scenario

    game = Game(corps_scenario(), "esa", 1)
    view = corps_view(game.state, game.compiled)
    assert view is not None
    text = summary(view).plain
    assert sum(1 for row in view.rows if row.status == "active") == 3
    assert text.startswith("3 действующих астронавта · ")
    assert "(s)" not in text and "ходов: " not in text


def test_no_message_is_an_f_string_the_catalogue_cannot_hold(capfd: pytest.CaptureFixture[str]) -> None:
    """An f-string in ``_()``, ``msg()`` or a key's description is English for every language:
    the extraction skips it (the event's 'Choice {n}', the dashboard's 'Card {n}', the graded
    objective's share were such)."""
    extract()
    skipped = [line for line in capfd.readouterr().err.splitlines() if "Skipping f-string" in line]
    assert skipped == []


def test_a_modifiers_timing_and_a_slip_count_in_russian(russian: None) -> None:
    from game.engine.effect_words import modifier_timing
    from game.engine.queries import ModifierView

    assert tr(modifier_timing(3, None)) == "на 3 хода"
    assert tr(modifier_timing(1, "flag")) == "не дольше 1 хода или пока не flag"
    assert tr(ModifierView("Strike", "a strike", 5, "", []).timing) == "осталось 5 ходов"
    assert modifier_timing(1, None) == "for 1 turn"  # the English as before
