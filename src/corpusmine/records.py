"""Typed records passed between the stages of DESIGN.md.

Every record that points into a document carries the document id and character
offsets ``start``/``end`` into the *original* decoded text of the file (the text
stored in the ``documents`` table), never into the cleaned text given to spaCy.
Records are frozen so that stages cannot mutate each other's output.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

# --- closed sets ----------------------------------------------------------------------
# StrEnums compare equal to their values, so stored text and JSON keep the plain words.


class BlockKind(StrEnum):
    """What a block of a document is."""

    TITLE = "title"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    HEADING = "heading"


class DocumentKind(StrEnum):
    """What a whole document is (from metadata, else from its structure)."""

    ARTICLE = "article"
    MINUTES = "minutes"
    OTHER = "other"


class DateSource(StrEnum):
    """Where a document's date came from; the first three are explicit metadata, then
    the file's own (page tags, document properties), then the text."""

    HEADER = "header"
    FRONT_MATTER = "front-matter"
    MANIFEST = "manifest"
    PAGE = "page"  # a saved web page's own tags (JSON-LD, meta)
    PROPERTIES = "properties"  # a PDF's or Word file's document properties
    FILE_NAME = "file-name"  # a date in the file or folder name
    DATELINE = "dateline"  # a date the text prints at its top
    INFERRED = "inferred"
    NONE = "none"

    @property
    def explicit(self) -> bool:
        """Whether the date was stated by the document or its manifest, not inferred."""
        return self in (DateSource.HEADER, DateSource.FRONT_MATTER, DateSource.MANIFEST)

    @property
    def given(self) -> bool:
        """Whether the date was given (metadata, file name, a printed dateline), not
        inferred from what the text says: enough to compare claims in time."""
        return self not in (DateSource.INFERRED, DateSource.NONE)


class QuoteKind(StrEnum):
    """How a statement is reported."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    PARTIAL = "partial"


class SpeakerLabel(StrEnum):
    """What kind of speaker a statement is attributed to."""

    PERSON = "PERSON"
    ORG = "ORG"
    ROLE = "ROLE"
    GROUP = "GROUP"


class Qualifier(StrEnum):
    """How exact a figure is, from the hedge before it (models/hedges.yaml)."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class ClaimStatus(StrEnum):
    """A rating is the subject's grade now, an earlier one, or a goal; an event is past
    or planned (a future-tense verb)."""

    CURRENT = "current"
    PREVIOUS = "previous"
    TARGET = "target"
    PAST = "past"
    PLANNED = "planned"


# --- ingest ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit of a document: title, paragraph, bullet item or lead-in.

    ``start``/``end`` are offsets into the original text; ``clean_start``/``clean_end``
    are offsets into ``SourceDocument.clean``. ``lead_in`` is the index (in
    ``SourceDocument.blocks``) of the paragraph that introduces a bullet item, such as
    "... made the following points:".
    """

    kind: BlockKind
    start: int
    end: int
    clean_start: int
    clean_end: int
    lead_in: int | None = None


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map from offsets in the cleaned text back to the original text.

    Segment ``i`` says: cleaned ``clean_starts[i]`` corresponds to original
    ``orig_starts[i]``, and the following characters advance one-for-one until the
    next segment.
    """

    clean_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    clean_length: int
    orig_length: int

    def to_original(self, clean_offset: int) -> int:
        """Original offset of the cleaned character at ``clean_offset``."""
        if clean_offset >= self.clean_length:
            return self.orig_length
        i = bisect_right(self.clean_starts, clean_offset) - 1
        if i < 0:
            return clean_offset
        return self.orig_starts[i] + (clean_offset - self.clean_starts[i])

    def to_original_ascending(self, clean_offsets: Iterable[int]) -> list[int]:
        """``to_original`` of ascending offsets (every token start, say) in one walk."""
        found = []
        segment, segments = -1, len(self.clean_starts)
        for offset in clean_offsets:
            if offset >= self.clean_length:
                found.append(self.orig_length)
                continue
            while segment + 1 < segments and self.clean_starts[segment + 1] <= offset:
                segment += 1
            if segment < 0:
                found.append(offset)
            else:
                found.append(self.orig_starts[segment] + (offset - self.clean_starts[segment]))
        return found

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open cleaned span to a half-open original span."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True)
class SourceDocument:
    """A decoded, cleaned document ready for the NLP stage."""

    id: str
    path: str
    sha256: str
    encoding: str
    text: str  # original decoded text (BOM removed)
    clean: str  # normalised text with debris removed, given to spaCy
    offsets: OffsetMap
    title: str
    kind: DocumentKind
    date: str | None  # ISO date of the document, if known
    date_source: DateSource
    blocks: tuple[Block, ...]
    source: str | None = None  # publication or origin, from metadata
    debris: tuple[tuple[int, int], ...] = ()  # original spans removed as page debris
    pages: tuple[int, ...] = ()  # offset in ``text`` where each page starts (PDFs)
    author: str | None = None  # from a page's byline tags or the document properties
    url: str | None = None  # a saved page's canonical address
    boilerplate: tuple[tuple[int, int], ...] = ()  # debris the corpus repeats (furniture)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding ``offset`` of ``text``; None for a document without pages."""
        return bisect_right(self.pages, offset) if self.pages else None


