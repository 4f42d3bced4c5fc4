"""Issue 11, points 7 to 10, played at 80x24 as a new player would: keys that work where the
help lists them, nothing cut, numbers that agree with each other, text that reads right."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from game.engine.actions import Action
from game.saves import list_saves
from game.tui.commands import CampaignCommands
from game.tui.saved import folder_saves
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.event import EventScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.join import JoinScreen
from game.tui.screens.relations import RelationsScreen

from .conftest import SMALL, TUI_FIXTURES, make_app, new_game
from .helpers import answer_events, on_screen, screen_text, text_of
from .test_deals import answer_first
from .test_saves import saving_app

FIVE_ROADS = TUI_FIXTURES / "more" / "five_roads.yaml"


async def test_help_and_save_work_while_an_event_waits(tmp_path: Path) -> None:
    app = saving_app(tmp_path, new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("e")  # turn 2 opens with the budget crisis
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        assert "f1 Help" in screen_text(app).splitlines()[-1]  # the dialog's footer lists them
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)  # still waiting for its answer
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [entry.date for entry in list_saves(tmp_path) if not entry.autosave] == ["2021-Q2"]


async def test_b_opens_the_debrief_before_the_end_and_the_palette_offers_every_screen(tmp_path: Path) -> None:
    app = saving_app(tmp_path, new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        offered = {name for name, _, _ in CampaignCommands(app.screen).commands()}
        assert {"Relations", "Save", "Debrief", "Timeline", "Help", "Decisions"} <= offered
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "Campaign under way · score so far" in screen_text(app)


async def test_nothing_is_cut_at_80x24() -> None:
    game = new_game()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(4):  # into 2022: a new appropriation
            await answer_events(pilot)
            await pilot.press("e")
            await pilot.pause()
        await answer_events(pilot)
        text = screen_text(app)
        assert text.splitlines()[-1].endswith("^p palette")  # no stray letter after it
        money = text_of(app.screen.query_one("#fig-money"))
        assert "▲+" in money and money in text  # the year's money delta is on screen, not wrapped away
        await pilot.press("r")
        await pilot.pause()
        assert "Non-aligned" not in text  # (the test scenario's blocs are short: West and East)
        assert "West" in screen_text(app) and "East" in screen_text(app)
        await pilot.press("escape", "d")
        await pilot.pause()
        menu = app.screen.query_one("#options", OptionList)
        prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        refused = [p for p in prompts if "not now:" in p and p.count("\n") > 1]
        assert refused, "a refusal long enough to wrap at 80 columns"
        for prompt in refused:  # every wrapped line keeps its indent
            assert all(line.startswith("    ") for line in prompt.splitlines()[1:])


async def test_the_relations_bloc_column_uses_the_width_it_has() -> None:
    from game.engine.game import Game
    from tests.tui.conftest import compiled

    default = Path(__file__).parents[2] / "scenarios" / "default-2021.yaml"
    app = make_app(Game(compiled(default), "esa", 3))
    async with app.run_test(size=SMALL) as pilot:
        await on_screen(pilot, EventScreen)  # the opening event comes after the dashboard: wait for it
        await answer_events(pilot)
        await on_screen(pilot, DashboardScreen)
        await pilot.press("r")
        await on_screen(pilot, RelationsScreen)
        assert "Non-aligned and hedging states" in screen_text(app)
        assert "Artemis partners (US-led)" in screen_text(app)


async def test_five_programmes_keep_the_news_and_the_milestones_readable() -> None:
    app = make_app(new_game(FIVE_ROADS))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        news = app.screen.query_one("#news")
        assert news.region.height >= 5 and news.region.bottom <= SMALL[1] - 1
        assert "── 2021-Q1" in screen_text(app)  # turn 1's news: the campaign's opening
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        card = text_of(app.screen.query_one("#card-ilrs"))
        assert "next Robotic\nlander\n" in card  # wrapped over the card's spare line, not "Robotic la…"


def _esa_campaign():  # type: ignore[no-untyped-def]
    """ESA's default campaign on seed 3, whose first turn opens on an event."""
    from game.engine.game import Game
    from game.paths import default_scenario
    from tests.tui.conftest import compiled

    return make_app(Game(compiled(default_scenario()), "esa", 3))


