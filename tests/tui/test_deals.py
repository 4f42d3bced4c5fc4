"""Deals in the TUI: the turn line's "n deals", the deals screen's offers and ledger (n), accepting
and refusing with what each costs shown first, and the proposal builder (p) with the other
side's balance before sending."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from game.paths import default_scenario
from game.tui.screens.confirm import ConfirmScreen
from game.tui.screens.deals import DealsScreen
from game.tui.screens.proposal import ProposalScreen

from .conftest import LARGE, SMALL, TUI_FIXTURES, compiled, default_app, make_app, new_game
from .helpers import on_screen, screen_text, started, text_of
from .test_decisions import highlight, listed

DEALS = TUI_FIXTURES / "more" / "deals.yaml"


def answer_first(game: Game) -> None:
    for pending in list(game.state.pending):
        choices = game.compiled.events[pending.event].model.choices
        assert game.act(Action("answer", str(pending.uid), choices[0].id)).ok


def offers_waiting() -> Game:
    """After the first turn: NASA's seat for the arm and CNSA's data wait for an answer."""
    game = new_game(DEALS)
    answer_first(game)
    assert game.end_turn().ok
    answer_first(game)
    assert [d.status for d in game.state.deals] == ["offered", "offered"]
    return game


def one_signed() -> Game:
    """The data pact signed, NASA's offer still waiting."""
    game = offers_waiting()
    assert game.act(Action("accept_deal", "2")).ok
    return game


async def test_the_turn_line_says_how_many_offers_wait_even_after_a_change() -> None:
    game = offers_waiting()
    waiting = len([deal for deal in game.state.deals if deal.status == "offered"])
    game.state.changes.clear()  # nothing changed yet this turn: the line says what to do
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        line = text_of(app.screen.query_one("#turn-line"))
        assert line.startswith(f"Your move: n: {waiting} offers waiting · d decisions")
    game = offers_waiting()  # the year's appropriation came in: the offers are still said first
    assert game.state.changes
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        line = text_of(app.screen.query_one("#turn-line"))
        assert line.startswith(f"n: {waiting} offers waiting · This turn so far:")


async def test_n_opens_the_offers_with_their_terms() -> None:
    app = make_app(offers_waiting())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "NASA offers a deal: A seat for" in screen_text(app)  # the news names the key
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DealsScreen)
        shown = text_of(app.screen.query_one("#deals-ledger"))
        assert "● NASA: A seat for the arm · offer · answer by 2021-Q3" in shown
        terms = "you give Robotic arm (Gateway); you get a crew seat on Gateway once the\n    hardware is"
        assert terms in shown
        assert "refusing: relations with NASA -5" in shown
        # ESA is no Gateway partner: the engine says why it cannot accept yet
        assert "not now: Robotic arm (Gateway): ESA is not in Gateway" in listed(app)


async def test_accepting_says_what_breaking_costs_and_signs() -> None:
    app = make_app(offers_waiting())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        highlight(app, "Accept CNSA's offer: Data sharing")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        dialog = text_of(app.screen.query_one("#confirm-costs"))
        assert dialog.startswith("If you break it later")
        assert "relations with CNSA -20" in dialog
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, DealsScreen)
        assert app.game.state.deals[1].status == "signed"
        shown = text_of(app.screen.query_one("#deals-ledger"))
        assert "✓ CNSA: Data sharing · in force · until 2022-Q1" in shown
        assert "breaking: relations with CNSA -20" in shown


async def test_refusing_says_what_it_does_first() -> None:
    app = make_app(offers_waiting())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        highlight(app, "Refuse NASA's offer: A seat for the arm")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert text_of(app.screen.query_one("#confirm-costs")).startswith("What refusing does")
        await pilot.press("y")
        await pilot.pause()
        assert app.game.state.deals[0].status == "refused"
        assert "✗ NASA: A seat for the arm · refused" in text_of(app.screen.query_one("#deals-ledger"))


async def test_a_proposal_shows_the_balance_before_it_is_sent_and_is_answered_at_the_turns_end() -> None:
    app = make_app(new_game(DEALS))
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("n", "p")
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen)
        balance = app.screen.query_one("#proposal-balance")
        assert text_of(balance).startswith("NASA's goodwill now: +5")
        screen = app.screen
        loan = next(i for i, (side, item) in enumerate(screen.rows) if item == ("loan", "robotics"))
        fifty = next(i for i, (side, item) in enumerate(screen.rows) if side == 0 and item == ("money", "50"))
        menu = screen.query_one("#proposal-items")
        for row in (loan, fifty):
            menu.highlighted = menu.get_option_index(str(row))
            await pilot.press("enter")
            await pilot.pause()
        assert text_of(balance).startswith("NASA's balance +5: they would sign")
        assert "if signed and broken: relations with NASA -20" in text_of(balance)
        await pilot.press("s")
        await pilot.pause()
        assert "✓ Sent" in text_of(screen.query_one("#proposal-status"))
        [deal] = app.game.state.deals
        assert deal.status == "proposed" and deal.gives == [("loan", "robotics")]
        await pilot.press("escape")
        await pilot.pause()
        # the ledger says when the answer comes
        assert "… NASA: Your proposal to NASA · your proposal · answer at the end of 2021-Q1" in text_of(
            app.screen.query_one("#deals-ledger")
        )
        level = app.game.state.me.capabilities["robotics"]
        app.end_turn()
        await pilot.pause()
        assert deal.status == "signed" and app.game.state.me.capabilities["robotics"] == level + 1


