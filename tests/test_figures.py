"""Figures as a player reads them: stats to a tenth at most, score points whole where the
scenario's are, and the debrief's details in the language in force."""

from __future__ import annotations

from game.engine.game import Game
from game.engine.scoring import breakdown
from game.format.words import amount, column, figure, plural_count, points
from game.i18n import tr
from tests.helpers import mini_with, play_turns
from tests.test_objectives_graded import GRADED


def test_a_stat_shows_a_tenth_at_most() -> None:
    assert figure(0.23) == "0.2"  # not '0.23' (prestige drifting down)
    assert figure(22.6) == "22.6" and figure(-2.0) == "-2" and figure(4) == "4"
    assert figure(1250.4) == "1,250"
    assert figure(285.46) == "285" and figure(99.96) == "100"  # rounded once, never by way of 285.5


def test_money_that_rounds_to_a_whole_number_is_written_whole() -> None:
    """'Income 213 M$/yr ▼-3.0' and '▼-67.0': more precision than the money needs."""
    assert amount(2.98) == "3" and amount(-66.96) == "-67" and amount(0.999) == "1"
    assert amount(12.5) == "12.5" and amount(0.25) == "0.25" and amount(1.05) == "1.1"


def test_points_are_whole_and_never_read_as_reaching_a_mark_they_miss() -> None:
    assert points(0.3) == "0" and points(59.96) == "59" and points(60.0) == "60"
    assert points(17.9) == "17"
    assert points(12.25, whole=False) == "12.2" and points(12.0, whole=False) == "12"


def test_the_debriefs_detail_is_a_message_said_in_russian(russian: None) -> None:
    cs = mini_with("    points: 30\n", GRADED)
    game = Game(cs, cs.playable()[0], seed=3)
    game.state.me.flights = 1
    play_turns(game, 1)
    row = next(r for r in breakdown(game.state, cs) if r.id == "orbit")
    assert row.detail == "open, best progress 50%"  # the English the engine writes
    assert tr(row.detail) == "открыта, лучший прогресс 50%"


def test_a_fraction_of_a_point_is_counted_as_many() -> None:
    assert [plural_count(x) for x in (1, 1.0, 0.5, 1.5, 3)] == [1, 1, 2, 3, 3]  # '0.5 points', '1 point'


def test_an_objective_left_open_reads_not_reached_once_the_campaign_is_over() -> None:
    cs = mini_with("    points: 30\n", GRADED)
    game = Game(cs, cs.playable()[0], seed=3)
    play_turns(game, 1)
    assert next(r for r in breakdown(game.state, cs) if r.id == "orbit").detail.startswith("open")
    game.state.outcome = "finished"  # as the calendar's end leaves it
    assert next(r for r in breakdown(game.state, cs) if r.id == "orbit").detail.startswith("not reached")


def test_a_column_of_figures_has_one_format() -> None:
    assert column([1552, -7.5, 0]) == ["1,552.0", "-7.5", "0.0"]  # a tenth for all when one needs it
    assert column([1552, -60, 0.04]) == ["1,552", "-60", "0"]  # whole when each is, at a tenth
    assert column([-0.04, 0.25]) == ["0.0", "0.2"]  # never '-0.0'
