"""The tense of the verb that governs a time expression, read from the spaCy parse.

Used to choose between the past and the future occurrence of a bare "February" or
"Friday": "visited in February" (past) vs "will revisit in April" (future).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..knowledge import temporal_lexicon as lexicon

_PAST_TAGS = {"VBD"}
_VERBAL = {"VERB", "AUX"}


def governing_verb(span: Span) -> Token | None:
    """The nearest verb above the span's root in the dependency tree."""
    token = span.root
    for _ in range(12):
        if token.pos_ in _VERBAL and not span.start <= token.i < span.end:
            return token
        if token.head.i == token.i:
            return token if token.pos_ in _VERBAL else None
        token = token.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """Expressions such as "past", "future" or "present" for a verb and its auxiliaries, else None.

    The rules: a future auxiliary ("will", "shall", "'ll") or a to-infinitive under a
    verb of planning ("is due to", "plans to") is future; a past-tense form on the verb
    or any of its auxiliaries ("visited", "was published", "had met") is past; a
    present perfect ("has published") reports a past event; other finite forms are
    present.
    """
    lex = lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lemma_.lower() for a in auxes} | {a.lower_ for a in auxes}
    if lemmas & lex.future_auxiliaries:
        return "future"
    if any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in lex.future_verbs:
            return "future"
        if head.i != verb.i and head.pos_ in _VERBAL and depth < 6:
            return verb_tense(head, depth + 1)
        return "future"
    if verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.subtree):
        return "future"
    if verb.tag_ in _PAST_TAGS or any(a.tag_ in _PAST_TAGS for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and lemmas & {"have", "has"} and not lemmas & {"be", "been"}:
        return "present"  # present perfect: past event, present relevance; no direction
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod"):
        return "past"  # reduced relative: "the report published last week"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in lex.future_auxiliaries else None
    return None


def span_tense(span: Span) -> str | None:
    """Tense of the verb governing ``span`` (None when there is no verb, or when a
    preposition on the way orders the date the other way from the tense: "led the field
    before the caucuses Feb. 1" puts Feb. 1 after a past event, not in the past)."""
    verb = governing_verb(span)
    if verb is None:
        return None
    tense = verb_tense(verb)
    lex = lexicon()
    on_the_way = {t.lower_ for t in span.root.ancestors if t.i != verb.i and verb in t.ancestors}
    if tense == "past" and on_the_way & lex.later_than_event:
        return None
    if tense == "future" and on_the_way & lex.earlier_than_event:
        return None
    return tense
