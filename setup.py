"""Build configuration that pyproject.toml cannot express: the shipped content inside the wheel.

The scenarios and the published schema stay at the top of the repository, where authors and
editors find them; the wheel carries them as ``game/data/scenarios`` and ``game/data/schema``
so an installed ``cislunar`` works from any folder (see ``game/paths.py``); the scenarios'
tests (``scenarios/tests/*.test.yaml``) go with them, so ``cislunar test`` checks an install. Editable installs
map the same package names back to these folders.
"""

from setuptools import find_packages, setup

DATA_PACKAGES = {"game.data.scenarios": "scenarios", "game.data.schema": "schema"}

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
)
