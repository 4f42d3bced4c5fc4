"""The game in Russian: the interface and the default scenario translated, laid out at 80x24 and 160x50.

The snapshots are compared like the English ones (tests/tui/test_snapshots.py); the texts
of the screen are also checked to be the translation, not the English they fall back to.
"""

from __future__ import annotations

import pytest

from game.i18n import set_language
from game.paths import default_scenario
from game.settings import load_settings
from game.tui.app import CislunarApp
from game.tui.screens.agency_pick import AgencyScreen
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.event import EventScreen
from game.tui.screens.scenario_pick import ScenarioScreen

from .conftest import LARGE, SEED, SMALL, default_app
from .helpers import on_screen, run_command, screen_text, started, text_of, until
from .test_snapshots import keys

#: every test here runs in Russian (tests/conftest.py's fixture), English again after it
pytestmark = pytest.mark.usefixtures("russian")


SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x50"])


@SIZES
@pytest.mark.parametrize("screen", ["dashboard", "event"])
def test_russian_screen(snap_compare, screen: str, size: tuple[int, int]) -> None:
    # The campaign opens on its first event; six turns later the dashboard has news to show.
    app = default_app(turns=6) if screen == "dashboard" else default_app()
    assert snap_compare(app, terminal_size=size, run_before=keys())


async def test_the_event_and_dashboard_read_in_russian() -> None:
    app = default_app()
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)  # the opening event, which opens after the dashboard is drawn
        assert isinstance(app.screen, EventScreen)
        event = screen_text(app)
        assert "Китай и Россия договорились о лунной станции" in event
        assert "Нажмите цифру или щёлкните вариант." in event
        await pilot.press("2")
        await on_screen(pilot, DashboardScreen)
        await pilot.pause()
        dashboard = screen_text(app)
        assert "Деньги" in dashboard and "e Далее" in dashboard and "ЕКА" in dashboard


async def test_the_palette_switches_the_language_and_remembers_it(tmp_path) -> None:
    set_language("en")
    app = default_app()
    app.settings_path = tmp_path / "settings.json"
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("2")  # the campaign's first event
        await on_screen(pilot, DashboardScreen)
        await pilot.pause()
        assert "Money" in screen_text(app)
        await run_command(pilot, "Language: Русский")
        await until(pilot, lambda: "Деньги" in screen_text(app), "the dashboard in Russian")
        shown = screen_text(app)
        assert "Деньги" in shown and "Money" not in shown
        assert "ЕКА" in shown  # the scenario's texts too
    assert load_settings(app.settings_path).language == "ru"


async def test_the_set_up_screens_show_the_picked_scenario_in_russian() -> None:
    app = CislunarApp(seed=SEED, scenario_dirs=[("shipped", default_scenario().parent)], blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("n")
        await on_screen(pilot, ScenarioScreen)
        await pilot.pause()
        assert "Cislunar 2021: три дороги к Луне" in screen_text(app)  # the list of scenarios
        await pilot.press("enter")
        await on_screen(pilot, AgencyScreen)
        await pilot.pause()
        shown = screen_text(app)
        assert "выберите агентство" in shown and "Европейское космическое" in shown


async def test_the_score_line_fits_the_goals_panel_in_russian_at_80_columns() -> None:
    app = default_app(turns=10)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        panel = app.screen.query_one("#goals")
        score = text_of(panel).splitlines()[0]
        assert score.startswith("Счёт ") and score.endswith("макс. 190+")  # what the game can still earn
        assert len(score) <= panel.content_size.width
        assert score in screen_text(app)  # shown whole, not cut at the panel's edge
