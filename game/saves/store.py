"""Write a game to a save file, and read one back by replaying it.

Loading never trusts the file: it is parsed as JSON (no pickle, no code), checked against
the model, its scenario found and checked by content hash, its action log replayed from
the seed on the real engine, and the replayed state compared with the stored snapshot,
hash and summary. Any disagreement is a SaveError that says what and where.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import __version__
from game.engine.fingerprint import canonical_json, data_hash
from game.engine.game import Game
from game.engine.snapshot import SnapshotError, restore_game, state_from_data, state_to_data
from game.files import NotRegularFile, read_regular
from game.format.models import DEFAULT_DIFFICULTY
from game.saves.atomic import atomic_write, remove_stale_temporaries
from game.saves.errors import SaveError
from game.saves.located import damaged_save
from game.saves.migrate import migrate
from game.saves.model import FORMAT, FORMAT_VERSION, ActionRecord, CampaignSummary, SaveFile
from game.saves.scenarios import find_scenario, scenario_ref

MAX_SAVE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32  # a real save nests about 8 levels
MAX_SAVE_INT = 2**63 - 1  # the largest integer a save may hold (seeds, turns, generator words)
SAVE_SUFFIX = ".json"


@dataclass
class LoadedGame:
    """A game loaded from a save, ready to play on, with the file it came from."""

    game: Game
    save: SaveFile
    path: Path
    scenario_path: Path
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- writing


def summary_of(game: Game) -> CampaignSummary:
    state = game.state
    return CampaignSummary(
        turn=state.turn, date=game.date, score=game.score(), outcome=state.outcome, over=state.over
    )


def build_save(game: Game, scenario_path: str | Path) -> SaveFile:
    """The save of ``game``, played on the scenario file at ``scenario_path``."""
    snapshot = state_to_data(game.state)
    return SaveFile(
        format=FORMAT,
        version=FORMAT_VERSION,
        made_by=f"cislunar {__version__}",
        scenario=scenario_ref(game.compiled.as_written, scenario_path),
        agency=game.player,
        seed=game.state.seed,
        difficulty=None if game.state.difficulty == DEFAULT_DIFFICULTY else game.state.difficulty,
        summary=summary_of(game),
        state_hash=data_hash(snapshot),
        actions=[ActionRecord.of(action) for action in game.log],
        snapshot=snapshot,
    )


def save_bytes(save: SaveFile) -> bytes:
    """The file's text: the header readable, one action per line, the snapshot on one line."""
    data = save.model_dump(mode="json")
    if data["difficulty"] is None:  # saves of the default level stay as they were
        del data["difficulty"]
    lines = ["{"]
    for key, value in data.items():
        if key == "actions":
            actions = [
                json.dumps(record.model_dump(exclude_defaults=True), ensure_ascii=False)
                for record in save.actions
            ]
            body = "[\n" + ",\n".join(f"    {a}" for a in actions) + "\n  ]" if actions else "[]"
            lines.append(f'  "actions": {body},')
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, allow_nan=False)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_save(save: SaveFile, path: str | Path) -> Path:
    """Write ``save`` atomically: an interrupted write leaves any older file at ``path`` intact
    (and the temporary files of writes killed long ago in that folder are cleared)."""
    target = Path(path)
    try:
        atomic_write(target, save_bytes(save))
    except OSError as error:
        raise SaveError(f"cannot write the save: {error.strerror or error}", str(target)) from None
    remove_stale_temporaries(target.parent, SAVE_SUFFIX)
    return target


def save_game(game: Game, scenario_path: str | Path, path: str | Path) -> Path:
    """Save ``game`` (played on the scenario file at ``scenario_path``) to ``path``."""
    return write_save(build_save(game, scenario_path), path)


# ---------------------------------------------------------------- reading


def read_save(path: str | Path) -> SaveFile:
    """Read and check the file (not the replay): SaveError for anything that is not a good save."""
    shown = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(f"not a save: {size} bytes is over the limit of {MAX_SAVE_BYTES}", shown)
        raw = read_regular(path, MAX_SAVE_BYTES)
    except NotRegularFile as error:
        raise SaveError(f"not a save: {error}", shown) from None
    except OSError as error:
        raise SaveError(f"cannot read the save: {error.strerror or error}", shown) from None
    return parse_save(shown, raw)


