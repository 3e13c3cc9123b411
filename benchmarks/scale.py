"""Past one machine (issue 17): Dask against --jobs 2, resolution and storage at scale.

Usage: python benchmarks/scale.py [--only a,b,c,d] [--n 300] [--corpus DIR] [--cache DIR]
                                  [--large N] [--additions 5] [--seed 1]

(a) 300 BBC articles with ``--jobs 2`` and on a local Dask cluster of two workers that
    this script starts (``dask scheduler`` and two ``dask worker`` processes, 127.0.0.1
    only, stopped at the end); wall ratio and whether the records are identical.
(b) Resolution time and peak memory at 2,225, 4,450, 8,900 and 17,800 documents.
(c) Adding one new article to a 1,000- and a 17,800-document database (``--large``),
    against extracting it into an empty one: ``--additions`` articles, each added alone
    to a copy of the database as a full resolution left it; per addition, which path
    resolution took (attached to the stored entities, or full and why) and its CPU ratio.
(d) Each query's time at 17,800 documents.

The large corpora are the BBC corpus copied under new ids (``c0/`` .. ``c7/``), each copy
but the first with its person names permuted, so that a doubling is not the same corpus
twice over and the NLP of every copy is real work. Building the 17,800-document database
takes long on a shared machine, so it is built once and kept in ``--cache`` (default
``$CORPUSMINE_BENCH_CACHE`` or ``~/.cache/corpusmine/bench-scale``) with a manifest
saying which commit and pipeline built it; later runs reuse it and print that provenance.
Each measurement runs in its own process, so that its peak memory is its own. This is
not a test: nothing in ``make test`` depends on timing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract import (  # noqa: E402
    DEFAULT_CORPUS,
    QUERIES,
    link_corpus,
    peak_rss_mb,
    subset,
    summary_figures,
    time_queries,
)

RESULTS = ROOT / "benchmarks" / "results" / "scale.json"
SIZES = (2225, 4450, 8900, 17800)
COPIES = 8  # 8 x 2,225 = 17,800
CORPUS_VERSION = "1"  # bump when the way copies are made changes: the cache is rebuilt
# Beyond the corpus-wide queries of benchmarks/extract.py: the narrow ones a user types.
MORE_QUERIES = {
    "entities PERSON": ["entities", "--type", "PERSON", "--format", "json"],
    "who-said Blair": ["who-said", "Blair", "--format", "json"],
    "claims --subject": ["claims", "--subject", "Blair", "--format", "json"],
    "claims --attribute": ["claims", "--attribute", "rating", "--format", "json"],
    "mentions --document": ["mentions", "--document", "c0/politics/001", "--format", "json"],
}
NAME = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?$")


def default_cache() -> Path:
    configured = os.environ.get("CORPUSMINE_BENCH_CACHE")
    return Path(configured) if configured else Path.home() / ".cache/corpusmine/bench-scale"


# The code every measuring process runs: this checkout's, or --src (an older commit's
# src/ unpacked elsewhere, for the "before" figures).
SRC = ROOT / "src"


def child_env(src: Path | None = None) -> dict[str, str]:
    """``src`` (default ``SRC``) first on the path of every process the benchmark starts
    (Dask workers too)."""
    env = dict(os.environ)
    first = str(src or SRC)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [first, env.get("PYTHONPATH")]))
    return env


def git_commit() -> str:
    completed = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.stdout.strip() or "unknown"


# --- the permuted copies ------------------------------------------------------------


def person_names(db: Path) -> tuple[list[str], list[str]]:
    """Given names and surnames seen in PERSON mentions of the first copy (sorted).

    Words that also occur in other kinds of names (a place, an organisation) are left
    alone, so that permuting "Brown" does not rename a university. The cached database
    is read-only here (direct SQL: opening it with corpusmine would migrate it to this
    checkout's schema, and the "before" code could no longer read it).
    """
    given: dict[str, int] = {}
    family: dict[str, int] = {}
    other: set[str] = set()
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT label, text FROM mentions ORDER BY document, start")
        for label, text in rows:
            words = text.split()
            if label != "PERSON":
                other.update(words)
                continue
            for index, word in enumerate(words):
                if NAME.match(word):
                    bucket = family if index == len(words) - 1 else given
                    bucket[word] = bucket.get(word, 0) + 1
    finally:
        connection.close()
    surnames = sorted(w for w in family if w not in other and family[w] >= given.get(w, 0))
    given_names = sorted(w for w in given if w not in other and w not in set(surnames))
    return given_names, surnames


def permutation(names: list[str], seed: int) -> dict[str, str]:
    shuffled = list(names)
    random.Random(seed).shuffle(shuffled)
    return dict(zip(names, shuffled, strict=True))


def write_copy(corpus: Path, target: Path, mapping: dict[str, str]) -> None:
    """One copy of the corpus with every listed name replaced as a whole word."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len)[::-1])) + r")\b")
    for path in subset(corpus, None):
        # surrogateescape keeps the one latin-1 byte of the corpus as it is
        text = path.read_bytes().decode("utf-8", errors="surrogateescape")
        out = target / path.parent.name / path.name
        out.parent.mkdir(parents=True, exist_ok=True)
        new = pattern.sub(lambda m: mapping[m.group(1)], text)
        out.write_bytes(new.encode("utf-8", errors="surrogateescape"))


