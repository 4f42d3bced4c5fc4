"""Deals with terms (issue 14): offers made and answered, proposals weighed, agreements kept and broken."""

from __future__ import annotations

import pytest

from game.bots.deals import MAX_PROPOSALS, proposals
from game.bots.outlook import outlook_of
from game.bots.strategies import make_strategy
from game.engine.actions import Action
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.deal_items import decode
from game.engine.deals import backing, terms_text, willingness
from game.engine.fingerprint import state_hash
from game.engine.game import Game
from game.engine.programmes import set_status
from game.engine.queries import consequences as told
from game.engine.snapshot import state_from_data, state_to_data
from game.engine.vocabulary import IMPLEMENTATIONS
from game.format.loader import load_scenario_bytes
from tests.helpers import MINI_TEXT, answer_all, compiled_from

#: The deals block the tests add to the mini scenario.
DEALS = """\
deals:
  offers:
    - id: arm_for_seats
      agency: nasa
      title: Seats for the arm
      text: NASA offers a crew seat if you build the robotic arm.
      when: member("gateway")
      deadline: 2
      gives: [{seat: gateway}]
      asks: [{contribution: gateway.arm}]
      on_refuse: [{relations: [{agency: nasa, delta: -5}]}]
      on_break: [{support: -5}]
    - id: data_pact
      agency: cnsa
      title: Data sharing
      gives: [{data: 2}]
      asks: [{money: 20}]
      duration: 2
      deadline: 3
      on_refuse: [{relations: [{agency: cnsa, delta: -3}]}]
    - id: accords
      agency: nasa
      title: The Lunar Accords
      accord_name: the Lunar Accords
      after: 2021-Q2
      gives: [{accord: lunar_accords}]
      asks: [{stance: west}]
      on_sign: [{prestige: 3}]
  terms:
    - agency: nasa
      goodwill: 'relation("nasa") / 4 - 10'
      values:
        - {item: contribution, ref: gateway.arm, value: 300}
        - {item: seat, cost: 150}
        - {item: data, value: 5, cost: 5}
        - {item: loan, ref: robotics, cost: 50}
"""
#: ESA starts as a Gateway partner, so that NASA's seat-for-hardware offer comes on the first turn.
PARTNER = ("leads: [nasa]\n    health: 80", "leads: [nasa]\n    members: [esa]\n    health: 80")


def with_deals(deals: str = DEALS, partner: bool = True) -> str:
    text = MINI_TEXT.replace(*PARTNER) if partner else MINI_TEXT
    return text + deals


@pytest.fixture(scope="module")
def compiled() -> CompiledScenario:
    return compiled_from(with_deals())


def offered(compiled: CompiledScenario, seed: int = 1) -> Game:
    """A campaign after its first turn: NASA's and CNSA's offers wait."""
    game = Game(compiled, "esa", seed)
    next_turn(game)
    return game


def next_turn(game: Game):
    """End the turn (answering any event first); the turn's report."""
    answer_all(game)
    outcome = game.end_turn()
    assert outcome.ok, outcome.reason
    answer_all(game)  # what the next turn's opening asks, so that the test may act
    return outcome.report


def deal_of(game: Game, deal_id: str):
    return next(d for d in game.state.deals if d.deal == deal_id)


def truth(game: Game, name: str, *args: str):
    return IMPLEMENTATIONS[name](*args)(game.state)


def test_a_scenario_without_deals_has_no_ledger_and_saves_as_before() -> None:
    game = Game(compiled_from(MINI_TEXT), "esa", 1)
    for _ in range(4):
        next_turn(game)
    assert game.state.deals == []
    assert "deals" not in state_to_data(game.state)
    assert not [o for o in game.options() if o.action.kind.endswith("_deal")]


def test_agencies_make_their_offers_when_the_condition_holds(compiled: CompiledScenario) -> None:
    game = Game(compiled, "esa", 1)
    assert game.state.deals == []  # offers come at the end of a turn
    report = next_turn(game)
    assert report is not None
    assert [(d.deal, d.agency, d.status) for d in game.state.deals] == [
        ("arm_for_seats", "nasa", "offered"),
        ("data_pact", "cnsa", "offered"),
    ]  # the accords wait for 2021-Q2
    assert any("NASA offers a deal: Seats for the arm" in n.text for n in report.news)
    labels = {o.label: o.effect for o in game.options() if o.action.kind in ("accept_deal", "refuse_deal")}
    assert (
        labels["Accept NASA's offer: Seats for the arm"]
        == "you give Robotic arm (Gateway); you get a crew seat on Gateway once the hardware is delivered"
    )
    assert labels["Refuse NASA's offer: Seats for the arm"] == "relations with NASA -5"


