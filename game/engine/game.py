"""The one interface every face uses: the TUI, the CLI, the bots and replays."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import decisions
from game.engine.actions import END_TURN, Action, ActionOption
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.reports import TurnReport
from game.engine.scoring import ObjectiveScore, breakdown, score
from game.engine.state import GameState
from game.engine.turn import begin
from game.format.dates import format_date
from game.format.models import Scenario


@dataclass(slots=True, frozen=True)
class Outcome:
    """The answer to an action: refused with a reason, or done (with a report for end_turn)."""

    ok: bool
    reason: str = ""
    report: TurnReport | None = None


_DONE = Outcome(True)  # immutable, so one will do for every accepted action


class Game:
    """A campaign: a compiled scenario, the state, the action log and the turn reports."""

    def __init__(self, compiled: CompiledScenario, player: str, seed: int, records: bool = True) -> None:
        self.compiled = compiled
        self.state: GameState = compiled.new_state(player, seed)
        self.state.records = records
        self.log: list[Action] = []
        self.reports: list[TurnReport] = []
        begin(self.state, compiled)

    @classmethod
    def new(cls, scenario: Scenario | CompiledScenario, player: str | None = None, seed: int = 0) -> Game:
        compiled = scenario if isinstance(scenario, CompiledScenario) else compile_scenario(scenario)
        return cls(compiled, player or compiled.playable()[0], seed)

    # ---- reading the state
    @property
    def player(self) -> str:
        return self.state.player

    @property
    def over(self) -> bool:
        return self.state.over

    @property
    def date(self) -> str:
        return format_date(self.state.month, self.compiled.turn_months)

    @property
    def turns_total(self) -> int:
        return self.compiled.total_turns()

    def score(self) -> float:
        return score(self.state, self.compiled)

    def breakdown(self) -> list[ObjectiveScore]:
        return breakdown(self.state, self.compiled)

    def options(self) -> list[ActionOption]:
        return decisions.options(self.state, self.compiled)

    def check(self, action: Action) -> str:
        """Why the action is refused now, or '' when it is legal."""
        return decisions.check(self.state, self.compiled, action)

    # ---- acting
    def act(self, action: Action) -> Outcome:
        """Apply an action; an illegal one is refused with its reason and changes nothing."""
        reason, report = decisions.apply(self.state, self.compiled, action)
        if reason:
            return Outcome(False, reason)
        self.log.append(action)
        if report is None:
            return _DONE
        self.reports.append(report)
        return Outcome(True, report=report)

    def end_turn(self) -> Outcome:
        return self.act(END_TURN)

    # ---- copies for look-ahead
    def clone(self, records: bool | None = None) -> Game:
        """An independent copy (state and generator included) for a bot's look-ahead.

        ``records=False``: the copy keeps no news, changes nor history (``GameState.records``),
        for a headless playout that only wants where the campaign leads: the same play, cheaper.
        """
        twin = Game.resume(self.compiled, self.state.copy(records=records))
        twin.log = list(self.log)
        return twin

    @classmethod
    def resume(cls, compiled: CompiledScenario, state: GameState) -> Game:
        """A game that carries on from ``state`` itself (not a copy), with no log nor reports yet:
        the start of a look-ahead or a playout (game/sim/playouts.py)."""
        game = cls.__new__(cls)
        game.compiled = compiled
        game.state = state
        game.log = []
        game.reports = []
        return game
