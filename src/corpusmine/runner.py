"""Run the flow of DESIGN.md over a corpus: ingest → nlp → extract → store → resolve.

The CLI's ``extract`` command is a thin layer over ``run_extract``; a notebook user can
call it too. Documents are streamed through the model in batches and stored as they
come, so memory stays flat and an interrupted run keeps what it finished.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from .errors import CorpusmineError, DocumentError
from .extract import extract_document
from .ingest import DEFAULT_MAX_BYTES, FoundFile, discover, read_document
from .nlp import build_pipeline, pipeline_signature
from .records import Extraction, IngestFailure, SourceDocument
from .resolve import resolve_corpus
from .store import Store

BATCH_SIZE = 32


@dataclass(frozen=True)
class Progress:
    """One step of a run, for progress bars."""

    documents_done: int
    documents_total: int
    words_done: int
    current: str


@dataclass(frozen=True)
class RunSummary:
    """What one ``extract`` run did."""

    extracted: tuple[str, ...]
    unchanged: tuple[str, ...]
    failures: tuple[IngestFailure, ...]
    words: int
    seconds: float
    entities: int
    mentions: int
    quotes: int
    claims: int
    model: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


ProgressCallback = Callable[[Progress], None]


def run_extract(
    paths: Sequence[str],
    store: Store,
    *,
    model: str | None = None,
    jobs: int = 1,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    aliases: Sequence[tuple[str, str]] = (),
    on_progress: ProgressCallback | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> RunSummary:
    """Extract every document under ``paths`` into ``store`` and resolve entities."""
    started = time.perf_counter()
    signature = pipeline_signature(model)
    failures: list[IngestFailure] = []

    def fail(failure: IngestFailure) -> None:
        failures.append(failure)
        if on_failure:
            on_failure(failure)

    pending: list[SourceDocument] = []
    unchanged: list[str] = []
    seen_ids: set[str] = set()
    for found in discover(list(paths)):
        if isinstance(found, IngestFailure):
            fail(found)
            continue
        source = _ingest(found, max_bytes, fail)
        if source is None:
            continue
        if source.id in seen_ids:
            fail(IngestFailure(str(found.path), f"duplicate document id '{source.id}', skipped"))
            continue
        seen_ids.add(source.id)
        stored = store.stored_signature(source.id)
        if not force and stored == (source.sha256, _signature_with_metadata(signature, source)):
            unchanged.append(source.id)
        else:
            pending.append(source)

    extracted: list[str] = []
    words = 0
    total = len(pending)
    for extraction in _extract_all(pending, model, jobs, fail):
        source = extraction.document
        store.save_extraction(extraction, _signature_with_metadata(signature, source))
        extracted.append(source.id)
        words += len(source.clean.split())
        if on_progress:
            on_progress(Progress(len(extracted), total, words, source.id))

    counts = resolve_store(store, aliases)
    return RunSummary(
        extracted=tuple(extracted),
        unchanged=tuple(unchanged),
        failures=tuple(failures),
        words=words,
        seconds=time.perf_counter() - started,
        model=signature,
        **counts,
    )


def resolve_store(store: Store, aliases: Sequence[tuple[str, str]] = ()) -> dict[str, int]:
    """Re-run resolution over everything stored (no NLP) and save the entities."""
    texts = dict(store.document_texts())
    mentions = list(store.mention_records())
    quotes = list(store.quote_records())
    claims = list(store.claim_records())
    resolution = resolve_corpus(texts, mentions, quotes, claims, aliases)
    store.replace_entities(
        resolution.entities,
        resolution.mention_entity.items(),
        resolution.quote_speaker.items(),
        [(row, subject, speaker) for row, (subject, speaker) in resolution.claim_subject.items()],
    )
    return {
        "entities": len(resolution.entities),
        "mentions": len(mentions),
        "quotes": len(quotes),
        "claims": len(claims),
    }


def _signature_with_metadata(signature: str, source: SourceDocument) -> str:
    # A changed manifest date must re-resolve the document's relative dates.
    return f"{signature}|{source.date or ''}|{source.date_source}"


def _ingest(
    found: FoundFile, max_bytes: int, fail: Callable[[IngestFailure], None]
) -> SourceDocument | None:
    try:
        return read_document(found, max_bytes)
    except DocumentError as error:
        fail(IngestFailure(error.path, error.reason))
    return None


def _extract_all(
    sources: list[SourceDocument],
    model: str | None,
    jobs: int,
    fail: Callable[[IngestFailure], None],
) -> Iterator[Extraction]:
    if not sources:
        return
    if jobs <= 1 or len(sources) < 2 * BATCH_SIZE:
        for batch in _batches(sources, BATCH_SIZE):
            yield from _handle(extract_batch(batch, model), fail)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up, initargs=(model,)) as pool:
        # Bounded look-ahead keeps memory flat: at most 2 batches in flight per worker.
        batches = _batches(sources, BATCH_SIZE)
        in_flight = [pool.submit(extract_batch, b, model) for b in islice(batches, jobs * 2)]
        while in_flight:
            future = in_flight.pop(0)
            yield from _handle(future.result(), fail)
            following = next(batches, None)
            if following is not None:
                in_flight.append(pool.submit(extract_batch, following, model))


def _handle(
    results: list[Extraction | IngestFailure], fail: Callable[[IngestFailure], None]
) -> Iterator[Extraction]:
    for result in results:
        if isinstance(result, IngestFailure):
            fail(result)
        else:
            yield result


def _batches(items: list[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _warm_up(model: str | None) -> None:
    build_pipeline(model)


def extract_batch(
    sources: list[SourceDocument], model: str | None
) -> list[Extraction | IngestFailure]:
    """Parse and extract one batch; a document that breaks the NLP fails alone."""
    nlp = build_pipeline(model)
    results: list[Extraction | IngestFailure] = []
    try:
        docs = list(nlp.pipe([s.clean for s in sources], batch_size=len(sources)))
    except Exception:  # noqa: BLE001 - isolate the bad document by retrying one at a time
        docs = None
    for index, source in enumerate(sources):
        try:
            doc = docs[index] if docs is not None else nlp(source.clean)
            results.append(extract_document(doc, source))
        except CorpusmineError:
            raise
        except Exception as error:  # noqa: BLE001 - one bad document must not stop the corpus
            results.append(
                IngestFailure(source.path, f"extraction failed: {type(error).__name__}: {error}")
            )
    return results
