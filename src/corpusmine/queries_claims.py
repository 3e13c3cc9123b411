"""Read-side API for claims: the records ``corpusmine claims`` prints, as plain dicts with
the claim JSON fields of DESIGN.md (plus status, rank and date provenance)."""

from __future__ import annotations

from typing import Any

from .analyse import load_claims
from .store import Store

CLAIM_COLUMNS = [
    ("document", "Document"),
    ("subject", "Subject"),
    ("attribute", "Attribute"),
    ("value", "Value"),
    ("normalized", "Normalized"),
    ("unit", "Unit"),
    ("qualifier", "Qualifier"),
    ("as_of", "As of"),
    ("status", "Status"),
    ("speaker", "Speaker"),
]


def claim_rows(
    store: Store, subject: str | None = None, attribute: str | None = None
) -> list[dict[str, Any]]:
    """Stored claims, optionally only those whose subject or attribute matches.

    ``subject`` matches the canonical name, the entity id or part of the name
    (case-insensitive); ``attribute`` the attribute name or part of it.
    """
    rows = []
    for claim in load_claims(store, group_keys=False):  # listed, never compared
        if subject and not _matches(subject, claim.subject, claim.subject_id):
            continue
        if attribute and not _matches(attribute, claim.attribute):
            continue
        rows.append(claim.as_dict())
    return rows


def _matches(wanted: str, *values: str | None) -> bool:
    needle = wanted.casefold().replace("’", "'")
    return any(v and needle in v.casefold().replace("’", "'") for v in values)


TIMELINE_COLUMNS = [
    ("date", "Date"),
    ("event", "Event"),
    ("subject", "Subject"),
    ("documents", "Documents"),
    ("agree", "Documents agree"),
    ("dates", "Dates given"),
]
