"""The one place that reads and writes SQLite.

Writes for one document happen in one transaction, so an interrupted run leaves
every document either fully stored or not at all; the next run completes the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import DatabaseError
from ..records import CandidateReferences, Entity, Extraction, Mention
from .reads import Reads
from .schema import APPLICATION_ID, MIGRATIONS, QUERY_INDEXES, SCHEMA_V1, SCHEMA_VERSION

DEFAULT_DB = "corpusmine.db"
# Meta key of the digest of what the entities were resolved from (see runner).
RESOLVED_STATE = "resolved_state"
BUSY_TIMEOUT_SECONDS = 60
# Present in meta when entity_words holds the words of the stored entities.
ENTITY_WORDS_META = "entity_words"
# Present in meta when name_keys and lowercase_words hold the keys and words of every
# stored document (a database made before schema 9 gets them at its next resolution).
NAME_KEYS_META = "name_keys"


def default_db_path() -> str:
    return os.environ.get("CORPUSMINE_DB") or DEFAULT_DB


class Store(Reads):
    """A corpusmine database file: lifecycle and writes here, reads in ``reads.py``."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise DatabaseError(
                f"{self.path}: no database here; run 'corpusmine extract PATH' first "
                "(or point --db / CORPUSMINE_DB at one)"
            )
        if create and not self.path.parent.is_dir():
            raise DatabaseError(f"{self.path}: the folder {self.path.parent} does not exist")
        try:
            self.conn = self._connect(create)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._check_and_migrate(create)
        except sqlite3.DatabaseError as error:
            raise DatabaseError(f"{self.path}: not a usable SQLite database ({error})") from error

    def _connect(self, create: bool) -> sqlite3.Connection:
        try:
            return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except sqlite3.OperationalError:
            if create:
                raise
        # Only reading, and the folder is not writable (no room for SQLite's side files):
        # read the file as it is.
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, isolation_level=None)

    # --- lifecycle --------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_and_migrate(self, writing: bool = True) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        application = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).fetchone()[0]
        if tables and application != APPLICATION_ID:
            raise DatabaseError(
                f"{self.path}: this SQLite file is not a corpusmine database; "
                "choose another file with --db"
            )
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"{self.path}: database schema version {version} is newer than this corpusmine "
                f"(version {SCHEMA_VERSION}); upgrade corpusmine or use another --db. "
                "The file was left untouched."
            )
        if tables and writing:
            # Before writing, check the whole file (about 10 ms per MB): writing into a
            # damaged file spreads the damage. Readers only meet errors on damaged pages,
            # which the CLI reports in one line.
            self._quick_check()
        if version == SCHEMA_VERSION:
            self._add_query_indexes()
            return
        self._migrate()
        # Another process may hold the file; the rollback journal still keeps it consistent.
        with contextlib.suppress(sqlite3.OperationalError):
            self.conn.execute("PRAGMA journal_mode = WAL")
        self._add_query_indexes()  # a migrated file has only those of its own release

    def _migrate(self) -> None:
        """Upgrade to SCHEMA_VERSION in one transaction: completely or not at all.

        The version is read again once the write lock is held: two processes opening a
        new file at once must not both apply a migration (ALTER TABLE is not idempotent).
        """
        conn = self.conn
        with _immediate(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                steps = [SCHEMA_V1] if version == 0 else []
                steps += [MIGRATIONS[v] for v in range(max(version, 1), SCHEMA_VERSION)]
                for statement in _statements("".join(steps)):
                    conn.execute(statement)
                if version == 0:  # a new file: every document will bring its keys
                    conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')",
                        (NAME_KEYS_META,),
                    )
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _quick_check(self) -> None:
        """Refuse a damaged file before anything reads or writes it."""
        verdict = " ".join(self.conn.execute("PRAGMA quick_check(1)").fetchone()[0].split())
        if verdict != "ok":
            raise DatabaseError(
                f"{self.path}: the database file is damaged ({verdict}); extract again into a "
                "new --db (the documents are re-read from their files)"
            )

    def check_writable(self) -> None:
        """Raise DatabaseError now if nothing can be written (a read-only file or folder)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('write check', '')")
        except sqlite3.OperationalError as error:
            raise DatabaseError(
                f"{self.path}: cannot write to this database ({error}); make the file and its "
                "folder writable or choose another --db"
            ) from error
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def _add_query_indexes(self) -> None:
        """Create the query indexes a file made by an earlier release lacks.

        Best effort: a read-only file, or one another process is writing to, is left as
        it is (without waiting for the writer); the queries work without the indexes,
        only slower.
        """
        present = {name for (name,) in self.conn.execute("SELECT name FROM sqlite_master")}
        missing = [sql for name, sql in QUERY_INDEXES.items() if name not in present]
        if not missing:
            return
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            self.conn.executescript("BEGIN IMMEDIATE;" + "".join(missing) + "COMMIT;")
        except sqlite3.OperationalError:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")

    # --- writing ----------------------------------------------------------------------

    def save_extraction(
        self,
        extraction: Extraction,
        pipeline: str,
        date_window: str | None = None,
        origin: str | None = None,
        name_keys: Iterable[str] = (),
        lowercase_words: str | None = None,
    ) -> None:
        """Replace everything stored for one document, atomically; ``name_keys`` are the
        keys of its mentions (``resolve.keys.mention_keys``), ``lowercase_words`` its text
        as the lower-case reading compares it (``resolve.lowercase.indexed_words``);
        without them, both are rebuilt for every document at the next resolution.

        The resolution state is dropped in the same transaction: entity links of the
        replaced rows are gone until the next resolution, and an interrupted run must
        never look resolved to the next one.
        """
        source = extraction.document
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn = self.conn
        with _immediate(conn):
            conn.execute("DELETE FROM meta WHERE key = ?", (RESOLVED_STATE,))
            _delete_lowercase_words(conn, [source.id])
            conn.execute("DELETE FROM documents WHERE id = ?", (source.id,))
            conn.execute(
                "INSERT INTO documents (id, path, sha256, pipeline, encoding, title, kind, date,"
                " date_source, date_window, source, text, words, extracted_at, origin, author,"
                " url) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    source.id, source.path, source.sha256, pipeline, source.encoding, source.title,
                    source.kind, source.date, source.date_source, date_window, source.source,
                    source.text, len(source.clean.split()), now, origin, source.author,
                    source.url,
                ),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO pages (document, page, start) VALUES (?,?,?)",
                [(source.id, i + 1, start) for i, start in enumerate(source.pages)],
            )
            conn.executemany(
                "INSERT INTO blocks (document, idx, kind, start, end, lead_in)"
                " VALUES (?,?,?,?,?,?)",
                [
                    (source.id, i, b.kind, b.start, b.end, b.lead_in)
                    for i, b in enumerate(source.blocks)
                ],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO sentences (document, start, end) VALUES (?,?,?)",
                [(source.id, s, e) for s, e in extraction.sentences],
            )
            conn.executemany(
                "INSERT INTO mentions (document, start, end, label, text, sentence_start,"
                " sentence_end, normalized, date_mod) VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (m.document, m.start, m.end, m.label, m.text, m.sentence_start,
                     m.sentence_end, m.normalized, m.date_mod)
                    for m in extraction.mentions
                ],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO quotes (document, start, end, text, kind, cue, speaker_text,"
                " speaker_start, speaker_end, speaker_label, method, confidence, sentence_start,"
                " sentence_end, joint_with) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (q.document, q.start, q.end, q.text, q.kind, q.cue, q.speaker_text,
                     q.speaker_start, q.speaker_end, q.speaker_label, q.method, q.confidence,
                     q.sentence_start, q.sentence_end, json.dumps(list(q.joint_with)))
                    for q in extraction.quotes
                ],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO claims (document, start, end, subject_text, subject_start,"
                " subject_end, attribute, value, normalized, unit, qualifier, as_of, speaker,"
                " sentence_start, sentence_end, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (c.document, c.start, c.end, c.subject_text, c.subject_start, c.subject_end,
                     c.attribute, c.value, c.normalized, c.unit, c.qualifier, c.as_of, c.speaker,
                     c.sentence_start, c.sentence_end, c.status)
                    for c in extraction.claims
                ],
            )  # fmt: skip
            _save_meeting(conn, extraction)
            conn.executemany(
                "INSERT INTO candidate_references (document, idx, kind, start, end, fields)"
                " VALUES (?,?,?,?,?,?)",
                _candidate_rows(source.id, extraction.references),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO name_keys (key, document) VALUES (?,?)",
                [(k, source.id) for k in sorted(name_keys)],
            )
            if lowercase_words is not None:
                _insert_lowercase_words(conn, [(source.id, lowercase_words)])
            else:  # the index no longer covers every document: rebuilt at next resolution
                conn.execute("DELETE FROM meta WHERE key = ?", (NAME_KEYS_META,))

    def replace_entities(
        self,
        entities: Sequence[Entity],
        mention_entities: Iterable[tuple[int, str | None]],
        quote_speakers: Iterable[tuple[int, str | None]] = (),
        claim_subjects: Iterable[tuple[int, str | None, str | None]] = (),
        entity_words: Iterable[tuple[str, int, str]] | None = None,
        found_mentions: Iterable[tuple[Mention, str]] = (),
    ) -> None:
        """Store the result of resolution in one transaction.

        ``entity_words`` are (entity id, name number, word) rows for ``entities_with_words``;
        without them that index is marked missing and name look-ups scan the entities.
        ``found_mentions`` (mention, entity id) are names resolution found untagged; they
        replace the last ones.
        """
        conn = self.conn
        with _immediate(conn):
            conn.execute("DELETE FROM entities")
            conn.execute("DELETE FROM entity_words")
            if entity_words is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (ENTITY_WORDS_META,))
            else:
                conn.executemany(
                    "INSERT OR IGNORE INTO entity_words (entity_id, alias, word) VALUES (?,?,?)",
                    entity_words,
                )
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (ENTITY_WORDS_META,)
                )
            conn.executemany(
                "INSERT INTO entities (id, name, type, aliases, roles, affiliations, mentions,"
                " documents) VALUES (?,?,?,?,?,?,?,?)",
                [
                    (e.id, e.name, e.type, json.dumps(list(e.aliases)), json.dumps(list(e.roles)),
                     json.dumps(list(e.affiliations)), e.mentions, json.dumps(list(e.documents)))
                    for e in entities
                ],
            )  # fmt: skip
            conn.execute("DELETE FROM mentions WHERE origin IS NOT NULL")
            conn.executemany(
                "INSERT INTO mentions (document, start, end, label, text, sentence_start,"
                " sentence_end, normalized, date_mod, entity_id, origin)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,'corpus')",
                [
                    (m.document, m.start, m.end, m.label, m.text, m.sentence_start,
                     m.sentence_end, m.normalized, m.date_mod, entity)
                    for m, entity in found_mentions
                ],
            )  # fmt: skip
            conn.execute("UPDATE mentions SET entity_id = NULL WHERE origin IS NULL")
            conn.executemany(
                "UPDATE mentions SET entity_id = ? WHERE id = ?",
                [(entity, mention) for mention, entity in mention_entities],
            )
            conn.executemany(
                "UPDATE quotes SET speaker_id = ? WHERE id = ?",
                [(entity, quote) for quote, entity in quote_speakers],
            )
            conn.executemany(
                "UPDATE claims SET subject_id = ?, speaker_id = ? WHERE id = ?",
                [(subject, speaker, claim) for claim, subject, speaker in claim_subjects],
            )

    def save_census(self, state: str, data: bytes) -> None:
        """Keep ``data`` (the census of the corpus resolved under ``state``) in place of
        any earlier one."""
        conn = self.conn
        with _immediate(conn):
            conn.execute("DELETE FROM resolution_census")
            conn.execute("INSERT INTO resolution_census (state, data) VALUES (?, ?)", (state, data))

    def save_candidate_references(self, found: Mapping[str, CandidateReferences]) -> None:
        """Store the candidate references of documents stored without them (before
        schema 2), so that resolution finds them once, not at every run."""
        conn = self.conn
        with _immediate(conn):
            for document in sorted(found):
                conn.execute("DELETE FROM candidate_references WHERE document = ?", (document,))
                conn.executemany(
                    "INSERT INTO candidate_references (document, idx, kind, start, end, fields)"
                    " VALUES (?,?,?,?,?,?)",
                    _candidate_rows(document, found[document]),
                )

    def replace_name_keys(
        self, keys: Mapping[str, Iterable[str]], lowercase_words: Mapping[str, str]
    ) -> None:
        """The name keys and the indexed lower-case words of every stored document
        (document id -> keys, -> words), replacing all, for a database made before they
        were kept with each document."""
        conn = self.conn
        with _immediate(conn):
            conn.execute("DELETE FROM name_keys")
            conn.executemany(
                "INSERT OR IGNORE INTO name_keys (key, document) VALUES (?,?)",
                [(k, doc) for doc in sorted(keys) for k in sorted(keys[doc])],
            )
            conn.execute("DELETE FROM lowercase_words")
            conn.execute("DELETE FROM lowercase_rows")
            _insert_lowercase_words(conn, sorted(lowercase_words.items()))
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (NAME_KEYS_META,)
            )

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def set_meta_together(self, values: dict[str, str]) -> None:
        """Several meta values in one transaction: readers see all of them or none."""
        conn = self.conn
        with _immediate(conn):
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items())
            )

    def delete_documents(self, document_ids: Iterable[str]) -> None:
        """Drop documents and everything extracted from them, in one transaction."""
        conn = self.conn
        with _immediate(conn):
            conn.execute("DELETE FROM meta WHERE key = ?", (RESOLVED_STATE,))
            ids = list(document_ids)
            _delete_lowercase_words(conn, ids)
            conn.executemany("DELETE FROM documents WHERE id = ?", [(d,) for d in ids])

    def set_origin(self, document_id: str, origin: str) -> None:
        """Record where a stored document's file is now (it moved, content unchanged)."""
        self.conn.execute("UPDATE documents SET origin = ? WHERE id = ?", (origin, document_id))

    def remember_aliases(self, pairs: list[tuple[str, str]]) -> None:
        """Keep alias corrections for later runs (see ``stored_aliases``)."""
        self.set_meta("aliases", json.dumps([list(pair) for pair in pairs]))


