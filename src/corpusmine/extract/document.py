"""One parsed document in, every record of the extract stage out."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import DocumentKind, Extraction, Mention, SourceDocument
from ..temporal import annotate_dates
from ..temporal.corpus_dates import CorpusDates, anchor_date, date_undated
from .claims.extractor import extract_claims
from .mentions import entity_mentions, rating_mentions, sentence_of, sentence_spans
from .minutes import read_meeting
from .minutes.claims import item_topic, motion_subjects
from .minutes.people import person_mentions
from .quotes import extract_quotes
from .quotes.minutes import minutes_statements
from .references import find_references


def extract_document(
    doc: Doc, source: SourceDocument, corpus: CorpusDates | None = None
) -> Extraction:
    """Every record the extract stage finds in one parsed document."""
    source, window = date_undated(doc, source, corpus or CorpusDates())
    mentions = [
        *entity_mentions(doc, source),
        *rating_mentions(doc, source),
        *date_mentions(doc, source, window),
    ]
    meeting = read_meeting(source)  # empty unless the document is minutes
    if meeting.attendance or meeting.decisions:
        people, overruled = person_mentions(meeting, source, mentions)
        mentions = [m for m in mentions if (m.start, m.end) not in overruled] + people
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    quotes = extract_quotes(doc, source)
    if source.kind is DocumentKind.MINUTES:
        quotes = minutes_statements(quotes, meeting, source)
    claims = extract_claims(doc, source, mentions, quotes, item_topic(meeting, source))
    claims = motion_subjects(claims, meeting, source)
    return Extraction(
        document=source,
        mentions=tuple(mentions),
        quotes=quotes,
        claims=claims,
        sentences=sentence_spans(doc, source),
        date_window=window,
        references=find_references(source.id, source.text),
        items=meeting.items,
        attendance=meeting.attendance,
        decisions=meeting.decisions,
    )


def date_mentions(
    doc: Doc, source: SourceDocument, window: tuple[str, str] | None = None
) -> list[Mention]:
    """DATE/TIME/DURATION/SET mentions with TimeML values anchored on the document date."""
    found = []
    for timex in annotate_dates(doc, anchor_date(source, window)):
        start, end = source.offsets.span_to_original(timex.start, timex.end)
        sentence_start, sentence_end = sentence_of(doc, timex.start, source)
        found.append(
            Mention(
                document=source.id,
                start=start,
                end=end,
                label=timex.type,
                text=source.text[start:end],
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                normalized=timex.value,
                date_mod=timex.mod,
            )
        )
    return found
