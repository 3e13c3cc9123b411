"""Figure claims: counts with their unit noun and money with currency and period.

"about 500 children" -> count of children = 500 (approximate); "The average weekly cost of
these placements was £328" -> average cost of placements = 328, unit "GBP per week".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...knowledge import claim_vocabulary, number_words
from ...records import Qualifier
from .amounts import multiplier_words, parse_amount
from .context import ClaimContext, token_lower
from .records import Amount, Draft, Phrase
from .subjects import SubjectFinder, clause_subject, governing_verb
from .thresholds import threshold_goal

COUNT_LABELS = frozenset({"CARDINAL"})
MONEY_LABELS = frozenset({"MONEY"})
_NUMBER_LIKE_LABELS = frozenset(
    {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME", "DURATION", "SET"}
)
_UNIT_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def hedge_before(ctx: ClaimContext, first: int, number: int) -> tuple[Qualifier, int]:
    """The qualifier of a figure and the token where its hedge starts.

    The hedge is the longest phrase of ``hedges.yaml`` ending just before the number
    token, inside the figure's own entity or up to three tokens before it.
    """
    doc = ctx.doc
    start = max(0, first - 3)
    words = [token_lower(t) for t in doc[start:number]]
    for phrase, qualifier in claim_vocabulary().hedges:
        if len(phrase) <= len(words) and tuple(words[len(words) - len(phrase) :]) == phrase:
            return qualifier, number - len(phrase)
    return Qualifier.EXACT, first


def number_token(ctx: ClaimContext, start: int, end: int) -> Token | None:
    """The last numeric token of a figure span ("about 500" -> "500")."""
    for token in reversed(ctx.doc[start:end]):
        if token.like_num or token.is_digit:
            return token
    return None


def count_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """A count claim for each number that counts a noun ("495 children")."""
    from .incidents import incident_figure  # the incident rule uses this module's helpers

    vocab = claim_vocabulary()
    for text, start, end in _count_candidates(ctx, sent):
        number = number_token(ctx, start, end)
        if number is None or number.dep_ != "nummod" or number.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if incident_figure(ctx, number):
            continue  # a toll or a measure: the incident rule names it
        if threshold_goal(ctx, number) is not None:
            continue  # what a goal takes: the threshold rule names it
        noun = number.head
        if noun.i < number.i:
            continue  # "Appendix 20", "page 3": a label, not a count
        amount = parse_amount(text)
        if amount is None or noun.lemma_.lower() in vocab.skip_units:
            continue
        if not_a_count(ctx, text, start, end):
            continue
        if amount.value < vocab.min_singular and noun.tag_ in ("NN", "NNP"):
            continue  # "one child had taken an overdose": an article, not a count
        if noun.tag_ == "NNP":
            continue  # "at 2 Mill Road", "Apollo 11 ... 3 Series": a name's number
        if noun.dep_ == "poss" or _is_reference(noun, number):
            continue  # "three children's files", "the two local authorities": not a figure
        unit = _unit(ctx, number, noun)
        restriction = _restriction(ctx, noun)
        attribute = vocab.count_template.format(unit=f"{unit} {restriction}".strip())
        if needed(noun):
            attribute = vocab.needed_template.format(count=attribute)
        qualifier, hedge_start = hedge_before(ctx, start, number.i)
        subject = _figure_subject(finder, noun)
        yield count_draft(ctx, sent, subject, attribute, amount, unit, qualifier,
                          hedge_start, number, noun)  # fmt: skip


def count_draft(
    ctx: ClaimContext,
    sent: Span,
    subject: Phrase | None,
    attribute: str,
    amount: Amount,
    unit: str,
    qualifier: Qualifier,
    hedge_start: int,
    number: Token,
    noun: Token,
) -> Draft:
    """The claim of a count: its value runs from the hedge ("about") to the number, the
    claim on to the counted noun."""
    value_start, value_end = ctx.span_offsets(hedge_start, number.i + 1)
    claim_start, claim_end = ctx.span_offsets(hedge_start, noun.i + 1)
    return Draft(
        start=claim_start,
        end=claim_end,
        subject=subject,
        attribute=attribute,
        value=ctx.original_text(value_start, value_end),
        normalized=amount.as_text(),
        unit=unit,
        qualifier=qualifier,
        as_of=None,
        sentence=ctx.sentence_offsets(sent),
    )


# "9/11", "24/7", "3:30", "31-24" (a score), "555-0123" (a phone number): digits joined by
# a mark are names, times, scores or numbers to dial, not counts.
_JOINED_DIGITS = re.compile(r"\d\s*[/:\u2013-]\s*\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def not_a_count(ctx: ClaimContext, text: str, start: int, end: int) -> bool:
    """A number that looks like a count but is a date, name, score, phone number or a
    vague "two or three"."""
    if _JOINED_DIGITS.search(text) or _YEAR.fullmatch(text.strip()):
        return True
    doc = ctx.doc
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    if before in ("or", "/", "-") or after in ("or", "/", "-", "to"):
        return True  # "two or three things", "five to ten": a guess, not a figure
    if before == "to" and start > 1 and doc[start - 2].like_num:
        return True  # the "ten" of "five to ten" is the range's other end
    # "100,000, 200,000 or 250,000": a list of alternatives ends in "or"
    i = end
    while i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].like_num:
        i += 2
        if i < len(doc) and doc[i].lower_ == "or":
            return True
    return " or " in text.lower()


def _count_candidates(ctx: ClaimContext, sent: Span) -> list[tuple[str, int, int]]:
    """CARDINAL mentions, plus numbers the model left untagged ("approximately 320 foster
    carers"), as (text, first token, end token)."""
    found = [(m.text, s, e) for m, s, e in ctx.mentions_in(sent, COUNT_LABELS)]
    covered = {i for _, s, e in ctx.mentions_in(sent, _NUMBER_LIKE_LABELS) for i in range(s, e)}
    for token in sent:
        if token.like_num and token.dep_ == "nummod" and token.i not in covered:
            found.append((token.text, token.i, token.i + 1))
    return found


def split_multiplier_end(ctx: ClaimContext, sent: Span, end: int) -> int:
    """The end of a sum whose multiplier the tokenizer split off ("£5m." as "5", "m.")."""
    if end < sent.end and ctx.doc[end].lower_.rstrip(".") in multiplier_words():
        return end + 1
    return end


def money_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """An amount claim for each sum of money, named after the noun it is the value of."""
    for _mention, start, end in ctx.mentions_in(sent, MONEY_LABELS):
        number = number_token(ctx, start, end)
        end = split_multiplier_end(ctx, sent, end)
        amount = parse_amount(ctx.doc[start:end].text.rstrip("."))
        if number is None or amount is None:
            continue
        currency = amount.currency or currency_before(ctx, start)
        noun = _amount_noun(number)
        period = _period(ctx, noun, end)
        attribute = _amount_attribute(noun)
        if noun is None:
            continue  # a sum with nothing it is the sum of says nothing comparable
        qualifier, hedge_start = hedge_before(ctx, start, number.i)
        value_start = min(hedge_start, start)
        if value_start > 0 and ctx.doc[value_start - 1].text in number_words().currencies:
            value_start -= 1
        claim_start, claim_end = ctx.span_offsets(value_start, end)
        if ctx.original_text(claim_end - 1, claim_end) == ".":
            claim_end -= 1
        unit = " per ".join(p for p in (currency, period) if p) or None
        yield Draft(
            start=claim_start,
            end=claim_end,
            subject=_figure_subject(finder, noun or number),
            attribute=attribute,
            value=ctx.original_text(claim_start, claim_end),
            normalized=amount.as_text(),
            unit=unit,
            qualifier=qualifier,
            as_of=None,
            sentence=ctx.sentence_offsets(sent),
        )


def _restriction(ctx: ClaimContext, noun: Token) -> str:
    """A prepositional phrase that narrows what is counted ("in residential care placements").

    Phrases naming a place, organisation or date are left out: they say where or when,
    which is the subject's or the period's business, not the attribute's.
    """
    vocab = claim_vocabulary()
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in vocab.restricting_preps:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if not objects:
            continue
        obj = objects[0]
        if obj.ent_type_:
            continue
        modifiers = [t for t in obj.lefts if t.dep_ in _UNIT_MODIFIER_DEPS]
        first = min([obj.i, *[m.left_edge.i for m in modifiers]])
        return f"{child.lower_} {_words(ctx, first, obj.i + 1)}"
    return ""


def needed(noun: Token) -> bool:
    """The figure is what its subject still lacks ("Clinton needs 67 delegates", "is 71
    delegates short of", "must win 53 percent of the remaining delegates", "would need to
    win 65 percent"), not what it has: another measure under the same noun."""
    head = noun.head
    vocab = claim_vocabulary()
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in vocab.need_words:
            return True
        if any(c.dep_ == "aux" and c.lower_ in vocab.need_modals for c in head.children):
            return True
        # "needs to win 65 percent": the figure's verb is what the need is for
        return head.dep_ == "xcomp" and head.head.lemma_.lower() in vocab.need_words
    if any(
        c.dep_ == "amod" and c.i > noun.i and c.lower_ in vocab.need_words for c in noun.children
    ):
        return True  # "is 439 delegates short of the nomination", parsed with "short" on the noun
    return noun.dep_ == "npadvmod" and head.lower_ in vocab.need_words


def _unit(ctx: ClaimContext, number: Token, noun: Token) -> str:
    """The counted noun's head with the words that say what kind of thing it is ("foster
    carers", "merchant vessels"). Names, nationalities and descriptions of the things
    counted are left out ("23 heavily armed Somali and Yemeni pirates" counts pirates), so
    that two outlets' wordings of one count meet."""
    kept = [
        t
        for t in ctx.doc[number.i + 1 : noun.i]
        if t.head.i == noun.i
        and t.dep_ in _UNIT_MODIFIER_DEPS
        and not (t.ent_type_ or t.pos_ in ("PROPN", "NUM") or t.tag_ == "VBN")
        and not any(c.pos_ == "ADV" for c in t.children)
    ]
    return " ".join([*(_words(ctx, t.i, t.i + 1) for t in kept), _words(ctx, noun.i, noun.i + 1)])


def _words(ctx: ClaimContext, start: int, end: int) -> str:
    """Lower-case original text of tokens ``[start, end)``, spaces normalised."""
    first, last = ctx.span_offsets(start, end)
    return " ".join(ctx.original_text(first, last).lower().replace("’", "'").split())


def _is_reference(noun: Token, number: Token) -> bool:
    """ "the two local authorities" refers to known things; it does not count them."""
    return any(c.dep_ in ("det", "poss") and c.i < number.i for c in noun.lefts)


def _figure_subject(finder: SubjectFinder, noun: Token):
    """The clause subject, unless it is the counted noun itself ("495 children were ...")."""
    verb = governing_verb(noun)
    if verb is None:
        return None
    subject = clause_subject(verb)
    if subject is None or subject.i == noun.i or subject.head.i == noun.i:
        return None
    return finder.resolve(subject)


def currency_before(ctx: ClaimContext, start: int) -> str | None:
    """The currency symbol just before a figure ("£ 35,000" split by the tokenizer)."""
    for token in ctx.doc[max(0, start - 2) : start]:
        if token.text in number_words().currencies:
            return number_words().currencies[token.text]
    return None


def _amount_noun(number: Token) -> Token | None:
    """The noun a sum is the value of: "the cost ... was £328", "a £5m budget"."""
    nouns = claim_vocabulary().amount_nouns
    token = number
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "£328 and £945": the second shares the first's noun
    if token.head.lemma_.lower() in nouns and token.head.pos_ == "NOUN":
        return token.head
    verb = governing_verb(token)
    if verb is not None:
        subject = clause_subject(verb)
        if subject is not None and subject.lemma_.lower() in nouns:
            return subject
    for candidate in number.sent:
        if candidate.lemma_.lower() in nouns and candidate.pos_ == "NOUN":
            return candidate
    return None


def _amount_attribute(noun: Token | None) -> str:
    vocab = claim_vocabulary()
    if noun is None:
        return vocab.fallback_amount
    kept = [t.lower_ for t in noun.lefts if t.lower_ in vocab.keep_modifiers]
    name = " ".join([*kept, noun.lemma_.lower()])
    # "a fee of £50 million": the object of "of" is the sum itself, not what it pays for
    things = [
        obj
        for prep in noun.rights
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
        for obj in prep.children
        if obj.dep_ == "pobj" and not (obj.like_num or obj.ent_type_ == "MONEY")
    ]
    if not things:
        return name
    thing = things[0]
    words = [t.lower_ for t in thing.lefts if t.dep_ in ("compound", "amod")] + [thing.lower_]
    return vocab.amount_template.format(noun=name, thing=" ".join(words))


def _period(ctx: ClaimContext, noun: Token | None, end: int) -> str | None:
    """The period of a sum: "weekly cost", "£328 a week", "£1m per year"."""
    periods = claim_vocabulary().periods
    if noun is not None:
        for child in noun.lefts:
            if child.lower_ in periods:
                return periods[child.lower_]
    following = [t.lower_ for t in ctx.doc[end : end + 2]]
    if len(following) == 2 and following[0] in ("a", "an", "per", "each", "every"):
        return periods.get(following[1])
    return None
