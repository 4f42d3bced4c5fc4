"""Admission: rival programmes applied to in one turn, and refusals that say which rule failed."""

from __future__ import annotations

import pytest

from game.engine.actions import Action
from game.engine.admission import admits
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.game import Game
from game.format.loader import load_scenario, load_scenario_bytes
from game.paths import default_scenario
from tests.helpers import MINI_TEXT, answer_all, compiled_from, mini_with

RIVALS = (
    "admission: {min_relation: 20}",
    'admission: {min_relation: 20, base_chance: 1, condition: not member("ilrs")}',
)
ILRS_SURE = ("admission: {min_relation: 0}", "admission: {min_relation: 0, base_chance: 1}")


@pytest.fixture(scope="module")
def default() -> CompiledScenario:
    return compile_scenario(load_scenario(default_scenario()).unwrap())


def applied_everywhere(cs: CompiledScenario, agency: str, seed: int) -> Game:
    game = Game(cs, agency, seed)
    answer_all(game)
    for pid in ("gateway", "ilrs", "isls"):
        game.act(Action("apply", pid))
    assert game.end_turn().ok
    return game


def joined(game: Game) -> set[str]:
    return {pid for pid, p in game.state.programmes.items() if game.player in p.members}


def test_rival_applications_in_one_turn_admit_the_first_and_say_why_the_others_lapse() -> None:
    text = MINI_TEXT.replace(*RIVALS, 1).replace(*ILRS_SURE, 1)
    cs = compile_scenario(load_scenario_bytes("rivals.yaml", text.encode()).unwrap())
    assert cs.rivals == {"gateway": frozenset({"ilrs"}), "ilrs": frozenset({"gateway"})}
    game = Game(cs, "esa", 1)
    assert game.act(Action("apply", "gateway")).ok and game.act(Action("apply", "ilrs")).ok
    report = game.end_turn().report
    assert report is not None
    assert joined(game) == {"gateway"}
    assert "Your application to ILRS lapses after Gateway took you: " in "\n".join(
        i.text for i in report.news
    )
    assert "ILRS is closed to members of Gateway; you are one" in "\n".join(i.text for i in report.news)
    assert game.check(Action("apply", "ilrs")) == "ILRS is closed to members of Gateway; you are one"


def test_the_uae_and_esa_never_end_a_turn_in_rival_or_closed_programmes(default: CompiledScenario) -> None:
    uae = applied_everywhere(default, "uae", 3)
    assert not {"gateway", "ilrs"} & joined(uae) or "isls" not in joined(uae)
    for seed in (3, 4, 5):  # seeds where Gateway and ILRS both said yes before
        esa = applied_everywhere(default, "esa", seed)
        assert joined(esa) != {"gateway", "ilrs"}
        lapsed = [i.text for r in esa.reports for i in r.news if "lapses" in i.text]
        if "gateway" in joined(esa):
            assert lapsed == [
                "Your application to ILRS lapses after Gateway took you: ILRS is closed to agencies "
                f"with relations of 70 or more with NASA; yours are {esa.state.relation('esa', 'nasa'):.0f}"
            ]


def test_a_refusal_names_the_failing_condition_with_the_players_figures(default: CompiledScenario) -> None:
    game = Game(default, "esa", 1)
    answer_all(game)
    game.state.shift_relation("esa", "nasa", 95 - game.state.relation("esa", "nasa"))
    assert game.check(Action("apply", "ilrs")) == (
        "ILRS is closed to agencies with relations of 70 or more with NASA; yours are 95"
    )
    game.state.programmes["isls"].members.append("esa")
    assert game.check(Action("apply", "gateway")) == "Gateway is closed to members of ISLS; you are one"


@pytest.mark.parametrize(
    ("condition", "reason"),
    [
        ("year >= 2030", "Gateway is closed while the year is before 2030; it is 2021"),
        ('flown("gateway.crew1")', "Gateway waits until First crew has flown"),
        ('player("nasa")', "Gateway is open only to NASA"),
        ('health("ilrs") < 40', "Gateway is closed while the health of ILRS is 40 or more; it is 70"),
        ("crewed_orbit", "Gateway asks for one of your astronauts in lunar orbit"),
        ("support > 80", "Gateway is closed to agencies with support of 80 or less; yours is 50"),
        # an "or" says what would open it, not each alternative as one more obstacle
        ('not player("esa") or year >= 2024', "Gateway is closed to ESA until 2024"),
        (
            'not player("esa") or flown("gateway.crew1")',
            "Gateway is closed to ESA until First crew has flown",
        ),
        ('player("jaxa") or player("nasa")', "Gateway is open only to JAXA or NASA"),
        ("support > 80 or year >= 2030", "Gateway asks for your support over 80 or the year at least 2030"),
    ],
)
def test_each_kind_of_condition_is_explained(condition: str, reason: str) -> None:
    cs = mini_with(
        "admission: {min_relation: 20}", f"admission: {{min_relation: 20, condition: '{condition}'}}"
    )
    assert Game(cs, "esa", 1).check(Action("apply", "gateway")) == reason


def test_an_or_that_shuts_members_out_says_what_would_let_them_in() -> None:
    cs = mini_with(
        "admission: {min_relation: 20}",
        """admission: {min_relation: 20, condition: 'not member("ilrs") or support > 80'}""",
    )
    game = Game(cs, "esa", 1)
    game.state.programmes["ilrs"].members.append("esa")
    assert game.check(Action("apply", "gateway")) == (
        "Gateway is closed to members of ILRS unless your support over 80 (now 50)"
    )


