"""benchmarks/campaigns.py refuses a bad ``--against`` with a line, not a traceback."""

from __future__ import annotations

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
