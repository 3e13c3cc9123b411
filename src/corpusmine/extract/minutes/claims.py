"""Claims inside decisions are about the decision's subject.

The claims extractor gives a figure with no subject of its own the document's topic (in
minutes often a heading far above, or motion wording such as "Single Source Procurement
BE"). Inside a motion or resolution ("the funding ... in the amount of $181,875 BE
APPROVED") the figure is about what the motion is about: its agenda item. A claim whose
subject lies outside its decision is given the item's title instead; claims with a
subject in the decision itself ("the Canadian Urban Institute BE APPOINTED ... $415,000")
keep it.
"""

from __future__ import annotations

from dataclasses import replace

from ...records import Claim, SourceDocument
from . import Meeting
from .items import item_at

__all__ = ["motion_subjects"]


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
        # The item's heading line is where its subject is printed.
        out.append(replace(claim, subject_text=item.title, subject_start=item.start,
                           subject_end=item.heading_end))  # fmt: skip
    return tuple(out)
