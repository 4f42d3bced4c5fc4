"""benchmarks/campaigns.py: --against measures an older checkout and refuses a bad one in a line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_against_a_folder_that_is_not_a_checkout_is_refused_in_one_line(tmp_path: Path) -> None:
    script = ROOT / "benchmarks" / "campaigns.py"
    run = subprocess.run(
        [sys.executable, str(script), "--campaigns", "1", "--against", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 2
    assert "not a checkout of the game" in run.stderr
    assert "Traceback" not in run.stderr


def _against(checkout: Path) -> subprocess.CompletedProcess[str]:
    script = ROOT / "benchmarks" / "campaigns.py"
    return subprocess.run(
        [sys.executable, str(script), "--campaigns", "2", "--blocks", "1", "--against", str(checkout)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_against_a_checkout_from_before_the_compiled_engine_is_measured(tmp_path: Path) -> None:
    """A checkout older than game/engine/native.py (the commits before the compiled engine) is what
    --against is for: its campaigns are played and its engine reported as its sources."""
    shutil.copytree(ROOT / "game", tmp_path / "game", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    (tmp_path / "game" / "engine" / "native.py").unlink()
    (tmp_path / "game" / "engine" / "__init__.py").write_text('"""The engine, before native.py."""\n')
    for data in ("scenarios", "schema"):
        (tmp_path / data).symlink_to(ROOT / data)
    run = _against(tmp_path)
    assert run.returncode == 0, run.stderr
    assert "engine: pure (a checkout from before the compiled engine)" in run.stdout


def test_against_a_checkout_whose_campaigns_fail_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "game").mkdir()
    (tmp_path / "game" / "__init__.py").write_text('raise ImportError("broken on purpose")\n')
    run = _against(tmp_path)
    assert run.returncode == 1
    assert "its campaigns could not be played (ImportError: broken on purpose)" in run.stderr
    assert "Traceback" not in run.stderr
