"""Incident claims: what news reports an incident did and how strong it was.

Tolls count the people or things something happened to: "killing 10 people", "23 pirates
were captured", "left 31,000 people dead", "the death toll rose to 10". Their attribute
names the counted noun's head and what happened ("count of people killed", "count of
pirates captured"); their subject is the body that acted ("the navy captured ...") or the
incident ("the quake killed ..."). Measures are numbers beside a measure noun ("a
5.6-magnitude earthquake", "measuring 6.1 on the Richter scale"), about the nearest
incident of their kind. Both take the date their sentence gives as ``as_of``: reports of
two incidents of one kind are told apart by when they happened. The words are
``tolls``, ``measures`` and ``incidents`` in ``models/attributes.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...knowledge import HaulKind, MeasureKind, TollKind, claim_vocabulary
from .amounts import parse_amount
from .context import ClaimContext
from .figures import currency_before, hedge_before, not_a_count, split_multiplier_end
from .records import Draft, Phrase
from .subjects import SubjectFinder, clause_subject, governing_verb
from .when import DATE_LABELS, date_value, is_point_in_time

__all__ = ["incident_claims", "incident_figure", "toll_of"]

# Mentions whose numbers are never a toll or a measure (dates, times, money, shares).
_NOT_FIGURES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
_FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY"})
# Not "ccomp": the clause above reported speech is the reporting ("the governor told AFP").
_CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "relcl", "pcomp"})
# "magnitude-5.9", "6.1-magnitude": a number joined to a word by a hyphen.
_JOINED = re.compile(
    r"^(?:(?P<a>\d+(?:\.\d+)?)-(?P<w1>[a-z]+)|(?P<w2>[a-z]+)-(?P<b>\d+(?:\.\d+)?))$"
)


def incident_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """A claim for each toll and each measure of an incident in a sentence."""
    dates = _sentence_dates(ctx, sent)
    if not dates and _continues(sent) and sent.start > 0:
        # "It killed 612 people": the incident of the sentence before, on its date.
        dates = _sentence_dates(ctx, ctx.doc[sent.start - 1].sent)[:1]
    for number, text, start, end in _numbers(ctx, sent):
        if _generic(number) or _pronoun_one(number):
            continue
        toll = toll_of(number)
        when = _date_near(dates, number.i)
        if toll is not None and when is not False and not not_a_count(ctx, text, start, end):
            yield _toll(ctx, finder, sent, number, text, start, toll, when)
    for kind in claim_vocabulary().measures:
        yield from _measures(ctx, finder, sent, kind, dates)
    yield from _hauls(ctx, finder, sent, dates)


def incident_figure(ctx: ClaimContext, number: Token) -> bool:
    """Whether a number is a toll or a measure (the count rule leaves it to this one)."""
    if toll_of(number) is not None:
        return True
    return any(_measure_near(number.sent, number.i, kind) for kind in claim_vocabulary().measures)


# --- tolls -----------------------------------------------------------------------------------


def toll_of(number: Token) -> tuple[TollKind, str, Token] | None:
    """(what happened, the counted unit, the word saying so) when a number is a toll."""
    vocab = claim_vocabulary()
    counted = (
        number.head if number.dep_ == "nummod" and number.head.pos_ in ("NOUN", "PROPN") else None
    )
    arg = counted or number
    # "a total of 10 people": the count is reported through another noun
    if (
        arg.dep_ == "pobj"
        and arg.head.lower_ == "of"
        and arg.head.head.lemma_.lower() in vocab.through_nouns
    ):
        arg = arg.head.head
    found = _toll_word(arg, number)
    if found is None:
        return None
    kind, word = found
    return kind, _unit(counted, number, kind), word


def _toll_word(arg: Token, number: Token) -> tuple[TollKind, Token] | None:
    vocab = claim_vocabulary()
    for kind in vocab.tolls:
        # "about 50 hurt", "ten dead", "10 deaths"
        if arg.lower_ in kind.adjectives or (
            arg is not number and arg.lemma_.lower() in kind.nouns
        ):
            return kind, arg
        # "50 injured", "ten people killed in the quake"
        for child in arg.rights:
            if child.dep_ in ("acl", "amod") and _is_toll_verb(child, kind):
                return kind, child
        head = arg.head
        if head is arg:
            continue
        if arg.dep_ == "dobj" and head.pos_ == "VERB":
            if head.lemma_.lower() in kind.verbs:
                return kind, head  # "killing 10 people", "arrested 23 pirates"
            if any(
                c.dep_ in ("oprd", "acomp") and c.lower_ in kind.adjectives for c in head.children
            ):
                return kind, head  # "left 31,000 people dead"
        if arg.dep_ == "nsubjpass" and head.lemma_.lower() in kind.verbs:
            return kind, head  # "23 pirates were captured"
        if arg.dep_ == "nsubj":
            if head.lemma_.lower() in kind.verbs and (
                head.lemma_.lower() in vocab.subject_verbs or head.tag_ == "VBN"
            ):
                return kind, head  # "ten people died", "50 injured"
            if any(c.dep_ == "acomp" and c.lower_ in kind.adjectives for c in head.children):
                return kind, head  # "ten were dead", "two are missing"
    # "the death toll rose to 10", "the toll stood at 43", "the number of dead was 12"
    if number.dep_ in ("pobj", "attr") and (
        number.dep_ == "attr" or number.head.lower_ in ("to", "at")
    ):
        verb = governing_verb(number)
        subject = clause_subject(verb) if verb is not None else None
        if subject is None and verb is not None:
            # The parse often loses a long subject ("death toll from a strong earthquake a
            # day before rose to 10"): take the nearest noun before the verb.
            nouns = [t for t in number.sent if t.i < verb.i and t.pos_ == "NOUN"]
            subject = next(
                (t for t in reversed(nouns) if t.lemma_.lower() in vocab.through_nouns), None
            )
        if subject is not None:
            for kind in vocab.tolls:
                if subject.lemma_.lower() in kind.nouns:
                    return kind, subject
    return None


def _is_toll_verb(token: Token, kind: TollKind) -> bool:
    return token.lower_ in kind.adjectives or (
        token.pos_ == "VERB" and token.tag_ == "VBN" and token.lemma_.lower() in kind.verbs
    )


def _unit(counted: Token | None, number: Token, kind: TollKind) -> str:
    """The head of the counted noun; people in general (or no noun) are "people"."""
    vocab = claim_vocabulary()
    noun = counted
    if noun is None:
        # "capturing 23 of the raiders"
        of = [c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"]
        objects = [o for p in of for o in p.children if o.dep_ == "pobj" and o.pos_ != "PRON"]
        noun = objects[0] if objects else None
    if noun is None or noun.lower_ in vocab.person_nouns or noun.lower_ in kind.adjectives:
        return vocab.person_unit
    if noun.lemma_.lower() in kind.nouns:
        return vocab.person_unit
    return noun.lower_


def _toll(
    ctx: ClaimContext,
    finder: SubjectFinder,
    sent: Span,
    number: Token,
    text: str,
    start: int,
    toll: tuple[TollKind, str, Token],
    when: str | None,
) -> Draft:
    kind, unit, word = toll
    vocab = claim_vocabulary()
    qualifier, hedge_start = hedge_before(ctx, start, number.i)
    value_start, value_end = ctx.span_offsets(hedge_start, number.i + 1)
    amount = parse_amount(text)
    return Draft(
        start=value_start,
        end=value_end,
        subject=_toll_subject(ctx, finder, sent, word, number),
        attribute=vocab.toll_template.format(unit=unit, what=kind.what),
        value=ctx.original_text(value_start, value_end),
        normalized=amount.as_text() if amount is not None else None,
        unit=unit,
        qualifier=qualifier,
        as_of=when,
        sentence=ctx.sentence_offsets(sent),
    )


def _toll_subject(
    ctx: ClaimContext, finder: SubjectFinder, sent: Span, word: Token, number: Token
) -> Phrase | None:
    """Who acted (a body: "the Royal Navy captured"), else the incident ("the quake
    killed", "killed in the blast"), looking up through the clauses the toll hangs from;
    else the nearest incident of the sentence, else the document's; else a body named by
    its noun alone ("police arrested")."""
    counted = {number.i, number.head.i}
    body: Phrase | None = None  # a body named by its noun alone ("police"): the last resort
    current: Token | None = word
    for _ in range(4):
        if current is None:
            break
        incident = (
            _incident_at(ctx, current) if current is not word or word.pos_ == "NOUN" else None
        )
        if incident is not None:
            return incident
        for child in current.children:
            if child.dep_ == "nsubj" and child.i not in counted:
                found = _incident_at(ctx, child) or _acting_body(finder, child)
                if found is not None and _bare_body(finder, found):
                    body = body or found
                elif found is not None:
                    return found
            if child.dep_ in ("prep", "agent") and (
                child.lower_ in claim_vocabulary().incident_preps or child.dep_ == "agent"
            ):
                for obj in child.children:
                    if obj.dep_ == "pobj" and (found := _incident_at(ctx, obj)) is not None:
                        return found
        current = (
            current.head if current.dep_ in _CLIMB_DEPS and current.head is not current else None
        )
    return _nearest_incident(ctx, sent, number) or finder.incident or body


def _bare_body(finder: SubjectFinder, phrase: Phrase) -> bool:
    """ "police", "the army": a body every town and country has, which names no incident
    (the incident it acted in, or its place, does)."""
    distinct, head = finder.key(phrase)
    return not distinct and head in claim_vocabulary().incident_bodies


def _acting_body(finder: SubjectFinder, token: Token) -> Phrase | None:
    """A body that acted ("the navy captured", "police arrested"). A person who did it
    ("the gunman killed", "Farook killed 14") is not what a toll is about: the incident is,
    and reports of it name different people."""
    if token.ent_type_ in ("PERSON", "NORP") or token.pos_ == "PRON" and token.lower_ != "it":
        return None
    found = finder.resolve(token)
    if found is None and finder.is_org_like(token):
        found = finder.noun_phrase(token)  # "the navy", "police": a body named by its noun
    return found


def is_incident(token: Token) -> bool:
    """A noun naming an incident, not in an idiom ("opened fire")."""
    vocab = claim_vocabulary()
    if token.pos_ != "NOUN" or token.lower_ not in vocab.incidents:
        return False
    return not (token.dep_ == "dobj" and token.head.lemma_.lower() in vocab.incident_idioms)


def _incident_at(ctx: ClaimContext, token: Token) -> Phrase | None:
    return ctx.phrase(token.i, token.i + 1) if is_incident(token) else None


def _nearest_incident(
    ctx: ClaimContext, sent: Span, number: Token, kind: str | None = None
) -> Phrase | None:
    incidents = claim_vocabulary().incidents
    found = [t for t in sent if is_incident(t) and (kind is None or incidents[t.lower_] == kind)]
    if not found:
        return None
    nearest = min(found, key=lambda t: abs(t.i - number.i))
    return ctx.phrase(nearest.i, nearest.i + 1)


# --- measures --------------------------------------------------------------------------------


def _measures(
    ctx: ClaimContext,
    finder: SubjectFinder,
    sent: Span,
    kind: MeasureKind,
    dates: list[tuple[int, str | None]],
) -> Iterator[Draft]:
    covered = _covered(ctx, sent)
    for token in sent:
        if token.i in covered:
            continue
        value = _number_in(token, kind)
        if value is None or not 0 < value <= kind.max:
            continue
        when = _date_near(dates, token.i)
        if not _measure_near(sent, token.i, kind) or _generic(token) or when is False:
            continue
        before = ctx.doc[token.i - 1].lower_ if token.i > sent.start else ""
        after = ctx.doc[token.i + 1].lower_ if token.i + 1 < sent.end else ""
        vocab = claim_vocabulary()
        if before in vocab.range_before or after in vocab.range_after:
            continue  # an end of a range of aftershocks' magnitudes, not one measure
        qualifier, hedge_start = hedge_before(ctx, token.i, token.i)
        hedge_start = min(hedge_start, token.i)
        value_start, value_end = ctx.span_offsets(hedge_start, token.i + 1)
        subject = _nearest_incident(ctx, sent, token, kind.of) or finder.incident_of(kind.of)
        yield Draft(
            start=value_start,
            end=value_end,
            subject=subject,
            attribute=kind.attribute,
            value=ctx.original_text(value_start, value_end),
            normalized=f"{value:g}",
            unit=None,
            qualifier=qualifier,
            as_of=when,
            sentence=ctx.sentence_offsets(sent),
        )


def _number_in(token: Token, kind: MeasureKind) -> float | None:
    text = token.text.lower()
    if token.like_num and re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    match = _JOINED.match(text)
    if match and (match.group("w1") or match.group("w2")) in kind.nouns:
        return float(match.group("a") or match.group("b"))
    return None


def _measure_near(sent: Span, i: int, kind: MeasureKind) -> bool:
    """A measure noun within the window of token ``i``, in its sentence."""
    start, end = max(sent.start, i - kind.window), min(sent.end, i + kind.window + 1)
    doc = sent.doc
    return any(
        any(part in kind.nouns for part in re.split(r"[-\d.]+", doc[j].lower_) if part)
        for j in range(start, end)
    )


# --- hauls ----------------------------------------------------------------------------------


def _hauls(
    ctx: ClaimContext, finder: SubjectFinder, sent: Span, dates: list[tuple[int, str | None]]
) -> Iterator[Draft]:
    """The value of what was taken: "stole diamonds valued at 85 million euros", "made off
    with jewellery worth £88m", "snatched $108 million worth of rings"; about the robbery
    nearest in the sentence, else the document's (never a person who did it)."""
    vocab = claim_vocabulary()
    haul = vocab.haul
    if haul is None:
        return
    for _mention, start, end in ctx.mentions_in(sent, _SUMS):
        number = next((t for t in reversed(ctx.doc[start:end]) if t.like_num), None)
        end = split_multiplier_end(ctx, sent, end)
        if end < sent.end and ctx.doc[end].lower_ in vocab.currency_words:
            end += 1  # "85 million euros", tagged as a plain number
        amount = parse_amount(ctx.doc[start:end].text.rstrip("."))
        if number is None or amount is None:
            continue
        currency = (
            amount.currency
            or vocab.currency_words.get(ctx.doc[end - 1].lower_)
            or currency_before(ctx, start)
        )
        if currency is None:
            continue
        span = ctx.doc[start:end]
        root = next((t for t in span if t.head is t or not start <= t.head.i < end), span[-1])
        worth = root.head.lower_ in ("worth", "at")
        if ctx.doc[end - 1].lower_ in vocab.weight_words and not worth:
            continue  # "stole 500 pounds of copper": a weight, unless it is what it was worth
        if not _taken(root, haul) or _speculative(root):
            continue
        when = _date_near(dates, number.i)
        if when is False:
            continue
        qualifier, hedge_start = hedge_before(ctx, start, number.i)
        hedge_start = min(hedge_start, start)
        value_start, value_end = ctx.span_offsets(hedge_start, end)
        subject = _nearest_incident(ctx, sent, number, haul.of) or finder.incident_of(haul.of)
        yield Draft(
            start=value_start,
            end=value_end,
            subject=subject,
            attribute=haul.attribute,
            value=ctx.original_text(value_start, value_end),
            normalized=amount.as_text(),
            unit=currency,
            qualifier=qualifier,
            as_of=when,
            sentence=ctx.sentence_offsets(sent),
        )


def _speculative(token: Token) -> bool:
    """A verb above the sum has a modal ("thieves could steal jewellery worth £1m")."""
    return any(_has_modal(verb) for verb in token.ancestors if verb.pos_ in ("VERB", "AUX"))


_SUMS = frozenset({"MONEY", "CARDINAL", "QUANTITY"})


def _takes_with(verb: Token, haul: HaulKind) -> bool:
    """ "made off with", "got away with", "escaped with": a verb of taking away, with its
    particle ("off", "away") when it needs one."""
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    return any((verb.lemma_.lower(), p) in haul.with_verbs for p in (*particles, ""))


def _taken(money: Token, haul: HaulKind) -> bool:
    """The sum is the value of what a taking verb took: the thing it is the worth of
    ("jewellery worth £88m", "diamonds valued at ..."), or the sum itself ("£35,000 of
    jewellery", "$108 million worth of rings"), as the verb's object, its passive subject,
    or the object of "with" after it ("made off with")."""
    while money.dep_ == "appos" and money.head is not money:
        money = money.head  # "85 million euros ($108 million)"
    thing = money
    head = money.head
    if head.lower_ == "at" and head.head.lemma_.lower() in ("value", "estimate", "put"):
        head = head.head  # "valued at"
    valued = head.lower_ in ("worth", "valued", "at") or head.lemma_.lower() in ("value", "worth")
    describes = head.dep_ in ("amod", "acl", "prep", "advmod", "npadvmod")
    if valued and (describes or head.head.pos_ == "NOUN"):
        thing = head.head
    if money.dep_ == "nummod" and head.lower_ == "worth":
        thing = head  # "snatched [$108 million worth] of rings"
    elif money.dep_ in ("npadvmod", "nmod") and head.pos_ in ("NOUN", "ADJ"):
        thing = head.head if head.lower_ == "worth" else head
    for _ in range(2):
        verb = thing.head
        if thing.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in haul.verbs:
            return True
        if thing.dep_ == "pobj" and verb.lower_ == "with" and _takes_with(verb.head, haul):
            return True  # "made off with", "escaped with"
        if thing.dep_ == "conj" and verb.lemma_.lower() in haul.verbs:
            return True  # "grabbed jewellery and watches worth ...", parsed loosely
        if thing.dep_ == "conj" or thing.dep_ == "appos":
            thing = thing.head
            continue
        break
    return False


# --- shared ----------------------------------------------------------------------------------


def _numbers(ctx: ClaimContext, sent: Span) -> list[tuple[Token, str, int, int]]:
    """(number token, figure text, first token, end token) for each count-like figure."""
    found = []
    seen: set[int] = set()
    for mention, start, end in ctx.mentions_in(sent, _FIGURE_LABELS):
        number = next((t for t in reversed(ctx.doc[start:end]) if t.like_num), None)
        if number is not None:
            found.append((number, mention.text, start, end))
            seen.update(range(start, end))
    covered = _covered(ctx, sent) | seen
    for token in sent:
        if token.like_num and token.i not in covered:
            found.append((token, token.text, token.i, token.i + 1))
    return found


def _covered(ctx: ClaimContext, sent: Span) -> set[int]:
    """Tokens of dates, times, money and shares. A "date" that is one small number alone
    ("injuring 80") is the model mistaking a count for a year: it stays a number."""
    return {
        i
        for m, s, e in ctx.mentions_in(sent, _NOT_FIGURES)
        if not (m.label == "DATE" and e - s == 1 and _SMALL.fullmatch(m.text))
        for i in range(s, e)
    }


_SMALL = re.compile(r"\d{1,3}")


def _generic(token: Token) -> bool:
    """In a clause with a modal verb: general or speculative, not a report."""
    verb = governing_verb(token)
    return verb is not None and _has_modal(verb)


def _has_modal(verb: Token) -> bool:
    """The verb has a modal auxiliary ("could", "may", "would")."""
    modals = claim_vocabulary().generic_modals
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _continues(sent: Span) -> bool:
    """The sentence's subject is a pronoun standing for the previous sentence's incident."""
    root = sent.root
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in root.children)


def _pronoun_one(token: Token) -> bool:
    """ "no one", "every one": a pronoun, not the number one."""
    before = claim_vocabulary().pronoun_one_before
    return token.lower_ == "one" and token.i > 0 and token.nbor(-1).lower_ in before


def _sentence_dates(ctx: ClaimContext, sent: Span) -> list[tuple[int, str | None]]:
    """(token, ISO value or None when it cannot be placed) of each point-in-time date of
    a sentence."""
    found = []
    for mention, start, end in ctx.mentions_in(sent, DATE_LABELS):
        if is_point_in_time(ctx, mention):
            found.append((start, date_value(ctx, mention, start, end)))
    return found


def _date_near(dates: list[tuple[int, str | None]], i: int) -> str | None | bool:
    """The date nearest token ``i`` ("31,000 in Bam in 2003, and 600 in Zarand in
    February"); None when the sentence gives none; False when the nearest cannot be placed
    (an undated document): the incident is dated, but not to anything comparable."""
    if not dates:
        return None
    _, value = min(dates, key=lambda d: abs(d[0] - i))
    return value or False
