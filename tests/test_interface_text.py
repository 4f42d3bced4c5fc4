"""What the engine writes for the faces (issue 11, points 6, 9 and 10): effects that concern
the reader, one article helper, one money formatter, no doubled words."""

from __future__ import annotations

import pytest

from game.engine.actions import Action
from game.engine.builds import deliver
from game.engine.decisions import check
from game.engine.queries import choice_effects, describe_effects, join_terms
from game.format.models import Effect
from game.format.words import append_unless_said, indefinite, money, with_indefinite
from tests.tui.conftest import new_game


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("ESA", "an"),
        ("ISRO", "an"),
        ("MBRSC", "an"),
        ("NASA", "a"),
        ("UAE", "a"),
        ("UKSA", "a"),
        ("CNSA", "a"),
        ("JAXA", "a"),
        ("Emirati", "an"),
        ("unit", "a"),
        ("hour", "an"),
        ("orbiter", "an"),
    ],
)
def test_the_indefinite_article_fits_how_the_word_is_said(word: str, article: str) -> None:
    assert indefinite(word) == article


def test_crew_news_reads_an_esa_astronaut() -> None:
    from game.engine.rewards import crew_flight

    game = new_game()
    crew_flight(game.state, game.compiled, game.state.me, "orbit", "Artemis")
    assert "An ESA astronaut flies in lunar orbit (Artemis)" in [n.text for n in game.state.news]
    assert with_indefinite("UAE") == "a UAE"


def test_a_delivery_named_for_its_programme_does_not_say_it_twice() -> None:
    assert append_unless_said("HTV-XG logistics to Gateway", "to Gateway") == "HTV-XG logistics to Gateway"
    assert append_unless_said("Robotic arm", "to Gateway") == "Robotic arm to Gateway"
    game = new_game()
    programme = game.state.programmes["gateway"]
    programme.slots["arm"].owner = "esa"
    slot = game.compiled.programmes["gateway"].slots["arm"]
    object.__setattr__(slot, "name", "Arm to Gateway")  # as the default scenario's HTV-XG is named
    try:
        deliver(game.state, game.compiled, programme, "arm")
    finally:
        object.__setattr__(slot, "name", "Robotic arm")
    assert "ESA delivers Arm to Gateway" in [n.text for n in game.state.news]


def test_effects_name_only_what_concerns_the_reader() -> None:
    game = new_game()  # ESA, in no programme
    effects = [
        Effect.model_validate(
            {
                "relations": [
                    {"agency": "esa", "delta": 5},  # ESA with itself: nothing
                    {"agency": "esa", "of": "nasa", "delta": 3},  # written from NASA's side
                    {"agency": "nasa", "of": "cnsa", "delta": -2},  # two others
                ],
                "leave": [{"agency": "esa", "programme": "ilrs"}, {"agency": "jaxa", "programme": "ilrs"}],
                "join": [
                    {"agency": "nasa", "programme": "gateway"},
                    {"agency": "esa", "programme": "gateway"},
                ],
            }
        )
    ]
    lines = describe_effects(effects, game.state, game.compiled)
    assert lines == ["relations with NASA +3", "relations CNSA–NASA -2", "you join Gateway"]
    assert not any("ESA" in line for line in lines)


def test_joining_terms_never_name_the_joiner() -> None:
    game = new_game()
    ilrs = game.compiled.programmes["ilrs"].model
    original = ilrs.on_join
    on_join = {"relations": [{"agency": "esa", "delta": -5}, {"agency": "nasa", "delta": -20}]}
    object.__setattr__(ilrs, "on_join", [Effect.model_validate(on_join)])
    try:
        terms = join_terms(game.state, game.compiled, "ilrs")
    finally:
        object.__setattr__(ilrs, "on_join", original)
    assert terms.on_join == ("relations with NASA -20",)


def test_event_effects_count_slips_in_months() -> None:
    game = new_game()
    effects = choice_effects(game.state, game.compiled, "crisis")
    assert "Gateway next milestone slips 6 months" in effects["cut"]


def test_a_refused_instalment_quotes_the_figure_shown() -> None:
    game = new_game()
    game.state.me.money = 1_000  # 1 M$
    mission = game.compiled.missions["cubesat"]
    original = mission.cost
    object.__setattr__(mission, "cost", 25)  # 12.5 M$ a turn: shown as 12.5, once refused as 12
    try:
        reason = check(game.state, game.compiled, Action("mission", "cubesat"))
        option = next(o for o in game.options() if o.action == Action("mission", "cubesat"))
    finally:
        object.__setattr__(mission, "cost", original)
    assert money(option.cost_now) == "12.5 M$"
    assert reason == "the first payment is 12.5 M$; you have 1 M$"


def test_a_late_flight_counts_its_slip_in_months() -> None:
    from game.engine.programmes import _flown

    game = new_game()
    programme = game.state.programmes["gateway"]
    core = programme.milestone("core")
    game.state.month = core.planned + 9  # three quarters late
    _flown(game.state, game.compiled, programme, core)
    assert "Gateway: Core launch, 9 months late" in [n.text for n in game.state.news]
