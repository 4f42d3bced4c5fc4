"""The astronaut corps (issue 13): named astronauts, selection rounds, training, assignment to the
seats the agency earned, flight records, losses as a crisis; every bad key a located error."""

from __future__ import annotations

import pytest

from game.engine import flights
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario
from game.engine.corps import loss_chance
from game.engine.effects import apply_effects
from game.engine.expressions import compile_expression
from game.engine.game import Game
from game.engine.snapshot import state_from_data, state_to_data
from game.format.loader import load_scenario_bytes
from game.format.models import Effect, Rules
from tests.authoring_support import position
from tests.helpers import MINI_TEXT, compiled_from, play_turns

NAMED = """    astronauts:
      - {name: Ada Vance, readiness: 80, flights: 2}
      - {name: Ben Okafor, readiness: 40}
      - {name: Cleo Marsh}
    recruits: [Dan Ruiz, Eve Lund, Finn Sato, Gus Berg]
"""


def corps_scenario(rules: str = "", events: str = "") -> CompiledScenario:
    text = MINI_TEXT.replace("    astronauts: 3\n", NAMED, 1)
    if rules:
        text = text.replace("  slip_chance: 0\n", f"  slip_chance: 0\n{rules}", 1)
    if events:
        text = text.replace("objectives:\n", f"{events}objectives:\n", 1)
    return compiled_from(text)


def names(game: Game) -> list[str]:
    return [a.name for a in game.state.corps["esa"].astronauts]


def give_seat_and_fly_crew1(game: Game) -> None:
    """ESA holds one Gateway seat and Gateway's first crew flies at the end of this turn."""
    state = game.state
    gateway = state.programmes["gateway"]
    gateway.members.append("esa")
    gateway.seats["esa"] = 1
    gateway.milestones[0].status, gateway.milestones[0].flown_at = "flown", state.month
    gateway.slots["arm"].status, gateway.slots["arm"].owner = "delivered", "nasa"
    gateway.milestones[1].due = state.month


def read(game: Game, expression: str) -> object:
    return compile_expression(expression)(game.state)


# ---------------------------------------------------------------- the corps at the start


def test_a_scenario_without_named_astronauts_has_no_corps_and_saves_none() -> None:
    game = Game(compiled_from(MINI_TEXT), "esa", 1)
    assert game.state.corps == {} and game.state.me.astronauts == 3
    assert "corps" not in state_to_data(game.state)
    assert not [o for o in game.options() if o.action.kind in ("selection", "train", "assign")]


def test_named_astronauts_make_the_corps_and_its_count() -> None:
    game = Game(corps_scenario(), "esa", 1)
    assert names(game) == ["Ada Vance", "Ben Okafor", "Cleo Marsh"]
    ada, _, cleo = game.state.corps["esa"].astronauts
    assert (ada.id, ada.readiness, ada.prior_flights) == ("1", 80, 2)
    assert cleo.readiness == 50  # the documented default
    assert game.state.me.astronauts == 3 == read(game, "astronauts")
    again = state_from_data(state_to_data(game.state))
    assert again.corps == game.state.corps
    copy = game.state.copy()
    copy.corps["esa"].astronauts[0].readiness = 1
    assert ada.readiness == 80  # the copy is independent


# ---------------------------------------------------------------- selection rounds


def test_a_selection_round_costs_money_takes_turns_and_adds_drawn_recruits() -> None:
    cs = corps_scenario()
    game = Game(cs, "esa", 1)
    money = game.state.me.money
    assert game.act(Action("selection")).ok
    assert game.state.me.money == money - 30_000
    assert "under way" in game.act(Action("selection")).reason
    for _ in range(cs.rules.selection_turns - 1):
        play_turns(game, 1)
        assert len(names(game)) == 3
    play_turns(game, 1)
    joined = names(game)[3:]
    assert len(joined) == 3 and set(joined) <= {"Dan Ruiz", "Eve Lund", "Finn Sato", "Gus Berg"}
    assert game.state.me.astronauts == 6
    assert game.state.corps["esa"].astronauts[3].readiness == cs.rules.recruit_readiness
    twin = Game(cs, "esa", 1)
    twin.act(Action("selection"))
    play_turns(twin, cs.rules.selection_turns)
    assert names(twin) == names(game)  # drawn from the campaign's generator: the same seed, the same names


