"""Run the flow of DESIGN.md over a corpus: ingest → nlp → extract → store → resolve.

The CLI's ``extract`` command is a thin layer over ``run_extract``; a notebook user can
call it too. Documents are streamed through the model in batches and stored as they
come, so memory stays flat and an interrupted run keeps what it finished.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from .errors import CorpusmineError, DocumentError
from .ingest import (
    DEFAULT_MAX_BYTES,
    FolderNotice,
    FoundFile,
    RawFile,
    discover,
    document_from_raw,
    read_raw,
)
from .ingest.boilerplate import Boilerplate, LineKey, find_boilerplate, line_keys
from .ingest.metadata import Metadata
from .knowledge import name_lexicon
from .nlp import pipeline_signature
from .query.entities import name_words
from .query.report import refresh_report
from .records import DateSource, Extraction, IngestFailure, Mention, SourceDocument
from .resolve import load_alias_file, resolve_corpus
from .resolve.attach import attach
from .resolve.corpus import Resolution
from .resolve.guards import Passes, census, check_addition, dump_census, load_census
from .resolve.keys import mention_keys
from .resolve.lowercase import indexed_words
from .store import RESOLVED_STATE, DocumentInfo, Store
from .temporal.corpus_dates import CorpusDates, figures_used, given_date

# The same size with --jobs 1 and --jobs 2, so both parse identical batches. 16 was
# measured too: it shortens --jobs 2's tail but costs more per document than it saves.
BATCH_SIZE = 32
# A document this long (a council's meeting pack, a book) is parsed in a batch of its own.
LONG_DOCUMENT_CHARS = 200_000


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
    # Documents of this run in which no quote was found: said out loud, never silent.
    without_quotes: tuple[str, ...] = field(default=())
    skipped: tuple[str, ...] = ()  # files of types corpusmine does not read
    # Whether entities were resolved again (False: nothing resolution reads had changed).
    resolved: bool = True
    # How: "attached" (the new documents resolved against the stored entities, exactly as
    # full resolution would: ``resolve.attach``), or "full" and why not attached.
    resolution_path: str = ""

    def skipped_types(self) -> dict[str, int]:
        """How many files of each unsupported type were left out (".xlsx": 2)."""
        found = Counter(Path(p).suffix.lower() or "(no extension)" for p in self.skipped)
        return dict(sorted(found.items()))

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


ProgressCallback = Callable[[Progress], None]
# Alias corrections: (canonical, alias) pairs, or the path of a YAML/CSV file of them.
Aliases = Sequence[tuple[str, str]] | str | os.PathLike[str]


def run_extract(
    paths: Sequence[str],
    store: Store | str | os.PathLike[str],
    *,
    model: str | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    aliases: Aliases | None = None,
    batch_size: int = BATCH_SIZE,
    on_progress: ProgressCallback | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    follow_links: bool = False,
    replace: bool = False,
    prune: bool = False,
    force_resolve: bool = False,
    incremental: bool = False,
) -> RunSummary:
    """Extract every document under ``paths`` into ``store`` (a Store or a database path)
    and resolve entities.

    With ``scheduler`` (a Dask address, ``tcp://HOST:PORT``) the NLP runs on that cluster
    instead of ``jobs`` local processes; this process still writes the database.
    ``aliases`` are corrections for resolution; they are remembered in the database, and a
    later run given none (``None``) uses the remembered ones. A stored document's id is
    never given to another file unless ``replace``; ``prune`` drops stored documents whose
    file is gone from a folder given; ``follow_links`` reads links that leave the folders.
    Resolution is skipped when nothing it reads changed; ``force_resolve`` redoes it.
    With ``incremental``, each full resolution keeps a census of the corpus, and a later
    run that only adds documents attaches them to the stored entities where the guards
    vouch for full resolution's result (``_attach_added``); off by default: at 1,000 BBC
    articles the census costs about 2.5 CPU s per full resolution and the guards admit
    few additions yet (benchmarks/scale.py (c), benchmarks/additions.py).
    """
    if not isinstance(store, Store):
        with Store(store) as opened:
            return run_extract(
                paths, opened, model=model, jobs=jobs, scheduler=scheduler, force=force,
                max_bytes=max_bytes, aliases=aliases, batch_size=batch_size,
                on_progress=on_progress, on_failure=on_failure, follow_links=follow_links,
                replace=replace, prune=prune, force_resolve=force_resolve,
                incremental=incremental,
            )  # fmt: skip
    started = time.perf_counter()
    store.check_writable()  # before any NLP: a read-only file fails now, not in an hour
    pairs = remembered_aliases(store, aliases)
    signature = pipeline_signature(model)
    failures: list[IngestFailure] = []
    notes: list[str] = []
    cpus = os.cpu_count() or 1
    if jobs > cpus:
        notes.append(f"--jobs {jobs} is more than this machine's {cpus} CPUs: using {cpus}")
        jobs = cpus

    def fail(failure: IngestFailure) -> None:
        failures.append(failure)
        if on_failure:
            on_failure(failure)

    unchanged: list[str] = []
    found_files: list[FoundFile] = []
    skipped: list[str] = []
    for found in discover(
        list(paths), follow_links=follow_links, on_skipped=lambda p: skipped.append(str(p))
    ):
        if isinstance(found, IngestFailure):
            fail(found)
        elif isinstance(found, FolderNotice):
            notes.append(f"{found.path}: {found.message}")
        else:
            found_files.append(found)

    # First pass, no NLP: the given dates and the repeated lines (boilerplate) of the
    # corpus; then which files changed.
    stored = {d.id: d for d in store.documents()}
    given = _stored_given_dates(stored.values())  # one per document: order-independent
    read_files: list[tuple[RawFile, Metadata, DocumentInfo | None]] = []
    lines: dict[str, tuple[LineKey, ...]] = {}
    unparsed: set[str] = set()  # unchanged pages, PDFs and Word files: lines from the store
    seen_ids: set[str] = set()
    origins: dict[str, str] = {}
    for found in found_files:
        raw = _read(found, max_bytes, fail)
        if raw is None:
            continue
        if found.document_id in seen_ids:
            fail(IngestFailure(str(found.path), f"duplicate document id '{found.document_id}'"))
            continue
        seen_ids.add(found.document_id)
        if raw.encoding == "utf-8+cp1252":
            notes.append(f"{found.path}: mixes UTF-8 and cp1252 lines; decoded line by line")
        before = stored.get(found.document_id)
        if before is not None and before.origin and before.origin != found.origin and not replace:
            if os.path.lexists(before.origin) or before.sha256 != raw.sha256:
                fail(_collision(found, before.origin))
                continue
            store.set_origin(found.document_id, found.origin)  # the same file, moved
        origins[found.document_id] = found.origin
        metadata = raw.metadata
        if raw.reader is not None and before is not None and before.sha256 == raw.sha256:
            unparsed.add(found.document_id)  # unchanged: its stored text gives its lines
        else:
            lines[found.document_id] = raw.body_lines()
        given.pop(found.document_id, None)
        own = _given_date(raw, metadata, before, signature)
        if own:
            given[found.document_id] = own
        read_files.append((raw, metadata, before))
    gone = _gone(stored.values(), paths, seen_ids)
    if prune:
        for ident in gone:
            given.pop(ident, None)
    corpus = CorpusDates(tuple(sorted(given.values())))
    stored_lines = _stored_line_keys(store, lines)
    for ident in unparsed:
        lines[ident] = stored_lines.pop(ident, ())
    boilerplate = find_boilerplate([*lines.values(), *stored_lines.values()])
    store.set_meta("boilerplate", _boilerplate_summary(boilerplate, lines))
    to_extract: list[FoundFile] = []
    for raw, metadata, before in read_files:
        found = raw.found
        # A document whose furniture changed (a line became boilerplate) is redone.
        signed = _signature_with_metadata(signature, metadata.date, metadata.date_source)
        key = (raw.sha256, signed + boilerplate.digest_of(lines[found.document_id]))
        # A document dated from corpus figures is redone when one of those changed.
        if (
            not force
            and before is not None
            and (before.sha256, CorpusDates.without_figures(before.pipeline)) == key
            and corpus.rekey(before.pipeline) == before.pipeline
        ):
            unchanged.append(found.document_id)
        else:
            to_extract.append(found)
    if gone and prune:
        store.delete_documents(gone)
        notes.append(f"pruned {len(gone)} stored document(s) whose file is gone")
    elif gone:
        notes.append(
            f"{len(gone)} stored document(s) no longer have their file in the folders given "
            f"(first: {gone[0]}); --prune drops them"
        )

    def changed_documents() -> Iterator[SourceDocument]:
        """Changed documents, read again one at a time so the corpus is never in memory."""
        for found in to_extract:
            raw = _read(found, max_bytes, fail)
            if raw is None:
                continue
            try:
                yield document_from_raw(raw, boilerplate)
            except DocumentError as error:  # a PDF without text layer, a broken page
                fail(IngestFailure(error.path, error.reason))

    extracted: list[str] = []
    without_quotes: list[str] = []
    words = 0
    total = len(found_files)
    for extraction in _extract_all(
        changed_documents(), model, jobs, fail, corpus, batch_size, scheduler
    ):
        source = extraction.document
        window = "/".join(extraction.date_window) if extraction.date_window else None
        date, date_source = source.date, source.date_source
        key = _signature_with_metadata(signature, date, date_source)
        key += corpus.key(figures_used(source, extraction.date_window, corpus))
        key += boilerplate.digest_of(lines.get(source.id, ()))
        lex = name_lexicon()
        keys = mention_keys(extraction.mentions, lex)
        lower = indexed_words(source.text, lex)
        store.save_extraction(extraction, key, window, origins.get(source.id), keys, lower)
        extracted.append(source.id)
        if not extraction.quotes:
            without_quotes.append(source.id)
        words += len(source.clean.split())
        if on_progress:
            done = len(extracted) + len(unchanged)
            on_progress(Progress(done, total, words, source.id))

    counts, resolved, how = _resolve(
        store, pairs, skip_if_unchanged=not (extracted or force_resolve),
        added=extracted if incremental and not force_resolve else (), keep_census=incremental,
    )  # fmt: skip
    notes += _unknown_canonicals(store, pairs)
    refresh_report(store)  # so that `report` answers at once
    return RunSummary(
        extracted=tuple(extracted),
        unchanged=tuple(unchanged),
        failures=tuple(failures),
        words=words,
        seconds=time.perf_counter() - started,
        model=signature,
        without_quotes=tuple(without_quotes),
        notes=tuple(notes),
        skipped=tuple(skipped),
        resolved=resolved,
        resolution_path=how,
        **counts,
    )


def remembered_aliases(store: Store, aliases: Aliases | None) -> list[tuple[str, str]]:
    """The alias corrections to use: those given (then remembered in the database for
    later runs), else the ones remembered from an earlier run."""
    if aliases is None:
        return store.stored_aliases()
    if isinstance(aliases, str | os.PathLike):
        pairs = load_alias_file(os.fspath(aliases))
    else:
        pairs = [(canonical, alias) for canonical, alias in aliases]
    store.remember_aliases(pairs)
    return pairs


def resolve_store(
    store: Store, aliases: Aliases | None = None, *, skip_if_unchanged: bool = False
) -> dict[str, int]:
    """Re-run resolution over everything stored (no NLP) and save the entities.

    ``aliases`` as for ``run_extract`` (``None``: the remembered ones). With
    ``skip_if_unchanged``, nothing is redone when the stored documents, the pipeline and
    the aliases are those of the last resolution (an unchanged re-run).
    """
    pairs = remembered_aliases(store, aliases)
    return _resolve(store, pairs, skip_if_unchanged=skip_if_unchanged)[0]


def _resolve(
    store: Store,
    aliases: Sequence[tuple[str, str]],
    *,
    skip_if_unchanged: bool,
    added: Collection[str] = (),
    keep_census: bool = False,
) -> tuple[dict[str, int], bool, str]:
    """Resolve everything stored (unless ``skip_if_unchanged`` and nothing resolution
    reads changed): the counts of the summary, whether resolution ran, and how. When
    the documents ``added`` (extracted in this run) are all that changed since the last
    full resolution, and the guards admit them, they are attached to its entities
    (``_attach_added``); otherwise everything is resolved again, and with
    ``keep_census`` the census of the corpus is kept for the next addition."""
    state = _resolution_state(store, aliases)
    if skip_if_unchanged and store.get_meta(RESOLVED_STATE) == state:
        return store.counts(), False, ""
    how = "full"
    if added:
        attached, how = _attach_added(store, aliases, added)
        if attached is not None:
            _store_resolution(store, attached)
            store.set_meta(RESOLVED_STATE, state)
            return store.counts(), True, how
    texts = dict(store.document_texts())
    mentions = list(store.mention_records())
    quotes = list(store.quote_records())
    claims = list(store.claim_records())
    candidates = store.candidate_references()
    missing = sorted(set(texts) - set(candidates))
    if missing:  # stored before extract kept them (schema 1): found once, then kept
        from .extract.references import find_references

        found = {doc: find_references(doc, texts[doc]) for doc in missing}
        store.save_candidate_references(found)
        candidates.update(found)
    if not store.name_keys_complete():  # a database made before schema 9
        _backfill_name_keys(store, texts, mentions)
    kept: list[Passes] = []
    resolution = resolve_corpus(
        texts, mentions, quotes, claims, aliases, candidates, store.sentence_spans(),
        lowercase_counts=store.lowercase_counts,  # complete: backfilled above if need be
        passes=(lambda **products: kept.append(Passes(**products))) if keep_census else None,
    )  # fmt: skip
    _store_resolution(store, resolution)
    if keep_census and not aliases:  # what a later addition is checked against
        taken = census(texts, mentions, quotes, claims, candidates, (), store.lowercase_counts,
                       resolution, kept[0])  # fmt: skip
        store.save_census(state, dump_census(taken, resolution))
    store.set_meta(RESOLVED_STATE, state)
    # As stored, found names included: the same counts as a run that skips resolution.
    return store.counts(), True, how


def _store_resolution(store: Store, resolution: Resolution) -> None:
    store.replace_entities(
        resolution.entities,
        resolution.mention_entity.items(),
        resolution.quote_speaker.items(),
        [(row, subject, speaker) for row, (subject, speaker) in resolution.claim_subject.items()],
        entity_words=name_words(resolution.entities),
        found_mentions=resolution.found_mentions,
    )


def _attach_added(
    store: Store, aliases: Sequence[tuple[str, str]], added: Collection[str]
) -> tuple[Resolution | None, str]:
    """Full resolution's result for the stored corpus with the documents ``added``,
    computed from the census kept by the last full resolution when that resolution was
    of every other stored document (so none was changed or removed since) and the guards
    and ``attach`` can vouch that the result is full resolution's; else None and why
    (``"full: ..."``). Only the new documents' records and the stored texts are read."""
    if aliases:
        return None, "full: alias corrections (they name entities corpus-wide)"
    added = sorted(set(added))
    data = store.census_data(_resolution_state(store, aliases, leaving_out=added))
    if data is None:
        return None, "full: no census of the corpus without the new documents"
    texts = dict(store.document_texts())
    loaded = load_census(
        data,
        {d: t for d, t in texts.items() if d not in added},
        lambda phrases: store.lowercase_counts(phrases, excluding=added),
    )
    if loaded is None:
        return None, "full: the kept census is of another format"
    stored, before = loaded
    candidates = store.candidate_references(added)
    if set(candidates) != set(added) or not store.name_keys_complete():
        return None, "full: documents stored without their candidate references or keys"
    verdict = check_addition(
        stored,
        {d: texts[d] for d in added},
        [pair for d in added for pair in store.mention_records(d)],
        candidates,
    )
    attached, why = attach(
        stored, before, verdict, list(store.quote_records(added)),
        list(store.claim_records(added)), store.sentence_spans(added), aliases,
    )  # fmt: skip
    return (attached, "attached") if attached is not None else (None, f"full: {why}")


def _backfill_name_keys(
    store: Store, texts: Mapping[str, str], mentions: Sequence[tuple[int, Mention]]
) -> None:
    """The name keys and indexed lower-case words of every stored document."""
    by_document: dict[str, list[Mention]] = {doc: [] for doc in texts}
    for _, mention in mentions:
        by_document.setdefault(mention.document, []).append(mention)
    lex = name_lexicon()
    store.replace_name_keys(
        {doc: mention_keys(ms, lex) for doc, ms in by_document.items()},
        {doc: indexed_words(text, lex) for doc, text in texts.items()},
    )


def _resolution_state(
    store: Store, aliases: Sequence[tuple[str, str]], leaving_out: Collection[str] = ()
) -> str:
    """A digest of what resolution depends on: every stored document (but
    ``leaving_out``) and the aliases."""
    digest = hashlib.sha256(json.dumps(sorted(map(list, aliases))).encode())
    skipped = set(leaving_out)
    for d in store.documents():
        if d.id in skipped:
            continue
        digest.update("\x1f".join(str(v) for v in (d.id, d.sha256, d.pipeline, d.date)).encode())
    return digest.hexdigest()


def _signature_with_metadata(signature: str, date: str | None, date_source: str) -> str:
    # A changed explicit date (header, front matter, manifest) must re-resolve the
    # document's relative dates; an inferred one is a product of extraction, not input,
    # and a page's or PDF's own date is part of its bytes (so of the hash): an unchanged
    # one is known to be unchanged without parsing it.
    if not DateSource(date_source).explicit:
        return f"{signature}||none"
    return f"{signature}|{date or ''}|{date_source}"


def _stored_line_keys(store: Store, skip: Mapping[str, object]) -> dict[str, tuple[LineKey, ...]]:
    """Keyed lines of stored documents not read in this run, by id (an earlier extract
    into the same database belongs to the same corpus)."""
    return {ident: line_keys(text) for ident, text in store.document_texts() if ident not in skip}


def _boilerplate_summary(found: Boilerplate, lines: Mapping[str, tuple[LineKey, ...]]) -> str:
    """How much furniture the corpus holds, for the report's summary (JSON)."""
    documents = sum(any(k.key in found.keys for k in keys) for keys in lines.values())
    removed = sum(k.key in found.keys for keys in lines.values() for k in keys)
    return json.dumps({"paragraphs": len(found.keys), "lines": removed, "documents": documents})


def _stored_given_dates(documents: Iterable[DocumentInfo]) -> dict[str, str]:
    """Given dates of stored documents (metadata, file name, own properties, dateline)
    by id: an inferred one is a product of the corpus, never part of it."""
    return {d.id: d.date for d in documents if d.date and DateSource(d.date_source).given}


def _given_date(
    raw: RawFile, metadata: Metadata, before: DocumentInfo | None, signature: str
) -> str | None:
    """The date a file read in this run gives itself, exactly as extraction will find it
    (``temporal.given_date``), so the run's own documents count as stored ones do."""
    if raw.reader is None:
        return given_date(metadata.date, raw.text)  # a text file: its header or dateline
    if metadata.date and DateSource(metadata.date_source).explicit:
        return metadata.date  # a manifest's date wins over the file's own
    if (
        before is not None
        and before.sha256 == raw.sha256
        and before.pipeline.startswith(signature + "|")
    ):  # unchanged page, PDF or Word file: its stored date, without parsing it again
        return before.date if before.date and DateSource(before.date_source).given else None
    try:
        source = document_from_raw(raw)
    except DocumentError:
        return None  # fails again, with its reason, when it is laid out for extraction
    return given_date(source.date, source.text)


def _collision(found: FoundFile, stored_origin: str) -> IngestFailure:
    return IngestFailure(
        str(found.path),
        f"document id '{found.document_id}' already holds {stored_origin}; not replaced "
        "(--replace replaces it; extracting from a common parent folder gives distinct ids)",
    )


def _gone(documents: Iterable[DocumentInfo], paths: Sequence[str], seen: set[str]) -> list[str]:
    """Stored documents whose file was under a folder given and no longer exists."""
    roots = [os.path.abspath(p).rstrip(os.sep) + os.sep for p in paths if os.path.isdir(p)]
    return sorted(
        d.id
        for d in documents
        if d.origin
        and d.id not in seen
        and any(d.origin.startswith(root) for root in roots)
        and not os.path.lexists(d.origin)
    )


def _unknown_canonicals(store: Store, aliases: Sequence[tuple[str, str]]) -> list[str]:
    """A line for each alias-file canonical name no entity carries (its aliases did not
    apply to anything found)."""
    if not aliases:
        return []
    known = set()
    for entity in store.entity_names():
        known.add(entity.name.casefold())
        known.update(a.casefold() for a in entity.aliases)
    unknown = sorted({c for c, _ in aliases if c.casefold() not in known})
    return [f"aliases: '{c}' names no entity found; check its spelling" for c in unknown]


def _read(
    found: FoundFile, max_bytes: int, fail: Callable[[IngestFailure], None]
) -> RawFile | None:
    try:
        return read_raw(found, max_bytes)
    except DocumentError as error:
        fail(IngestFailure(error.path, error.reason))
    return None


def _extract_all(
    sources: Iterator[SourceDocument],
    model: str | None,
    jobs: int,
    fail: Callable[[IngestFailure], None],
    corpus: CorpusDates,
    batch_size: int = BATCH_SIZE,
    scheduler: str | None = None,
) -> Iterator[Extraction]:
    """Parse and extract in batches; with ``jobs`` > 1 in worker processes, with
    ``scheduler`` on a Dask cluster (``distribute``).

    The main process stays the single writer: workers only return records.
    """
    batches = _batches(sources, batch_size)
    first = next(batches, None)
    if first is None:
        return  # nothing changed: spaCy is never imported

    if scheduler:
        from .distribute import extract_on_cluster

        signature = pipeline_signature(model)
        for results in extract_on_cluster(
            chain([first], batches), scheduler, model, corpus, signature
        ):
            yield from _handle(results, fail)
        return
    second = next(batches, None)
    if jobs <= 1 or second is None:
        for batch in (first, second) if second is not None else (first,):
            yield from _handle(extract_batch(batch, model, corpus), fail)
        for batch in batches:
            yield from _handle(extract_batch(batch, model, corpus), fail)
        return
    queue = chain((first, second), batches)
    parent = os.getpid()
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_warm_up, initargs=(model, parent)
    ) as pool:
        # Bounded look-ahead keeps memory flat: at most 3 batches in flight per worker
        # (results are taken in order, so a slow batch must not leave the others idle).
        in_flight = [pool.submit(extract_batch, b, model, corpus) for b in islice(queue, jobs * 3)]
        while in_flight:
            future = in_flight.pop(0)
            yield from _handle(future.result(), fail)
            following = next(queue, None)
            if following is not None:
                in_flight.append(pool.submit(extract_batch, following, model, corpus))


