"""Build configuration that pyproject.toml cannot express: the shipped content inside the wheel.

The scenarios and the published schema stay at the top of the repository, where authors and
editors find them; the wheel carries them as ``game/data/scenarios`` and ``game/data/schema``
so an installed ``cislunar`` works from any folder (see ``game/paths.py``); the scenarios'
tests (``scenarios/tests/*.test.yaml``) go with them, so ``cislunar test`` checks an install.
Editable installs map the same package names back to these folders.

The engine's turn-loop modules can also be compiled by mypyc (``CISLUNAR_COMPILE=1``, which
``make compiled`` sets; docs/benchmarks.md says what it gains): about 1.6 times the campaigns per
second, with the same results (tests/test_native.py). It is optional and off by default: without
the variable, or without mypyc or a C compiler, the game installs as pure Python, as before.
``game/engine/native.py`` keeps a compiled module older than its source from being used.
"""

import os
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_ext import build_ext

DATA_PACKAGES = {"game.data.scenarios": "scenarios", "game.data.schema": "schema"}

#: Set to 1 to compile the engine with mypyc (needs mypy installed beside setuptools, a C compiler
#: and Python's headers); any other value, or anything missing, installs pure Python.
COMPILE_VARIABLE = "CISLUNAR_COMPILE"
#: Engine modules left as Python, besides the packages' ``__init__`` files (compiled, they get a
#: wrong ``__path__`` from mypyc when its shared library lies inside the package; game.engine's
#: chooses the path): the one that chooses it, those that make objects by ``cls.__new__``
#: (mypyc's classes cannot), and the views only the faces read, whose types mypyc would refuse.
NOT_COMPILED = {
    "game/engine/native.py",
    "game/engine/game.py",
    "game/engine/snapshot.py",
    "game/engine/explain.py",
    "game/engine/queries.py",
}
#: The shared library of the compiled modules: game/engine/_compiled__mypyc.*.so
GROUP = "game.engine._compiled"


def say(text: str) -> None:
    print(f"cislunar setup: {text}", file=sys.stderr)


def compiled_engine() -> list:
    """mypyc's extensions for the engine's modules, or none (pure Python) when not asked or not possible."""
    if os.environ.get(COMPILE_VARIABLE) != "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        say(
            f"{COMPILE_VARIABLE}=1 but mypyc is missing (pip install mypy; pip's build isolation hides it:"
            " --no-build-isolation): the engine stays pure Python"
        )
        return []
    here = Path(__file__).resolve().parent
    sources = sorted(
        path.relative_to(here).as_posix()
        for path in (here / "game" / "engine").rglob("*.py")
        if path.name != "__init__.py" and path.relative_to(here).as_posix() not in NOT_COMPILED
    )
    try:
        return mypycify(["--config-file", str(here / "pyproject.toml"), *sources], group_name=GROUP)
    except (Exception, SystemExit) as error:  # mypyc's type check fails with SystemExit
        say(f"mypyc could not compile the engine ({error}): it stays pure Python")
        return []


class OptionalBuildExt(build_ext):
    """Compiles the engine when it can; a missing compiler or header leaves pure Python, not a
    failed install (and no part of a build: the compiled modules only work all together)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            say(f"the C build failed ({error}): the engine stays pure Python")
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
    ext_modules=compiled_engine(),
    cmdclass={"build_ext": OptionalBuildExt},
)
