"""Every error code the loader gives, with what it means (the warnings live in ``lint.py``).

Codes are stable: `validate --format json` reports them for tools, and the reference docs
list them from here.
"""

from __future__ import annotations

ERRORS: dict[str, str] = {
    "io": "The file cannot be read (missing, a folder, no permission).",
    "encoding": "The file is not UTF-8 text, or holds NUL bytes.",
    "too-large": "The file, its number of values or its nesting is beyond the limits (2 MB, 250,000 "
    "values, 40 levels).",
    "yaml-syntax": "The YAML cannot be parsed.",
    "duplicate-key": "A key appears twice in one mapping.",
    "yaml-anchor": "A YAML anchor defined twice in one file.",
    "yaml-tag": "A YAML tag such as `!!python/object`: scenario files are data only.",
    "yaml-key": "A key that is not plain text (a number, a list...).",
    "yaml-type": "A value YAML reads as a date or another type the format has no use for (quote dates: "
    "`'2024-Q4'` or write them as `2024-Q4`).",
    "game-version": "The scenario needs a newer (or another) version of the game (`requires_game`); "
    "nothing else of the file is checked until the game meets it.",
    "shape": "The file is not a mapping of keys.",
    "unknown-key": "A key the format does not know (a typo, usually: the message suggests the closest key).",
    "missing-key": "A required key is missing.",
    "invalid-value": "A value of the wrong type or out of its range.",
    "unknown-id": "A reference to an agency, bloc, programme, milestone, contribution, capability area, "
    "mission or event that does not exist.",
    "duplicate-id": "Two items of one list share an id (or a member is also a lead).",
    "self-relation": "An agency gives itself a relation.",
    "reserved-id": "An agency whose id is `player`, the word effects use for the playing agency.",
    "date-order": "An end before its start: the calendar, or an event's `before` and `after`.",
    "no-playable": "No agency is marked `playable: true`.",
    "victory": "An agency's own `victory_score` on an agency no player can run.",
    "expression": "An expression that cannot be parsed or uses something the language does not allow.",
    "hook": "An event's `on:` that cannot work: a filter its happening does not have, `triggered_only` or a "
    "follow-up on a hooked event, or a happening's detail (`happening_agency()`, `$agency`, "
    "`{happening_agency}`) read where no happening has it.",
    "template": "A text's braces that are no placeholder (`{player}`, `{agency:nasa}`, `{a player_short}`; "
    "`{{` for a brace), or a placeholder naming an agency or programme that does not exist.",
    "corps": "A named astronaut corps that cannot work: `recruits` without `astronauts` given as a list "
    "of names, or one name given twice in an agency's corps and recruits.",
    "cycle": "Milestones that require each other in a loop, or research projects whose prerequisites do.",
    "outcomes-with-choices": "An event with both `choices` and `outcomes`: an event that asks the player "
    "draws its outcomes on each choice instead.",
    "timed-effect": "A timed modifier without a name or an end (`modifier` with `duration` or `until`), "
    "or holding something that happens once and cannot be undone when it ends (money, a slip...).",
    "race": "A race for firsts that cannot work: an achievement hooked on a happening that names no one "
    "to earn it, history dated after the campaign's start, or a plan step that `earns` without a `race:`.",
    "flights": "A mission's or contribution's `reliability`, or research reliability for contributions' "
    "flights, in a scenario without a `flights:` section.",
    "deal": "A deal that cannot work: an offer that gives and asks nothing, a seat given by an agency that "
    "does not lead its programme, a national mission given by an agency, a rule of `terms` without "
    "`value` or `cost`, or naming an id for an amount.",
    "extends": "A scenario that extends another without an id of its own, or extends a file with errors.",
    "extends-missing": "The scenario named by `extends` cannot be found or read.",
    "extends-cycle": "Scenarios that extend each other in a loop.",
    "extends-remove": "A `remove` that removes nothing, is not true or false, or comes with other keys.",
}

#: Codes only a scenario test file (``*.test.yaml``, run by ``cislunar test``) gives, besides the
#: ones above that any file can (``io``, ``yaml-syntax``, ``unknown-key``, ``unknown-id``...).
TEST_ERRORS: dict[str, str] = {
    "scenario": "The scenario a test file names cannot be found, or has errors.",
    "date-range": "A date outside the campaign, or an `at:` or action `turn:` that is not one of its turns.",
    "unknown-action": "An action kind the game does not have, or one a test does not script: `end_turn` "
    "(a turn ends by itself) and `answer` (events are answered by `answers:`).",
    "unknown-strategy": "A strategy the game does not have.",
    "refused": "One of the test's actions was refused on its turn; the message gives the game's reason.",
    "failed": "An expectation that did not hold (with the values it saw), or an outcome not reached.",
}
