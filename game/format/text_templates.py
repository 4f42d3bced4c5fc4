"""Templates in a scenario's texts: ``{player}``, ``{agency:nasa}``, ``{a player_short}``.

An event's title and text and a choice's label and text may name things the author does not
know in advance: the player's agency (one event serves every playable agency), another
agency or programme, a variable's value, the details of the happening a hooked event answers.
A placeholder is a name in braces, with an id after a colon when it needs one and an article
before it when the sentence needs one:

- ``{player}``, ``{player_short}``: the player's agency, by its name or short name;
- ``{agency:nasa}``, ``{agency_short:nasa}``, ``{programme:gateway}``, ``{programme_short:gateway}``;
- ``{var:launch_failures}``: a scenario variable's value (0 while unset);
- ``{happening_agency}`` and the like: in an event with ``on:``, the happening's details;
- ``{a player_short}``: the name after 'a' or 'an', chosen by how it is spoken (see
  ``game.format.words.indefinite``): "an ESA astronaut", "a NASA one"; ``A``/``An`` (or the
  start of a sentence) gives the capital: "An ESA astronaut";
- ``{{`` and ``}}``: a brace itself.

A text is parsed once at load time (a located error for anything else in braces) and rendered
where it is shown by :func:`render`, the one renderer: the engine's news as an event fires
(so saves keep the text), the event dialog, and translations, which look their text up first
and render after, so a translator keeps the placeholders as they are.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from game.format.happenings import Detail
from game.format.words import with_indefinite

#: What a placeholder's id names: checked against the scenario's ids at load time.
Argument = Literal["", "agency", "programme", "variable"]


@dataclass(frozen=True, slots=True)
class PlaceholderKind:
    """A placeholder's name, what it gives, its id's kind, the happening detail it reads, and
    whether it is a name (so an article may come before it) or a number."""

    name: str
    doc: str
    argument: Argument = ""
    detail: Detail | None = None
    noun: bool = True


PLACEHOLDERS: dict[str, PlaceholderKind] = {
    kind.name: kind
    for kind in (
        PlaceholderKind("player", "the player's agency's name"),
        PlaceholderKind("player_short", "the player's agency's short name"),
        PlaceholderKind("agency", "an agency's name: {agency:nasa} is NASA's", "agency"),
        PlaceholderKind("agency_short", "an agency's short name", "agency"),
        PlaceholderKind("programme", "a programme's name", "programme"),
        PlaceholderKind("programme_short", "a programme's short name", "programme"),
        PlaceholderKind(
            "var",
            "a scenario variable's value (0 while unset): {var:launch_failures}",
            "variable",
            noun=False,
        ),
        PlaceholderKind("happening_agency", "the happening's agency's name", detail="agency"),
        PlaceholderKind("happening_agency_short", "the happening's agency's short name", detail="agency"),
        PlaceholderKind("happening_programme", "the happening's programme's name", detail="programme"),
        PlaceholderKind(
            "happening_programme_short", "the happening's programme's short name", detail="programme"
        ),
        PlaceholderKind("happening_milestone", "the happening's milestone's name", detail="milestone"),
        PlaceholderKind(
            "happening_contribution", "the happening's contribution's name", detail="contribution"
        ),
        PlaceholderKind("happening_mission", "the happening's national mission's name", detail="mission"),
        PlaceholderKind("happening_year", "the happening's fiscal year", detail="year", noun=False),
        PlaceholderKind(
            "happening_achievement", "the happening's achievement's name (the race)", detail="achievement"
        ),
        PlaceholderKind("happening_project", "the happening's research project's name", detail="project"),
    )
}

#: The articles a placeholder may open with: chosen by sound either way; a capital forces one.
ARTICLES = ("a", "an", "A", "An")

_INSIDE = re.compile(r"^(?:(a|an|A|An) +)?([A-Za-z_][A-Za-z0-9_]*)(?::([a-z][a-z0-9_]*))?$")
_SHAPE = (
    "write a placeholder as {name} or {name:id}, with an article if the sentence needs one: "
    "{a player_short}; '{{' and '}}' for a brace itself"
)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One ``{...}`` of a text: its name, its id ('' when none), its article, its column."""

    name: str
    argument: str = ""
    article: str = ""
    column: int = 0


Part = str | Placeholder


