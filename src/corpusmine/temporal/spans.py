"""Where the time expressions are: spaCy DATE/TIME entities, repaired, plus rule spans.

The statistical NER finds most dates but gets boundaries wrong ("since 2019", "15 years
old") and misses deictic words ("now", "last night", "a month later"). The grammar of
:mod:`normalize` is the single definition of a time expression: an NER span is trimmed
to the longest part the grammar accepts, and a scan proposes every token window the
grammar accepts. Overlaps keep the span that normalises, then the longer one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from ..knowledge import TemporalLexicon as Lexicon
from ..knowledge import temporal_lexicon as lexicon
from .calendar import MONTHS, WEEKDAYS
from .normalize import tokenize

MAX_WINDOW = 8
# Parts of speech a one-word rule span may have: "fall", "may", "before" as verbs or
# prepositions are not times.
_CONTENT_POS = {"NOUN", "PROPN", "ADV", "ADJ", "NUM"}
# Words before a bare four-digit number that show it is a year ("in 2009", "since 2019").
_YEAR_CUES = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "during",
        "before",
        "after",
        "of",
        "to",
        "between",
        "and",
        "early",
        "late",
        "mid",
        "through",
        "for",
        "around",
        "-",
    ]
)


@dataclass(frozen=True)
class Candidate:
    """A proposed time expression as a token span; ``parses`` if the grammar accepts it."""

    start: int
    end: int
    label: str  # DATE | TIME (from NER) or RULE
    parses: bool


def _triggers(lex: Lexicon) -> frozenset[str]:
    """Single words at least one of which every time expression contains."""
    words: set[str] = set(MONTHS) | set(WEEKDAYS) | set(lex.units) | set(lex.parts_of_day)
    words |= set(lex.seasons) | set(lex.set_words) | {w for p in lex.day_words for w in p}
    for group in (lex.present_ref, lex.past_ref, lex.future_ref):
        words |= {p[-1] for p in group}
    words |= {"weekend", "noon", "midnight", "fiscal", "fy"}
    return frozenset(words)


@cache
def _vocabulary() -> frozenset[str]:
    """Every word a time expression may contain besides numbers (see grammar_words)."""
    lex = lexicon()
    words: set[str] = set(MONTHS) | set(WEEKDAYS) | {f"{day}s" for day in WEEKDAYS}
    for field in fields(lex):
        _collect_words(getattr(lex, field.name), words)
    return frozenset(words)


def _collect_words(value: object, into: set[str]) -> None:
    if isinstance(value, str):
        into.update(tokenize(value))
    elif isinstance(value, dict):
        for key in value:
            _collect_words(key, into)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            _collect_words(item, into)


@lru_cache(maxsize=65536)
def _in_vocabulary(token_text: str) -> bool:
    """Whether a token's words could all belong to a time expression (cached: news text
    repeats its words, and the scan asks for every token)."""
    vocabulary = _vocabulary()
    return all(w in vocabulary or any(ch.isdigit() for ch in w) for w in tokenize(token_text))


@lru_cache(maxsize=65536)
def _has_alnum(token_text: str) -> bool:
    return any(ch.isalnum() for ch in token_text)


def _is_trigger(token_lower: str, triggers: frozenset[str]) -> bool:
    return token_lower in triggers or any(ch.isdigit() for ch in token_lower)


def _trim(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Drop prepositions and punctuation the NER folded into the edges of a span."""

    def junk(token_text: str) -> bool:
        return token_text in lex.trim_words or not any(ch.isalnum() for ch in token_text)

    while start < end and junk(doc[start].lower_):
        # keep the apostrophe of a two-digit year ("since '82")
        if doc[start].text in ("'", "\u2019") and start + 1 < end and doc[start + 1].is_digit:
            break
        start += 1
    while end > start and junk(doc[end - 1].lower_):
        end -= 1
    return start, end


def _is_age(lowers: list[str], start: int, end: int, lex: Lexicon) -> bool:
    """Expressions such as "15 years old", "aged 40": an age, not a date."""
    after = lowers[end] if end < len(lowers) else ""
    before = lowers[start - 1] if start > 0 else ""
    words = lex.age_words
    return after in words or before in words or any(w in words for w in lowers[start:end])