def copy_mapping(db: Path, seed: int) -> dict[str, str]:
    given, surnames = person_names(db)
    return {**permutation(given, seed * 7919), **permutation(surnames, seed)}


# --- phases, each in a child process --------------------------------------------------


def phase_extract(folder: Path, db: Path, jobs: int, scheduler: str | None) -> dict:
    import inspect

    from corpusmine.runner import run_extract
    from corpusmine.store import Store

    options: dict = {"jobs": jobs}
    # The corpus is a folder of links into ../shared/corpora; code from before issue 18
    # item 3 follows them anyway and has no such option.
    if "follow_links" in inspect.signature(run_extract).parameters:
        options["follow_links"] = True
    if scheduler:
        options["scheduler"] = scheduler
    last = [0.0]
    stored = [0.0]  # when the last document was stored: the rest is resolution and report

    def progress(step) -> None:
        now = stored[0] = time.perf_counter()
        if now - last[0] > 30:
            last[0] = now
            print(f"  ... {step.documents_done}/{step.documents_total}", file=sys.stderr)

    spent = _time_stages()
    started = time.perf_counter()
    with Store(db) as store:
        summary = run_extract([str(folder)], store, on_progress=progress, **options)
    figures = summary_figures(summary, time.perf_counter() - started)
    figures.update({f"{stage}_cpu_seconds": round(cpu, 2) for stage, cpu in spent.items()})
    figures["stored_seconds"] = round(max(stored[0] - started, 0.0), 2)
    figures["resolution_path"] = getattr(summary, "resolution_path", "")  # older code: none
    return figures


def _time_stages() -> dict[str, float]:
    """CPU seconds this process spends in resolution and in the report rebuild of a run
    (filled as the run goes): the parts of "add one article" that grow with the corpus,
    beside the first pass and the article's own extraction."""
    import corpusmine.runner as runner

    spent: dict[str, float] = {}
    for stage, name in (("resolve", "_resolve"), ("report", "refresh_report")):
        original = getattr(runner, name, None)
        if original is None:  # older code under test
            continue

        def timed(*args, _original=original, _stage=stage, **kwargs):
            began = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_stage] = spent.get(_stage, 0.0) + time.process_time() - began

        setattr(runner, name, timed)
    return spent