@dataclass(frozen=True)
class IngestFailure:
    """A file that could not be read, with a one-line reason."""

    path: str
    reason: str


# --- extract --------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """An entity mention (NER or rule-based) with its sentence span."""

    document: str
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, ROLE, DATE, CARDINAL, RATING, ...
    text: str  # original text of the span
    sentence_start: int
    sentence_end: int
    normalized: str | None = None  # ISO date, number, or rating value
    date_mod: str | None = None  # TimeML modifier such as START, END, APPROX


@dataclass(frozen=True)
class Quote:
    """A statement attributed to a speaker.

    ``speaker_text`` is the surface form that names the speaker (after resolving
    pronouns within the document), ``speaker_start``/``speaker_end`` its span in the
    original text (the antecedent's span when the cue was a pronoun), or -1 when the
    speaker is implied (e.g. a role from a minutes lead-in with no span).
    """

    document: str
    start: int
    end: int
    text: str  # the statement, without surrounding quote marks
    kind: QuoteKind
    cue: str  # the reporting verb or construction ("said", "told", "according to", "lead-in")
    speaker_text: str
    speaker_start: int
    speaker_end: int
    speaker_label: SpeakerLabel
    method: str  # which rule attributed it
    confidence: float
    sentence_start: int
    sentence_end: int
    joint_with: tuple[str, ...] = ()  # other speakers of a joint statement


@dataclass(frozen=True)
class Claim:
    """A figure, rating or dated event asserted about a subject."""

    document: str
    start: int
    end: int
    subject_text: str
    subject_start: int
    subject_end: int
    attribute: str
    value: str  # surface value ("about 500", "inadequate", "last November")
    normalized: str | None  # number, ISO date/period, or rating scale value
    unit: str | None
    qualifier: Qualifier
    as_of: str | None  # ISO date or period the claim is about
    speaker: str | None
    sentence_start: int
    sentence_end: int
    status: ClaimStatus | None = None  # ratings and events


class AttendanceStatus(StrEnum):
    """How a person attended a meeting (DESIGN.md attendance ``status``)."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    ALSO_PRESENT = "also_present"  # officers, guests, "in attendance"
    REMOTE = "remote"


class DecisionKind(StrEnum):
    """What a meeting recorded (DESIGN.md decision ``kind``)."""

    RESOLVED = "resolved"
    AGREED = "agreed"
    MOTION = "motion"
    APPROVED = "approved"
    NOTED = "noted"
    ACTION = "action"


class Outcome(StrEnum):
    """How a decision ended (DESIGN.md decision ``outcome``)."""

    CARRIED = "carried"
    LOST = "lost"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"
    NOTED = "noted"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class AgendaItem:
    """A numbered (or headed) item of a meeting; ``start``/``end`` cover the whole item,
    ``heading_end`` the end of its heading line. ``parent`` is the enclosing item's number."""

    document: str
    number: str | None
    title: str
    level: int
    start: int
    end: int
    heading_end: int
    parent: str | None = None

    @property
    def label(self) -> str:
        """Number and title as minutes print them ("2.1 Budget Variance Report")."""
        return " ".join(part for part in (self.number, self.title) if part)