def test_a_selection_round_is_refused_without_a_corps_money_or_names() -> None:
    plain = Game(compiled_from(MINI_TEXT), "esa", 1)
    assert "no named astronaut corps" in plain.act(Action("selection")).reason
    game = Game(corps_scenario(), "esa", 1)
    game.state.me.money = 0
    assert "costs" in game.act(Action("selection")).reason
    game.state.corps["esa"].recruits.clear()
    assert "no candidates" in game.act(Action("selection")).reason


# ---------------------------------------------------------------- training


def test_training_raises_readiness_for_its_cost_and_idleness_lowers_it() -> None:
    cs = corps_scenario()
    game = Game(cs, "esa", 1)
    assert game.act(Action("train", "2")).ok  # Ben, at 40
    money = game.state.me.money
    game.end_turn()
    ada, ben, _ = game.state.corps["esa"].astronauts
    assert ben.readiness == 40 + cs.rules.training_gain
    assert ada.readiness == 80 - cs.rules.readiness_decay
    assert any(c.reason == "training of Ben Okafor" and c.delta == -2000 for c in game.reports[-1].changes)
    assert game.state.me.money != money
    assert game.act(Action("train", "2")).ok and not ben.training  # the same action stops it
    assert "no astronaut number '9'" in game.act(Action("train", "9")).reason


# ---------------------------------------------------------------- flying the seats


def test_an_unassigned_seat_goes_to_the_readiest_and_earns_a_flight_record() -> None:
    game = Game(corps_scenario("  loss_chance: 0\n  loss_unready: 0\n"), "esa", 1)
    give_seat_and_fly_crew1(game)
    prestige = game.state.me.prestige
    game.end_turn()
    ada = game.state.corps["esa"].astronauts[0]
    assert [(f.where, f.seat) for f in ada.flights] == [("orbit", "gateway")]
    assert game.state.me.flights == 1 and game.state.me.crewed_orbit
    assert game.state.me.prestige > prestige
    news = [item.text for item in game.reports[-1].news]
    assert any(text.startswith("Ada Vance flies in lunar orbit") for text in news), news
    assert read(game, "astronauts_flown") == 1


def test_the_assigned_astronaut_flies_the_seat_instead() -> None:
    game = Game(corps_scenario("  loss_chance: 0\n  loss_unready: 0\n"), "esa", 1)
    give_seat_and_fly_crew1(game)
    assert "no seat on 'ilrs'" in game.act(Action("assign", "3", "ilrs")).reason
    assert game.act(Action("assign", "3", "gateway")).ok
    assert game.state.corps["esa"].astronauts[2].assigned == "gateway"
    game.end_turn()
    ada, _, cleo = game.state.corps["esa"].astronauts
    assert len(cleo.flights) == 1 and not ada.flights and cleo.assigned == ""


def test_the_assign_offer_names_the_readiest_for_each_seat() -> None:
    game = Game(corps_scenario(), "esa", 1)
    give_seat_and_fly_crew1(game)
    [offer] = [o for o in game.options() if o.action.kind == "assign"]
    assert offer.action == Action("assign", "1", "gateway") and offer.allowed


# ---------------------------------------------------------------- losses


LOST_HOOK = """  - id: mourning
    title: A day of mourning
    on: {happening: astronaut_lost, agency: esa}
    effects: [{set_flags: [mourned]}]
"""


def test_a_loss_is_a_crisis_with_a_stand_down_and_a_happening() -> None:
    cs = corps_scenario("  loss_chance: 1\n", LOST_HOOK)
    game = Game(cs, "esa", 1)
    give_seat_and_fly_crew1(game)
    support, prestige = game.state.me.support, game.state.me.prestige
    game.end_turn()
    ada = game.state.corps["esa"].astronauts[0]
    assert ada.status == "lost" and len(ada.flights) == 1
    assert game.state.me.astronauts == 2 and read(game, "astronauts_lost") == 1
    assert game.state.corps["esa"].stand_down == cs.rules.stand_down_turns - 1  # one turn has run
    changes = {c.reason: c.delta for c in game.reports[-1].changes if c.stat in ("support", "prestige")}
    assert changes["Ada Vance lost"] in (-cs.rules.loss_support, -cs.rules.loss_prestige)
    assert game.state.me.support < support + cs.rules.crew_support
    assert game.state.me.prestige < prestige + cs.rules.crew_prestige
    assert "mourned" in game.state.flags  # the hooked event answered at the next opening
    assert "train" not in {o.action.kind for o in game.options() if o.action.target == "1"}


