"""Shared fixtures: the seed corpus and one extracted seed database per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

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