async def test_a_refused_proposal_says_why_and_a_keeps_to_the_agencies_that_take_them() -> None:
    app = make_app(new_game(DEALS))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n", "p", "a")
        await pilot.pause()
        assert "A proposal to China National Space Administration" in screen_text(app) or "CNSA" in text_of(
            app.screen.query_one("#proposal-balance")
        )
        await pilot.press("s")  # nothing on the table
        await pilot.pause()
        assert "put something on the table" in text_of(app.screen.query_one("#proposal-status"))


async def test_at_80_columns_a_long_offer_runs_on_under_its_own_indent() -> None:
    """The terms of an offer longer than the screen is wide continue under their indent, never
    back at the left edge, in the ledger and in the list of decisions alike."""
    app = make_app(offers_waiting())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        ledger = text_of(app.screen.query_one("#deals-ledger")).splitlines()
        terms = next(i for i, line in enumerate(ledger) if "you give Robotic arm (Gateway)" in line)
        assert ledger[terms].startswith("    ") and ledger[terms + 1].startswith("    ")
        assert ledger[terms + 1] == "    hardware is delivered"
        shown = screen_text(app).splitlines()
        runs_on = [line for line in shown if "hardware is delivered" in line]
        assert runs_on and all("     " in line.split("hardware")[0] for line in runs_on)


async def test_the_deals_screen_at_80x24_sums_up_the_past_it_has_no_room_for() -> None:
    """Mid-2022 on the default scenario: four deals of the past, two shown, 'and 2 more' (this
    line once crashed the screen: a style passed where Content takes its spans)."""
    app = default_app(turns=6)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("n")
        await on_screen(pilot, DealsScreen)
        await pilot.pause()
        ledger = text_of(app.screen.query_one("#deals-ledger"))
        assert "NASA: A payload on a commercial lander · offer" in ledger
        assert ledger.splitlines()[-1] == "… and 2 more"


async def test_two_costs_on_one_relation_each_say_why() -> None:
    """Roscosmos's ISLS partnership (shipped campaign, ESA, seed 886493, 2021-Q2): breaking it costs
    the rules' penalty for any broken agreement and the deal's own on_break, both with Roscosmos;
    each line says which it is (they read as one cost shown twice: '-20', '-6')."""
    game = Game(compiled(default_scenario()), "esa", 886493)
    answer_first(game)
    assert game.end_turn().ok
    answer_first(game)
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("n")
        await on_screen(pilot, DealsScreen)
        highlight(app, "Accept Roscosmos's offer: A partnership in the ISLS plans")
        await pilot.press("enter")
        await on_screen(pilot, ConfirmScreen)
        dialog = text_of(app.screen.query_one("#confirm-costs"))
        assert "relations with Roscosmos -20 for breaking an agreement" in dialog
        assert "relations with Roscosmos -6 by this agreement's own terms" in dialog


STANCE_NOTE = (
    "A public stance: once, on signing, whoever takes it gains 5 relations with every agency of "
    "that bloc and loses 3 with every other agency."
)


async def test_a_public_stance_is_explained_where_it_is_offered_and_proposed() -> None:
    """'a public stance with West' said nothing of what it does (the rules' deal_stance_gain and
    deal_stance_cost, once on signing); the item's own words stay short for the news and debrief."""
    app = make_app(new_game(DEALS))
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("n", "p")
        await on_screen(pilot, ProposalScreen)
        screen = app.screen
        notes = screen.query_one("#proposal-notes")
        assert " ".join(text_of(notes).split()) == STANCE_NOTE
        stance = next(i for i, (side, item) in enumerate(screen.rows) if item == ("stance", "west"))
        menu = screen.query_one("#proposal-items")
        menu.highlighted = menu.get_option_index(str(stance))
        await pilot.press("enter", "s")
        await pilot.pause()
        assert app.game.state.deals[-1].asks == [("stance", "west")]
        await pilot.press("escape")
        await on_screen(pilot, DealsScreen)
        ledger = " ".join(text_of(app.screen.query_one("#deals-ledger")).split())
        assert "you give a public stance with West" in ledger and ledger.endswith(STANCE_NOTE)
