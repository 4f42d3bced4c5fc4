"""Which scenario file a save was played on: its content hash, and finding it again on load.

The content hash is the sha256 of the scenario as loaded (the canonical JSON of the
validated model, so the parents of an ``extends:`` are part of it): editing a comment
does not change it, changing a number does. The file's own bytes are hashed too, for
information.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.campaign import Campaign, CampaignError
from game.engine.fingerprint import data_hash
from game.files import read_regular
from game.format.extends import SUFFIXES
from game.format.models import Scenario
from game.format.yaml_source import MAX_FILE_BYTES
from game.paths import shipped_scenarios_dir, user_scenarios_dir
from game.saves.errors import SaveError, ScenarioChangedError
from game.saves.model import ScenarioRef

_DIGESTS: dict[int, tuple[Scenario, str]] = {}  # id -> (the scenario, its hash); a few at most


def content_hash(scenario: Scenario) -> str:
    """sha256 of the scenario's resolved content: what a replay depends on.

    Worked out once per loaded scenario (about 6 ms for the default one): the autosave of
    every turn names the same scenario, which nothing changes once it is loaded.
    """
    known = _DIGESTS.get(id(scenario))
    if known is not None and known[0] is scenario:
        return known[1]
    if len(_DIGESTS) >= 8:
        _DIGESTS.clear()
    digest = data_hash(scenario.model_dump(mode="json", by_alias=True))
    _DIGESTS[id(scenario)] = (scenario, digest)
    return digest


def file_hash(path: Path) -> str | None:
    """sha256 of a regular file's bytes, or None when it cannot be read."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except OSError:
        return None
    return hashlib.sha256(raw).hexdigest() if len(raw) <= MAX_FILE_BYTES else None


def scenario_ref(scenario: Scenario, path: str | Path) -> ScenarioRef:
    """The record of a scenario for a save being written now."""
    where = Path(path).resolve()
    return ScenarioRef(
        id=scenario.id,
        title=scenario.title,
        path=str(where),
        file_sha256=file_hash(where),
        content_sha256=content_hash(scenario),
    )


@dataclass(frozen=True)
class _Loaded:
    """A scenario file's campaign and content hash, with the hashes of the bytes it came from."""

    signature: tuple[tuple[str, str | None], ...]  # (path, sha256) of the file and of its bases
    campaign: Campaign
    digest: str


_LOADED: dict[Path, _Loaded] = {}
_LOADED_MAX = 8


def _signature(paths: list[Path]) -> tuple[tuple[str, str | None], ...]:
    return tuple((str(path), file_hash(path)) for path in paths)


def _load(place: Path) -> _Loaded | str:
    """The scenario at ``place``, or the reason it cannot be loaded.

    Kept while the bytes of the file and of its bases stay the same, so loading several
    saves of one scenario parses and validates it once.
    """
    key = place.resolve()
    cached = _LOADED.get(key)
    if cached is not None and _signature([Path(p) for p, _ in cached.signature]) == cached.signature:
        return cached
    before = file_hash(key)
    try:
        campaign = Campaign.load(place)
    except CampaignError as error:
        return str(error)
    signature = _signature([key, *(Path(base).resolve() for base in campaign.bases)])
    loaded = _Loaded(signature, campaign, content_hash(campaign.scenario))
    if before is not None and signature[0][1] == before:  # unchanged while it was read
        if len(_LOADED) >= _LOADED_MAX:
            _LOADED.pop(next(iter(_LOADED)))
        _LOADED[key] = loaded
    return loaded


@dataclass
class FoundScenario:
    """The scenario a save will be replayed on, and what is worth telling the player about it."""

    path: Path
    campaign: Campaign
    changed: bool  # its content differs from the save's (only with ignore_changes)
    warnings: list[str] = field(default_factory=list)


MAX_SCANNED = 64  # scenario files read per folder when looking for one by its content


