"""Rating claims: a subject graded on an inspection scale, with when and whether it is
the current grade, a previous one, or a target.

"dropping from 'requires improvement to be good' to 'inadequate'" gives a previous and a
current rating; "previously rated 'inadequate' in 2013 and again in 2019" gives two
previous ratings dated 2013 and 2019; "until services had achieved a 'good' rating" a
target.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...knowledge import claim_vocabulary, pronouns
from ...knowledge import ratings as rating_scales
from ...records import ClaimStatus, Qualifier
from .context import ClaimContext, token_lower
from .records import Draft, Phrase
from .subjects import SubjectFinder, clause_subject, governing_verb
from .when import DATE_LABELS, date_value, is_point_in_time

RATING_LABELS = frozenset({"RATING"})


def rating_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """A rating claim for each grade in the sentence (one per date it is dated to)."""
    vocab = claim_vocabulary()
    ratings = ctx.mentions_in(sent, RATING_LABELS)
    dates = [
        (m, s, e) for m, s, e in ctx.mentions_in(sent, DATE_LABELS) if is_point_in_time(ctx, m)
    ]
    previous_end = sent.start
    for mention, start, end in ratings:
        grade = (mention.normalized or mention.text).lower()
        scale = rating_scales().ranks.get(grade, ("", 0))[0] or None
        status = _status(ctx, sent, start, end, previous_end)
        previous_end = end
        words = ctx.doc[start:end]
        verb = _grade_verb(words)
        subject, area = _subject_and_area(ctx, finder, words, verb)
        attribute = vocab.rating_attribute
        if area:
            attribute = vocab.rating_area_template.format(area=area)
        dated = [d for d in dates if verb is not None and _said_with(ctx.doc[d[1]], words) == verb]
        for as_of in [date_value(ctx, m, s, e) for m, s, e in dated] or [None]:
            yield Draft(
                start=mention.start,
                end=mention.end,
                subject=subject,
                attribute=attribute,
                value=mention.text,
                normalized=mention.normalized or grade,
                unit=scale,
                qualifier=Qualifier.EXACT,
                as_of=as_of,
                sentence=ctx.sentence_offsets(sent),
                status=status,
            )


def _grade_verb(grade: Span) -> Token | None:
    """The verb a grade is said with. A grade whose words the parse read as a verb of
    their own ('rated X "requires improvement"', with "requires" a conjunct of "rated") is
    said with the verb it hangs from (review #37: else the rater became the rated)."""
    return _said_with(grade[0], grade)


def _said_with(token: Token, grade: Span) -> Token | None:
    """The verb above ``token`` that is no word of the grade ("in August" of 'rated X
    "requires improvement" in August' hangs from "requires"): only a grade's verb
    parsed as a conjunct of the verb it is said with, without a subject of its own."""
    verb = governing_verb(token)
    while verb is not None and grade.start <= verb.i < grade.end and verb.dep_ == "conj":
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break  # "Children's services still require improvement": the grade is the verb
        verb = governing_verb(verb.head)
    return verb


def _status(ctx: ClaimContext, sent: Span, start: int, end: int, previous_end: int) -> ClaimStatus:
    """current | previous | target, from the words around the grade.

    "from X to Y": X is previous, Y current. "previously"/"no longer": previous.
    "until ... achieved"/"aim ... to become": target. Otherwise the grade is current.
    """
    vocab = claim_vocabulary()
    doc = ctx.doc
    window = doc[max(previous_end, start - vocab.rating_window, sent.start) : start]
    words = [token_lower(t) for t in window]
    if any(w in vocab.from_words for w in words):
        return ClaimStatus.PREVIOUS
    before = [token_lower(t) for t in doc[max(sent.start, start - 8) : start]]
    if any(w in vocab.target_words for w in before):
        return ClaimStatus.TARGET
    if any(w in vocab.to_words for w in words):
        return ClaimStatus.CURRENT
    verb = governing_verb(doc[start])
    near = set(before)
    if verb is not None:
        near |= {token_lower(c) for c in verb.children if c.dep_ in ("advmod", "neg")}
    if near & vocab.previous_words:
        return ClaimStatus.PREVIOUS
    return ClaimStatus.CURRENT


def _subject_and_area(
    ctx: ClaimContext, finder: SubjectFinder, grade: Span, verb: Token | None
) -> tuple[Phrase | None, str]:
    """Who is rated, and the judgement area when a part of it is ("leadership")."""
    head = grade.root
    # "an inadequate service": the grade modifies the rated thing itself.
    if head.dep_ == "amod":
        noun = head.head
        if finder.is_org_like(noun):
            return finder.resolve(noun), ""
        return None, ""  # "inadequate rating", "the 'inadequate' ... report": the topic
    if verb is None:
        return _nearest_before(finder, grade), ""
    # Active "Ofsted rated NCT ...", "which upgraded the whole Children's Service from
    # 'Inadequate' to ...": the rated thing is the object, not the one who rates.
    subject = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or subject.i in range(grade.start, grade.end):
        subject = clause_subject(verb)
    if subject is None:
        return _nearest_before(finder, grade), ""
    if subject.i in range(grade.start, grade.end):
        return None, ""
    resolved = finder.resolve(subject)
    if resolved is not None:
        return resolved, ""
    if (
        subject.lower_ in pronouns().non_personal
        or subject.like_num
        or subject.pos_ in ("NUM", "PRON", "DET")
    ):
        return None, ""
    # A rated thing that is not an organisation is a judgement area of the topic.
    return None, _area_text(ctx, subject)


def _nearest_before(finder: SubjectFinder, grade: Span) -> Phrase | None:
    """A headline grade with no verb: the organisation named just before it."""
    for cand in reversed(finder.candidates):
        judged = not finder.judges_others(cand.key)
        if judged and grade.sent.start <= cand.token < grade.start:
            return finder.resolve(grade.doc[cand.token])
    return None


def _area_text(ctx: ClaimContext, subject: Token) -> str:
    tokens = [t for t in subject.subtree if t.dep_ != "det" and not t.is_punct]
    if not tokens:
        return ""
    return " ".join(token_lower(t) for t in tokens)