async def _past_the_opening_event(pilot) -> None:  # type: ignore[no-untyped-def]
    """Answer the opening event and wait for the dashboard."""
    await on_screen(pilot, EventScreen)
    await answer_events(pilot)
    await on_screen(pilot, DashboardScreen)
    await pilot.pause()


async def test_turn_1_news_holds_the_opening_event_just_answered() -> None:
    """Not "No news yet" right after the opening event was shown: the turn's news so far."""
    app = _esa_campaign()
    async with app.run_test(size=SMALL) as pilot:
        await _past_the_opening_event(pilot)
        body = text_of(app.screen.query_one("#news-body"))
        assert "No news yet" not in body
        assert body.startswith("── 2021-Q1")
        said = " ".join(body.split())  # wrapped to the feed's width
        assert "China and Russia sign up for a lunar station: Welcome it and ask for details" in said
        assert "Appropriation for 2021: 624 M$" in said


async def test_the_go_alone_card_shows_every_skill_level_whole_at_80_columns() -> None:
    """'skills (p) Hab4 Rob3 Pro4 Com4' over two lines of the narrow card, never 'Hab4…'."""
    app = _esa_campaign()
    async with app.run_test(size=SMALL) as pilot:
        await _past_the_opening_event(pilot)
        card = app.screen.query_one("#card-go-alone")
        shown = [line[card.region.x + 1 : card.region.right - 1] for line in screen_text(app).splitlines()]
        inside = " ".join(" ".join(shown[card.region.y + 1 : card.region.bottom - 1]).split())
        assert "skills (p) Hab4 Rob3 Pro4 Com4" in inside
        assert "+4 more" in inside  # a mission line gave way to the second line of skills


async def test_a_relation_reads_as_precisely_as_its_change_beside_it() -> None:
    """'⇄CNSA +9.6 ▼-10.4', not '+10 ▼-10.4' (the same quantity to two precisions on one screen)."""
    import re

    from game.engine.game import Game
    from game.paths import default_scenario
    from tests.tui.conftest import compiled

    game = Game(compiled(default_scenario()), "esa", 3)
    answer_first(game)
    assert game.act(Action("apply", "gateway")).ok  # joining pulls CNSA by -15 and drifts it a tenth a turn
    assert game.end_turn().ok
    answer_first(game)
    cnsa = game.state.relation("esa", "cnsa")
    assert not float(round(cnsa, 1)).is_integer(), "a relation that is not whole, for this test"
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await on_screen(pilot, DashboardScreen)
        await pilot.pause()
        cells = [text_of(cell) for cell in app.screen.query(".figure") if text_of(cell).startswith("⇄")]
        (shown,) = [cell for cell in cells if cell.startswith("⇄CNSA ")]
        value, change = re.fullmatch(r"⇄CNSA (\S+) ▼(\S+)", shown).groups()
        assert "." in value and "." in change
        assert value == f"{cnsa:+.1f}"


async def test_news_sits_under_the_quarter_it_happened_in() -> None:
    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(4):
            await answer_events(pilot)
            await pilot.press("e")
            await pilot.pause()
        body = text_of(app.screen.query_one("#news-body"))
        assert body.index("── 2022-Q1") < body.index("Appropriation for 2022") < body.index("── 2021-Q4")