class TemplateError(ValueError):
    """A problem in a text's braces, with the 0-based column inside the text."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


def has_placeholders(text: str) -> bool:
    """Whether ``text`` has braces at all (plain text is shown as it is, never parsed)."""
    return "{" in text or "}" in text


@lru_cache(maxsize=4096)
def parse_template(text: str) -> tuple[Part, ...]:
    """The text as literal parts and placeholders; TemplateError at the first problem."""
    parts: list[Part] = []
    literal: list[str] = []
    at, end = 0, len(text)
    while at < end:
        char = text[at]
        if char == "}":
            if text.startswith("}}", at):
                literal.append("}")
                at += 2
                continue
            raise TemplateError("a '}' without its '{': write '}}' for a brace itself", at)
        if char != "{":
            literal.append(char)
            at += 1
            continue
        if text.startswith("{{", at):
            literal.append("{")
            at += 2
            continue
        close = text.find("}", at)
        opened = text.find("{", at + 1)
        if close < 0 or 0 <= opened < close:
            raise TemplateError("a '{' without its '}': write '{{' for a brace itself", at)
        if literal:
            parts.append("".join(literal))
            literal = []
        parts.append(_placeholder(text[at + 1 : close], at))
        at = close + 1
    if literal:
        parts.append("".join(literal))
    return tuple(parts)


def _placeholder(inside: str, column: int) -> Placeholder:
    if not inside.strip():
        raise TemplateError(f"empty braces: {_SHAPE}", column)
    found = _INSIDE.match(inside)
    if found is None:
        raise TemplateError(f"'{{{inside}}}' is not a placeholder: {_SHAPE}", column)
    article, name, argument = found.group(1) or "", found.group(2), found.group(3) or ""
    kind = PLACEHOLDERS.get(name)
    if kind is None:
        close = difflib.get_close_matches(name, list(PLACEHOLDERS), n=1)
        hint = (
            f"; did you mean '{close[0]}'?" if close else f"; the placeholders are {', '.join(PLACEHOLDERS)}"
        )
        raise TemplateError(f"unknown placeholder '{name}'{hint}", column)
    if kind.argument and not argument:
        raise TemplateError(f"{{{name}}} needs {_ID_WORDS[kind.argument]} after a colon: {kind.doc}", column)
    if argument and not kind.argument:
        raise TemplateError(f"{{{name}}} takes no id: write {{{name}}}", column)
    if article and not kind.noun:
        raise TemplateError(f"an article goes before a name, but {{{name}}} is a number", column)
    return Placeholder(name, argument, article, column)


def placeholder_names(text: str) -> frozenset[tuple[str, str]]:
    """The placeholders a text names, as (name, id) without their articles: what a translation
    must keep (its articles are the translator's, as the language needs them). A text that is no
    template has the one name '{', never equal to a good template's."""
    if not has_placeholders(text):
        return frozenset()
    try:
        parts = parse_template(text)
    except TemplateError:
        return frozenset({("{", "")})
    return frozenset((p.name, p.argument) for p in parts if isinstance(p, Placeholder))


_ID_WORDS: dict[Argument, str] = {
    "": "",
    "agency": "an agency id",
    "programme": "a programme id",
    "variable": "a variable's name",
}

#: A placeholder's text and the article its name takes when the rule would guess wrong ('' for the rule).
Answer = tuple[str, str]


class Rendered(str):
    """A text rendered from a template that remembers the template and each placeholder's answer,
    so that a translation of the template renders the same way (``game.i18n.tr`` calls ``again``).

    It is a plain ``str`` for everything else: saves and hashes hold the English as shown.
    """

    source: str
    answers: dict[tuple[str, str], Answer]

    def __new__(cls, text: str, source: str, answers: dict[tuple[str, str], Answer]) -> Rendered:
        rendered = super().__new__(cls, text)
        rendered.source = source
        rendered.answers = answers
        return rendered

    def __reduce__(self) -> tuple[object, ...]:  # pickled across processes (the simulator's workers)
        return (Rendered, (str(self), self.source, self.answers))

    def again(self, template: str) -> str:
        """``template`` (the source's translation) rendered with the same answers; the text as it is
        when the translation is not a template or names a placeholder the source did not."""
        try:
            parts = parse_template(template)
        except TemplateError:
            return str(self)
        if any(isinstance(p, Placeholder) and (p.name, p.argument) not in self.answers for p in parts):
            return str(self)
        return render(template, lambda p: self.answers[(p.name, p.argument)])


def render(text: str, answer: Callable[[Placeholder], Answer]) -> str:
    """``text`` with every placeholder answered; plain text comes back as it is.

    An article is chosen for the answer's text (or is the answer's own), and capitalised when
    the placeholder asks for a capital or opens a sentence: at the start of the text, or after
    '.', '!' or '?' and a space, or at the start of a line. The result is a :class:`Rendered`
    that a translation can render again.
    """
    if not has_placeholders(text):
        return text
    out: list[str] = []
    answers: dict[tuple[str, str], Answer] = {}
    for part in parse_template(text):
        if isinstance(part, str):
            out.append(part)
            continue
        word, article = answers[(part.name, part.argument)] = answer(part)
        if part.article:
            capital = part.article[0].isupper() or _opens_sentence(out)
            if article:
                word = f"{article.capitalize() if capital else article} {word}"
            else:
                word = with_indefinite(word, capital)
        out.append(word)
    return Rendered("".join(out), text, answers)


def _opens_sentence(before: list[str]) -> bool:
    """Whether what comes next starts a sentence: nothing before it, a line break, or '. '."""
    text = "".join(before)
    if not text.strip():
        return True
    stripped = text.rstrip(" \t")
    if stripped.endswith("\n"):
        return True
    return stripped != text and stripped.endswith((".", "!", "?"))
