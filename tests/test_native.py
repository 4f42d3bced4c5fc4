"""The engine compiled by mypyc (``make compiled``) plays the very campaigns of its Python sources.

The comparison runs in two fresh processes: one as installed (compiled when built, and
``native.PATH`` says which), one forced onto the sources (``CISLUNAR_PURE=1``); every campaign's
state hash, score and outcome must match, with records (as the TUI plays) and without (as
``simulate`` plays). Where the engine is not compiled, both sides run the sources, and the test
still checks that the slow path really is the sources. A compiled module older than its source
must not be used (it would silently hide an edit).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.engine import native

ROOT = Path(__file__).resolve().parent.parent

PLAY = """
import json, sys
from game.cli.common import load_compiled
from game.engine import native, turn
from game.engine.fingerprint import state_hash
from game.sim.runner import play_campaign

played = {}
for scenario in (None, "tests/scenarios/all_features.yaml"):
    compiled = load_compiled(scenario)
    agency = compiled.playable()[0]
    for strategy in ("gateway", "greedy", "random"):
        for seed in (1, 2):
            for records in (True, False):
                game = play_campaign(compiled, agency, strategy, seed, records)
                key = f"{compiled.scenario.id}/{agency}/{strategy}/{seed}/{records}"
                played[key] = [state_hash(game), game.score(), game.state.outcome]
print(json.dumps({"path": native.PATH, "turn": turn.__file__, "played": played}))
"""


def run_json(script: str, timeout: int, **environment: str) -> dict:
    """What ``script`` prints last, as JSON, run in a fresh process with ``environment`` added."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **environment},
        timeout=timeout,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def play(**environment: str) -> dict:
    """The campaigns' hashes and which engine played them, in a fresh process."""
    return run_json(PLAY, 300, **environment)


def test_the_compiled_engine_plays_the_campaigns_of_its_sources() -> None:
    installed = play(CISLUNAR_PURE="0")
    sources = play(CISLUNAR_PURE="1")
    assert sources["turn"].endswith("turn.py")
    assert sources["path"].startswith("pure")
    assert installed["turn"].endswith(".py") == installed["path"].startswith("pure")
    assert len(installed["played"]) == 24
    assert installed["played"] == sources["played"]


def test_a_source_edited_after_the_build_is_not_shadowed_by_it(tmp_path: Path) -> None:
    build = tmp_path / "turn.cpython-311-x86_64-linux-gnu.so"
    source = tmp_path / "turn.py"
    build.write_bytes(b"")
    source.write_text("")
    os.utime(build, (1_000, 1_000))
    os.utime(source, (2_000, 2_000))  # edited (or checked out) after the build
    assert native.stale([(build, source)]) == [source]
    os.utime(build, (3_000, 3_000))  # built again
    assert native.stale([(build, source)]) == []


def test_the_sources_only_finder_never_returns_a_build() -> None:
    spec = native.SourcesOnly().find_spec("game.engine.turn", [str(ROOT / "game" / "engine")])
    assert spec is not None and spec.origin == str(ROOT / "game" / "engine" / "turn.py")
    bots = native.SourcesOnly().find_spec("game.bots.roads", [str(ROOT / "game" / "bots")])  # compiled too
    assert bots is not None and bots.origin == str(ROOT / "game" / "bots" / "roads.py")
    assert native.SourcesOnly().find_spec("game.format.models", [str(ROOT / "game" / "format")]) is None


def setup_with(tmp_path: Path, mypyc_build: str | None) -> subprocess.CompletedProcess[str]:
    """setup.py asked to compile (``CISLUNAR_COMPILE=1``) where mypyc is missing or refuses."""
    fake = tmp_path / "mypyc"
    fake.mkdir()
    (fake / "__init__.py").write_text("" if mypyc_build else "raise ImportError('no mypyc here')\n")
    (fake / "build.py").write_text(mypyc_build or "")
    environment = {**os.environ, "CISLUNAR_COMPILE": "1", "PYTHONPATH": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "-b", str(tmp_path / "b"), "-t", str(tmp_path / "t")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
    )


def test_asked_to_compile_without_mypyc_the_install_goes_on_in_pure_python(tmp_path: Path) -> None:
    done = setup_with(tmp_path, None)
    assert done.returncode == 0
    assert "mypyc is missing" in done.stderr and "stays pure Python" in done.stderr


def test_when_mypyc_refuses_the_engine_the_install_goes_on_in_pure_python(tmp_path: Path) -> None:
    refusing = "def mypycify(*args, **options):\n    raise SystemExit('game/engine/turn.py:1: error')\n"
    done = setup_with(tmp_path, refusing)
    assert done.returncode == 0
    assert "could not compile the engine (game/engine/turn.py:1: error)" in done.stderr


def test_when_the_c_build_fails_the_install_goes_on_in_pure_python(tmp_path: Path) -> None:
    """No C compiler, no Python headers or a compiler error: one line, and no part of a build."""
    broken = tmp_path / "broken.c"
    broken.write_text("#error no C build here\n")
    failing = (
        "from setuptools import Extension\n"
        "def mypycify(*args, **options):\n"
        f"    return [Extension('game.engine._compiled__mypyc', sources=[{str(broken)!r}])]\n"
    )
    done = setup_with(tmp_path, failing)
    assert done.returncode == 0
    notices = [line for line in done.stderr.splitlines() if line.startswith("cislunar setup:")]
    assert len(notices) == 1 and "the C build failed" in notices[0] and "stays pure Python" in notices[0]
    assert not list((tmp_path / "b").rglob("*.so"))


FIELD_TYPES = """
import dataclasses, json, typing
from game.engine import snapshot
from game.engine.state import GameState

seen, todo, types = set(), [GameState], {}
while todo:
    cls = todo.pop()
    if cls in seen:
        continue
    seen.add(cls)
    hints = snapshot._hints(cls)
    types[cls.__qualname__] = {name: repr(hint) for name, hint in sorted(hints.items())}
    parts = list(hints.values())
    while parts:
        part = parts.pop()
        parts.extend(typing.get_args(part))
        if isinstance(part, type) and dataclasses.is_dataclass(part):
            todo.append(part)
print(json.dumps(types))
"""


def test_the_snapshot_codec_reads_the_same_field_types_compiled_and_from_the_sources() -> None:
    """Compiled by mypyc, a class keeps only erased types (``dict``); the codec reads its source's
    annotations instead, and must find exactly the types the sources declare."""

    def field_types(**environment: str) -> dict[str, dict[str, str]]:
        return run_json(FIELD_TYPES, 60, **environment)

    installed, sources = field_types(CISLUNAR_PURE="0"), field_types(CISLUNAR_PURE="1")
    assert sources["GameState"]["agencies"] == "dict[str, game.engine.state.AgencyState]"
    assert len(sources) > 15
    assert installed == sources
