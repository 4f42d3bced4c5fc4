"""English the game writes from names it does not know in advance: articles, amounts, phrases.

One place, used by the engine's news and refusals and by every face, so that "an ESA
astronaut", "12.5 M$" and "HTV-XG logistics to Gateway" read the same wherever they appear.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

#: Words that start with a vowel letter but a consonant sound ("a unit", "a one-off").
_CONSONANT_SOUND = re.compile(r"^(uni|use|usu|ure|uro|eu|one\b|once\b)", re.IGNORECASE)
#: Words that start with a silent h ("an hour").
_VOWEL_SOUND = re.compile(r"^(hour|honest|honou?r|heir)", re.IGNORECASE)
#: Letters whose spoken name starts with a vowel sound ("an LSA", "an MBRSC", "an X-ray").
_VOWEL_NAMED_LETTERS = frozenset("AEFHILMNORSX")


def _spelled_out(word: str) -> bool:
    """An all-capital abbreviation read letter by letter: CNSA, MBRSC (but NASA, JAXA are words)."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if len(letters) < 2 or not letters.isupper():
        return False
    return letters[1] not in "AEIOU"


def indefinite(word: str) -> str:
    """'a' or 'an' for ``word`` as it is spoken: an ESA astronaut, a UAE astronaut, a NASA one."""
    text = word.strip()
    if not text:
        return "a"
    if _spelled_out(text):
        return "an" if text[0].upper() in _VOWEL_NAMED_LETTERS else "a"
    if text[0].isupper() and text.isupper() and text[0] == "U":
        return "a"  # UAE, UKSA: "you-"
    if _VOWEL_SOUND.match(text):
        return "an"
    if _CONSONANT_SOUND.match(text):
        return "a"
    return "an" if text[0].lower() in "aeiou" else "a"


def with_indefinite(word: str, capital: bool = False) -> str:
    """``word`` after its indefinite article: 'an ESA', or 'An ESA' to open a sentence."""
    article = indefinite(word)
    return f"{article.capitalize() if capital else article} {word}"


def append_unless_said(text: str, tail: str) -> str:
    """``text`` followed by ``tail``, unless it already ends with it (no "to Gateway to Gateway")."""
    if text.rstrip().lower().endswith(tail.strip().lower()):
        return text
    return f"{text} {tail.strip()}"


def amount(value: float) -> str:
    """A figure with no more precision than it needs: 1,234 / 12.5 / 0.25; whole when it rounds
    to a whole number (2.98 is '3', not '3.0')."""
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    written = f"{value:,.1f}" if abs(value) >= 1 else f"{value:.2f}"
    return written.rstrip("0").rstrip(".") if float(written.replace(",", "")).is_integer() else written


def figure(value: float) -> str:
    """A stat or a change of one (science, prestige, support) as every face shows it: a tenth at
    most, none when whole or from 100 up ('22.6', '-0.2', '1,250'), never the two decimals that
    :func:`amount` keeps for money ('0.23')."""
    tenths = round(float(value), 1)
    if abs(tenths) >= 100:  # whole, rounded once: 285.46 is '285' (by way of 285.5 it read '286')
        return f"{float(value):,.0f}"
    if tenths.is_integer():
        return f"{tenths:,.0f}"
    return f"{tenths:,.1f}"


def figure_short_of(value: float) -> str:
    """A figure compared with a mark it must reach, rounded down to its tenth: 29.96 short of 30
    reads '29.9', never '30' (as :func:`points` rounds a score short of a mark)."""
    return figure(math.floor(value * 10 + 1e-9) / 10)


def signed_figure(value: float) -> str:
    """A relation, or any figure that reads with its sign: '+10.4', '-3', '+0' (as :func:`figure`
    rounds it, so that it matches the change shown beside it, '▼-10.4')."""
    written = figure(value)
    return written if written.startswith("-") and written != "-0" else f"+{written.lstrip('-')}"


def column(values: Iterable[float]) -> list[str]:
    """Figures set one under another (a table's column, or a whole table) all with the same
    decimals, rounded as :func:`figure` rounds: a tenth for each when one of them needs it
    ('1,552.0' over '-7.5'), none when every one is whole ('1,552' over '-60')."""
    tenths = [round(float(value), 1) + 0.0 for value in values]  # + 0.0: no '-0.0'
    decimals = 0 if all(value.is_integer() for value in tenths) else 1
    return [f"{value:,.{decimals}f}" for value in tenths]


def points(value: float, whole: bool = True) -> str:
    """Score points as every face shows them: whole points when the scenario's points are whole,
    rounded down so that a score short of a mark never reads as reaching it (59.6 of 60 reads
    '59'); else to a tenth ('12.5')."""
    if whole:
        return f"{math.floor(value + 1e-9):,d}"
    return figure(math.floor(value * 10 + 1e-9) / 10)


def plural_count(value: float) -> int:
    """The count that picks the plural form for a figure: the figure itself when whole, else one
    that reads as many ('0.5 points', '1.5 points'; in Russian '1,5 очка')."""
    whole = float(value)
    return int(whole) if whole.is_integer() else math.floor(whole) + 2


#: The engine keeps money in integer thousands of dollars (k$); everything shows millions (M$).
K_PER_MILLION = 1000


def millions(thousands: float) -> float:
    """k$, as the engine keeps money, in M$, as every screen and message shows it."""
    return thousands / K_PER_MILLION


def money(millions: float) -> str:
    """Millions of dollars as every screen and message shows them: '12.5 M$'."""
    return f"{amount(millions)} M$"


def chance_text(chance: float) -> str:
    """A chance (0..1) as a player reads it: '60%', never '0%' or '100%' for what may or may not be."""
    if 0 < chance < 0.005:
        return "<1%"
    if 0.995 <= chance < 1:
        return ">99%"
    return f"{chance:.0%}"


def modifier_title(name: str) -> str:
    """A timed modifier's name as the news and the dashboard show it: 'fuel_shortage' -> 'Fuel shortage'.

    It is a text of the scenario too (``modifiers.NAME`` in its translations), so a language says it its way.
    """
    return name.replace("_", " ").capitalize()
