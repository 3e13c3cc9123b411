"""Claims: figures, ratings and dated events asserted about a subject, sentence by sentence.

``extract_claims`` is a pure function of the parsed document, its mentions (DATE/TIME with
ISO values, RATING with the grade name, CARDINAL/MONEY with the number) and its quotes
(a claim inside reported speech gets the quote's speaker). The rules live in
``figures``, ``ratings`` and ``events``; attribute names come from the
vocabulary in ``models/attributes.yaml`` so that the same thing said in two documents gets
the same name.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ...records import Claim, Mention, Quote, SourceDocument
from .context import ClaimContext
from .events import event_claims
from .figures import count_claims, money_claims
from .ratings import rating_claims
from .records import Draft
from .subjects import SubjectFinder

__all__ = ["extract_claims"]

_RULES = (count_claims, money_claims, rating_claims, event_claims)


def extract_claims(
    doc: Doc,
    source: SourceDocument,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote] = (),
) -> tuple[Claim, ...]:
    """Every claim of one document, in text order, with original offsets."""
    ctx = ClaimContext(doc, source, mentions, quotes)
    finder = SubjectFinder(ctx)
    drafts: list[Draft] = []
    for sent, blank in zip(doc.sents, ctx.index.blank, strict=True):
        if blank:
            continue
        for rule in _RULES:
            drafts.extend(rule(ctx, finder, sent))
    # A claim with no subject of its own is about what the document is mostly about.
    finder.set_topic(d.subject for d in drafts if d.subject is not None)
    claims = {_finish(ctx, finder, d) for d in drafts}
    return tuple(sorted(claims, key=lambda c: (c.start, c.end, c.attribute, c.as_of or "")))


def _finish(ctx: ClaimContext, finder: SubjectFinder, draft: Draft) -> Claim:
    subject = draft.subject or finder.topic
    if subject is not None:
        subject_text, subject_start, subject_end = subject.text, subject.start, subject.end
    else:
        subject_text, subject_start, subject_end = ctx.source.title, -1, -1
    return Claim(
        document=ctx.source.id,
        start=draft.start,
        end=draft.end,
        subject_text=subject_text,
        subject_start=subject_start,
        subject_end=subject_end,
        attribute=draft.attribute,
        value=draft.value,
        normalized=draft.normalized,
        unit=draft.unit,
        qualifier=draft.qualifier,
        as_of=draft.as_of,
        speaker=ctx.speaker_at(draft.start),
        sentence_start=draft.sentence[0],
        sentence_end=draft.sentence[1],
        status=draft.status,
    )
