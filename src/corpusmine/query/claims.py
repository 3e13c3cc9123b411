"""Which claims the documents make: figures, ratings and dated events with their sentences."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..analyse import StoredClaim, stored_claims
from ..analyse.load import EXPLICIT_DATE_SOURCES
from ..knowledge import claim_vocabulary
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
    store: Store,
    attributes: Collection[str] | None = None,
    *,
    group_keys: bool = True,
    subject_like: str = "",
    attribute_like: str = "",
) -> list[StoredClaim]:
    """Every stored claim (of ``attributes`` when given), ready to compare.

    ``group_keys=False`` is for listing without comparing (see ``stored_claims``).
    """
    rows = store.claims(attributes, subject_like=subject_like, attribute_like=attribute_like)
    if not rows:
        return []
    return stored_claims(
        rows,
        subject_names=store.claim_subject_names(),
        place_counts=store.place_text_counts() if group_keys else {},
        leads=store.document_leads(claim_vocabulary().incident_lead_chars) if group_keys else {},
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
    # SQLite keeps the claims whose subject and attribute may match (they hold the longest
    # run of ASCII letters of the wanted text); _matches decides. A name whose only match
    # comes through Unicode case folding of a non-ASCII letter ("ß" for "ss") is not found
    # this way.
    listed = load_claims(
        store, group_keys=False, subject_like=_longest_run(subject),
        attribute_like=_longest_run(attribute),
    )  # fmt: skip
    for claim in listed:  # listed, never compared
        if subject and not _matches(subject, claim.subject, claim.subject_id):
            continue
        if attribute and not _matches(attribute, claim.attribute):
            continue
        found.append(claim)
    return found


def _longest_run(wanted: str | None) -> str:
    """The longest run of ASCII letters and digits of ``wanted`` folded, or ''."""
    runs = sorted(re.findall(r"[a-z0-9]+", _fold(wanted)), key=len) if wanted else []
    return runs[-1] if runs else ""


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


def _matches(wanted: str, *values: str | None) -> bool:
    needle = _fold(wanted)
    return any(v and needle in _fold(v) for v in values)