def phase_resolve(db: Path, report: bool = False) -> dict:
    """Resolution of everything stored, from scratch (what every changed run did before);
    with ``report``, the stored report too, as ``extract`` leaves it."""
    try:
        from corpusmine.query.report import refresh_report
    except ImportError:  # the code of the "before" figures, before query/ existed
        from corpusmine.report.cache import refresh_report
    from corpusmine.runner import resolve_store
    from corpusmine.store import Store

    started = time.perf_counter()
    with Store(db) as store:
        counts = resolve_store(store, (), skip_if_unchanged=False)
        if report:
            refresh_report(store)
    return {"seconds": time.perf_counter() - started, **counts}


def phase_queries(db: Path) -> dict[str, dict[str, float]]:
    """Each query command's own work in process (best of 3 after a warm-up call)."""
    return time_queries(db, {**QUERIES, **MORE_QUERIES})


def run_phase(name: str, *args: str, src: Path | None = None) -> dict:
    command = [sys.executable, __file__, "--phase", name, *args]
    started = time.perf_counter()
    completed = subprocess.run(
        command, stdout=subprocess.PIPE, text=True, check=False, env=child_env(src)
    )
    wall = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"phase {name} failed (exit {completed.returncode})")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result["process_seconds"] = round(wall, 2)
    return result


def child_main(args: argparse.Namespace) -> None:
    if args.phase == "extract":
        result = phase_extract(Path(args.folder), Path(args.db), args.jobs, args.scheduler)
    elif args.phase == "resolve":
        result = phase_resolve(Path(args.db))
    elif args.phase == "prepare":
        result = phase_resolve(Path(args.db), report=True)
    elif args.phase == "restamp":
        result = phase_restamp(Path(args.folder), Path(args.db))
    elif args.phase == "queries":
        result = {"queries": phase_queries(Path(args.db))}
    else:
        raise SystemExit(f"unknown phase {args.phase}")
    result.update(peak_rss_mb())
    print(json.dumps(result))


# --- the cached large databases --------------------------------------------------------


def build_cache(corpus: Path, cache: Path, largest: int = SIZES[-1]) -> dict:
    """The 2,225 .. 17,800-document databases, built once (see the module docstring)."""
    manifest_path = cache / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    if manifest.get("corpus_version") != CORPUS_VERSION:
        manifest = {"corpus_version": CORPUS_VERSION, "sizes": {}}
    root, work = cache / "corpus", cache / "work.db"
    (cache / "db").mkdir(parents=True, exist_ok=True)
    # Every size is built by one commit's code, frozen here: the checkout moves on while
    # the build runs, and a changed knowledge file would otherwise redo every document.
    code = cache / "code"
    if not (code / "src").is_dir():
        commit = git_commit()
        shutil.rmtree(code, ignore_errors=True)
        code.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "src", "models"],
            capture_output=True, check=True,
        )  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True)
        manifest["code_commit"] = commit
    for size in (s for s in SIZES if s <= largest):
        snapshot = cache / "db" / f"{size}.db"
        if str(size) in manifest["sizes"] and snapshot.exists():
            continue
        copies = size // 2225
        if not (root / "c0").exists():
            link_corpus(subset(corpus, None), root / "c0")
        for k in range(1, copies):
            if not (root / f"c{k}").exists():
                tmp = root / f".c{k}.tmp"
                shutil.rmtree(tmp, ignore_errors=True)
                write_copy(corpus, tmp, copy_mapping(cache / "db" / "2225.db", k))
                tmp.rename(root / f"c{k}")
        print(
            f"[build] {size} documents: extract --jobs 2 into the cached database ...", flush=True
        )
        result = run_phase(
            "extract", "--folder", str(root), "--db", str(work), "--jobs", "2", src=code / "src"
        )
        if result["failed"] and result["failed"] > copies:  # sport/199.txt is fine; more is not
            raise SystemExit(f"build failed: {result['failures']}")
        shutil.copyfile(work, snapshot)
        manifest["sizes"][str(size)] = {
            "commit": manifest["code_commit"],
            "built": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "extract": result,
        }
        manifest_path.write_text(json.dumps(manifest, indent=2))
    return manifest


