"""Batches of documents through a Dask cluster, a bounded number in flight.

The client (the process running ``extract``) reads and ingests the files, submits each
batch as a task whose arguments carry the documents' text, and stores what comes back.
Dask's scheduler keeps every task until its result is delivered, so a batch whose worker
is lost is run again elsewhere; a document that breaks the NLP comes back as one
failure, and a batch whose workers keep dying is split so that only the document at
fault fails.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import CorpusmineError, SchedulerError
from ..records import Extraction, IngestFailure, SourceDocument
from .malloc import allocator_for_nlp

if TYPE_CHECKING:
    from distributed import Client

    from ..temporal import CorpusDates

Results = list[Extraction | IngestFailure]

# Batches queued or running per worker thread: one running and one ready, so a worker
# never waits for its next batch to travel, while memory stays flat on both sides.
IN_FLIGHT_PER_THREAD = 2
CONNECT_SECONDS = 30
WORKERS_WAIT_SECONDS = 60

# A worker may run tasks in several threads; spaCy's Language object is not meant to be
# shared by concurrent calls, so one batch at a time per process (the GIL would
# serialise most of the work anyway: run workers with --nthreads 1, one per core).
_NLP_LOCK = threading.Lock()
_CHECKED: set[tuple[str | None, str]] = set()


def extract_on_cluster(
    batches: Iterable[list[SourceDocument]],
    scheduler: str,
    model: str | None,
    corpus: CorpusDates | None,
    signature: str,
) -> Iterator[Results]:
    """Each batch's results, in the order they finish, from the cluster at ``scheduler``."""
    client = _connect(scheduler)
    try:
        yield from _stream(client, batches, model, corpus, signature)
    finally:
        client.close()  # releases whatever is still queued: the scheduler drops it


def extract_on_worker(
    sources: list[SourceDocument], model: str | None, corpus: CorpusDates | None, signature: str
) -> Results:
    """Runs on a worker. The pipeline is built once per worker process (``build_pipeline``
    is cached) after checking that the worker's pipeline is the client's, so records
    never mix two versions of the rules under one stored signature."""
    from ..nlp import pipeline_signature
    from ..runner import extract_batch

    if (model, signature) not in _CHECKED:
        own = pipeline_signature(model)
        if own != signature:
            raise SchedulerError(
                f"a Dask worker runs another corpusmine pipeline ({own}; this run: {signature});"
                " install the same corpusmine version and model on every worker"
            )
        _CHECKED.add((model, signature))
    with _NLP_LOCK, allocator_for_nlp():
        return extract_batch(sources, model, corpus)


def _connect(scheduler: str) -> Client:
    try:
        from distributed import Client
    except ImportError as error:  # pragma: no cover - declared as a dependency
        raise SchedulerError("--scheduler needs the 'distributed' package installed") from error
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as error:  # noqa: BLE001 - any failure to connect is one clear line
        raise SchedulerError(
            f"cannot reach the Dask scheduler at {scheduler} ({type(error).__name__}: {error}); "
            "give its address as tcp://HOST:PORT"
        ) from error
    try:
        client.wait_for_workers(1, timeout=WORKERS_WAIT_SECONDS)
    except TimeoutError as error:
        client.close()
        raise SchedulerError(
            f"no Dask worker joined the scheduler at {scheduler} within "
            f"{WORKERS_WAIT_SECONDS} s; start one with 'dask worker {scheduler}'"
        ) from error
    return client


def _stream(
    client: Client,
    batches: Iterable[list[SourceDocument]],
    model: str | None,
    corpus: CorpusDates | None,
    signature: str,
) -> Iterator[Results]:
    from distributed import KilledWorker, as_completed

    run = uuid.uuid4().hex[:8]
    queue = iter(batches)
    retry: deque[list[SourceDocument]] = deque()  # documents of a batch split after deaths
    in_flight: dict[str, list[SourceDocument]] = {}
    finished = as_completed(loop=client.loop)
    submitted = 0

    def refill() -> None:
        nonlocal submitted
        # Workers may join or leave during the run: the bound follows the cluster.
        limit = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        while len(in_flight) < limit:
            batch = retry.popleft() if retry else next(queue, None)
            if batch is None:
                return
            future = client.submit(
                extract_on_worker, batch, model, corpus, signature,
                key=f"corpusmine-extract-{run}-{submitted}", pure=False,
            )  # fmt: skip
            submitted += 1
            in_flight[future.key] = batch
            finished.add(future)

    refill()
    for future in finished:
        batch = in_flight.pop(future.key)
        results: Results = []
        try:
            results = future.result()
        except CorpusmineError:
            raise  # the same for every batch (wrong pipeline, model missing): stop the run
        except KilledWorker:
            if len(batch) > 1:
                retry.extend([source] for source in batch)
            else:
                results = [_failure(batch[0], "the Dask workers running it kept dying")]
        except Exception as error:  # noqa: BLE001 - a batch lost for another reason fails alone
            results = [_failure(source, f"{type(error).__name__}: {error}") for source in batch]
        future.release()
        refill()
        if results:
            yield results


def _failure(source: SourceDocument, reason: Any) -> IngestFailure:
    return IngestFailure(source.path, f"extraction failed on the cluster: {reason}")
