"""Benchmark: corpusmine's quote attribution beside textacy's ``direct_quotations``.

Both run on the five seed documents, on the same spaCy ``Doc`` (corpusmine's pipeline,
so the same model and sentence boundaries). textacy gives up on a whole document when
its quote marks do not pair up; that is caught per document and reported "gave up".
Both are scored against a gold list written by reading the seeds
(``benchmarks/gold/seed_quotes.yaml``): a system statement matches a gold entry when its
text starts with the entry's first words; its attribution is right when every gold
speaker is named among the speakers it gives (titles and a leading "the" ignored).

Run: ``.venv/bin/python benchmarks/quotes_textacy.py [--seeds DIR] [--model NAME]
[--json FILE]``. Needs textacy in the virtualenv (``pip install "textacy>=0.13"``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpusmine.extract.quotes import extract_quotes  # noqa: E402
from corpusmine.ingest import discover, read_document  # noqa: E402
from corpusmine.nlp import build_pipeline  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "seed_quotes.yaml"
IGNORED_WORDS = {"cllr", "councillor", "mr", "mrs", "ms", "dr", "the", "a", "an", "for", "of"}
SYSTEMS = ("textacy", "corpusmine")


@dataclass(frozen=True)
class Found:
    """One statement a system found: its text and every speaker it names."""

    text: str
    speakers: tuple[str, ...]
    kind: str = "direct"


@dataclass
class Score:
    found: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0
    never: int = 0  # statements given to a word that is never a speaker ("councillors")
    by_kind: Counter[str] = field(default_factory=Counter)


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).lower().strip(" \"'")


def name_words(name: str) -> set[str]:
    words = re.findall(r"[a-z0-9']+", norm(name).replace("'s", ""))
    return {w for w in words if w not in IGNORED_WORDS}


def names(gold_speaker: str, speakers: tuple[str, ...]) -> bool:
    wanted = name_words(gold_speaker)
    return any(wanted <= name_words(s) for s in speakers)


def run_textacy(doc) -> tuple[list[Found], str | None]:
    """textacy's direct quotations, or the reason it gave up on the document."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:  # corpusmine's column still counts without it
        return [], "textacy not installed"

    try:
        triples = list(direct_quotations(doc))
    except Exception as error:  # textacy raises ValueError on unpaired marks
        return [], f"{type(error).__name__}: {str(error).split(';')[0]}"
    found = []
    for triple in triples:
        content = [t for t in triple.content if not t.is_quote]
        text = doc[content[0].i : content[-1].i + 1].text if content else ""
        speaker = " ".join(t.text for t in triple.speaker)
        found.append(Found(text, (speaker,)))
    return found, None


def run_corpusmine(doc, source) -> list[Found]:
    """corpusmine's quotes, one ``Found`` per statement with all its speakers."""
    grouped: dict[tuple[int, int, str], list[str]] = {}
    for quote in extract_quotes(doc, source):
        grouped.setdefault((quote.start, quote.end, quote.kind), []).append(quote.speaker_text)
    return [
        Found(source.text[start:end], tuple(speakers), kind)
        for (start, end, kind), speakers in sorted(grouped.items())
    ]


def judge(entry: dict, found: list[Found]) -> str:
    """``right``, ``wrong`` or ``missed`` for one gold entry."""
    start = norm(entry["starts"])
    matches = [f for f in found if norm(f.text).startswith(start)]
    if not matches:
        return "missed"
    ok = any(all(names(s, f.speakers) for s in entry["speakers"]) for f in matches)
    return "right" if ok else "wrong"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", default=None, help="also write the numbers to this file")
    args = parser.parse_args(argv)

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    never = [w.lower() for w in gold.get("never_speakers", ())]
    nlp = build_pipeline(args.model)
    totals = {s: Score() for s in SYSTEMS}
    verdicts: dict[str, dict[int, str]] = {s: {} for s in SYSTEMS}
    report: dict = {"documents": []}
    print(f"{'document':24} {'system':10} {'found':>5} {'speakers':>8} {'gold':>4} "
          f"{'right':>5} {'wrong':>5} {'missed':>6} {'never':>5}  note")  # fmt: skip
    for item in discover([args.seeds]):
        source = read_document(item)
        doc = nlp(source.clean)
        entries = [(i, e) for i, e in enumerate(gold["quotes"]) if source.id.startswith(e["doc"])]
        textacy_found, gave_up = run_textacy(doc)
        results = {"textacy": textacy_found, "corpusmine": run_corpusmine(doc, source)}
        row = {"document": source.id, "textacy_gave_up": gave_up}
        for system in SYSTEMS:
            found = results[system]
            score = totals[system]
            counts = Counter()
            for index, entry in entries:
                verdict = judge(entry, found)
                verdicts[system][index] = verdict
                counts[verdict] += 1
                if verdict == "right":
                    score.by_kind[entry["kind"]] += 1
            bad = [s for f in found for s in f.speakers if norm(s) in never]
            score.found += len(found)
            score.right += counts["right"]
            score.wrong += counts["wrong"]
            score.missed += counts["missed"]
            score.never += len(bad)
            speakers = len({norm(s) for f in found for s in f.speakers})
            note = "gave up: " + gave_up if system == "textacy" and gave_up else ""
            right, wrong, missed = counts["right"], counts["wrong"], counts["missed"]
            print(
                f"{source.id:24} {system:10} {len(found):5} {speakers:8} {len(entries):4} "
                f"{right:5} {wrong:5} {missed:6} {len(bad):5}  {note}"
            )
            row[system] = {"found": len(found), "speakers": speakers, "never": len(bad), **counts}
        report["documents"].append(row)

    print()
    kinds = sorted({e["kind"] for e in gold["quotes"]})
    per_kind = Counter(e["kind"] for e in gold["quotes"])
    print(
        f"gold statements: {len(gold['quotes'])} ({', '.join(f'{per_kind[k]} {k}' for k in kinds)})"
    )
    for system in SYSTEMS:
        score = totals[system]
        kind_text = ", ".join(f"{k} {score.by_kind[k]}/{per_kind[k]}" for k in kinds)
        print(f"{system:10} found {score.found:3}  right {score.right:3}  wrong {score.wrong:3}  "
              f"missed {score.missed:3}  never-speaker {score.never}  ({kind_text})")  # fmt: skip
        report[system] = {**score.__dict__, "by_kind": dict(score.by_kind)}
    regressions = [
        gold["quotes"][i]
        for i, verdict in verdicts["textacy"].items()
        if verdict == "right" and verdicts["corpusmine"].get(i) != "right"
    ]
    print(f"textacy right but corpusmine not: {len(regressions)}")
    for entry in regressions:
        print(f"  {entry['doc']}: {entry['starts']!r} -> {entry['speakers']}")
    report["textacy_right_corpusmine_not"] = regressions
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 1 if regressions else 0


if __name__ == "__main__":
    raise SystemExit(main())
