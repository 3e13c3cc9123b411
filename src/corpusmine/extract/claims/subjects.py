"""Who a claim is about: noun phrases, their antecedents, and the document's topic.

The subject of a figure or rating is the grammatical subject (or the thing rated); the
subject of an event is the thing it happened to (the object of "visited", the "of" of
"inspection of X"), never its agent. Bare or pronoun subjects ("the service", "it") take
the nearest earlier organisation-like phrase with the same head; a claim with no subject
at all is about the document's topic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Annotations only: the analyser imports this module and must not load spaCy.
    from spacy.tokens import Span, Token

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property

from ...knowledge import claim_vocabulary, pronouns, quote_lexicon
from ..quotes.speaker_finder import reporting_mentions
from .context import ClaimContext
from .records import Phrase

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MIN_TOPIC_CLAIMS = 2
OBJECT_DEPS = frozenset({"dobj", "pobj", "attr", "oprd"})
ENTITY_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "ROLE"})
_MODIFIER_DEPS = frozenset({"det", "compound", "amod", "poss", "nmod", "case", "nummod"})
_PREPOSITIONS = frozenset({"in", "across", "of", "for", "at", "from", "on", "within", "by"})
_KEY_WORD = re.compile(r"[a-z][a-z'-]*")


def subject_key(name: str, place_words: Collection[str] = frozenset()) -> tuple[str, str]:
    """(distinguishing word, head class) under which two subject names count as one.

    "Northamptonshire Children's Trust Fostering Agency" and "Northamptonshire's fostering
    service" both give ("fostering", "service"); "Children's services in Northamptonshire"
    and "Northamptonshire Children's Trust" give ("children", "service"). The distinguishing
    word is the last word before the head that is not a place; when every modifier is a
    place, all of them are ("north northamptonshire", "council"). ``place_words`` are
    lower-cased words of place names.
    """
    return subject_parts(name, place_words)[0]


def subject_parts(
    name: str, place_words: Collection[str] = frozenset()
) -> tuple[tuple[str, str], frozenset[str]]:
    """``subject_key`` and every word before the head that is not a place: what names
    one subject apart from another of its key ("Hillside Primary School" -> hillside,
    primary; "Oakwood Primary School" -> oakwood, primary: one key, two schools)."""
    vocab = claim_vocabulary()
    words = [_strip_possessive(w) for w in _KEY_WORD.findall(name.lower().replace("’", "'"))]
    words = [w for w in words if w and w not in vocab.subject_stop_words]
    # A trailing place phrase does not change the subject ("services in Northamptonshire").
    for i, word in enumerate(words):
        if word in _PREPOSITIONS and i and all(w in place_words for w in words[i + 1 :]):
            words = words[:i]
            break
    if not words:
        return ("", ""), frozenset()
    head = words[-1]
    if head in vocab.incidents:
        # An incident is its kind: "the quake" and "a powerful earthquake" are one, and two
        # quakes are told apart by their dates, not their adjectives.
        kind = vocab.incidents[head]
        return ("", vocab.incident_families.get(kind, kind)), frozenset()
    head_class = vocab.subject_heads.get(head, head)
    modifiers = [w for w in words[:-1] if w not in _PREPOSITIONS]
    distinct = [w for w in modifiers if w not in place_words]
    if distinct:
        return (distinct[-1], head_class), frozenset(distinct)
    return (" ".join(modifiers), head_class), frozenset()


def _strip_possessive(word: str) -> str:
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


@dataclass(frozen=True)
class Candidate:
    """An organisation-like noun phrase of the document, in text order."""

    token: int  # index of its head token
    phrase: Phrase
    key: tuple[str, str]
    weak: bool = False  # distinguished only by an adjective ("the joint service")


class SubjectFinder:
    """Finds and resolves the subject phrase of claims in one document."""

    def __init__(self, ctx: ClaimContext) -> None:
        self.ctx = ctx
        self.places = {
            word.lower()
            for ent in ctx.doc.ents
            if ent.label_ in ("GPE", "LOC")
            for word in _KEY_WORD.findall(ent.text.lower().replace("’", "'"))
        }
        # Bodies that judge others: a head class that says so ("the regulator") or an
        # organisation the document shows inspecting ("Ofsted inspectors", "rated by X").
        self.assessors = frozenset(
            self.key(self.noun_phrase(ent.root))
            for ent in reporting_mentions(ctx.doc, quote_lexicon())
        )
        self.candidates = self._candidates()
        # What the body's own claims are mostly about (``set_topic``); the headline's
        # organisation is only a fallback for events and ratings ("was inspected in May").
        self.topic: Phrase | None = None
        self.title_topic: Phrase | None = self._title_topic()
        self.event_topic: Phrase | None = None

    def judges_others(self, key: tuple[str, str]) -> bool:
        """Whether a subject key names an assessing body: its grades are of someone else,
        and "it" or a title never stands for it."""
        return claim_vocabulary().judges_others(key) or key in self.assessors

    # --- phrases ----------------------------------------------------------------------

    def noun_phrase(self, token: Token) -> Phrase:
        """The entity or noun phrase headed by ``token``."""
        ent = self._entity_of(token)
        if ent is not None:
            start, end = ent.start, ent.end
            if end - start == 1 and ent.text in self.ctx.acronyms:
                phrase = self.ctx.phrase(start, end)
                return Phrase(self.ctx.expand_acronym(ent.text), phrase.start, phrase.end)
        else:
            start, end = _modifier_start(token), token.i + 1
        return self.ctx.phrase(start, end)

    def key(self, phrase: Phrase) -> tuple[str, str]:
        return subject_key(phrase.text, self.places)

    def is_org_like(self, token: Token) -> bool:
        """An organisation, or a noun whose head names one ("service", "agency", ...)."""
        ent = self._entity_of(token)
        if ent is not None:
            return ent.label_ in ("ORG", "ROLE") and token.i == ent.end - 1
        return (
            token.pos_ in ("NOUN", "PROPN")
            and token.dep_ != "compound"
            and (token.lower_ in claim_vocabulary().subject_heads)
        )

    def _entity_of(self, token: Token) -> Span | None:
        if token.ent_type_ not in ENTITY_LABELS:
            return None
        return self.ctx.index.entity(token.i)

    # --- resolution -------------------------------------------------------------------

    def resolve(self, token: Token) -> Phrase | None:
        """The phrase a subject token stands for: itself, its antecedent, or None."""
        if token.lower_ in pronouns().non_personal or token.pos_ == "PRON":
            cand = self._antecedent(token, same_sentence=True)
            if cand is None:
                return None
            if cand.key[0]:
                return cand.phrase
            # "its" -> "the service" -> "Northamptonshire's fostering service"
            return self.resolve(self.ctx.doc[cand.token])
        if not (self.is_org_like(token) or self._entity_of(token) is not None):
            return None
        phrase = self.noun_phrase(token)
        if self._entity_of(token) is not None or not _is_definite(token):
            return phrase
        own = self.key(phrase)
        found = self._antecedent(token, same_sentence=False, key=own)
        if found is not None:
            return found.phrase
        return phrase if own[0] else None

    def _antecedent(
        self, token: Token, *, same_sentence: bool, key: tuple[str, str] | None = None
    ) -> Candidate | None:
        sent_start = self.ctx.index.sentence_start(token.i)
        for cand in reversed(self.candidates):
            if cand.token >= token.i:
                continue
            if same_sentence and cand.token < sent_start:
                break
            if key is not None:
                # A bare "the service" takes the nearest earlier service named by a noun
                # or a name, not by an adjective alone ("the joint service").
                if cand.key[1] != key[1] or not cand.key[0] or cand.weak:
                    continue
                if key[0] and cand.key[0] != key[0]:
                    continue
            elif self.judges_others(cand.key):
                continue
            return cand
        return None

    # --- topic ------------------------------------------------------------------------

    def set_topic(self, explicit: Iterable[Phrase]) -> None:
        """The most frequent explicit claim subject, if stated at least twice, becomes the
        topic (the headline's organisation, else the first stated, wins a tie)."""
        phrases = [p for p in explicit if self.key(p)[0]]
        if not phrases:
            return
        counts = Counter(self.key(p) for p in phrases)
        best = max(counts.values())
        leaders = [k for k, n in counts.items() if n == best]
        title_key = self.key(self.title_topic) if self.title_topic else None
        chosen = title_key if title_key in leaders else leaders[0]
        # Prefer the longest (most specific) wording of the chosen subject.
        topic = max((p for p in phrases if self.key(p) == chosen), key=lambda p: len(p.text))
        # One claim about a subject does not make it what the document is about: enough
        # for a dated event or a rating, not for a figure.
        self.event_topic = topic
        if best >= MIN_TOPIC_CLAIMS:
            self.topic = topic

    @cached_property
    def incident(self) -> Phrase | None:
        """The first noun of the incident kind the document names most (a toll's subject
        when its sentence names none), or None."""
        incidents = claim_vocabulary().incidents
        found = [t for t in self._body_tokens() if _is_incident(t)]
        if not found:
            return None
        counts = Counter(incidents[t.lower_] for t in found)
        return self.incident_of(counts.most_common(1)[0][0])

    def incident_of(self, kind: str) -> Phrase | None:
        """The document's first noun naming an incident of ``kind``, or None."""
        incidents = claim_vocabulary().incidents
        for token in self._body_tokens():
            if _is_incident(token) and incidents[token.lower_] == kind:
                return self.ctx.phrase(token.i, token.i + 1)
        return None

    def _body_tokens(self) -> Iterable[Token]:
        index = self.ctx.index
        for sent, blank in zip(self.ctx.doc.sents, index.blank, strict=True):
            if not blank:
                yield from sent

    @property
    def fallback_topic(self) -> Phrase | None:
        """For events and ratings: the subject of any explicit claim, else the headline's
        organisation."""
        return self.event_topic or self.title_topic

    def _title_topic(self) -> Phrase | None:
        index = self.ctx.index
        first = next(
            (s for s, blank in zip(self.ctx.doc.sents, index.blank, strict=True) if not blank),
            None,
        )
        if first is None:
            return None
        for cand in self.candidates:
            if (
                first.start <= cand.token < first.end
                and cand.key[0]
                and not self.judges_others(cand.key)
            ):
                return cand.phrase
        return None

    def _candidates(self) -> list[Candidate]:
        found = []
        for token in self.ctx.doc:
            if self.is_org_like(token):
                phrase = self.noun_phrase(token)
                key = self.key(phrase)
                weak = any(
                    t.pos_ == "ADJ" and t.lower_ == key[0]
                    for t in self.ctx.doc[_modifier_start(token) : token.i]
                )
                found.append(Candidate(token.i, phrase, key, weak))
        return found


def _is_incident(token: Token) -> bool:
    from .incidents import is_incident  # the incident rule imports this module

    return is_incident(token)


def _modifier_start(token: Token) -> int:
    start = token.i
    for child in token.lefts:
        if child.dep_ in _MODIFIER_DEPS:
            start = min(start, child.left_edge.i)
    return start


def _is_definite(token: Token) -> bool:
    return (
        any(c.dep_ == "det" or c.dep_ == "poss" for c in token.lefts)
        or token.i == 0
        or (token.i == token.sent.start)
    )


def clause_subject(verb: Token) -> Token | None:
    """The nominal subject of a verb, looking through coordination ("looks ... and works")."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ in ("relcl", "acl"):
            return verb.head
        return None
    return None


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or copula) above a token in the parse."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head is current:
            return None
        current = current.head
    return None
