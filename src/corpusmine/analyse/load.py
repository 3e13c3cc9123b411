"""Turn the stored claims (``ClaimRow`` records) into ``StoredClaim`` records, ready to compare.

This is also where a relative date that could not be resolved at extract time (an
undated document in a corpus with no dated document to borrow from) gets a corpus-level
anchor, and where every date that rests on an inferred document date is labelled so.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date

from ..extract.claims.subjects import subject_parts
from ..ingest.metadata import EXPLICIT_DATE_SOURCES
from ..knowledge import claim_vocabulary, ratings, temporal_lexicon
from ..records import DateSource
from ..store import ClaimRow
from ..temporal import normalize_expression
from ..temporal.corpus_dates import CorpusDates
from .records import StoredClaim

NO_KEY = ("", "")  # a claim that is never grouped with others
_EDGE_MARKS = " '\"\u2018\u2019\u201c\u201d`"
_WORD = re.compile(r"[a-z][a-z'-]*")
_TRAILING_JOINER = re.compile(r"(?:\s+[-\u2013\u2014]+)(?:\s+(?:and|or|but))?\s*$")
# A word starting like a month name (temporal.yaml) says the value is at most a year off.
_MONTH_STARTS = "|".join(sorted({name[:3] for name in temporal_lexicon().months}))
_MONTH = re.compile(rf"\b({_MONTH_STARTS})[a-z]*\b", re.IGNORECASE)


def claim_kind(attribute: str) -> str:
    """count, amount, rating or event, from the attribute name's vocabulary."""
    vocab = claim_vocabulary()
    if attribute in vocab.event_attributes:
        return "event"
    area_prefix = vocab.rating_area_template.split("{")[0]
    if attribute == vocab.rating_attribute or attribute.startswith(area_prefix):
        return "rating"
    if attribute.startswith(vocab.count_template.split("{")[0]):
        return "count"
    return "amount"


def corpus_places(place_counts: dict[str, int], min_mentions: int = 2) -> frozenset[str]:
    """Words of places named in the corpus (they do not distinguish subjects).

    ``place_counts`` is how often each text is tagged as a place (GPE, LOC). A word counts
    once it is tagged as a place at least ``min_mentions`` times, so that one tagging slip
    ("Children" as a place) does not erase what tells two subjects apart.
    """
    counts: Counter[str] = Counter()
    for text, n in place_counts.items():
        for word in set(_WORD.findall(text.lower().replace("’", "'"))):
            counts[word] += n
    return frozenset(word for word, n in counts.items() if n >= min_mentions)


def stored_claims(
    rows: Sequence[ClaimRow],
    *,
    subject_names: dict[str, str],
    place_counts: dict[str, int],
    explicit_dates: list[str],
    group_keys: bool = True,
    leads: dict[str, str] | None = None,
) -> list[StoredClaim]:
    """Stored claims ready to compare, each with its subject's canonical name.

    ``subject_names`` maps entity ids to canonical names, ``place_counts`` is what
    ``corpus_places`` reads, ``explicit_dates`` the dates documents give in their
    metadata (the corpus anchor), ``leads`` each document's title and lead (its first
    characters: where its incidents happened). ``group_keys=False`` leaves every ``key``
    empty, which means "never grouped": for callers that list claims without comparing
    them, as working out the keys is much of the cost.
    """
    if not rows:
        return []
    reader = _Reader(subject_names, place_counts, explicit_dates, group_keys, leads or {})
    return [reader.claim(row) for row in rows]