# --- (a) Dask against --jobs 2 ---------------------------------------------------------


def _own_cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


class LocalDask:
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, stopped on exit."""

    def __init__(self, work: Path, workers: int = 2) -> None:
        self.work, self.workers, self.processes = work, workers, []
        self.address = ""

    def __enter__(self) -> LocalDask:
        dask = str(Path(sys.executable).with_name("dask"))
        info = self.work / "scheduler.json"
        logs = open(self.work / "dask.log", "w")  # noqa: SIM115 - closed with the processes
        self.logs = logs
        common = {"stdout": logs, "stderr": subprocess.STDOUT, "env": child_env()}
        self.processes.append(subprocess.Popen(
            # The HTTP server (health checks) runs even without the dashboard: loopback too.
            [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(info)], **common,
        ))  # fmt: skip
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        if not info.exists():
            raise SystemExit(f"dask scheduler did not start; see {self.work / 'dask.log'}")
        self.address = json.loads(info.read_text())["address"]
        for index in range(self.workers):
            self.processes.append(subprocess.Popen(
                [dask, "worker", self.address, "--host", "127.0.0.1", "--nworkers", "1",
                 "--nthreads", "1", "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
                 "--name", f"bench-{index}"], **common,
            ))  # fmt: skip
        self.wait_for_workers()
        return self

    def wait_for_workers(self) -> None:
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(self.workers, timeout=120)

    def worker_cpu_seconds(self) -> float:
        """CPU time the workers' processes used since they started (user + system)."""
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            used = client.run(_own_cpu_seconds)
        return round(sum(used.values()), 2)

    def restart(self) -> None:
        """Fresh worker processes, so that every timed run loads the pipeline, as
        ``--jobs 2`` does."""
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.restart(wait_for_workers=True, timeout=180)

    def __exit__(self, *exc: object) -> None:
        for process in reversed(self.processes):  # workers first, then the scheduler
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
        self.logs.close()


def part_a(corpus: Path, work: Path, n: int, repeat: int) -> dict:
    from dump_records import dump

    folder = link_corpus(subset(corpus, n), work / f"corpus-{n}")
    runs: dict[str, list[dict]] = {"jobs2": [], "dask": []}
    dumps: dict[str, list[str]] = {}
    with LocalDask(work) as cluster:
        for attempt in range(1, repeat + 1):
            db = work / f"a-jobs2-{attempt}.db"
            print(f"[a] ({attempt}/{repeat}) {n} articles, extract --jobs 2 ...", flush=True)
            runs["jobs2"].append(run_phase("extract", "--folder", str(folder), "--db", str(db),
                                           "--jobs", "2"))  # fmt: skip
            dumps.setdefault("jobs2", dump(str(db)))
            cluster.restart()
            started = cluster.worker_cpu_seconds()  # the fresh workers' own start-up
            db = work / f"a-dask-{attempt}.db"
            print(f"[a] ({attempt}/{repeat}) extract --scheduler (2 Dask workers) ...", flush=True)
            run = run_phase("extract", "--folder", str(folder), "--db", str(db), "--scheduler",
                            cluster.address)  # fmt: skip
            # Not children of the run: asked of the workers, less what start-up used.
            run["worker_cpu_seconds"] = round(cluster.worker_cpu_seconds() - started, 2)
            runs["dask"].append(run)
            dumps.setdefault("dask", dump(str(db)))
    same = dumps["jobs2"] == dumps["dask"]
    differing = len(set(dumps["jobs2"]) ^ set(dumps["dask"]))
    return {"articles": n, "runs": runs, "identical": same, "differing_lines": differing,
            "lines": len(dumps["jobs2"])}  # fmt: skip


# --- (b) resolution at 2,225 .. 17,800 ---------------------------------------------------


