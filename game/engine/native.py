"""Which code runs: the modules compiled by mypyc (``make compiled``), or their Python sources.

A build (``CISLUNAR_COMPILE``, see setup.py and docs/benchmarks.md) compiles the engine's
turn-loop modules and the scripted bots into extension modules beside their sources; Python
imports an extension module before a source of the same name, so an edited source would be
silently shadowed by its stale build. Before any other module of those packages is imported
(``game/engine/__init__`` calls :func:`choose`, and ``game/bots/__init__`` imports the engine
first), everything compiled therefore runs from its sources when any compiled module is older
than its source, or when ``CISLUNAR_PURE=1`` asks for the slow path (the test that the results
stay identical to it does). All or nothing: a compiled module calls the other compiled modules
directly, so one source run beside the rest compiled would not take effect either.

This module and the packages' ``__init__`` files are never compiled (setup.py's ``NOT_COMPILED``).
"""

from __future__ import annotations

import os
import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, SOURCE_SUFFIXES, FileFinder, ModuleSpec, SourceFileLoader
from pathlib import Path

PACKAGE = "game.engine"
ROOT = Path(__file__).resolve().parent
#: Every package with compiled modules (setup.py's COMPILED_PACKAGES), and its folder.
PACKAGES = {PACKAGE: ROOT, "game.bots": ROOT.parent / "bots"}

#: The compiled modules' shared library (setup.py's GROUP); the modules import it.
SHARED_LIBRARY = "_compiled__mypyc"

#: Set to 1 to run the engine from its sources even where it is compiled.
PURE_VARIABLE = "CISLUNAR_PURE"

#: What runs, for the benchmarks and reports: 'compiled', or 'pure (...)' with the reason.
PATH = "pure (not compiled)"


class SourcesOnly(MetaPathFinder):
    """Finds the compiled packages' modules among their Python sources only, never their builds."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if not path or not any(fullname.startswith(package + ".") for package in PACKAGES):
            return None
        for entry in path:  # type: ignore[attr-defined]
            spec = FileFinder(str(entry), (SourceFileLoader, SOURCE_SUFFIXES)).find_spec(fullname)
            if spec is not None:
                return spec
        return None


def compiled_modules() -> list[tuple[Path, Path]]:
    """(build, source) of every compiled module found beside its source, in every compiled package."""
    found = []
    for root in PACKAGES.values():
        for build in sorted(root.rglob("*.so" if os.name != "nt" else "*.pyd")):
            for suffix in EXTENSION_SUFFIXES:
                if build.name.endswith(suffix):
                    source = build.with_name(build.name[: -len(suffix)] + ".py")
                    if source.is_file():
                        found.append((build, source))
                    break
    return found


def stale(pairs: list[tuple[Path, Path]]) -> list[Path]:
    """The sources changed since their build (a checkout or an edit touches the file)."""
    return [source for build, source in pairs if source.stat().st_mtime > build.stat().st_mtime]


def choose() -> str:
    """Decide, once and before the compiled packages' modules load, whether they run compiled; say which."""
    global PATH
    pairs = compiled_modules()
    if not pairs:
        PATH = "pure (not compiled)"
        return PATH
    changed = stale(pairs)
    if os.environ.get(PURE_VARIABLE) == "1":
        PATH = f"pure ({PURE_VARIABLE}=1)"
    elif not any(ROOT.glob(SHARED_LIBRARY + ".*")):
        PATH = f"pure (an incomplete build: no {SHARED_LIBRARY}; make compiled)"
    elif changed:
        PATH = f"pure (compiled build older than {changed[0].relative_to(ROOT.parent.parent)}: make compiled)"
    else:
        PATH = "compiled"
        return PATH
    if not any(isinstance(finder, SourcesOnly) for finder in sys.meta_path):
        sys.meta_path.insert(0, SourcesOnly())
    return PATH
