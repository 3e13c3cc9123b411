"""The report: built once when the stored records change, kept in the database, and
rendered as JSON, Markdown or HTML.

The report reads every claim, finding and quote: on 2,225 articles it is 12.5 MB of JSON
and about half a second of work. ``extract`` builds it right after resolution and stores
the text with a key naming what it was built from: the resolution state (documents and
aliases) and the same code digest that keys every stored document. ``report`` reuses it
while the key still holds and builds it afresh otherwise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import orjson

from ..nlp import signature
from ..report.build import build_report
from ..report.output import json_text
from ..store import RESOLVED_STATE, Store
from .claims import load_claims
from .quotes import statements

_TEXT = "report_json"
_KEY = "report_key"


@dataclass(frozen=True)
class Report:
    """The report of one database: its data (the DESIGN.md report JSON) and renderings."""

    json: str  # the data as indented JSON text, as ``report --format json`` writes it
    db: str

    @cached_property
    def data(self) -> dict[str, Any]:
        """The report as data, parsed when first asked for: ``report --format json``
        writes the stored text as it is (97 MB at 17,800 documents: parsing it cost
        more than reading it)."""
        return orjson.loads(self.json)

    def to_json(self) -> str:
        return self.json

    def to_markdown(self) -> str:
        from ..report.markdown import render_markdown

        return render_markdown(self.data)

    def to_html(self) -> str:
        with Store(self.db, create=False) as store:
            return report_html(store, self.data)


def fresh_report(store: Store) -> dict[str, Any]:
    """The report built now from what is stored."""
    furniture = json.loads(store.get_meta("boilerplate") or "{}")
    return build_report(
        load_claims(store), store.documents(), store.entity_type_counts(), statements(store),
        decisions=store.decisions(),
        attendance=store.attendance(),
        boilerplate=int(furniture.get("paragraphs", 0)),
    )  # fmt: skip


def refresh_report(store: Store) -> None:
    """Build and store the report unless the stored one is still current."""
    key = _current_key(store)  # before building: a run that changes the records meanwhile
    if key is not None and store.get_meta(_KEY) != key:  # moves the key on
        store.set_meta_together({_TEXT: json_text(fresh_report(store)), _KEY: key})


def report_json(store: Store) -> str:
    """The report as JSON text: the stored one if current, else built now."""
    stored = _stored_text(store)
    return stored if stored is not None else json_text(fresh_report(store))


def report_data(store: Store) -> dict[str, Any]:
    """The report as data (for Markdown and HTML)."""
    stored = _stored_text(store)
    return orjson.loads(stored) if stored is not None else fresh_report(store)


def report(store: Store) -> Report:
    """The report as a record (data and JSON text)."""
    text = report_json(store)
    return Report(text, str(store.path))


def report_html(store: Store, data: dict[str, Any] | None = None) -> str:
    """The HTML page: the report plus the document texts with their mentions tinted."""
    from ..report.html import HIGHLIGHT_LABELS, render_html

    data = data if data is not None else report_data(store)
    # Two queries for the whole corpus, not two per document.
    texts = store.texts_of(doc["id"] for doc in data["documents"])
    return render_html(data, texts, store.mention_spans(labels=HIGHLIGHT_LABELS))


def _stored_text(store: Store) -> str | None:
    """The stored report's JSON text if it was built from what is stored now."""
    key = _current_key(store)
    if key is None or store.get_meta(_KEY) != key:
        return None
    return store.get_meta(_TEXT)


def _current_key(store: Store) -> str | None:
    resolved = store.get_meta(RESOLVED_STATE)
    return f"{resolved}:{signature.code_digest()}" if resolved else None
