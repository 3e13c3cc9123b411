"""Dump every table of a corpusmine database as sorted JSON lines, to diff two runs.

Used to show that a refactoring leaves stored records unchanged:

    python benchmarks/dump_records.py before.db > before.jsonl
    python benchmarks/dump_records.py after.db > after.jsonl
    diff before.jsonl after.jsonl

Row ids and run-specific values (timestamps, digests of code) are left out, since they
differ between two runs of identical behaviour.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys

# Columns whose values change from run to run, not with behaviour.
# origin is the file's absolute path: it differs with where the corpus lies, not behaviour.
# row is the full-text index row a document owns (lowercase_rows): numbered in the order
# documents were stored, which a Dask run does not keep.
VOLATILE = {"id", "row", "extracted_at", "pipeline", "created", "updated", "seconds", "origin"}
# resolved_state is a digest over the documents' pipeline column (itself volatile: it
# carries the digest of the code), so it changes with any code change too.
VOLATILE_META = ("digest", "signature", "report", "time", "version", "resolved_state")


CACHES = {"resolution_census"}


def dump(path: str) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    # A full-text index is compared by what it holds (its virtual table's rows), not by
    # its shadow tables' blocks, whose layout follows the order rows were written in.
    virtual = [name for name, sql in found if (sql or "").upper().startswith("CREATE VIRTUAL")]
    tables = [name for name, _ in found if not any(name.startswith(f"{v}_") for v in virtual)]
    # The census kept for additions is a cache (pickled sets, in no fixed order), no record.
    tables = [name for name in tables if name not in CACHES]
    lines: list[str] = []
    for table in sorted(tables):
        cursor = connection.execute(f'SELECT * FROM "{table}"')
        columns = [description[0] for description in cursor.description]
        for row in cursor:
            record = dict(zip(columns, row, strict=True))
            if table == "meta" and any(word in str(record.get("key")) for word in VOLATILE_META):
                continue
            kept = {k: v for k, v in record.items() if k not in VOLATILE}
            lines.append(table + "\t" + json.dumps(kept, sort_keys=True, default=str))
    return sorted(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    args = parser.parse_args()
    sys.stdout.write("\n".join(dump(args.database)) + "\n")


if __name__ == "__main__":
    main()
