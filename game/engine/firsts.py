"""Whose first an achievement is (``first_among``): the rank an agency earns it at among the
agencies that count, for the race (game/engine/race.py) and the history the campaign opens
with (game/engine/compiled.py), which the race itself depends on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from game.format.models import Achievement


def rank_among(
    blocs: Mapping[str, str], model: Achievement, done: Sequence[tuple[str, int]], agency: str
) -> int:
    """The rank ``agency`` earns ``model`` at after the agencies ``done``, among those whose first
    it is (``first_among``): all of them, those of its own bloc, or itself alone (always 1)."""
    among = model.first_among
    if among == "world":
        return len(done) + 1
    if among == "bloc":
        bloc = blocs.get(agency)
        return sum(1 for who, _ in done if blocs.get(who) == bloc) + 1
    return 1
