"""Minutes read as a meeting: items, attendance, decisions (and, in ``detect``, whether a
document is minutes at all). Pure functions of one ingested document; no spaCy needed,
so that recognition and the benchmark run on text alone.

``read_meeting(source)`` gives every record; each task has its module: ``detect``,
``items``, ``attendance``, ``decisions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...records import AgendaItem, Attendance, Decision, SourceDocument
from .attendance import find_attendance
from .decisions import find_decisions
from .detect import MinutesEvidence, minutes_evidence
from .items import find_items
from .lines import minutes_lines

__all__ = [
    "Meeting",
    "MinutesEvidence",
    "find_attendance",
    "find_decisions",
    "find_items",
    "minutes_evidence",
    "read_meeting",
]


@dataclass(frozen=True)
class Meeting:
    """Everything read from one document of minutes."""

    items: tuple[AgendaItem, ...]
    attendance: tuple[Attendance, ...]
    decisions: tuple[Decision, ...]


def read_meeting(source: SourceDocument) -> Meeting:
    """Items, attendance and decisions of one document (empty unless it is minutes)."""
    if source.kind != "minutes":
        return Meeting((), (), ())
    lines = minutes_lines(source)
    items = find_items(source, lines)
    decisions, votes = find_decisions(source, lines, items)
    attendance = find_attendance(source, lines, items, skip=votes)
    return Meeting(items, attendance, decisions)
