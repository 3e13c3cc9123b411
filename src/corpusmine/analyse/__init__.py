"""Analyse: where the documents agree, contradict, or talk about different times.

``find_findings`` groups the stored claims by (subject, attribute) across documents and
decides a verdict for each group; ``timeline`` lists dated events in order with the
documents behind each. Both take ``StoredClaim`` records (``stored_claims`` makes them from
what the store reads) and return plain records; nothing reads the store or prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .consistency import decide
from .load import stored_claims
from .records import Finding, Findings, StoredClaim
from .timeline import build_timeline

__all__ = ["Finding", "Findings", "StoredClaim", "find_findings", "stored_claims", "timeline"]


def find_findings(claims: list[StoredClaim], labels: Mapping[str, str] | None = None) -> Findings:
    """Contradictions, agreements, checks, single-source claims and changes over time;
    ``labels`` name documents in the explanations (title, source, date) instead of ids."""
    return decide(claims, labels)


def timeline(claims: list[StoredClaim]) -> list[dict[str, Any]]:
    """Events in date order: ``{date, event, subject, documents, agree, claims, ...}``.

    Only event claims count; the others may be passed along or left out.
    """
    return build_timeline(claims)
