"""The NLP on a real Dask cluster gives the records of one process (issue 17)."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from corpusmine.distribute import executor
from corpusmine.errors import SchedulerError
from corpusmine.runner import Progress, run_extract
from corpusmine.store import Store
from test_parallel import snapshot

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """Two worker processes with one thread each, on the loopback interface only."""
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as local:
        yield local


def test_a_cluster_stores_the_records_of_one_process(
    cluster: LocalCluster, seed_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "dask.db"
    with Store(db) as store:
        # One document per batch, so the seeds are spread over both workers.
        summary = run_extract(
            [str(SEEDS)], store, scheduler=cluster.scheduler_address, batch_size=1
        )
    assert summary.failures == ()
    assert len(summary.extracted) == 5
    alone, spread = snapshot(seed_db), snapshot(db)
    assert alone["mentions"] and alone["quotes"], "the comparison must cover real records"
    for table, rows in alone.items():
        assert spread[table] == rows, table


def test_a_worker_killed_mid_run_loses_no_document(
    cluster: LocalCluster, seed_db: Path, tmp_path: Path
) -> None:
    killed: list[str] = []
    with Client(cluster.scheduler_address, set_as_default=False) as client:

        def kill_a_busy_worker(step: Progress) -> None:
            if killed:
                return
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                busy = [worker for worker, keys in client.processing().items() if keys]
                if busy:
                    break
                time.sleep(0.05)
            for pid in client.run(os.getpid, workers=busy[:1]).values():
                os.kill(pid, signal.SIGKILL)  # its nanny starts a fresh worker
            killed.extend(busy[:1])

        db = tmp_path / "killed.db"
        with Store(db) as store:
            summary = run_extract(
                [str(SEEDS)],
                store,
                scheduler=cluster.scheduler_address,
                batch_size=1,
                on_progress=kill_a_busy_worker,
            )
    assert killed, "a worker holding a batch must have been killed"
    assert summary.failures == ()
    assert sorted(summary.extracted) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    alone, survived = snapshot(seed_db), snapshot(db)
    for table, rows in alone.items():
        assert survived[table] == rows, table  # every document once, records unchanged


def test_an_unreachable_scheduler_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(executor, "CONNECT_SECONDS", 1)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.txt").write_text("Maria Lopez said the bridge would reopen.\n")
    with Store(tmp_path / "x.db") as store, pytest.raises(SchedulerError, match="127.0.0.1:9"):
        run_extract([str(tmp_path / "docs")], store, scheduler="tcp://127.0.0.1:9")


def test_local_runs_never_load_dask() -> None:
    code = (
        "import sys, corpusmine.cli, corpusmine.runner; "
        "sys.exit(any(m.split('.')[0] in ('distributed', 'dask') for m in sys.modules))"
    )
    completed = subprocess.run([sys.executable, "-c", code], check=False, env=os.environ.copy())
    assert completed.returncode == 0


# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_ set, which pins glibc's mmap
# threshold at 128 KiB: the NLP's arrays were mapped afresh (and faulted in) every time.
_FAULTS = """
import resource, sys
import numpy
from corpusmine.distribute.malloc import allocator_for_nlp

def faults(rounds=200):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(rounds):
        block = numpy.ones(256 * 1024)  # 2 MB, as a long document's token vectors
        del block
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

outside = faults()
with allocator_for_nlp() as changed:
    inside = faults()
again = faults()
print(changed, outside, inside, again)
"""


def _fault_counts(environment: dict[str, str]) -> tuple[bool, int, int, int]:
    completed = subprocess.run(
        [sys.executable, "-c", _FAULTS], capture_output=True, text=True, check=True,
        env=environment,
    )  # fmt: skip
    changed, *counts = completed.stdout.split()
    outside, inside, again = map(int, counts)
    return changed == "True", outside, inside, again


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_a_dask_worker_reuses_large_arrays_while_it_runs_the_nlp() -> None:
    environment = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}  # as a nanny sets it
    changed, outside, inside, again = _fault_counts(environment)
    assert changed
    assert inside * 10 < outside  # reused, not mapped and faulted in 200 times
    assert again * 2 > outside  # the worker's own setting holds again afterwards


def test_a_process_that_tunes_nothing_is_left_alone() -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    changed, *_ = _fault_counts(environment)
    assert not changed
