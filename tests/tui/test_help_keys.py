"""The help's rules name keys as the footer and the keys table do: lowercase letters."""

from __future__ import annotations

import re

from game.tui.screens.help import rules


def test_the_rules_name_letter_keys_in_lowercase() -> None:
    capital_keys = re.findall(r"(?<![\w+])[A-Z](?!\w)", rules())  # 'M shows', '(P)', 'press W'
    assert capital_keys == []
    assert "Press m for the budget of the next five years" in rules()
    assert "the debrief shows the score at the end (b: so far)" in rules()
