"""Events in date order, each with the documents that mention it and whether they agree.

Event claims of one (subject, event) group are joined into one occurrence when their
dates overlap or contradict each other (the same visit placed in two months); dates that
are a change over time (a planned date, or years apart) stay separate occurrences.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from .compare import relation
from .records import AGREE, CONTRADICT, StoredClaim
from .values import date_interval


def build_timeline(claims: Sequence[StoredClaim]) -> list[dict[str, Any]]:
    """``{date, dates, event, subject, subject_id, documents, agree, claims}`` by date."""
    groups: dict[tuple[tuple[str, str], str], list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "event" and date_interval(claim.normalized) is not None:
            groups[(claim.key, claim.attribute)].append(claim)
    entries = []
    for members in groups.values():
        for occurrence in _occurrences(members):
            entries.append(_entry(occurrence))
    entries.sort(key=lambda e: (e["sort"], e["event"], e["subject"]))
    for entry in entries:
        del entry["sort"]
    return entries


def _occurrences(members: list[StoredClaim]) -> list[list[StoredClaim]]:
    parent = list(range(len(members)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            rel = relation(members[i], members[j])
            if rel is not None and rel.verdict in (AGREE, CONTRADICT):
                parent[find(i)] = find(j)
    joined: dict[int, list[StoredClaim]] = defaultdict(list)
    for i, claim in enumerate(members):
        joined[find(i)].append(claim)
    return list(joined.values())


def _entry(occurrence: list[StoredClaim]) -> dict[str, Any]:
    occurrence.sort(key=lambda c: (c.document, c.start))
    values = Counter(c.normalized for c in occurrence)
    # The date most claims give; among equals the finest (longest value), then earliest.
    date = max(values.items(), key=lambda item: (item[1], len(item[0] or ""), _neg(item[0])))[0]
    agree = all(
        rel is None or rel.verdict != CONTRADICT
        for i, a in enumerate(occurrence)
        for b in occurrence[i + 1 :]
        if a.document != b.document
        for rel in [relation(a, b)]
    )
    names = Counter(c.subject for c in occurrence)
    ids = Counter(c.subject_id for c in occurrence if c.subject_id)
    first = date_interval(date)
    return {
        "date": date,
        "dates": sorted({c.normalized for c in occurrence if c.normalized}),
        "event": occurrence[0].attribute,
        "subject": max(names.items(), key=lambda item: (item[1], len(item[0])))[0],
        "subject_id": ids.most_common(1)[0][0] if ids else None,
        "documents": sorted({c.document for c in occurrence}),
        "agree": agree,
        "planned": all(c.status == "planned" for c in occurrence),
        "claims": [c.as_dict() for c in occurrence],
        "sort": first[0].isoformat() if first else "9999",
    }


def _neg(value: str | None) -> tuple[int, ...]:
    interval = date_interval(value)
    return (-interval[0].toordinal(),) if interval else (0,)
