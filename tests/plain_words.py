"""What no message to an author may hold: a regular expression, a pydantic path, Python's words.

Shared by the walk over every model field (tests/test_plain_messages.py) and the fuzzers.
"""

from __future__ import annotations

import re

#: each a pattern and what it found
RAW = [
    (re.compile(r"\^|\$'|\$\)|\\[dwsSDW]|\[a-z|\[0-9|\(\?|\)\?|\]\*|\]\+"), "a regular expression"),
    (re.compile(r"\b[a-z_]+\.\d+\b"), "a dotted path with an index (programmes.0...)"),
    (
        re.compile(
            r"(?i)input should|should be a valid|valid (dictionary|string|integer|number|boolean|list)"
            r"|instance of|value error|assertion failed|pydantic|validation error|unable to (parse|interpret)"
        ),
        "pydantic's own words",
    ),
    (re.compile(r"'(Attribute|Name|Call|Compare|BinOp|Constant)'|<class|Traceback"), "Python internals"),
    (re.compile(r"[a-z]Error\b|__\w+__|\bself\b"), "Python internals"),
    (
        re.compile(r"\b(str|int|float|bool|dict|NoneType|None|tuple|typing|Annotated|Literal|Optional)\b"),
        "a Python type name",
    ),
    (re.compile(r"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b"), "a class name"),
]


#: what a message may quote of the file ('...'): the author's own words, checked for the first kinds only
QUOTED = re.compile(r"'[^']*'")
QUOTES_CHECKED = 4


#: a file's path in a message (the folders a scenario was looked for in): the machine's, not the
#: game's words, so never judged (a temporary folder may be named 'ci.NpZk')
PATH = re.compile(r"(?<![\w'])/[^\s,;']*")


def raw_parts(message: str) -> list[str]:
    """What in ``message`` an author should never read (empty when it is plain)."""
    message = PATH.sub("PATH", message)
    unquoted = QUOTED.sub("''", message)
    return [
        f"{what}: {found.group(0)!r}"
        for index, (pattern, what) in enumerate(RAW)
        if (found := pattern.search(message if index < QUOTES_CHECKED else unquoted))
    ]
