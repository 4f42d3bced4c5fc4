"""A scenario's texts as the player reads them: templates answered with the campaign's names.

The templates' syntax and the one renderer live in game/format/text_templates.py; here each
placeholder gets its answer from the campaign: the player's agency, an agency or programme of
the scenario, a variable of the state, the details of the happening a hooked event answers.
The news renders an event's title as it fires (saves keep the text as shown); the event dialog
and the decisions render the pending event's title, text and choices with its happening; an
ending's title and text are rendered as it ends the campaign (the news) and in the debrief.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.engine.compiled import CompiledScenario
from game.engine.state import GameState, Happening, PendingEvent
from game.format.models import Ending
from game.format.text_templates import Answer, Placeholder, has_placeholders, render
from game.format.words import amount

#: An answer from the campaign: (state, compiled scenario, the placeholder's id, the happening).
Answerer = Callable[[GameState, CompiledScenario, str, Happening | None], Answer]


def render_text(state: GameState, cs: CompiledScenario, text: str, happening: Happening | None = None) -> str:
    """``text`` with its placeholders answered for this campaign (plain text as it is, at no cost)."""
    if not has_placeholders(text):
        return text
    return render(text, lambda placeholder: _answer(state, cs, placeholder, happening))


def _answer(
    state: GameState, cs: CompiledScenario, placeholder: Placeholder, happening: Happening | None
) -> Answer:
    return ANSWERS[placeholder.name](state, cs, placeholder.argument, happening)


def _agency(cs: CompiledScenario, agency: str, short: bool) -> Answer:
    model = cs.agencies.get(agency)
    if model is None:  # a happening without an agency (never, once the loader checked the text)
        return "", ""
    return (model.short, model.short_article or "") if short else (model.name, "")


def _programme(cs: CompiledScenario, programme: str, short: bool) -> Answer:
    compiled = cs.programmes.get(programme)
    if compiled is None:
        return "", ""
    model = compiled.model
    return (model.short, model.short_article or "") if short else (model.name, "")


def _milestone(cs: CompiledScenario, ref: str) -> Answer:
    programme, _, milestone = ref.partition(".")
    compiled = cs.programmes.get(programme)
    found = compiled.milestones.get(milestone) if compiled is not None else None
    return (found.name if found is not None else ""), ""


def _contribution(cs: CompiledScenario, ref: str) -> Answer:
    programme, _, slot = ref.partition(".")
    compiled = cs.programmes.get(programme)
    found = compiled.slots.get(slot) if compiled is not None else None
    return (found.name if found is not None else ""), ""


def _variable(state: GameState, name: str) -> Answer:
    """A global variable's value, as the vocabulary's ``var(...)`` reads it (0 while unset)."""
    return amount(state.variables.get(name, 0)), ""


#: The answer of every placeholder of game/format/text_templates.py, by name (a test holds the two equal).
ANSWERS: dict[str, Answerer] = {}


def answers(name: str) -> Callable[[Answerer], Answerer]:
    """Register the decorated function as the answer of the placeholder ``name`` (once only)."""

    def register(answerer: Answerer) -> Answerer:
        if name in ANSWERS:
            raise ValueError(f"placeholder '{name}' is answered twice")
        ANSWERS[name] = answerer
        return answerer

    return register


@answers("player")
def _player(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _agency(cs, state.player, short=False)


@answers("player_short")
def _player_short(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _agency(cs, state.player, short=True)


@answers("agency")
def _agency_name(state: GameState, cs: CompiledScenario, agency: str, h: Happening | None) -> Answer:
    return _agency(cs, agency, short=False)


@answers("agency_short")
def _agency_short(state: GameState, cs: CompiledScenario, agency: str, h: Happening | None) -> Answer:
    return _agency(cs, agency, short=True)


@answers("programme")
def _programme_name(state: GameState, cs: CompiledScenario, programme: str, h: Happening | None) -> Answer:
    return _programme(cs, programme, short=False)


@answers("programme_short")
def _programme_short(state: GameState, cs: CompiledScenario, programme: str, h: Happening | None) -> Answer:
    return _programme(cs, programme, short=True)


@answers("var")
def _var(state: GameState, cs: CompiledScenario, name: str, h: Happening | None) -> Answer:
    return _variable(state, name)


@answers("happening_agency")
def _happening_agency(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _agency(cs, h.agency if h else "", short=False)


@answers("happening_agency_short")
def _happening_agency_short(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _agency(cs, h.agency if h else "", short=True)


@answers("happening_programme")
def _happening_programme(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _programme(cs, h.programme if h else "", short=False)


@answers("happening_programme_short")
def _happening_programme_short(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _programme(cs, h.programme if h else "", short=True)


@answers("happening_milestone")
def _happening_milestone(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _milestone(cs, h.milestone if h else "")


@answers("happening_contribution")
def _happening_contribution(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return _contribution(cs, h.contribution if h else "")


@answers("happening_mission")
def _happening_mission(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    mission = cs.missions.get(h.mission) if h else None
    return (mission.name if mission is not None else ""), ""


@answers("happening_year")
def _happening_year(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    return (str(h.year) if h else ""), ""


@answers("happening_achievement")
def _happening_achievement(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    found = cs.race.achievements.get(h.achievement) if h is not None and cs.race is not None else None
    return (found.name if found is not None else ""), ""


@answers("happening_project")
def _happening_project(state: GameState, cs: CompiledScenario, _: str, h: Happening | None) -> Answer:
    project = cs.research.get(h.project) if h else None
    return (project.name if project is not None else ""), ""


@dataclass(frozen=True, slots=True)
class ChoiceText:
    id: str
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class EventText:
    """A pending event's title, story and choices, rendered for the player."""

    title: str
    text: str
    choices: tuple[ChoiceText, ...]


def event_title(
    state: GameState, cs: CompiledScenario, event_id: str, happening: Happening | None = None
) -> str:
    return render_text(state, cs, cs.events[event_id].model.title, happening)


def event_text(state: GameState, cs: CompiledScenario, pending: PendingEvent) -> EventText:
    """What the event dialog shows of ``pending``, every text rendered with its happening."""
    event = cs.events[pending.event].model
    happening = pending.happening
    return EventText(
        render_text(state, cs, event.title, happening),
        render_text(state, cs, event.text, happening),
        tuple(
            ChoiceText(
                choice.id,
                render_text(state, cs, choice.label, happening),
                render_text(state, cs, choice.text, happening),
            )
            for choice in event.choices
        ),
    )


@dataclass(frozen=True, slots=True)
class EndingText:
    """A scenario's ending as the player reads it: its title and story rendered for the campaign."""

    id: str
    title: str
    text: str


def ending_text(state: GameState, cs: CompiledScenario, ending: Ending) -> EndingText:
    return EndingText(ending.id, render_text(state, cs, ending.title), render_text(state, cs, ending.text))
