"""What a turn did, typed, for the news feed of the TUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

NewsKind = Literal[
    "budget",
    "build",
    "milestone",
    "slip",
    "failure",
    "partner",
    "programme",
    "event",
    "crew",
    "action",
    "objective",
    "outcome",
    "race",
]


@dataclass(slots=True)
class NewsItem:
    kind: NewsKind
    text: str
    programme: str | None = None
    player: bool = False  # concerns the player's agency directly


@dataclass(slots=True)
class Change:
    """One change to a player figure with its reason. Money deltas are in k$ (exact)."""

    stat: str  # money, science, prestige, support, astronauts, relation:<agency>, capability:<area>
    delta: float
    reason: str


@dataclass(slots=True)
class TurnReport:
    turn: int
    month: int
    date: str
    news: list[NewsItem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    #: ``news[opening:]`` happened as the next turn opened (its events, a new year's budget):
    #: they belong under the next turn's date, not under this one's.
    opening: int | None = None
    #: ``changes[:shown]`` came with the campaign's opening (turn 1's only): the player saw them
    #: on turn 1 as they came, so the figures' changes since the last turn leave them out
    shown: int = 0
    #: ``changes[changes_opening:]`` came with the next turn's opening (a new year's appropriation and the
    #: clawback, its events' effects), as ``opening`` is for the news; None: the campaign ended
    changes_opening: int | None = None

    def played(self) -> list[NewsItem]:
        """The news of the turn that was played."""
        return self.news if self.opening is None else self.news[: self.opening]

    def opened(self) -> list[NewsItem]:
        """The news of the next turn's opening."""
        return [] if self.opening is None else self.news[self.opening :]

    def played_changes(self) -> list[Change]:
        """The changes of the turn that was played, its own opening included (turn 1's: the
        campaign's first appropriation), without the next turn's opening."""
        return self.changes if self.changes_opening is None else self.changes[: self.changes_opening]

    def opening_changes(self) -> list[Change]:
        """The changes that came as the next turn opened: they belong to the next turn."""
        return [] if self.changes_opening is None else self.changes[self.changes_opening :]

    def new_changes(self) -> list[Change]:
        """The changes the player had not seen: what moved the figures since the last turn."""
        return self.changes[self.shown :] if self.shown else self.changes

    def totals(self) -> dict[str, float]:
        """Net change of every figure since the last turn."""
        result: dict[str, float] = {}
        for change in self.new_changes():
            result[change.stat] = result.get(change.stat, 0) + change.delta
        return result

    def reasons(self, stat: str) -> list[Change]:
        return [change for change in self.new_changes() if change.stat == stat]
