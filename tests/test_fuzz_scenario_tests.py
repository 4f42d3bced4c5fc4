"""Fuzzing scenario test files: a damaged test file gives located errors or runs, never a traceback."""

from __future__ import annotations

import shutil
import warnings
from collections import Counter
from pathlib import Path

from hypothesis import given

from game.sim.scenario_tests import run_test_file
from tests.fuzz_settings import fuzz_settings
from tests.mutations import mutated
from tests.plain_words import raw_parts
from tests.test_scenario_tests import MINI

#: Every key of a test file, on the mini scenario: a short campaign, so each example is quick.
FULL = b"""\
scenario: mini.yaml
tests:
  - name: every key at once
    agency: jaxa
    seed: 3
    strategy: gateway
    answers: {crisis: panic}
    actions:
      - {turn: 2021-Q1, action: invest, target: robotics}
      - {turn: 2021-Q2, action: apply, target: gateway, option: ''}
    expect:
      - {at: 2021-Q2, that: 'member("gateway") or relation("nasa") > 40'}
      - {by: 2022-Q1, that: 'capability("robotics") >= 1 and not flag("calm")'}
  - name: played out
    agency: esa
    strategy: random
    outcome: finished
"""


def test_a_damaged_test_file_gives_located_errors_or_runs(tmp_path: Path) -> None:
    shutil.copy(MINI, tmp_path / "mini.yaml")
    path = tmp_path / "fuzz.test.yaml"
    outcomes: Counter[bool] = Counter()  # ran its tests, or stopped at errors

    @fuzz_settings(60)
    @given(data=mutated(FULL, "yaml"))
    def fuzz(data: bytes) -> None:
        path.write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            report = run_test_file(path, search_dirs=[])
        for diagnostic in [*report.errors, *(f for test in report.tests for f in test.failures)]:
            assert diagnostic.line >= 1 and diagnostic.column >= 1 and diagnostic.message
            assert str(diagnostic).startswith(f"{path}:{diagnostic.line}:{diagnostic.column}: error: ")
            assert not raw_parts(diagnostic.message), (str(diagnostic), raw_parts(diagnostic.message))
        assert report.ok == (not report.errors and all(test.ok for test in report.tests))
        outcomes[bool(report.tests)] += 1

    fuzz()
    assert outcomes[True] and outcomes[False]  # the mutations reach both, or the fuzzer proves little
