"""An installed `cislunar` works from any folder: the wheel carries the shipped scenarios and schema.

The wheel is built from a copy of the checkout, offline (no build isolation: the build backend
comes from the dev extra), and installed into a fresh virtual environment. The fresh environment
sees the dependencies already installed beside the test runner through a `.pth` line, so nothing
is downloaded; the project itself, and its data, come only from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from game import __version__
from game.paths import DEFAULT_SCENARIO_FILE, DEFAULT_SCENARIO_ID
from tests.terminal import Terminal

REPO = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "game", "scenarios", "schema")
BIN = "Scripts" if os.name == "nt" else "bin"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    workdir: Path
    env: dict[str, str]

    def cislunar(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the installed command from a folder that is not the checkout."""
        command = [str(self.venv / BIN / "cislunar"), *args]
        return subprocess.run(
            command, cwd=self.workdir, env=self.env, capture_output=True, text=True, timeout=60
        )

    def scenarios(self) -> Path:
        """The shipped scenarios as installed: game/data/scenarios in the venv's site-packages."""
        (folder,) = self.venv.glob("lib/*/site-packages/game/data/scenarios")
        return folder


def run(*command: str | Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("install")
    source = root / "clone"
    source.mkdir()
    for name in BUILD_INPUTS:
        origin = REPO / name
        if origin.is_dir():
            # not the engine compiled here (`make compiled`): a build's output, not its input
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.so", "*.pyd")
            shutil.copytree(origin, source / name, ignore=ignore)
        else:
            shutil.copy2(origin, source / name)
    dist = root / "dist"
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        dist,
        source,
        # pure Python: compiling the engine takes minutes, and tests/test_native.py holds it to the sources
        env={**os.environ, "CISLUNAR_COMPILE": "0"},
    )
    (wheel,) = dist.glob("cislunar-*.whl")

    venv = root / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / BIN / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel)
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site_packages = Path(run(python, "-c", purelib).strip())
    (site_packages / "test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    workdir = root / "elsewhere"
    workdir.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["XDG_DATA_HOME"] = str(root / "data")
    env["XDG_CONFIG_HOME"] = str(root / "config")
    return Installed(wheel, venv, workdir, env)


def test_wheel_carries_every_shipped_scenario_and_the_schema(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    shipped = sorted(path.name for path in (REPO / "scenarios").glob("*.yaml"))
    assert DEFAULT_SCENARIO_FILE in shipped
    for name in shipped:
        assert f"game/data/scenarios/{name}" in names
    assert "game/data/schema/scenario.schema.json" in names


def test_wheel_carries_every_file_of_the_game_package(installed: Installed) -> None:
    """Stylesheets and templates beside the code ship too, or the installed game breaks."""
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    package = REPO / "game"
    files = [
        path
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".so", ".pyd")
    ]  # the engine compiled by `make compiled` is this checkout's build, not a file of the package
    shipped = [path.relative_to(REPO).as_posix() for path in files]
    assert [name for name in shipped if name not in names] == []


def test_new_writes_a_starter_that_the_installed_command_validates(installed: Installed) -> None:
    created = installed.cislunar("new", "my-moon", "--dir", "mine")
    assert created.returncode == 0, created.stderr
    written = installed.workdir / "mine" / "my-moon.yaml"
    assert (installed.workdir / created.stdout.strip()) == written and written.is_file()
    checked = installed.cislunar("validate", str(written))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_version_is_the_project_version(installed: Installed) -> None:
    """The wheel's metadata (pyproject reads game.__version__) and `--version` say the same."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "game.__version__"}
    assert installed.wheel.name.startswith(f"cislunar-{__version__}-")
    result = installed.cislunar("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cislunar {__version__}"


def test_validate_without_a_path_checks_the_installed_default_scenario(installed: Installed) -> None:
    result = installed.cislunar("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    checked = Path(result.stderr.split(": ok (")[0])
    assert checked.name == DEFAULT_SCENARIO_FILE
    assert checked.is_relative_to(installed.venv), f"{checked} is not the installed copy"


def test_every_installed_scenario_validates_and_finds_its_schema(installed: Installed) -> None:
    """Variants that extend the default scenario, and editors that follow the $schema comment,
    find what they point at inside the installed package."""
    scenarios = sorted(installed.scenarios().glob("*.yaml"))
    assert len(scenarios) == len(list((REPO / "scenarios").glob("*.yaml")))
    result = installed.cislunar("validate", *map(str, scenarios))
    assert result.returncode == 0, result.stdout + result.stderr
    for scenario in scenarios:
        first = scenario.read_text(encoding="utf-8").splitlines()[0]
        if "$schema=" in first:
            assert (scenario.parent / first.split("$schema=")[1].strip()).is_file(), scenario


def test_the_installed_game_runs_the_shipped_scenario_tests(installed: Installed) -> None:
    result = installed.cislunar("test")
    assert result.returncode == 0, result.stdout + result.stderr
    names = sorted(path.name for path in (REPO / "scenarios" / "tests").glob("*.test.yaml"))
    reported = sorted(Path(line.split(": ")[0]).name for line in result.stderr.splitlines())
    assert names and reported == names, result.stderr
    assert all(
        Path(line.split(": ")[0]).is_relative_to(installed.venv) for line in result.stderr.splitlines()
    )


def test_cislunar_alone_opens_the_game_on_the_installed_scenarios(installed: Installed) -> None:
    """Typed with no arguments in a terminal, the command offers the scenarios it carries."""
    terminal = Terminal([str(installed.venv / BIN / "cislunar")], installed.workdir, installed.env, (240, 30))
    try:
        terminal.wait_for("New campaign")
        terminal.press(b"n")
        terminal.wait_for("pick a scenario")
        terminal.wait_for("file")
        # The details pane wraps a long path over several lines: read what stands right of the list's
        # border (▎) as one text, without the pane's scrollbar (▏), which only some rows draw.
        pane = "".join(
            "".join(line.rsplit("\u258e", 1)[-1].replace("\u258f", " ").split())
            for line in terminal.text.splitlines()
        )
        assert f"file{installed.scenarios() / DEFAULT_SCENARIO_FILE}" in pane, terminal.text
    finally:
        terminal.press(b"\x11")  # Ctrl+Q
        code = terminal.close()
    assert code == 0


def test_simulate_plays_the_default_scenario_from_any_folder(installed: Installed) -> None:
    result = installed.cislunar("simulate", "--runs", "2", "--strategy", "gateway")
    assert result.returncode == 0, result.stderr
    table, activity = result.stdout.rstrip("\n").split("\n\n")
    header, columns, *rows = table.splitlines()
    assert header.startswith(f"scenario {DEFAULT_SCENARIO_ID}, agency ")
    assert columns.split()[:3] == ["strategy", "runs", "wins"]
    assert [row.split()[:2] for row in rows] == [["gateway", "2"]]
    assert activity.startswith("gateway: ") and "actions per turn" in activity


def test_installed_schema_is_the_one_the_command_prints(installed: Installed) -> None:
    printed = installed.cislunar("schema")
    assert printed.returncode == 0, printed.stderr
    shipped = zipfile.ZipFile(installed.wheel).read("game/data/schema/scenario.schema.json").decode("utf-8")
    assert printed.stdout == shipped
