"""The turn pipeline: small named steps, each a function of the state (and its generator)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.engine import ledger
from game.engine.ai import other_agencies_act
from game.engine.applications import resolve_applications
from game.engine.builds import progress_builds
from game.engine.compiled import CompiledScenario
from game.engine.corps import corps_turn
from game.engine.deals import deals_turn
from game.engine.economy import drift, open_campaign_year, open_fiscal_year
from game.engine.events import fire_events, fire_hooked
from game.engine.flights import launch_flights
from game.engine.modifiers import tick_modifiers
from game.engine.plans import fly_plans
from game.engine.programmes import fly_milestones, update_health
from game.engine.race import race_conditions
from game.engine.reports import TurnReport
from game.engine.research import progress_research
from game.engine.rewards import science_income
from game.engine.scoring import check_defeat, check_endings, check_objectives, score
from game.engine.state import GameState
from game.engine.texts import ending_text
from game.format.dates import format_date
from game.i18n import N_, msg

Step = Callable[[GameState, CompiledScenario], None]
#: Whether a compiled scenario has what a step works on (None: every scenario has).
Uses = Callable[[CompiledScenario], bool] | None

#: The order of a turn, after the player has acted, each step with whether a scenario uses it:
#: a scenario plays only the steps of the features it has (``turn_steps``), so a feature it does
#: not use costs it nothing. A new step that only some scenarios need comes with its test here.
STEPS: tuple[tuple[Step, Uses], ...] = (
    (resolve_applications, None),
    (other_agencies_act, None),
    (fly_plans, lambda cs: bool(cs.plans)),
    # proposals answered, agreements kept or ended, offers made
    (deals_turn, lambda cs: bool(cs.deals or cs.deal_terms)),
    (progress_builds, None),
    (progress_research, lambda cs: bool(cs.research)),
    (launch_flights, lambda cs: bool(cs.flight_bases)),
    (update_health, None),
    (fly_milestones, None),
    (science_income, None),
    (corps_turn, lambda cs: any(agency.named_corps for agency in cs.scenario.agencies)),
    (drift, None),
    # after the turn's own changes, so objectives see a modifier that ended
    (tick_modifiers, lambda cs: cs.timed_effects),
    # before the objectives, so that an objective sees a first earned this turn
    (race_conditions, lambda cs: cs.race is not None and bool(cs.race.conditions)),
    (check_objectives, lambda cs: bool(cs.objectives)),
)

#: What happens as the next turn opens, once the calendar has moved on: the events by chance and
#: follow-ups, then the events hooked on what happened since the last opening.
OPENING: tuple[tuple[Step, Uses], ...] = (
    (fire_events, None),
    (fire_hooked, lambda cs: bool(cs.hooks)),
)


def turn_steps(cs: CompiledScenario) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
    """The turn's steps and the opening's that ``cs`` uses, in order: worked out once per scenario."""
    found = cs._steps
    if not found:
        found.extend(
            tuple(step for step, uses in steps if uses is None or uses(cs)) for steps in (STEPS, OPENING)
        )
    return found[0], found[1]


@dataclass(slots=True, frozen=True)
class Snapshot:
    """The player's figures at the end of a turn, for the debrief's charts."""

    month: int
    money: float  # M$
    science: float
    prestige: float
    support: float
    score: float


def begin(state: GameState, cs: CompiledScenario) -> None:
    """Before the first turn: the first appropriation arrives and the first events fire.

    Their news is turn 1's; their changes are shown on turn 1 as they come ("this turn so
    far"), and turn 1's report marks them as shown (``TurnReport.new_changes``): every later
    opening's changes are shown once, with the report of the turn before it.
    """
    open_campaign_year(state, cs)
    for step in turn_steps(cs)[1]:
        step(state, cs)
    state.opening_changes = len(state.changes)


def end_turn(state: GameState, cs: CompiledScenario) -> TurnReport:
    """Run the turn's steps, open the next turn, and return what happened since the player last acted."""
    played_turn, played_month = state.turn, state.month
    steps, opening_steps = turn_steps(cs)
    for step in steps:
        step(state, cs)
    if state.records:
        me = state.agencies[state.player]
        state.history.append(
            Snapshot(state.month, me.money / 1000, me.science, me.prestige, me.support, score(state, cs))
        )
    state.turn += 1
    state.month += cs.turn_months
    state.acted.clear()
    lost = check_defeat(state, cs)
    ending = check_endings(state, cs) if cs.endings and not lost else None
    opening = None  # where the news of the next turn's opening starts, once the calendar moved on
    opened = None  # and where its changes start
    if lost:
        _finish(state, "lost", lost)
    elif ending is not None:
        state.ending = ending.model.id
        told = ending_text(state, cs, ending.model)
        _finish(state, ending.model.outcome, told.title, told.text)
    elif state.month > cs.end:
        final = score(state, cs)
        needed = cs.victory_score(state.player)
        won = final >= needed
        _finish(
            state,
            "won" if won else "finished",
            msg(
                "score {score:.0f} of {needed:.0f} needed to win",
                score=final,
                needed=needed,
            ),
        )
    else:
        opening, opened = len(state.news), len(state.changes)
        open_fiscal_year(state, cs)
        for step in opening_steps:
            step(state, cs)
    report = TurnReport(
        played_turn,
        played_month,
        format_date(played_month, cs.turn_months),
        state.news,
        state.changes,
        len(state.news) if opening is None else opening,
        state.opening_changes,
        opened,
    )
    state.news, state.changes, state.opening_changes = [], [], 0
    return report


def _finish(state: GameState, outcome: str, reason: str, story: str = "") -> None:
    state.over = True
    state.outcome = outcome
    state.outcome_reason = reason
    titles = {"won": N_("Campaign won"), "finished": N_("Campaign over"), "lost": N_("Campaign lost")}
    if story:  # one of the scenario's endings: its title is the reason, then its story
        told = msg("{title}: {reason} — {story}", title=titles[outcome], reason=reason, story=story)
    else:
        told = msg("{title}: {reason}", title=titles[outcome], reason=reason)
    ledger.report(state, "outcome", told, None, True)
