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

from ...knowledge import claim_vocabulary, entity_words
from ...knowledge.words import honorifics
from .amounts import parse_amount
from .context import ClaimContext, token_lower
from .figures import hedge_before, needed
from .records import Draft
from .subjects import SubjectFinder

__all__ = ["share_claims"]


def share_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """A share claim for each percentage that belongs to a named subject."""
    vocab = claim_vocabulary()
    poll, asked = _poll_attribute(ctx, sent)
    previous_end = sent.start  # a figure belongs to a name after the previous figure
    signs = [t for t in sent if t.lower_ in vocab.percent_words]
    paired: set[int] = set()  # the second sign of "46 percent to 40 percent"
    for sign in signs:
        if sign.i in paired:
            continue
        numbers = _numbers_before(sign)
        if not numbers:
            continue
        second = _paired_sign(sign, sent) if len(numbers) == 1 else None
        if second is not None:
            # "Clinton leading Trump (46 percent to 40 percent)": one pair, as "46 to 40
            # percent", whose two figures go to the two names before it.
            numbers = [numbers[0], second.doc[second.i - 1]]
            paired.add(second.i)
        first = numbers[0].i
        thing = _share_of(sign, ctx)
        last = second or sign
        if len(numbers) == 2 and _moves(numbers[0], sign):
            # "approval of Hughes fell from 46 percent to 40 percent": one holder's figure
            # moving, not two holders' pair; the share stated is the one it moved to.
            numbers, sign, second = [numbers[1]], last, None
        name = _share_name(thing, poll, asked)
        if name is not None and needed(_figure_phrase(sign)):
            name = vocab.needed_template.format(count=name)  # "must win 53 percent of ..."
        holders = _holders(ctx, sent, previous_end, first, sign, len(numbers))
        previous_end = last.i + 1
        if name is None or holders is None:
            continue
        for number, holder in zip(numbers, holders, strict=True):
            amount = parse_amount(number.text)
            if amount is None:
                continue
            qualifier, hedge_start = hedge_before(ctx, number.i, number.i)
            start = hedge_start if number is numbers[0] else number.i
            own = second if second is not None and number is numbers[-1] else sign
            claim_start, claim_end = ctx.span_offsets(start, own.i + 1)
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


def _share_name(thing: str | None, poll: str | None, asked: str | None) -> str | None:
    """The attribute of a share: "share of voters" for "42 percent of voters"; in a sentence
    about a poll, that poll's figure, among whom it says ("50 percent of respondents chose
    Clinton" in an NBC poll is NBC's figure, never one with another poll's "51 percent of
    respondents"); None for a bare percentage outside a poll."""
    vocab = claim_vocabulary()
    if poll is None:
        return vocab.share_template.format(thing=thing) if thing else None
    if asked is None and thing and thing not in vocab.whole_sample_words:
        asked = thing
    return vocab.population_template.format(poll=poll, population=asked) if asked else poll


def _moves(first: Token, sign: Token) -> bool:
    """ "from 46 percent to 40 percent", "fell 46 to 40 percent": the two figures are one
    figure's change, "from" before the first or a change verb governing it."""
    if first.i > 0 and first.doc[first.i - 1].lower_ == "from":
        return True
    changes = {cue[0] for cue in claim_vocabulary().change_cues if len(cue) == 1}
    token = sign
    for _ in range(4):  # up through "percent", "to"/"from" and "of" to the verb
        if token.pos_ in ("VERB", "AUX"):
            return token.lower_ in changes
        if token.head is token:
            break
        token = token.head
    return False


