"""Shared fixtures: the seed corpus and one extracted seed database per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmine.extract.quotes import extract_quotes
from corpusmine.ingest import document_from_text
from corpusmine.nlp import build_pipeline
from corpusmine.records import Quote, SourceDocument
from corpusmine.runner import run_extract
from corpusmine.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the five seeds, extracted once for the whole session."""
    path = tmp_path_factory.mktemp("seeddb") / "seeds.db"
    with Store(path) as store:
        summary = run_extract([str(SEEDS)], store)
    assert summary.failures == ()
    return path


@pytest.fixture()
def seed_store(seed_db: Path):
    with Store(seed_db, create=False) as store:
        yield store


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, built once for every test that parses text."""
    return build_pipeline()


@pytest.fixture(scope="session")
def run(nlp):
    """Quotes of one passage: ``run(text) -> (source, quotes)``."""

    def run(text: str) -> tuple[SourceDocument, tuple[Quote, ...]]:
        source = document_from_text(text)
        return source, extract_quotes(nlp(source.clean), source)

    return run
