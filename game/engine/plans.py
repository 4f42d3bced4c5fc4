"""Turn step: computer-run agencies fly their own national plans, so the race moves without the player.

Each agency's ``plan`` (the scenario's) is a list of national missions. One step at a time is
built: the first one not flown whose ``start`` date has come, whose ``after`` step has flown and
whose condition holds. A step under way moves on a turn with the chance of the agency's policy
reliability (events change it), times its budget's share of the step's cost per year when the
step costs more per year than the agency's budget (an event's budget cut slows it); each turn of
work is paid from the agency's money. When its turns are done it flies: one draw against its
``success``; a success earns its prestige, science and the race's achievements it names, a
failure builds it again until its ``attempts`` are spent. The player's own agency never flies
a plan (the player chooses the missions).

A scenario without plans never reaches this module's draws: ``cs.plans`` is empty.
"""

from __future__ import annotations

from game.engine import ledger, policies
from game.engine.compiled import CompiledScenario, CompiledStep
from game.engine.race import award
from game.engine.rulebook import instalment
from game.engine.state import GameState, PlanState
from game.i18n import msg


def fly_plans(state: GameState, cs: CompiledScenario) -> None:
    """Every computer-run agency's plan: a step starts, moves on, or flies."""
    if not cs.plans:
        return
    reliability_of = policies.reliability(state, cs)
    player, plans = state.player, state.plans
    for agency, steps in cs.plans.items():
        if agency == player:
            continue
        plan = plans.get(agency)
        if plan is None or not plan.step:
            if plan is not None and len(plan.flown) >= len(steps):
                continue  # every step flown (or given up): nothing left to start
            step = next_step(state, agency, steps, plan)
            if step is None:
                continue
            plan = _begin(state, cs, agency, step)
        else:
            step = _step(steps, plan.step)
        if not step.condition(state):
            continue  # held by its condition (an event, a sanction)
        if state.rng.random() >= reliability_of[agency] * pace(state, cs, agency, step):
            continue  # a turn lost
        owner = state.agencies[agency]
        due = instalment(plan.cost_left, plan.turns_left)
        owner.money -= due  # a computer-run agency's money: no record
        plan.cost_left -= due
        plan.turns_left -= 1
        if plan.turns_left <= 0:
            _fly(state, cs, agency, plan, step)


def next_step(
    state: GameState, agency: str, steps: tuple[CompiledStep, ...], plan: PlanState | None
) -> CompiledStep | None:
    """The first step of ``agency``'s plan that may start now, or None."""
    flown = plan.flown if plan is not None else ()
    for step in steps:
        model = step.model
        if model.id in flown:
            continue
        if step.start > state.month or (model.after is not None and model.after not in flown):
            continue
        if step.condition(state):
            return step
    return None


def pace(state: GameState, cs: CompiledScenario, agency: str, step: CompiledStep) -> float:
    """The share of a turn's work the agency's budget pays for: 1, or less for a step dearer per
    year than its budget (the scenario's budget swung by its budget modifier)."""
    owner = state.agencies[agency]
    budget = owner.budget_base * (1 + owner.budget_modifier / 100)
    per_year = step.cost * 12 / (step.model.build_turns * cs.turn_months)
    return 1.0 if per_year <= budget else max(0.0, budget / per_year)


def _step(steps: tuple[CompiledStep, ...], step_id: str) -> CompiledStep:
    for step in steps:  # a loop, not next() over a generator: asked every turn
        if step.model.id == step_id:
            return step
    raise KeyError(step_id)


def _begin(state: GameState, cs: CompiledScenario, agency: str, step: CompiledStep) -> PlanState:
    plan = state.plans.setdefault(agency, PlanState())
    plan.step = step.model.id
    plan.turns_left = step.model.build_turns
    plan.cost_left = step.cost
    plan.failures = 0
    ledger.report(
        state,
        "race",
        msg("{agency} starts building {name}", agency=cs.agencies[agency].short, name=step.model.name),
    )
    return plan


def _fly(state: GameState, cs: CompiledScenario, agency: str, plan: PlanState, step: CompiledStep) -> None:
    model = step.model
    short = cs.agencies[agency].short
    if state.rng.random() < model.success:
        ledger.report(state, "race", msg("{agency}: {name} succeeds", agency=short, name=model.name))
        owner = state.agencies[agency]
        ledger.gain(state, owner, "prestige", model.prestige, model.name)
        ledger.gain(state, owner, "science", model.science, model.name)
        _done(plan, model.id)
        if cs.race is not None:
            for achievement in model.earns:
                award(state, cs, achievement, agency)
        return
    plan.failures += 1
    if plan.failures >= model.attempts:
        ledger.report(
            state, "race", msg("{agency}: {name} fails; it is not tried again", agency=short, name=model.name)
        )
        _done(plan, model.id)
        return
    ledger.report(
        state, "race", msg("{agency}: {name} fails; a new attempt is built", agency=short, name=model.name)
    )
    plan.turns_left = model.build_turns
    plan.cost_left = step.cost


def _done(plan: PlanState, step_id: str) -> None:
    plan.flown.append(step_id)
    plan.step = ""
    plan.turns_left = plan.cost_left = 0