def test_during_a_stand_down_the_seat_is_kept_for_a_later_flight() -> None:
    game = Game(corps_scenario(), "esa", 1)
    game.state.corps["esa"].stand_down = 3
    give_seat_and_fly_crew1(game)
    game.end_turn()
    assert game.state.programmes["gateway"].seats["esa"] == 1
    assert not any(a.flights for a in game.state.corps["esa"].astronauts)


def test_the_odds_of_a_loss_fall_with_readiness() -> None:
    rules = Rules()
    assert loss_chance(rules, 100) == pytest.approx(0.01)
    assert loss_chance(rules, 50) == pytest.approx(0.03)
    assert loss_chance(rules, 0) == pytest.approx(0.05)


# ---------------------------------------------------------------- effects and expressions


def test_an_effect_enlists_recruits_or_retires_the_least_ready() -> None:
    game = Game(corps_scenario(), "esa", 1)
    apply_effects(game.state, game.compiled, [Effect(astronauts=2)], "a test")
    assert len(names(game)) == 5 and game.state.me.astronauts == 5
    apply_effects(game.state, game.compiled, [Effect(astronauts=-1)], "a test")
    retired = [a for a in game.state.corps["esa"].astronauts if a.status == "retired"]
    assert len(retired) == 1 and retired[0].readiness == 20  # a recruit, the least ready
    assert game.state.me.astronauts == 4 == read(game, "astronauts")
    assert read(game, "corps_readiness") == pytest.approx((80 + 40 + 50 + 20) / 4)


# ---------------------------------------------------------------- located errors


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("    astronauts: 3\n", "    astronauts: 3\n    recruits: [Dan Ruiz]\n", "recruits", "named corps"),
        (
            "    astronauts: 3\n",
            "    astronauts: [{name: Ada Vance}]\n    recruits: [Ada Vance]\n",
            "Ada Vance]",
            "named twice",
        ),
        ("    astronauts: 3\n", "    astronauts: [{name: Ada, readiness: 120}]\n", "120", "100"),
        ("    astronauts: 3\n", "    astronauts: [{name: Ada, rank: 1}]\n", "rank", "unknown key"),
        ("    astronauts: 3\n", "    astronauts: [{readiness: 1}]\n", "{readiness", "name"),
        ("    astronauts: 3\n", "    astronauts: many\n", "many", ""),
        (
            "  slip_chance: 0\n",
            "  slip_chance: 0\n  selection_turns: 0\n",
            "0\n  slip_from_strain",
            "from 1 to 40",
        ),
    ],
)
def test_each_bad_corps_key_is_a_located_error(old: str, new: str, needle: str, message: str) -> None:
    assert old in MINI_TEXT
    text = MINI_TEXT.replace(old, new, 1)
    result = load_scenario_bytes("s.yaml", text.encode(), search_dirs=[])
    errors = [(d.line, d.column, d.message) for d in result.errors]
    assert any((line, column) == position(text, needle) and message in m for line, column, m in errors), (
        errors,
        position(text, needle),
    )


# ---------------------------------------------------------------- flights


def test_a_crewed_flights_reliability_follows_its_astronauts_readiness() -> None:
    """With 'flights:', a crewed national mission's reliability gains crew_readiness at readiness 100,
    loses it at 0; the astronaut assigned to it counts, else the readiest."""
    text = MINI_TEXT.replace("    astronauts: 3\n", NAMED, 1).replace(
        "    success: 1\n    science: 5\n", "    success: 1\n    science: 5\n    crew: orbit\n", 1
    )
    cs = compiled_from(text + "flights:\n  reliability: {mission: 0.6}\n  crew_readiness: 0.2\n")
    game = Game(cs, "esa", 1)
    ada, _, cleo = game.state.corps["esa"].astronauts
    assert flights.reliability(game.state, cs, "cubesat") == pytest.approx(0.6 + 0.2 * 0.6)  # Ada, at 80
    assert game.act(Action("assign", "3", "cubesat")).ok  # Cleo, at 50: neither more nor less
    assert flights.reliability(game.state, cs, "cubesat") == pytest.approx(0.6)
    cleo.readiness = 0
    assert flights.reliability(game.state, cs, "cubesat") == pytest.approx(0.4)
    plain = compiled_from(MINI_TEXT + "flights:\n  reliability: {mission: 0.6}\n  crew_readiness: 0.2\n")
    assert flights.reliability(Game(plain, "esa", 1).state, plain, "cubesat") == pytest.approx(0.6)
    assert ada.readiness == 80
