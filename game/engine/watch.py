"""Conditions asked again only when what they read has changed since they were last asked.

The turn loop asks the scenario's conditions every turn (the events', the objectives', the
race's, the admission rules'), and most of them read parts of the state that change a few times
a campaign: flags, memberships, milestones, deliveries, missions, the race. Each such part is a
*channel* with a version counter in the state's ``Watch``; the engine moves a channel's counter
on wherever it writes that part (``touch``, the one hook, called where the state is written).
A condition declares what it reads when it is compiled (the vocabulary says what each name
reads: game/engine/vocabulary.py), and the turn loop keeps its last value with the versions of
its channels (``Watched``, ``known``): while they have not moved, the value cannot have changed,
and it is not worked out again.

A condition that reads anything else (the date, money, support, relations, health...) has no
channels and is asked every time, as before. Conditions are pure (they draw nothing and change
nothing), so skipping one changes nothing but the time: every draw of the generator comes in the
same order. A copy of the state or a restored save starts with no ``Watch`` (nothing known).

``ENABLED`` off asks every condition every time (the slow path the tests compare with);
``VERIFY`` on asks every condition every time and fails loudly when a kept value differs from
the one worked out (a write that forgot to ``touch``): tests/test_watch.py plays whole campaigns so.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from game.engine.state import GameState

#: The channels: the parts of the state a watched condition may read, each written (and touched) by
#: flags: global and agency flags and variables (effects, variables, modifiers, deal items);
#: membership: who leads or is a member of each programme (membership); programmes: a programme's
#: status, whether it is announced or open, its admission rule (programmes, programme_changes);
#: milestones: a milestone flown or failed (programmes); builds: who builds a contribution or
#: mission and where it stands (builds, membership, flights, deal items, the mission action);
#: missions: a national mission's successes and failures (builds); firsts: the race's achievements
#: earned (race.award); crew: the agencies' crewed flights, crew in orbit and on the surface
#: (rewards); deliveries: a programme's contribution delivered, or no longer (builds, membership).
CHANNEL_NAMES = (
    "flags",
    "membership",
    "programmes",
    "milestones",
    "builds",
    "missions",
    "firsts",
    "crew",
    "deliveries",
)
FLAGS, MEMBERS, PROGRAMMES, MILESTONES, BUILDS, MISSIONS, FIRSTS, CREW, DELIVERED = range(len(CHANNEL_NAMES))
CHANNELS = len(CHANNEL_NAMES)

#: Off: every condition is asked every time (the slow path).
ENABLED = True
#: On: every condition is asked every time too, and a value worked out while the versions it was
#: kept with still hold must be the kept one (else a write did not ``touch``: AssertionError).
VERIFY = False

_slots = itertools.count()


class _Forgetful(dict):  # type: ignore[type-arg]
    """The memory of a Watch when ``ENABLED`` is off: it keeps nothing, so everything is asked."""

    def __setitem__(self, slot: Any, kept: Any) -> None:  # also the memo's values
        pass


class _Verifying(dict):  # type: ignore[type-arg]
    """The memory of a Watch under ``VERIFY``: it gives nothing back (everything is asked), and a
    value stored under the versions of the one before it must equal it."""

    def get(self, slot: Any, default: Any = None) -> Any:
        return default

    def __setitem__(self, slot: Any, kept: Any) -> None:  # also the memo's values
        before = dict.get(self, slot)
        if before is not None and before[0] == kept[0] and not _same(before[1], kept[1]):
            raise AssertionError(
                f"a watched condition kept {before[1]!r}, but it reads {kept[1]!r} now and what it "
                "reads has not been touched: a write to the state did not call watch.touch"
            )
        dict.__setitem__(self, slot, kept)


def _same(a: Any, b: Any) -> bool:
    return a == b or (a != a and b != b)  # NaN is NaN


class Watch:
    """A state's channel versions and the conditions' last values (never saved, never copied)."""

    __slots__ = ("known", "memo", "versions")

    def __init__(self) -> None:
        self.versions = [0] * CHANNELS
        #: a condition's slot (with the agency asked about, for admission) -> (versions, value)
        self.known: dict[Any, tuple[Any, Any]] = _Verifying() if VERIFY else {} if ENABLED else _Forgetful()
        #: what a turn step keeps for itself between turns, that only ever narrows (the objectives
        #: it still asks about): nothing kept on the slow path or while verifying
        self.memo: dict[str, Any] = {} if ENABLED and not VERIFY else _Forgetful()


def touch(state: GameState, channel: int) -> None:
    """Something in ``channel`` of ``state`` was written: the conditions that read it are asked again."""
    watch = state.watch
    if watch is not None:
        watch.versions[channel] += 1


def watch_of(state: GameState) -> Watch:
    """The state's watch, started now if it has none."""
    watch = state.watch
    if watch is None:
        watch = state.watch = Watch()
    return watch


class Watched(NamedTuple):
    """A condition or figure that reads only channels: asked again only when one of them moved.

    The turn loop's hottest places (fire_events, check_objectives) read it inline as ``known`` does.
    """

    slot: int  # its place among the values a Watch keeps
    test: Callable[[GameState], Any]
    #: the versions of the channels it reads, from a Watch's ``versions``
    stamp: Callable[[list[int]], Any]


def _nothing(versions: list[int]) -> int:
    return 0


def stamp_of(reads: frozenset[int]) -> Callable[[list[int]], Any]:
    """The versions of the channels ``reads`` names, from a Watch's ``versions``, to compare."""
    return itemgetter(*sorted(reads)) if reads else _nothing


def watched(test: Callable[[GameState], Any], reads: frozenset[int] | None) -> Watched | None:
    """``test`` watched on the channels it ``reads``; None when it reads something unwatched (None)."""
    if reads is None:
        return None
    return Watched(next(_slots), test, stamp_of(reads))


def known(state: GameState, check: Watched, key: Any = None) -> Any:
    """``check``'s value on ``state``: the kept one while its channels have not moved, else worked
    out now (and kept). ``key``: what else it depends on (the agency an admission asks about)."""
    watch = state.watch
    if watch is None:
        watch = state.watch = Watch()
    number, test, stamp = check
    now = stamp(watch.versions)
    slot: Any = number if key is None else (number, key)
    kept = watch.known.get(slot)
    if kept is None or kept[0] != now:
        kept = watch.known[slot] = (now, test(state))
    return kept[1]


class Split(NamedTuple):
    """A condition as the turn loop asks it (game/engine/expressions.py split_condition): true when
    both parts are (a part that is None is)."""

    #: the parts joined by 'and' that read only watched channels, kept while those do not change
    steady: Watched | None
    #: the other parts, asked every time
    rest: Callable[[GameState], bool] | None


#: A condition that always holds, as a Split.
ALWAYS = Split(None, None)
