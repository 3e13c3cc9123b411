"""Benchmark of minutes reading: recognition, attendance and decisions.

Three sources, scored by the same measures:

1. ``../shared/corpora/london_council``: 54 eScribe meetings of a city council and its
   committees (Markdown), scored against the open-council scraper's ``structured/*.json``
   (attendance lists; every ``Motion`` with mover, seconder, vote rows and result).
2. The seed ``seeds/002_*`` and the passages of ``benchmarks/gold/minutes_passages.yaml``
   (invented minutes in other house styles: parish paragraphs, committee minutes,
   eScribe-like numbered items), each with its expected attendance and decisions.
3. Articles that must never be minutes: the BBC corpus and PolNeAR's texts.

Measures: minutes recognised (share of meetings whose ``kind`` is ``minutes``);
attendance precision / recall / F1 per status over (name, status) pairs, names
compared without titles ("Mayor", "Councillor", "Cllr") or punctuation; motions found
(a gold motion is found when a decision's span overlaps its text); mover and seconder
right (over gold motions that name one; a missed motion counts wrong); outcome right;
vote counts right (over gold motions with a count). Extraction reads the ingested
document (blocks and text); no spaCy model is needed.

Run: ``PYTHONPATH=src python benchmarks/minutes.py [--london DIR] [--limit N]
[--no-articles]``. Writes ``benchmarks/results/minutes.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpusmine.ingest import document_from_text, find_boilerplate, line_keys  # noqa: E402

try:  # the reader does not exist before issue 14: every extraction measure is then 0
    from corpusmine.extract.minutes import read_meeting  # noqa: E402
except ImportError:  # pragma: no cover - the "before" run
    read_meeting = None

CORPORA = ROOT.parent.parent / "shared" / "corpora"
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")
LONDON = CORPORA / "london_council"
PASSAGES = ROOT / "benchmarks" / "gold" / "minutes_passages.yaml"
RESULTS = ROOT / "benchmarks" / "results"
STATUSES = ("present", "apologies", "absent", "also_present", "remote")
JSON_STATUS = {
    "present": "present",
    "absent": "absent",
    "also_present": "also_present",
    "remote_attendance": "remote",
}
_TITLES = re.compile(
    r"^(?:his worship the |her worship the )?(?:deputy mayor|town mayor|mayor|councillors?|"
    r"cllrs?\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|vice[- ]chair(?:man)?|chair(?:man)?|"
    r"commissioner|alderman)\s+",
    re.IGNORECASE,
)


def norm_name(name: str) -> str:
    """A name without titles, punctuation or case: "Mayor J. Morgan" -> "j morgan"."""
    name = " ".join(name.replace("\u00a0", " ").split())
    while True:
        stripped = _TITLES.sub("", name)
        if stripped == name:
            break
        name = stripped
    return " ".join(re.sub(r"[^a-z ]", "", name.lower().replace(".", " ")).split())


def norm_text(text: str) -> tuple[str, list[int]]:
    """Text with white space collapsed and markup dropped, and each character's offset."""
    out, offsets = [], []
    previous_space = True
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "*>#|":
            if not previous_space:
                out.append(" ")
                offsets.append(i)
                previous_space = True
            continue
        out.append(ch)
        offsets.append(i)
        previous_space = False
    return "".join(out), offsets


@dataclass
class GoldMotion:
    text: str
    mover: str | None
    seconder: str | None
    outcome: str
    votes_for: int | None
    votes_against: int | None
    start: int = -1
    end: int = -1


@dataclass
class Meeting:
    name: str
    text: str
    path: str
    attendance: set[tuple[str, str]]
    motions: list[GoldMotion]


@dataclass
class Tally:
    documents: int = 0
    recognised: int = 0
    attendance_tp: Counter[str] = field(default_factory=Counter)
    attendance_fp: Counter[str] = field(default_factory=Counter)
    attendance_fn: Counter[str] = field(default_factory=Counter)
    motions: int = 0
    located: int = 0
    found: int = 0
    movers: int = 0
    movers_right: int = 0
    seconders: int = 0
    seconders_right: int = 0
    outcomes: int = 0
    outcomes_right: int = 0
    counts: int = 0
    counts_right: int = 0
    decisions: int = 0
    misses: list[str] = field(default_factory=list)


def _person(string: str | None) -> str | None:
    if not string:
        return None
    name = re.sub(r"^(?:motion\s+)?(?:moved|made|seconded)\s+by\s+", "", string.strip(), flags=re.I)
    name = re.sub(r"^motion made by\s+", "", name, flags=re.I)
    return name.strip() or None


def _outcome(result: str) -> str:
    lowered = result.lower()
    if "passed" in lowered:
        return "carried"
    if "failed" in lowered or "no majority" in lowered:
        return "lost"
    if "majority winner:" in lowered and lowered.split(":", 1)[1].strip():
        return "carried"
    return "unknown"


