"""Extracting a corpus of passages written by a test, as a user would: in steps, as files
are added to a folder between runs (the tests that compare step-wise runs with a single
one), or at once (the claims tests that compare documents end to end)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from corpusmine.analyse.consistency import decide
from corpusmine.analyse.records import Findings
from corpusmine.query.claims import load_claims
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


@contextmanager
def extracted_folder(tmp_path: Path, documents: Mapping[str, str]) -> Iterator[Store]:
    """Write ``documents`` (file name -> text) into one folder, extract it as a user
    would, and yield the open store; no document may fail."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        assert run_extract([str(folder)], store).failures == ()
        yield store


def findings_of(tmp_path: Path, documents: Mapping[str, str]) -> Findings:
    """The consistency findings of ``documents`` extracted as one corpus."""
    with extracted_folder(tmp_path, documents) as store:
        return decide(load_claims(store))
