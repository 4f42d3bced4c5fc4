"""A turn report's changes are the turn's own: the first appropriation is not counted twice."""

from __future__ import annotations

from itertools import pairwise

from game.engine.game import Game
from game.engine.reports import TurnReport
from game.engine.snapshot import state_from_data, state_to_data
from tests.helpers import play_turns


def money_change(report: TurnReport) -> int:
    return round(report.totals().get("money", 0))


def test_each_reported_money_change_is_the_money_moved_since_the_player_last_saw_it(game: Game) -> None:
    seen = [game.state.me.money]  # what the dashboard shows on each turn
    for _ in range(6):
        play_turns(game, 1)
        seen.append(game.state.me.money)
    changes = [money_change(report) for report in game.reports]
    assert changes == [after - before for before, after in pairwise(seen)]


def test_the_first_appropriation_shows_on_turn_one_and_is_not_reported_again(game: Game) -> None:
    appropriation = game.state.me.appropriation
    assert [(c.stat, c.delta) for c in game.state.changes] == [("money", appropriation)]  # this turn so far
    play_turns(game, 1)
    first = game.reports[0]
    assert any(item.kind == "budget" for item in first.played())  # still in the news of turn 1
    assert all(c.delta != appropriation for c in first.reasons("money"))
    assert first.changes[0].delta == appropriation  # the record (replay --json) keeps it


def test_a_save_made_on_turn_one_keeps_what_the_opening_changed(game: Game) -> None:
    data = state_to_data(game.state)
    assert data["opening_changes"] == 1
    assert state_from_data(data).opening_changes == 1
    play_turns(game, 1)
    assert "opening_changes" not in state_to_data(game.state)  # written only while set
