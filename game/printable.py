"""Text from someone else's file, made safe to print: control characters shown, never sent.

A key, a title or a path in a scenario or a save may hold a newline (which would forge a
line of ``path:line:column: message`` output), a terminal escape sequence (which would
move the cursor, retitle the window or hide text) or a bidirectional override (which
would show text in another order than it is). Every message that quotes a file passes
through :func:`printable`; JSON meant for a terminal passes through :func:`printable_json`.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

#: C0 controls and DEL, C1 controls, line and paragraph separators, bidirectional controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: What a JSON encoder leaves raw inside strings (it escapes C0 itself; raw C0 is layout).
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    return _NAMED.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def printable_json(text: str) -> str:
    """JSON text with the controls the encoder left raw (DEL, C1, bidi) as ``\\u`` escapes.

    They can only stand inside strings, where ``\\u`` and four hex digits mean the same character: the
    document is unchanged for a tool, and harmless on a terminal.
    """
    if not _RAW_IN_JSON.search(text):
        return text
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


#: A string of a model that quotes a file: its control characters are escaped as it is made.
Printable = Annotated[str, AfterValidator(printable)]

#: What no text of a scenario or a save may hold: the controls above but newlines and tabs.
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def plain_text(text: str) -> str:
    """``text`` as it is; ValueError when it holds a control character other than a newline or a
    tab (the game shows such text on a terminal, which would obey it)."""
    found = _CONTROL_IN_TEXT.search(text)
    if found is not None:
        raise ValueError(
            f"text may not hold the control character {printable(found.group())} "
            f"(character {found.start() + 1}): write plain text"
        )
    return text


#: A text field of a scenario or a save: plain text, newlines and tabs allowed.
PlainText = Annotated[str, AfterValidator(plain_text)]
