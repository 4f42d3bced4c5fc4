"""Play one whole campaign with a bot, and the few figures the statistics keep of it."""

from __future__ import annotations

from pydantic import BaseModel

from game.bots import make_strategy
from game.engine.actions.base import END_TURN, Action
from game.engine.compiled import CompiledScenario
from game.engine.game import Game


class CampaignResult(BaseModel):
    seed: int
    outcome: str  # won, finished, lost
    score: float
    first_crew_year: float | None
    end: str
    turns: int = 0  # turns the bot ended
    actions: int = 0  # actions other than ending the turn
    idle_turns: int = 0  # turns on which it only ended the turn


def activity(log: list[Action]) -> tuple[int, int, int]:
    """Turns ended, other actions taken, and turns with nothing but ending the turn, from the action log."""
    turns = actions = idle = 0
    acted = False
    end = END_TURN.kind
    for action in log:
        if action is END_TURN or (action.kind == end and action == END_TURN):  # cheap tests first
            turns += 1
            idle += not acted
            acted = False
        else:
            actions += 1
            acted = True
    return turns, actions, idle


def play_campaign(
    compiled: CompiledScenario,
    agency: str,
    strategy: str,
    seed: int,
    records: bool = True,
    playouts: int | None = None,
    thorough: bool = False,
) -> Game:
    """One whole campaign played by a bot; ``records=False``: without the records only a face reads
    (the news, the changes and the history: ``GameState.records``), as ``run_campaign`` plays it;
    ``playouts``: a planner's per decision; ``thorough``: the thorough planner."""
    game = Game(compiled, agency, seed, records)
    make_strategy(strategy, seed, compiled.scenario, playouts, thorough).play(game)
    return game


def run_campaign(
    compiled: CompiledScenario,
    agency: str,
    strategy: str,
    seed: int,
    playouts: int | None = None,
    thorough: bool = False,
) -> CampaignResult:
    game = play_campaign(
        compiled, agency, strategy, seed, records=False, playouts=playouts, thorough=thorough
    )
    first = game.state.me.first_crew_month
    turns, actions, idle = activity(game.log)
    return CampaignResult(
        seed=seed,
        outcome=game.state.outcome,
        score=game.score(),
        first_crew_year=round(first / 12, 2) if first is not None else None,
        end=game.date,
        turns=turns,
        actions=actions,
        idle_turns=idle,
    )
