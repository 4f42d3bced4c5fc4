"""The one place that changes the player's figures, so every change carries its reason."""

from __future__ import annotations

from game.engine.reports import Change, NewsItem, NewsKind
from game.engine.state import AgencyState, GameState


def report(
    state: GameState, kind: NewsKind, text: str, programme: str | None = None, player: bool = False
) -> None:
    state.news.append(NewsItem(kind, text, programme, player))


def pay(state: GameState, agency: AgencyState, amount: int, reason: str) -> None:
    """Move ``amount`` k$ (negative to spend) into an agency's money, on the record."""
    agency.money += amount
    if agency.id == state.player and amount:
        state.changes.append(Change("money", amount, reason))


def gain(state: GameState, agency: AgencyState, stat: str, delta: float, reason: str) -> None:
    """Add to science, prestige, support or astronauts; support stays within 0..100."""
    if not delta:
        return
    if stat == "support":
        old = agency.support
        agency.support = min(100.0, max(0.0, old + delta))
        delta = agency.support - old
    elif stat == "prestige":
        agency.prestige = max(0.0, agency.prestige + delta)
    elif stat == "science":
        agency.science = max(0.0, agency.science + delta)
    elif stat == "astronauts":
        agency.astronauts = max(0, agency.astronauts + int(delta))
    else:
        raise ValueError(stat)
    if agency.id == state.player and delta:
        state.changes.append(Change(stat, delta, reason))


def relate(state: GameState, a: str, b: str, delta: float, reason: str) -> None:
    """Shift the relation of a and b; the player's own relations go on the record."""
    real = state.shift_relation(a, b, delta)
    if real and state.player in (a, b):
        other = b if a == state.player else a
        state.changes.append(Change(f"relation:{other}", real, reason))


def capability(state: GameState, agency: AgencyState, area: str, delta: int, top: int, reason: str) -> None:
    old = agency.capabilities.get(area, 0)
    agency.capabilities[area] = min(top, max(0, old + delta))
    real = agency.capabilities[area] - old
    if real and agency.id == state.player:
        state.changes.append(Change(f"capability:{area}", real, reason))
