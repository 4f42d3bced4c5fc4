"""How long saving and loading take, side by side in one run, on a whole default campaign.

    .venv/bin/python benchmarks/bench_saves.py [--repeat N]

Loading replays the action log and checks it against the snapshot; the snapshot alone
(``restore_snapshot``) is the fast path it is compared with. The scenario's parse and
validation are timed apart: loading a second save of the same scenario skips them.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from game.engine.compiled import compile_scenario
from game.engine.fingerprint import state_hash
from game.format.loader import load_scenario
from game.paths import default_scenario
from game.saves import load_game, read_save, save_game
from game.saves.store import restore_snapshot
from game.sim.runner import play_campaign


def timed(action: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    scenario = default_scenario()
    compiled = compile_scenario(load_scenario(scenario).unwrap())
    agency = compiled.playable()[0]
    game = play_campaign(compiled, agency, "random", 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        save_game(game, scenario, path)
        save = read_save(path)
        load_game(path)  # the scenario is now cached
        rows = [
            ("state hash", timed(lambda: state_hash(game), args.repeat)),
            ("save (snapshot + atomic write)", timed(lambda: save_game(game, scenario, path), args.repeat)),
            ("read and check the file", timed(lambda: read_save(path), args.repeat)),
            ("restore from the snapshot", timed(lambda: restore_snapshot(save, compiled), args.repeat)),
            ("load: replay + checks", timed(lambda: load_game(path), args.repeat)),
            ("parse + validate the scenario", timed(lambda: load_scenario(scenario), args.repeat)),
        ]
        size = path.stat().st_size
    played = f"{len(game.log)} actions, {game.state.turn} turns"
    print(f"default scenario, {agency}, random bot: {played}, a save of {size} bytes")
    base = dict(rows)["restore from the snapshot"]
    for name, ms in rows:
        print(f"{name:<32} {ms:8.2f} ms  {ms / base:6.1f}x the snapshot restore")


if __name__ == "__main__":
    main()
