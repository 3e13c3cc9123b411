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
and makes the exit status 1: the guards must never admit one. For every addition the
fast path (``resolve.attach``) takes, its resolution is compared with full resolution's
(entities, mention links, quote speakers, claim subjects, names found): any difference
is printed DIFFERS, UNSOUND, and makes the exit status 1. "new id" counts stored
entities whose id changes (a rebuilt entity renamed; not a reason to fall back).

For every addition that leaves the stored resolution as it was, the last table says what
a fast path would have to reproduce (``attach_profile``): where full resolution puts the
new mentions (a stored entity, a new one), whether the simplest attach rule (the one
stored entity of the mention's label and text) names the same entity, which fields of
the stored entities they join change, how the new quotes find their speakers, and how
many names resolution finds in the new text. Each such addition's line ends with why it
is outside the simplest class (every new mention named by its name, the stored entities
changing only in counts and documents), or says it is inside.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpusmine.records import Mention
from corpusmine.resolve import resolve_corpus
from corpusmine.resolve.attach import attach
from corpusmine.resolve.corpus import Resolution
from corpusmine.resolve.gate import renamed, stored_changes
from corpusmine.resolve.guards import census, check_addition
from corpusmine.resolve.names import straighten
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


ATTACH_FIELDS = ("name", "id", "type", "aliases", "roles", "affiliations", "mentions", "documents")


def attach_profile(
    before: Resolution, after: Resolution, base: dict, extra: dict, document: str
) -> dict[str, Counter[str]]:
    """What a fast path must reproduce for an addition that leaves the stored resolution
    as it was (the gate passed): where full resolution puts the new mentions, which
    fields of the stored entities they join change, how the new quotes find their
    speakers, and the names found in the new text. ``rule`` is the simplest attach: a new
    mention whose label and text are those of stored mentions all in one entity joins
    that entity (right / wrong against full resolution)."""
    image: dict[str, set[str]] = {}
    for row, entity in before.mention_entity.items():
        image.setdefault(entity, set()).add(after.mention_entity.get(row, "-"))
    mapping = {old: next(iter(new)) for old, new in image.items() if len(new) == 1}
    stored_targets = set(mapping.values())
    by_name: dict[tuple[str, str], set[str]] = {}
    for row, mention in base["mentions"]:
        if row in before.mention_entity:
            key = (mention.label, straighten(mention.text))
            by_name.setdefault(key, set()).add(before.mention_entity[row])
    out: dict[str, Counter[str]] = {"mentions": Counter(), "rule": Counter(),
                                    "fields": Counter(), "quotes": Counter(),
                                    "class": Counter()}  # fmt: skip
    new_rows: dict[int, Mention] = dict(extra["mentions"])
    for row, mention in new_rows.items():
        actual = after.mention_entity.get(row)
        if actual is None:
            out["mentions"]["no entity"] += 1
            continue
        out["mentions"]["joins a stored entity" if actual in stored_targets else "new entity"] += 1
        owners = by_name.get((mention.label, straighten(mention.text)), set())
        if len(owners) == 1:
            predicted = mapping.get(next(iter(owners)))
            out["rule"]["right" if predicted == actual else "wrong"] += 1
        elif actual in stored_targets:
            out["rule"]["joins stored, no unique name"] += 1
        elif owners:
            out["rule"]["new entity, name ambiguous"] += 1
    old_by_id = {e.id: e for e in before.entities}
    reverse = {new: old for old, new in mapping.items()}
    touched = {after.mention_entity[r] for r in new_rows if r in after.mention_entity}
    for entity in after.entities:
        if entity.id in touched and entity.id in reverse:
            old = old_by_id[reverse[entity.id]]
            changed = [f for f in ATTACH_FIELDS if getattr(old, f) != getattr(entity, f)]
            out["fields"].update(changed or ["(none)"])
            out["fields"]["touched stored entities"] += 1
    for row, quote in extra["quotes"]:
        speaker = after.quote_speaker.get(row)
        if speaker is None:
            out["quotes"]["no speaker"] += 1
            continue
        spanned = {
            after.mention_entity.get(r)
            for r, m in new_rows.items()
            if m.start < quote.speaker_end and quote.speaker_start < m.end
        }
        how = "by a new mention's span" if speaker in spanned else "by key, title or role"
        out["quotes"][how] += 1
    out["quotes"]["found names in the new text"] += sum(
        m.document == document for m, _ in after.found_mentions
    )
    for row, _ in extra["claims"]:
        found = row in after.claim_subject
        out["quotes"]["claims with a subject" if found else "claims without"] += 1
    # The simplest class: every new mention with an entity joins the one stored entity
    # of its name, and the entities it joins change only in counts and documents.
    outside = [
        f"{n} {what}"
        for what, n in (
            ("named wrongly by the rule", out["rule"]["wrong"]),
            ("joining by other evidence", out["rule"]["joins stored, no unique name"]),
            ("in new entities", out["mentions"]["new entity"]),
        )
        if n
    ]
    outside += [f"{f} changed" for f in ATTACH_FIELDS if f not in ("mentions", "documents")
                and out["fields"][f]]  # fmt: skip
    out["class"]["outside" if outside else "every mention by its name, counts only"] += 1
    out["outside"] = Counter(outside)
    return out


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
        profiles: dict[str, Counter[str]] = {}
        taken = wrong = 0
        refusals: Counter[str] = Counter()
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
            simple = ""
            if not failed:
                profile = attach_profile(before, after, base, extra, document)
                reasons_out = profile.pop("outside")
                for part, counts in profile.items():
                    profiles.setdefault(part, Counter()).update(counts)
                simple = " (attach: " + (", ".join(reasons_out) or "by name, counts only") + ")"
            fast, refused = attach(state, before, guards, extra["quotes"], extra["claims"],
                                   extra["sentences"], base["aliases"])  # fmt: skip
            differs = _differences(fast, after) if fast is not None else []
            taken += fast is not None
            wrong += bool(differs)
            if fast is not None:
                simple += "; fast path: " + ("DIFFERS " + ", ".join(differs) if differs
                                             else "equal to full resolution")  # fmt: skip
            elif guards.admitted:
                simple += f"; fast path refused: {refused}"
                refusals[re.sub(r"(?<!\w)'[^']*'", "'…'", refused.split(": ", 1)[-1])[:70]] += 1
            flag = "  UNSOUND" if (guards.admitted and failed) or differs else ""
            ids = renamed(before, after)
            print(f"{document:<26}{len(rows):>13}{touched:>9}{ids:>8}{spent:>9.2f}  "
                  f"{said} -> {what}{simple}{flag}", flush=True)  # fmt: skip
    print(f"\nstored resolution unchanged (fast path possible) for {possible} of {len(chosen)}")
    print(
        f"guards admit {admitted} of {len(chosen)}; admitted but changed: {unsound} "
        f"(must be 0); guards {guard_time / len(chosen):.2f} CPU s per addition"
    )
    for reason, n in reasons.most_common():
        print(f"  full resolution changes {reason}: {n}")
    for guard, n in held.most_common():
        print(f"  guard {guard} fails: {n}")
    print(f"fast path (resolve/attach.py) takes {taken} of {len(chosen)}; different from full "
          f"resolution: {wrong} (must be 0)")  # fmt: skip
    for reason, n in refusals.most_common():
        print(f"  admitted, refused by attach: {reason}: {n}")
    print(f"\nwhat a fast path must reproduce, over the {possible} additions the gate passes:")
    for part, counts in profiles.items():
        print(f"  {part}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
    return 1 if unsound or wrong else 0


def _differences(fast: Resolution, full: Resolution) -> list[str]:
    """The parts of the fast path's resolution that are not full resolution's."""
    found = [f for f in ("mention_entity", "quote_speaker", "claim_subject", "found_mentions")
             if getattr(fast, f) != getattr(full, f)]  # fmt: skip
    if fast.entities != full.entities:
        theirs = set(full.entities)
        found.append("entities " + ", ".join(repr(e.name) for e in fast.entities
                                             if e not in theirs)[:200])  # fmt: skip
    return found


if __name__ == "__main__":
    sys.exit(main())
