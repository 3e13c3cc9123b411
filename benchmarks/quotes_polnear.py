"""Benchmark: who said what on PolNeAR (real US political news), corpusmine beside textacy.

Definitions (issue 12):

- A gold attribution is an ``E`` line of the first annotator's file per article, with its
  Content, Cue and Source. **Direct**: its Content starts or ends with a quote mark.
  **Speech**: its Cue is a verb of saying (``SPEECH_CUES``), quoted or not.
- **Found**: the records of that document together cover at least half of the Content's
  characters (a discontinuous Content counts only its pieces).
- **Speaker right**: found, and a record overlapping the Content names, in ``speaker`` or
  ``speaker_mention``, a name word of the gold Source. A pronoun Source ("he", "who")
  stands for the nearest earlier named Source of the article; for a description ("the
  newspaper", "his spokesman") that earlier name is accepted too.
- **Precision**: the share of records of which at least half lies inside one gold Content
  (of any attribution, speech or not).

corpusmine runs as a user runs it (``corpusmine extract`` then ``who-said --format json``,
so ``speaker`` is the resolved entity name); textacy 0.13's ``direct_quotations`` runs on
corpusmine's pipeline. ``--quick`` instead parses once into a cache and calls
``extract_quotes`` in-process (``speaker`` is then the document's own name for the
speaker): for iterating on a slice of ``train``; ``--misses FILE`` writes every miss.

Run: ``python benchmarks/quotes_polnear.py [--split dev] [--limit N] [--offset K]
[--no-textacy] [--quick] [--misses FILE] [--json FILE] [--records FILE]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpora/polnear")

# Double marks and curly single marks; a straight "'" at an edge is mostly an apostrophe.
QUOTE_MARKS = '"\u201c\u201d\u2018\u2019'
# The verbs of saying of the definition, as words of the Cue (so "has said" and
# "said:" count, "saying" does not).
SPEECH_CUES = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "stated",
        "wrote",
        "claimed",
        "argued",
        "insisted",
        "noted",
        "explained",
        "announced",
        "warned",
        "suggested",
        "asked",
        "replied",
        "declared",
    ]
)
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "who",
        "him",
        "her",
        "them",
        "us",
        "me",
        "which",
        "that",
        "his",
        "hers",
        "its",
        "their",
    ]
)
# Words that never identify a speaker on their own.
NOT_NAME = PRONOUNS | frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "s",
        "mr",
        "mrs",
        "ms",
        "dr",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "one",
        "another",
        "other",
        "several",
        "many",
        "most",
    ]
)
_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Gold:
    """One gold attribution: Content pieces (character offsets into the .txt), its Source
    and Cue, and the names a speaker may be given to be right."""

    pieces: tuple[tuple[int, int], ...]
    content: str
    source: str
    source_start: int
    cue: str
    names: frozenset[str]  # accepted name words (after pronoun / description fallback)

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.pieces)

    @property
    def direct(self) -> bool:
        text = self.content.strip()
        return bool(text) and (text[0] in QUOTE_MARKS or text[-1] in QUOTE_MARKS)

    @property
    def speech(self) -> bool:
        words = {w.lower() for w in _WORD.findall(self.cue)}
        return bool(words & SPEECH_CUES) or "according to" in self.cue.lower()


@dataclass(frozen=True)
class Record:
    """One system record: its span in the original text and how it names the speaker."""

    start: int
    end: int
    speaker: str
    mention: str
    kind: str = ""
    method: str = ""  # the rule that made it, and its confidence (--quick only)
    confidence: float = 0.0


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    right: int = 0

    def row(self) -> tuple[float, float]:
        return (
            self.found / self.gold if self.gold else 0.0,
            self.right / self.gold if self.gold else 0.0,
        )


@dataclass
class Score:
    direct: Tally = field(default_factory=Tally)
    speech: Tally = field(default_factory=Tally)
    records: int = 0
    on_gold: int = 0
    empty_documents: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.on_gold / self.records if self.records else 0.0


def name_words(text: str) -> frozenset[str]:
    return (
        frozenset(w.lower() for w in _WORD.findall(text.replace("\u2019s", "").replace("'s", "")))
        - NOT_NAME
    )


def is_named(source: str) -> bool:
    """A Source that names someone: a capitalised word that is not a pronoun or article."""
    return any(w[0].isupper() and w.lower() not in NOT_NAME for w in _WORD.findall(source))


def is_pronoun(source: str) -> bool:
    words = [w.lower() for w in _WORD.findall(source)]
    return bool(words) and all(w in PRONOUNS for w in words)


def read_gold(ann: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = tuple(
                (int(a), int(b)) for a, b in (p.split() for p in offsets.split(";") if p.strip())
            )
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    raw: list[tuple[tuple[tuple[int, int], ...], str, int, str]] = []
    for roles in events:
        pieces: list[tuple[int, int]] = []
        for role, ref in roles.items():
            if role.startswith("Content") and ref in spans:
                pieces.extend(spans[ref][1])
        if not pieces:
            continue
        source, source_start = "", -1
        if "Source" in roles and roles["Source"] in spans:
            source_pieces = spans[roles["Source"]][1]
            source = " ".join(text[a:b] for a, b in source_pieces)
            source_start = source_pieces[0][0]
        cue = ""
        if "Cue" in roles and roles["Cue"] in spans:
            cue = " ".join(text[a:b] for a, b in spans[roles["Cue"]][1])
        raw.append((tuple(sorted(pieces)), source, source_start, cue))
    named = sorted((s_start, s) for _, s, s_start, _ in raw if s and is_named(s))
    gold = []
    for pieces, source, source_start, cue in raw:
        names = set(name_words(source))
        if source and not is_named(source):
            # A pronoun or description: the nearest earlier named Source stands in.
            at = source_start if source_start >= 0 else pieces[0][0]
            earlier = [s for start, s in named if start < at]
            if earlier:
                names |= name_words(earlier[-1])
        content = " ".join(text[a:b] for a, b in pieces)
        gold.append(Gold(pieces, content, source, source_start, cue, frozenset(names)))
    return gold


def load_split(
    split: str, limit: int | None, offset: int, every: int = 1
) -> list[tuple[Path, list[Gold]]]:
    folder = CORPUS / split
    texts = sorted((folder / "text").glob("*.txt"))[offset::every]
    if limit:
        texts = texts[:limit]
    articles = []
    for path in texts:
        anns = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        articles.append((path, read_gold(anns[0], text)))
    return articles


# --- scoring --------------------------------------------------------------------------


def covered(pieces: Iterable[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> int:
    total = 0
    for a, b in pieces:
        marks = bytearray(b - a)
        for s, e in spans:
            lo, hi = max(a, s), min(b, e)
            if lo < hi:
                marks[lo - a : hi - a] = b"\x01" * (hi - lo)
        total += sum(marks)
    return total


def overlaps(record: Record, gold: Gold) -> bool:
    return any(record.start < b and a < record.end for a, b in gold.pieces)


def judge(gold: Gold, records: Sequence[Record]) -> tuple[bool, bool]:
    """(found, speaker right) for one gold attribution."""
    spans = [(r.start, r.end) for r in records]
    found = gold.size > 0 and covered(gold.pieces, spans) * 2 >= gold.size
    if not found:
        return False, False
    right = any(
        overlaps(r, gold) and (name_words(r.speaker) | name_words(r.mention)) & gold.names
        for r in records
    )
    return True, bool(right)


def on_gold(record: Record, golds: Sequence[Gold]) -> bool:
    size = record.end - record.start
    if size <= 0:
        return False
    return any(covered([(record.start, record.end)], g.pieces) * 2 >= size for g in golds)


def score(
    articles: Sequence[tuple[Path, list[Gold]]],
    records: dict[str, list[Record]],
    misses: list[dict] | None = None,
) -> Score:
    result = Score()
    for path, golds in articles:
        mine = records.get(path.stem, [])
        if not mine:
            result.empty_documents.append(path.stem)
        text = path.read_text(encoding="utf-8") if misses is not None else ""
        for gold in golds:
            tallies = [
                t for t, on in ((result.direct, gold.direct), (result.speech, gold.speech)) if on
            ]
            if not tallies:
                continue
            found, right = judge(gold, mine)
            for tally in tallies:
                tally.gold += 1
                tally.found += found
                tally.right += right
            if misses is not None and not right:
                near = [r for r in mine if overlaps(r, gold)]
                misses.append(
                    {
                        "doc": path.stem,
                        "class": "direct" if gold.direct else "speech",
                        "verdict": "wrong-speaker" if found else "missed",
                        "content": gold.content[:300],
                        "start": gold.pieces[0][0],
                        "source": gold.source,
                        "names": sorted(gold.names),
                        "cue": gold.cue,
                        "context": text[max(0, gold.pieces[0][0] - 150) : gold.pieces[-1][1] + 120],
                        "records": [(r.start, r.end, r.kind, r.speaker, r.mention) for r in near],
                    }
                )
        for record in mine:
            result.records += 1
            good = on_gold(record, golds)
            result.on_gold += good
            if misses is not None and not good:
                misses.append(
                    {
                        "doc": path.stem,
                        "class": "record",
                        "verdict": "not-on-gold",
                        "content": text[record.start : record.end][:300],
                        "start": record.start,
                        "kind": record.kind,
                        "speaker": record.speaker,
                    }
                )
    return result


# --- systems --------------------------------------------------------------------------


def run_corpusmine_cli(paths: Sequence[Path]) -> dict[str, list[Record]]:
    """corpusmine as a user runs it: extract into a fresh database, then who-said JSON."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", "from corpusmine.cli import main; main()"]
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "polnear.db")
        done = subprocess.run(
            [*command, "extract", *map(str, paths), "--db", db, "--jobs", "1"],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode not in (0, 1):
            raise SystemExit(f"corpusmine extract failed: {done.stderr.strip()[-500:]}")
        print(" ".join(done.stdout.split())[-300:], file=sys.stderr)
        out = subprocess.run(
            [*command, "who-said", "--format", "json", "--db", db],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
    records: dict[str, list[Record]] = {}
    for row in json.loads(out.stdout or "[]"):
        records.setdefault(row["document"], []).append(
            Record(row["start"], row["end"], row["speaker"] or "", row["speaker_mention"] or "",
                   row["kind"])
        )  # fmt: skip
    return records


def _parsed(paths: Sequence[Path], cache: Path | None):
    """(path, source, doc) per article with corpusmine's pipeline, cached by text and code
    of the NLP stage when ``cache`` is given."""
    from spacy.tokens import DocBin

    from corpusmine.ingest import discover, read_document
    from corpusmine.nlp import build_pipeline

    nlp = None
    for path in paths:
        (found,) = list(discover([str(path)]))
        source = read_document(found)
        doc = None
        key = hashlib.sha256(source.clean.encode()).hexdigest()[:20]
        cached = cache / f"{key}.spacy" if cache else None
        if nlp is None:
            nlp = build_pipeline(None)
        if cached is not None and cached.exists():
            doc = next(DocBin().from_disk(cached).get_docs(nlp.vocab))
        if doc is None:
            doc = nlp(source.clean)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                DocBin(store_user_data=True, docs=[doc]).to_disk(cached)
        yield path, source, doc


def run_in_process(
    parsed, with_textacy: bool = True
) -> tuple[dict[str, list[Record]], dict[str, list[Record]]]:
    """corpusmine's extract_quotes and (unless told not to) textacy's direct_quotations on
    the same Docs."""
    from corpusmine.extract.quotes import extract_quotes

    mine: dict[str, list[Record]] = {}
    theirs: dict[str, list[Record]] = {}
    for path, source, doc in parsed:
        mine[path.stem] = [
            Record(q.start, q.end, q.speaker_text, q.speaker_text, q.kind, q.method, q.confidence)
            for q in extract_quotes(doc, source)
        ]
        if with_textacy:
            theirs[path.stem] = textacy_records(doc, source)
    return mine, theirs


def textacy_records(doc, source) -> list[Record]:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy gives up on a document whose marks do not pair up
        return []
    records = []
    for triple in triples:
        content = [t for t in triple.content if not t.is_quote]
        if not content:
            continue
        start = content[0].idx
        end = content[-1].idx + len(content[-1].text)
        start, end = source.offsets.span_to_original(start, end)
        speaker = " ".join(t.text for t in triple.speaker)
        records.append(Record(start, end, speaker, speaker, "direct"))
    return records


# --- output ---------------------------------------------------------------------------


def table(split: str, articles, scores: dict[str, Score]) -> str:
    first = next(iter(scores.values()))
    names = list(scores)
    lines = [
        f"| PolNeAR {split} ({len(articles)} articles) | " + " | ".join(names) + " |",
        "| --- |" + " --- |" * len(names),
    ]
    direct, speech = first.direct.gold, first.speech.gold
    rows = [
        (f"direct quotes found ({direct})", lambda s: s.direct.row()[0]),
        (f"direct quotes, speaker right (of all {direct})", lambda s: s.direct.row()[1]),
        (f"reported speech with a speech verb found ({speech})", lambda s: s.speech.row()[0]),
        (f"reported speech, speaker right (of all {speech})", lambda s: s.speech.row()[1]),
        ("precision: records lying on a real attribution", lambda s: s.precision),
    ]
    for label, value in rows:
        lines.append(f"| {label} | " + " | ".join(f"{value(scores[n]):.2f}" for n in names) + " |")
    lines.append(
        "| records (articles with none) | "
        + " | ".join(f"{scores[n].records} ({len(scores[n].empty_documents)})" for n in names)
        + " |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="only this many articles")
    parser.add_argument("--offset", type=int, default=0, help="skip this many articles first")
    parser.add_argument(
        "--every", type=int, default=1, help="every Nth article (a slice across outlets)"
    )
    parser.add_argument("--no-textacy", action="store_true")
    parser.add_argument(
        "--quick", action="store_true", help="in-process extract_quotes on cached parses"
    )
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "polnear-docs"))
    parser.add_argument("--misses", default=None, help="write every miss to this JSON file")
    parser.add_argument("--json", default=None, help="also write the numbers to this file")
    parser.add_argument(
        "--records", default=None, help="write every corpusmine record (to diff two runs)"
    )
    args = parser.parse_args(argv)

    if not (CORPUS / args.split).exists():
        print(f"PolNeAR not found at {CORPUS}; see ../shared/corpora/polnear", file=sys.stderr)
        return 2
    articles = load_split(args.split, args.limit, args.offset, args.every)
    paths = [p for p, _ in articles]
    scores: dict[str, Score] = {}
    misses: list[dict] | None = [] if args.misses else None
    if args.quick:
        mine, theirs = run_in_process(_parsed(paths, Path(args.cache)), not args.no_textacy)
    else:
        mine = run_corpusmine_cli(paths)
        theirs = {}
        if not args.no_textacy:
            theirs = {
                path.stem: textacy_records(doc, source)
                for path, source, doc in _parsed(paths, None)
            }
    scores["corpusmine"] = score(articles, mine, misses)
    if not args.no_textacy:
        scores["textacy 0.13"] = score(articles, theirs)
    print(table(args.split, articles, scores))
    empty = scores["corpusmine"].empty_documents
    if empty:
        print(f"articles with no corpusmine record: {', '.join(empty)}")
    if args.misses:
        Path(args.misses).write_text(json.dumps(misses, indent=1), encoding="utf-8")
        print(f"misses: {Counter((m['class'], m['verdict']) for m in misses)}")
    if args.records:
        rows = [
            [doc, r.start, r.end, r.kind, r.speaker, r.mention, r.method, r.confidence]
            for doc in sorted(mine)
            for r in sorted(mine[doc], key=lambda r: (r.start, r.end, r.kind, r.speaker))
        ]
        Path(args.records).write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    if args.json:
        numbers = {
            name: {
                "direct": s.direct.__dict__, "speech": s.speech.__dict__,
                "records": s.records, "on_gold": s.on_gold, "precision": s.precision,
                "empty_documents": s.empty_documents,
            }
            for name, s in scores.items()
        }  # fmt: skip
        Path(args.json).write_text(json.dumps(numbers, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
