"""The people minutes name in their structure (attendance lists, movers, seconders,
recorded votes) as PERSON mentions, so that resolution links them to the same person
entities as every other mention: the hook between minutes and ``resolve``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from ...records import Mention, PersonRef, SourceDocument
from . import Meeting
from .names import is_role

__all__ = ["meeting_people", "person_mentions"]

# Entity labels the statistical model gives that the minutes' structure overrules: a name
# in a "Present:" list is a person even when the model read "J. Pribil" as an ORG.
_OVERRULED = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})


def meeting_people(meeting: Meeting) -> Iterator[PersonRef]:
    """Every printed person of the meeting's structure, in no particular order."""
    for record in meeting.attendance:
        yield PersonRef(record.name, record.start, record.end, record.role)
    for decision in meeting.decisions:
        for ref in (decision.mover, decision.seconder):
            if ref is not None:
                yield ref
        voters = decision.voters
        for group in (voters.for_, voters.against, voters.abstain, voters.absent):
            yield from group


def person_mentions(
    meeting: Meeting, source: SourceDocument, mentions: Iterable[Mention]
) -> tuple[list[Mention], set[tuple[int, int]]]:
    """PERSON mentions for the meeting's people that no PERSON mention covers yet, and
    the spans of model mentions they overrule (to be dropped)."""
    existing = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in existing]
    block_starts = [b.start for b in source.blocks]
    added: dict[tuple[int, int], Mention] = {}
    dropped: set[tuple[int, int]] = set()
    for ref in meeting_people(meeting):
        if is_role(ref.name) or ref.end <= ref.start:
            continue
        # The span of the name itself, without a title distributed from "Messrs".
        start, end = ref.start, ref.end
        text = source.text[start:end]
        low = max(0, bisect_right(starts, start) - 8)
        overlapping = [
            m for m in existing[low : bisect_right(starts, end)] if m.start < end and start < m.end
        ]
        if any(m.label == "PERSON" for m in overlapping):
            continue
        if any(m.label not in _OVERRULED for m in overlapping):
            continue  # a date or number inside: not a name after all
        dropped.update((m.start, m.end) for m in overlapping)
        block = source.blocks[max(0, bisect_right(block_starts, start) - 1)]
        added[(start, end)] = Mention(
            document=source.id, start=start, end=end, label="PERSON", text=text,
            sentence_start=block.start, sentence_end=block.end,
        )  # fmt: skip
    return list(added.values()), dropped
