"""The budget plan (game/engine/budget_plan.py) and the treasury's year-end clawback (rules:)."""

from __future__ import annotations

from hypothesis import given

from game.engine.actions import Action
from game.engine.budget_plan import budget_plan
from game.engine.builds import player_builds
from game.engine.compiled import CompiledScenario
from game.engine.game import Game
from game.format.loader import load_scenario_bytes
from tests.fuzz_settings import fuzz_settings
from tests.helpers import MINI_TEXT, answer_all, compiled_from, mini_with
from tests.saves_support import MINI
from tests.test_fuzz_scenarios import NUMBERS, check_outcome

LAST_RULE = "  overrun_from_strain: 0\n"  # mini.yaml's last rule, on line 9


def with_rules(rules: str) -> str:
    """mini.yaml with more rules (from line 10)."""
    return MINI_TEXT.replace(LAST_RULE, LAST_RULE + rules, 1)


def clawing() -> CompiledScenario:
    return compiled_from(with_rules("  year_end_clawback: 0.5\n  year_end_carryover: 0.25\n"))


def play_to_next_year(game: Game) -> None:
    year = game.date[:4]
    while game.date[:4] == year:
        answer_all(game)  # the crisis: stay calm (support, no money)
        assert game.end_turn().ok


def test_a_plan_without_builds_adds_the_expected_appropriations(game: Game) -> None:
    plan = budget_plan(game.state, game.compiled, 5)
    assert [year.year for year in plan.years] == [2021, 2022, 2023, 2024]  # the campaign ends in 2024
    first, second = plan.years[:2]
    assert (first.start, first.appropriation, first.paid, first.left) == (700_000, 0, 0, 700_000)
    assert second.start == 700_000 and second.appropriation == 600_000 and second.left == 1_300_000
    assert not plan.clawing and all(year.clawback == 0 for year in plan.years)
    assert plan.short_year is None


def test_a_plan_lists_each_builds_payments_in_the_years_it_pays_them(game: Game) -> None:
    assert game.act(Action("mission", "cubesat")).ok  # 60 M$ over 2 turns
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("fund", "gateway", "arm")).ok
    plan = budget_plan(game.state, game.compiled, 5)
    assert set(plan.builds) == {"Lunar cubesat", "Robotic arm"}
    cubesat = plan.builds.index("Lunar cubesat")
    assert [year.payments[cubesat] for year in plan.years] == [60_000, 0, 0, 0]
    arm = dict(player_builds(game.state, game.compiled))["Robotic arm"]
    assert sum(year.payments[1 - cubesat] for year in plan.years) == arm.cost_left
    spent_2021 = plan.years[0].paid
    play_to_next_year(game)
    appropriation_2022 = game.state.me.appropriation
    assert game.state.me.money == plan.years[0].left + appropriation_2022  # the engine paid as planned
    assert spent_2021 > 60_000


def test_a_year_the_agency_cannot_pay_is_the_plans_short_year() -> None:
    game = Game(mini_with("cost: 60\n    build_turns: 2\n", "cost: 3000\n    build_turns: 8\n"), "esa", 1)
    assert game.act(Action("mission", "cubesat")).ok  # 375 M$ a turn for two years
    plan = budget_plan(game.state, game.compiled, 5)
    short = plan.short_year
    assert short is not None and short.year == 2021 and short.left < 0
    assert plan.years[0].left == 700_000 - 4 * 375_000


def test_the_treasury_claws_back_what_the_plan_said_once_a_year() -> None:
    game = Game(clawing(), "esa", 1)
    plan = budget_plan(game.state, game.compiled, 5)
    # 700 M$ at the end of 2021, a quarter of 600 M$ kept: half of the other 550 M$ lapses
    assert plan.clawing and plan.years[0].clawback == 275_000 and plan.years[0].left == 425_000
    play_to_next_year(game)
    taken = [c.delta for c in game.reports[-1].changes if c.reason.startswith("unspent money of 2021")]
    assert taken == [-275_000]
    news = [item.text for report in game.reports for item in report.news if "claws back" in item.text]
    assert news == ["The treasury claws back 275 M$ of the money left unspent in 2021"]
    assert game.state.me.money == 425_000 + game.state.me.appropriation


def test_money_the_builds_still_owe_is_not_clawed_back() -> None:
    game = Game(clawing(), "esa", 1)
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("fund", "gateway", "arm")).ok
    owed = sum(build.cost_left for _, build in player_builds(game.state, game.compiled))
    plan = budget_plan(game.state, game.compiled, 5)
    first = plan.years[0]
    still_owed = owed - first.payments[0]
    assert first.clawback == round(0.5 * (700_000 - first.paid - 150_000 - still_owed))


def test_without_clawback_the_campaign_is_the_same(game: Game) -> None:
    twin = Game(
        mini_with("  overrun_from_strain: 0\n", "  overrun_from_strain: 0\n  year_end_clawback: 0\n"),
        "esa",
        1,
    )
    for one in (game, twin):
        for _ in range(8):
            answer_all(one)
            assert one.end_turn().ok
    assert game.state.me.money == twin.state.me.money
    assert not [item for r in twin.reports for item in r.news if "claws back" in item.text]


def test_a_clawback_outside_0_to_1_is_a_located_error() -> None:
    [error] = load_scenario_bytes("mini.yaml", with_rules("  year_end_clawback: 1.5\n").encode()).errors
    assert str(error) == (
        "mini.yaml:10:22: error: in rules: year_end_clawback is 1.5, but it must be a number from 0 to 1"
    )


def test_a_negative_carryover_is_a_located_error() -> None:
    [error] = load_scenario_bytes("mini.yaml", with_rules("  year_end_carryover: -1\n").encode()).errors
    assert str(error) == (
        "mini.yaml:10:23: error: in rules: year_end_carryover is -1, but it must be a number from 0 to 10"
    )


@fuzz_settings(40)
@given(share=NUMBERS, carryover=NUMBERS)
def test_any_clawback_numbers_are_a_located_error_or_a_plan_that_plays(
    share: float, carryover: float
) -> None:
    def yaml_number(value: float) -> str:
        return repr(value).replace("inf", ".inf").replace("nan", ".nan")

    rules = f"  year_end_clawback: {yaml_number(share)}\n  year_end_carryover: {yaml_number(carryover)}\n"
    data = with_rules(rules).encode()
    if check_outcome(MINI, data):  # six turns: across the end of 2021
        game = Game(compiled_from(data.decode()), "esa", 1)
        play_to_next_year(game)
        assert game.state.me.money >= 0
        assert all(year.clawback >= 0 for year in budget_plan(game.state, game.compiled, 5).years)


def test_the_plan_looks_as_many_years_ahead_as_the_scenario_says() -> None:
    compiled = compiled_from(with_rules("  budget_plan_years: 2\n"))
    game = Game(compiled, "esa", seed=1)
    assert [year.year for year in budget_plan(game.state, compiled).years] == [2021, 2022]
    assert len(budget_plan(game.state, compiled, 3).years) == 3  # a caller may still ask for more


def test_a_plan_of_no_years_is_a_located_error() -> None:
    [error] = load_scenario_bytes("mini.yaml", with_rules("  budget_plan_years: 0\n").encode()).errors
    assert str(error).startswith("mini.yaml:10:22: error: in rules: budget_plan_years is 0"), str(error)