def _paired_sign(sign: Token, sent: Span) -> Token | None:
    """The sign of the second figure of "46 percent to 40 percent" (or "49% to 41%")."""
    doc = sign.doc
    i = sign.i
    if i + 3 >= sent.end or doc[i + 1].lower_ not in ("to", "-", "\u2013"):
        return None
    number, after = doc[i + 2], doc[i + 3]
    if not number.like_num or after.lower_ not in claim_vocabulary().percent_words:
        return None
    return after if _numbers_before(after) == [number] else None


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
    if count == 1:
        if _conjoined_to_name(ctx, sign):
            return None  # "23 percent favored Cruz and 15 percent backed Rubio", misparsed
        relative = _relative_verb(sign)
        if relative is not None:
            # "compared with 48 percent who have an unfavorable view of Clinton": the clause
            # says whom the figure counts; a name before it is another clause's. Where the
            # figure has a predicate of its own ("32 percent who voted for Hughes in 2022
            # now say they will back Shah"), the clause only says among whom: no one's share.
            if _figure_phrase(sign).dep_ in ("nsubj", "nsubjpass"):
                return None
            named = [t for t in relative.subtree if t.dep_ in ("dobj", "pobj") and _is_name(ctx, t)]
            if relative is not sign and named and _supports(relative, named[0]):
                return (_name_end(ctx, named[0]),)
            return None
        if _ceded(sign):
            return None  # "conceding 65 percent of possession" is what Rovers did not have
        owner = _owner_of_object(sign)
        if owner is not None:
            # "He lost to Cruz and now needs 61 percent": the figure is its verb's subject's
            # (here "He"), never the nearest name before it, which is another role's; and
            # "Bush, Kasich and Christie collected 7 percent" is none of theirs alone.
            together = any(c.dep_ == "conj" for c in owner.children)
            return (_name_end(ctx, owner),) if _is_name(ctx, owner) and not together else None
        if _described_apart(ctx, sign):
            return None
        verb = _verb_of_subject(sign)
        if verb is not None:
            # "40 percent chose Trump", "23 percent favored Mr. Cruz": the share is of the
            # name its clause's verb takes, never of a name before it.
            # A name inside the figure's own phrase ("72 percent of Democrats said ...",
            # "24 percent of Clinton's donors are ...") is who was counted, not whose share
            # it is: what the share is of is the predicate, which the attribute cannot hold,
            # so two such figures about different questions must not meet.
            subject = next((c for c in verb.children if c.i <= sign.i and sign in c.subtree), sign)
            named = [t for t in verb.subtree if t.i > sign.i and t.dep_ in ("dobj", "pobj")
                     and t not in subject.subtree and _is_name(ctx, t)]  # fmt: skip
            if not named or not _supports(verb, named[0]):
                return None  # "62 percent opposed Hughes" is no share of Hughes
            return (_name_end(ctx, named[0]),)
    if _agent_of_passive(sign):
        return None  # "viewed as honest by 55 percent": an opinion held of a name, no share
    names = _name_heads(ctx, doc[after:first])
    if len(names) < count:
        return None
    if count == 2 and _relative_clause_between(names[-1], doc[first]):
        # "was defeated by Cruz, who won, 27.6 percent to 24.3 percent": the pair is in a
        # clause about one name (the result of who won), not a share of the two names.
        return None
    return tuple(names[-count:])


def _relative_verb(sign: Token) -> Token | None:
    """The verb of a relative clause on the figure ("48 percent who view him unfavorably"),
    the figure itself when the parse lost the clause but a relative pronoun follows it
    ("30 percent who rate ..."), or None."""
    token = _figure_phrase(sign)
    for child in token.children:
        if child.dep_ == "relcl" and any(
            c.tag_ in ("WP", "WDT") and c.dep_.startswith("nsubj") for c in child.children
        ):
            return child
    after = sign.i + 1
    if after < len(sign.doc) and sign.doc[after].tag_ == "WP":
        return sign
    return None


def _ceded(sign: Token) -> bool:
    """The figure is the direct object of a verb that is no way of holding, getting or
    needing it ("losing 12 percent of his vote", "surrendering 30 percent"): whoever the
    verb's subject is, the figure is not their share."""
    verb = _taking_verb(sign)
    return verb is not None and verb.lemma_.lower() not in claim_vocabulary().holding_verbs


def _taking_verb(sign: Token) -> Token | None:
    """The verb whose direct object the figure is, unless it also names who gets it ("the
    poll gives Clinton 46 percent"): None then, or when the figure is no direct object."""
    token = _figure_phrase(sign)
    if token.dep_ != "dobj" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "dative" for c in token.head.children):
        return None
    return token.head


def _owner_of_object(sign: Token) -> Token | None:
    """The subject of the verb whose direct object the figure is ("Cruz won 40 percent",
    "He ... now needs 61 percent"), through "and", "need to" and a participle ("..., earning
    51 percent") to the verb that has one;
    None when the figure is no direct object, or the verb also names who gets it ("the poll
    gives Clinton 46 percent")."""
    verb = _taking_verb(sign)
    if verb is None:
        return None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head  # "Ross Perot, who got 19% of the popular vote"
        if subject is not None:
            return subject
        # "Clinton beat Sanders, earning 56 percent": a participle's subject is its clause's
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        if not (verb.dep_ in ("conj", "xcomp") or participle) or verb.head is verb:
            return None
        verb = verb.head
    return None


def _described_apart(ctx: ClaimContext, sign: Token) -> bool:
    """The figure's phrase says what it is a share of without a name: it is the subject of
    a predicate of its own ("with 17 percent of voters still undecided") or set beside a
    noun that is no name ("half of Clinton's support (57 percent) comes from women")."""
    token = _figure_phrase(sign)
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ not in ("VERB", "AUX"):
        return True
    return token.dep_ == "appos" and not _is_name(ctx, token.head)


