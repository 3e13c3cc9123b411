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
