"""Claims inside decisions are about the decision's subject.

The claims extractor gives a figure with no subject of its own the document's topic (in
minutes often a heading far above, or motion wording such as "Single Source Procurement
BE"). Inside a motion or resolution ("the funding ... in the amount of $181,875 BE
APPROVED") the figure is about what the motion is about: its agenda item. A claim whose
subject lies outside its decision is given the item's title instead; claims with a
subject in the decision itself ("the Canadian Urban Institute BE APPOINTED ... $415,000")
keep it.

``item_topic`` does the same for a figure outside any decision whose sentence names no
subject ("There were 480 children in in-house foster placements" under an item on
fostering): it is about the item, when the item has a title.
"""

from __future__ import annotations

from dataclasses import replace

from ...records import AgendaItem, Claim, SourceDocument
from ..claims.extractor import ItemTopic
from ..claims.records import Phrase
from . import Meeting
from .items import item_at

__all__ = ["item_topic", "motion_subjects"]


def item_topic(meeting: Meeting, source: SourceDocument) -> ItemTopic | None:
    """The titled agenda item holding an offset, as a subject printed on its heading line;
    None for a document with no items (not minutes): there a subjectless figure stays no
    claim."""
    if not meeting.items:
        return None

    def topic(offset: int) -> Phrase | None:
        item = item_at(meeting.items, offset)
        if item is None or not item.title:
            return None
        return _printed_title(item, source)

    return topic


def motion_subjects(
    claims: tuple[Claim, ...], meeting: Meeting, source: SourceDocument
) -> tuple[Claim, ...]:
    if not meeting.decisions:
        return claims
    spans = sorted((d.start, d.end) for d in meeting.decisions)
    out = []
    for claim in claims:
        inside = next((s for s in spans if s[0] <= claim.start and claim.end <= s[1]), None)
        own = inside is not None and inside[0] <= claim.subject_start < inside[1]
        if inside is None or own:
            out.append(claim)
            continue
        item = item_at(meeting.items, inside[0])
        if item is None or not item.title:
            out.append(claim)
            continue
        subject = _printed_title(item, source)
        out.append(replace(claim, subject_text=subject.text, subject_start=subject.start,
                           subject_end=subject.end))  # fmt: skip
    return tuple(out)


def _printed_title(item: AgendaItem, source: SourceDocument) -> Phrase:
    """The item's title where the minutes print it: on its heading line, or on the line
    after a bare "Agenda item" label; the whole heading line when the title was cleaned."""
    at = source.text.find(item.title, item.start, item.end)
    # Only the heading or the very next printed line: the body may repeat the title.
    if at < 0 or (at >= item.heading_end and source.text[item.heading_end : at].strip()):
        return Phrase(item.title, item.start, item.heading_end)
    return Phrase(item.title, at, at + len(item.title))
