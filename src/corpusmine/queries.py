"""Read-side API over the store: the records the query commands print, as plain dicts
with the JSON field names of DESIGN.md."""

from __future__ import annotations

import json
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
    for entity in store.entities():
        keys = {_name_key(alias) for alias in (entity.name, *entity.aliases)}
        if wanted in keys or any(all(w in key.split() for w in words) for key in keys):
            found.add(entity.id)
    return found


def who_said_rows(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    document: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Quotes with their resolved speaker, filtered as ``corpusmine who-said`` asks."""
    sql = (
        "SELECT q.*, e.name AS entity_name,"
        " substr(d.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS sentence"
        " FROM quotes q JOIN documents d ON d.id = q.document"
        " LEFT JOIN entities e ON e.id = q.speaker_id WHERE 1=1"
    )
    params: list[Any] = []
    if document:
        sql += " AND q.document = ?"
        params.append(document)
    if kind:
        sql += " AND q.kind = ?"
        params.append(kind)
    rows = store.rows(sql + " ORDER BY q.document, q.start", params)
    if speaker:
        ids = matching_entity_ids(store, speaker)
        key = _name_key(speaker)
        rows = [
            r
            for r in rows
            if r["speaker_id"] in ids
            or (r["speaker_id"] is None and key and key in _name_key(r["speaker_text"]))
        ]
    if about:
        rows = _about(store, rows, about)
    result = []
    for r in rows:
        result.append(
            {
                "document": r["document"],
                "speaker": r["entity_name"] or r["speaker_text"],
                "speaker_id": r["speaker_id"],
                "speaker_mention": r["speaker_text"],
                "text": r["text"],
                "kind": r["kind"],
                "cue": r["cue"],
                "start": r["start"],
                "end": r["end"],
                "confidence": r["confidence"],
                "method": r["method"],
                "joint_with": json.loads(r["joint_with"]),
                "sentence": r["sentence"],
            }
        )
    return result


def _about(store: Store, rows: list[Any], about: str) -> list[Any]:
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
