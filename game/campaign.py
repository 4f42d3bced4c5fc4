"""A campaign's set-up, written once: load a scenario file, compile it, start a game on it.

Every face (the TUI, ``cislunar play``, ``simulate``, ``serve`` and ``replay``), the
simulator's worker processes and the saves set their campaigns up here, so a scenario is
read, checked and compiled one way, and an agency it does not offer is refused with one
message. It sits above the engine and the file format and below the saves, the bots and
the faces (see the layers in pyproject.toml); it prints nothing and knows no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine.compiled import CompiledScenario, compile_scenario, unknown_difficulty
from game.engine.game import Game
from game.format.diagnostics import Diagnostic
from game.format.loader import load_scenario
from game.format.models import Scenario
from game.i18n import msg

#: The largest seed (and the most negative, negated): a save holds integers up to 2**63 - 1.
MAX_SEED = 2**63 - 1
SEED_RANGE = f"a seed is a whole number from -{MAX_SEED} to {MAX_SEED}, so that a save can hold it"


def seed_refusal(seed: int | str) -> str:
    """Why ``seed`` cannot start a campaign (a save could not hold it), or '' when it can.

    ``seed`` may be the digits as typed: more of them than Python reads as a number are refused too.
    """
    text = str(seed).strip()
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) <= len(str(MAX_SEED)) and abs(int(text)) <= MAX_SEED:
        return ""
    shown = f"seed {int(text)}" if len(digits) <= 30 else f"a seed of {len(digits)} digits"
    return f"{shown} is too large: {SEED_RANGE}"


class CampaignError(ValueError):
    """A scenario file that does not load (its located errors), or an agency it does not offer."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []

    @property
    def lines(self) -> list[str]:
        """What to show the player: every located error, else the message."""
        return [str(d) for d in self.diagnostics] or [str(self)]


@dataclass(frozen=True, slots=True)
class Campaign:
    """A scenario loaded from ``path`` and compiled once, on which games are started.

    A compiled scenario is never changed by the games played on it, so one campaign
    starts any number of them (the simulator plays thousands on one).
    """

    path: Path
    scenario: Scenario
    compiled: CompiledScenario
    bases: tuple[str, ...] = ()  # the files its ``extends:`` merged in, nearest first
    #: the scenario compiled at each other difficulty level asked for, by level id
    levels: dict[str, CompiledScenario] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: str | Path) -> Campaign:
        """The scenario file at ``path`` checked and compiled; CampaignError with its errors if not."""
        result = load_scenario(path)
        if result.scenario is None or result.errors:
            first = result.errors[0] if result.errors else None
            message = f"{path} has errors ({first})" if first else f"{path} cannot be loaded"
            raise CampaignError(message, result.errors)
        return cls.of(result.scenario, path, tuple(result.bases))

    @classmethod
    def of(cls, scenario: Scenario, path: str | Path, bases: tuple[str, ...] = ()) -> Campaign:
        """A campaign on a scenario already loaded from ``path`` (the TUI's pickers have one)."""
        return cls(Path(path), scenario, compile_scenario(scenario), bases)

    def playable(self) -> list[str]:
        """The agencies a player may take, in the scenario's order."""
        return self.compiled.playable()

    def refusal(self, agency: str) -> str:
        """Why ``agency`` cannot be played here (naming the choices), or '' when it can."""
        playable = self.playable()
        if agency in playable:
            return ""
        return msg(
            "'{agency}' is not a playable agency; choose from {agencies}",
            agency=agency,
            agencies=", ".join(playable),
        )

    def difficulty_refusal(self, difficulty: str | None) -> str:
        """Why ``difficulty`` cannot be played here (naming the levels), or '' when it can."""
        if difficulty is None or self.scenario.difficulty(difficulty) is not None:
            return ""
        return unknown_difficulty(self.scenario, difficulty)

    def at(self, difficulty: str | None = None) -> CompiledScenario:
        """The scenario compiled at ``difficulty`` (None: its default level), once per level."""
        if difficulty is None or difficulty == self.compiled.difficulty:
            return self.compiled
        refused = self.difficulty_refusal(difficulty)
        if refused:
            raise CampaignError(refused)
        if difficulty not in self.levels:
            self.levels[difficulty] = compile_scenario(self.scenario, difficulty)
        return self.levels[difficulty]

    def start(self, agency: str, seed: int, difficulty: str | None = None) -> Game:
        """A new game as ``agency`` with ``seed`` at ``difficulty`` (None: the default level);
        CampaignError if the agency is not playable, the seed would not fit in a save or the
        level is not the scenario's."""
        refused = self.refusal(agency) or seed_refusal(seed) or self.difficulty_refusal(difficulty)
        if refused:
            raise CampaignError(refused)
        return Game(self.at(difficulty), agency, seed)
