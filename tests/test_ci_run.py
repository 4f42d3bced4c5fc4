"""The README's one test command is CI's script, and it installs what the tests need on a fresh machine."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CI_RUN = REPO / ".ci" / "run"


def test_the_readme_test_command_is_the_ci_script() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Run the whole test suite") :]
    command = re.search(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert command is not None and command.group(1) == ".ci/run"
    assert os.access(CI_RUN, os.X_OK)
    assert "\ntest:\n\t.ci/run\n" in (REPO / "Makefile").read_text()  # `make test` too


def _fresh_machine(tmp_path: Path, uid: int, tools: tuple[str, ...] = ()) -> tuple[dict[str, str], Path]:
    """A PATH with a logging apt-get and sudo, `id -u` giving ``uid``, and ``tools`` besides."""
    bin_dir, log = tmp_path / "bin", tmp_path / "log"
    bin_dir.mkdir()
    stubs = {
        "id": f"echo {uid}",
        "sudo": f'echo "sudo $*" >> {log}; exec "$@"',
        "apt-get": f'echo "apt-get $*" >> {log}',
        **{tool: "exit 0" for tool in tools},
    }
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    for real in ("env", "dirname"):
        found = shutil.which(real)
        assert found is not None
        (bin_dir / real).symlink_to(found)
    return {"PATH": str(bin_dir)}, log


@pytest.mark.parametrize(("uid", "through_sudo"), [(1000, True), (0, False)], ids=["user", "root"])
def test_chromium_is_installed_from_the_system_packages_when_missing(
    tmp_path: Path, uid: int, through_sudo: bool
) -> None:
    env, log = _fresh_machine(tmp_path, uid)
    done = subprocess.run(
        ["/bin/bash", str(CI_RUN), "--system-only"], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines()
    install = "env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
    assert calls[-1] == "apt-get install -y -qq chromium"
    assert (f"sudo {install}" in calls) is through_sudo
    assert "installing chromium from the system's packages" in done.stderr


def test_nothing_is_installed_when_chromium_is_there(tmp_path: Path) -> None:
    env, log = _fresh_machine(tmp_path, 1000, tools=("chromium",))
    done = subprocess.run(
        ["/bin/bash", str(CI_RUN), "--system-only"], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0 and not log.exists()
