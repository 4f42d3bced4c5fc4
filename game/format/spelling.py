"""How an author writes a kind of value, attached to the models' types for error messages.

A ``Spelling`` rides in a type's ``Annotated[...]`` metadata (pydantic keeps what it does not
know and ignores it): the message for a refused value says how to write it ("a date:
'YYYY-QN' ...") instead of quoting the type's regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spelling:
    """How to write a value of a type, and (optionally) a corrected example from a wrong one."""

    words: str
    fix: Callable[[str], str | None] | None = None

    def example(self, wrong: object) -> str:
        """', such as 'x_y'' when the wrong text has an obvious right form, else ''."""
        if self.fix is None or not isinstance(wrong, str):
            return ""
        fixed = self.fix(wrong)
        return f", such as '{fixed}'" if fixed and fixed != wrong else ""


def fixed_id(text: str) -> str | None:
    """The id an author probably meant: lower case, other characters as underscores."""
    fixed = re.sub(r"[^a-z0-9_]+", "_", text.strip().lower()).strip("_")
    fixed = fixed.lstrip("0123456789_")
    return fixed[:40] or None


ID_WORDS = "an id: lower-case letters, digits and underscores, starting with a letter (at most 40)"
ID = Spelling(ID_WORDS, fixed_id)
REF = Spelling(
    "a milestone or contribution id (lower-case letters, digits and underscores, starting with a "
    "letter), or 'programme.id' to name another programme's, such as 'gateway.halo'"
)
DATE = Spelling(
    "a date: 'YYYY-QN' for a quarter (Q1 to Q4), such as '2024-Q3', "
    "or 'YYYY-MM' for a month, such as '2024-07'"
)
EXPRESSION = Spelling("an expression, such as 'year >= 2025 and support > 40'")
