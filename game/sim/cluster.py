"""Play many campaigns on a Dask cluster: the same results, in the same order, as one process.

For an author who outgrows one machine (a planner balance report of a big scenario). Each
campaign depends only on (scenario, agency, strategy, seed), so the tasks go to the cluster's
workers in chunks, as they go to the local process pool, and come back in task order. The
workers need this package installed (``pip install 'cislunar[cluster]'``), not the scenario
file: the scenario as written is sent once to every worker, which compiles it (at the level
played) once and keeps it for every chunk. ``distributed`` is imported only here and only
when a cluster is asked for; the engine and the bots never see it.
"""

from __future__ import annotations

import asyncio
import hashlib
import pickle
from collections.abc import Callable, Sequence
from threading import Lock

from game.campaign import Campaign
from game.engine.compiled import CompiledScenario
from game.format.models import Scenario
from game.sim.runner import CampaignResult, run_campaign
from game.sim.tasks import Task, chunked

#: Seconds to wait for the scheduler before giving up with a clear error.
CONNECT_TIMEOUT = 10.0
#: What to install when ``distributed`` is missing.
INSTALL = "pip install 'cislunar[cluster]'"


class ClusterError(RuntimeError):
    """The cluster cannot be used: the extra is not installed, or the scheduler does not answer."""


def play_on_cluster(
    compiled: CompiledScenario,
    tasks: Sequence[Task],
    address: str,
    source: str = "scenario",
    progress: Callable[[int], None] | None = None,
    timeout: float | None = None,
) -> list[CampaignResult]:
    """The result of every task, in task order, played by the workers of the scheduler at ``address``.

    ``source`` names the scenario's file (the workers do not read it).

    ClusterError, with what to do, when ``distributed`` is not installed or the scheduler does
    not answer within ``timeout`` seconds (default ``CONNECT_TIMEOUT``).
    """
    if timeout is None:
        timeout = CONNECT_TIMEOUT
    try:
        from distributed import Client, as_completed
    except ImportError as error:
        raise ClusterError(f"--cluster needs Dask's distributed package: {INSTALL}") from error
    reach(address, timeout)
    written = compiled.as_written
    key = f"{hashlib.sha256(pickle.dumps(written)).hexdigest()}:{compiled.difficulty}"
    chunks = chunked(tasks)
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot use the Dask scheduler at {address} ({_reason(error)})") from error
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as error:
            raise ClusterError(
                f"the Dask scheduler at {address} has no worker (waited {timeout:g} s)"
            ) from error
        [scenario] = client.scatter([written], broadcast=True, hash=False)
        futures = [
            client.submit(_play_chunk, key, scenario, source, compiled.difficulty, chunk, pure=False)
            for chunk in chunks
        ]
        index_of = {future.key: index for index, future in enumerate(futures)}
        done: dict[int, list[CampaignResult]] = {}
        with client.as_current():  # as_completed asks for the current client
            for future in as_completed(futures):
                index = index_of[future.key]
                try:
                    done[index] = future.result()
                except Exception as error:  # raised on a worker: its own kind, whatever it is
                    raise ClusterError(f"a worker of {address} failed: {_reason(error)}") from error
                if progress is not None:
                    progress(len(chunks[index]))
    finally:
        client.close()
    return [result for index in range(len(chunks)) for result in done[index]]


def reach(address: str, timeout: float) -> None:
    """ClusterError unless a scheduler answers at ``address`` within ``timeout`` seconds.

    Probed with a bare connection first, so that a bad or silent address fails fast and
    quietly (a half-made Client would complain again when it is collected).
    """
    from distributed.comm import connect

    async def probe() -> None:
        comm = await connect(address, timeout=timeout)
        await comm.close()

    try:
        asyncio.run(probe())
    except ValueError as error:
        raise ClusterError(f"'{address}' is not a Dask scheduler's address ({_reason(error)})") from error
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {timeout:g} s ({_reason(error)})"
        ) from error


def _reason(error: BaseException) -> str:
    """The first line of what went wrong, or its kind when it says nothing."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


_compiled: dict[str, CompiledScenario] = {}
_compiling = Lock()  # a worker may run chunks in several threads


def _play_chunk(
    key: str, scenario: Scenario, source: str, difficulty: str, chunk: list[Task]
) -> list[CampaignResult]:
    """On a worker: the chunk's campaigns, on the scenario compiled once per worker."""
    with _compiling:
        compiled = _compiled.get(key)
        if compiled is None:
            if len(_compiled) > 8:
                _compiled.clear()
            compiled = _compiled[key] = Campaign.of(scenario, source).at(difficulty)
    return [run_campaign(compiled, *task) for task in chunk]
