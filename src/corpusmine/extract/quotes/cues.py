"""Cues: the reporting verb or construction that links quoted words to a speaker.

A direct quote has its cue in the frame around it, in the same sentence: before the
opening mark ("X said: ...", "X told councillors: ...") or after the closing mark
("..., she said.", "..., said X."). A partial quote sits inside a clause; its source is
the subject of the nearest reporting or finding verb above it in the parse tree.
Indirect speech is the clausal complement of a speech verb ("X told the commission
that ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...knowledge import QuoteLexicon
from .records import QuotedSpan

__all__ = [
    "MAX_WORDS_BEFORE_CUE_AFTER",
    "Cue",
    "frame_after",
    "frame_before",
    "governing_verbs",
    "is_verb",
    "reported_clause",
    "sentence_end",
    "speech_cues",
    "speech_verbs_in",
    "tokens_between",
]

_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+")
_STOP = re.compile(r"[.!?]")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
# Words between the closing mark and a cue after it: ", the report said" / ", said X".
MAX_WORDS_BEFORE_CUE_AFTER = 8


@dataclass(frozen=True)
class Cue:
    """A cue token (or the "according" of "according to") and the construction name."""

    token: Token
    name: str  # surface form: "said", "told", "according to"
    speaker_token: Token | None = None  # "according to X", an inverted '"...," beamed X': X


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens starting within cleaned offsets ``[start, end)``."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if start <= t.idx < end]


def _abbreviation(clean: str, at: int) -> bool:
    """Whether the period at ``at`` ends an abbreviation ("Mr.", "Sen.", "J."), not a
    sentence: a capitalised word of at most three letters before it."""
    if clean[at] != ".":
        return False
    word = _WORD_BEFORE.search(clean, max(0, at - 5), at)
    return word is not None and len(word.group()) <= 3 and word.group()[0].isupper()


def frame_before(clean: str, span: QuotedSpan, block_start: int, previous_end: int) -> int:
    """Start of the narrator's words before the opening mark, in the same sentence."""
    start = max(block_start, previous_end)
    # A period right before the opening mark ends a sentence even after an abbreviation:
    # '... after a forum in Fort Mill, S.C. "It seems ..."' (no title precedes a quote).
    breaks = [
        m.end()
        for m in _SENTENCE_BREAK.finditer(clean, start, span.open_at)
        if m.end() == span.open_at or not _abbreviation(clean, m.start())
    ]
    return breaks[-1] if breaks else start


def sentence_end(clean: str, start: int, stop: int) -> int:
    """End of the first sentence break in ``[start, stop)`` that follows no abbreviation
    (or ``stop``)."""
    for match in _SENTENCE_BREAK.finditer(clean, start, stop):
        if match.end() == stop or not _abbreviation(clean, match.start()):
            return match.end()
    return stop


def frame_after(clean: str, span: QuotedSpan, block_end: int, next_open: int) -> int:
    """End of the narrator's words after the closing mark, up to the sentence end."""
    if span.close_at is None:
        return span.outer_end
    start = span.outer_end
    stop = min(block_end, next_open)
    for match in _STOP.finditer(clean, start, stop):
        if not _abbreviation(clean, match.start()):
            return match.end()
    return stop


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def speech_cues(tokens: Sequence[Token], lexicon: QuoteLexicon) -> list[Cue]:
    """Speech verbs and "according to" among ``tokens``, in order."""
    cues = []
    for i, token in enumerate(tokens):
        if token.lower_ == "according" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to":
            objects = [c for c in tokens[i + 1].children if c.dep_ == "pobj"]
            cues.append(Cue(token, "according to", objects[0] if objects else None))
        elif is_verb(token) and token.lemma_.lower() in lexicon.speech_verbs:
            cues.append(Cue(token, token.lower_))
    return cues


def governing_verbs(
    doc: Doc, span: QuotedSpan, lexicon: QuoteLexicon, in_quote: Callable[[int], bool]
) -> Iterator[Token]:
    """Reporting or finding verbs above a partial quote in the parse tree, nearest first.

    Climbs from the quoted words to the sentence root ("told ... that the service had
    benefited from a 'complete refocus'" -> told); verbs inside quotes do not count.
    """
    tokens = tokens_between(doc, span.start, span.end)
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside), None)
    if top is None:
        return  # the quote holds its own sentence root: nothing above it
    current = top.head
    while True:
        if (
            is_verb(current)
            and current.lemma_.lower() in lexicon.cue_verbs
            and not in_quote(current.i)
        ):
            yield current
        if current.head == current:
            return
        current = current.head


def reported_clause(verb: Token) -> Span | None:
    """The clausal complement of a speech verb: what was said, without "that"."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if not complements:
        return None
    clause = complements[0]
    tokens = sorted(clause.subtree, key=lambda t: t.i)
    while tokens and (
        tokens[0].is_punct
        or tokens[0].is_space
        or (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark")
        or (tokens[0].dep_ == "cc" and tokens[0].head == clause)
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in "'\"":
        tokens = tokens[:-1]
    if not tokens:
        return None
    return verb.doc[tokens[0].i : tokens[-1].i + 1]


def speech_verbs_in(doc: Doc, lexicon: QuoteLexicon) -> Iterator[Token]:
    """Every speech verb of the document, in order."""
    for token in doc:
        if is_verb(token) and token.lemma_.lower() in lexicon.speech_verbs:
            yield token
