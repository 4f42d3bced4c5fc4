"""`cislunar play`: straight to the dashboard with both options; bad input never a traceback."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game.tui import launch as launching
from game.tui.screens.agency_pick import AgencyScreen
from game.tui.screens.dashboard import DashboardScreen
from game.tui.screens.title import TitleScreen

from .conftest import SMALL, THREE_ROADS, make_app


def args(scenario: str | None = None, agency: str | None = None, seed: int | None = 3) -> argparse.Namespace:
    return argparse.Namespace(scenario=scenario, agency=agency, seed=seed)


def test_a_broken_scenario_prints_located_errors_and_returns_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: Broken\ncalendar: {start: 2021-Q1, end: 2022-Q1}\nblocs: 3\n")
    assert launching.launch(args(str(broken), "esa")) == 1
    err = capsys.readouterr().err
    assert f"{broken}:4:8:" in err
    assert "Traceback" not in err


def test_a_missing_file_and_an_unknown_agency_return_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launching.launch(args(str(tmp_path / "nowhere.yaml"), "esa")) == 1
    assert "nowhere.yaml:1:1:" in capsys.readouterr().err
    assert launching.launch(args(str(THREE_ROADS), "nasa")) == 1
    err = capsys.readouterr().err
    assert "'nasa' is not a playable agency" in err and "esa, jaxa" in err


def test_both_options_open_the_dashboard_and_a_seed_is_drawn_when_missing(monkeypatch) -> None:
    opened = []

    def run(app, headless: bool = False) -> None:
        opened.append(app)

    monkeypatch.setattr("game.tui.app.CislunarApp.run", run)
    assert launching.launch(args(str(THREE_ROADS), "jaxa", seed=None)) == 0
    app = opened[0]
    assert app.game.player == "jaxa" and app.game.state.seed == app.seed
    assert 1 <= app.seed < 1_000_000


def test_the_benchmark_flag_runs_headless_to_the_first_frame(monkeypatch) -> None:
    monkeypatch.setenv(launching.FIRST_FRAME_ENV, "1")
    assert launching.launch(args(str(THREE_ROADS), "esa")) == 0


async def test_the_app_opens_on_the_dashboard_of_a_given_game() -> None:
    from .conftest import new_game

    app = make_app(new_game())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert [type(s) for s in app.screen_stack[1:]] == [DashboardScreen]


async def test_a_scenario_alone_opens_the_agency_choice() -> None:
    from game.tui.app import CislunarApp

    app = CislunarApp(scenario=THREE_ROADS, seed=5, blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AgencyScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


def test_an_agency_alone_plays_the_default_scenario(monkeypatch) -> None:
    opened = []
    monkeypatch.setattr("game.tui.app.CislunarApp.run", lambda app, headless=False: opened.append(app))
    assert launching.launch(args(None, "jaxa")) == 0
    assert opened[0].game.compiled.scenario.id == "default_2021"


def test_play_with_a_difficulty_opens_the_campaign_at_that_level(monkeypatch, capsys) -> None:
    opened = []
    monkeypatch.setattr("game.tui.app.CislunarApp.run", lambda app, headless=False: opened.append(app))
    chosen = args(str(THREE_ROADS), "esa")
    chosen.difficulty = "easy"
    assert launching.launch(chosen) == 0
    assert opened[0].game.state.difficulty == "easy"
    chosen.difficulty = "nightmare"
    assert launching.launch(chosen) == 1
    assert "'nightmare' is not a difficulty of this scenario; choose from easy, normal, hard" in (
        capsys.readouterr().err
    )


async def test_the_set_up_cycles_the_difficulty_and_starts_the_campaign_at_it() -> None:
    from game.tui.app import CislunarApp

    app = CislunarApp(scenario=THREE_ROADS, seed=5, blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one("#difficulty").label) == "Normal"
        details = app.screen.query_one("#agency-details")
        assert "budget 600 M$/yr" in str(details.render())
        await pilot.press("d")
        await pilot.pause()
        assert str(app.screen.query_one("#difficulty").label) == "Hard"
        assert "budget 480 M$/yr" in str(details.render())  # the agency as the level makes it
        await pilot.press("d", "d")
        await pilot.pause()
        assert str(app.screen.query_one("#difficulty").label) == "Normal"  # round again past Easy
        await pilot.click("#difficulty")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.game.state.difficulty == "hard"
        assert app.screen.sub_title.endswith("· Hard")


async def test_the_set_up_offers_first_the_level_of_the_command_line() -> None:
    from game.tui.app import CislunarApp

    app = CislunarApp(scenario=THREE_ROADS, seed=5, difficulty="easy", blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one("#difficulty").label) == "Easy"
        await pilot.press("s")
        await pilot.pause()
        assert app.game.state.difficulty == "easy"
