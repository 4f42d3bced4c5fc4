"""The rules of a turn, each checked on the small test scenario."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.engine.goals import goals_view
from tests.helpers import answer_all, mini_with, play_turns

CERTAIN = "admission: {min_relation: 20}"
CERTAIN_JOIN = "admission: {min_relation: 20, base_chance: 1}"


def joined_gateway(seed: int = 1, scenario=None) -> Game:
    compiled = scenario or mini_with(CERTAIN, CERTAIN_JOIN)
    game = Game(compiled, "esa", seed)
    assert game.act(Action("apply", "gateway", "arm")).ok
    assert game.end_turn().ok
    assert game.state.programmes["gateway"].is_member("esa")
    return game


def test_first_appropriation_arrives_at_the_start() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    assert game.state.me.money == 700_000  # 100 M$ in hand + 600 M$ budget at 50% support
    assert game.state.me.appropriation == 600_000


def test_contribution_cost_is_paid_in_equal_parts_over_its_build() -> None:
    game = joined_gateway()
    build = game.state.programmes["gateway"].slots["arm"]
    assert (build.owner, build.paid, build.turns_left) == ("esa", 100_000, 3)
    play_turns(game, 3)
    assert build.status == "delivered"
    assert build.paid == 400_000
    paid = [c.delta for r in game.reports for c in r.changes if c.reason == "building Robotic arm"]
    assert paid == [-100_000] * 4


def test_a_build_stalls_when_money_runs_out_and_strains_the_programme() -> None:
    scenario = mini_with("money: 100\n", "money: -560\n")  # 40 M$ after the appropriation
    scenario = mini_with(CERTAIN, CERTAIN_JOIN) if scenario is None else scenario
    game = Game(scenario, "esa", 1)
    assert game.state.me.money == 40_000
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("fund", "gateway", "drill")).ok is False  # not an ILRS member
    assert "join ILRS first" in game.check(Action("fund", "ilrs", "drill"))
    game.act(Action("apply", "ilrs", "drill"))
    health = game.state.programmes["gateway"].health
    reason = game.check(Action("fund", "gateway", "arm"))
    assert reason == "the first payment is 100 M$; you have 40 M$"
    assert health == game.state.programmes["gateway"].health


def test_stalled_build_news_and_no_payment() -> None:
    game = joined_gateway()
    game.state.me.money = 10_000  # 10 M$: less than the 100 M$ installment
    report = game.end_turn().report
    build = game.state.programmes["gateway"].slots["arm"]
    assert build.stalled == 1 and build.paid == 100_000
    assert any("stalls" in item.text for item in report.news)


def test_milestones_slip_under_schedule_pressure_and_keep_their_planned_date() -> None:
    game = Game(mini_with("slip_chance: 0\n", "slip_chance: 1\n"), "esa", 3)
    play_turns(game, 6)
    core = game.state.programmes["gateway"].milestones[0]
    assert core.status == "pending"
    assert core.planned == 2022 * 12  # 2022-Q1 as planned
    assert core.due > core.planned
    assert any(item.kind == "slip" for r in game.reports for item in r.news)


def test_a_milestone_waits_for_its_dependencies_and_the_lead_builds_an_untaken_slot() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    play_turns(game, 15)
    gateway = game.state.programmes["gateway"]
    core, crew = gateway.milestones
    arm = gateway.slots["arm"]
    assert arm.owner == "nasa"  # nobody took it, so the lead built it itself
    assert crew.status == "flown" and core.flown_at < crew.flown_at
    assert crew.flown_at > crew.planned  # it waited for the arm's build
    news = [item.text for r in game.reports for item in r.news]
    assert any("waiting for Robotic arm" in text for text in news)


def test_delivered_contribution_earns_a_seat_and_the_astronaut_flies() -> None:
    game = joined_gateway()
    play_turns(game, 8)
    me = game.state.me
    assert me.crewed_orbit and me.flights == 1
    assert game.state.programmes["gateway"].seats["esa"] == 0  # the seat was used
    assert game.state.achieved["orbit"] == me.first_crew_month
    science_before = me.science
    play_turns(game, 1)
    assert me.science >= science_before + 1  # the arm's science per turn


def test_joining_a_programme_moves_relations_with_the_rival_bloc() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    before = game.state.relation("esa", "cnsa")
    game.act(Action("apply", "gateway"))
    report = game.end_turn().report
    assert game.state.relation("esa", "cnsa") == before - 10
    assert [c.delta for c in report.reasons("relation:cnsa")] == [-10]


def test_membership_drift_cools_relations_every_turn() -> None:
    game = Game(
        mini_with("admission: {min_relation: 0}", "admission: {min_relation: 0, base_chance: 1}"), "esa", 1
    )
    game.act(Action("apply", "ilrs"))
    game.end_turn()
    after_join = game.state.relation("esa", "nasa")
    play_turns(game, 1)
    assert game.state.relation("esa", "nasa") == after_join - 1


def test_other_agencies_follow_their_policies() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 5)
    play_turns(game, 4)
    assert "jaxa" in game.state.programmes["gateway"].members
    news = [item.text for r in game.reports for item in r.news]
    assert "JAXA joins Gateway" in news


def test_an_event_with_choices_waits_for_an_answer_and_its_follow_up_fires_later() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    play_turns(game, 2)
    assert [p.event for p in game.state.pending] == ["crisis"]
    refused = game.end_turn()
    assert not refused.ok and refused.reason == "answer 'A crisis' first"
    support = game.state.me.support
    assert game.act(Action("answer", str(game.state.pending[0].uid), "panic")).ok
    assert game.state.me.support == support - 5
    money = game.state.me.money
    game.end_turn()
    assert game.state.me.money == money  # the follow-up is two turns away
    report = game.end_turn().report
    assert game.date == "2022-Q1"
    assert any(item.text == "Aftermath" for item in report.news)
    assert [c.delta for c in report.reasons("money") if c.reason == "Aftermath"] == [-10_000]


def test_a_one_shot_event_fires_once_inside_its_window() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    play_turns(game, 12)
    fired = [item for r in game.reports for item in r.news if item.text == "A crisis"]
    assert len(fired) == 1
    assert any(item.text == "A crisis" for item in game.reports[1].news)  # as 2021-Q3 opens
    assert game.reports[1].date == "2021-Q2"


def test_objectives_give_the_score_with_its_breakdown() -> None:
    game = joined_gateway()
    play_turns(game, 100)
    assert game.over and game.state.outcome == "won"
    rows = {row.id: row for row in game.breakdown()}
    assert rows["orbit"].achieved and rows["orbit"].points == 30
    assert rows["science"].points == min(20, round(game.state.me.science / 2, 1))
    assert game.score() == rows["orbit"].points + rows["science"].points


def test_an_agency_with_its_own_victory_score_wins_by_it() -> None:
    """JAXA's own ambition (here beyond every point) decides its campaign; ESA keeps the scenario's."""
    scenario = mini_with("    budget: 250\n", "    budget: 250\n    victory_score: 1000\n")
    assert (scenario.victory_score("jaxa"), scenario.victory_score("esa")) == (1000, 30)
    game = Game(scenario, "jaxa", 1)
    play_turns(game, 100)
    assert game.over and game.state.outcome == "finished"
    assert "of 1000 needed to win" in game.state.outcome_reason
    assert goals_view(game.state, scenario).needed == 1000


def test_support_collapse_loses_the_campaign() -> None:
    scenario = mini_with("victory_score: 30", "victory_score: 30\ndefeat: {support_below: 49}")
    game = Game(scenario, "esa", 1)
    game.state.me.support = 45
    game.end_turn()
    assert game.over and game.state.outcome == "lost"
    assert "support collapsed" in game.state.outcome_reason
    refused = game.act(Action("invest", "robotics"))
    assert not refused.ok and refused.reason == "the campaign is over"


def test_insolvency_for_too_long_loses_the_campaign() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    game.state.me.money = -5_000_000
    play_turns(game, 4)
    assert game.state.outcome == "lost" and "insolvent" in game.state.outcome_reason


def test_a_programme_in_collapse_is_restructured_then_cancelled() -> None:
    game = joined_gateway()
    gateway = game.state.programmes["gateway"]
    gateway.health = 10
    game.end_turn()
    assert gateway.status == "restructured"
    gateway.health = 1
    answer_all(game)
    assert game.end_turn().ok
    assert gateway.status == "cancelled"
    assert gateway.slots["arm"].status == "open"  # the player's build stopped


def test_withdrawing_costs_relations_and_support() -> None:
    game = joined_gateway()
    before = (game.state.relation("esa", "nasa"), game.state.me.support)
    assert game.act(Action("withdraw", "gateway")).ok
    assert not game.state.programmes["gateway"].is_member("esa")
    assert game.state.relation("esa", "nasa") == before[0] - 25
    assert game.state.me.support == before[1] - 5


def test_a_national_mission_is_built_then_flies() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    assert game.act(Action("mission", "cubesat")).ok
    play_turns(game, 2)
    assert game.state.missions["cubesat"].successes == 1
    assert game.state.me.science >= 5
    answer_all(game)
    assert game.check(Action("mission", "cubesat")) == "already flown"


def test_capability_investment_costs_more_each_level_and_once_a_turn() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    money = game.state.me.money
    assert game.act(Action("invest", "robotics")).ok
    assert game.state.me.capabilities["robotics"] == 3
    assert game.state.me.money == money - 180_000  # 60 M$ x level 3
    assert game.check(Action("invest", "robotics")) == "one step per area per turn"
    game.end_turn()
    assert game.check(Action("invest", "robotics")) == ""


def test_diplomacy_improves_a_relation_by_up_to_its_gain() -> None:
    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    before = game.state.relation("esa", "cnsa")
    assert game.act(Action("diplomacy", "cnsa")).ok
    gain = game.state.relation("esa", "cnsa") - before
    assert 4 <= gain <= 8
    assert game.check(Action("diplomacy", "cnsa")) == "one initiative per agency per turn"


def test_every_money_change_is_on_the_record_to_the_last_thousand() -> None:
    game = joined_gateway()
    start = 100_000  # in hand before the first appropriation, which is on the record too
    game.act(Action("invest", "robotics"))
    game.act(Action("diplomacy", "nasa"))
    play_turns(game, 10)
    answer_all(game)
    changes = [c for r in game.reports for c in r.changes] + game.state.changes
    recorded = sum(c.delta for c in changes if c.stat == "money")
    assert start + recorded == game.state.me.money


def test_a_slip_carries_the_milestones_that_need_it_and_no_others() -> None:
    from game.engine.programmes import slip

    game = Game(mini_with(CERTAIN, CERTAIN_JOIN), "esa", 1)
    core, crew = game.state.programmes["gateway"].milestones
    lander = game.state.programmes["ilrs"].milestones[0]
    before = (crew.due, lander.due)
    slip(game.state, game.compiled, "gateway", "core", 8, "test")
    assert core.due == core.planned + 24
    assert crew.due == core.due + 3 and crew.due > before[0]  # it needs the core: one turn after it
    assert lander.due == before[1]  # another programme's independent milestone stays


CHAIN = """      - {id: core, name: Core launch, planned: 2022-Q1, success: 1}
      - {id: second, name: Second, planned: 2022-Q3, requires: [core], success: 1}
      - {id: third, name: Third, planned: 2022-Q4, requires: [second], success: 1}
      - {id: fourth, name: Fourth, planned: 2022-Q4, requires: [second], success: 1}