@dataclass(frozen=True)
class PersonRef:
    """A person named in minutes, as printed, with the span of the name."""

    name: str
    start: int
    end: int
    role: str | None = None


@dataclass(frozen=True)
class Attendance:
    """One person's attendance at a meeting, or their entering or leaving it.

    ``name`` is as printed ("Mrs. Lewis"; a distributed plural title gives "Mr. Ward"
    for "Messrs Ward, ..."); ``start``/``end`` cover the printed name. ``event`` is
    "entered" or "left" for a movement during the meeting, with its clock ``time``.
    """

    document: str
    name: str
    status: AttendanceStatus
    start: int
    end: int
    role: str | None = None
    event: str | None = None
    time: str | None = None
    item: str | None = None


@dataclass(frozen=True)
class Voters:
    """Names recorded in a named vote."""

    for_: tuple[PersonRef, ...] = ()
    against: tuple[PersonRef, ...] = ()
    abstain: tuple[PersonRef, ...] = ()
    absent: tuple[PersonRef, ...] = ()

    def as_dict(self) -> dict[str, list[str]]:
        return {
            "for": [p.name for p in self.for_],
            "against": [p.name for p in self.against],
            "abstain": [p.name for p in self.abstain],
            "absent": [p.name for p in self.absent],
        }

    def __bool__(self) -> bool:
        return bool(self.for_ or self.against or self.abstain or self.absent)


@dataclass(frozen=True)
class Decision:
    """A resolution, agreement, motion, approval, note or action of a meeting.

    ``start``/``end`` cover the decision's text (a motion's wording with its lettered
    parts, a resolution's paragraph and the bullets under it); ``mover``/``seconder``
    carry the printed names and their spans; ``item`` is the enclosing item's label.
    """

    document: str
    kind: DecisionKind
    text: str
    start: int
    end: int
    outcome: Outcome = Outcome.UNKNOWN
    mover: PersonRef | None = None
    seconder: PersonRef | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    voters: Voters = field(default_factory=Voters)
    actor: str | None = None
    item: str | None = None

    @property
    def moved_by(self) -> str | None:
        return self.mover.name if self.mover else None

    @property
    def seconded_by(self) -> str | None:
        return self.seconder.name if self.seconder else None


@dataclass(frozen=True)
class Definition:
    """An acronym defined in the text: ``short`` stands for ``long`` ("Children's Trust
    (NCT)", or "NCT (Children's Trust)")."""

    document: str
    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


@dataclass(frozen=True)
class DescriptionCandidate:
    """A definite description ("the trust", "Northamptonshire's fostering agency") whose
    head noun has a rule; resolution decides which entity, if any, it names."""

    document: str
    start: int
    end: int
    text: str  # apostrophes straightened, possessive removed, "the" lower case
    head: str  # lower-case head noun
    modifiers: tuple[str, ...]  # comparison tokens of the modifiers


@dataclass(frozen=True)
class Coordination:
    """Two capitalised words sharing the words after them: "West and North Northants
    Council". Which tail makes both halves names is decided by resolution."""

    document: str
    first: str
    first_start: int
    first_end: int
    second: str
    second_start: int
    tail: str  # the shared words, with the white space before them
    tail_start: int


@dataclass(frozen=True)
class CandidateReferences:
    """Places in one document's text that may name an entity besides its mentions,
    found once by ``extract.references`` and stored, so resolution never scans texts."""

    definitions: tuple[Definition, ...] = ()
    descriptions: tuple[DescriptionCandidate, ...] = ()
    coordinations: tuple[Coordination, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything the extract stage found in one document."""

    document: SourceDocument
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()  # original spans of each sentence
    date_window: tuple[str, str] | None = None  # when the document date was inferred
    references: CandidateReferences = field(default_factory=CandidateReferences)
    items: tuple[AgendaItem, ...] = ()  # minutes only, as the three below
    attendance: tuple[Attendance, ...] = ()
    decisions: tuple[Decision, ...] = ()


# --- resolve --------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A resolved entity: every name used for one person, organisation or place."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, ROLE, PRODUCT, OTHER
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: int = 0
    documents: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = field(default=())
