"""Dated events in order, with their documents and whether those agree on the date."""

from __future__ import annotations

from typing import Any

from ..analyse import timeline as build_timeline
from ..knowledge import claim_vocabulary
from ..store import Store
from .claims import load_claims
from .results import Results

TABLE_COLUMNS = [
    ("date", "Date"),
    ("event", "Event"),
    ("subject", "Subject"),
    ("documents", "Documents"),
    ("agree", "Documents agree"),
    ("dates", "Dates given"),
]


def timeline(store: Store) -> Results[dict[str, Any]]:
    """Events in date order: ``{date, dates, event, subject, subject_id, documents, agree,
    planned, claims}``."""
    # Only event claims reach the timeline: leave the figures and ratings in the store.
    return Results(build_timeline(load_claims(store, claim_vocabulary().event_attributes)))