def parse_save(path: str, raw: bytes) -> SaveFile:
    """Check the bytes of a save file (read from ``path``) and return its model."""
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"not a save: the file is larger than {MAX_SAVE_BYTES} bytes", path)
    if not raw.strip():
        raise SaveError("not a save: the file is empty", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = _column(raw, error.start)
        raise SaveError("not a save: binary data or not UTF-8 text", path, line, column) from None
    if "\x00" in text:
        offset = raw.index(b"\x00")
        line, column = raw[:offset].count(b"\n") + 1, _column(raw, offset)
        raise SaveError("not a save: binary data (NUL bytes)", path, line, column)
    try:
        data = json.loads(
            text,
            parse_constant=_no_constants,
            parse_float=_finite_float,
            parse_int=_bounded_int,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as error:
        damaged = "a damaged or truncated save" if text.lstrip().startswith("{") else "not a save"
        raise SaveError(f"{damaged}: JSON syntax: {error.msg}", path, error.lineno, error.colno) from None
    except _OutOfRange as error:
        line, column = _locate(text, error.literal)
        raise SaveError(f"damaged save: {error}", path, line, column) from None
    except (ValueError, RecursionError) as error:
        raise SaveError(f"not a save: {str(error) or 'nested too deeply'}".splitlines()[0], path) from None
    if _too_deep(data):
        raise SaveError(f"not a save: nested more than {MAX_DEPTH} levels deep", path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError(f'not a Cislunar save (no "format": "{FORMAT}" in it)', path)
    data = migrate(data, path)
    try:
        return SaveFile.model_validate(data)
    except ValidationError as error:
        raise damaged_save(error, path, text, data) from None


def _too_deep(data: Any) -> bool:
    """Whether JSON data nests deeper than MAX_DEPTH (checked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return False


def _column(raw: bytes, offset: int) -> int:
    return offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _no_constants(name: str) -> Any:
    raise ValueError(f"'{name}' is not a number a save may hold")


class _OutOfRange(ValueError):
    """A number or key of the JSON text that no save holds; ``literal`` finds it in the text."""

    def __init__(self, message: str, literal: str) -> None:
        super().__init__(message)
        self.literal = literal


def _finite_float(literal: str) -> float:
    """A JSON number as a float, refused when it is out of range (``1e400`` reads as infinity)."""
    value = float(literal)
    if not math.isfinite(value):
        raise _OutOfRange(f"the number {literal[:40]} is out of range", literal)
    return value


def _bounded_int(literal: str) -> int:
    """A JSON integer, refused beyond 64 bits (no save holds one; huge ones only slow things)."""
    if len(literal) > 20:
        raise _OutOfRange(f"the number {literal[:40]}... is out of range", literal[:40])
    value = int(literal)
    if abs(value) > MAX_SAVE_INT:
        raise _OutOfRange(f"the number {literal} is out of range", literal)
    return value


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key appears twice (a second value would hide the first)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _OutOfRange(f"the key {json.dumps(key)[:60]} appears twice in one object", "")
            seen.add(key)
    return data


def _locate(text: str, literal: str) -> tuple[int | None, int | None]:
    """The line and column of the first ``literal`` in ``text`` (None when it is not found)."""
    offset = text.find(literal) if literal else -1
    if offset < 0:
        return None, None
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# ---------------------------------------------------------------- replaying


def replay(save: SaveFile, game: Game, path: str | None = None) -> Game:
    """Apply the save's actions to a new ``game``; SaveError at the first one the engine refuses."""
    total = len(save.actions)
    for number, record in enumerate(save.actions, 1):
        action = record.to_action()
        outcome = game.act(action)
        if not outcome.ok:
            raise SaveError(
                f"action {number} of {total} ('{action}') is refused on replay: {outcome.reason}. "
                "The save was edited, or made with a version of Cislunar that plays differently",
                path,
            )
    return game


def load_game(
    path: str | Path,
    *,
    scenario: str | Path | None = None,
    ignore_scenario_change: bool = False,
    scenario_dirs: Sequence[Path] | None = None,
) -> LoadedGame:
    """Load a save by replaying it, and check the replay against the save's snapshot and hash.

    The scenario is looked for beside the save and in ``scenario_dirs`` (the shipped and the
    user's scenario folders by default), never where the save says it was; ``scenario``
    names the file when it is elsewhere. Raises ScenarioChangedError when
    the scenario's content differs from the save's (unless ``ignore_scenario_change``: the
    actions are then replayed on the new content and disagreements come back as warnings),
    and SaveError for everything else that is wrong with the file.
    """
    shown = str(path)
    save = read_save(path)
    mismatch = _header_mismatch(save)
    if mismatch:
        raise SaveError(f"{mismatch}: the save was edited, or is damaged", shown)
    found = find_scenario(save.scenario, path, scenario, ignore_scenario_change, scenario_dirs)
    campaign = found.campaign
    if campaign.refusal(save.agency):
        agency, scenario_id = save.agency, campaign.scenario.id
        raise SaveError(f"'{agency}' is not a playable agency of scenario '{scenario_id}'", shown)
    refused = campaign.difficulty_refusal(save.difficulty)
    if refused:
        raise SaveError(refused, shown)
    game = replay(save, campaign.start(save.agency, save.seed, save.difficulty), shown)
    warnings = list(found.warnings)
    problem = disagreement(save, game)
    if problem:
        if not found.changed:
            raise SaveError(f"{problem}: the save was edited, or is damaged", shown)
        warnings.append(problem)
    return LoadedGame(game, save, Path(path), found.path, warnings)


def _header_mismatch(save: SaveFile) -> str:
    """Whether the header (seed, agency, scenario) contradicts the snapshot, before replaying."""
    snapshot = save.snapshot
    for name, key, value in (
        ("seed", "seed", save.seed),
        ("agency", "player", save.agency),
        ("scenario", "scenario_id", save.scenario.id),
        ("difficulty", "difficulty", save.difficulty or DEFAULT_DIFFICULTY),
    ):
        if snapshot.get(key, DEFAULT_DIFFICULTY if key == "difficulty" else None) != value:
            return f"the save's {name} {value!r} disagrees with its snapshot's {snapshot.get(key)!r}"
    return ""


def disagreement(save: SaveFile, game: Game) -> str:
    """How the replayed ``game`` differs from what the save recorded, or '' when it agrees."""
    replayed = state_to_data(game.state)
    if canonical_json(replayed) != canonical_json(save.snapshot):
        where, theirs, ours = _first_difference(save.snapshot, replayed, "state")
        return f"the snapshot disagrees with the replay at {where} (saved {theirs}, replayed {ours})"
    if data_hash(replayed) != save.state_hash:
        return "the state hash does not match the replayed state"
    summary = summary_of(game)
    if summary != save.summary:
        return f"the summary (turn {save.summary.turn}, {save.summary.date}) does not match the replay"
    return ""


def restore_snapshot(save: SaveFile, compiled) -> Game:
    """The game straight from the save's snapshot, without replaying (trusts the file: tools only)."""
    try:
        state = state_from_data(save.snapshot)
    except SnapshotError as error:
        raise SaveError(f"damaged snapshot: {error}") from None
    return restore_game(compiled, state, [record.to_action() for record in save.actions])


def _first_difference(theirs: Any, ours: Any, where: str) -> tuple[str, str, str]:
    if isinstance(theirs, dict) and isinstance(ours, dict):
        for key in sorted(set(theirs) | set(ours), key=str):
            if key not in theirs or key not in ours:
                return f"{where}.{key}", _short(theirs.get(key, "nothing")), _short(ours.get(key, "nothing"))
            if canonical_json(theirs[key]) != canonical_json(ours[key]):
                return _first_difference(theirs[key], ours[key], f"{where}.{key}")
    if isinstance(theirs, list) and isinstance(ours, list) and len(theirs) == len(ours):
        for index, (a, b) in enumerate(zip(theirs, ours, strict=True)):
            if canonical_json(a) != canonical_json(b):
                return _first_difference(a, b, f"{where}[{index}]")
    return where, _short(theirs), _short(ours)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."