def _agent_of_passive(sign: Token) -> bool:
    """The figure is who does a passive verb's deed ("is trusted by 40 percent of voters"):
    a measure of what they think of the subject, not the subject's share of support."""
    token = _figure_phrase(sign)
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _relative_clause_between(name: Token, figure: Token) -> bool:
    """A relative clause opens between ``name`` and the figure ("Cruz, who won, 27.6 percent
    to 24.3 percent"): its verb, before the figure, is what the figures are the result of
    (the parse may hang them on the name or on the verb)."""
    for token in figure.doc[name.i + 1 : figure.i]:
        relative = token.tag_ in ("WP", "WDT") and token.dep_.startswith("nsubj")
        if relative and token.i < token.head.i < figure.i:
            return True
    return False


def _supports(verb: Token, name: Token) -> bool:
    """The name is taken by a verb of choosing or support ("chose Trump", "said they would
    vote for Patel"), affirmed on the way from the figure's verb ("would not vote for")."""
    token = name
    while token.dep_ in ("compound", "flat", "appos") and token.head is not token:
        token = token.head
    prep = ""
    if token.dep_ == "pobj":
        prep = token.head.lower_
        token = token.head
    if token.dep_ not in ("dobj", "prep"):
        return False
    taker = token.head
    if (taker.lemma_.lower(), prep) not in claim_vocabulary().support_verbs:
        return False
    path = [taker, *(a for a in taker.ancestors if verb in (a, *a.ancestors))]
    return not any(c.dep_ == "neg" for t in path for c in t.children)


def _conjoined_to_name(ctx: ClaimContext, sign: Token) -> bool:
    """The figure hangs off a name as its conjunct ("favored Mr. Cruz and 15 percent"):
    the parse lost whose it is."""
    token = _figure_phrase(sign)
    return token.dep_ == "conj" and _is_name(ctx, token.head)


def _figure_phrase(sign: Token) -> Token:
    """The token a figure's phrase attaches by: the percent sign itself, or the noun it
    modifies ("a 40 percent share" -> share)."""
    token = sign
    while token.dep_ in ("compound", "nummod", "quantmod") and token.head is not token:
        token = token.head
    return token


def _verb_of_subject(sign: Token) -> Token | None:
    """The verb whose subject is the figure ("[28 percent of caucusgoers] supported")."""
    if sign.dep_ == "pobj" or sign.head.dep_ in ("nummod",):
        return None
    token = _figure_phrase(sign)
    # A subject, or a figure the parse left loose before its verb ("15 percent backed").
    loose = token.dep_ == "npadvmod" and token.head.i > token.i
    if (token.dep_ in ("nsubj", "nsubjpass") or loose) and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    return None


def _name_end(ctx: ClaimContext, token: Token) -> Token:
    """The last token of the name ``token`` is in ("Mr. Trump" -> "Trump")."""
    entity = ctx.index.entity(token.i)
    return ctx.doc[entity.end - 1] if entity is not None else token


def _name_heads(ctx: ClaimContext, span: Span) -> list[Token]:
    """The last token of each name in ``span`` (one per entity), pollsters left out."""
    heads: list[Token] = []
    titles = honorifics().all | entity_words().person_titles  # "Mr.", "Mayor" of a name
    for token in span:
        if not _is_name(ctx, token) or token.lower_.rstrip(".") in titles:
            continue  # "Mr." of "Mr. Sanders" is no name of its own
        entity = ctx.index.entity(token.i)
        named = entity is not None and entity.label_ in claim_vocabulary().share_subject_labels
        if named and token.i != entity.end - 1:
            continue  # one head per name: "Hillary Clinton" -> "Clinton"
        heads.append(token)
    return heads


def _is_name(ctx: ClaimContext, token: Token) -> bool:
    """A person, party or organisation named by the text (not a pollster: "a CNN poll",
    "a survey conducted by Harbour Research")."""
    vocab = claim_vocabulary()
    if token.head.lower_ in vocab.poll_words and token.dep_ in ("compound", "nmod", "poss"):
        return False
    if _conducted(token):
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


def _poll_attribute(ctx: ClaimContext, sent: Span) -> tuple[str | None, str | None]:
    """ "poll share (quinnipiac)" when the sentence is about a named poll, "poll share"
    for an unnamed one, None when it is not about a poll; with who was asked when the
    sentence says ("among likely voters"), else None.

    A poll is named by the words before it ("a Quinnipiac poll", "the Rasmussen Reports
    poll"), by who conducted it ("the poll by the Public Policy Institute of California",
    "a survey, conducted by Monmouth"), or, as "the poll" or "the same survey", by the one
    pollster the document named in an earlier sentence."""
    vocab = claim_vocabulary()
    poll = next((t for t in sent if t.lower_ in vocab.poll_words), None)
    if poll is None:
        return None, None
    pollster = _pollster(ctx, poll)
    if pollster is None and _points_back(poll):
        pollster = _earlier_pollster(ctx, poll)
    name = vocab.pollster_template.format(pollster=pollster) if pollster else vocab.poll_template
    return name, _population(sent)


