"""Build configuration that pyproject.toml cannot express: the shipped content inside the wheel.

The scenarios and the published schema stay at the top of the repository, where authors and
editors find them; the wheel carries them as ``game/data/scenarios`` and ``game/data/schema``
so an installed ``cislunar`` works from any folder (see ``game/paths.py``); the scenarios'
tests (``scenarios/tests/*.test.yaml``) go with them, so ``cislunar test`` checks an install.
Editable installs map the same package names back to these folders.

The engine's turn-loop modules and the scripted bots are compiled by mypyc where it can
(docs/benchmarks.md says what it gains): about twice the campaigns per second, with the same
results (tests/test_native.py). pyproject.toml's build requirements bring mypy; a C compiler and
Python's headers must be there. Where anything is missing or fails (mypyc, its type check, the C
build), setup.py says so in one line and the game installs as pure Python, never a failed
install. ``CISLUNAR_COMPILE=0`` asks for pure Python. ``game/engine/native.py`` keeps a compiled
module older than its source from being used (an editable install's source edits run as Python
until the next build: ``make compiled``).
"""

import os
import sys
from pathlib import Path

from setuptools import Extension, find_packages, setup
from setuptools.command.build_ext import build_ext

DATA_PACKAGES = {"game.data.scenarios": "scenarios", "game.data.schema": "schema"}

#: Set to 0 to install pure Python; unset (or 1), the engine and the bots are compiled where they
#: can be (mypy installed beside setuptools, as pyproject.toml's build requirements install it, a
#: C compiler and Python's headers); anything missing installs pure Python.
COMPILE_VARIABLE = "CISLUNAR_COMPILE"
#: The packages compiled, each with the modules left as Python besides its ``__init__`` files
#: (compiled, they get a wrong ``__path__`` from mypyc when its shared library lies inside the
#: package; game.engine's chooses the path). In the engine: the one that chooses it, those that
#: make objects by ``cls.__new__`` (mypyc's classes cannot), and the views only the faces read,
#: whose types mypyc would refuse. In the bots: all but the scripted roads, the luck baseline,
#: their answers to offers and the playouts' start (the greedy bot and the planners, which the
#: pairs and balance work tunes, and the strategies' registry, which loads entry points).
COMPILED_PACKAGES = {
    "game/engine": {"native.py", "game.py", "snapshot.py", "explain.py", "queries.py", "effect_words.py"},
    "game/bots": {"greedy.py", "outlook.py", "planner.py", "strategies.py"},
}
#: The shared library of the compiled modules: game/engine/_compiled__mypyc.*.so
#: (game/engine/native.py's SHARED_LIBRARY).
GROUP = "game.engine._compiled"


def say(why: str) -> None:
    """One line on the build's output (pip shows it with -v): why the engine stays pure Python."""
    line = " ".join(why.split())
    print(f"cislunar setup: the engine stays pure Python: {line[:240]}", file=sys.stderr)


def compiled_engine() -> list:
    """mypyc's extensions for the engine's modules, or none (pure Python) when not asked or not possible."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        say("mypyc is missing (pip install mypy)")
        return []
    here = Path(__file__).resolve().parent
    sources = sorted(
        path.relative_to(here).as_posix()
        for package, kept in COMPILED_PACKAGES.items()
        for path in (here / package).rglob("*.py")
        if path.name != "__init__.py" and path.relative_to(here / package).as_posix() not in kept
    )
    try:
        return mypycify(["--config-file", str(here / "pyproject.toml"), *sources], group_name=GROUP)
    except (Exception, SystemExit) as error:  # mypyc's type check fails with SystemExit
        say(f"mypyc could not compile the engine ({error})")
        return []


#: Stands for the compiled modules until build_ext asks mypyc for them: mypyc type-checks and
#: writes the C at once, which only a build needs (not pip's questions for the metadata).
PLACEHOLDER = Extension(GROUP + "__mypyc", sources=[])


class OptionalBuildExt(build_ext):
    """Compiles the engine when it can; a missing compiler or header leaves pure Python, not a
    failed install (and no part of a build: the compiled modules only work all together)."""

    def finalize_options(self) -> None:
        if self.distribution.ext_modules == [PLACEHOLDER]:
            self.distribution.ext_modules = compiled_engine()
        super().finalize_options()

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            say(f"the C build failed ({error})")
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)


setup(
    packages=[*find_packages(include=["game", "game.*"]), *DATA_PACKAGES],
    package_dir=DATA_PACKAGES,
    package_data={
        "": ["*.tcss", "templates/*.yaml"],  # Textual stylesheets, the authoring kit's starter
        # The interface's translations, read as they are (game/i18n/catalogues.py says why).
        "game": ["locale/*.pot", "locale/*/LC_MESSAGES/*.po"],
        # The scenarios, and the tests of their history that `cislunar test` runs by default.
        "game.data.scenarios": ["*.yaml", "*.po", "tests/*.test.yaml"],
        "game.data.schema": ["scenario.schema.json", "scenario-test.schema.json"],
    },
    ext_modules=[PLACEHOLDER] if os.environ.get(COMPILE_VARIABLE, "1") != "0" else [],
    cmdclass={"build_ext": OptionalBuildExt},
)
