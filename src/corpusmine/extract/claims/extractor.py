"""Claims: figures, ratings and dated events asserted about a subject, sentence by sentence.

``extract_claims`` is a pure function of the parsed document, its mentions (DATE/TIME with
ISO values, RATING with the grade name, CARDINAL/MONEY with the number) and its quotes
(a claim inside reported speech gets the quote's speaker). The rules live in
``figures``, ``ratings`` and ``events``; attribute names come from the
vocabulary in ``models/attributes.yaml`` so that the same thing said in two documents gets
the same name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from ...knowledge import claim_vocabulary
from ...records import Claim, Mention, Quote, SourceDocument
from .context import ClaimContext
from .events import event_claims
from .figures import count_claims, money_claims
from .incidents import incident_claims
from .ratings import rating_claims
from .records import Draft, Phrase
from .shares import share_claims
from .subjects import SubjectFinder
from .thresholds import threshold_claims

__all__ = ["ItemTopic", "extract_claims"]

# The subject a figure at this offset is about when its sentence names none (in minutes,
# the agenda item it sits under), or None.
ItemTopic = Callable[[int], Phrase | None]

_RULES = (
    count_claims,
    threshold_claims,
    money_claims,
    share_claims,
    incident_claims,
    rating_claims,
    event_claims,
)
# A figure is a claim only about a subject its own sentence names; a rating or a dated
# event may be about the document's topic ("was visited in April").
_FIGURE_RULES = frozenset(
    {count_claims, threshold_claims, money_claims, share_claims, incident_claims}
)
# A figure in a sentence naming one of these may be theirs: the topic does not stand in.
_OWNER_LABELS = frozenset({"PERSON", "ORG", "NORP"})


def extract_claims(
    doc: Doc,
    source: SourceDocument,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote] = (),
    item_topic: ItemTopic | None = None,
) -> tuple[Claim, ...]:
    """Every claim of one document, in text order, with original offsets.

    A figure with no subject of its own is dropped (never filed under a headline or a
    vague topic) unless ``item_topic`` gives the item it sits under."""
    ctx = ClaimContext(doc, source, mentions, quotes)
    finder = SubjectFinder(ctx)
    # Each draft with whether it may stand on the document's topic: not a figure in a
    # sentence that names someone else ("..., earning Clinton 175 delegates").
    headline = _headline(source)
    drafts: list[tuple[Draft, bool, bool]] = []  # (draft, is a figure, may use the topic)
    goals: set[Draft] = set()  # the thresholds' drafts
    for sent, blank in zip(doc.sents, ctx.index.blank, strict=True):
        if blank:
            continue
        names_other = any(e.label_ in _OWNER_LABELS for e in sent.ents)
        for rule in _RULES:
            for draft in rule(ctx, finder, sent):
                # A headline is not a sentence: its grammar is telegraphic and its
                # words are said again, in full, by the body.
                if headline[0] <= draft.start < headline[1]:
                    continue
                if rule in _FIGURE_RULES and not draft.attribute:
                    continue
                figure = rule in _FIGURE_RULES
                drafts.append((draft, figure, not (figure and names_other)))
                if rule is threshold_claims:
                    goals.add(draft)
    # A claim with no subject of its own is about what the document is mostly about.
    # Not a poll's holders: whom a poll counts is not who acts in the document ("the
    # council published its own survey ... 61 percent backed Amy Rowe": not Rowe's report).
    # Nor a threshold's goal: what a nomination takes is not what the document is about.
    poll = claim_vocabulary().poll_template
    finder.set_topic(
        d.subject
        for d, _, _ in drafts
        if d.subject is not None and not d.attribute.startswith(poll) and d not in goals
    )
    claims = set()
    for draft, figure, may_use_topic in drafts:
        subject = draft.subject
        # The item is the passage's printed subject, not one guessed from the document:
        # a name elsewhere in the sentence ("oversight by the Board") does not outrank it.
        if subject is None and figure and item_topic is not None:
            subject = item_topic(draft.start)
        if subject is None and may_use_topic:
            subject = finder.topic or (None if figure else finder.fallback_topic)
        if subject is not None:
            claims.add(_finish(ctx, draft, subject))
    # The subject breaks ties: a meeting is filed under both sides at one offset, and the
    # set's order differs between runs, so stored row ids would too.
    return tuple(
        sorted(
            claims,
            key=lambda c: (
                c.start,
                c.end,
                c.attribute,
                c.as_of or "",
                c.subject_start,
                c.subject_text,
            ),
        )
    )


def _headline(source: SourceDocument) -> tuple[int, int]:
    """Original offsets of the document's title block, or an empty span (also when the
    title is all there is: a one-line document is its own body)."""
    if len(source.blocks) > 1:
        first = source.blocks[0]
        if first.kind == "title" or source.text[first.start : first.end].strip() == source.title:
            return first.start, first.end
    return -1, -1


def _finish(ctx: ClaimContext, draft: Draft, subject: Phrase) -> Claim:
    subject_text, subject_start, subject_end = _trimmed(subject)
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


# Quote marks and apostrophes a noun phrase can pick up at its edges ("Clinton '").
_EDGE_MARKS = "'\"\u2018\u2019\u201c\u201d`"


def _trimmed(subject: Phrase) -> tuple[str, int, int]:
    """The subject's text and offsets without stray quote marks or spaces at either edge."""
    text = subject.text
    lead = len(text) - len(text.lstrip(_EDGE_MARKS + " "))
    trail = len(text) - len(text.rstrip(_EDGE_MARKS + " .,;:"))
    if lead + trail >= len(text):
        return text, subject.start, subject.end
    return text[lead : len(text) - trail], subject.start + lead, subject.end - trail
