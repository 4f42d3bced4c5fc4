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


def waiting_arm(cost: int, gain: float = 0.2, rules: str = "") -> tuple[Game, GreedyStrategy]:
    """ESA in the Gateway, its robotic arm (the crew seat of the orbit objective) built and waiting for
    a launch that fails one time in two; a preparation costs ``cost`` M$ and adds ``gain``; ``rules``:
    more lines of the scenario's rules."""
    text = MINI_TEXT.replace("rules:\n", "rules:\n" + rules, 1)
    flights = FLIGHTS.replace("COST", str(cost)).replace("gain: 0.2", f"gain: {gain}")
    game = Game(compiled_from(text + flights), "esa", 1)
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


def test_greedy_takes_a_preparation_worth_a_few_hundredths_of_a_point() -> None:
    """A preparation's gain is a change of the flight's odds, which the engine itself draws from: the bot
    takes one worth less than the margin it asks of a commitment (0.05 points)."""
    game, bot = waiting_arm(cost=205, gain=0.05)
    prepare = Action("prepare", "gateway.arm", "tests")
    gain = bot.lookahead(game, prepare) - bot.lookahead(game, None)
    assert bot.fine_margin < gain < bot.margin  # about 0.04 points: 0.5 -> 0.55 for 205 M$
    bot.act(game)
    assert game.state.flights["gateway.arm"].prepared.get("tests")


LAPSING = "  year_end_clawback: 0.9\n  year_end_carryover: 0\n"


def test_greedy_spends_money_the_treasury_would_claw_back() -> None:
    """With most unspent money lapsing at the year's end, a preparation too dear to pay from money kept
    for good is worth its price: what it costs would mostly have been clawed back."""
    game, bot = waiting_arm(cost=400, gain=0.05)
    bot.act(game)
    flight = game.state.flights.get("gateway.arm")
    assert flight is None or not flight.prepared  # 400 M$ of money kept: not worth 0.05
    game, bot = waiting_arm(cost=400, gain=0.05, rules=LAPSING)
    bot.act(game)
    assert game.state.flights["gateway.arm"].prepared.get("tests")


def test_the_budget_rule_counts_the_money_a_new_build_keeps_from_the_clawback() -> None:
    """Money owed to a build is never clawed back, so a build paid from savings the plan expects the
    treasury to take (were nothing committed) still fits the budget."""
    game = Game(compiled_from(MINI_TEXT.replace("rules:\n", "rules:\n" + LAPSING, 1)), "esa", 1)
    state = game.state
    bot = GreedyStrategy(1)
    bot.prepare(game)
    per_turn = 140  # M$: within the quarter's appropriation (150 M$)
    state.me.money = 8 * per_turn * 1000  # two years of payments in hand, most of it lapsing unspent
    assert bot.means(game)(8 * per_turn * 1000, 8)
