"""The gate of incremental resolution: do the guards admit only additions that change
nothing stored? (issue 17 item 2)

Usage:
    python benchmarks/additions.py [DATABASE] [--corpus DIR] [--n 1000] [--sample 20] [--seed 1]

Without DATABASE, ``--n`` articles of the corpus (an even spread) are extracted into one
first (``--jobs 2``).

The incremental design: when a run only adds documents, keep every stored document's
resolution, resolve the new ones against it and rebuild the entities they touch; fall
back to full resolution when any corpus-wide decision the stored documents depend on
may flip. For ``--sample`` articles of the corpus that are not in DATABASE (extracted
once into a side database) this runs, in process:

- the guards (``resolve.guards.check_addition``, against the census of DATABASE's
  records): admit, or fall back and why;
- full resolution of DATABASE's records with and without the article, and the gate
  (``resolve.gate.stored_changes``): partition, untouched entities, names found in
  stored texts, stored speakers.

An admitted addition whose full resolution changes anything stored is printed UNSOUND
and makes the exit status 1: the guards must never admit one. "new id" counts stored
entities whose id changes (a rebuilt entity renamed; not a reason to fall back).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpusmine.resolve import resolve_corpus
from corpusmine.resolve.corpus import Resolution
from corpusmine.resolve.gate import renamed, stored_changes
from corpusmine.resolve.guards import census, check_addition
from corpusmine.runner import run_extract
from corpusmine.store import Store
from extract import DEFAULT_CORPUS, link_corpus, subset

OFFSET = 10_000_000  # row ids of the side database's records, kept apart from the stored


def records(store: Store, offset: int = 0) -> dict:
    return {
        "texts": dict(store.document_texts()),
        "mentions": [(r + offset, m) for r, m in store.mention_records()],
        "quotes": [(r + offset, q) for r, q in store.quote_records()],
        "claims": [(r + offset, c) for r, c in store.claim_records()],
        "candidates": store.candidate_references(),
        "sentences": store.sentence_spans(),
        "aliases": store.stored_aliases(),
    }


def only(side: dict, document: str) -> dict:
    return {
        "texts": {document: side["texts"][document]},
        "mentions": [(r, m) for r, m in side["mentions"] if m.document == document],
        "quotes": [(r, q) for r, q in side["quotes"] if q.document == document],
        "claims": [(r, c) for r, c in side["claims"] if c.document == document],
        "candidates": {d: c for d, c in side["candidates"].items() if d == document},
        "sentences": {d: s for d, s in side["sentences"].items() if d == document},
    }


def resolve(base: dict, extra: dict | None = None) -> Resolution:
    inputs = {k: (dict(v) if isinstance(v, dict) else list(v)) for k, v in base.items()}
    for k, v in (extra or {}).items():
        if isinstance(v, dict):
            inputs[k].update(v)
        else:
            inputs[k] += v
    return resolve_corpus(
        inputs["texts"], inputs["mentions"], inputs["quotes"], inputs["claims"],
        inputs["aliases"], inputs["candidates"], inputs["sentences"],
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", nargs="?")
    parser.add_argument("--n", type=int, default=1000, help="articles, without DATABASE")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-additions-"))
    if args.database is None:
        args.database = str(work / "stored.db")
        folder = link_corpus(subset(args.corpus, args.n), work / "stored")
        run_extract([str(folder)], args.database, jobs=2, follow_links=True)
    with Store(args.database, create=False) as store:
        stored = {d.id for d in store.documents()}
        base = records(store)
        names = {d.split("/", 1)[-1] for d in stored}
        candidates = sorted(
            p for p in args.corpus.glob("*/*.txt") if f"{p.parent.name}/{p.stem}" not in names
        )
        chosen = random.Random(args.seed).sample(candidates, args.sample)
        for path in chosen:
            link = work / "corpus" / "new" / path.parent.name / path.name
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(path)
        run_extract([str(work / "corpus")], work / "side.db", follow_links=True)
        with Store(work / "side.db", create=False) as side_store:
            side = records(side_store, OFFSET)
        started = time.process_time()
        before = resolve(base)
        full = time.process_time() - started
        started = time.process_time()
        state = census(base["texts"], base["mentions"], base["quotes"], base["claims"],
                       base["candidates"], base["aliases"], store.lowercase_counts,
                       before)  # fmt: skip
        census_time = time.process_time() - started
        print(f"== additions to {args.database}: {len(stored):,} documents, "
              f"{args.sample} articles of {args.corpus} (seed {args.seed}) ==")  # fmt: skip
        print(f"full resolution: {full:.2f} CPU s; census of the stored corpus: "
              f"{census_time:.2f} CPU s")  # fmt: skip
        header = f"{'article':<26}{'new mentions':>13}{'touched':>9}{'new id':>8}{'guards s':>9}"
        print(f"{header}  guards -> full resolution")
        possible = admitted = unsound = 0
        reasons: Counter[str] = Counter()
        held: Counter[str] = Counter()
        guard_time = 0.0
        for path in chosen:
            document = f"new/{path.parent.name}/{path.stem}"
            extra = only(side, document)
            started = time.process_time()
            guards = check_addition(state, extra["texts"], extra["mentions"],
                                    extra["candidates"], every=True)  # fmt: skip
            spent = time.process_time() - started
            guard_time += spent
            after = resolve(base, extra)
            failed = stored_changes(before, after, {document},
                                    [r for r, _ in base["quotes"]],
                                    [r for r, _ in base["claims"]])  # fmt: skip
            rows = [r for r, _ in extra["mentions"] if r in after.mention_entity]
            touched = len({after.mention_entity[r] for r in rows})
            possible += not failed
            admitted += guards.admitted
            unsound += guards.admitted and bool(failed)
            reasons.update(failed.keys())
            held.update(guards.failed.keys())
            said = (
                "admit"
                if guards.admitted
                else "fall back: " + "; ".join(f"{k} {v}" for k, v in guards.failed.items())
            )
            what = (
                "same"
                if not failed
                else "differs: " + "; ".join(f"{k} {v}" for k, v in failed.items())
            )
            flag = "  UNSOUND" if guards.admitted and failed else ""
            ids = renamed(before, after)
            print(f"{document:<26}{len(rows):>13}{touched:>9}{ids:>8}{spent:>9.2f}  "
                  f"{said} -> {what}{flag}", flush=True)  # fmt: skip
    print(f"\nstored resolution unchanged (fast path possible) for {possible} of {len(chosen)}")
    print(
        f"guards admit {admitted} of {len(chosen)}; admitted but changed: {unsound} "
        f"(must be 0); guards {guard_time / len(chosen):.2f} CPU s per addition"
    )
    for reason, n in reasons.most_common():
        print(f"  full resolution changes {reason}: {n}")
    for guard, n in held.most_common():
        print(f"  guard {guard} fails: {n}")
    return 1 if unsound else 0


if __name__ == "__main__":
    sys.exit(main())
