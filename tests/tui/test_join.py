"""Joining a programme: contribution, cost over time, capability, rewards, relations, confirm."""

from __future__ import annotations

from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.join import JoinScreen

from .conftest import SMALL, make_app, new_game
from .helpers import text_of


async def test_the_join_screen_shows_costs_needs_rewards_and_relations() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("1")  # Gateway
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        await pilot.press("down")  # from "join without a contribution" to the robotic arm
        await pilot.pause()
        details = text_of(app.screen.query_one("#join-details")).replace("\u00a0", " ")  # a year and its sum
        assert "Cost 400 M$ over 4 turns, about 100 M$ a turn" in details
        assert "2021: 400 M$" in details
        assert "Needs Robotics 2 (you 2 ✓)" in details
        assert "Earns 1 crew seat, +1 science per turn, +10 prestige" in details
        assert "Flies on First crew (2023-Q1)" in details
        assert "relations with CNSA -10" in details
        assert "Admission: relations of at least 20 with NASA (yours: +60 ✓)" in details
        assert "On joining: " in details  # each label with its colon: it read as one phrase
        assert text_of(app.screen.query_one("#join-status")) == "✓ you may offer this"
        await pilot.press("down")  # the habitat needs more than ESA has
        await pilot.pause()
        assert "Needs Habitation 3 (you 1 ✗)" in text_of(app.screen.query_one("#join-details"))
        assert "needs Habitation level 3 (you have 1)" in text_of(app.screen.query_one("#join-status"))
        await pilot.press("c")  # refused: the screen stays, the state does not change
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert app.game.state.programmes["gateway"].applicants == {}
        await pilot.press("up", "c")  # offer the arm
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.game.state.programmes["gateway"].applicants == {"esa": "arm"}


async def test_a_closed_programme_says_why() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("j")  # pick from the list
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # ISLS
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen) and app.screen.programme == "isls"
        assert "ISLS takes no new partners" in text_of(app.screen.query_one("#join-status"))
        assert "it takes no new partners" in text_of(app.screen.query_one("#join-details"))


async def test_a_member_can_withdraw_and_others_cannot() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("2")  # ILRS
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "esa" not in game.state.programmes["ilrs"].members  # not a member: X does nothing
        game.state.programmes["ilrs"].members.append("esa")  # as if accepted
        app.campaign_changed()  # the message every screen of the campaign redraws on
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "esa" in game.state.programmes["ilrs"].members  # it asks first, saying what it costs
        await pilot.press("y")
        await pilot.pause()
        assert "esa" not in game.state.programmes["ilrs"].members
        assert any(item.text == "ESA leaves ILRS (withdrawal)" for item in game.state.news)
        assert game.state.relation("esa", "cnsa") == 10 - 25  # the lead takes offence


async def test_a_turns_notice_does_not_linger_into_the_next_turn() -> None:
    """'Application sent: the leads answer at the end of the turn' still showed over the next
    turn's event dialog; ending the turn clears the turn's notices."""
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("1", "down", "c")  # offer the robotic arm: the application is sent
        await pilot.pause()
        assert any("Application sent" in str(n.message) for n in app._notifications)
        await pilot.press("e")
        await pilot.pause()
        assert app.game.state.turn == 1
        assert not any("Application sent" in str(n.message) for n in app._notifications)


def contribution_prompts(app) -> list[str]:
    from textual.widgets import OptionList

    menu = app.screen.query_one("#contributions", OptionList)
    return [" ".join(str(menu.get_option_at_index(i).prompt).split()) for i in range(menu.option_count)]


async def test_the_lists_marks_have_a_legend_and_the_players_own_build_is_a_status() -> None:
    """The '·' of a contribution another agency builds had no word for it, and the player's own
    build read '✗ not now: already being built by you', as if it were refused."""
    from game.engine.actions import Action

    game = new_game()
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("fund", "gateway", "arm")).ok
    habitat = game.state.programmes["gateway"].slots["hab"]
    habitat.owner, habitat.status = "jaxa", "building"
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("1")  # Gateway
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        legend = text_of(app.screen.query_one("#join-legend")).split()
        assert " ".join(legend) == "✓ you may offer ✗ not now · taken ■ yours"
        prompts = contribution_prompts(app)
        assert prompts[0].startswith("■ Robotic arm") and prompts[1].startswith("· Habitat")
        assert text_of(app.screen.query_one("#join-status")) == "■ being built by you"
        assert "Status being built by you" in text_of(app.screen.query_one("#join-details"))
        await pilot.press("c")  # nothing to send: where it stands, again
        await pilot.pause()
        assert text_of(app.screen.query_one("#join-status")) == "■ being built by you"
        await pilot.press("down")
        await pilot.pause()
        assert text_of(app.screen.query_one("#join-status")) == "✗ not now: already being built by JAXA"
        # another's build: what it cost, not a schedule of payments the player would never make
        details = text_of(app.screen.query_one("#join-details")).splitlines()
        assert details[:3] == ["Habitat (module)", "Cost 800 M$", "Needs Habitation 3 (you 1 ✗)"]
        assert "Status being built by JAXA" in details  # as the player's own says 'Status being built by you'


async def test_a_long_payment_schedule_breaks_between_years_under_its_indent() -> None:
    """At 80 columns I-Hab's five years of payments broke '2023:' from its '300 M$' and ran on
    at the pane's left edge."""
    from .conftest import default_app

    app = default_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("1", "1", "down")  # the opening event answered, the Gateway, I-Hab
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        details = text_of(app.screen.query_one("#join-details")).replace("\u00a0", " ").splitlines()
        schedule = [line for line in details if ": 300 M$" in line]
        entries = [entry.strip() for line in schedule for entry in line.split(" · ")]
        assert entries == [f"{year}: 300 M$" for year in range(2021, 2026)]  # none split
        assert len(schedule) > 1 and all(line.startswith("   20") for line in schedule)
