"""Analyse: where the documents agree, contradict, or talk about different times.

``find_findings`` groups the stored claims by (subject, attribute) across documents and
decides a verdict for each group; ``timeline`` lists dated events in order with the
documents behind each. Both read the store and return plain records; nothing prints.
"""

from __future__ import annotations

from typing import Any

from ..extract.claims.vocabulary import vocabulary
from ..store import Store
from .consistency import decide
from .load import load_claims
from .records import Finding, Findings, StoredClaim
from .timeline import build_timeline

__all__ = ["Finding", "Findings", "StoredClaim", "find_findings", "load_claims", "timeline"]


def find_findings(store: Store, claims: list[StoredClaim] | None = None) -> Findings:
    """Contradictions, agreements, checks, single-source claims and changes over time.

    ``claims`` (from ``load_claims``) saves loading them again when the caller has them.
    """
    return decide(claims if claims is not None else load_claims(store))


def timeline(store: Store, claims: list[StoredClaim] | None = None) -> list[dict[str, Any]]:
    """Events in date order: ``{date, event, subject, documents, agree, claims, ...}``."""
    if claims is None:
        # Only event claims reach the timeline: leave the figures and ratings in the store.
        claims = load_claims(store, vocabulary().event_attributes)
    return build_timeline(claims)
