"""The greedy bot plays flights and the corps as its own evaluation says: it prepares a flight when
the stakes pay for it, not when they do not, opens a selection round when it has nobody to fly, and
keeps builds out of years the budget plan cannot pay."""

from __future__ import annotations

from game.bots.greedy import GreedyStrategy
from game.engine.actions import Action
from game.engine.game import Game
from tests.helpers import MINI_TEXT, answer_all, compiled_from, play_turns

FLIGHTS = """flights:
  reliability: {module: 0.5}
  window_turns: 2
  per_level: 0
  preparations:
    - {id: tests, name: Extra tests, cost: COST, gain: 0.2, most: 2}
"""


def waiting_arm(cost: int) -> tuple[Game, GreedyStrategy]:
    """ESA in the Gateway, its robotic arm (the crew seat of the orbit objective) built and waiting for
    a launch that fails one time in two; a preparation costs ``cost`` M$."""
    game = Game(compiled_from(MINI_TEXT + FLIGHTS.replace("COST", str(cost))), "esa", 1)
    state = game.state
    state.programmes["gateway"].members.append("esa")
    state.me.money = 2_000_000
    assert game.act(Action("fund", "gateway", "arm")).ok
    play_turns(game, 4)
    answer_all(game)
    assert "gateway.arm" in state.flights
    bot = GreedyStrategy(1)
    bot.prepare(game)
    return game, bot


def test_greedy_prepares_a_flight_whose_failure_would_cost_it_the_crew_seat() -> None:
    game, bot = waiting_arm(cost=5)
    assert Action("prepare", "gateway.arm", "tests") in bot.candidates(game)
    bot.act(game)
    assert game.state.flights["gateway.arm"].prepared.get("tests")  # 0.5 -> 0.7 for 5 M$


def test_greedy_does_not_prepare_when_the_preparation_costs_more_than_the_risk() -> None:
    game, bot = waiting_arm(cost=1500)
    bot.act(game)
    flight = game.state.flights.get("gateway.arm")
    assert flight is None or not flight.prepared


def test_greedy_opens_a_selection_round_when_nobody_could_fly_its_seat() -> None:
    text = MINI_TEXT.replace("    astronauts: 3\n", "    astronauts: []\n    recruits: [Ann, Bo, Cy]\n", 1)
    game = Game(compiled_from(text), "esa", 1)
    state = game.state
    state.programmes["gateway"].members.append("esa")
    state.me.money = 2_000_000
    assert game.act(Action("fund", "gateway", "arm")).ok  # a crew seat, and no astronaut for it
    bot = GreedyStrategy(1)
    bot.prepare(game)
    assert Action("selection") in bot.candidates(game)
    bot.act(game)
    assert state.corps["esa"].selection_turns  # the round is under way


def test_greedy_keeps_a_build_out_of_a_year_it_could_not_pay() -> None:
    game = Game(compiled_from(MINI_TEXT), "esa", 1)
    state = game.state
    bot = GreedyStrategy(1)
    bot.prepare(game)
    per_turn = 140  # M$: within the quarter's appropriation (150 M$)
    state.me.money = 2 * per_turn * 1000  # two turns of payments in hand, not the year's four
    assert not bot.means(game)(4 * per_turn * 1000, 4)  # the year would end in the red
    state.me.money = 4 * per_turn * 1000
    assert bot.means(game)(4 * per_turn * 1000, 4)
