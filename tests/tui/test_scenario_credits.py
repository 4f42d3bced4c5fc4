"""The scenario picker shows a mod's credits, and never lists a scenario's test file as a scenario."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import OptionList

from game.tui.screens.scenario_pick import ScenarioScreen

from .conftest import MINI, SMALL, make_app
from .helpers import text_of


async def test_the_picker_shows_version_and_author_and_leaves_test_files_out(tmp_path: Path) -> None:
    credits = "title: Mini\nversion: '2.1'\nauthor: Ada\n"
    text = MINI.read_text().replace("title: Mini test scenario\n", credits)
    (tmp_path / "mini.yaml").write_text(text)
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "mini.yaml", tmp_path / "plain.yaml")
    (tmp_path / "mini.test.yaml").write_text("tests:\n  - {name: a test, expect: []}\n")
    app = make_app(folders=[tmp_path])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ScenarioScreen)
        assert app.screen.query_one("#scenarios", OptionList).option_count == 2
        details = text_of(app.screen.query_one("#scenario-details"))
        assert "Mini\nyears 2021–2024   shipped with the game\n" in details
        assert "version 2.1   by Ada" in details
        await pilot.press("down")
        await pilot.pause()
        plain = text_of(app.screen.query_one("#scenario-details"))
        assert plain.startswith("Mini test scenario\nyears 2021–2024") and "by Ada" not in plain
