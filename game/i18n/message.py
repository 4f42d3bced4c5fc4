"""English text that remembers how it was made, so a face can say it in another language.

The engine imports no face and knows no language: the news, refusals and explanations it
writes are English. Written with :func:`msg`, such a sentence is still a plain ``str`` (saves,
hashes and comparisons see the same English as before), and, while a face shows the game
(:func:`keep_sources`), also carries its template and parameters, which the face translates
at display (:func:`game.i18n.tr`). Headless campaigns (the bots, ``simulate``, the benchmarks)
skip that bookkeeping: the same English, at the cost of a ``str.format``. ``msg`` is also the
keyword by which the catalogue tooling finds the templates (``babel.cfg``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class Text(str):
    """An English sentence, with the template and the parameters it was formatted from.

    A counted sentence (:func:`msgn`) also keeps its plural template and its count, so that a
    language with other plural rules (Russian has three forms) picks its own form at display.
    """

    template: str
    params: dict[str, Any]
    plural: str | None
    count: int

    def __new__(
        cls, template: str, params: dict[str, Any], plural: str | None = None, count: int = 1
    ) -> Text:
        english = _english(template, plural, count)
        text = super().__new__(cls, english.format_map(params) if params else english)
        text.template = template
        text.params = params
        text.plural = plural
        text.count = count
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # pickled across processes (the simulator's workers)
        return (Text, (self.template, self.params, self.plural, self.count))


def _english(singular: str, plural: str | None, count: int) -> str:
    """The English form of a counted template: the singular for exactly one, else the plural."""
    return singular if plural is None or count == 1 else plural


class _Sources:
    kept = False


_sources = _Sources()


def keep_sources(keep: bool = True) -> None:
    """Whether :func:`msg` keeps each sentence's template (a face that shows the game wants it).

    The English is the same either way, so campaigns, saves and hashes do not depend on it.
    """
    if keep != _sources.kept:
        msg.cache_clear()
        msgn.cache_clear()
    _sources.kept = keep


#: The engine says the same sentences turn after turn (the offers of every turn, the reasons of
#: every build's payment): remembered, they cost a lookup instead of a formatting (``typed``:
#: 1 and 1.0 read differently). Parameters are strings and numbers, so they can be looked up.
@lru_cache(maxsize=4096, typed=True)
def msg(template: str, **params: Any) -> str:
    """The English sentence ``template.format(**params)``, translatable later by the faces."""
    if _sources.kept:
        return Text(template, params)
    return template.format_map(params) if params else template


@lru_cache(maxsize=1024, typed=True)
def msgn(singular: str, plural: str, n: int, /, **params: Any) -> str:
    """A counted English sentence ('1 turn', '3 turns'), translatable later with the language's
    own plural forms; ``n`` picks the form (pass the number as a parameter too to show it)."""
    if _sources.kept:
        return Text(singular, params, plural, n)
    english = _english(singular, plural, n)
    return english.format_map(params) if params else english


def N_(text: str) -> str:
    """Mark a literal for the catalogue without translating it here: it is translated at display."""
    return text


def joined(separator: str, parts: list[str]) -> str:
    """``separator.join(parts)`` that stays translatable: each part is translated at display."""
    if not _sources.kept:
        return separator.join(parts)
    names = [f"p{index}" for index in range(len(parts))]
    return Text(separator.join(f"{{{name}}}" for name in names), dict(zip(names, parts, strict=True)))