async def test_a_member_sees_no_joining_terms_and_a_build_only_what_is_left_to_pay() -> None:
    game = new_game()
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("fund", "gateway", "arm")).ok  # 400 M$ over 4 turns
    for _ in range(2):
        for pending in list(game.state.pending):
            choice = game.compiled.events[pending.event].model.choices[0].id
            game.act(Action("answer", str(pending.uid), choice))
        assert game.end_turn().ok
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await answer_events(pilot)
        app.push_screen(JoinScreen("gateway", "arm"))
        await pilot.pause()
        details = text_of(app.screen.query_one("#join-details"))
        assert "On joining" not in details
        assert "400 M$; 200 M$ paid, 200 M$ still to pay over 2 turns" in details
        assert "2021-Q1" not in details  # the paid turns are not due again


async def test_the_load_list_counts_turns_as_the_header_does(tmp_path: Path) -> None:
    app = saving_app(tmp_path, new_game())
    async with app.run_test(size=SMALL) as pilot:
        await answer_events(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert "turn 2 of 16" in screen_text(app)
    (entry,) = folder_saves(tmp_path)()
    assert "turn 2 " in entry.detail or "turn 2," in entry.detail


async def test_undoing_asks_first_and_says_what_it_costs() -> None:
    from game.tui.screens.confirm import ConfirmScreen
    from game.tui.screens.title import TitleScreen

    game = new_game()
    game.state.programmes["gateway"].members.append("esa")
    assert game.act(Action("fund", "gateway", "arm")).ok
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("d")
        await pilot.pause()
        menu = app.screen.query_one("#options", OptionList)
        first = str(menu.get_option_at_index(menu.highlighted or 0).prompt)
        assert "Cancel" not in first and "Withdraw" not in first  # not where the cursor lands
        labels = [str(menu.get_option_at_index(i).prompt).splitlines()[0] for i in range(menu.option_count)]
        menu.highlighted = next(i for i, label in enumerate(labels) if "Cancel Robotic arm" in label)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "0 M$ already paid into Robotic arm is lost" in text and "relations with NASA -10" in text
        await pilot.press("enter")  # the cursor starts on "No"
        await pilot.pause()
        assert game.state.programmes["gateway"].slots["arm"].owner == "esa"
        await pilot.press("enter", "y")
        await pilot.pause()
        assert game.state.programmes["gateway"].slots["arm"].owner is None
        await pilot.press("escape", "1", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "support -5" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "esa" in game.state.programmes["gateway"].members
        app.action_new_campaign()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "all of it is lost" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_a_long_refusal_on_the_join_screen_wraps() -> None:
    from game.tui.screens.join import verdict

    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("1")
        await pilot.pause()
        reason = "ILRS is closed to agencies with relations of 70 or more with NASA; yours are 95, and more"
        app.screen.query_one("#join-status").update(verdict(reason))
        await pilot.pause()
        assert "yours are 95, and more" in " ".join(screen_text(app).split())


def test_the_help_says_when_a_key_works_and_lists_the_app_keys_once() -> None:
    from game.tui.screens.help import all_keys

    text = "\n".join(line.plain for line in all_keys())
    assert "x        Withdraw (when you are a member; it asks first)" in text
    assert "b        Debrief (so far)" in text
    assert text.count("F1       Help") == 1  # under Everywhere, not again under every dialog


async def test_a_confirmation_says_no_and_runs_each_cost_on_under_its_bullet() -> None:
    """'No' (not 'No, keep it' before accepting an offer or starting research), and a long cost
    wraps under its own text, not back at the dialog's edge."""
    from game.tui.screens.confirm import ConfirmScreen

    cost = "230 M$ over 6 turns: 38.3 M$ at the end of this turn, then about the same each turn, until done"
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmScreen("Research Autonomous rover navigation?", [cost], "Research"))
        await on_screen(pilot, ConfirmScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "No, keep it" not in text and " No " in text and "esc No" in text
        lines = text_of(app.screen.query_one("#confirm-costs")).splitlines()
        bullet = next(i for i, line in enumerate(lines) if line.startswith(" • 230 M$"))
        assert len(lines) > bullet + 1  # it wrapped at 80 columns
        assert all(line.startswith("   ") for line in lines[bullet + 1 :])
        assert " ".join(" ".join(lines[bullet:]).split()) == "• " + cost
