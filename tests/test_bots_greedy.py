"""The greedy bot: it plays for the objectives, reads its plan from the scenario, and beats luck."""

from __future__ import annotations

import pytest

from game.bots.greedy import GreedyStrategy, evaluate
from game.cli.common import load_compiled
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.sim.runner import play_campaign, run_campaign
from tests.helpers import MINI_TEXT, answer_all, compiled_from, play_turns


def builds(game: Game) -> list[Action]:
    """The player's applications, contributions and national missions, in order."""
    return [action for action in game.log if action.kind in ("apply", "fund", "mission")]


def test_greedy_offers_the_contribution_that_earns_the_crew_seat(mini: CompiledScenario) -> None:
    # The objective is an astronaut in orbit; only Gateway's arm earns a seat, and ESA can build it.
    for seed in (1, 2):
        game = play_campaign(mini, "esa", "greedy", seed)
        assert builds(game)[0] == Action("apply", "gateway", "arm")
        assert game.state.me.crewed_orbit
        assert game.state.outcome == "won"


def test_greedy_reads_where_the_seat_is_from_the_scenario() -> None:
    # The same scenario with the seat moved to the ILRS drill and a crewed ILRS flight: it goes east.
    text = (
        MINI_TEXT.replace(
            "      - {id: lander, name: Robotic lander, planned: 2022-Q3, success: 1}",
            "      - {id: lander, name: Robotic lander, planned: 2022-Q3, success: 1}\n"
            "      - {id: visit, name: Crewed visit, planned: 2023-Q3, requires: [lander], crew: orbit,"
            " success: 1}",
        )
        .replace("rewards: {science_per_turn: 2}", "rewards: {science_per_turn: 2, crew_seats: 1}")
        .replace("rewards: {crew_seats: 1, science_per_turn: 1, prestige: 10}", "rewards: {prestige: 10}")
    )
    game = play_campaign(compiled_from(text), "esa", "greedy", 1)
    assert builds(game)[0] == Action("apply", "ilrs", "drill")
    assert game.state.me.crewed_orbit


def test_greedy_keeps_to_the_programme_it_builds_for() -> None:
    compiled = load_compiled(None)
    roads = []
    for agency in compiled.playable()[:4]:
        game, bot = Game(compiled, agency, seed=3), GreedyStrategy(3)
        first: str | None = None
        while not game.over:
            # while its programme runs, it is in it and builds for it, it applies and builds nowhere else
            programme = game.state.programmes[first] if first else None
            bound = (
                programme is not None
                and programme.status in ("active", "restructured")
                and programme.is_member(agency)
                and any(build.owner == agency for build in programme.slots.values())
            )
            done = len(game.log)
            bot.play_turn(game)
            for action in game.log[done:]:
                if action.kind in ("apply", "fund") and action.option:
                    assert not bound or action.target == first, f"{agency}: {action} while in {first}"
                    first = first if bound else action.target
        roads.append(first)
    assert any(roads), "no agency built for a programme: the test saw nothing"


def test_greedy_scores_clearly_more_than_random_on_the_default_scenario() -> None:
    compiled = load_compiled(None)
    results = {
        strategy: [
            run_campaign(compiled, agency, strategy, seed)
            for agency in compiled.playable()[:4]
            for seed in (1, 2, 3)
        ]
        for strategy in ("greedy", "random")
    }
    greedy, luck = results["greedy"], results["random"]
    mean = {name: sum(r.score for r in runs) / len(runs) for name, runs in results.items()}
    assert mean["greedy"] > mean["random"] + 15
    assert sum(r.outcome == "won" for r in greedy) > sum(r.outcome == "won" for r in luck)


def test_looking_ahead_leaves_the_game_as_it_was(mini: CompiledScenario) -> None:
    game = Game(mini, "esa", seed=4)
    play_turns(game, 3)
    before, logged = state_hash(game), len(game.log)
    bot = GreedyStrategy(4)
    bot.prepare(game)  # plans: scores every option on a copy
    for action in bot.candidates(game):
        bot.lookahead(game, action)
    evaluate(game)
    assert state_hash(game) == before
    assert len(game.log) == logged


def test_the_outlook_counts_research_under_way_in_the_odds_of_a_later_launch() -> None:
    """A project under way raises the level a flight needs only once done: a launch after it flies
    with the better odds, one before it does not, and the state is left as it was."""
    from game.bots.outlook import outlook_of

    compiled = load_compiled(None)
    game = Game(compiled, "esa", seed=1)
    answer_all(game)
    state = game.state
    outlook = outlook_of(compiled)
    before = outlook.flight_odds(state, "robotic_lander")
    assert game.act(Action("research", "rover_autonomy")).ok  # robotics 4, above the lander's 2
    turns = compiled.research["rover_autonomy"].turns
    done_by = state.month + (turns - 1) * compiled.turn_months
    levels, researched = dict(state.me.capabilities), dict(state.researched)
    assert outlook.flight_odds(state, "robotic_lander", done_by - compiled.turn_months) == before
    later = outlook.flight_odds(state, "robotic_lander", done_by)
    assert later[2] == pytest.approx(before[2] + compiled.flights.per_level)  # one level more above the need
    assert state.me.capabilities == levels and state.researched == researched


def test_a_target_in_reach_is_taken_when_it_raises_the_score_whatever_the_plan_promised(
    mini: CompiledScenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Waiting is credited most of the target's worth once it is in reach, as the plan valued it: a
    plan that promised more than taking it earns (the projection moved since) must not hold the bot
    back for turns; taking it is judged by the projected score alone."""
    target = ("national", "cubesat", "")

    def promised(worth: float):  # type: ignore[no-untyped-def]
        def rank(self, game, now, base, options, ranked, ready) -> None:  # type: ignore[no-untyped-def]
            ranked.append((worth, worth, target))
            ready.append((worth, target))

        return rank

    monkeypatch.setattr(GreedyStrategy, "rank", promised(50.0))  # far more than the cubesat earns
    game = Game(mini, "esa", seed=1)
    answer_all(game)
    bot = GreedyStrategy(1)
    bot.prepare(game)
    assert bot.target == target and bot.readiness(game.state, mini) > 30.0
    bot.act(game)
    assert game.state.missions["cubesat"].build.status == "building"
