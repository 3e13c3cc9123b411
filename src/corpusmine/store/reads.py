"""Every read of the database, as methods returning records (``store/records.py``).

``Store`` inherits these; nothing outside ``store/`` writes SQL. Sentences are sliced out
of the document texts in Python: SQLite's ``substr`` walks the UTF-8 text from its start
for every row.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator
from typing import Any

import orjson

from ..records import (
    CandidateReferences,
    Claim,
    Coordination,
    Definition,
    DescriptionCandidate,
    Entity,
    Mention,
    Quote,
)
from .records import (
    ClaimRow,
    DocumentInfo,
    EntityName,
    Span,
    StoredAttendance,
    StoredDecision,
    StoredMention,
    StoredPerson,
    StoredQuote,
    _build,
    field_names,
)

_CANDIDATE_KINDS: dict[str, type] = {
    "definition": Definition,
    "description": DescriptionCandidate,
    "coordination": Coordination,
}
_DOCUMENT_FIELDS = field_names(DocumentInfo)
# Stored columns; a record's ``page`` is worked out from the pages table.
_MENTION_FIELDS = tuple(f for f in field_names(StoredMention) if f != "page")


def _json_list(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)))


def _of_documents(
    sql: str, documents: Collection[str] | None, order: str
) -> tuple[str, tuple[str, ...]]:
    """``sql`` narrowed to rows of ``documents`` (every row when None), then ``order``."""
    if documents is None:
        return f"{sql} {order}", ()
    wanted = tuple(sorted(set(documents)))
    return f"{sql} WHERE document IN ({','.join('?' * len(wanted))}) {order}", wanted


def page_of(pages: dict[str, tuple[int, ...]], document: str, offset: int) -> int | None:
    """1-based page of ``offset`` in ``document``; None for a document without pages."""
    starts = pages.get(document)
    return bisect_right(starts, offset) if starts else None


def _narrowed(sql: str, equal: dict[str, Any]) -> tuple[str, list[Any]]:
    """``sql`` (ending inside a WHERE clause) with ``AND column = ?`` for each filter given."""
    params: list[Any] = []
    for column, value in equal.items():
        if value:
            sql += f" AND {column} = ?"
            params.append(value)
    return sql, params


class Reads:
    """The read methods of ``Store``."""

    conn: sqlite3.Connection

    def _tuples(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        # Plain tuples: unpacking them is much cheaper than reading a Row by name.
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params).fetchall()

    # --- documents --------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """Every stored document (without its text), by id."""
        rows = self._tuples(f"SELECT {', '.join(_DOCUMENT_FIELDS)} FROM documents ORDER BY id")
        return [_build(DocumentInfo, dict(zip(_DOCUMENT_FIELDS, r, strict=True))) for r in rows]

    def stored_signature(self, document_id: str) -> tuple[str, str] | None:
        """(sha256, pipeline signature) of a stored document, or None."""
        row = self.conn.execute(
            "SELECT sha256, pipeline FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return (row["sha256"], row["pipeline"]) if row else None

    def explicit_dates(self, sources: Collection[str]) -> list[str]:
        """Dates of the documents whose date came from one of ``sources``."""
        return [
            date
            for (date,) in self._tuples(
                "SELECT date FROM documents WHERE date_source IN"
                " (SELECT value FROM json_each(?)) ORDER BY id",
                (_json_list(sources),),
            )
            if date
        ]

    def document_text(self, document_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return row["text"] if row else None

    def document_texts(self) -> Iterator[tuple[str, str]]:
        """(id, text) of every document, by id."""
        for row in self.conn.execute("SELECT id, text FROM documents ORDER BY id"):
            yield row["id"], row["text"]

    def document_leads(self, chars: int) -> dict[str, str]:
        """Document id -> the first ``chars`` characters of its text (title and lead)."""
        return dict(self._tuples("SELECT id, substr(text, 1, ?) FROM documents", (chars,)))

    def texts_of(self, document_ids: Iterable[str]) -> dict[str, str]:
        """Document id -> text, for the given documents only."""
        return dict(
            self._tuples(
                "SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                (_json_list(document_ids),),
            )
        )

    def page_starts(self, document_ids: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """Document id -> where each of its pages starts, for the paged ones (PDFs)."""
        found: dict[str, list[int]] = {}
        for document, start in self._tuples(
            "SELECT document, start FROM pages WHERE document IN"
            " (SELECT value FROM json_each(?)) ORDER BY document, page",
            (_json_list(document_ids),),
        ):
            found.setdefault(document, []).append(start)
        return {document: tuple(starts) for document, starts in found.items()}

    # --- what resolution reads --------------------------------------------------------

    def mention_records(self, document: str | None = None) -> Iterator[tuple[int, Mention]]:
        """(row id, Mention) in text order: the input of resolution."""
        sql = (
            "SELECT id, document, start, end, label, text, sentence_start, sentence_end,"
            " normalized, date_mod FROM mentions"
        )
        sql += " WHERE origin IS NULL"  # names resolution found are its output, not input
        params: tuple[Any, ...] = ()
        if document is not None:
            sql += " AND document = ?"
            params = (document,)
        for row in self.conn.execute(sql + " ORDER BY document, start, end", params):
            values = dict(row)
            yield values.pop("id"), Mention(**values)

    def sentence_spans(
        self, documents: Collection[str] | None = None
    ) -> dict[str, list[tuple[int, int]]]:
        """Document id -> its sentences' (start, end), in text order (of ``documents``
        only, when given)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        sql, params = _of_documents(
            "SELECT document, start, end FROM sentences", documents, "ORDER BY document, start"
        )
        for document, start, end in self.conn.execute(sql, params):
            spans.setdefault(document, []).append((start, end))
        return spans

    def candidate_references(
        self, documents: Collection[str] | None = None
    ) -> dict[str, CandidateReferences]:
        """Document id -> its stored candidate references, for every document extract
        scanned (documents stored before they were kept are missing); of ``documents``
        only, when given."""
        found: dict[str, dict[str, list[Any]]] = {}
        sql, params = _of_documents(
            "SELECT document, kind, fields FROM candidate_references", documents,
            "ORDER BY document, idx",
        )  # fmt: skip
        for document, kind, fields in self.conn.execute(sql, params):
            parts = found.setdefault(document, {kind: [] for kind in _CANDIDATE_KINDS})
            if kind in _CANDIDATE_KINDS:
                values = orjson.loads(fields)
                if kind == "description":
                    values["modifiers"] = tuple(values["modifiers"])
                parts[kind].append(_CANDIDATE_KINDS[kind](document=document, **values))
        return {
            document: CandidateReferences(
                tuple(parts["definition"]),
                tuple(parts["description"]),
                tuple(parts["coordination"]),
            )  # fmt: skip
            for document, parts in found.items()
        }

    def quote_records(
        self, documents: Collection[str] | None = None
    ) -> Iterator[tuple[int, Quote]]:
        sql, params = _of_documents("SELECT * FROM quotes", documents, "ORDER BY document, start")
        for row in self.conn.execute(sql, params):
            values = dict(row)
            row_id = values.pop("id")
            values.pop("speaker_id")
            values["joint_with"] = tuple(json.loads(values["joint_with"]))
            yield row_id, Quote(**values)

    def claim_records(
        self, documents: Collection[str] | None = None
    ) -> Iterator[tuple[int, Claim]]:
        sql, params = _of_documents("SELECT * FROM claims", documents, "ORDER BY document, start")
        for row in self.conn.execute(sql, params):
            values = dict(row)
            row_id = values.pop("id")
            values.pop("subject_id")
            values.pop("speaker_id")
            yield row_id, Claim(**values)

    # --- entities ---------------------------------------------------------------------

    def entities(self, entity_type: str | None = None) -> list[Entity]:
        """Entities, most mentioned first.

        SQLite builds the whole list as one JSON document, parsed once: decoding each
        row's alias lists separately costs more than the query on a large corpus.
        """
        where, params = ("WHERE type = ?", (entity_type.upper(),)) if entity_type else ("", ())
        row = self.conn.execute(
            "SELECT json_group_array(json_array(id, name, type, json(aliases), json(roles),"
            " mentions, json(documents), json(affiliations))) FROM (SELECT * FROM entities"
            f" {where} ORDER BY mentions DESC, name)",
            params,
        ).fetchone()
        if not row or not row[0]:
            return []
        return [
            _build(
                Entity,
                {
                    "id": i,
                    "name": n,
                    "type": t,
                    "aliases": tuple(a),
                    "roles": tuple(r),
                    "mentions": m,
                    "documents": tuple(d),
                    "affiliations": tuple(f),
                },
            )  # fmt: skip
            for i, n, t, a, r, m, d, f in orjson.loads(row[0])
        ]

    def entity_names(self) -> list[EntityName]:
        """Id, name and aliases of every entity (cheaper than whole Entity records)."""
        return [
            _build(EntityName, {"id": i, "name": n, "aliases": tuple(json.loads(a))})
            for i, n, a in self._tuples("SELECT id, name, aliases FROM entities")
        ]

    def entities_with_words(self, words: Collection[str]) -> set[str] | None:
        """Ids of the entities with one name holding every word of ``words`` (name-key
        words, see ``replace_entities``); None when the stored entities have no word index
        (resolved by an older version)."""
        if self.get_meta("entity_words") is None:
            return None
        wanted = sorted(set(words))
        return {
            entity_id
            for (entity_id,) in self._tuples(
                "SELECT entity_id FROM entity_words WHERE word IN"
                " (SELECT value FROM json_each(?)) GROUP BY entity_id, alias"
                " HAVING count(*) = ?",
                (json.dumps(wanted), len(wanted)),
            )
        }

    # --- name keys (resolution's blocking) ----------------------------------------------

    def name_keys_complete(self) -> bool:
        """Do the stored name keys and lower-case words cover every stored document (see
        ``replace_name_keys``)?"""
        return self.get_meta("name_keys") is not None

    def name_keys_of(self, documents: Collection[str]) -> dict[str, frozenset[str]]:
        """Document id -> the name keys of its mentions (documents without any left out)."""
        found: dict[str, set[str]] = {}
        for key, document in self._tuples(
            "SELECT key, document FROM name_keys WHERE document IN"
            " (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(documents))),),
        ):
            found.setdefault(document, set()).add(key)
        return {doc: frozenset(keys) for doc, keys in sorted(found.items())}

    def documents_with_keys(self, keys: Collection[str]) -> dict[str, frozenset[str]]:
        """Key -> the stored documents whose mentions have it (an index look-up per key;
        keys no document has are left out)."""
        found: dict[str, set[str]] = {}
        for key, document in self._tuples(
            "SELECT key, document FROM name_keys WHERE key IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(keys))),),
        ):
            found.setdefault(key, set()).add(document)
        return {key: frozenset(docs) for key, docs in sorted(found.items())}

    def lowercase_counts(
        self, phrases: Collection[tuple[str, ...]], excluding: Collection[str] = ()
    ) -> dict[tuple[str, ...], int]:
        """Phrase (comparison tokens) -> how many stored documents (but ``excluding``)
        write it in lower case (``resolve.lowercase``), by full-text phrase queries;
        phrases no document writes so are left out."""
        found = {}
        cursor = self.conn.cursor()
        cursor.row_factory = None
        left_out = sorted(set(excluding))
        sql = "SELECT count(*) FROM lowercase_words WHERE lowercase_words MATCH ?"
        if left_out:
            marks = ",".join("?" * len(left_out))
            sql += f" AND rowid NOT IN (SELECT row FROM lowercase_rows WHERE document IN ({marks}))"
        for phrase in sorted(set(phrases)):
            if not phrase:
                continue
            query = '"' + " ".join(phrase).replace('"', '""') + '"'
            (count,) = cursor.execute(sql, (query, *left_out)).fetchone()
            if count:
                found[phrase] = count
        return found

    def census_data(self, state: str) -> bytes | None:
        """The census kept for the corpus resolved under ``state`` (``save_census``), if
        that is the one kept."""
        row = self.conn.execute(
            "SELECT data FROM resolution_census WHERE state = ?", (state,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def entity_type_counts(self) -> dict[str, int]:
        return dict(self._tuples("SELECT type, count(*) FROM entities GROUP BY type"))

    def claim_subject_names(self) -> dict[str, str]:
        """Entity id -> canonical name, for the entities some claim is about."""
        return dict(
            self._tuples(
                "SELECT id, name FROM entities WHERE id IN (SELECT subject_id FROM claims)"
            )
        )

    # --- mentions ---------------------------------------------------------------------

    def mentions(
        self, label: str | None = None, document: str | None = None
    ) -> list[StoredMention]:
        """Stored mentions in text order, optionally of one label and/or document."""
        sql = f"SELECT {', '.join(_MENTION_FIELDS)} FROM mentions WHERE 1=1"
        sql, params = _narrowed(sql, {"label": label and label.upper(), "document": document})
        rows = self._tuples(sql + " ORDER BY document, start", params)
        pages = self.page_starts({r[0] for r in rows}) if rows else {}
        return [
            _build(
                StoredMention,
                {**dict(zip(_MENTION_FIELDS, r, strict=True)), "page": page_of(pages, r[0], r[1])},
            )
            for r in rows
        ]

    def mention_spans(
        self, *, entity_ids: Collection[str] | None = None, labels: Collection[str] | None = None
    ) -> list[Span]:
        """Offsets (and label) of the mentions of these entities and/or with these labels."""
        sql = "SELECT document, start, end, label FROM mentions WHERE 1=1"
        params: list[str] = []
        if entity_ids is not None:
            sql += " AND entity_id IN (SELECT value FROM json_each(?))"
            params.append(_json_list(entity_ids))
        if labels is not None:
            sql += " AND label IN (SELECT value FROM json_each(?))"
            params.append(_json_list(labels))
        return [
            _build(Span, {"document": d, "start": s, "end": e, "label": lab})
            for d, s, e, lab in self._tuples(sql, params)
        ]

    def place_text_counts(self, labels: Collection[str] = ("GPE", "LOC")) -> dict[str, int]:
        """Mention text -> how often it is tagged with one of ``labels``."""
        return dict(
            self._tuples(
                "SELECT text, count(*) FROM mentions WHERE label IN"
                " (SELECT value FROM json_each(?)) GROUP BY text",
                (_json_list(labels),),
            )
        )

    # --- quotes -----------------------------------------------------------------------

    def quotes(
        self,
        document: str | None = None,
        kind: str | None = None,
        *,
        speaker_ids: Collection[str] | None = None,
        unresolved_like: str = "",
    ) -> list[StoredQuote]:
        """Quotes in text order with their speaker's canonical name and their sentence.

        With ``speaker_ids``, only the quotes of those speakers and the unresolved ones
        whose speaker words contain ``unresolved_like`` (ASCII letters and digits, matched
        regardless of case), for the caller to test further.
        """
        sql = (
            "SELECT q.document, q.start, q.end, q.text, q.kind, q.cue, q.speaker_text,"
            " q.speaker_id, e.name, q.confidence, q.method, q.joint_with, q.sentence_start,"
            " q.sentence_end FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE 1=1"
        )
        sql, params = _narrowed(sql, {"q.document": document, "q.kind": kind})
        if speaker_ids is not None:
            sql += (
                " AND (q.speaker_id IN (SELECT value FROM json_each(?))"
                " OR (q.speaker_id IS NULL AND q.speaker_text LIKE ?))"
            )
            params += [_json_list(speaker_ids), f"%{unresolved_like}%"]
        rows = self._tuples(sql + " ORDER BY q.document, q.start, q.id", params)
        texts = self.texts_of(row[0] for row in rows)
        pages = self.page_starts(texts) if rows else {}
        found = []
        for (doc, start, end, said, qkind, cue, speaker_text, speaker_id, name, confidence,
             method, joint_with, s_start, s_end) in rows:  # fmt: skip
            text = texts.get(doc)
            if text is None:
                continue  # its document is gone: not shown, as an inner join would drop it
            found.append(
                _build(
                    StoredQuote,
                    {
                        "document": doc,
                        "start": start,
                        "end": end,
                        "text": said,
                        "kind": qkind,
                        "cue": cue,
                        "speaker_text": speaker_text,
                        "speaker_id": speaker_id,
                        "speaker_name": name,
                        "confidence": confidence,
                        "method": method,
                        # Most quotes are nobody's joint statement: skip parsing the empty list.
                        "joint_with": () if joint_with == "[]" else tuple(json.loads(joint_with)),
                        "sentence_start": s_start,
                        "sentence_end": s_end,
                        "sentence": text[s_start:s_end],
                        "page": page_of(pages, doc, start),
                    },
                )  # fmt: skip
            )
        return found

    # --- meetings (minutes) ------------------------------------------------------------

    def _people_resolver(self, documents: Collection[str]):  # type: ignore[no-untyped-def]
        """A function (document, start, end) -> (entity id, canonical name) for a printed
        name: the resolved PERSON mention overlapping its span."""
        spans: dict[str, list[tuple[int, int, str]]] = {}
        names: dict[str, str] = {}
        docs = sorted(set(documents))
        for chunk in range(0, len(docs), 500):
            part = docs[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            for doc, start, end, entity in self._tuples(
                "SELECT document, start, end, entity_id FROM mentions WHERE label = 'PERSON'"
                f" AND entity_id IS NOT NULL AND document IN ({marks}) ORDER BY document, start",
                part,
            ):
                spans.setdefault(doc, []).append((start, end, entity))
        if spans:
            names = dict(self._tuples("SELECT id, name FROM entities WHERE type = 'PERSON'"))

        def resolve(document: str, start: int, end: int) -> tuple[str | None, str | None]:
            for m_start, m_end, entity in spans.get(document, ()):
                if m_start >= end:
                    break
                if start < m_end:
                    return entity, names.get(entity)
            return None, None

        return resolve

    def attendance(
        self, document: str | None = None, status: str | None = None
    ) -> list[StoredAttendance]:
        """Attendance records in meeting order, each with its resolved person."""
        sql = (
            "SELECT a.id, a.document, a.name, a.status, a.role, a.start, a.end, a.event,"
            " a.time, a.item, d.title, d.date FROM attendance a"
            " JOIN documents d ON d.id = a.document WHERE 1=1"
        )
        sql, params = _narrowed(sql, {"a.document": document, "a.status": status})
        rows = self._tuples(sql + " ORDER BY d.date, a.document, a.id", params)
        resolve = self._people_resolver({row[1] for row in rows})
        found = []
        for (row_id, doc, name, a_status, role, start, end, event, time, item, title,
             date) in rows:  # fmt: skip
            entity_id, entity_name = resolve(doc, start, end)
            found.append(
                StoredAttendance(
                    id=row_id, document=doc, name=name, entity_id=entity_id,
                    entity_name=entity_name, status=a_status, role=role, start=start, end=end,
                    event=event, time=time, item=item, document_title=title, document_date=date,
                )
            )  # fmt: skip
        return found

    def decisions(
        self, document: str | None = None, outcome: str | None = None
    ) -> list[StoredDecision]:
        """Decisions in meeting order, movers, seconders and voters resolved."""
        sql = (
            "SELECT x.id, x.document, x.item, x.kind, x.text, x.outcome, x.moved_by,"
            " x.moved_by_start, x.moved_by_end, x.seconded_by, x.seconded_by_start,"
            " x.seconded_by_end, x.votes_for, x.votes_against, x.abstentions, x.voters,"
            " x.actor, x.start, x.end, d.title, d.date FROM decisions x"
            " JOIN documents d ON d.id = x.document WHERE 1=1"
        )
        sql, params = _narrowed(sql, {"x.document": document, "x.outcome": outcome})
        rows = self._tuples(sql + " ORDER BY d.date, x.document, x.start, x.id", params)
        resolve = self._people_resolver({row[1] for row in rows})

        def person(doc: str, name: str | None, start: int | None, end: int | None):  # type: ignore[no-untyped-def]
            if name is None or start is None or end is None:
                return None
            entity_id, entity_name = resolve(doc, start, end)
            return StoredPerson(name, start, end, entity_id, entity_name)

        found = []
        for (row_id, doc, item, kind, text, x_outcome, moved_by, m_start, m_end, seconded_by,
             s_start, s_end, votes_for, votes_against, abstentions, voters, actor, start, end,
             title, date) in rows:  # fmt: skip
            groups = {
                key: tuple(person(doc, n, a, b) for n, a, b in listed)
                for key, listed in json.loads(voters).items()
            }
            found.append(
                StoredDecision(
                    id=row_id, document=doc, item=item, kind=kind, text=text, outcome=x_outcome,
                    mover=person(doc, moved_by, m_start, m_end),
                    seconder=person(doc, seconded_by, s_start, s_end),
                    votes_for=votes_for, votes_against=votes_against, abstentions=abstentions,
                    voters=groups, actor=actor, start=start, end=end, document_title=title,
                    document_date=date,
                )
            )  # fmt: skip
        return found

    # --- claims -----------------------------------------------------------------------

    def claims(
        self,
        attributes: Collection[str] | None = None,
        *,
        subject_like: str = "",
        attribute_like: str = "",
    ) -> list[ClaimRow]:
        """Stored claims in text order (only those of ``attributes`` when given), each with
        its document's date and its sentence. With ``subject_like`` (ASCII letters and
        digits, any case), only claims whose subject words, subject id or subject's
        canonical name contain it; with ``attribute_like``, only those whose attribute
        contains it; for the caller to test further."""
        sql = (
            "SELECT c.id, c.document, c.start, c.end, c.subject_text, c.subject_id, c.attribute,"
            " c.value, c.normalized, c.unit, c.qualifier, c.as_of, c.status, c.speaker,"
            " c.speaker_id, c.sentence_start, c.sentence_end, d.date, d.date_source"
            " FROM claims c JOIN documents d ON d.id = c.document"
        )
        sql += " WHERE 1=1"
        params: list[Any] = []
        if attributes is not None:
            sql += " AND c.attribute IN (SELECT value FROM json_each(?))"
            params.append(_json_list(attributes))
        if subject_like:
            like = f"%{subject_like}%"
            sql += (
                " AND (c.subject_text LIKE ? OR c.subject_id LIKE ? OR c.subject_id IN"
                " (SELECT id FROM entities WHERE name LIKE ?))"
            )
            params += [like, like, like]
        if attribute_like:
            sql += " AND c.attribute LIKE ?"
            params.append(f"%{attribute_like}%")
        rows = self._tuples(sql + " ORDER BY c.document, c.start, c.id", params)
        if not rows:
            return []
        texts = self.texts_of(row[1] for row in rows)
        pages = self.page_starts(texts)
        return [
            _build(
                ClaimRow,
                {
                    "id": i,
                    "document": doc,
                    "start": start,
                    "end": end,
                    "subject_text": subject,
                    "subject_id": subject_id,
                    "attribute": attribute,
                    "value": value,
                    "normalized": normalized,
                    "unit": unit,
                    "qualifier": qualifier,
                    "as_of": as_of,
                    "status": status,
                    "speaker": speaker,
                    "speaker_id": speaker_id,
                    "sentence_start": s_start,
                    "sentence_end": s_end,
                    "document_date": date,
                    "date_source": date_source,
                    "sentence": texts[doc][s_start:s_end],
                    "page": page_of(pages, doc, start),
                },
            )  # fmt: skip
            for (
                i,
                doc,
                start,
                end,
                subject,
                subject_id,
                attribute,
                value,
                normalized,
                unit,
                qualifier,
                as_of,
                status,
                speaker,
                speaker_id,
                s_start,
                s_end,
                date,
                date_source,
            ) in rows  # fmt: skip
        ]

    # --- meta -------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def counts(self) -> dict[str, int]:
        """How many entities, mentions, quotes and claims are stored."""
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("entities", "mentions", "quotes", "claims")
        }

    def stored_aliases(self) -> list[tuple[str, str]]:
        """The alias corrections remembered from an earlier run."""
        saved = self.get_meta("aliases")
        return [(pair[0], pair[1]) for pair in json.loads(saved)] if saved else []

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` verdict ("ok" when sound)."""
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]