def part_b(cache: Path, work: Path, large: int) -> dict:
    results = {}
    for size in (s for s in SIZES if s <= large):
        db = work / f"b-{size}.db"
        shutil.copyfile(cache / "db" / f"{size}.db", db)
        print(f"[b] full resolution of {size} documents (twice) ...", flush=True)
        # The first resolution of a cached (schema 1) database also fills what later
        # schemas keep (candidate references, name keys, the lower-case index): timed
        # apart, so that the row is what every later resolution costs.
        first = run_phase("resolve", "--db", str(db))
        results[str(size)] = run_phase("resolve", "--db", str(db))
        results[str(size)]["first_seconds"] = first["seconds"]
        db.unlink()
    return results


# --- (c) one new article, (d) queries --------------------------------------------------------


def phase_restamp(folder: Path, db: Path) -> dict:
    """Mark a cached database's documents as made by this checkout's pipeline.

    The cache was built by an earlier commit; without this, a changed knowledge file
    would make ``extract`` redo all 17,800 documents instead of adding one. The key is
    the one ``extract`` would store now: the pipeline signature, the document's own
    date, and the digest of its corpus boilerplate. The copies share every line that no
    permuted name touches, so at 4 copies and more a quarter of their lines (those at an
    article's foot or short) are "furniture" by ``ingest/boilerplate.py``'s rule; keyed
    by the old signature alone, an "unchanged" re-run re-extracted the 70 % of documents
    holding such a line. The records stay those of the commit that built the cache
    (printed with the table). Direct SQL: the benchmark's own bookkeeping.
    """
    from corpusmine.ingest import FoundFile, discover, read_raw
    from corpusmine.ingest.boilerplate import find_boilerplate, line_keys
    from corpusmine.nlp import pipeline_signature
    from corpusmine.runner import _signature_with_metadata

    signature = pipeline_signature(None)
    read = {}
    for found in discover([str(folder)], follow_links=True):
        if isinstance(found, FoundFile):
            raw = read_raw(found)
            read[found.document_id] = (raw.sha256, raw.metadata, raw.body_lines())
    connection = sqlite3.connect(db)
    try:
        (old,) = connection.execute("SELECT pipeline FROM documents LIMIT 1").fetchone()
        stored = dict(connection.execute("SELECT id, sha256 FROM documents"))
        others = [
            line_keys(text)
            for ident, text in connection.execute("SELECT id, text FROM documents")
            if ident not in read
        ]
        furniture = find_boilerplate([lines for _, _, lines in read.values()] + others)
        keys = [
            (_signature_with_metadata(signature, meta.date, meta.date_source)
             + furniture.digest_of(lines), ident)
            for ident, (sha256, meta, lines) in read.items() if stored.get(ident) == sha256
        ]  # fmt: skip
        with connection:
            connection.executemany("UPDATE documents SET pipeline = ? WHERE id = ?", keys)
    finally:
        connection.close()
    return {
        "built_by": old.split("|")[0],
        "restamped": len(keys),
        "furniture_lines": len(furniture.keys),
        "with_furniture": sum("|bp:" in key for key, _ in keys),
    }


def trim(db: Path, keep: set[str]) -> None:
    """Delete every document but ``keep`` (the records go with them: ON DELETE CASCADE;
    the full-text index of lower-case words, a virtual table, by hand, as
    ``Store.delete_documents`` does: left there, it would count the deleted documents
    in the lower-case reading of every later resolution)."""
    connection = sqlite3.connect(db)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        ids = [row[0] for row in connection.execute("SELECT id FROM documents")]
        gone = [(i,) for i in ids if i not in keep]
        with connection:
            connection.executemany(
                "DELETE FROM lowercase_words WHERE rowid = (SELECT row FROM lowercase_rows"
                " WHERE document = ?)",
                gone,
            )
            connection.executemany("DELETE FROM lowercase_rows WHERE document = ?", gone)
            connection.executemany("DELETE FROM documents WHERE id = ?", gone)
        connection.execute("VACUUM")
    finally:
        connection.close()


