"""Benchmark: who is who across real news, on ECB+ topics 1-35 (issue 13).

Each topic folder of ``../shared/corpora/ecbplus`` is extracted on its own (both
sub-topics together, as a user holding the story would) into a temporary database. Each
gold name mention is aligned to the predicted entity mention of its document that
overlaps it most, if that covers at least half of the gold span; the gold mentions are
then clustered by the predicted entity and scored against the gold ``instance``:

- B-cubed precision, recall and F1 over the gold mentions (unaligned ones are singletons);
- cross-document links: pairs of gold mentions in different documents, recall (gold
  pairs predicted together) and precision (predicted pairs that are gold);
- gold mentions with no aligned mention, and how many of them are descriptions around
  a name (gold ``name_head`` false: "a bank in Athens") rather than names;
- the same scores for the baseline that clusters aligned mentions by their lower-cased
  text within a topic;
- the ten worst merges (predicted entities holding several gold instances) and splits
  (gold instances spread over several predicted entities), with their names.

Run: ``python benchmarks/entities.py [--topics 1,3,5] [--jobs 2] [--keep DIR]
[--resolve-only] [--json FILE]``. ``--keep`` keeps each topic's database in DIR;
``--resolve-only`` re-runs only resolution over the databases kept there (no NLP), to
measure a change to ``resolve/`` quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus"
if not CORPUS.exists():  # a worktree sits one level deeper than the main checkout
    CORPUS = Path("/work/shared/corpora/ecbplus")


@dataclass(frozen=True)
class Predicted:
    document: str
    start: int
    end: int
    text: str
    entity: str  # topic-qualified entity id
    name: str  # the entity's canonical name


@dataclass(frozen=True)
class Gold:
    topic: str
    document: str
    start: int
    end: int
    text: str
    instance: str
    name_head: bool = True  # False: a description with a name inside ("a bank in Athens")


def extract_topic(topic: str, keep: str | None, resolve_only: bool) -> list[Predicted]:
    """Extract (or only re-resolve) one topic; its entity mentions with their entities."""
    from corpusmine.runner import resolve_store, run_extract
    from corpusmine.store import Store

    folder = CORPUS / topic
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(keep or scratch) / f"topic-{topic}.db"
        with Store(path) as store:
            if resolve_only and path.exists():
                resolve_store(store)
            else:
                run_extract([str(folder)], store, jobs=1)
            names = {e.id: e.name for e in store.entities()}
            found = [
                Predicted(m.document, m.start, m.end, m.text, f"{topic}:{m.entity_id}",
                          names.get(m.entity_id, "?"))
                for m in store.mentions()
                if m.entity_id
            ]  # fmt: skip
    return found


def load_gold(topics: Iterable[str]) -> list[Gold]:
    data = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    wanted = set(topics)
    gold = []
    for name, document in sorted(data["documents"].items()):
        if document["topic"] not in wanted:
            continue
        for mention in document["mentions"]:
            gold.append(
                Gold(document["topic"], name, mention["start"], mention["end"], mention["text"],
                     mention["instance"], bool(mention.get("name_head", True)))
            )  # fmt: skip
    return gold


def align(gold: list[Gold], predicted: list[Predicted]) -> list[Predicted | None]:
    """For each gold mention, the predicted mention overlapping it most (>= half its span)."""
    by_doc: dict[str, list[Predicted]] = defaultdict(list)
    for mention in predicted:
        by_doc[mention.document].append(mention)
    aligned: list[Predicted | None] = []
    for mention in gold:
        best, best_overlap = None, 0
        for candidate in by_doc.get(mention.document, ()):
            overlap = min(candidate.end, mention.end) - max(candidate.start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = candidate, overlap
        aligned.append(best if best_overlap * 2 >= mention.end - mention.start else None)
    return aligned


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    link_recall: float
    link_precision: float
    unaligned: int
    total: int


def score(gold: list[Gold], clusters: list[str]) -> Scores:
    """B-cubed and cross-document link scores of ``clusters`` (one key per gold mention)."""
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for i, (mention, key) in enumerate(zip(gold, clusters, strict=True)):
        by_gold[f"{mention.topic}:{mention.instance}"].append(i)
        by_pred[key].append(i)
    gold_of = {i: k for k, members in by_gold.items() for i in members}
    pred_of = {i: k for k, members in by_pred.items() for i in members}
    precision = recall = 0.0
    for i in range(len(gold)):
        predicted, truth = by_pred[pred_of[i]], by_gold[gold_of[i]]
        both = sum(1 for j in predicted if gold_of[j] == gold_of[i])
        precision += both / len(predicted)
        recall += both / len(truth)
    n = len(gold) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    gold_links = predicted_links = right = 0
    for members in by_gold.values():
        gold_links += _cross_pairs([gold[i].document for i in members])
        for key in {pred_of[i] for i in members}:
            right += _cross_pairs([gold[i].document for i in members if pred_of[i] == key])
    for members in by_pred.values():
        predicted_links += _cross_pairs([gold[i].document for i in members])
    unaligned = sum(1 for key in clusters if key.startswith("unaligned:"))
    return Scores(precision, recall, f1, right / (gold_links or 1),
                  right / (predicted_links or 1), unaligned, len(gold))  # fmt: skip


def _cross_pairs(documents: list[str]) -> int:
    """Pairs of items in different documents."""
    counts = Counter(documents)
    total = sum(counts.values())
    return (total * total - sum(c * c for c in counts.values())) // 2


def worst(gold: list[Gold], aligned: list[Predicted | None], top: int = 10) -> tuple[list, list]:
    """The worst merges and splits, by the number of wrong (missing) pairs."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in gold:
        names[f"{mention.topic}:{mention.instance}"][mention.text] += 1
    members: dict[str, list[tuple[str, Predicted | None]]] = defaultdict(list)
    for mention, predicted in zip(gold, aligned, strict=True):
        members[f"{mention.topic}:{mention.instance}"].append((mention.text, predicted))
    merges = []
    by_entity: dict[str, Counter[str]] = defaultdict(Counter)
    entity_name: dict[str, str] = {}
    for mention, predicted in zip(gold, aligned, strict=True):
        if predicted is not None:
            by_entity[predicted.entity][f"{mention.topic}:{mention.instance}"] += 1
            entity_name[predicted.entity] = predicted.name
    for entity, instances in by_entity.items():
        if len(instances) < 2:
            continue
        total = sum(instances.values())
        wrong = (total * total - sum(c * c for c in instances.values())) // 2
        parts = [f"{names[i].most_common(1)[0][0]} x{c}" for i, c in instances.most_common(4)]
        merges.append(
            (wrong, f"{entity.split(':')[0]}: {entity_name[entity]!r} = " + " + ".join(parts))
        )
    splits = []
    for instance, items in members.items():
        pieces: Counter[str] = Counter()
        for text, predicted in items:
            pieces[predicted.name if predicted else f"(unaligned) {text}"] += 1
        if len(pieces) < 2:
            continue
        total = len(items)
        missing = (total * total - sum(c * c for c in pieces.values())) // 2
        label = names[instance].most_common(1)[0][0]
        parts = [f"{name!r} x{c}" for name, c in pieces.most_common(5)]
        splits.append((missing, f"{instance.split(':')[0]}: {label!r} -> " + ", ".join(parts)))
    merges.sort(key=lambda item: (-item[0], item[1]))
    splits.sort(key=lambda item: (-item[0], item[1]))
    return merges[:top], splits[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", help="comma-separated topic numbers (default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", help="keep each topic's database in this folder")
    parser.add_argument("--resolve-only", action="store_true")
    parser.add_argument("--json", help="write the scores to this file")
    args = parser.parse_args()
    topics = sorted(
        args.topics.split(",") if args.topics else [p.name for p in CORPUS.iterdir() if p.is_dir()],
        key=int,
    )
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    predicted: list[Predicted] = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for found in pool.map(
            extract_topic, topics, [args.keep] * len(topics), [args.resolve_only] * len(topics)
        ):
            predicted += found
    seconds = time.perf_counter() - started
    gold = load_gold(topics)
    aligned = align(gold, predicted)
    ours = [p.entity if p else f"unaligned:{i}" for i, p in enumerate(aligned)]
    baseline = [
        f"{g.topic}:{p.text.lower()}" if p else f"unaligned:{i}"
        for i, (g, p) in enumerate(zip(gold, aligned, strict=True))
    ]
    rows = {"corpusmine": score(gold, ours), "lower-cased exact string": score(gold, baseline)}
    label = (
        f"ECB+ topics {topics[0]}-{topics[-1]}" if not args.topics else f"ECB+ topics {args.topics}"
    )
    print(f"| {label} ({len(topics)} topics) | corpusmine | lower-cased exact string |")
    print("| --- | --- | --- |")
    a, b = rows["corpusmine"], rows["lower-cased exact string"]
    for name, attr in (
        ("B-cubed precision", "precision"),
        ("B-cubed recall", "recall"),
        ("B-cubed F1", "f1"),
        ("cross-document link recall", "link_recall"),
        ("cross-document link precision", "link_precision"),
    ):
        print(f"| {name} | {getattr(a, attr):.3f} | {getattr(b, attr):.3f} |")
    print(f"| gold name mentions with no aligned mention | {a.unaligned} of {a.total:,} "
          f"({a.unaligned / (a.total or 1):.1%}) | |")  # fmt: skip
    described = sum(1 for g, p in zip(gold, aligned, strict=True) if p is None and not g.name_head)
    headed = sum(1 for g in gold if g.name_head)
    print(
        f"| of which descriptions around a name (gold name_head false) | {described} of "
        f"{len(gold) - headed:,} | |"
    )
    print(f"| of which names (gold name_head true) | {a.unaligned - described} of {headed:,} "
          f"({(a.unaligned - described) / (headed or 1):.1%}) | |")  # fmt: skip
    merges, splits = worst(gold, aligned)
    print("\nTen worst merges (wrong pairs: predicted entity = gold instances):")
    for wrong, text in merges:
        print(f"  {wrong:5d}  {text}")
    print("\nTen worst splits (missing pairs: gold instance -> predicted pieces):")
    for missing, text in splits:
        print(f"  {missing:5d}  {text}")
    print(f"\n{len(topics)} topics, {len(gold)} gold mentions, {seconds:.0f} s")
    if args.json:
        Path(args.json).write_text(
            json.dumps({k: v.__dict__ for k, v in rows.items()}, indent=2), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