def _plausible_rule_span(span: Span, lex: Lexicon) -> bool:
    """Guards for windows the NER did not propose (precision of the rule scan)."""
    first = span[0]
    if len(span) == 1:
        if first.pos_ not in _CONTENT_POS:
            return False
        low = first.lower_
        if low in lex.ambiguous_words:
            return False
        if (low in MONTHS or low in WEEKDAYS) and not first.text[0].isupper():
            return False
        if low in MONTHS and len(low) <= 4 and low not in ("june", "july"):
            return False  # "May", "Mar", "Jan" alone are too ambiguous without a number
        if low.isdigit() and len(low) == 4:
            prev = span.doc[first.i - 1].lower_ if first.i > 0 else ""
            return prev in _YEAR_CUES
        return not low.isdigit()
    for tok in span:
        low = tok.lower_
        if (low in MONTHS or low in WEEKDAYS) and not tok.text[0].isupper():
            return False
    return not (first.is_punct or span[-1].is_punct)


def find_candidates(doc: Doc, recognise: Callable[[str], bool]) -> list[Candidate]:
    """All time-expression spans of ``doc``, non-overlapping, in text order."""
    lex = lexicon()
    triggers = _triggers(lex)
    cands: list[Candidate] = []
    lowers = [t.lower_ for t in doc]
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(doc, ent.start, ent.end, lex)
        if start >= end or _is_age(lowers, start, end, lex):
            continue
        best = _longest_parse(doc, start, end, recognise)
        if best is not None:
            cands.append(Candidate(best[0], best[1], ent.label_, True))
        else:
            cands.append(Candidate(start, end, ent.label_, False))
    cands.extend(_scan(doc, lowers, recognise, lex, triggers))
    return _select(cands)


def _scan(
    doc: Doc,
    lowers: list[str],
    recognise: Callable[[str], bool],
    lex: Lexicon,
    triggers: frozenset[str],
) -> list[Candidate]:
    """Every token window (up to ``MAX_WINDOW``) the grammar accepts, longest first at
    each start. Token features are computed once and "does the window hold a trigger
    word" is a prefix-sum lookup: most windows are rejected without building a Span."""
    tokens = list(doc)
    texts = [t.text for t in tokens]
    with_ws = [t.text_with_ws for t in tokens]
    punct = [t.is_punct for t in tokens]
    foreign = [0] * (len(tokens) + 1)  # prefix count of words no time expression uses
    newline_in_text = [0] * (len(tokens) + 1)
    newline_after = [0] * (len(tokens) + 1)
    trigger_count = [0] * (len(tokens) + 1)
    for k, token in enumerate(tokens):
        newline_in_text[k + 1] = newline_in_text[k] + ("\n" in token.text)
        newline_after[k + 1] = newline_after[k] + ("\n" in token.whitespace_)
        trigger_count[k + 1] = trigger_count[k] + _is_trigger(lowers[k], triggers)
        foreign[k + 1] = foreign[k] + (not _in_vocabulary(texts[k]))
    found: list[Candidate] = []
    n = len(tokens)
    for i in range(n):
        if not _has_alnum(texts[i]) or lowers[i] in lex.trim_words:
            continue
        if foreign[i + 1] != foreign[i]:
            continue  # a window starting here would hold a word no time expression uses
        last = min(n, i + MAX_WINDOW)
        while last > i and foreign[last] != foreign[i]:
            last -= 1  # nor may it run past one
        if trigger_count[last] == trigger_count[i]:
            continue  # no window starting here can hold a time word
        for j in range(last, i, -1):
            if punct[j - 1] or trigger_count[j] == trigger_count[i]:
                continue
            # The window's text holds a newline: inside a token, or between two of them.
            if newline_in_text[j] != newline_in_text[i] or newline_after[j - 1] != newline_after[i]:
                continue
            if _is_age(lowers, i, j, lex) or not _plausible_rule_span(doc[i:j], lex):
                continue
            if recognise("".join(with_ws[i : j - 1]) + texts[j - 1]):
                found.append(Candidate(i, j, "RULE", True))
                break
    return found


def _longest_parse(
    doc: Doc, start: int, end: int, recognise: Callable[[str], bool]
) -> tuple[int, int] | None:
    """The longest sub-window of an NER span that the grammar accepts (leftmost on ties)."""
    for length in range(end - start, 0, -1):
        for i in range(start, end - length + 1):
            if recognise(doc[i : i + length].text):
                return i, i + length
    return None


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Resolve overlaps: a span that normalises beats one that does not, then longer wins,
    then the NER's proposal over the rule scan's."""
    ranked = sorted(cands, key=lambda c: (not c.parses, -(c.end - c.start), c.label == "RULE"))
    taken: list[Candidate] = []
    for cand in ranked:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)