@pytest.mark.parametrize(
    ("condition", "reason"),
    [
        (
            'not flag("war") or not (player("jaxa") or player("esa"))',
            "Gateway is closed to ESA once 'war' has happened",
        ),
        (
            'not is_member("nasa", "ilrs") or not player("esa")',
            "Gateway is closed to ESA while NASA is a member of ILRS",
        ),
    ],
)
def test_an_or_that_shuts_a_list_out_after_a_fact_says_so(condition: str, reason: str) -> None:
    """An alternative that must not hold says when the door shut: 'once' a fact that lasts, 'while'
    one that may end; a list of agencies that must not be the player names the one playing."""
    cs = mini_with(
        "admission: {min_relation: 20}", f"admission: {{min_relation: 20, condition: '{condition}'}}"
    )
    game = Game(cs, "esa", 1)
    game.state.flags.add("war")
    game.state.programmes["ilrs"].members.append("nasa")
    assert game.check(Action("apply", "gateway")) == reason
    game.state.flags.discard("war")
    game.state.programmes["ilrs"].members.remove("nasa")
    assert game.check(Action("apply", "gateway")) == ""


def test_a_bloc_in_an_admission_is_the_applicants_and_is_said_by_its_name() -> None:
    """``bloc(...)`` reads the bloc of whoever applies (the player, or a computer agency), and a refusal
    names the bloc as the scenario does."""
    closed = mini_with(
        "admission: {min_relation: 20}", "admission: {min_relation: 20, condition: 'not bloc(\"west\")'}"
    )
    game = Game(closed, "esa", 1)
    assert game.check(Action("apply", "gateway")) == "Gateway is closed to West"
    for agency in ("cnsa", "jaxa"):  # on good terms with the lead: only the condition decides
        game.state.shift_relation(agency, "nasa", 200)
    assert admits(game.state, closed, "cnsa", "gateway") and not admits(game.state, closed, "jaxa", "gateway")
    assert game.state.player == "esa"  # the applicant's turn is over
    only = mini_with(
        "admission: {min_relation: 20}", "admission: {min_relation: 20, condition: 'bloc(\"east\")'}"
    )
    assert Game(only, "esa", 1).check(Action("apply", "gateway")) == "Gateway is open only to East"


def test_the_isls_is_closed_to_a_western_agency_after_the_invasion(default: CompiledScenario) -> None:
    """The shipped ISLS: open to the UK in 2021 (on good terms with its leads, under 70 with NASA),
    closed to it once Russia invaded Ukraine, and not to India."""
    for agency, closed in (
        ("uksa", "ISLS is closed to Artemis partners (US-led) once 'war_in_ukraine' has happened"),
        ("isro", ""),
    ):
        game = Game(default, agency, 1)
        answer_all(game)
        for lead, delta in (("cnsa", 80), ("roscosmos", 80), ("nasa", -30)):
            game.state.shift_relation(agency, lead, delta)
        assert game.check(Action("apply", "isls")) == ""
        game.state.flags.add("war_in_ukraine")
        assert game.check(Action("apply", "isls")) == closed


def test_isro_is_told_when_the_gateway_opens_to_it(default: CompiledScenario) -> None:
    """The shipped Gateway's 'not player("isro") or year >= 2029', said once as what opens it."""
    game = Game(default, "isro", 1)
    answer_all(game)
    assert game.check(Action("apply", "gateway")) == "Gateway is closed to ISRO until 2029"


def test_a_scenario_may_give_its_own_refusal_text() -> None:
    cs = mini_with(
        "admission: {min_relation: 20}",
        "admission: {min_relation: 20, condition: year >= 2030, refusal: Gateway waits for the accords.}",
    )
    assert Game(cs, "esa", 1).check(Action("apply", "gateway")) == "Gateway waits for the accords."


def test_an_empty_refusal_text_is_a_located_error() -> None:
    text = MINI_TEXT.replace(
        "admission: {min_relation: 20}",
        "admission: {min_relation: 20, condition: year >= 2030, refusal: ''}",
        1,
    )
    result = load_scenario_bytes("bad.yaml", text.encode())
    assert result.scenario is None or result.errors
    (error,) = result.errors
    line = text.splitlines().index(next(ln for ln in text.splitlines() if "refusal: ''" in ln)) + 1
    assert f"bad.yaml:{line}:" in str(error) and "refusal" in str(error)


def test_a_player_put_out_of_a_programme_is_told_the_cause_and_what_the_money_paid_becomes() -> None:
    from game.engine.membership import leave

    game = Game(mini_with(*ILRS_SURE), "esa", 1)
    assert game.act(Action("apply", "ilrs", "drill")).ok
    assert game.end_turn().ok and game.state.programmes["ilrs"].slots["drill"].paid == 50_000
    leave(game.state, game.compiled, "esa", "ilrs", "US export controls", penalty=False)
    (item,) = [i for i in game.state.news if "leaves" in i.text]
    assert item.player and item.text == (
        "ESA leaves ILRS (US export controls); Drill stops: the 50 M$ paid into it is lost, "
        "and the contribution is open to other partners"
    )


def test_each_relation_the_admission_asks_for_is_marked_met_or_not() -> None:
    """'relations of at least 30 with CNSA (yours: -35)' stood unmarked beside a ✗ condition."""
    from game.engine.queries import join_terms

    game = Game(compiled_from(MINI_TEXT), "esa", 1)
    game.state.shift_relation("esa", "nasa", 10 - game.state.relation("esa", "nasa"))
    assert join_terms(game.state, game.compiled, "gateway").admission[0] == (
        "relations of at least 20 with NASA (yours: +10 ✗)"
    )
    game.state.shift_relation("esa", "nasa", 10)
    assert join_terms(game.state, game.compiled, "gateway").admission[0] == (
        "relations of at least 20 with NASA (yours: +20 ✓)"
    )
