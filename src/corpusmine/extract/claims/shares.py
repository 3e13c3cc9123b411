"""Share claims: percentages of a subject ("Clinton has 45 percent", "Clinton leads Trump 45
to 41 percent in a Quinnipiac poll", "42 percent of voters").

A share needs a subject its own sentence names (the clause subject, or for the second
figure of "45 to 41" the one led) and something it is a share of: "percent of X", or a
poll the sentence talks about. Poll shares are named after the pollster when one is
named, since two polls are two events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...knowledge import claim_vocabulary
from .amounts import parse_amount
from .context import ClaimContext, token_lower
from .figures import hedge_before
from .records import Draft
from .subjects import SubjectFinder

__all__ = ["share_claims"]


def share_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """A share claim for each percentage that belongs to a named subject."""
    vocab = claim_vocabulary()
    poll = _poll_attribute(ctx, sent)
    previous_end = sent.start  # a figure belongs to a name after the previous figure
    for sign in [t for t in sent if t.lower_ in vocab.percent_words]:
        numbers = _numbers_before(sign)
        if not numbers:
            continue
        first = numbers[0].i
        thing = _share_of(sign, ctx)
        name = vocab.share_template.format(thing=thing) if thing else poll
        holders = _holders(ctx, sent, previous_end, first, sign, len(numbers))
        previous_end = sign.i + 1
        if name is None or holders is None:
            continue
        for number, holder in zip(numbers, holders, strict=True):
            amount = parse_amount(number.text)
            if amount is None:
                continue
            qualifier, hedge_start = hedge_before(ctx, number.i, number.i)
            start = hedge_start if number is numbers[0] else number.i
            claim_start, claim_end = ctx.span_offsets(start, sign.i + 1)
            value_start, value_end = ctx.span_offsets(start, number.i + 1)
            yield Draft(
                start=claim_start,
                end=claim_end,
                subject=finder.noun_phrase(holder),
                attribute=name,
                value=ctx.original_text(value_start, value_end) + " percent",
                normalized=amount.as_text(),
                unit="percent",
                qualifier=qualifier,
                as_of=None,
                sentence=ctx.sentence_offsets(sent),
            )


def _numbers_before(sign: Token) -> list[Token]:
    """ "45 percent" -> [45]; "45 to 41 percent" -> [45, 41]; "45%" the same."""
    doc = sign.doc
    i = sign.i - 1
    if i < 0 or not doc[i].like_num:
        return []
    numbers = [doc[i]]
    if i >= 2 and doc[i - 1].lower_ in ("to", "-", "\u2013") and doc[i - 2].like_num:
        numbers.insert(0, doc[i - 2])
    if any(not re.fullmatch(r"\d{1,3}(?:\.\d+)?", n.text) for n in numbers):
        return []  # percentages are digits up to 100 in news copy; words are rarer than slips
    return numbers


def _holders(
    ctx: ClaimContext, sent: Span, after: int, first: int, sign: Token, count: int
) -> tuple[Token, ...] | None:
    """Whose the shares are. "Clinton leads Trump 45 to 41 percent": the two names before
    the pair; "46 percent for Clinton": the name after "for"; else the nearest name
    before the figure and after the previous figure."""
    doc = ctx.doc
    following = doc[sign.i + 1 : min(sign.i + 3, sent.end)]
    if count == 1 and len(following) == 2 and following[0].lower_ == "for":
        return (following[1],) if _is_name(ctx, following[1]) else None
    if count == 1 and first >= 2 and doc[first - 1].lower_ in ("'s", "\u2019s"):
        owner = doc[first - 2]  # "Clinton's 42 percent"
        return (owner,) if _is_name(ctx, owner) else None
    names = _name_heads(ctx, doc[after:first])
    if len(names) < count:
        return None
    return tuple(names[-count:])


def _name_heads(ctx: ClaimContext, span: Span) -> list[Token]:
    """The last token of each name in ``span`` (one per entity), pollsters left out."""
    heads: list[Token] = []
    for token in span:
        if not _is_name(ctx, token):
            continue
        entity = ctx.index.entity(token.i)
        named = entity is not None and entity.label_ in claim_vocabulary().share_subject_labels
        if named and token.i != entity.end - 1:
            continue  # one head per name: "Hillary Clinton" -> "Clinton"
        heads.append(token)
    return heads


def _is_name(ctx: ClaimContext, token: Token) -> bool:
    """A person, party or organisation named by the text (not a pollster: "a CNN poll")."""
    if token.head.lower_ in claim_vocabulary().poll_words and token.dep_ in (
        "compound",
        "nmod",
        "poss",
    ):
        return False
    if token.ent_type_ in claim_vocabulary().share_subject_labels:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "DATE", "TIME")


def _share_of(sign: Token, ctx: ClaimContext) -> str | None:
    """The noun after "percent of" ("42 percent of voters" -> "voters")."""
    doc = ctx.doc
    end = sign.i + 1
    if end < len(doc) and doc[end].lower_ == "of":
        for token in doc[end + 1 : end + 5]:
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj":
                return token_lower(token)
    return None


def _poll_attribute(ctx: ClaimContext, sent: Span) -> str | None:
    """ "poll share (Quinnipiac)" when the sentence is about a named poll, "poll share"
    for an unnamed one, None when it is not about a poll."""
    vocab = claim_vocabulary()
    poll = next((t for t in sent if t.lower_ in vocab.poll_words), None)
    if poll is None:
        return None
    for child in poll.lefts:
        ent = ctx.index.entity(child.i) if child.ent_type_ in ("ORG", "PERSON", "GPE") else None
        if ent is not None and child.dep_ in ("compound", "nmod", "poss", "amod"):
            return vocab.pollster_template.format(pollster=pollster_key(ent.text))
    return vocab.poll_template


def pollster_key(name: str) -> str:
    """One name for one pollster however an outlet writes it: "NBC News/Wall Street
    Journal" and "Wall Street Journal-NBC News" -> "nbc news/wall street journal"."""
    parts = []
    for part in re.split(r"\s*[/\u2013-]\s*", name.lower().replace("\u2019", "'")):
        words = [w for w in part.split() if w not in claim_vocabulary().pollster_filler]
        if words:
            parts.append(" ".join(words).removesuffix("'s"))
    return "/".join(sorted(set(parts)))
