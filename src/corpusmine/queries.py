"""Read-side API over the store: the records the query commands print, as plain dicts
with the JSON field names of DESIGN.md."""

from __future__ import annotations

from typing import Any

from .store import Store


def entity_rows(store: Store, entity_type: str | None = None) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "roles": list(e.roles),
            "affiliations": list(e.affiliations),
            "mentions": e.mentions,
            "documents": list(e.documents),
        }
        for e in store.entities(entity_type)
    ]


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
