"""Records of the analyse stage: a stored claim ready for comparison, and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .cues import SentenceCues, sentence_cues

# Verdicts of a finding.
AGREE = "agree"
CONTRADICT = "contradict"
DIFFERENT_TIME = "different_time"
DIFFERENT_SUBJECT = "different_subject"
CHECK = "check"
SINGLE_SOURCE = "single_source"


@dataclass(frozen=True)
class StoredClaim:
    """A claim read back from the store with what comparison needs.

    ``subject`` is the canonical entity name (falling back to the text); ``key`` the
    (distinguishing word, head class) pair subjects are grouped by; ``kind`` one of
    count, amount, rating, event. ``date_note`` says how a date was anchored when the
    document's own date was not given in its metadata.
    """

    id: int
    document: str
    subject: str
    subject_id: str | None
    key: tuple[str, str]
    attribute: str
    kind: str
    value: str
    normalized: str | None
    unit: str | None
    qualifier: str
    as_of: str | None
    status: str | None
    speaker: str | None
    speaker_id: str | None
    sentence: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    document_date: str | None
    date_source: str
    rank: int | None = None  # a rating's place on its scale (1 = best)
    date_note: str | None = None
    date_reference: str | None = None  # what a relative date was resolved against
    date_inferred: str | None = None  # "year" or "month": the part that was inferred
    page: int | None = None  # the PDF page the claim starts on
    places: frozenset[str] = frozenset()  # place words of an incident claim's sentence
    # The subject name's words before its head that are no place (subjects.subject_parts):
    # two names of one key are one subject only when one's words hold the other's.
    name_words: frozenset[str] = frozenset()
    # The document's date is the corpus's middle date, given to a document with no date
    # clue of its own: a placeholder, so comparison treats the document as undated.
    corpus_dated: bool = False

    @property
    def own_date(self) -> str | None:
        """The document's date as comparison may use it: None for a document whose date
        is only the corpus's middle date (an article of another year, read as of then)."""
        return None if self.corpus_dated else self.document_date

    @cached_property
    def cues(self) -> SentenceCues:
        """The change and scope cue phrases of its sentence, found once: a claim is
        compared with every other claim of its group."""
        return sentence_cues(self.sentence)

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> StoredClaim:
        """The claim the constructor would make from ``fields``, which must hold every field.

        Loading builds thousands of claims, and a frozen dataclass's constructor sets each
        field through ``object.__setattr__``: that alone cost more than the rest of
        reading a claim.
        """
        claim = object.__new__(cls)
        claim.__dict__.update(fields)
        return claim

    def as_dict(self) -> dict[str, Any]:
        """The claim JSON record of DESIGN.md, plus status, rank and date provenance."""
        return {
            "id": self.id,
            "document": self.document,
            "subject": self.subject,
            "subject_id": self.subject_id,
            "attribute": self.attribute,
            "value": self.value,
            "normalized": self.normalized,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "as_of": self.as_of,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "rank": self.rank,
            "kind": self.kind,
            "document_date": self.document_date,
            "date_source": self.date_source,
            "date_note": self.date_note,
            "page": self.page,
        }


@dataclass(frozen=True)
class Finding:
    """What the documents say about one subject's attribute, and the verdict on it."""

    subject: str
    subject_id: str | None
    attribute: str
    verdict: str
    claims: tuple[dict[str, Any], ...]
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "subject_id": self.subject_id,
            "attribute": self.attribute,
            "verdict": self.verdict,
            "claims": [dict(c) for c in self.claims],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Findings:
    """Every finding of a corpus, by verdict."""

    contradictions: tuple[Finding, ...] = ()
    agreements: tuple[Finding, ...] = ()
    checks: tuple[Finding, ...] = ()
    single_source: tuple[Finding, ...] = ()
    changes: tuple[Finding, ...] = field(default=())
