"""The report's minutes sections: every decision per meeting, and per person their
attendance, what they moved, seconded and voted on, and how often they spoke, across
every meeting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # query imports the report: only the types
    from ..query.quotes import Statement
    from ..store import StoredAttendance, StoredDecision

VOTE_KEYS = ("for", "against", "abstain", "absent")


def decision_rows(decisions: Sequence[StoredDecision]) -> list[dict[str, Any]]:
    """The decision JSON records of DESIGN.md, in meeting order."""
    from ..query.decisions import decision_dict

    return [decision_dict(d) for d in decisions]


def meetings(decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Decisions grouped by meeting: ``{document, title, date, decisions}``."""
    grouped: dict[str, dict[str, Any]] = {}
    for d in decisions:
        meeting = grouped.setdefault(
            d["document"],
            {"document": d["document"], "title": d["document_title"],
             "date": d["document_date"], "decisions": []},
        )  # fmt: skip
        meeting["decisions"].append(d)
    return list(grouped.values())


def people_at_meetings(
    attendance: Sequence[StoredAttendance],
    decisions: Sequence[StoredDecision],
    statements: Sequence[Statement],
) -> list[dict[str, Any]]:
    """Per person of the minutes: ``{person, entity_id, attendance: [...], votes: [...],
    statements}``, most involved first. A person is their entity, else the printed name."""
    people: dict[str, dict[str, Any]] = {}

    def entry(entity_id: str | None, entity_name: str | None, printed: str) -> dict[str, Any]:
        key = entity_id or f"name:{printed}"
        if key not in people:
            people[key] = {"person": entity_name or printed, "entity_id": entity_id,
                           "attendance": [], "votes": [], "statements": 0}  # fmt: skip
        return people[key]

    for a in attendance:
        entry(a.entity_id, a.entity_name, a.name)["attendance"].append(
            {
                "document": a.document,
                "title": a.document_title,
                "date": a.document_date,
                "status": a.status,
                "role": a.role,
                "event": a.event,
                "time": a.time,
                "start": a.start,
                "end": a.end,
            }  # fmt: skip
        )
    for d in decisions:
        parts: dict[str, list[str]] = {}
        refs = [("moved", d.mover), ("seconded", d.seconder)]
        refs += [(f"voted {key}" if key != "absent" else "absent from the vote", ref)
                 for key in VOTE_KEYS for ref in d.voters.get(key, ())]  # fmt: skip
        for role, ref in refs:
            if ref is None:
                continue
            key = ref.entity_id or f"name:{ref.name}"
            entry(ref.entity_id, ref.entity_name, ref.name)
            parts.setdefault(key, []).append(role)
        for key, roles in parts.items():
            people[key]["votes"].append(
                {
                    "document": d.document,
                    "title": d.document_title,
                    "item": d.item,
                    "text": d.text,
                    "outcome": d.outcome,
                    "role": "; ".join(roles),
                    "start": d.start,
                    "end": d.end,
                }  # fmt: skip
            )
    for s in statements:
        if s.speaker_id and s.speaker_id in people:
            people[s.speaker_id]["statements"] += 1
    rows = list(people.values())
    rows.sort(key=lambda p: (-(len(p["attendance"]) + len(p["votes"])), p["person"]))
    return rows
