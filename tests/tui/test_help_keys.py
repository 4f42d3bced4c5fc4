"""The help's rules name keys as the footer and the keys table do: lowercase letters."""

from __future__ import annotations

import re

from game.tui.screens.help import rules


def test_the_rules_name_letter_keys_in_lowercase() -> None:
    capital_keys = re.findall(r"(?<![\w+])[A-Z](?!\w)", rules())  # 'M shows', '(P)', 'press W'
    assert capital_keys == []
    assert "Press m for the budget of the next five years" in rules()
    assert "the debrief shows the score at the end (b: so far)" in rules()


def test_a_key_that_says_what_it_does_now_is_one_line_of_the_keys_table() -> None:
    """'a Hide refused' and 'a Show refused' were two lines, as if they were two keys."""
    from game.tui.screens.decisions import DecisionsScreen
    from game.tui.screens.help import key_lines

    lines = [str(line) for line in key_lines("Decisions", DecisionsScreen.BINDINGS)]
    assert "  a        Hide refused / Show refused" in lines
    assert sum(line.strip().startswith("a ") for line in lines) == 1
