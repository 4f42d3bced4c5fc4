"""Computer-run agencies' policies as they stand: the scenario's, or what an effect made of them.

The turn loop reads the compiled tables (``cs.movers``, ``cs.funding``, ``cs.reliability``)
as long as no effect has changed a policy, so a campaign that never does pays nothing for it.
"""

from __future__ import annotations

from game.engine.compiled import CompiledScenario, Mover, Preference
from game.engine.state import GameState, PolicyState
from game.format.models import PolicyChange


def _current(state: GameState, cs: CompiledScenario, agency: str) -> PolicyState:
    """The agency's policy in the state, copied from the scenario's the first time it changes."""
    found = state.policies.get(agency)
    if found is None:
        policy = cs.agencies[agency].policy
        found = state.policies[agency] = PolicyState(
            dict(policy.preferences), policy.boldness, policy.loyalty, policy.reliability, policy.funding
        )
    return found


def change_policy(state: GameState, cs: CompiledScenario, agency: str, change: PolicyChange) -> None:
    """Apply ``change`` to ``agency``'s policy: the values it gives replace the old ones."""
    policy = _current(state, cs, agency)
    for programme, affinity in change.preferences.items():
        if affinity:
            policy.preferences[programme] = affinity
        else:
            policy.preferences.pop(programme, None)
    for name in ("boldness", "loyalty", "reliability", "funding"):
        value = getattr(change, name)
        if value is not None:
            setattr(policy, name, value)


def movers(state: GameState, cs: CompiledScenario) -> tuple[Mover, ...]:
    """Every computer-run agency whose policy wants programmes, in file order."""
    if not state.policies:
        return cs.movers
    found = []
    for agency in cs.scenario.agencies:
        policy = state.policies.get(agency.id)
        if policy is None:
            if agency.policy.preferences:
                found.append(next(m for m in cs.movers if m.id == agency.id))
        elif policy.preferences:
            preferences = tuple(Preference(*item) for item in policy.preferences.items())
            found.append(Mover(agency.id, agency, policy, preferences))  # type: ignore[arg-type]
    return tuple(found)


def funding(state: GameState, cs: CompiledScenario) -> dict[str, float]:
    """Each agency's funding of a programme it is in, by id."""
    if not state.policies:
        return cs.funding
    return {**cs.funding, **{aid: policy.funding for aid, policy in state.policies.items()}}


def reliability(state: GameState, cs: CompiledScenario) -> dict[str, float]:
    """Each agency's chance per turn its contributions stay on schedule, by id."""
    if not state.policies:
        return cs.reliability
    return {**cs.reliability, **{aid: policy.reliability for aid, policy in state.policies.items()}}
