"""The debrief compares the campaign with the scenario's reference strategies: C plays them on
seeds 1-20 off the interface thread, with a progress bar, and says how the score ranks."""

from __future__ import annotations

from textual.widgets import ProgressBar

from game.sim.reference import compare, comparison
from game.tui.screens.debrief import DebriefScreen

from .conftest import SMALL, make_app
from .helpers import text_of
from .test_snapshots import finished_campaign


def test_a_comparison_counts_the_campaigns_below_and_level() -> None:
    row = comparison("greedy", [10.0, 20.0, 30.0, 30.0, 50.0], 30.0)
    assert (row.runs, row.mean, row.below, row.equal) == (5, 28.0, 0.4, 0.4)


async def test_c_plays_the_reference_campaigns_and_ranks_the_score() -> None:
    game = finished_campaign()
    app = make_app(game)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        offer = text_of(app.screen.query_one("#reference"))
        assert "c: play 100 reference campaigns (the scenario's strategies, seeds 1-20)" in offer
        bar = app.screen.query_one("#reference-progress", ProgressBar)
        assert not bar.display
        await pilot.press("c")
        assert bar.total == 100  # the bar counts the campaigns as they are played
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert bar.progress == 100
        text = text_of(app.screen.query_one("#reference"))
        expected = compare(game.compiled, game.player, game.score())  # the same seeds: the same answer
        assert [row.strategy for row in expected] == ["gateway", "ilrs", "alone", "random", "greedy"]
        for row in expected:
            assert f"{row.strategy:<10} better than {row.below:.0%} of its campaigns" in text
        assert "(seeds 1-20, your score 38)" in text  # 38.5: whole points, rounded down
        assert not bar.display  # gone once the answer is there


async def debrief_lines(width: int, part: str) -> list[str]:
    """The lines of one part of a finished campaign's debrief (``#story``, ``#score``) at ``width``."""
    app = make_app(finished_campaign())
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.pause()
        return text_of(app.screen.query_one(part)).splitlines()


async def test_a_long_turning_point_runs_on_under_its_own_text() -> None:
    """The history wrapped a long item back to the left edge, under its date."""
    story = await debrief_lines(50, "#story")
    assert story[0] == "Turning points"
    run_on = [line for line in story[1:] if not line.startswith(" 20")]
    assert run_on and all(line.startswith(" " * 11) and line[11] != " " for line in run_on)
    orbit = story.index(" 2023-Q1 ☺ An ESA astronaut flies in lunar")
    assert story[orbit + 1] == " " * 11 + "orbit (Gateway First crew)"


async def test_a_long_objective_detail_runs_on_under_the_details_column() -> None:
    """At 80 columns 'not reached, best progress' left its '25%' at the left edge."""
    table = await debrief_lines(56, "#score")
    assert table[3:] == [
        " ~ National prestige          2/10+ not reached,",
        " " * 36 + "best progress",  # under the details' column, where 'not reached' starts
        " " * 36 + "49%",
    ]