def scenario_folders(save_path: str | Path, scenario_dirs: Sequence[Path] | None = None) -> list[Path]:
    """Where a save's scenario may live: beside the save, then the scenario folders
    (``scenario_dirs``; the shipped and the user's by default). Never where the save says."""
    dirs = (
        list(scenario_dirs) if scenario_dirs is not None else [shipped_scenarios_dir(), user_scenarios_dir()]
    )
    unique: list[Path] = []
    for folder in [Path(save_path).parent, *dirs]:
        if folder not in unique:
            unique.append(folder)
    return unique


def candidates(ref: ScenarioRef, folders: Sequence[Path]) -> list[Path]:
    """The files of ``folders`` with the file name the save records (only its name is used)."""
    name = Path(ref.path).name
    if not name.endswith(SUFFIXES) or name.startswith("."):
        return []
    return [folder / name for folder in folders]


def others(folders: Sequence[Path], tried: Sequence[Path]) -> list[Path]:
    """The other scenario files of ``folders``, to find a renamed scenario by its content."""
    found: list[Path] = []
    for folder in folders:
        try:
            names = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p not in tried)
        except OSError:
            continue
        found.extend(p for p in names[:MAX_SCANNED] if p.is_file())
    return found


def find_scenario(
    ref: ScenarioRef,
    save_path: str | Path,
    override: str | Path | None = None,
    ignore_changes: bool = False,
    scenario_dirs: Sequence[Path] | None = None,
) -> FoundScenario:
    """Load the save's scenario (``override`` if given) and check that its content is unchanged.

    Without ``override`` the scenario is looked for only where scenarios live (see
    :func:`scenario_folders`): by the file name the save records, then by content among
    the other scenario files there. The path the save records is never opened: a save is
    someone else's file, and could point anywhere.

    Raises ScenarioChangedError when the file found is not the one the campaign was played
    on (unless ``ignore_changes``), and SaveError when no file can be found or loaded.
    """
    shown = str(save_path)
    folders = scenario_folders(save_path, scenario_dirs)
    places = [Path(override)] if override is not None else candidates(ref, folders)
    problems: list[str] = []
    mismatch: tuple[Path, _Loaded] | None = None
    for place in places:
        if not place.is_file():
            if override is not None:
                problems.append(f"{place} is not a readable file")
            continue
        loaded = _load(place)
        if isinstance(loaded, str):
            problems.append(loaded)
            continue
        if loaded.digest == ref.content_sha256:
            return _found(ref, place, loaded, shown)
        if mismatch is None:
            mismatch = (place, loaded)
    if override is None:
        for place in others(folders, places):
            loaded = _load(place)
            if not isinstance(loaded, str) and loaded.digest == ref.content_sha256:
                return _found(ref, place, loaded, shown)
    if mismatch is not None:
        place, loaded = mismatch
        scenario, digest = loaded.campaign.scenario, loaded.digest
        what = (
            f"is now scenario '{scenario.id}'"
            if scenario.id != ref.id
            else "has changed since the game was saved"
        )
        message = (
            f"the scenario {place} {what} (content sha256 {digest[:12]}, "
            f"the save expects {ref.content_sha256[:12]}): replaying would not give the same campaign"
        )
        if not ignore_changes:
            raise ScenarioChangedError(message, shown)
        return FoundScenario(place, loaded.campaign, changed=True, warnings=[message])
    looked = ", ".join(str(folder) for folder in folders) if override is None else str(override)
    detail = "; ".join(problems) if problems else f"looked in {looked}"
    raise SaveError(
        f"cannot find the scenario '{ref.id}' ({Path(ref.path).name}) of this save: {detail}; "
        "give its file with --scenario",
        shown,
    )


def _found(ref: ScenarioRef, place: Path, loaded: _Loaded, shown: str) -> FoundScenario:
    """The scenario whose content the save names, unless the save misnames it."""
    scenario = loaded.campaign.scenario
    if (ref.id, ref.title) != (scenario.id, scenario.title):
        raise SaveError(
            f"the save names its scenario '{ref.id}' ({ref.title}) but it is '{scenario.id}' "
            f"({scenario.title}): the save was edited, or is damaged",
            shown,
        )
    return FoundScenario(place, loaded.campaign, changed=False)
