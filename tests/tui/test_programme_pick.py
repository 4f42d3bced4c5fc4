"""The programme picker (j): a long programme runs on under its name, after its number."""

from __future__ import annotations

from textual.widgets import OptionList

from game.tui.screens.join import JoinScreen
from game.tui.screens.programme_pick import ProgrammePickScreen

from .conftest import SMALL, default_app
from .helpers import on_screen, started


async def test_a_long_programme_runs_on_under_its_name_at_80_columns() -> None:
    """'2 International Lunar Research Station (ILRS) · active · you: not a' ran back to the
    dialog's edge with 'member'."""
    app = default_app()
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("1")  # the opening event
        await pilot.press("j")
        await on_screen(pilot, ProgrammePickScreen)
        await pilot.pause()
        menu = app.screen.query_one(OptionList)
        prompts = [str(menu.get_option_at_index(i).prompt).split("\n") for i in range(menu.option_count)]
        assert prompts[1][0].startswith("2 International Lunar Research Station (ILRS)")
        wrapped = [lines for lines in prompts if len(lines) > 1]
        assert wrapped and all(
            line.startswith("  ") and line[2] != " " for lines in wrapped for line in lines[1:]
        )
        assert [menu.get_option_at_index(i).id for i in range(menu.option_count)][-1] == "go_alone"
        await pilot.press("down", "enter")  # still opens the programme chosen
        await on_screen(pilot, JoinScreen)
        assert app.screen.programme == "ilrs"
