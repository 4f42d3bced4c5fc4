"""Deals in words for the faces: what refusing or breaking costs, told before the player chooses."""

from __future__ import annotations

from game.engine.compiled import CompiledScenario
from game.engine.queries import describe_effects
from game.engine.state import DealState, GameState
from game.i18n import N_, msg


def refusing(state: GameState, cs: CompiledScenario, deal: DealState) -> list[str]:
    """What refusing an offer (or letting it lapse) does."""
    if not deal.deal:
        return []
    return describe_effects(cs.deals[deal.deal].model.on_refuse, state, cs)


def breaking(state: GameState, cs: CompiledScenario, deal: DealState) -> list[str]:
    """What breaking the agreement costs: told when signing and again before breaking."""
    found = [
        msg(
            "relations with {agency} {delta:+.0f}",
            agency=cs.agencies[deal.agency].short,
            delta=-cs.rules.deal_break_penalty,
        )
    ]
    if any(kind in ("contribution", "joint_mission") for kind, _ in deal.asks):
        found.append(N_("your promised builds stop, and what was paid into them is lost"))
    if any(kind == "seat" for kind, _ in deal.gives):
        found.append(N_("the seats it gave you that have not flown are taken back"))
    if any(kind == "accord" for kind, _ in deal.gives):
        found.append(N_("you leave the accord"))
    if deal.deal:
        found.extend(describe_effects(cs.deals[deal.deal].model.on_break, state, cs))
    return found
