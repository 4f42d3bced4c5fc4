"""The one place that changes the player's figures, so every change carries its reason.

A state that keeps no records (``GameState.records`` off: a headless playout) makes the same
changes and keeps neither the news nor the changes' records.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.reports import Change, NewsItem, NewsKind
from game.engine.rulebook import RELATION_TOP, TOP, never_below_zero
from game.engine.state import AgencyState, GameState
from game.i18n import msg


def report(
    state: GameState,
    kind: NewsKind,
    text: str,
    programme: str | None = None,
    player: bool = False,
    reason: str | None = None,
) -> None:
    """News of the turn; none of a programme not announced yet (what is hidden is not told).

    ``reason`` (why it happened) follows the text in brackets, 'Artemis I slips to 2022-Q3
    (budget cut)', unless this turn's news already says it (:func:`told`).
    """
    if not state.records:
        return
    if programme is not None:
        about = state.programmes.get(programme)
        if about is not None and about.hidden:
            return
    if reason is not None and not told(state, reason):
        text = msg("{news} ({reason})", news=text, reason=reason)
    state.news.append(NewsItem(kind, text, programme, player))


def told(state: GameState, reason: str) -> bool:
    """Whether this turn's news already says ``reason``: the line of the event (its title, its
    choice, its outcome) whose effects give it as their reason. Their own news then leaves the
    reason out instead of saying it a second time, a line below."""
    dashed = reason + " — "  # an outcome's line: '{title}: {label} — {text}'
    return any(
        item.kind == "event" and (item.text == reason or item.text.startswith(dashed)) for item in state.news
    )


def pay(state: GameState, agency: AgencyState, amount: int, reason: str) -> None:
    """Move ``amount`` k$ (negative to spend) into an agency's money, on the record."""
    agency.money += amount
    if amount and agency.id == state.player and state.records:
        state.changes.append(Change("money", amount, reason))


def gain(state: GameState, agency: AgencyState, stat: str, delta: float, reason: str) -> None:
    """Add to science, prestige, support or astronauts; support stays within 0..100."""
    if not delta:
        return
    if stat == "science":  # the most frequent: contributions in service, every turn
        agency.science = never_below_zero(agency.science + delta)
    elif stat == "support":
        old = agency.support
        value = old + delta  # rulebook.clamp_percent inline (tests/test_rulebook.py holds it)
        agency.support = value = 0.0 if value <= 0.0 else (TOP if value > TOP else value)
        delta = value - old
    elif stat == "prestige":
        agency.prestige = never_below_zero(agency.prestige + delta)
    elif stat == "astronauts":
        agency.astronauts = max(0, agency.astronauts + int(delta))
    else:
        raise ValueError(stat)
    if delta and agency.id == state.player and state.records:
        state.changes.append(Change(stat, delta, reason))


def gain_all(state: GameState, agencies: Iterable[AgencyState], stat: str, delta: float, reason: str) -> None:
    """``gain`` for each agency in turn; the other agencies' science and prestige without a call each."""
    if not delta:
        return
    player = state.player
    for agency in agencies:
        if agency.id == player:
            gain(state, agency, stat, delta, reason)
        elif stat == "science":  # rulebook.never_below_zero inline (tests/test_rulebook.py holds it)
            value = agency.science + delta
            agency.science = value if value > 0.0 else 0.0
        elif stat == "prestige":
            value = agency.prestige + delta
            agency.prestige = value if value > 0.0 else 0.0
        else:
            gain(state, agency, stat, delta, reason)


def relate(state: GameState, a: str, b: str, delta: float, reason: str) -> float:
    """Shift the relation of a and b; the player's own relations go on the record. The real change."""
    real = state.shift_relation(a, b, delta)
    if real and state.player in (a, b) and state.records:
        other = b if a == state.player else a
        state.changes.append(Change(f"relation:{other}", real, reason))
    return real


def relate_all(
    state: GameState, agencies: tuple[str, ...], pulls: tuple[tuple[str, float], ...], reason: str
) -> None:
    """``relate`` for every agency with every (other, delta) pull, in that order.

    The membership drift runs it a couple of dozen times a turn, nearly always between two
    other agencies: that case, with nothing to record, is ``GameState.shift_relation``'s
    arithmetic spelled out inline; a pull that touches the player goes through ``relate``
    (in a state that keeps records: without them every pull is the inline arithmetic, on the
    cells ``_pull_plan`` lists once per set of members).
    """
    relations, player, top = state.relations, state.player, RELATION_TOP
    if not state.records:  # nothing to record: shift_relation's arithmetic for every pull, in order
        plan = state.pull_plans.get((agencies, pulls))
        if plan is None:  # the first time: a relation may not be in its rows yet (it reads 0)
            plan = state.pull_plans[agencies, pulls] = _pull_plan(relations, agencies, pulls)
            for row, b, back, a, delta in plan:
                new = row.get(b, 0.0) + delta
                if new > top:  # rulebook.clamp_relation inline (tests/test_rulebook.py holds it)
                    new = top
                elif new < -top:
                    new = -top
                row[b] = new
                back[a] = new
            return
        for row, b, back, a, delta in plan:  # every relation in its rows now (none is ever removed)
            new = row[b] + delta
            if new > top:  # rulebook.clamp_relation inline (tests/test_rulebook.py holds it)
                new = top
            elif new < -top:
                new = -top
            row[b] = new
            back[a] = new
        return
    targets = [b for b, _ in pulls]
    quiet = player not in targets
    for a in agencies:
        if not quiet or a == player or a in targets:
            for b, delta in pulls:
                relate(state, a, b, delta, reason)
            continue
        row = relations[a]
        for b, delta in pulls:
            new = row.get(b, 0.0) + delta
            if new > top:  # rulebook.clamp_relation inline (tests/test_rulebook.py holds it)
                new = top
            elif new < -top:
                new = -top
            row[b] = new
            relations[b][a] = new


PullCell = tuple[dict[str, float], str, dict[str, float], str, float]


def _pull_plan(
    relations: dict[str, dict[str, float]], agencies: tuple[str, ...], pulls: tuple[tuple[str, float], ...]
) -> list[PullCell]:
    """Each relation ``relate_all`` moves, in its order: (a's row, b, b's row, a, delta); a pull
    toward itself changes nothing (``shift_relation``). The rows are the state's own dicts, which
    live as long as the state (a copy works its plans out again: ``GameState.pull_plans``)."""
    return [(relations[a], b, relations[b], a, delta) for a in agencies for b, delta in pulls if b != a]


def capability(state: GameState, agency: AgencyState, area: str, delta: int, top: int, reason: str) -> int:
    """Move a capability level within 0..top, on the record; the real change."""
    old = agency.capabilities.get(area, 0)
    agency.capabilities[area] = min(top, max(0, old + delta))
    real = agency.capabilities[area] - old
    if real and agency.id == state.player and state.records:
        state.changes.append(Change(f"capability:{area}", real, reason))
    return real
