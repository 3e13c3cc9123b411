"""Dated-event claims: inspections, visits, publications and meetings with their date.

A date makes an event claim when the word it is attached to is an event trigger of
``models/attributes.yaml``: "visited ... last November" (inspection), "a monitoring visit
in April 2023", "report issued earlier this week" (report published), "met ... last night"
(meeting). The claim's subject is what the event happened to (the service visited), and
its status is "past" or, for a future-tense verb, "planned".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...knowledge import EventKind, claim_vocabulary, temporal_lexicon
from ...records import ClaimStatus, Qualifier
from ...temporal import normalize_expression
from .context import ClaimContext, token_lower
from .records import Draft, Phrase
from .subjects import SubjectFinder, clause_subject
from .when import DATE_LABELS, date_value, is_point_in_time, root_of, tense_at

# "nmod": "the April 19 New York primary", "the Dec. 28 meeting" (a date naming the noun)
_ATTACHING_DEPS = frozenset(
    {"npadvmod", "tmod", "advmod", "poss", "nummod", "compound", "amod", "nmod"}
)
_PATIENT_PREPS = frozenset({"of", "with", "into", "at", "on"})


def event_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """An event claim for each point-in-time date attached to an event word."""
    for mention, start, end in ctx.mentions_in(sent, DATE_LABELS):
        if not is_point_in_time(ctx, mention):
            continue
        root = root_of(ctx, start, end)
        anchor = _attached_word(root)
        if anchor is None:
            continue
        found = _event_of(anchor)
        if found is None:
            continue
        kind, trigger = found
        attribute = _attribute(kind, trigger, sent)
        subject = _patient(finder, trigger)
        value = date_value(ctx, mention, start, end)
        if kind.political:
            political = _political(ctx, kind, trigger)
            if political is None:
                continue  # "the debate on Tuesday": which debate, nothing here says
            subject, attribute = political
            if _bare_weekday(mention.text):
                value = _weekday_value(ctx, mention.text, sent)
                if value is None:
                    continue  # "in Tuesday's primary": last Tuesday's or next?
        if subject is None and root.dep_ == "nmod":
            # "Clinton's September 2011 visit to the UN": a date naming the noun (more often
            # than not another's event, recalled) is a claim only of what the sentence
            # names, never of the document's topic.
            continue
        tense = tense_at(ctx, start, end)
        subjects = [subject]
        if kind.reciprocal and subject is not None:
            # "Ryan will meet with Trump", "Trump is to meet Ryan": one meeting, which an
            # outlet may write under either name; both are its subjects.
            other = _agent(finder, trigger)
            if other is not None and other.text.lower() != subject.text.lower():
                subjects.append(other)
        for who in subjects:
            yield Draft(
                start=mention.start,
                end=mention.end,
                subject=who,
                attribute=attribute,
                value=mention.text,
                normalized=value,
                unit=None,
                qualifier=(
                    Qualifier.APPROXIMATE if mention.date_mod == "APPROX" else Qualifier.EXACT
                ),
                as_of=value,
                sentence=ctx.sentence_offsets(sent),
                status=ClaimStatus.PLANNED if tense == "future" else ClaimStatus.PAST,
            )


def _attached_word(root: Token) -> Token | None:
    """The verb or noun a date expression modifies ("visited", "inspection")."""
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent"):
        return root.head.head
    if root.dep_ in _ATTACHING_DEPS and root.head is not root:
        return root.head
    return None


def _event_of(word: Token) -> tuple[EventKind, Token] | None:
    """The event kind a word triggers, looking through light verbs ("carried out a visit")."""
    vocab = claim_vocabulary()
    if word.pos_ in ("VERB", "AUX") and word.lemma_.lower() in vocab.light_verbs:
        objects = [c for c in word.children if c.dep_ == "dobj"]
        if not objects:
            return None
        word = objects[0]
    for kind in vocab.events:
        if _matches(kind, word):
            return kind, word
    if word.pos_ in ("VERB", "AUX") and word.lemma_.lower() in vocab.event_object_verbs:
        # "Sanders won the New Hampshire primary on Tuesday": the date is the primary's.
        for obj in (c for c in word.children if c.dep_ == "dobj"):
            for kind in vocab.events:
                if kind.political and _matches(kind, obj):
                    return kind, obj
    return None


def _bare_weekday(text: str) -> bool:
    words = _without_possessive(text).split()
    return len(words) == 1 and words[0] in temporal_lexicon().weekdays


def _without_possessive(text: str) -> str:
    """ "Tuesday's" -> "tuesday", as the date expression it names."""
    return text.lower().replace("\u2019", "'").removesuffix("'s")


def _weekday_value(ctx: ClaimContext, text: str, sent: Span) -> str | None:
    """A bare weekday's day, before or after the article's date as the sentence's words
    say ("ahead of Tuesday's primary", "won Tuesday's primary"); None when they say
    both or neither, or the article is undated."""
    vocab = claim_vocabulary()
    future = any(t.lower_ in vocab.weekday_future_cues for t in sent)
    past = any(t.lower_ in vocab.weekday_past_words for t in sent) or any(
        t.tag_ in ("VBD", "VBN") and t.lemma_.lower() in vocab.weekday_past_verbs for t in sent
    )
    if future == past or not ctx.source.date:
        return None
    words = _without_possessive(text)
    tense = "future" if future else "past"
    found = normalize_expression(words, document_date=ctx.source.date, tense=tense)
    return found.value if found is not None else None


def _political(ctx: ClaimContext, kind: EventKind, trigger: Token) -> tuple[Phrase, str] | None:
    """A political event's place (its subject) and its attribute with the party: "the
    New Hampshire Democratic primary", "the Republican debate in Houston" -> (New
    Hampshire, "democratic primary"), (Houston, "republican debate"). None without a
    place: two debates of one campaign are told apart by where they were."""
    parties = claim_vocabulary().parties
    party = None
    place: Phrase | None = None
    for token in trigger.lefts:
        if token.lower_ in parties and token.dep_ in ("amod", "compound", "nmod"):
            party = parties[token.lower_]
    candidates = [t for t in trigger.lefts if t.dep_ in ("compound", "nmod", "poss")]
    holders = [trigger]
    if (
        trigger.dep_ == "dobj"
        and trigger.head.lemma_.lower() in claim_vocabulary().event_object_verbs
    ):
        holders.append(trigger.head)  # "won the primary in Ohio"
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            candidates += [o for o in prep.children if o.dep_ == "pobj"]
    for token in candidates:
        entity = ctx.index.entity(token.i)
        if entity is not None and entity.label_ == "GPE":
            place = ctx.phrase(entity.start, entity.end)
            break
    if place is None:
        return None
    attribute = f"{party} {kind.attribute}" if party else kind.attribute
    return place, attribute


def _matches(kind: EventKind, word: Token) -> bool:
    lemma = word.lemma_.lower()
    if word.pos_ in ("VERB", "AUX"):
        return lemma in kind.verbs
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    modifiers = {token_lower(t) for t in word.lefts if t.dep_ in ("compound", "amod", "nmod")}
    for pattern in kind.nouns:
        if pattern[-1] in (lemma, word.lower_) and set(pattern[:-1]) <= modifiers:
            return True
    return False


def _attribute(kind: EventKind, trigger: Token, sent: Span) -> str:
    """The attribute name; a publication of another event is named after it."""
    if not kind.of_event_template:
        return kind.attribute
    thing = _published_thing(trigger, sent)
    if thing is None:
        return kind.attribute
    for other in claim_vocabulary().events:
        if other is kind or other.of_event_template or not _matches(other, thing):
            continue
        if other.attribute in kind.plain_for:
            return kind.attribute
        return kind.of_event_template.format(event=other.attribute)
    return kind.attribute


def _published_thing(trigger: Token, sent: Span) -> Token | None:
    """What was published: the passive subject, the object, the noun it describes, or the
    nearest event noun before it ("a monitoring visit in April, published last week")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    for child in trigger.children:
        if child.dep_ in ("nsubjpass", "dobj"):
            return child
    if trigger.dep_ in ("acl", "relcl") and trigger.head is not trigger:
        return trigger.head
    for token in reversed(sent[: trigger.i - sent.start]):
        if token.pos_ == "NOUN" and any(_matches(k, token) for k in claim_vocabulary().events):
            return token
    return None


def _agent(finder: SubjectFinder, trigger: Token) -> Phrase | None:
    """Who does the event, when it is a verb with a named subject ("Ryan will meet ...")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    subject = clause_subject(trigger)
    if subject is None or subject.ent_type_ not in ("PERSON", "ORG"):
        return None  # "it", "the two": no one the documents name
    return finder.resolve(subject)


def _patient(finder: SubjectFinder, trigger: Token) -> Phrase | None:
    """What the event happened to: the object of "visited", "inspection of X", "met with X"."""
    if trigger.pos_ in ("VERB", "AUX"):
        for child in trigger.children:
            if child.dep_ == "dobj":
                return finder.resolve(child)
        if trigger.dep_ in ("acl", "relcl") and trigger.head is not trigger:
            return _patient(finder, trigger.head)
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in _PATIENT_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    resolved = finder.resolve(obj)
                    if resolved is not None:
                        return resolved
        if child.dep_ == "poss" and child.pos_ == "PRON":
            return finder.resolve(child)  # "its report": the service's report
    return None
