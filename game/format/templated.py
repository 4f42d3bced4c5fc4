"""Which texts of a scenario are templates (game/format/text_templates.py), and where they are.

The loader's checks (the placeholders' shape and ids, the happening's details in scope) and
the linter (a ``{var:name}`` reads a variable) walk the same texts; the engine renders each of
them where it reaches the player: an event's title and text, its choices' labels and texts,
its outcomes' labels and texts (the news, the event dialog, the answers and refusals), an
objective's name, short name and description (the news, the dashboard, the objectives screen
and the debrief's score), and an ending's title and text (the news and the debrief).
"""

from __future__ import annotations

from collections.abc import Iterator

from game.format.models import Outcome, Scenario
from game.format.yaml_source import DataPath

#: A templated text: where it is, the text, and the happening whose details it may name ('' none).
TemplatedText = tuple[DataPath, str, str]


def templated_texts(scenario: Scenario) -> Iterator[TemplatedText]:
    """Every text that may hold placeholders, with the happening in scope of it."""
    for i, event in enumerate(scenario.events):
        loc: DataPath = ("events", i)
        happening = event.on.happening if event.on is not None else ""
        yield (*loc, "title"), event.title, happening
        yield (*loc, "text"), event.text, happening
        for j, choice in enumerate(event.choices):
            yield (*loc, "choices", j, "label"), choice.label, happening
            yield (*loc, "choices", j, "text"), choice.text, happening
            yield from _outcomes((*loc, "choices", j, "outcomes"), choice.outcomes, happening)
        yield from _outcomes((*loc, "outcomes"), event.outcomes, happening)
    for i, objective in enumerate(scenario.objectives):
        yield ("objectives", i, "name"), objective.name, ""
        if objective.short is not None:
            yield ("objectives", i, "short"), objective.short, ""
        yield ("objectives", i, "description"), objective.description, ""
    for i, ending in enumerate(scenario.endings):
        yield ("endings", i, "title"), ending.title, ""
        yield ("endings", i, "text"), ending.text, ""


def _outcomes(loc: DataPath, outcomes: list[Outcome], happening: str) -> Iterator[TemplatedText]:
    for k, outcome in enumerate(outcomes):
        yield (*loc, k, "label"), outcome.label, happening
        yield (*loc, k, "text"), outcome.text, happening
