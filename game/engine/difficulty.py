"""A scenario at a difficulty level: its numbers adjusted once, before it is compiled.

A level scales the agencies' appropriations and adds to their starting money (only the
player's are used), scales the chances of setbacks and of named events, and shifts the
computer-run agencies' policies. Done on the scenario, not in the turn loop, so a level
costs nothing per turn, and a neutral level ('normal' by default) returns the very same
scenario: its campaigns are exactly those of a scenario without levels.
"""

from __future__ import annotations

from game.format.models import Agency, Difficulty, Event, Flights, Mission, Policy, Programme, Rules, Scenario

#: The rules' chances that ``risk`` scales.
RISK_RULES = ("slip_chance", "slip_from_strain", "overrun_chance", "overrun_from_strain")


def _within(value: float) -> float:
    """A chance held within 0..1."""
    return min(1.0, max(0.0, value))


def _failing(success: float, risk: float) -> float:
    """A chance of success whose chance of failing is scaled by ``risk``."""
    return _within(1 - (1 - success) * risk)


def _policy(policy: Policy, level: Difficulty) -> Policy:
    shift = level.computer
    return policy.model_copy(
        update={
            "boldness": _within(policy.boldness + shift.boldness),
            "loyalty": _within(policy.loyalty + shift.loyalty),
            "reliability": _within(policy.reliability + shift.reliability),
        }
    )


def _agency(agency: Agency, level: Difficulty) -> Agency:
    return agency.model_copy(
        update={
            "budget": agency.budget * level.budget,
            "money": agency.money + level.money,
            "policy": _policy(agency.policy, level),
        }
    )


def _programme(programme: Programme, risk: float) -> Programme:
    milestones = [
        milestone.model_copy(update={"success": _failing(milestone.success, risk)})
        for milestone in programme.milestones
    ]
    contributions = [
        slot
        if slot.reliability is None
        else slot.model_copy(update={"reliability": _failing(slot.reliability, risk)})
        for slot in programme.contributions
    ]
    return programme.model_copy(update={"milestones": milestones, "contributions": contributions})


def _event(event: Event, level: Difficulty) -> Event:
    scale = level.events.get(event.id)
    if scale is None:
        return event
    return event.model_copy(update={"chance": _within(event.chance * scale)})


def _rules(rules: Rules, risk: float) -> Rules:
    return rules.model_copy(update={name: _within(getattr(rules, name) * risk) for name in RISK_RULES})


def at_difficulty(scenario: Scenario, level: Difficulty) -> Scenario:
    """``scenario`` with ``level``'s adjustments; the same object when the level changes nothing."""
    if level.neutral():
        return scenario
    risk = level.risk
    return scenario.model_copy(
        update={
            "agencies": [_agency(agency, level) for agency in scenario.agencies],
            "programmes": [_programme(programme, risk) for programme in scenario.programmes],
            "missions": [_mission(mission, risk) for mission in scenario.missions],
            "events": [_event(event, level) for event in scenario.events],
            "rules": _rules(scenario.rules, risk),
            "flights": _flights(scenario.flights, risk),
        }
    )


def _mission(mission: Mission, risk: float) -> Mission:
    update = {"success": _failing(mission.success, risk)}
    if mission.reliability is not None:  # the odds of its flight, when the scenario has flights
        update["reliability"] = _failing(mission.reliability, risk)
    return mission.model_copy(update=update)


def _flights(flights: Flights | None, risk: float) -> Flights | None:
    """The flights' base reliabilities by kind, their chances of failing scaled like every setback's."""
    if flights is None:
        return None
    bases = {kind: _failing(base, risk) for kind, base in flights.reliability.items()}
    return flights.model_copy(update={"reliability": bases})
