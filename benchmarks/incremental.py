"""Incremental resolution on a real corpus (issue 17 item 2): one document's reach by name
key, and whether adding documents in steps gives what one run gives.

Usage:
    python benchmarks/incremental.py reach DATABASE [--sample 20] [--seed 1]
    python benchmarks/incremental.py steps [--corpus DIR] [--n 300] [--steps 3] [--jobs 2]

``reach``: for a sample of stored documents, each taken as if it were the new one, how
many other documents share a name key with it (by kind of key: ``resolve.keys``) and
how many its transitive closure holds: re-running the passes over a subset can equal a
full run only where the subset is closed, and this says how big that subset is.

``steps``: ``--n`` articles of the BBC corpus (``../shared/corpora/bbc``, read through
links), by category folder, extracted in one run and again in ``--steps`` runs (each
adding a share of the folders to the last, in another order), then the latter
``--force-resolve``d. Prints, per table of ``dump_records``, the rows that differ and in
which fields: what resolution decides (entities, mention -> entity, quote speakers,
claim subjects) must not differ at all.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpusmine.resolve.incremental import closure, reach
from corpusmine.resolve.keys import KeyKind
from corpusmine.store import Store
from dump_records import dump
from extract import DEFAULT_CORPUS, link_corpus, subset

# Columns that say where a file lay, not what was found in it.
PLACE = {"path"}
# What resolution decides, by table: these fields must be identical between the runs.
RESOLVED = {
    "entities": None,  # every field
    "entity_words": None,
    "mentions": {"entity_id"},
    "quotes": {"speaker_id"},
    "claims": {"subject_id", "speaker_id"},
}
# Rows are matched by these fields (row ids differ between runs); other tables by the
# whole row.
IDENTITY = {
    "documents": ("sha256",),
    "mentions": ("document", "start", "end", "label", "text"),
    "quotes": ("document", "start", "end", "kind"),
    "claims": ("document", "start", "end", "attribute", "value"),
}


def main_reach(args: argparse.Namespace) -> None:
    with Store(args.database, create=False) as store:
        if not store.name_keys_complete():
            raise SystemExit(f"{args.database}: no name keys yet; run extract or resolve once")
        documents = sorted(d.id for d in store.documents())
        sample = random.Random(args.seed).sample(documents, min(args.sample, len(documents)))
        rows = []
        for document in sample:
            started = time.perf_counter()
            found = reach(store, [document])
            seconds = time.perf_counter() - started
            rows.append((found, seconds, len(closure(store, [document]))))
    total = len(documents)
    print(f"== one document's reach by name key: {args.database}, {total:,} documents ==")
    print(f"{'measure':<34}{'median':>10}{'max':>10}{'share (median)':>16}")

    def line(label: str, values: list[float], share: bool = True) -> None:
        median = statistics.median(values)
        ratio = f"{median / total:>15.1%}" if share else f"{'':>15}"
        print(f"{label:<34}{median:>10.0f}{max(values):>10.0f} {ratio}")

    line("keys of the document", [len(r.keys) for r, _, _ in rows], share=False)
    for kind in KeyKind:
        line(f"documents sharing a {kind.value} key", [len(r.by_kind[kind]) for r, _, _ in rows])
    line("documents sharing any key", [len(r.documents) for r, _, _ in rows])
    line("transitive closure", [c for _, _, c in rows])
    median_ms = statistics.median(s for _, s, _ in rows) * 1000
    print(f"{'look-up time (ms)':<34}{median_ms:>10.1f}")


def extract(folder: Path, db: Path, args: argparse.Namespace, *extra: str) -> float:
    command = [sys.executable, "-m", "corpusmine.cli", "extract", str(folder), "--db", str(db),
               "--quiet", "--jobs", str(args.jobs), "--follow-links", *extra]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - started


def rows_by_table(path: Path) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {}
    for line in dump(str(path)):
        table, _, record = line.partition("\t")
        tables.setdefault(table, []).append(json.loads(record))
    return tables


def compare(a: Path, b: Path) -> list[tuple[str, int, int, dict[str, int]]]:
    """(table, rows, rows differing, differing field -> rows) for every table that differs
    (index tables of SQLite's full-text search are storage, not records: skipped)."""
    left, right = rows_by_table(a), rows_by_table(b)
    out = []
    for table in sorted(set(left) | set(right)):
        if table.startswith("lowercase_"):
            continue
        keyed: list[dict[object, dict]] = []
        for rows in (left.get(table, []), right.get(table, [])):
            index: dict[object, dict] = {}
            for row in rows:
                fields = IDENTITY.get(table)
                key = (
                    tuple(row.get(f) for f in fields) if fields else json.dumps(row, sort_keys=True)
                )
                index[key] = {k: v for k, v in row.items() if k not in PLACE}
            keyed.append(index)
        fields: Counter[str] = Counter()
        differing = 0
        for key in set(keyed[0]) | set(keyed[1]):
            x, y = keyed[0].get(key), keyed[1].get(key)
            if x == y:
                continue
            differing += 1
            if x is None or y is None:
                fields["(row only on one side)"] += 1
                continue
            for field in set(x) | set(y):
                if x.get(field) != y.get(field):
                    fields[field] += 1
        if differing:
            out.append((table, len(left.get(table, [])), differing, dict(fields)))
    return out


def resolution_differs(differences: list[tuple[str, int, int, dict[str, int]]]) -> bool:
    for table, _, _, fields in differences:
        if table in RESOLVED:
            wanted = RESOLVED[table]
            if wanted is None or wanted & set(fields) or "(row only on one side)" in fields:
                return True
    return False


def main_steps(args: argparse.Namespace) -> None:
    files = subset(args.corpus, args.n)
    if not files:
        raise SystemExit(f"{args.corpus}: no articles (*/*.txt) here; give --corpus")
    work = Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    folder = link_corpus(files, work / "corpus")
    parts = sorted(p.name for p in folder.iterdir())
    order = parts[len(parts) // 2 :] + parts[: len(parts) // 2]  # another order than A-Z
    groups = [order[k :: args.steps] for k in range(args.steps)]
    (work / "all").mkdir()
    (work / "steps").mkdir()
    for name in parts:
        (work / "all" / name).symlink_to(folder / name)
    seconds = {"one run": extract(work / "all", work / "all.db", args)}
    for k, group in enumerate(groups, start=1):
        for name in group:
            (work / "steps" / name).symlink_to(folder / name)
        seconds[f"step {k}: + {', '.join(group)}"] = extract(
            work / "steps", work / "steps.db", args
        )
    print(f"== incremental steps: {args.n} articles of {args.corpus}, work in {work} ==")
    for label, s in seconds.items():
        print(f"  {label}: {s:.1f} s")
    for name in ("all", "steps"):
        with Store(work / f"{name}.db", create=False) as store:
            counts = ", ".join(f"{n:,} {table}" for table, n in store.counts().items())
        print(f"  {name}.db: {len(files)} articles given; {counts}")
    one_vs_steps = compare(work / "all.db", work / "steps.db")
    seconds["force"] = extract(work / "steps", work / "steps.db", args, "--force-resolve")
    forced_vs_one = compare(work / "all.db", work / "steps.db")
    for title, differences in (
        ("one run vs steps", one_vs_steps),
        ("one run vs steps, then --force-resolve", forced_vs_one),
    ):
        print(f"\n{title}:")
        print(f"{'table':<22}{'rows':>8}{'differ':>8}  fields")
        for table, rows, differing, fields in differences:
            listed = ", ".join(f"{f} {n}" for f, n in sorted(fields.items()))
            print(f"{table:<22}{rows:>8}{differing:>8}  {listed}")
        verdict = "DIFFERS" if resolution_differs(differences) else "identical"
        print(f"resolution (entities, mention -> entity, speakers, subjects): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("reach", help="one document's reach by name key")
    p.add_argument("database")
    p.add_argument("--sample", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    p = commands.add_parser("steps", help="one run against runs in steps")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--n", type=int, default=300)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.command == "reach":
        main_reach(args)
    else:
        main_steps(args)


if __name__ == "__main__":
    main()