def _pollster(ctx: ClaimContext, poll: Token) -> str | None:
    """The pollster a poll word names, as a key, or None."""
    # The names right before the poll word, whole ("the Rasmussen Reports poll", "an NBC
    # News/Wall Street Journal poll"), however the model split them into entities.
    doc = poll.doc
    i = poll.i
    while i > poll.sent.start and _pollster_word(doc[i - 1]):
        i -= 1
    if any(t.pos_ == "PROPN" for t in doc[i : poll.i]):
        return pollster_key(doc[i : poll.i].text)
    for child in poll.lefts:
        ent = ctx.index.entity(child.i) if child.ent_type_ in ("ORG", "PERSON", "GPE") else None
        if ent is not None and child.dep_ in ("compound", "nmod", "poss", "amod"):
            return pollster_key(ent.text)
    # "the poll by X", "a survey conducted by X", "a poll from X"
    preps = claim_vocabulary().pollster_preps
    heads = [poll, *(c for c in poll.children if c.dep_ in ("acl", "relcl"))]
    for head in heads:
        for prep in head.children:
            if prep.lower_ not in preps or prep.dep_ not in ("prep", "agent"):
                continue
            for obj in prep.children:
                ent = ctx.index.entity(obj.i) if obj.dep_ == "pobj" else None
                if ent is not None and ent.label_ in ("ORG", "PERSON"):
                    return pollster_key(ent.text)
    return None


def _conducted(token: Token) -> bool:
    """The token names who conducted a poll: inside the object of "by"/"from" attached
    to a poll word or to a verb describing one ("the survey, conducted by X")."""
    vocab = claim_vocabulary()
    for ancestor in token.ancestors:
        if ancestor.lower_ in vocab.pollster_preps and ancestor.dep_ in ("prep", "agent"):
            head = ancestor.head
            if head.dep_ in ("acl", "relcl"):
                head = head.head
            return head.lower_ in vocab.poll_words
    return False


def _pollster_word(token: Token) -> bool:
    """A word of a pollster's name before the poll word: a name or a joining mark."""
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return False  # "Wednesday's Quinnipiac poll"
    return token.pos_ == "PROPN" or (token.text in ("/", "-", "&") and token.i > token.sent.start)


def _points_back(poll: Token) -> bool:
    """ "the poll", "this survey", "the same poll": a poll already named; "a new poll",
    "polls" are not."""
    if poll.tag_ == "NNS":
        return False
    words = claim_vocabulary().poll_antecedent_words
    lefts = [t.lower_ for t in poll.lefts]
    return bool(lefts) and lefts[0] in words and not any(t.pos_ == "PROPN" for t in poll.lefts)


def _earlier_pollster(ctx: ClaimContext, poll: Token) -> str | None:
    """The pollster the document named before ``poll``'s sentence, when it named exactly
    one and no other poll came in since ("a YouGov poll ... the council published its own
    survey ... the survey found": the council's, not YouGov's)."""
    named = ctx.memo.get("pollsters")
    if named is None:
        # (token, its pollster or None) of every poll word that introduces a poll: one
        # that names its pollster ("the poll by X") or is no "the poll" ("its own survey").
        named = []
        words = claim_vocabulary().poll_words
        for token in ctx.doc:
            found = _pollster(ctx, token) if token.lower_ in words else None
            if found or (token.lower_ in words and not _points_back(token)):
                named.append((token.i, found))
        ctx.memo["pollsters"] = named
    start = poll.sent.start
    before = [(i, pollster) for i, pollster in named if i < start]
    pollsters = {pollster for _, pollster in before if pollster}
    if len(pollsters) != 1 or not before[-1][1]:
        return None  # none or two named, or another poll introduced since the named one
    return before[-1][1]


def _population(sent: Span) -> str | None:
    """Who was asked: the noun after "among" with its modifiers ("among likely voters" ->
    "likely voters", "among registered Democrats in New Hampshire" -> "registered democrats")."""
    for token in sent:
        if token.lower_ != "among" or token.dep_ != "prep":
            continue
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        words = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and t.i >= token.i]
        return " ".join(t.lower_ for t in [*words, noun])
    return None


def pollster_key(name: str) -> str:
    """One name for one pollster however an outlet writes it: "NBC News/Wall Street
    Journal" and "Wall Street Journal-NBC News" -> "nbc news/wall street journal"."""
    parts = []
    for part in re.split(r"\s*[/\u2013-]\s*", name.lower().replace("\u2019", "'")):
        words = [w for w in part.split() if w not in claim_vocabulary().pollster_filler]
        if words:
            parts.append(" ".join(words).removesuffix("'s"))
    return "/".join(sorted(set(parts)))