def london_meetings(folder: Path, limit: int | None) -> list[Meeting]:
    meetings = []
    for md in sorted((folder / "minutes").glob("*.md"))[:limit]:
        gold = json.loads((folder / "structured" / f"{md.stem}.json").read_text())
        attendance = {
            (norm_name(n), JSON_STATUS[key])
            for key in JSON_STATUS
            for n in gold.get(key) or []
            if n.strip()
        }
        motions: list[GoldMotion] = []

        def walk(items: dict[str, Any], motions: list[GoldMotion] = motions) -> None:
            for item in items.values():
                for content in item.get("content") or []:
                    if content.get("__class__") != "Motion":
                        continue
                    texts = [t["string"] for t in content.get("motion_texts") or []]
                    result = (content.get("result") or {}).get("string", "")
                    counts = re.search(r"\((\d+) to (\d+)\)", result)
                    rows = {r["vote"]: r["voters"] for r in content["vote"]["rows"]}
                    votes_for = int(counts.group(1)) if counts else None
                    votes_against = int(counts.group(2)) if counts else None
                    if votes_for is None and "Yeas:" in rows:
                        votes_for, votes_against = len(rows["Yeas:"]), len(rows.get("Nays:", []))
                    motions.append(
                        GoldMotion(
                            text=texts[0] if texts else "",
                            mover=_person((content.get("moved_by") or {}).get("string")),
                            seconder=_person((content.get("seconded_by") or {}).get("string")),
                            outcome=_outcome(result),
                            votes_for=votes_for,
                            votes_against=votes_against,
                        )
                    )
                walk(item.get("items") or {}, motions)

        walk(gold.get("items") or {})
        text = md.read_text(encoding="utf-8")
        _locate(text, motions)
        meetings.append(Meeting(md.stem, text, str(md), attendance, motions))
    return meetings


def _locate(text: str, motions: list[GoldMotion]) -> None:
    """Character span of each gold motion's first paragraph, searched in document order."""
    normal, offsets = norm_text(text)
    cursor = 0
    for motion in motions:
        needle = norm_text(motion.text)[0].strip()
        if not needle:
            continue
        for probe in (needle, needle[:60]):
            at = normal.find(probe, cursor)
            if at < 0:
                at = normal.find(probe)
            if at >= 0:
                motion.start = offsets[at]
                motion.end = offsets[at + len(probe) - 1] + 1
                cursor = at + len(probe)
                break


def passage_meetings() -> list[Meeting]:
    data = yaml.safe_load(PASSAGES.read_text(encoding="utf-8"))
    meetings = []
    for entry in data["passages"]:
        meetings.append(_expected(entry["name"], entry["text"], entry))
    seed = next((ROOT / "seeds").glob("002_*.txt"))
    meetings.append(_expected("seed 002", seed.read_text(encoding="utf-8"), data["seed_002"]))
    return meetings


def _expected(name: str, text: str, entry: dict[str, Any]) -> Meeting:
    attendance = {
        (norm_name(n), status)
        for status, names in (entry.get("attendance") or {}).items()
        for n in names
    }
    motions = []
    for d in entry.get("decisions") or []:
        gold = GoldMotion(
            text=d["text"],
            mover=d.get("mover"),
            seconder=d.get("seconder"),
            outcome=d.get("outcome", "unknown"),
            votes_for=d.get("for"),
            votes_against=d.get("against"),
        )
        at = text.find(d["text"])
        if at < 0:
            raise SystemExit(f"{PASSAGES}: {name}: decision text not in passage: {d['text']!r}")
        gold.start, gold.end = at, at + len(d["text"])
        motions.append(gold)
    return Meeting(name, text, f"{name}.txt", attendance, motions)


