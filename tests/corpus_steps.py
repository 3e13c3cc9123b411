"""Extracting one corpus in steps, as a user adds files to a folder between runs: shared
by the tests that compare step-wise runs with a single one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from corpusmine.runner import run_extract
from corpusmine.store import Store


def extract_in_steps(
    root: Path, db: Path, corpus: Mapping[str, str], steps: Sequence[Sequence[str]]
) -> list[tuple[str, ...]]:
    """Write each step's files under ``root`` (earlier ones stay) and extract ``root``
    after each; the documents each run extracted."""
    root.mkdir()
    extracted = []
    with Store(db) as store:
        for step in steps:
            for relative in step:
                path = root / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(corpus[relative], encoding="utf-8")
            summary = run_extract([str(root)], store)
            assert summary.failures == ()
            extracted.append(tuple(summary.extracted))
    return extracted
