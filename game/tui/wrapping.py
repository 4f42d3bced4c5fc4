"""Where a line of text may break: between words, never between a figure and its unit.

Textual wraps every widget's text with rich's word splitter (``rich._wrap``), which breaks at
any space, so '2023: 300 M$' could end a line with '300' and start the next with 'M$'.
Typesetting keeps a number with its unit (a no-break space); the game's texts are written with
plain spaces (the engine's news, the catalogues, the scenarios), so the rule is taught to the
splitter instead, once, for every widget: a figure followed by a unit the game writes ('M$',
'mo', the Russian 'мес') is one word. :func:`keep_units_together` runs when the TUI loads.
"""

from __future__ import annotations

import re

import rich._wrap

#: The units written after a figure and a space: money, and months ('+9 mo', '+9 мес').
UNITS = (r"M\$", r"mo\b", r"мес\b")

#: A word as rich splits them (spaces before and after it), where a figure ending in a digit,
#: a space and a unit count as one word.
WORD = re.compile(rf"\s*(?:\S*\d (?:{'|'.join(UNITS)})\S*|\S+)\s*")


def keep_units_together() -> None:
    """Make rich (and so Textual) split words by :data:`WORD`; a rich that no longer splits by a
    module pattern is left as it is (tests/tui/test_wrapping.py then fails)."""
    if isinstance(getattr(rich._wrap, "re_word", None), re.Pattern):
        rich._wrap.re_word = WORD


keep_units_together()
