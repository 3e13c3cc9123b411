"""Would an exact incremental path be taken? (issue 17 item 2, measured before building it)

Usage:
    python benchmarks/additions.py [DATABASE] [--corpus DIR] [--n 1000] [--sample 20] [--seed 1]

Without DATABASE, ``--n`` articles of the corpus (an even spread) are extracted into one
first (``--jobs 2``).

The incremental design under study: when a run only adds documents, keep every stored
mention's entity, attach the new mentions to at most one existing entity each (or make
new ones), rebuild only the entities they touch, and fall back to full resolution when
any corpus-wide decision the stored entities depend on flips. That path is exact for an
addition only if full resolution with the new document leaves the stored documents'
resolution as it was. This benchmark measures that ceiling: for ``--sample`` articles of
the corpus that are not in DATABASE (extracted once into a side database), full
resolution of DATABASE's records with and without the article (in process, by
``resolve_corpus``), and which of these hold:

- partition: the stored mentions are grouped into entities exactly as before (no
  stored entity split, none merged with another);
- untouched: every entity the new document does not name (not among its documents)
  is the same record (id, name, type, aliases, roles, affiliations, mentions,
  documents);
- found: the names found untagged in stored documents are the same;
- speakers: stored quotes' speakers and claims' subjects name the same entity (through
  the entity map of the partition);

An addition for which all hold could take a fast path (which rebuilds the entities the
new mentions join, and renumbers the rows of those whose id changes: counted apart);
any other needs full resolution.
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


def verdict(before: Resolution, after: Resolution, new: str) -> dict[str, str]:
    """The checks of the module docstring that fail, each with an example."""
    failed: dict[str, str] = {}
    old_rows = set(before.mention_entity)
    # partition: old entity -> the new entity of its rows, one-to-one
    image: dict[str, set[str]] = {}
    for row in old_rows:
        image.setdefault(before.mention_entity[row], set()).add(after.mention_entity.get(row, "-"))
    split = [e for e, targets in image.items() if len(targets) > 1]
    targets = Counter(next(iter(t)) for t in image.values() if len(t) == 1)
    merged = [t for t, n in targets.items() if n > 1]
    lost = sorted(set(after.mention_entity) & old_rows ^ old_rows)
    if split or merged or lost:
        names = {e.id: e.name for e in (*before.entities, *after.entities)}
        example = [f"{names[e]!r} split" for e in split[:2]]
        example += [
            " + ".join(repr(names[e]) for e, t in image.items() if t == {m}) + " merged"
            for m in merged[:2]
        ]
        failed["partition"] = (
            f"{len(split)} split, {len(merged)} merged, {len(lost)} dropped ({'; '.join(example)})"
        )
    mapping = {e: next(iter(t)) for e, t in image.items() if len(t) == 1}
    # Touched: an entity the new document names (mentions, found names, descriptions,
    # quoted roles): a fast path rebuilds these.
    touched = {e.id for e in after.entities if new in e.documents}
    old_entities = {e.id: e for e in before.entities}
    changed = []
    fields: Counter[str] = Counter()
    for entity in after.entities:
        if entity.id in touched:
            continue
        old = old_entities.get(entity.id)
        if old != entity:
            changed.append(entity.name)
            if old is None:
                fields["(new id)"] += 1
            else:
                fields.update(f for f in vars(entity) if getattr(old, f) != getattr(entity, f))
    if changed:
        listed = ", ".join(f"{f} {n}" for f, n in sorted(fields.items()))
        failed["untouched"] = f"{len(changed)} entities changed ({listed}), e.g. {changed[:3]}"
    found_before = {(m.document, m.start, m.end) for m, _ in before.found_mentions}
    found_after = {
        (m.document, m.start, m.end) for m, _ in after.found_mentions if m.document != new
    }
    if found_before != found_after:
        failed["found"] = f"+{len(found_after - found_before)} -{len(found_before - found_after)}"
    moved = sum(
        mapping.get(speaker, speaker) != after.quote_speaker.get(row)
        for row, speaker in before.quote_speaker.items()
    ) + sum(
        tuple(mapping.get(x, x) if x else x for x in pair) != after.claim_subject.get(row)
        for row, pair in before.claim_subject.items()
    )
    moved += sum(row not in before.quote_speaker for row in after.quote_speaker if row < OFFSET)
    if moved:
        failed["speakers"] = f"{moved} stored quotes/claims name another entity"
    return failed


def renamed(before: Resolution, after: Resolution) -> int:
    """Stored entities whose id changes (their rows are renumbered by a fast path that
    rebuilds the entities it touches; not a reason to fall back)."""
    image: dict[str, set[str]] = {}
    for row, entity in before.mention_entity.items():
        image.setdefault(entity, set()).add(after.mention_entity.get(row, "-"))
    return sum(len(t) == 1 and entity not in t for entity, t in image.items())


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
    print(f"== additions to {args.database}: {len(stored):,} documents, "
          f"{args.sample} articles of {args.corpus} (seed {args.seed}) ==")  # fmt: skip
    print(f"full resolution: {full:.2f} CPU s")
    header = f"{'article':<26}{'new mentions':>13}{'touched':>9}{'new id':>8}"
    print(f"{header}  fast path? (what flips)")
    taken = 0
    reasons: Counter[str] = Counter()
    for path in chosen:
        document = f"new/{path.parent.name}/{path.stem}"
        extra = only(side, document)
        after = resolve(base, extra)
        failed = verdict(before, after, document)
        rows = [r for r, _ in extra["mentions"] if r in after.mention_entity]
        touched = len({after.mention_entity[r] for r in rows})
        taken += not failed
        reasons.update(failed.keys())
        what = "yes" if not failed else "no: " + "; ".join(f"{k} {v}" for k, v in failed.items())
        ids = renamed(before, after)
        print(f"{document:<26}{len(rows):>13}{touched:>9}{ids:>8}  {what}", flush=True)
    print(f"\nfast path possible for {taken} of {len(chosen)} additions")
    for reason, n in reasons.most_common():
        print(f"  {reason}: fails for {n}")


if __name__ == "__main__":
    sys.exit(main())