# The article added in (c) at every size: real news from another corpus (PolNeAR dev, US
# politics), so that none of its lines stands in any BBC copy (see phase_restamp); stored
# under a name without a date, as the BBC files are. The other additions are BBC articles
# that are not among the 1,000 (at 1,000: news of the same outlet, the usual addition) and
# other PolNeAR dev articles at the large size (every BBC article is stored there).
NEW_ARTICLE = "polnear/dev/text/breitbart_2016-10-02_washington-post-hit-piece-exploi.txt"


def additions(corpus: Path, kept: set[Path], count: int, seed: int) -> dict[str, list[Path]]:
    """The articles added one at a time at each size (``count`` at each)."""
    first = corpus.parent / NEW_ARTICLE
    if not first.is_file():
        raise SystemExit(f"(c) needs {first}: the corpora folder beside --corpus")
    held_out = sorted(p for p in corpus.glob("*/*.txt") if p not in kept)
    others = sorted(p for p in first.parent.glob("*.txt") if p != first)
    pick = random.Random(seed)
    return {
        "small": [first, *pick.sample(held_out, min(count - 1, len(held_out)))],
        "large": [first, *pick.sample(others, min(count - 1, len(others)))],
    }


def place_article(source: Path, folder: Path, index: int) -> Path:
    """``source`` as the one file of ``folder``/new/, under an id of its own."""
    target = folder / "new" / f"{index:02d}-{source.stem[:40]}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return target


