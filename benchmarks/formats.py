"""Saved news pages read as a user's folder is read (issue 16).

For each page of ``../shared/corpora/html_news``: the title and date corpusmine stores,
the words it keeps, and the check of ``expected.json`` (snippets the main text must
contain, snippets of navigation, adverts or comments it must not), on the stored text.
Beside it, the simple baseline: trafilatura's own ``extract`` with its defaults.

    python benchmarks/formats.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpusmine.ingest import FoundFile, document_from_raw, read_raw  # noqa: E402

# ../shared/corpora beside the checkout (a worktree one level deeper finds /work/shared).
CANDIDATES = (
    ROOT.parent / "shared" / "corpora" / "html_news",
    ROOT.parents[1] / "shared" / "corpora" / "html_news",
)
DEFAULT_CORPUS = next((c for c in CANDIDATES if c.is_dir()), CANDIDATES[0])


def check(text: str, expected: dict) -> tuple[list[str], list[str]]:
    """Snippets missing from ``text`` and snippets wrongly kept in it."""
    missing = [s for s in expected.get("with", []) if s not in text]
    kept = [s for s in expected.get("without", []) if s in text]
    return missing, kept


def verdict(missing: list[str], kept: list[str], expected: dict) -> str:
    with_ok = len(expected.get("with", [])) - len(missing)
    without_ok = len(expected.get("without", [])) - len(kept)
    mark = "pass" if not missing and not kept else "FAIL"
    return f"{mark} {with_ok}/{len(expected['with'])} {without_ok}/{len(expected['without'])}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not (args.corpus / "expected.json").is_file():
        print(f"no html_news corpus at {args.corpus}; pass --corpus DIR", file=sys.stderr)
        return 2
    expected_all = json.loads((args.corpus / "expected.json").read_text(encoding="utf-8"))
    from trafilatura import extract

    rows = []
    ours_pass = base_pass = 0
    seconds = 0.0
    for name in sorted(expected_all):
        path = args.corpus / name
        expected = expected_all[name]
        started = time.perf_counter()
        source = document_from_raw(read_raw(FoundFile(path, path.stem, args.corpus)))
        seconds += time.perf_counter() - started
        missing, kept = check(source.text, expected)
        baseline = extract(path.read_bytes()) or ""
        base_missing, base_kept = check(baseline, expected)
        ours_pass += not missing and not kept
        base_pass += not base_missing and not base_kept
        rows.append(
            (
                name.removesuffix(".html")[:26],
                (source.title or "")[:46],
                f"{source.date or '-'} ({source.date_source})",
                str(len(source.text.split())),
                verdict(missing, kept, expected),
                verdict(base_missing, base_kept, expected),
                "; ".join(
                    [*(f"kept: {s[:34]}" for s in kept), *(f"lost: {s[:34]}" for s in missing)]
                ),
            )
        )
    header = ("page", "title", "date (source)", "words", "check", "trafilatura", "problem")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print(
        f"\n{ours_pass}/{len(rows)} pages pass expected.json (trafilatura.extract defaults: "
        f"{base_pass}/{len(rows)}); check = pass, with-snippets found, without-snippets absent; "
        f"{seconds:.1f} s to read all pages"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
