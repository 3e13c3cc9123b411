"""Every mention with its offsets, label, normalised value and entity."""

from __future__ import annotations

from ..store import Store, StoredMention
from .results import Results

TABLE_COLUMNS = [("document", "Document"), ("start", "Start"), ("end", "End"),
                 ("label", "Label"), ("text", "Text"), ("normalized", "Normalized"),
                 ("entity_id", "Entity")]  # fmt: skip


def mentions(
    store: Store, label: str | None = None, document: str | None = None
) -> Results[StoredMention]:
    """Mentions in text order, of one label and/or one document when given."""
    return Results(store.mentions(label, document))