"""


def chained(rules: str = "") -> Game:
    scenario = mini_with(
        "      - {id: core, name: Core launch, planned: 2022-Q1, success: 1}\n", CHAIN + rules
    )
    return Game(scenario, "esa", 1)


def test_a_chain_of_slips_keeps_a_turn_between_milestones_and_flies_them_apart() -> None:
    from game.engine.programmes import slip

    game = chained()
    core, second, third, fourth, _ = game.state.programmes["gateway"].milestones
    slip(game.state, game.compiled, "gateway", "core", 6, "test")
    # core at 2023-Q3; each dependent one turn after what it requires, as long as the plan
    # kept them at least that far apart; third and fourth were planned together and stay so
    assert [second.due - core.due, third.due - second.due, fourth.due - second.due] == [3, 3, 3]
    play_turns(game, 16)
    flown = [m.flown_at for m in (core, second, third)]
    assert None not in flown and len(set(flown)) == 3


def test_the_spacing_after_slips_is_a_rule_and_zero_lets_a_chain_fly_together() -> None:
    from game.engine.programmes import slip

    scenario = mini_with("slip_chance: 0\n", "slip_chance: 0\n  milestone_spacing: 0\n")
    game = Game(scenario, "esa", 1)
    core, crew = game.state.programmes["gateway"].milestones
    slip(game.state, game.compiled, "gateway", "core", 8, "test")
    assert crew.due == core.due


def test_a_milestone_with_limited_attempts_is_given_up_after_the_last_failure() -> None:
    scenario = mini_with(
        "{id: lander, name: Robotic lander, planned: 2022-Q3, success: 1}",
        "{id: lander, name: Robotic lander, planned: 2022-Q3, success: 0, attempts: 2}",
    )
    game = Game(scenario, "esa", 1)
    play_turns(game, 14)
    lander = game.state.programmes["ilrs"].milestones[0]
    news = [item.text for report in game.reports for item in report.news if item.kind == "failure"]
    assert lander.failures == 2 and lander.status == "flown"  # tried twice, then its flight is over
    assert news == [
        "ILRS: Robotic lander fails; a new attempt is planned",
        "ILRS: Robotic lander fails; it is not tried again",
    ]


def test_landing_seats_are_kept_for_landings() -> None:
    scenario = mini_with(
        "rewards: {crew_seats: 1, science_per_turn: 1, prestige: 10}",
        "rewards: {surface_seats: 1, science_per_turn: 1, prestige: 10}",
    )
    game = joined_gateway(scenario=scenario)
    play_turns(game, 8)
    gateway = game.state.programmes["gateway"]
    assert gateway.milestones[1].status == "flown"  # an orbit flight
    assert not game.state.me.crewed_orbit  # the landing seat was not spent on it
    assert gateway.surface_seats["esa"] == 1


def test_an_unreliable_partner_loses_one_turn_per_failed_roll() -> None:
    from game.engine.builds import progress_builds

    game = Game(mini_with("boldness: 1", "boldness: 1\n      reliability: 0"), "esa", 1)
    build = game.state.programmes["gateway"].slots["hab"]
    build.owner, build.status, build.turns_left, build.cost_left = "jaxa", "building", 3, 300_000
    progress_builds(game.state, game.compiled)
    assert (build.turns_left, build.paid) == (3, 0)