class _Reader:
    """Turns claim rows into StoredClaims, remembering what repeats across claims (subject
    keys, attribute kinds) so each is worked out once."""

    def __init__(
        self,
        names: dict[str, str],
        place_counts: dict[str, int],
        explicit_dates: list[str],
        group_keys: bool,
        leads: dict[str, str],
    ) -> None:
        self.names = names
        self.group_keys = group_keys
        self.places = corpus_places(place_counts) if group_keys else frozenset()
        self.anchor = corpus_anchor(explicit_dates)
        # The date a document with no date clue of its own was given (corpus_dates).
        self.typical = CorpusDates(tuple(sorted(explicit_dates))).typical
        # The corpus's place words in each document's title and lead.
        self.lead_places = {
            document: frozenset(w for w in _WORD.findall(_fold(lead)) if w in self.places)
            for document, lead in leads.items()
        }
        self.ranks = ratings().ranks
        self.keys: dict[str, tuple[tuple[str, str], frozenset[str]]] = {}
        self.kinds: dict[str, str] = {}

    def claim(self, row: ClaimRow) -> StoredClaim:
        subject_text, subject_id, attribute = row.subject_text, row.subject_id, row.attribute
        value, status, normalized = row.value, row.status, row.normalized
        doc_date, date_source = row.document_date, row.date_source
        canonical = self.names.get(subject_id) if subject_id else None
        if canonical:
            # "Hillary Clinton '", "Donald Trump - and": edges a name picked up in resolution
            canonical = _TRAILING_JOINER.sub("", canonical).strip(_EDGE_MARKS) or canonical
        key, words = self.parts(subject_text)
        if canonical and (not key[0] or _is_person(subject_id)):
            # An acronym or a bare noun: use the entity. A person is the person resolved,
            # however a sentence names them ("Hillary Clinton", "Mrs. Clinton", "Clinton"),
            # and two people of one surname are two ("Bill Clinton", "Hillary Clinton").
            key, words = self.parts(canonical)
        kind = self.kinds.get(attribute) or self.kinds.setdefault(attribute, claim_kind(attribute))
        stored_normalized, note = normalized, None
        reference = inferred = None
        if kind == "event":
            stored_normalized, note, reference = _event_date(
                value, status, normalized, doc_date, date_source, self.anchor
            )
            inferred = ("year" if _MONTH.search(value) else "month") if reference else None
        rank = self.ranks.get((normalized or "").lower(), (None, None))[1]
        return StoredClaim.from_fields(
            {
                "id": row.id,
                "document": row.document,
                "subject": canonical or _tidy(subject_text),
                "subject_id": subject_id,
                "key": key,
                "attribute": attribute,
                "kind": kind,
                "value": value,
                "normalized": stored_normalized,
                "unit": row.unit,
                "qualifier": row.qualifier,
                "as_of": stored_normalized if kind == "event" else row.as_of,
                "status": status,
                "speaker": row.speaker,
                "speaker_id": row.speaker_id,
                "sentence": row.sentence,
                "start": row.start,
                "end": row.end,
                "sentence_start": row.sentence_start,
                "sentence_end": row.sentence_end,
                "document_date": doc_date,
                "date_source": date_source,
                "rank": rank if kind == "rating" else None,
                "date_note": note,
                "date_reference": reference,
                "date_inferred": inferred,
                "page": row.page,
                "places": self.incident_places(attribute, row.document, row.sentence),
                "name_words": words,
                "corpus_dated": date_source == DateSource.INFERRED
                and doc_date is not None
                and doc_date == self.typical,
            }
        )

    def incident_places(self, attribute: str, document: str, sentence: str) -> frozenset[str]:
        """Where an incident claim's incident happened: the corpus's place words in its
        sentence ("in Orlando"), else the places of its document's title and lead (a
        report names its incident's place once, at the top). Reports placing their
        incidents in different places are of two incidents; one placing it nowhere
        cannot contradict another."""
        if not self.group_keys or not claim_vocabulary().is_incident_attribute(attribute):
            return frozenset()
        words = _WORD.findall(_fold(sentence))
        found = frozenset(w for w in words if w in self.places)
        return found or self.lead_places.get(document, frozenset())

    def parts(self, name: str) -> tuple[tuple[str, str], frozenset[str]]:
        """The subject key of a name and its distinguishing words (subject_parts)."""
        if not self.group_keys:
            return NO_KEY, frozenset()
        found = self.keys.get(name)
        if found is None:
            found = self.keys[name] = subject_parts(name, self.places)
        return found


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
    value: str,
    status: str | None,
    normalized: str | None,
    doc_date: str | None,
    source: str,
    anchor: str | None,
) -> tuple[str | None, str | None, str | None]:
    """An event's ISO date, a note when it rests on an inferred date, and that date."""
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


def _is_person(entity_id: str | None) -> bool:
    return bool(entity_id) and entity_id.startswith("person-")


def _fold(text: str) -> str:
    return text.lower().replace("’", "'")


def _tidy(text: str) -> str:
    return " ".join(text.replace("’", "'").split())
