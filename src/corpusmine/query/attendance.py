"""Who attended which meeting: attendance records with their resolved people."""

from __future__ import annotations

from typing import Any

from ..records import AttendanceStatus
from ..store import Store, StoredAttendance
from .entities import matching_entity_ids, name_key
from .results import Results

FIELDS = ("document", "name", "entity_id", "status", "role", "start", "end", "event", "time",
          "item", "person")  # fmt: skip
TABLE_COLUMNS = [("document_title", "Meeting"), ("document_date", "Date"), ("name", "Name"),
                 ("person", "Person"), ("status", "Status"), ("role", "Role"),
                 ("event", "Event"), ("time", "Time")]  # fmt: skip
STATUSES = tuple(s.value for s in AttendanceStatus)


def attendance_dict(record: StoredAttendance) -> dict[str, Any]:
    """The attendance JSON record of DESIGN.md, with the person's canonical name."""
    return {
        "document": record.document,
        "name": record.name,
        "entity_id": record.entity_id,
        "status": record.status,
        "role": record.role,
        "start": record.start,
        "end": record.end,
        "event": record.event,
        "time": record.time,
        "item": record.item,
        "person": record.entity_name or record.name,
        "document_title": record.document_title,
        "document_date": record.document_date,
    }


def attendance(
    store: Store,
    person: str | None = None,
    document: str | None = None,
    status: str | None = None,
) -> Results[StoredAttendance]:
    """Attendance (of one person through any alias, at one meeting, of one status)."""
    found = store.attendance(document, status)
    if person:
        found = [r for r in found if is_person(store, person, r.entity_id, r.name)]
    return Results(found, attendance_dict)


def is_person(store: Store, person: str, entity_id: str | None, printed: str) -> bool:
    """Whether a printed name (or its entity) is the person a user asks for."""
    ids = _ids(store, person)
    if entity_id is not None and entity_id in ids:
        return True
    wanted = name_key(person).split()
    have = name_key(printed).split()
    return bool(wanted) and all(w in have for w in wanted)


def _ids(store: Store, person: str) -> set[str]:
    cache: dict[str, set[str]] = store.__dict__.setdefault("_person_ids", {})
    if person not in cache:
        cache[person] = matching_entity_ids(store, person)
    return cache[person]