def _handle(
    results: list[Extraction | IngestFailure], fail: Callable[[IngestFailure], None]
) -> Iterator[Extraction]:
    for result in results:
        if isinstance(result, IngestFailure):
            fail(result)
        else:
            yield result


def _batches(items: Iterator[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    """Documents in batches of ``size``; a long document (``LONG_DOCUMENT_CHARS`` or more)
    goes alone, so that short documents are never held back (or held in memory) while it
    is parsed. Which batch a document is in does not change its records."""
    batch: list[SourceDocument] = []
    for item in items:
        if len(item.clean) >= LONG_DOCUMENT_CHARS:
            yield [item]
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _warm_up(model: str | None, parent: int | None = None) -> None:
    if parent is not None:
        die_with_parent(parent)
    from .nlp import build_pipeline

    build_pipeline(model)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` does, even after a kill -9 of it.

    On Linux the kernel sends SIGKILL at the parent's death (prctl PDEATHSIG); anywhere, a
    daemon thread also checks once a second that the parent is still there. Workers hold
    only a model and the batch in hand, so nothing is lost by dying.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the watchdog below does it
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="corpusmine-parent-watch", daemon=True).start()


def _fit_max_length(nlp: Any, sources: Sequence[SourceDocument]) -> None:
    """Let spaCy take the longest document of the batch.

    spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) to guard memory;
    here the user's limit is ``--max-mb``, checked when the file is read.
    """
    longest = max((len(s.clean) for s in sources), default=0)
    if longest >= nlp.max_length:
        nlp.max_length = longest + 1


def extract_batch(
    sources: list[SourceDocument], model: str | None, corpus: CorpusDates | None = None
) -> list[Extraction | IngestFailure]:
    """Parse and extract one batch; a document that breaks the NLP fails alone."""
    from .extract import extract_document
    from .nlp import build_pipeline
    from .nlp.ops import one_blas_thread

    nlp = build_pipeline(model)
    _fit_max_length(nlp, sources)
    results: list[Extraction | IngestFailure] = []
    try:
        with one_blas_thread():
            docs = list(nlp.pipe([s.clean for s in sources], batch_size=len(sources)))
    except Exception:  # noqa: BLE001 - isolate the bad document by retrying one at a time
        docs = None
    for index, source in enumerate(sources):
        try:
            doc = docs[index] if docs is not None else nlp(source.clean)
            results.append(extract_document(doc, source, corpus))
        except CorpusmineError:
            raise
        except Exception as error:  # noqa: BLE001 - one bad document must not stop the corpus
            results.append(
                IngestFailure(source.path, f"extraction failed: {type(error).__name__}: {error}")
            )
    return results
