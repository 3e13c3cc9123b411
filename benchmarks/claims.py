"""Claims and the consistency report on real corpora (issue 15).

Runs ``corpusmine extract`` and ``corpusmine report --format json`` on:

- PolNeAR dev (84 articles) and train (840), seven US outlets, 2015-2016
  (``../shared/corpora/polnear``; the outlet is the file name's first part);
- the BBC News corpus (2,225 articles, 2004-2005), or an evenly spread subset with
  ``--bbc N`` while iterating;
- a few ECB+ topics (``../shared/corpora/ecbplus``), each holding articles about two
  similar but different events (``*ecb`` and ``*ecbplus`` files).

and prints per corpus: documents, claims, findings by verdict, boilerplate paragraphs
found, documents dated by each source, findings that join two outlets (PolNeAR) or two
events (ECB+, which must be none), then a sample of contradictions and agreements.

For the ECB+ topics, ``FACTS`` lists figures that two or more articles of one event state,
checked by hand in the texts; the benchmark says for each whether a finding with that
verdict and value was reported.

    python benchmarks/claims.py [--bbc N] [--only NAME ...] [--sample K] [--work DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")
ECB_TOPICS = ("20", "12", "24", "8")


@dataclass(frozen=True)
class Fact:
    """A figure two or more articles of one ECB+ event state, read by hand."""

    topic: str
    event: str  # "ecb" or "ecbplus": which of the topic's two events
    words: tuple[str, ...]  # words the finding's attribute or subject must contain (any)
    values: tuple[float, ...]  # values the finding's claims must include
    verdict: str  # the right verdict: agree / contradict / different_time
    note: str


FACTS: tuple[Fact, ...] = (
    # Checked by hand in the texts (file names without .txt).
    # Topic 12: the Indian navy and Somali pirates, two operations.
    Fact("12", "ecb", ("pirate",), (23,), "agree",
         "Dec 2008, INS Mysore: 23 pirates (12_1, 2, 4, 6, 7, 9, 10, 11, 13, 14, 18, 19 ecb)"),
    Fact("12", "ecbplus", ("pirate",), (26,), "agree",
         "Nov 2011, INS Sukanya: 26 pirates (12_2, 3, 4, 7 ecbplus); never joined to the 23"),
    # Topic 20: two earthquakes on Qeshm island, Iran.
    Fact("20", "ecb", ("magnitude", "richter"), (5.6,), "agree",
         "the smaller quake: magnitude 5.6 (20_1, 2, 3, 4 ecb; Iranian TV's 5.2 in 20_5ecb);"
         " these articles carry no date at all, so an incident in them is never compared"),
    Fact("20", "ecbplus", ("killed", "dead", "death", "people", "toll"), (10,), "agree",
         "27 Nov 2005 quake: ten killed (20_11, 1, 2, 4, 5, 8 ecbplus; 'at least three' early"
         " in 20_6ecbplus is a change over time)"),
    Fact("20", "ecbplus", ("magnitude", "richter"), (5.9, 6.0, 6.1), "contradict",
         "27 Nov 2005 quake: 5.9 (20_3, 5, 6, 7, 8), 6.0 (20_4), 6.1 (20_1, 9, 11 ecbplus)"),
    # Topic 8: two bank bombings, Woodburn (Oregon, Dec 2008) and Athens (May 2010).
    Fact("8", "ecbplus", ("killed",), (3,), "agree",
         "5 May 2010, Athens: three killed (8_1, 2, 4, 5, 8, 9 ecbplus; 'at least three' in"
         " 8_1, 2, 4)"),
    # Topic 24: two jewel heists in Paris.
    Fact("24", "ecb", ("million", "amount", "haul", "worth", "diamond", "jewel"),
         (85_000_000, 108_000_000), "agree",
         "Dec 2008 Harry Winston: 85 million euros (24_3, 13 ecb), $108 million (24_3, 4 ecb);"
         " these articles carry no date of their own, so an incident in them is never compared"),
    Fact("24", "ecbplus", ("stolen",), (88_000_000,), "agree",
         "July 2013 Cannes heist, recalled: £88m (24_4, 6, 11 ecbplus); never joined to Paris"),
    Fact("24", "ecbplus", ("million", "amount", "worth", "jewel", "heist"), (2_600_000,),
         "agree", "Sep 2013: $2.6 million (24_3, 8, 9 ecbplus), 2 million euros (24_1, 2, 5)"),
)  # fmt: skip


def corpus_list(
    bbc: int | None, only: set[str], topics: tuple[str, ...] = ECB_TOPICS
) -> list[tuple[str, Path]]:
    chosen = [
        ("polnear-dev", CORPORA / "polnear" / "dev" / "text"),
        ("polnear-train", CORPORA / "polnear" / "train" / "text"),
        ("bbc" if bbc is None else f"bbc{bbc}", CORPORA / "bbc"),
        *((f"ecb{t}", CORPORA / "ecbplus" / t) for t in topics),
    ]
    return [(n, p) for n, p in chosen if not only or any(n.startswith(o) for o in only)]


def bbc_subset(n: int, folder: Path) -> Path:
    """An evenly spread, fixed subset of BBC files as symlinks (never copied)."""
    files = sorted((CORPORA / "bbc").glob("*/*.txt"))
    for path in [files[i * len(files) // n] for i in range(n)]:
        target = folder / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(path)
    return folder


def run(name: str, path: Path, work: Path) -> tuple[dict, float]:
    db = work / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cli = [sys.executable, "-c", "from corpusmine.cli import main; main()"]
    # The BBC subset is a folder of links to the corpus (never copied).
    links = ["--follow-links"] if path.is_relative_to(work) else []
    started = time.perf_counter()
    subprocess.run(
        [*cli, "extract", str(path), "--db", str(db), "--jobs", "2", *links],
        env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    out = work / f"{name}.json"
    subprocess.run(
        [*cli, "report", "--db", str(db), "--format", "json", "--output", str(out)],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return json.loads(out.read_text()), time.perf_counter() - started


def outlet(document: str) -> str:
    return document.split("/")[-1].split("_")[0]


def event(document: str) -> str:
    return "ecbplus" if document.endswith("ecbplus") else "ecb"


def values_of(finding: dict) -> set[float]:
    found = set()
    for claim in finding["claims"]:
        with contextlib.suppress(TypeError, ValueError):
            found.add(float(claim["normalized"]))
    return found


def fact_found(fact: Fact, report: dict) -> str:
    """The verdict of the finding that covers ``fact``, or "missing"."""
    for verdict in ("contradictions", "agreements", "changes", "checks"):
        for finding in report.get(verdict, []):
            if {event(c["document"]) for c in finding["claims"]} != {fact.event}:
                continue
            text = (finding["attribute"] + " " + finding["subject"]).lower()
            if not any(word in text for word in fact.words):
                continue
            if values_of(finding) & set(fact.values):
                return finding["verdict"]
    return "missing"


def summarise(name: str, report: dict, seconds: float) -> dict:
    summary = report["summary"]
    sources = Counter(d.get("date_source") or "none" for d in report["documents"])
    row = {
        "corpus": name,
        "docs": summary["documents"],
        "claims": summary["claims"],
        "contra": summary["contradictions"],
        "agree": summary["agreements"],
        "change": summary.get("changes", 0),
        "check": summary.get("checks", 0),
        "single": summary.get("single_source", 0),
        "boilerplate": summary.get("boilerplate", 0),
        "dated": dict(sorted(sources.items())),
        "seconds": round(seconds, 1),
    }
    compared = report["contradictions"] + report["agreements"]
    if name.startswith("polnear"):
        row["cross_outlet"] = sum(
            len({outlet(c["document"]) for c in f["claims"]}) > 1 for f in compared
        )
    if name.startswith("ecb"):
        every = compared + report.get("changes", []) + report.get("checks", [])
        row["two_events"] = sum(len({event(c["document"]) for c in f["claims"]}) > 1 for f in every)
    return row


def show_sample(name: str, report: dict, k: int) -> None:
    for key in ("contradictions", "agreements"):
        findings = report[key][:k]
        if not findings:
            continue
        print(f"\n{name}: first {len(findings)} {key}")
        for i, finding in enumerate(findings, 1):
            print(f"{i:3}. {finding['subject']} | {finding['attribute']}")
            for claim in finding["claims"][:4]:
                sentence = " ".join(claim["sentence"].split())[:150]
                where = f"[{claim['document']}] {claim['value']!r} -> {claim['normalized']}"
                print(f"       {where}: {sentence}")
            print(f"       why: {finding['explanation'][:220]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=int, default=None, help="an evenly spread BBC subset")
    parser.add_argument("--only", nargs="*", default=[], help="corpora whose name starts so")
    parser.add_argument("--sample", type=int, default=5, help="findings shown per verdict")
    parser.add_argument("--work", type=Path, default=None, help="keep databases here")
    parser.add_argument("--ecb", nargs="*", default=list(ECB_TOPICS), help="ECB+ topics to run")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-claims-"))
    work.mkdir(parents=True, exist_ok=True)
    rows, reports = [], {}
    for name, path in corpus_list(args.bbc, set(args.only), tuple(args.ecb)):
        if name.startswith("bbc") and args.bbc is not None:
            path = bbc_subset(args.bbc, work / f"bbc{args.bbc}-files")
        report, seconds = run(name, path, work)
        reports[name] = report
        rows.append(summarise(name, report, seconds))
        print(json.dumps(rows[-1]), file=sys.stderr)
    columns = ["corpus", "docs", "claims", "contra", "agree", "change", "check", "single",
               "boilerplate", "cross_outlet", "two_events", "seconds"]  # fmt: skip
    print("\n" + " ".join(f"{c:>13}" for c in columns))
    for row in rows:
        print(" ".join(f"{row.get(c, '-')!s:>13}" for c in columns))
    print("\ndocuments dated by source:")
    for row in rows:
        print(f"  {row['corpus']:>14}: {row['dated']}")
    facts = [f for f in FACTS if f"ecb{f.topic}" in reports]
    if facts:
        print("\nECB+ facts checked by hand (right verdict / found):")
        right = 0
        for fact in facts:
            got = fact_found(fact, reports[f"ecb{fact.topic}"])
            right += got == fact.verdict
            want = f"want {fact.verdict:10} got {got:14}"
            print(f"  topic {fact.topic} {fact.event:8} {want} {fact.note}")
        print(f"  {right}/{len(facts)} right")
    for name, report in reports.items():
        show_sample(name, report, args.sample)
    print(f"\ndatabases and reports in {work}")


if __name__ == "__main__":
    main()
