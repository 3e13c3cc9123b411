"""Which claims the documents make: figures, ratings and dated events with their sentences."""

from __future__ import annotations

from collections.abc import Collection

from ..analyse import StoredClaim, stored_claims
from ..analyse.load import EXPLICIT_DATE_SOURCES
from ..store import Store
from .results import Results

TABLE_COLUMNS = [
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


def load_claims(
    store: Store, attributes: Collection[str] | None = None, *, group_keys: bool = True
) -> list[StoredClaim]:
    """Every stored claim (of ``attributes`` when given), ready to compare.

    ``group_keys=False`` is for listing without comparing (see ``stored_claims``).
    """
    rows = store.claims(attributes)
    if not rows:
        return []
    return stored_claims(
        rows,
        subject_names=store.claim_subject_names(),
        place_counts=store.place_text_counts() if group_keys else {},
        explicit_dates=store.explicit_dates(EXPLICIT_DATE_SOURCES),
        group_keys=group_keys,
    )


def claims(
    store: Store, subject: str | None = None, attribute: str | None = None
) -> Results[StoredClaim]:
    """Stored claims, optionally only those whose subject or attribute matches.

    ``subject`` matches the canonical name, the entity id or part of the name
    (case-insensitive); ``attribute`` the attribute name or part of it.
    """
    found = Results[StoredClaim]()
    for claim in load_claims(store, group_keys=False):  # listed, never compared
        if subject and not _matches(subject, claim.subject, claim.subject_id):
            continue
        if attribute and not _matches(attribute, claim.attribute):
            continue
        found.append(claim)
    return found


def _matches(wanted: str, *values: str | None) -> bool:
    needle = wanted.casefold().replace("’", "'")
    return any(v and needle in v.casefold().replace("’", "'") for v in values)
