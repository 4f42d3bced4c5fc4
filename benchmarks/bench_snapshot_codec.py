"""The state's snapshot codec against pydantic's TypeAdapter, side by side (docs/saves.md says why
the hand-written one stays).

    .venv/bin/python benchmarks/bench_snapshot_codec.py [--repeat N]

The TypeAdapter works on a copy of ``GameState`` whose generator, sets and bare lists are
annotated (the engine's own hints cannot be read by pydantic as they are). It prints both
codecs' times and whether a round trip through pydantic keeps the state's JSON, and so its
hash, the same.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time
import typing
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, TypeAdapter

from game.cli.common import load_compiled
from game.engine.fingerprint import canonical_json, data_hash
from game.engine.game import Game
from game.engine.reports import Change, NewsItem
from game.engine.snapshot import state_from_data, state_to_data
from game.engine.state import GameState
from game.engine.turn import Snapshot
from game.sim.runner import play_campaign


def _generator_data(rng: random.Random) -> dict[str, Any]:
    version, words, gauss_next = rng.getstate()
    return {"version": version, "words": list(words), "gauss_next": gauss_next}


def _generator(data: Any) -> random.Random:
    if isinstance(data, random.Random):
        return data
    rng = random.Random()
    rng.setstate((data["version"], tuple(data["words"]), data["gauss_next"]))
    return rng


Generator = Annotated[Any, PlainValidator(_generator), PlainSerializer(_generator_data)]
SortedSet = Annotated[set[str], PlainSerializer(sorted)]
HINTS = {
    "rng": Generator,
    "flags": SortedSet,
    "acted": SortedSet,
    "news": list[NewsItem],
    "changes": list[Change],
    "history": list[Snapshot],
}


def typed_state() -> type:
    """A copy of GameState that pydantic can read, field by field."""
    hints = typing.get_type_hints(GameState)
    fields = []
    for f in dataclasses.fields(GameState):
        spec = dataclasses.field(default=f.default, default_factory=f.default_factory)
        fields.append((f.name, HINTS.get(f.name, hints[f.name]), spec))
    return dataclasses.make_dataclass("GameState", fields, slots=True)


def best(action: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` runs, in milliseconds."""
    fastest = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    compiled = load_compiled(None)
    assert compiled is not None
    adapter = TypeAdapter(typed_state())
    state = play_campaign(compiled, compiled.playable()[0], "random", 1).state
    data = state_to_data(state)
    typed = adapter.validate_python(data)
    print(f"encode: hand-written {best(lambda: state_to_data(state), args.repeat):.2f} ms, ", end="")
    print(f"pydantic {best(lambda: adapter.dump_python(typed, mode='json'), args.repeat):.2f} ms")
    print(f"decode: hand-written {best(lambda: state_from_data(data), args.repeat):.2f} ms, ", end="")
    print(f"pydantic {best(lambda: adapter.validate_python(data), args.repeat):.2f} ms")
    opening = state_to_data(Game(compiled, compiled.playable()[0], 1).state)
    back = adapter.dump_python(adapter.validate_python(opening), mode="json")
    same = canonical_json(back) == canonical_json(opening)
    print(f"opening state after a pydantic round trip: {'the same' if same else 'DIFFERENT'} ", end="")
    print(f"(hash {data_hash(opening)[:12]} -> {data_hash(back)[:12]})")


if __name__ == "__main__":
    main()
