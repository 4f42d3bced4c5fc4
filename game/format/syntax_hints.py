"""What an author probably meant by an expression Python's parser refused.

Python's own messages talk about Python ("invalid syntax. Perhaps you forgot a comma?");
an author who wrote ``year => 2025`` or ``a && b`` needs to hear "did you mean >=?" at the
place of the mistake. The text is scanned outside its quoted ids for the usual slips of
people who write other languages, then for an operator with nothing after it; Python's
message is kept, reworded, only when none of them is found.
"""

from __future__ import annotations

import re

#: Slips of authors used to other languages, in the order they are looked for.
_SLIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"=>"), "'=>' is not an operator: did you mean '>='?"),
    (re.compile(r"=<"), "'=<' is not an operator: did you mean '<='?"),
    (re.compile(r"&&"), "'&&' is not an operator: write 'and'"),
    (re.compile(r"\|\|"), "'||' is not an operator: write 'or'"),
    (re.compile(r"<>"), "'<>' is not an operator: write '!='"),
    (re.compile(r"!(?!=)"), "'!' is not an operator: write 'not'"),
    (re.compile(r":="), "':=' sets a value, which an expression cannot do: did you mean '=='?"),
    (
        re.compile(r"(?<![=<>!:])=(?!=)"),
        "'=' sets a value, which an expression cannot do: did you mean '=='?",
    ),
)

#: An operator that needs something after it, at the end of the text.
_TRAILING = re.compile(r"(?:(?<![\w.])(?:and|or|not)|==|!=|<=|>=|[-+*/<>])\s*$")

#: Python's messages, reworded for an author (the first one found in Python's message wins).
_PYTHON_MESSAGES: tuple[tuple[str, str], ...] = (
    ("was never closed", "this bracket is never closed"),
    ("unmatched", "this bracket closes nothing"),
    ("does not match", "this bracket does not match the one it closes"),
    ("unterminated string", 'this quoted id is not closed: end it with "'),
    ("invalid decimal literal", "a number runs into letters here"),
    ("leading zeros", "a number cannot start with 0 here: write 7, not 07"),
    ("invalid character", "this character is not part of the language"),
)


def _blank_quotes(text: str) -> str:
    """``text`` with the insides of quoted ids blanked out, so nothing in an id is mistaken."""
    out, quote = [], ""
    for char in text:
        if quote:
            out.append(quote if char == quote else " ")
            if char == quote:
                quote = ""
        else:
            if char in "\"'":
                quote = char
            out.append(char)
    return "".join(out)


def syntax_problem(text: str, error: SyntaxError) -> tuple[str, int]:
    """A message for the author and the 0-based column it points at."""
    plain = _blank_quotes(text)
    for pattern, message in _SLIPS:
        found = pattern.search(plain)
        if found:
            return message, found.start()
    trailing = _TRAILING.search(plain)
    if trailing:
        operator = trailing.group().strip()
        return f"'{operator}' needs something after it", trailing.start()
    column = max((error.offset or 1) - 1, 0)
    if (error.lineno or 1) > 1:
        column += sum(len(line) + 1 for line in text.split("\n")[: error.lineno - 1])
    reason = error.msg or ""
    for found, message in _PYTHON_MESSAGES:
        if found in reason:
            return message, min(column, len(text))
    return "this is not a valid expression here", min(column, len(text))
