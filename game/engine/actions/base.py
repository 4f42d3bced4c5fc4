"""The shapes every kind of action shares: the action, an option of the turn, and the handler's contract."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from mypy_extensions import mypyc_attr

if TYPE_CHECKING:
    from game.engine.compiled import CompiledScenario
    from game.engine.reports import TurnReport
    from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class Action:
    """What the player does.

    ``kind`` names its handler in the registry; ``target`` names the programme, capability
    area, mission, agency or pending event (its number); ``option`` the contribution offered
    or funded, or the chosen answer.
    """

    kind: str
    target: str = ""
    option: str = ""

    def __str__(self) -> str:
        return " ".join(part for part in (self.kind, self.target, self.option) if part)


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


#: An action a handler puts on the turn's list, before it is checked:
#: (place, action, label, k$ paid this turn, k$ over the whole build, effect).
#: ``place`` orders the whole list: the handler's ``rank`` first, then positions in the
#: scenario (the n-th programme, its m-th contribution...), so offers of several kinds about
#: one programme stay together. A plain tuple: the turn's list is built often (the random
#: bot, the decisions screen), and a named tuple's constructor would cost a tenth of it.
Offer = tuple[tuple[int, ...], Action, str, int, int, str]


# Compiled by mypyc (docs/benchmarks.md), a handler may still be a Python class: a kind registered
# for a test or an experiment (registry.registered) subclasses it from outside the build.
@mypyc_attr(allow_interpreted_subclasses=True)
class ActionHandler:
    """One kind of action: its check, its effect, the options it offers and its description.

    A handler is registered once (see :mod:`game.engine.actions.registry`); the engine, the
    decisions screen, the bots and the saves read these attributes instead of testing the
    kind's name.
    """

    kind: ClassVar[str]
    #: What the kind does, for the player and the docs.
    description: ClassVar[str] = ""
    #: The heading its options are listed under on the decisions screen.
    group: ClassVar[str] = "Other"
    #: Where its offers come in the turn's list (lower first).
    rank: ClassVar[int] = 100
    #: Whether it may be taken while an event waits for an answer.
    while_pending: ClassVar[bool] = False
    #: Whether its ``option`` is a programme's contribution, whose terms are shown before confirming.
    contribution: ClassVar[bool] = False
    #: What the player is told once it is done.
    done: ClassVar[str] = "Done"
    #: The heading of its consequences when they are shown before confirming.
    consequences_title: ClassVar[str] = "What it costs"

    def check(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        """Why the action is refused now (the common refusals already passed), or '' when legal."""
        return ""

    def status(self, state: GameState, cs: CompiledScenario, action: Action) -> str:
        """Where the player's own doing stands when that is why the action is refused ('under way:
        2 turns of building left'): the screens show it as a status, not as a refusal; '' otherwise."""
        return ""

    def apply(self, state: GameState, cs: CompiledScenario, action: Action) -> TurnReport | None:
        """Carry out a legal action; a report when it ends the turn."""
        return None

    def offers(self, state: GameState, cs: CompiledScenario) -> Iterable[Offer]:
        """The actions of this kind worth showing this turn, allowed or not."""
        return ()

    def consequences(self, state: GameState, cs: CompiledScenario, action: Action) -> list[str]:
        """What taking it undoes and costs, in the engine's figures; non-empty means it is confirmed first."""
        return []

    def road(self, action: Action) -> str | None:
        """The road the action commits the player to: a programme's id, '' for going alone, None for none."""
        return None


#: The action that ends the turn.
END_TURN = Action("end_turn")