def part_c_d(
    corpus: Path, cache: Path, work: Path, parts: set[str], large: int, count: int, seed: int
) -> dict:
    """(c) each article added alone to a copy of the prepared database (so each addition
    is the first after a full resolution), against extracting it into an empty one;
    (d) the queries at the large size."""
    results: dict = {"restamped": {}, "additions": {}}
    # 1,000 documents: the first copy cut down (its records are what extracting those
    # 1,000 alone gives: extraction is per document and the corpus has no dates).
    kept = [p for p in subset(corpus, 1000)]
    ids = {f"c0/{p.parent.name}/{p.stem}" for p in kept}
    chosen = additions(corpus, set(kept), count, seed) if "c" in parts else {}
    setups = {}
    if "c" in parts:
        folder = work / "c-1000"
        link_corpus(kept, folder / "c0")
        db = work / "c-1000.db"
        shutil.copyfile(cache / "db" / "2225.db", db)
        trim(db, ids)
        setups["1000"] = (folder, db, chosen["small"])
    folder = work / f"c-{large}"
    folder.mkdir()
    for k in range(large // 2225):
        (folder / f"c{k}").symlink_to(cache / "corpus" / f"c{k}", target_is_directory=True)
    db = work / f"c-{large}.db"
    shutil.copyfile(cache / "db" / f"{large}.db", db)
    setups[str(large)] = (folder, db, chosen.get("large", []))
    for size, (folder, db, articles) in setups.items():
        results["restamped"][size] = run_phase("restamp", "--folder", str(folder), "--db", str(db))
        print(f"[c] {size} documents: resolve and report as stored (not timed) ...", flush=True)
        run_phase("prepare", "--db", str(db))
        if "c" not in parts:
            continue
        print(f"[c] {size} documents: unchanged re-run ...", flush=True)
        results[f"unchanged_{size}"] = run_phase(
            "extract", "--folder", str(folder), "--db", str(db)
        )
        rows = results["additions"][size] = []
        for index, source in enumerate(articles):
            alone = work / f"alone-{size}-{index}"
            place_article(source, alone, index)
            print(f"[c] {size} documents: {source.name} alone, then added ...", flush=True)
            by_itself = run_phase("extract", "--folder", str(alone), "--db", str(alone) + ".db")
            copy = work / f"c-{size}-added.db"
            shutil.copyfile(db, copy)
            (folder / "new").symlink_to(alone / "new", target_is_directory=True)
            try:
                added = run_phase("extract", "--folder", str(folder), "--db", str(copy))
            finally:
                (folder / "new").unlink()
            rows.append({"article": str(source.relative_to(corpus.parent)), "alone": by_itself,
                         "added": added})  # fmt: skip
    if "d" in parts:
        print(f"[d] queries at {large:,} documents ...", flush=True)
        results["queries"] = run_phase("queries", "--db", str(setups[str(large)][1]))["queries"]
    results["large"] = large
    return results


# --- the table ---------------------------------------------------------------------------


def report(results: dict, manifest: dict) -> None:
    print()
    print(f"== corpusmine bench-scale, code {results['code']}, {os.cpu_count()} cores ==")
    built = {size: (m["commit"], m["built"]) for size, m in manifest.get("sizes", {}).items()}
    print(f"cached databases built by: {built}")
    if "a" in results:
        a = results["a"]
        jobs2 = min(r["seconds"] for r in a["runs"]["jobs2"])
        dask = min(r["seconds"] for r in a["runs"]["dask"])
        print(f"\n(a) {a['articles']} BBC articles, fastest of {len(a['runs']['dask'])} "
              "alternating runs (workers restarted before each Dask run)")  # fmt: skip
        print(f"{'run':<34}{'seconds':>9}  every run")
        for name, key, best in (("extract --jobs 2", "jobs2", jobs2),
                                ("extract --scheduler (2 workers)", "dask", dask)):  # fmt: skip
            every = [round(r["seconds"], 1) for r in a["runs"][key]]
            cpu = [round(r["cpu_seconds"] + r["worker_cpu_seconds"], 1) for r in a["runs"][key]]
            print(f"{name:<34}{best:>9.2f}  {every}  CPU s (all processes) {cpu}")
            stored = [r.get("stored_seconds") for r in a["runs"][key]]
            print(f"{'':<34}{'':>9}  of which until the last document was stored: {stored}")
        verdict = "identical" if a["identical"] else f"{a['differing_lines']} lines differ"
        print(f"ratio Dask / --jobs 2: {dask / jobs2:.2f} (target <= 1.15); records: {verdict}"
              f" ({a['lines']} lines)")  # fmt: skip
    if "b" in results:
        print(
            "\n(b) full resolution (from scratch), own process; the second of two runs"
            " (the first also fills the tables newer schemas keep)"
        )
        print(f"{'documents':>10}{'seconds':>9}{'x prev':>8}{'peak RSS MB':>13}{'x prev':>8}"
              f"{'entities':>10}{'mentions':>10}{'first run s':>13}")  # fmt: skip
        previous = None
        for size in map(int, results["b"]):
            row = results["b"][str(size)]
            growth = mem = ""
            if previous:
                growth = f"{row['seconds'] / previous['seconds']:.2f}"
                mem = f"{row['peak_rss_mb'] / previous['peak_rss_mb']:.2f}"
            print(f"{size:>10,}{row['seconds']:>9.2f}{growth:>8}{row['peak_rss_mb']:>13.0f}"
                  f"{mem:>8}{row['entities']:>10,}{row['mentions']:>10,}"
                  f"{row.get('first_seconds', float('nan')):>13.2f}")  # fmt: skip
            previous = row
        print("  growth per doubling: target <= 2.1x")
    c = results.get("c_d", {})
    if c.get("additions"):
        print("\n(c) one new article added to a database just resolved in full, against extracting"
              " it into an empty one (whole `extract` run in its own process)")  # fmt: skip
        print(f"{'documents':>10}  {'article':<44}{'CPU s':>7}{'alone':>7}{'x alone':>8}"
              f"{'resolve':>9}{'RSS MB':>8}  path")  # fmt: skip
        for size, rows in c["additions"].items():
            for row in rows:
                added, alone = row["added"], row["alone"]
                ratio = added["cpu_seconds"] / alone["cpu_seconds"]
                print(f"{int(size):>10,}  {row['article'][-44:]:<44}{added['cpu_seconds']:>7.2f}"
                      f"{alone['cpu_seconds']:>7.2f}{ratio:>8.2f}"
                      f"{added.get('resolve_cpu_seconds', 0):>9.2f}{added['peak_rss_mb']:>8.0f}"
                      f"  {added.get('resolution_path') or '?'}")  # fmt: skip
        print(f"\n{'documents':>10}  {'which additions':<28}{'n':>4}{'median x alone':>16}"
              f"{'median resolve s':>18}")  # fmt: skip
        for size, rows in c["additions"].items():
            groups = {"all": rows}
            for row in rows:
                path = (row["added"].get("resolution_path") or "?").split(":")[0]
                groups.setdefault(f"path {path}", []).append(row)
            for label, group in groups.items():
                ratios = [r["added"]["cpu_seconds"] / r["alone"]["cpu_seconds"] for r in group]
                spent = [r["added"].get("resolve_cpu_seconds", 0) for r in group]
                print(
                    f"{int(size):>10,}  {label:<28}{len(group):>4}"
                    f"{statistics.median(ratios):>16.2f}{statistics.median(spent):>18.2f}"
                )
            unchanged = c.get(f"unchanged_{size}")
            if unchanged:
                print(f"{'':>10}  unchanged re-run: {unchanged['cpu_seconds']:.2f} CPU s")
        print(
            "  target: added <= 1.2x alone (CPU s, the process's own: the machine is shared);"
            " resolve: CPU s inside the run; path: attached (resolve/attach.py) or full, and why"
        )
        for size, stamp in c.get("restamped", {}).items():
            print(f"  note ({int(size):,}): cached records made by pipeline {stamp['built_by']},"
                  f" {stamp['restamped']:,} restamped as current ({stamp['with_furniture']:,} with"
                  f" corpus furniture, {stamp['furniture_lines']:,} furniture lines)")  # fmt: skip
    if "queries" in c:
        print(f"\n(d) queries at {c['large']:,} documents (own work in process, best of 3)")
        for name, timing in c["queries"].items():
            flag = "" if timing["query_ms"] < 200 else "  over 200 ms"
            print(f"  {name:<22}{timing['query_ms']:>9.1f} ms  exit {timing['exit_code']}{flag}")


def main() -> None:
    global SRC
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="a,b,c,d", help="which parts to run")
    parser.add_argument("--n", type=int, default=300, help="articles for part (a)")
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs in part (a)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--src", type=Path, default=SRC, help="the src/ folder to measure")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--large", type=int, choices=SIZES, default=SIZES[-1], help="size used in (c) and (d)"
    )
    parser.add_argument("--build-only", action="store_true", help="only build the cache")
    parser.add_argument("--additions", type=int, default=5, help="articles added in (c), each size")
    parser.add_argument("--seed", type=int, default=1, help="which articles (c) adds")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        child_main(args)
        return
    SRC = args.src.resolve()
    if not (args.corpus / "business").is_dir():
        raise SystemExit(f"BBC corpus not found at {args.corpus}; pass --corpus DIR")
    parts = set(args.only.split(","))
    # Part (a) needs no cached database: it must not start (or wait for) a build.
    needs_cache = args.build_only or bool(parts & {"b", "c", "d"})
    manifest = build_cache(args.corpus, args.cache, args.large) if needs_cache else {}
    if args.build_only:
        print(json.dumps(manifest, indent=2))
        return
    results: dict = {"code": str(SRC) if SRC != ROOT / "src" else git_commit()}
    with tempfile.TemporaryDirectory(prefix="corpusmine-scale-") as tmp:
        work = Path(tmp)
        if "a" in parts:
            results["a"] = part_a(args.corpus, work, args.n, args.repeat)
        if "b" in parts:
            results["b"] = part_b(args.cache, work, args.large)
        if parts & {"c", "d"}:
            results["c_d"] = part_c_d(args.corpus, args.cache, work, parts, args.large,
                                      args.additions, args.seed)  # fmt: skip
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"results": results, "manifest": manifest}, indent=2))
    report(results, manifest)
    print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
