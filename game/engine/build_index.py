"""Where the programmes' builds stand, indexed: the turn loop reads these lists instead of
scanning every slot of every programme every turn.

An index is worked out from the state when first asked for (a copy of the state or a restored
save starts without one: ``GameState.build_index``), then kept up to date by what changes it: a
build started (``membership.start_build`` calls ``started``), delivered (``builds.deliver``:
``delivered``) or rewarded (``rewards.grant_slot_rewards``: ``rewarded``). Whoever reads an
index checks each build again as the scan did (its status, owner, reward), so an entry gone
stale otherwise (a build given up: ``membership.release_build``) is skipped, never wrong. The
lists keep the scan's order (programmes, then slots, in the scenario's order), so every draw of
the generator comes in the same order as it did when every turn scanned every slot.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass
from typing import NamedTuple

from game.engine.compiled import CompiledScenario
from game.engine.state import BuildState, GameState, ProgrammeState

#: A slot's place in the scan's order: its programme's position, then its own.
Place = tuple[int, int]


class UnderWay(NamedTuple):
    place: Place
    programme: str
    slot: str
    build: BuildState


class Mine(NamedTuple):
    place: Place
    slot: str
    build: BuildState


class Earning(NamedTuple):
    place: Place
    programme: str
    build: BuildState
    per_turn: float
    name: str


def _place_of(entry: UnderWay | Mine | Earning) -> Place:
    return entry.place


@dataclass(slots=True)
class BuildIndex:
    #: the player it was worked out for (a condition may look at the state as another agency's)
    player: str
    #: the programmes it points into (a state made otherwise than by copy() works its own out)
    programmes: dict[str, ProgrammeState]
    #: every contribution being built, by anyone: (place, programme, slot, build)
    under_way: list[UnderWay]
    #: the player's contributions (building or delivered, or given up since), by programme
    mine: dict[str, list[Mine]]
    #: the contributions earning science every turn (rewarded): (place, programme, build, per turn, name)
    earning: list[Earning]
    #: every slot's place in the scan's order, by (programme, slot): looked up as builds start
    places: dict[tuple[str, str], Place]


def build_index(state: GameState, cs: CompiledScenario) -> BuildIndex:
    """The state's index, worked out now if it has none (or one for another player)."""
    found: BuildIndex | None = state.build_index
    if found is None or found.player != state.player or found.programmes is not state.programmes:
        found = state.build_index = _scan(state, cs)
    return found


def _scan(state: GameState, cs: CompiledScenario) -> BuildIndex:
    player = state.player
    found = BuildIndex(player, state.programmes, [], {}, [], {})
    for position, (pid, programme) in enumerate(state.programmes.items()):
        science = {sid: (per_turn, name) for sid, per_turn, name in cs.programmes[pid].science_slots}
        for number, (sid, build) in enumerate(programme.slots.items()):
            place = found.places[pid, sid] = (position, number)
            if build.status == "building":
                found.under_way.append(UnderWay(place, pid, sid, build))
            if build.owner == player:
                found.mine.setdefault(pid, []).append(Mine(place, sid, build))
            if build.rewarded and sid in science:
                found.earning.append(Earning(place, pid, build, *science[sid]))
    return found


def _add_mine(index: BuildIndex, place: Place, pid: str, sid: str, build: BuildState) -> None:
    owned = index.mine.setdefault(pid, [])
    if all(entry.build is not build for entry in owned):
        insort(owned, Mine(place, sid, build), key=_place_of)


def started(state: GameState, pid: str, sid: str) -> None:
    """A contribution's build started: into the index, in its place."""
    index = state.build_index
    if index is None:
        return  # worked out when first asked
    build = state.programmes[pid].slots[sid]
    place = index.places[pid, sid]
    if all(entry.build is not build for entry in index.under_way):
        insort(index.under_way, UnderWay(place, pid, sid, build), key=_place_of)
    if build.owner == index.player:
        _add_mine(index, place, pid, sid, build)


def delivered(state: GameState, build: BuildState) -> None:
    """A contribution was delivered: no longer under way."""
    index = state.build_index
    if index is not None:
        index.under_way = [entry for entry in index.under_way if entry.build is not build]


def rewarded(state: GameState, cs: CompiledScenario, pid: str, sid: str) -> None:
    """A contribution earned its rewards: if it earns science every turn, into the index."""
    index = state.build_index
    if index is None:
        return
    build = state.programmes[pid].slots[sid]
    for slot, per_turn, name in cs.programmes[pid].science_slots:
        if slot == sid:
            if all(entry.build is not build for entry in index.earning):
                entry = Earning(index.places[pid, sid], pid, build, per_turn, name)
                insort(index.earning, entry, key=_place_of)
            return
