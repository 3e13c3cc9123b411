"""Read the stored claims back as ``StoredClaim`` records, ready to compare.

This is also where a relative date that could not be resolved at extract time (an
undated document in a corpus with no dated document to borrow from) gets a corpus-level
anchor, and where every date that rests on an inferred document date is labelled so.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
from collections import Counter
from datetime import date

from ..extract.claim_subjects import subject_key
from ..extract.claim_vocab import rating_ranks, vocabulary
from ..store import Store
from ..temporal import normalize_expression
from .records import StoredClaim

EXPLICIT_DATE_SOURCES = frozenset({"header", "front-matter", "manifest"})
_WORD = re.compile(r"[a-z][a-z'-]*")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


def claim_kind(attribute: str) -> str:
    """count, amount, rating or event, from the attribute name's vocabulary."""
    vocab = vocabulary()
    if attribute in vocab.event_attributes:
        return "event"
    area_prefix = vocab.rating_area_template.split("{")[0]
    if attribute == vocab.rating_attribute or attribute.startswith(area_prefix):
        return "rating"
    if attribute.startswith(vocab.count_template.split("{")[0]):
        return "count"
    return "amount"


def corpus_places(store: Store, min_mentions: int = 2) -> frozenset[str]:
    """Words of places named in the corpus (they do not distinguish subjects).

    A word counts once it is tagged as a place at least ``min_mentions`` times, so that one
    tagging slip ("Children" as a place) does not erase what tells two subjects apart.
    """
    rows = store.rows(
        "SELECT text, count(*) AS n FROM mentions WHERE label IN ('GPE', 'LOC') GROUP BY text"
    )
    counts: Counter[str] = Counter()
    for row in rows:
        for word in set(_WORD.findall(row["text"].lower().replace("’", "'"))):
            counts[word] += row["n"]
    return frozenset(word for word, n in counts.items() if n >= min_mentions)


def load_claims(store: Store) -> list[StoredClaim]:
    """Every stored claim, with its subject's canonical name and its document's date."""
    names = {
        row["id"]: row["name"]
        for row in store.rows(
            "SELECT id, name FROM entities WHERE id IN (SELECT subject_id FROM claims)"
        )
    }
    places = corpus_places(store)
    keys: dict[str, tuple[str, str]] = {}  # subject names repeat across claims
    documents = {row["id"]: row for row in store.documents()}
    explicit = [
        row["date"]
        for row in documents.values()
        if row["date_source"] in EXPLICIT_DATE_SOURCES and row["date"]
    ]
    anchor = corpus_anchor(explicit)
    ranks = rating_ranks()
    claims = []
    # SQLite slices each sentence itself (substr counts characters, 1-based), so the
    # document texts never travel into Python.
    for row in store.rows(
        "SELECT c.*, substr(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start)"
        " AS sentence FROM claims c JOIN documents d ON d.id = c.document"
        " ORDER BY c.document, c.start, c.id"
    ):
        document = documents.get(row["document"])
        subject_id = row["subject_id"]
        canonical = names.get(subject_id) if subject_id else None
        key = keys.get(row["subject_text"]) or keys.setdefault(
            row["subject_text"], subject_key(row["subject_text"], places)
        )
        if not key[0] and canonical:
            key = subject_key(canonical, places)  # an acronym or a bare noun: use the entity
        kind = claim_kind(row["attribute"])
        normalized, note = row["normalized"], None
        reference = inferred = None
        doc_date = document["date"] if document else None
        date_source = document["date_source"] if document else "none"
        if kind == "event":
            normalized, note, reference = _event_date(
                row, normalized, doc_date, date_source, anchor
            )
            inferred = ("year" if _MONTH.search(row["value"]) else "month") if reference else None
        rank = ranks.get((row["normalized"] or "").lower(), (None, None))[1]
        claims.append(
            StoredClaim(
                id=row["id"],
                document=row["document"],
                subject=canonical or _tidy(row["subject_text"]),
                subject_id=subject_id,
                key=key,
                attribute=row["attribute"],
                kind=kind,
                value=row["value"],
                normalized=normalized,
                unit=row["unit"],
                qualifier=row["qualifier"],
                as_of=normalized if kind == "event" else row["as_of"],
                status=row["status"],
                speaker=row["speaker"],
                speaker_id=row["speaker_id"],
                sentence=row["sentence"],
                start=row["start"],
                end=row["end"],
                sentence_start=row["sentence_start"],
                sentence_end=row["sentence_end"],
                document_date=doc_date,
                date_source=date_source,
                rank=rank if kind == "rating" else None,
                date_note=note,
                date_reference=reference,
                date_inferred=inferred,
            )
        )
    return claims


def corpus_anchor(explicit_dates: list[str]) -> str | None:
    """The middle of the corpus's explicitly dated documents (ISO day), or None.

    A pile of documents about one story is written over a short period, so an undated
    document is read as if written then. This is the fallback of last resort; the
    extract stage normally infers a date per document first.
    """
    days = sorted(date.fromisoformat(d) for d in explicit_dates if len(d) == 10)
    if not days:
        return None
    middle = statistics.median_low([d.toordinal() for d in days])
    return date.fromordinal(middle).isoformat()


def _event_date(
    row: sqlite3.Row, normalized: str | None, doc_date: str | None, source: str, anchor: str | None
) -> tuple[str | None, str | None, str | None]:
    """An event's ISO date, a note when it rests on an inferred date, and that date."""
    value, status = row["value"], row["status"]
    tense = "future" if status == "planned" else "past"
    if normalized is None:
        reference = doc_date or anchor
        if reference is None:
            return None, f"'{value}' could not be dated: the document has no date", None
        norm = normalize_expression(value, document_date=reference, tense=tense)
        if norm is None or norm.value is None:
            return None, f"'{value}' could not be dated", None
        how = "inferred date" if doc_date else "corpus date (middle of the dated documents)"
        how = f"{how} {reference}"
        return norm.value, _note(value, norm.value, how), how
    if source not in EXPLICIT_DATE_SOURCES and not _is_absolute(value, normalized):
        how = f"inferred date {doc_date}"
        return normalized, _note(value, normalized, how), how
    return normalized, None, None


def _note(value: str, normalized: str, reference: str) -> str:
    # A named month keeps its month; only its year comes from the reference date.
    inferred = "year" if _MONTH.search(value) else "month"
    return (
        f"'{value}' read as {normalized}, the {inferred} inferred: the document is undated "
        f"and was resolved against its {reference}"
    )


def _is_absolute(value: str, normalized: str) -> bool:
    """True when the text itself gives the year ("April 2023", "2019")."""
    return normalized[:4] in value


def _tidy(text: str) -> str:
    return " ".join(text.replace("’", "'").split())
