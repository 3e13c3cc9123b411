"""Worker processes give exactly the records a single process gives (issue 6)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corpusmine.runner import run_extract
from corpusmine.store import Store

TABLES = {
    "documents": "id, path, sha256, pipeline, encoding, title, kind, date, date_source, text",
    "blocks": "*",
    "sentences": "*",
    "mentions": "document, start, end, label, text, sentence_start, sentence_end, normalized,"
    " date_mod, entity_id",
    "quotes": "document, start, end, text, kind, cue, speaker_text, speaker_start, speaker_end,"
    " speaker_label, method, confidence, joint_with, speaker_id",
    "claims": "document, start, end, subject_text, attribute, value, normalized, unit, qualifier,"
    " as_of, speaker, status, subject_id, speaker_id",
    "entities": "*",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    # The test reads the file directly: the store's API has no table dumps.
    connection = sqlite3.connect(db)
    try:
        return {
            table: sorted(connection.execute(f"SELECT {columns} FROM {table}").fetchall())
            for table, columns in TABLES.items()
        }
    finally:
        connection.close()


def test_two_workers_store_the_same_records_as_one(seeds_dir: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    with Store(one) as store:
        run_extract([str(seeds_dir)], store, jobs=1)
    with Store(two) as store:
        # Batches of two documents, so the five seeds really go through the worker pool.
        summary = run_extract([str(seeds_dir)], store, jobs=2, batch_size=2)
    assert len(summary.extracted) == 5
    first, second = snapshot(one), snapshot(two)
    assert first["mentions"], "the comparison must cover real records"
    for table in TABLES:
        assert first[table] == second[table], table
