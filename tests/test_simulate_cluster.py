"""simulate and --balance on a Dask cluster: the same bytes as the local processes, and clear refusals."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from distributed import LocalCluster

import game.sim.cluster as cluster
from game.cli.main import main
from tests.conftest import MINI

#: Workers as threads of this process, reached over TCP like a real cluster; any free ports.
IN_PROCESS: dict[str, Any] = {
    "processes": False,
    "protocol": "tcp://",
    "host": "127.0.0.1",
    "scheduler_port": 0,
    "dashboard_address": ":0",
}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A small cluster in this process (one worker, two threads), reached over TCP like a real one."""
    with LocalCluster(n_workers=1, threads_per_worker=2, **IN_PROCESS) as local:
        yield local.scheduler_address


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_simulate_json_on_a_cluster_is_byte_identical_to_local_processes(
    scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["simulate", "--scenario", str(MINI), "--runs", "20", "--strategy", "gateway"]
    argv += ["--strategy", "random", "--json"]
    code, local, _ = run(capsys, *argv, "--jobs", "2")
    assert code == 0
    code, remote, err = run(capsys, *argv, "--cluster", scheduler)
    assert code == 0, err
    assert remote == local


def test_balance_report_on_a_cluster_is_byte_identical_to_local_processes(
    scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["simulate", "--scenario", str(MINI), "--balance", "--runs", "9", "--json"]
    argv += ["--strategy", "gateway", "--strategy", "alone", "--strategy", "random"]
    _, local, _ = run(capsys, *argv, "--jobs", "1")
    code, remote, err = run(capsys, *argv, "--cluster", scheduler)
    assert code == 0, err
    assert remote == local and '"runs": 9' in remote


def test_an_unreachable_scheduler_is_a_clear_error_after_the_timeout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    started = time.monotonic()
    code, out, err = run(
        capsys, "simulate", "--scenario", str(MINI), "--runs", "2", "--cluster", "tcp://127.0.0.1:1"
    )
    assert time.monotonic() - started < 8  # the timeout, not a hang
    assert code == 1 and out == ""
    assert "cislunar: cannot reach the Dask scheduler at tcp://127.0.0.1:1 within 1 s" in err
    assert "Traceback" not in err


def test_a_malformed_address_is_refused_with_what_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "simulate", "--scenario", str(MINI), "--balance", "--runs", "2", "--cluster", "foo://x"
    )
    assert code == 1
    assert "cislunar: 'foo://x' is not a Dask scheduler's address (unknown address scheme 'foo'" in err
    assert "Traceback" not in err


def test_without_the_cluster_extra_the_error_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    code, _, err = run(capsys, "simulate", "--scenario", str(MINI), "--runs", "2", "--cluster", "tcp://x:1")
    assert code == 1
    assert "cislunar: --cluster needs Dask's distributed package: pip install 'cislunar[cluster]'" in err


def test_a_scheduler_without_workers_is_an_error_not_a_hang(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    with LocalCluster(n_workers=0, **IN_PROCESS) as empty:
        code, _, err = run(
            capsys, "simulate", "--scenario", str(MINI), "--runs", "2", "--cluster", empty.scheduler_address
        )
    assert code == 1
    assert f"cislunar: the Dask scheduler at {empty.scheduler_address} has no worker (waited 1 s)" in err


def test_a_campaign_that_fails_on_a_worker_is_reported_in_one_line(
    scheduler: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_task: object) -> None:
        raise RuntimeError("the worker's copy of the game is older")

    monkeypatch.setattr(cluster, "run_campaign", broken)  # the worker runs in this process
    code, _, err = run(capsys, "simulate", "--scenario", str(MINI), "--runs", "2", "--cluster", scheduler)
    assert code == 1
    assert f"cislunar: a worker of {scheduler} failed: the worker's copy of the game is older" in err
    assert "Traceback" not in err