@contextlib.contextmanager
def _immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (BEGIN IMMEDIATE takes the write lock at once): committed
    when the block ends, rolled back on any exception, Ctrl-C included."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk): a second
        # ROLLBACK would replace the real error with "no transaction is active".
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _save_meeting(conn: sqlite3.Connection, extraction: Extraction) -> None:
    """Items, attendance and decisions of one document of minutes."""
    document = extraction.document.id
    conn.executemany(
        "INSERT INTO agenda_items (document, idx, number, title, level, parent, start, end,"
        " heading_end) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (document, i, it.number, it.title, it.level, it.parent, it.start, it.end,
             it.heading_end)
            for i, it in enumerate(extraction.items)
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO attendance (document, name, status, role, start, end, event, time, item)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (a.document, a.name, str(a.status), a.role, a.start, a.end, a.event, a.time, a.item)
            for a in extraction.attendance
        ],
    )
    rows = []
    for d in extraction.decisions:
        voters = {
            key: [[p.name, p.start, p.end] for p in group]
            for key, group in (("for", d.voters.for_), ("against", d.voters.against),
                               ("abstain", d.voters.abstain), ("absent", d.voters.absent))
        }  # fmt: skip
        mover, seconder = d.mover, d.seconder
        rows.append(
            (d.document, d.item, str(d.kind), d.text, str(d.outcome),
             mover.name if mover else None, mover.start if mover else None,
             mover.end if mover else None, seconder.name if seconder else None,
             seconder.start if seconder else None, seconder.end if seconder else None,
             d.votes_for, d.votes_against, d.abstentions, json.dumps(voters), d.actor,
             d.start, d.end)
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO decisions (document, item, kind, text, outcome, moved_by, moved_by_start,"
        " moved_by_end, seconded_by, seconded_by_start, seconded_by_end, votes_for,"
        " votes_against, abstentions, voters, actor, start, end)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _delete_lowercase_words(conn: sqlite3.Connection, document_ids: Sequence[str]) -> None:
    """Drop the indexed lower-case words of documents about to be deleted (a virtual
    table is not reached by ON DELETE CASCADE)."""
    conn.executemany(
        "DELETE FROM lowercase_words WHERE rowid = (SELECT row FROM lowercase_rows"
        " WHERE document = ?)",
        [(d,) for d in document_ids],
    )
    conn.executemany("DELETE FROM lowercase_rows WHERE document = ?", [(d,) for d in document_ids])


def _insert_lowercase_words(conn: sqlite3.Connection, rows: Sequence[tuple[str, str]]) -> None:
    """Index (document, indexed words) rows, each under a row of its own."""
    for document, words in rows:
        row = conn.execute(
            "INSERT INTO lowercase_rows (document) VALUES (?)", (document,)
        ).lastrowid
        conn.execute("INSERT INTO lowercase_words (rowid, words) VALUES (?, ?)", (row, words))


def _statements(script: str) -> list[str]:
    """The SQL statements of ``script``, split at each ``;`` that SQLite says ends one
    (a ``;`` inside a string or a trigger body does not)."""
    statements, current = [], ""
    for part in script.split(";"):
        current += part + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n\t;"):
                statements.append(current.strip())
            current = ""
    return statements


def _candidate_rows(document: str, references: CandidateReferences) -> list[tuple[Any, ...]]:
    """Rows of ``candidate_references`` for one document, the ``scanned`` marker first."""
    rows: list[tuple[Any, ...]] = [(document, 0, "scanned", 0, 0, "{}")]
    records: list[tuple[str, Any, int, int]] = [
        *(("definition", d, d.long_start, d.long_end) for d in references.definitions),
        *(("description", d, d.start, d.end) for d in references.descriptions),
        *(
            ("coordination", c, c.first_start, c.tail_start + len(c.tail))
            for c in references.coordinations
        ),
    ]
    for kind, record, start, end in records:
        fields = {k: v for k, v in record.__dict__.items() if k != "document"}
        rows.append((document, len(rows), kind, start, end, json.dumps(fields)))
    return rows