def test_an_offer_is_not_made_to_an_agency_outside_its_condition() -> None:
    game = offered(compiled_from(with_deals(partner=False)))
    assert [d.deal for d in game.state.deals] == ["data_pact"]


def test_accepting_signs_the_agreement_and_both_sides_give(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    deal = deal_of(game, "arm_for_seats")
    before = game.state.relation("esa", "nasa")
    consequences = told(game.state, game.compiled, Action("accept_deal", str(deal.uid)))
    # the rules' penalty and the deal's own on_break, each saying which it is
    assert consequences[0] == "relations with NASA -20 for breaking an agreement"
    assert "your promised builds stop, and what was paid into them is lost" in consequences
    assert "support -5 by this agreement's own terms" in consequences
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    gateway = game.state.programmes["gateway"]
    assert gateway.slots["arm"].owner == "esa" and gateway.slots["arm"].status == "building"
    assert gateway.seats.get("esa", 0) == 0  # the seat comes with the hardware
    assert game.state.relation("esa", "nasa") == before + game.compiled.rules.deal_signed_relation
    assert deal.status == "signed"
    assert truth(game, "signed", "arm_for_seats") and truth(game, "agreement_with", "nasa")
    assert not truth(game, "agreement_with", "cnsa")
    assert not game.act(Action("accept_deal", str(deal.uid))).ok  # once


def test_refusing_applies_what_the_offer_said_and_it_is_not_made_again(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    deal = deal_of(game, "arm_for_seats")
    before = game.state.relation("esa", "nasa")
    assert game.act(Action("refuse_deal", str(deal.uid))).ok
    assert deal.status == "refused"
    assert game.state.relation("esa", "nasa") == before - 5
    for _ in range(6):
        next_turn(game)
    assert [d.deal for d in game.state.deals].count("arm_for_seats") == 1  # repeat: false


def test_an_offer_left_unanswered_lapses_at_its_deadline_as_refused(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    deal = deal_of(game, "data_pact")  # deadline 3 turns
    before = game.state.relation("esa", "cnsa")
    next_turn(game)
    next_turn(game)
    assert deal.status == "offered"
    next_turn(game)
    assert deal.status == "lapsed"
    assert game.state.relation("esa", "cnsa") < before  # -3, besides the drift of the memberships


def test_an_agreement_with_a_term_pays_its_data_and_ends_kept(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    deal = deal_of(game, "data_pact")
    money = game.state.me.money
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    assert game.state.me.money == money - 20_000
    science = game.state.me.science
    report = next_turn(game)
    assert deal.status == "signed"
    assert any(
        c.reason == "agreement: Data sharing" and c.delta == 2 for c in report.changes if c.stat == "science"
    )
    next_turn(game)
    assert deal.status == "completed"
    assert game.state.me.science >= science + 4
    assert not truth(game, "signed", "data_pact")


def test_breaking_costs_what_signing_said(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    deal = deal_of(game, "arm_for_seats")
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    next_turn(game)
    relation, support = game.state.relation("esa", "nasa"), game.state.me.support
    option = next(o for o in game.options() if o.action.kind == "break_deal")
    assert option.effect.startswith("relations with NASA -20")
    assert game.act(Action("break_deal", str(deal.uid))).ok
    gateway = game.state.programmes["gateway"]
    assert deal.status == "broken"
    assert gateway.slots["arm"].status == "open"  # the promised build stops
    assert gateway.seats.get("esa", 0) == 0  # the seat not flown is taken back
    assert game.state.relation("esa", "nasa") == relation - 20
    assert game.state.me.support == support - 5
    assert truth(game, "agreements_broken", "nasa") == 1 and not truth(game, "signed", "arm_for_seats")


def test_withdrawing_the_promised_module_breaks_the_agreement_at_the_end_of_the_turn(
    compiled: CompiledScenario,
) -> None:
    game = offered(compiled)
    deal = deal_of(game, "arm_for_seats")
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    assert game.act(Action("cancel", "gateway", "arm")).ok
    assert deal.status == "signed"
    report = next_turn(game)
    assert deal.status == "broken" and deal.reason == "Robotic arm was withdrawn"
    assert any("You break the agreement with NASA: Seats for the arm" in n.text for n in report.news)


def test_a_cancelled_programme_ends_the_agreement_without_blaming_the_player(
    compiled: CompiledScenario,
) -> None:
    """Cancelling Gateway releases the promised arm: that is no withdrawal of the player's, so the
    agreement ends (kept) and costs nothing of what breaking would."""
    game = offered(compiled)
    deal = deal_of(game, "arm_for_seats")
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    set_status(game.state, game.compiled, "gateway", "cancelled", "test")
    relation, support = game.state.relation("esa", "nasa"), game.state.me.support
    report = next_turn(game)
    assert deal.status == "completed" and deal.reason == "Gateway was cancelled"
    assert any("The agreement with NASA ends: Seats for the arm" in n.text for n in report.news)
    assert game.state.relation("esa", "nasa") >= relation - 1  # no deal_break_penalty (20)
    assert game.state.me.support >= support - 2  # no on_break (-5)


def test_an_accord_sets_its_flag_and_a_stance_moves_relations_by_bloc(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    next_turn(game)  # 2021-Q2: the accords are offered
    deal = deal_of(game, "accords")
    # the accord's name as it reads mid-sentence, not the offer's title
    assert "you get membership of the Lunar Accords" in terms_text(game.compiled, deal)
    west, east = game.state.relation("esa", "nasa"), game.state.relation("esa", "cnsa")
    prestige = game.state.me.prestige
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    rules = game.compiled.rules
    assert truth(game, "my_flag", "lunar_accords")
    assert game.state.relation("esa", "nasa") == west + rules.deal_stance_gain + rules.deal_signed_relation
    assert game.state.relation("esa", "cnsa") == east - rules.deal_stance_cost
    assert game.state.me.prestige == prestige + 3  # on_sign
    assert game.act(Action("break_deal", str(deal.uid))).ok
    assert not truth(game, "my_flag", "lunar_accords")  # leaving the accord


def test_a_proposal_is_weighed_and_answered_at_the_end_of_the_turn(compiled: CompiledScenario) -> None:
    game = Game(compiled, "esa", 1)
    state = game.state
    # NASA: goodwill 60/4 - 10 = 5; takes 50 M$ (+50), lends robotics hardware (-50): +5
    assert willingness(state, compiled, "nasa", [("loan", "robotics")], [("money", "50")]) == 5
    assert game.act(Action("propose_deal", "nasa", "money:50/loan:robotics")).ok
    assert not game.act(Action("propose_deal", "nasa", "money:60/loan:robotics")).ok  # one a turn
    level = state.me.capabilities["robotics"]
    next_turn(game)
    [deal] = [d for d in game.state.deals if not d.deal]
    assert deal.status == "signed"
    assert game.state.me.capabilities["robotics"] == level + 1
    for _ in range(compiled.rules.deal_proposal_turns):
        next_turn(game)
    assert deal.status == "completed"
    assert game.state.me.capabilities["robotics"] == level  # the hardware goes back


def test_a_proposal_short_of_their_while_is_declined_and_changes_nothing(compiled: CompiledScenario) -> None:
    game = Game(compiled, "esa", 1)
    money = game.state.me.money
    assert game.act(Action("propose_deal", "nasa", "money:20/loan:robotics")).ok
    report = next_turn(game)
    [deal] = [d for d in game.state.deals if not d.deal]
    assert deal.status == "declined" and "25 points short" in deal.reason
    assert any("NASA declines your proposal" in n.text for n in report.news)
    assert game.state.me.money >= money  # nothing paid


@pytest.mark.parametrize(
    ("target", "option", "reason"),
    [
        ("cnsa", "money:10/data:1", "CNSA takes no proposals"),
        ("nasa", "money:10/seat:ilrs", "a crew seat on ILRS: only a lead of ILRS gives its seats"),
        ("nasa", "money:10/data:1", ""),
        ("nasa", "money:10/loan:habitation", "NASA does not give a loan of Habitation hardware (+1 level)"),
        ("nasa", "money:5000/", "5,000 M$... "),
        ("nasa", "/", "put something on the table"),
        ("nasa", "gold:5/", "no kind of item 'gold'"),
        ("nasa", "contribution:gateway.nope/", "no contribution 'gateway.nope'"),
        ("esa", "money:5/", "no other agency 'esa'"),
    ],
)
def test_a_proposal_is_refused_with_its_reason(
    compiled: CompiledScenario, target: str, option: str, reason: str
) -> None:
    game = Game(compiled, "esa", 1)
    found = game.check(Action("propose_deal", target, option))
    if reason.endswith("... "):
        assert found.startswith(reason[:-4])
    else:
        assert found == reason


def test_the_ledger_survives_a_save(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    assert game.act(Action("accept_deal", str(deal_of(game, "arm_for_seats").uid))).ok
    data = state_to_data(game.state)
    assert data["deals"][0]["status"] == "signed"
    restored = state_from_data(data)
    assert restored.deals == game.state.deals
    assert state_hash(restored) == state_hash(game.state)
    assert game.state.copy().deals == game.state.deals


def test_backing_adds_to_the_players_application() -> None:
    backed = DEALS.replace("gives: [{data: 2}]", "gives: [{support: ilrs}]")
    compiled = compiled_from(with_deals(backed))
    game = offered(compiled)
    assert game.act(Action("accept_deal", str(deal_of(game, "data_pact").uid))).ok
    assert backing(game.state, "ilrs") == 1 and backing(game.state, "gateway") == 0


def errors(deals: str) -> list[tuple[int, str, str]]:
    text = with_deals(deals)
    result = load_scenario_bytes("s.yaml", text.encode())
    offset = with_deals("").count("\n")
    return [(e.line - offset, e.code, e.message) for e in result.errors]


@pytest.mark.parametrize(
    ("old", "new", "line", "code", "words"),
    [
        (
            "asks: [{contribution: gateway.arm}]",
            "asks: [{contribution: gateway.armm}]",
            10,
            "unknown-id",
            "unknown contribution 'gateway.armm'",
        ),
        (
            "gives: [{seat: gateway}]",
            "gives: [{seat: ilrs}]",
            9,
            "deal",
            "only a lead of 'ilrs' gives its seats",
        ),
        ("- id: data_pact", "- id: arm_for_seats", 13, "duplicate-id", "duplicate deal id 'arm_for_seats'"),
        (
            "agency: cnsa\n      title: Data",
            "agency: cnsq\n      title: Data",
            14,
            "unknown-id",
            "unknown agency 'cnsq'",
        ),
        (
            "{item: data, value: 5, cost: 5}",
            "{item: data, ref: x, value: 5}",
            35,
            "deal",
            "'data' is an amount",
        ),
        ("{item: seat, cost: 150}", "{item: seat}", 34, "deal", "a rule gives 'value'"),
        (
            "goodwill: 'relation(\"nasa\") / 4 - 10'",
            "goodwill: 'relation(\"nasx\")'",
            31,
            "unknown-id",
            "unknown agency 'nasx'",
        ),
        ('when: member("gateway")', 'when: signed("nope")', 7, "unknown-id", "unknown deal 'nope'"),
        ("gives: [{data: 2}]", "gives: [{data: 2, money: 3}]", 16, "invalid-value", "exactly one of"),
        (
            "gives: [{data: 2}]",
            "gives: [{joint_mission: cubesat}]",
            16,
            "deal",
            "only the player builds",
        ),
        (
            "title: Data sharing",
            "title: Data sharing\n      accord_name: the data pact",
            16,
            "deal",
            "'accord_name' names an accord",
        ),
    ],
)
def test_a_deals_section_has_located_errors(old: str, new: str, line: int, code: str, words: str) -> None:
    assert old in DEALS, old
    found = errors(DEALS.replace(old, new, 1))
    assert any(f_line == line and f_code == code and words in message for f_line, f_code, message in found), (
        found
    )


def test_the_compiled_scenario_has_no_deals_without_the_section() -> None:
    compiled = compile_scenario(load_scenario_bytes("s.yaml", MINI_TEXT.encode()).unwrap())
    assert compiled.deals == {} and compiled.deal_terms == {}


def test_an_offer_for_a_build_already_under_way_makes_it_a_promise(compiled: CompiledScenario) -> None:
    game = Game(compiled, "esa", 1)
    assert game.act(Action("fund", "gateway", "arm")).ok
    next_turn(game)
    deal = deal_of(game, "arm_for_seats")
    paid = game.state.programmes["gateway"].slots["arm"].paid
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    assert game.state.programmes["gateway"].slots["arm"].paid == paid  # the build goes on, not restarted


@pytest.mark.parametrize(
    ("strategy", "building", "status"),
    [
        ("gateway", True, "signed"),
        ("gateway", False, "refused"),
        ("alone", True, "signed"),
        ("alone", False, "refused"),
    ],
)
def test_the_bots_answer_offers_by_value(
    compiled: CompiledScenario, strategy: str, building: bool, status: str
) -> None:
    """A bot promises the arm it builds already, whatever its road (gateway-in-doubt's Artemis road
    keeps its Gateway hardware); it starts no build at an agency's asking."""
    game = Game(compiled, "esa", 1)
    if building:
        assert game.act(Action("fund", "gateway", "arm")).ok
    next_turn(game)
    bot = make_strategy(strategy, 1, compiled.scenario)
    bot.play_turn(game)
    assert deal_of(game, "arm_for_seats").status == status


def test_a_seat_for_hardware_comes_once_the_hardware_is_delivered(compiled: CompiledScenario) -> None:
    game = offered(compiled)
    deal = deal_of(game, "arm_for_seats")
    assert game.act(Action("accept_deal", str(deal.uid))).ok
    gateway = game.state.programmes["gateway"]
    while gateway.slots["arm"].status != "delivered":
        assert gateway.seats.get("esa", 0) == 0
        next_turn(game)
    report = next_turn(game)
    assert gateway.seats["esa"] >= 1 and deal.marks["seat:gateway"] == 1
    assert any("NASA gives 1 crew seat on Gateway: Seats for the arm" in n.text for n in report.news)


def test_the_proposals_a_bot_tries_are_ones_the_agency_would_sign_now(compiled: CompiledScenario) -> None:
    """Data, and a loan only in an area the bot needs, each for the least NASA's balance accepts."""
    game = Game(compiled, "esa", 1)
    game.state.shift_relation("esa", "nasa", 80 - game.state.relation("esa", "nasa"))  # goodwill +10
    found = proposals(game, {"robotics"})
    assert found and len(found) <= MAX_PROPOSALS
    for action in found:
        assert action.target == "nasa" and not game.check(action)
        asks, gives = decode(game.compiled, action.option)
        assert willingness(game.state, game.compiled, "nasa", gives, asks) >= 0
        assert all(kind in ("money", "stance") for kind, _ in asks)
    assert any(("loan", "robotics") in decode(game.compiled, a.option)[1] for a in found)
    assert not any(("loan", "robotics") in decode(game.compiled, a.option)[1] for a in proposals(game, set()))


def test_greedy_proposes_deals_that_pay_and_they_are_signed(compiled: CompiledScenario) -> None:
    """Greedy sends a proposal when the look one turn ahead says it pays: some campaigns have one,
    and what it sends is signed at the turn's end (it tries only what the agency accepts)."""
    proposed = []
    for seed in (1, 2):
        game = Game(compiled, "esa", seed)
        bot = make_strategy("greedy", seed, compiled.scenario)
        while not game.state.over:
            bot.play_turn(game)
        proposed += [deal for deal in game.state.deals if not deal.deal]
    assert proposed
    assert all(deal.status in ("signed", "completed") for deal in proposed)


def test_greedy_sees_the_data_an_agreement_brings(compiled: CompiledScenario) -> None:
    """The outlook counts an agreement's data until its term ends, so that buying data can pay."""
    game = offered(compiled)
    outlook = outlook_of(game.compiled)
    before = outlook.figures(outlook.forecast(game.state), game.compiled.end)[0]
    assert game.act(Action("accept_deal", str(deal_of(game, "data_pact").uid))).ok  # 2 a turn, 2 turns
    after = outlook.figures(outlook.forecast(game.state), game.compiled.end)[0]
    assert after == pytest.approx(before + 2 * 2, abs=2.1)


def test_a_balance_counts_a_whole_number_beyond_a_float_as_no_number() -> None:
    """An agency's terms may reach 10**315 by whole-number arithmetic: it counts 0, as an infinity does."""
    from game.engine.deals import _number

    assert _number(10**315) == _number(-(10**315)) == _number(float("inf")) == 0.0
    assert _number(7) == 7.0 and _number(-2.5) == -2.5


def test_a_stance_is_explained_with_the_rules_figures_and_nothing_else_is() -> None:
    """The note the deal screens show beside a public stance says what signing does with it."""
    from game.engine.deal_items import notes

    cs = compiled_from(
        MINI_TEXT.replace("rules:\n", "rules:\n  deal_stance_gain: 7\n  deal_stance_cost: 2\n", 1)
    )
    assert notes(cs, [("money", "50"), ("stance", "west")]) == [
        "A public stance: once, on signing, whoever takes it gains 7 relations with every agency of "
        "that bloc and loses 2 with every other agency."
    ]
    assert notes(cs, [("money", "50")]) == []
