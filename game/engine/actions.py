"""The player's actions: one flat, frozen shape that the TUI, the bots and saves all produce."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActionKind = Literal[
    "apply", "fund", "cancel", "withdraw", "invest", "mission", "diplomacy", "answer", "end_turn"
]

ACTION_KINDS: tuple[ActionKind, ...] = (
    "apply",
    "fund",
    "cancel",
    "withdraw",
    "invest",
    "mission",
    "diplomacy",
    "answer",
    "end_turn",
)


@dataclass(frozen=True, slots=True)
class Action:
    """What the player does.

    ``target`` names the programme, capability area, mission, agency or pending event (its
    number); ``option`` the contribution offered or funded, or the chosen answer.
    """

    kind: ActionKind
    target: str = ""
    option: str = ""

    def __str__(self) -> str:
        return " ".join(part for part in (self.kind, self.target, self.option) if part)


END_TURN = Action("end_turn")


@dataclass(frozen=True, slots=True)
class ActionOption:
    """A possible action this turn: what it costs, what it does, and why not when refused."""

    action: Action
    label: str
    cost_now: float  # M$ paid this turn
    cost_total: float  # M$ over the whole build
    effect: str
    reason: str = ""  # empty when allowed

    @property
    def allowed(self) -> bool:
        return not self.reason
