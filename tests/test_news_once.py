"""The news says a thing once: a slip or an overrun caused by the event just told leaves out the
cause it would repeat, and an event answered under the same date is announced by its answer alone."""

from __future__ import annotations

import pytest

from game.engine import events, ledger, programmes
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.engine.queries import dated_news
from game.format.loader import load_scenario
from game.i18n import msg, tr
from game.paths import default_scenario


@pytest.fixture(scope="module")
def default() -> CompiledScenario:
    return compile_scenario(load_scenario(default_scenario()).unwrap())


def texts(game: Game) -> list[str]:
    return [item.text for item in game.state.news]


def test_a_slip_caused_by_the_event_just_told_does_not_say_its_cause_again(default: CompiledScenario) -> None:
    game = Game(default, "esa", 7)
    game.state.news.clear()
    events.fire(game.state, default, "artemis_i_delay")  # 'Artemis I slips to 2022': a slip of 3 turns
    news = texts(game)
    assert news[0] == "Artemis I slips to 2022"
    assert news[1].startswith("Artemis I uncrewed test flight slips to 2022-Q") and "(" not in news[1]
    assert sum("Artemis I slips to 2022" in line for line in news) == 1


def test_a_slip_and_an_overrun_of_an_untold_cause_say_it(default: CompiledScenario) -> None:
    game = Game(default, "esa", 7)
    game.state.news.clear()
    programmes.slip(game.state, default, "gateway", None, 1, "schedule pressure")
    programmes.overrun(game.state, default, "gateway", 10, "schedule pressure")
    assert texts(game)[0].endswith(" (schedule pressure)")
    # the programme by its name, not its id ('gateway')
    assert texts(game)[1] == "Cost overrun on Gateway: +10% (schedule pressure)"


def test_an_answered_event_is_announced_once_under_its_date(default: CompiledScenario) -> None:
    """CNSA's invitation (2021-Q4 on seed 7) was told as it came and again with the answer."""
    game = Game(default, "esa", 7)
    for _ in range(3):
        for pending in list(game.state.pending):  # the first choice: 'attend' the ILRS roadmap
            choice = default.events[pending.event].model.choices[0].id
            assert game.act(Action("answer", str(pending.uid), choice)).ok
        assert game.end_turn().ok
    (pending,) = [p for p in game.state.pending if p.event == "cnsa_overture"]
    assert game.act(Action("answer", str(pending.uid), "accept")).ok
    assert game.end_turn().ok
    (news,) = [items for date, items in dated_news(game.reports, game.date) if date == "2021-Q4"]
    told = [item.text for item in news if item.text.startswith("CNSA invites you to fly a payload")]
    assert told == ["CNSA invites you to fly a payload: Accept, and open ILRS talks"]


def test_the_ledger_adds_a_reason_only_when_the_news_has_not_told_it(default: CompiledScenario) -> None:
    """One place decides (``ledger.report``'s ``reason``), for every news item that has a cause."""
    game = Game(default, "esa", 7)
    state = game.state
    state.news.clear()
    ledger.report(state, "programme", msg("{programme} is restructured", programme="Gateway"), reason="A cut")
    ledger.report(state, "event", "A cut")  # the event's own line tells the cause
    ledger.report(
        state, "programme", msg("{programme} is back on track", programme="Gateway"), reason="A cut"
    )
    assert texts(game) == ["Gateway is restructured (A cut)", "A cut", "Gateway is back on track"]


def test_a_news_item_with_its_reason_reads_whole_in_russian(default: CompiledScenario, russian: None) -> None:
    game = Game(default, "esa", 7)
    game.state.news.clear()
    programmes.overrun(game.state, default, "gateway", 10, "schedule pressure")
    programmes.slip_all(game.state, default, "gateway", 2, "schedule pressure")
    assert [tr(text) for text in texts(game)] == [
        "Перерасход в Gateway: +10% (давление графика)",
        "Все этапы Gateway сдвигаются на 2 хода (давление графика)",
    ]
