"""What the store's read methods return: frozen records, never positional tuples.

Each record names its fields, so a schema change touches ``store/`` and the records here,
not every caller. ``_build`` fills a record without the frozen constructor's per-field
``object.__setattr__``, which on tens of thousands of rows costs more than the query.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar

T = TypeVar("T")


def _build(cls: type[T], values: dict[str, Any]) -> T:
    """The record ``cls(**values)`` would make; ``values`` must hold every field."""
    record = object.__new__(cls)
    record.__dict__.update(values)
    return record


def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class DocumentInfo:
    """One stored document without its text."""

    id: str
    path: str
    sha256: str
    pipeline: str
    encoding: str
    title: str
    kind: str
    date: str | None
    date_source: str
    date_window: str | None
    source: str | None
    words: int
    extracted_at: str
    origin: str | None  # absolute path of the file (None: stored by an older version)
    author: str | None  # a saved page's byline, a PDF's or Word file's author
    url: str | None  # a saved page's canonical address


@dataclass(frozen=True)
class StoredMention:
    """A mention as stored, with the entity resolution linked it to."""

    document: str
    start: int
    end: int
    label: str
    text: str
    entity_id: str | None
    normalized: str | None
    date_mod: str | None
    sentence_start: int
    sentence_end: int
    page: int | None = None  # the PDF page it is printed on


@dataclass(frozen=True)
class Span:
    """Where something is in a document: offsets, and the mention label if any."""

    document: str
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True)
class StoredQuote:
    """A stored quote with its resolved speaker's name and its sentence's text."""

    document: str
    start: int
    end: int
    text: str
    kind: str
    cue: str
    speaker_text: str
    speaker_id: str | None
    speaker_name: str | None  # the canonical name of speaker_id
    confidence: float
    method: str
    joint_with: tuple[str, ...]
    sentence_start: int
    sentence_end: int
    sentence: str
    page: int | None = None  # the PDF page it starts on


@dataclass(frozen=True)
class EntityName:
    """An entity's id, canonical name and aliases: what name matching needs."""

    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ClaimRow:
    """A stored claim with its document's date and its sentence's text."""

    id: int
    document: str
    start: int
    end: int
    subject_text: str
    subject_id: str | None
    attribute: str
    value: str
    normalized: str | None
    unit: str | None
    qualifier: str
    as_of: str | None
    status: str | None
    speaker: str | None
    speaker_id: str | None
    sentence_start: int
    sentence_end: int
    document_date: str | None
    date_source: str
    sentence: str
    page: int | None = None  # the PDF page it starts on


@dataclass(frozen=True)
class StoredPerson:
    """A person named in minutes: as printed, and the entity resolution linked them to."""

    name: str
    start: int
    end: int
    entity_id: str | None
    entity_name: str | None


@dataclass(frozen=True)
class StoredAttendance:
    """One attendance record (issue 14) with its resolved person."""

    id: int
    document: str
    name: str
    entity_id: str | None
    entity_name: str | None
    status: str
    role: str | None
    start: int
    end: int
    event: str | None
    time: str | None
    item: str | None
    document_title: str
    document_date: str | None


@dataclass(frozen=True)
class StoredDecision:
    """One decision of a meeting with its mover, seconder and voters resolved."""

    id: int
    document: str
    item: str | None
    kind: str
    text: str
    outcome: str
    mover: StoredPerson | None
    seconder: StoredPerson | None
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    voters: dict[str, tuple[StoredPerson, ...]]
    actor: str | None
    start: int
    end: int
    document_title: str
    document_date: str | None