def score(meetings: list[Meeting], tally: Tally) -> None:
    # The meetings are one corpus, as when a user extracts the folder: its boilerplate
    # (lines repeated across documents) is found and left out as `extract` does.
    furniture = find_boilerplate(line_keys(m.text) for m in meetings)
    for meeting in meetings:
        source = document_from_text(
            meeting.text, document_id=meeting.name, path=meeting.path, boilerplate=furniture
        )
        tally.documents += 1
        tally.recognised += source.kind == "minutes"
        attendance: set[tuple[str, str]] = set()
        decisions: list[Any] = []
        if read_meeting is not None:
            read = read_meeting(source)
            attendance = {(norm_name(a.name), str(a.status)) for a in read.attendance}
            decisions = list(read.decisions)
        tally.decisions += len(decisions)
        for status in STATUSES:
            got = {n for n, s in attendance if s == status}
            want = {n for n, s in meeting.attendance if s == status}
            tally.attendance_tp[status] += len(got & want)
            tally.attendance_fp[status] += len(got - want)
            tally.attendance_fn[status] += len(want - got)
        used: set[int] = set()
        for motion in meeting.motions:
            tally.motions += 1
            match = None
            if motion.start >= 0:
                tally.located += 1
                best = 0
                for i, d in enumerate(decisions):
                    overlap = min(d.end, motion.end) - max(d.start, motion.start)
                    if i not in used and overlap > best:
                        match, best = i, overlap
            decision = decisions[match] if match is not None else None
            if decision is not None:
                used.add(match)
                tally.found += 1
            elif motion.start >= 0 and len(tally.misses) < 40:
                tally.misses.append(f"{meeting.name}: {motion.text[:90]}")
            if motion.mover:
                tally.movers += 1
                tally.movers_right += bool(
                    decision and decision.moved_by and _same(decision.moved_by, motion.mover)
                )
            if motion.seconder:
                tally.seconders += 1
                tally.seconders_right += bool(
                    decision
                    and decision.seconded_by
                    and _same(decision.seconded_by, motion.seconder)
                )
            tally.outcomes += 1
            tally.outcomes_right += bool(decision and str(decision.outcome) == motion.outcome)
            if motion.votes_for is not None:
                tally.counts += 1
                tally.counts_right += bool(
                    decision
                    and decision.votes_for == motion.votes_for
                    and decision.votes_against == motion.votes_against
                )


def _same(a: str, b: str) -> bool:
    return norm_name(a) == norm_name(b)


def false_minutes(folders: list[Path]) -> tuple[int, int, list[str]]:
    total, wrong, names = 0, 0, []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            total += 1
            if document_from_text(text, document_id=path.stem, path=str(path)).kind == "minutes":
                wrong += 1
                names.append(str(path.relative_to(CORPORA)))
    return total, wrong, names


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def rows(tally: Tally) -> list[tuple[str, str, str]]:
    out = [("minutes recognised", f"{tally.recognised}/{tally.documents}",
            _ratio(tally.recognised, tally.documents))]  # fmt: skip
    tp_all = fp_all = fn_all = 0
    for status in STATUSES:
        tp, fp, fn = (tally.attendance_tp[status], tally.attendance_fp[status],
                      tally.attendance_fn[status])  # fmt: skip
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if tp + fp + fn == 0:
            continue
        p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.append(
            (f"attendance {status} P / R / F1", f"gold {tp + fn}", f"{p:.3f} / {r:.3f} / {f1:.3f}")
        )
    p = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    r = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    out.append(
        ("attendance all P / R / F1", f"gold {tp_all + fn_all}", f"{p:.3f} / {r:.3f} / {f1:.3f}")
    )
    for name, right, total in (
        ("motions found (span overlap)", tally.found, tally.motions),
        ("mover right", tally.movers_right, tally.movers),
        ("seconder right", tally.seconders_right, tally.seconders),
        ("outcome right", tally.outcomes_right, tally.outcomes),
        ("vote counts right", tally.counts_right, tally.counts),
    ):
        out.append((name, f"{right}/{total}", _ratio(right, total)))
    out.append(("decisions output (all kinds)", str(tally.decisions), ""))
    if tally.located < tally.motions:
        out.append(("gold motions not located in text", str(tally.motions - tally.located), ""))
    return out


def print_table(title: str, table: list[tuple[str, str, str]]) -> None:
    print(f"\n{title}")
    width = max(len(r[0]) for r in table)
    print(f"| {'measure'.ljust(width)} | count | value |")
    print(f"| {'-' * width} | --- | --- |")
    for name, count, value in table:
        print(f"| {name.ljust(width)} | {count} | {value} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--london", type=Path, default=LONDON)
    parser.add_argument("--limit", type=int, default=None, help="first N London meetings")
    parser.add_argument("--no-articles", action="store_true", help="skip BBC and PolNeAR")
    parser.add_argument("--misses", action="store_true", help="print missed motions")
    args = parser.parse_args()
    results: dict[str, Any] = {}

    london = Tally()
    score(london_meetings(args.london, args.limit), london)
    print_table(f"London council ({london.documents} meetings, scraper JSON as gold)", rows(london))
    results["london"] = rows(london)
    if args.misses:
        print(*london.misses, sep="\n")

    other = Tally()
    score(passage_meetings(), other)
    print_table(f"Seed 002 and {other.documents - 1} passages in other house styles", rows(other))
    results["passages"] = rows(other)
    if args.misses:
        print(*other.misses, sep="\n")

    if not args.no_articles:
        total, wrong, names = false_minutes([CORPORA / "bbc", CORPORA / "polnear"])
        print(f"\nArticles (BBC + PolNeAR texts): {wrong} of {total} called minutes")
        for name in names[:20]:
            print(f"  {name}")
        results["false_minutes"] = {"articles": total, "minutes": wrong, "examples": names[:20]}

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "minutes.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
