"""Storage that holds up (issue 17 item 3): queries find their rows by index rather than
by reading every row, and build their records with the cycle collector paused."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusmine import query
from corpusmine.cli import cli
from corpusmine.query import collection_paused
from corpusmine.store import Store
from corpusmine.store.schema import APPLICATION_ID, QUERY_INDEXES, SCHEMA_V1


def _plans(store: Store, run: Callable[[], object]) -> dict[str, str]:
    """Each SELECT that ``run`` made (parameters bound), with SQLite's plan for it."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        store.conn.set_trace_callback(None)
    plans = {}
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            steps = store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
            plans[sql] = " | ".join(step[3] for step in steps)
    return plans


def _index_names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {n for (n,) in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()


def test_the_timeline_finds_event_claims_and_dated_documents_by_index(seed_db: Path) -> None:
    with Store(seed_db) as store:
        plans = _plans(store, lambda: query.timeline(store))
    claim_reads = [plan for sql, plan in plans.items() if "FROM claims c" in sql]
    assert claim_reads, "the timeline must read the claims"
    assert all("INDEX claims_attribute" in plan for plan in claim_reads), claim_reads
    date_reads = [plan for sql, plan in plans.items() if "date_source IN" in sql]
    assert date_reads, "the timeline must read the explicit dates"
    assert all("COVERING INDEX documents_date_source" in plan for plan in date_reads)


def test_a_file_of_an_older_release_gains_the_query_indexes(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA_V1.replace("".join(QUERY_INDEXES.values()), ""))
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    assert not set(QUERY_INDEXES) & _index_names(path)
    with Store(path):  # migrated to this release's schema
        pass
    assert set(QUERY_INDEXES) <= _index_names(path)


def test_a_current_file_missing_a_query_index_gets_it_back(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with Store(path) as store:
        store.conn.execute("DROP INDEX claims_attribute")
    with Store(path):
        pass
    assert "claims_attribute" in _index_names(path)


def test_the_collector_is_left_as_it_was_found() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("a query that fails")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # whoever turned it off turns it on
    finally:
        gc.enable()


def test_a_query_command_answers_with_the_collector_back_on(seed_db: Path) -> None:
    result = CliRunner().invoke(cli, ["entities", "--format", "json", "--db", str(seed_db)])
    assert result.exit_code == 0
    assert '"name"' in result.output
    assert gc.isenabled()


def test_the_report_is_parsed_only_when_its_data_is_asked_for(seed_db: Path) -> None:
    import orjson

    with Store(seed_db, create=False) as store:
        found = query.report(store)
    assert "data" not in vars(found)  # the JSON text alone answers report --format json
    assert found.data == orjson.loads(found.json)
    assert found.data["summary"]["documents"] == 5
