"""Read-side API over the store: the records the query commands print, as plain dicts
with the JSON field names of DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .resolve.lexicon import lexicon
from .resolve.names import straighten
from .store import Store


def entity_rows(store: Store, entity_type: str | None = None) -> list[dict[str, Any]]:
    return store.entity_dicts(entity_type)


def mention_rows(
    store: Store, label: str | None = None, document: str | None = None
) -> list[dict[str, Any]]:
    sql = (
        "SELECT document, start, end, label, text, entity_id, normalized, date_mod,"
        " sentence_start, sentence_end FROM mentions WHERE 1=1"
    )
    params: list[Any] = []
    if label:
        sql += " AND label = ?"
        params.append(label.upper())
    if document:
        sql += " AND document = ?"
        params.append(document)
    return [dict(r) for r in store.rows(sql + " ORDER BY document, start", params)]


def _name_key(text: str) -> str:
    """Lower-cased name with apostrophes unified and honorifics dropped, for matching."""
    honorifics = lexicon().honorifics
    words = straighten(text).replace(".", " ").lower().split()
    while words and (words[0] in honorifics or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def matching_entity_ids(store: Store, name: str) -> set[str]:
    """Entities a user means by ``name``: an exact alias, or every word of it in one alias
    ("Smithers", "Cllr Nunn", "ofsted", "the trust" all find their entity)."""
    wanted = _name_key(name)
    if not wanted:
        return set()
    words = wanted.split()
    found: set[str] = set()
    # Only names and aliases: building whole Entity records costs several times more.
    for entity_id, canonical, aliases in store.tuples("SELECT id, name, aliases FROM entities"):
        keys = {_name_key(alias) for alias in (canonical, *json.loads(aliases))}
        if wanted in keys or any(all(w in key.split() for w in words) for key in keys):
            found.add(entity_id)
    return found


def who_said_rows(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    document: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Quotes with their resolved speaker, filtered as ``corpusmine who-said`` asks."""
    quotes = [_quote(row, text) for row, text in _quote_rows(store, document, kind)]
    if speaker:
        ids = matching_entity_ids(store, speaker)
        key = _name_key(speaker)
        quotes = [
            q
            for q in quotes
            if q["speaker_id"] in ids
            or (q["speaker_id"] is None and key and key in _name_key(q["speaker_mention"]))
        ]
    if about:
        quotes = _about(store, quotes, about)
    return quotes


def speaker_quotes(store: Store) -> list[tuple[str, str | None, dict[str, Any]]]:
    """Every quote as ``(speaker, speaker_id, record)``, the record holding what the report
    shows of it: document, text, kind, cue, start, end, sentence."""
    return [_statement(row, text) for row, text in _quote_rows(store)]


def _quote_rows(
    store: Store, document: str | None = None, kind: str | None = None
) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Quote rows in text order, each with its document's text."""
    sql = (
        "SELECT q.document, q.start, q.end, q.text, q.kind, q.cue, q.speaker_text, q.speaker_id,"
        " q.confidence, q.method, q.joint_with, q.sentence_start, q.sentence_end, e.name"
        " FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE 1=1"
    )
    params: list[Any] = []
    if document:
        sql += " AND q.document = ?"
        params.append(document)
    if kind:
        sql += " AND q.kind = ?"
        params.append(kind)
    rows = store.tuples(sql + " ORDER BY q.document, q.start, q.id", params)
    texts = store.texts_of(row[0] for row in rows)
    # A quote whose document is gone is not shown (as an inner join would drop it).
    return ((row, texts[row[0]]) for row in rows if row[0] in texts)


def _quote(row: tuple[Any, ...], text: str) -> dict[str, Any]:
    """One who-said record from a quotes row and its document's text."""
    (document, start, end, said, kind, cue, speaker_text, speaker_id, confidence, method,
     joint_with, sentence_start, sentence_end, entity_name) = row  # fmt: skip
    return {
        "document": document,
        "speaker": entity_name or speaker_text,
        "speaker_id": speaker_id,
        "speaker_mention": speaker_text,
        "text": said,
        "kind": kind,
        "cue": cue,
        "start": start,
        "end": end,
        "confidence": confidence,
        "method": method,
        # Most quotes are nobody's joint statement: skip parsing the empty list.
        "joint_with": [] if joint_with == "[]" else json.loads(joint_with),
        "sentence": text[sentence_start:sentence_end],
    }


def _statement(row: tuple[Any, ...], text: str) -> tuple[str, str | None, dict[str, Any]]:
    (document, start, end, said, kind, cue, speaker_text, speaker_id, _confidence, _method,
     _joint_with, sentence_start, sentence_end, entity_name) = row  # fmt: skip
    record = {
        "document": document,
        "text": said,
        "kind": kind,
        "cue": cue,
        "start": start,
        "end": end,
        "sentence": text[sentence_start:sentence_end],
    }
    return entity_name or speaker_text, speaker_id, record


def _about(store: Store, rows: list[dict[str, Any]], about: str) -> list[dict[str, Any]]:
    """Keep quotes whose text has every word of ``about``, or mentions that entity."""
    words = about.lower().split()
    entity_ids = matching_entity_ids(store, about)
    spans: dict[str, list[tuple[int, int]]] = {}
    if entity_ids:
        marks = ",".join("?" * len(entity_ids))
        for m in store.rows(
            f"SELECT document, start, end FROM mentions WHERE entity_id IN ({marks})",
            sorted(entity_ids),
        ):
            spans.setdefault(m["document"], []).append((m["start"], m["end"]))
    kept = []
    for r in rows:
        lowered = r["text"].lower().replace("’", "'")
        if all(w.replace("’", "'") in lowered for w in words) or any(
            r["start"] <= s and e <= r["end"] for s, e in spans.get(r["document"], ())
        ):
            kept.append(r)
    return kept
