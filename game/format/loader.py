"""Load a scenario file into a validated model, or into every located problem it has."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.format.checks import check_scenario
from game.format.diagnostics import Diagnostic, ScenarioError
from game.format.extends import resolve_extends
from game.format.lint import lint_scenario
from game.format.metadata import game_version_refusal
from game.format.models import Scenario
from game.format.refusals import located_errors
from game.format.yaml_source import SourceMap, read_document, read_source
from game.paths import shipped_scenarios_dir, user_scenarios_dir


@dataclass
class LoadResult:
    """A scenario (None when it has errors) with every diagnostic, errors first."""

    path: str
    scenario: Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: SourceMap | None = None
    bases: list[str] = field(default_factory=list)  # the files it extends, nearest first

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def unwrap(self) -> Scenario:
        """The scenario, or ScenarioError with every diagnostic."""
        if self.scenario is None or self.errors:
            raise ScenarioError(self.errors)
        return self.scenario


def default_search_dirs() -> list[Path]:
    """Where ``extends: ID`` looks after the file's own folder: shipped scenarios, then the user's."""
    return [shipped_scenarios_dir(), user_scenarios_dir()]


def load_scenario(path: str | Path, search_dirs: Sequence[Path] | None = None) -> LoadResult:
    """Read and validate the scenario file at ``path``; never raises on bad content."""
    shown = str(path)
    try:
        raw = read_source(path)
    except OSError as error:
        return LoadResult(
            shown,
            None,
            [
                Diagnostic(
                    path=shown,
                    line=1,
                    column=1,
                    code="io",
                    message=f"cannot read file: {error.strerror or error}",
                )
            ],
        )
    return load_scenario_bytes(shown, raw, search_dirs)


def load_scenario_bytes(path: str, raw: bytes, search_dirs: Sequence[Path] | None = None) -> LoadResult:
    """Validate scenario bytes as if read from ``path`` (used by tests and fuzzers too).

    A file that ``extends:`` another is merged onto it first (see ``extends.py``); an id is
    looked up in the file's folder, then in ``search_dirs`` (by default the shipped and the
    user's scenario folders).
    """
    with _collector_paused():
        document, problems = read_document(path, raw)
        if document is None:
            return LoadResult(path, None, problems)
        refused = game_version_refusal(document.data, document.source)
        if refused is not None:  # before its bases: a newer game's file may extend in newer ways
            return LoadResult(path, None, [refused], document.source)
        dirs = default_search_dirs() if search_dirs is None else list(search_dirs)
        resolved = resolve_extends(path, document, dirs)
        if resolved.document is None:
            return LoadResult(path, None, _sorted(resolved.diagnostics), document.source, resolved.bases)
        result = validate_data(path, resolved.document.data, resolved.document.source)
        result.bases = resolved.bases
        return result


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the length of one load.

    A load builds a few hundred thousand small objects (YAML nodes, the source map, the
    models) that all stay alive until it ends, so the collector would walk them again and
    again and free nothing: a third of the time of a 10,000-event file, and a share that
    grows with the file. Reference counting still frees what dies; the collector is back on
    (if it was on) as soon as the load is over.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_data(path: str, data: Any, source: SourceMap) -> LoadResult:
    """Validate already-read data with its source map: shape, then references and logic."""
    if not isinstance(data, dict):
        return LoadResult(
            path,
            None,
            [
                Diagnostic.at(
                    source.value(()),
                    "shape",
                    "a scenario file is a mapping of keys such as 'id', 'calendar' and 'agencies'",
                )
            ],
            source,
        )
    refused = game_version_refusal(data, source)  # the one message, not a list of unknown keys
    if refused is not None:
        return LoadResult(path, None, [refused], source)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        return LoadResult(path, None, located_errors(error, source, Scenario, data), source)
    diagnostics = check_scenario(scenario, source)
    if not any(d.severity == "error" for d in diagnostics):
        diagnostics += lint_scenario(scenario, source)
    return LoadResult(path, scenario, _sorted(diagnostics), source)


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Errors first, then warnings, each in file and line order."""
    return sorted(diagnostics, key=lambda d: (d.severity != "error", d.path, d.line, d.column))
