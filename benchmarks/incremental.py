"""How far one new document reaches in a stored corpus, by name key (issue 17 item 2).

Usage: python benchmarks/incremental.py DATABASE [--sample 20] [--seed 1]

For a sample of stored documents, each taken as if it were the new one, prints how many
other documents share a name key with it (by kind of key: ``resolve.keys``) and how many
its transitive closure holds. Incremental resolution can re-run the passes over a subset
only where the subset is closed; this table says how big that subset is on a real corpus.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from corpusmine.resolve.incremental import closure, reach
from corpusmine.resolve.keys import KeyKind
from corpusmine.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
