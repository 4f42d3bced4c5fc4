"""Pieces every subcommand shares: loading a scenario and printing its diagnostics."""

from __future__ import annotations

import sys
from pathlib import Path

from game.engine.compiled import CompiledScenario, compile_scenario
from game.format.loader import load_scenario
from game.paths import default_scenario


def resolve_scenario(path: str | None) -> Path:
    return Path(path) if path else default_scenario()


def load_compiled(path: str | None) -> CompiledScenario | None:
    """Load and compile a scenario; print every error and return None when it has any."""
    result = load_scenario(resolve_scenario(path))
    if result.scenario is None or result.errors:
        for diagnostic in result.errors:
            print(diagnostic, file=sys.stderr)
        return None
    return compile_scenario(result.scenario)


def fail(message: str, code: int = 2) -> int:
    print(f"cislunar: {message}", file=sys.stderr)
    return code
