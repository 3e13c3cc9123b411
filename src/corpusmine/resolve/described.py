"""Described mentions: a name with the words around it that say what it names.

News writes a person's occupation or title right before the name ("defensive tackle
Jamal Williams", "trustee Dr. Benjamin", "President Nixon") and a place's own kind
around a place ("the island of Qeshm", "her hometown of Wasilla", "Hormozgan province").
The NER tags only the name; the whole phrase is one mention of the same entity, stored
beside the name's (origin ``corpus``, as the names ``rescan`` finds), so a reader sees
every phrase that names the entity. Only words that name the entity itself count: an
occupation or title (``models/entities.yaml`` occupations, person_titles; appositive job
titles) and a place class (``models/places.yaml`` place_classes), never a part or a
neighbour ("a district of Palermo", "southern Iran", "a Paris store" are other things).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from ..knowledge import appositive_titles, entity_words, honorifics, place_words
from .refs import Ref, SpanIndex

DESCRIBED = "described"

_WORD_BEFORE = re.compile(r"(?<![\w'’\-])([A-Za-z][A-Za-z\-]*\.?) $")
_CLASS_OF = re.compile(r"(?<![\w'’\-])(?:(the|a|an|his|her|their|its|our) )?([a-z]+) of $")
_CLASS_AFTER = re.compile(r" ([a-z]+)\b(?: ([a-z]+)\b)?")
_MAX_TITLE_WORDS = 3
_LOOK_BACK = 60
_MAX_ABBREVIATION = 4  # letters of a title's short form: "Capt", "Sgt", "Gov"


@dataclass(frozen=True)
class _Words:
    titles: frozenset[str]  # one-word titles and occupations, lower case, no final dot
    honorifics: frozenset[str]
    verb_openers: frozenset[str]
    noun_phrase_openers: frozenset[str]
    verb_subject_endings: tuple[str, ...]
    classes_before: frozenset[str]
    classes_after: frozenset[str]
    class_groups: frozenset[str]


@cache
def _words() -> _Words:
    entity = entity_words()
    titles = entity.person_titles | entity.occupations
    titles |= {t for t in appositive_titles() if " " not in t}
    places = place_words()
    return _Words(
        frozenset(titles),
        frozenset(h.lower().rstrip(".") for h in honorifics().all),
        entity.verb_openers,
        entity.noun_phrase_openers,
        entity.verb_subject_endings,
        places.classes_before,
        places.classes_after,
        places.class_groups,
    )


def described_mentions(
    texts: Mapping[str, str], named: Sequence[tuple[Ref, str]], others: Iterable[Ref]
) -> list[tuple[Ref, str]]:
    """For each name with its entity in ``named``, the described phrase around it, when
    the text has one no other reference (``others``, names included) overlaps."""
    taken: dict[str, list[Ref]] = {}
    for ref in others:
        taken.setdefault(ref.document, []).append(ref)
    index = {doc: SpanIndex(refs) for doc, refs in taken.items()}
    found: list[tuple[Ref, str]] = []
    for ref, entity in named:
        text = texts.get(ref.document)
        if text is None:
            continue
        if ref.type == "PERSON":
            span = _titled(text, ref.start, full_name=" " in ref.text.strip())
            start, end = (span, ref.end) if span is not None else (None, None)
        elif ref.type == "GPE":
            start, end = _place_class(text, ref.start, ref.end)
        else:
            continue
        if start is None or end is None or (start, end) == (ref.start, ref.end):
            continue
        spans = index.get(ref.document)
        if spans is not None and any(
            other is not ref and (other.start, other.end) != (ref.start, ref.end)
            for other in spans.overlapping(start, end)
        ):
            continue  # the words are another name's ("Chargers" before "Jamal Williams")
        found.append((Ref(ref.document, start, end, text[start:end], ref.type, DESCRIBED), entity))
    return found


@dataclass(frozen=True)
class WrittenTitle:
    """The honorifics and titles written right before a person's name ("Mr", "President",
    "First Lady"), whether or not the NER span holds them."""

    honorifics: tuple[str, ...] = ()  # as written, without a final dot: "Mr", "Mrs"
    titles: frozenset[str] = frozenset()  # lower case, short forms written out: "governor"


def written_title(text: str, start: int, *, full_name: bool) -> WrittenTitle:
    """The honorifics and titles written right before the name at ``start`` (as
    ``_titled`` reads them: never a verb, a lower-case title before a surname alone, or
    a word across a sentence end)."""
    found = _title_words(text, start, full_name=full_name)
    if found is None:
        return WrittenTitle()
    _, honorific_words, title_words = found
    titles = entity_words().titles
    return WrittenTitle(
        tuple(w.rstrip(".") for w in honorific_words),
        frozenset(titles.written_out.get(t, t) for t in title_words),
    )


_INITIALS_BEFORE = re.compile(r"(?<![\w'’\-.])((?:[A-Z]\.?){1,2}|[A-Z]\. [A-Z]\.?) $")
_WORD_ENDING = re.compile(r"([\w'’\-]+)\s*$")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its", "our"})


def initials_before(text: str, start: int) -> str:
    """The initials written right before a surname the NER tagged alone, lower case:
    a team sheet's "T Smith, A Hogg (Edinburgh)", "C. B. Fry"; "" when there are none.
    Never two capitals without dots ("AG Barr", "DI Hart": as often a rank as a
    person's initials), a listed rank ("PC Ames"), a middle initial after a given
    name ("Ben S. Bernanke"), the words "A" and "I" outside a list ("Of A Trump
    Supporter"), or an acronym after a determiner ("the AP. Khoga")."""
    window = text[max(0, start - 8) : start]
    found = _INITIALS_BEFORE.search(window)
    if found is None:
        return ""
    letters = "".join(c for c in found.group(1) if c.isalpha())
    if len(letters) > 1 and "." not in found.group(1):
        return ""  # "AG Barr", "DA Lopez", "MD Mehta": as often a rank as initials
    if letters.lower() in entity_words().titles.in_capitals:
        return ""  # "DI Hart", "PC Ames", "QC Grant": a rank, not initials
    lead = text[: start - len(window) + found.start()].rstrip(" \t")
    if letters in ("A", "I") and not lead.endswith((",", ";", "(")):
        return ""  # the words, unless in a list: "N Hines (Edinburgh), A Hogg"
    before = _WORD_ENDING.search(text, max(0, start - len(window) + found.start() - 30),
                                 start - len(window) + found.start())  # fmt: skip
    if before is not None:
        word = before.group(1)
        if word[0].isupper() or word.lower() in _DETERMINERS:
            return ""  # "Ben S. Bernanke", "the AP. Khoga"
    return letters.lower()


def _titled(text: str, start: int, *, full_name: bool) -> int | None:
    """Where the title written right before a person's name (at ``start``) begins."""
    found = _title_words(text, start, full_name=full_name)
    if found is None or not found[2]:
        return None
    return found[0]


def _title_words(
    text: str, start: int, *, full_name: bool
) -> tuple[int, list[str], list[str]] | None:
    """Where the honorifics and titles right before a person's name begin, the
    honorifics as written and the titles in lower case (a two-word title such as "first
    lady" as one). None when there are none, or the words are read as a verb.

    A lower-case title before a surname alone may head a phrase of its own whose
    relative clause the surname opens ("a sheriff's deputy Nichols murdered"): only a
    capitalised title ("Inspector Gaskin") or a full name ("deputy Jane Nichols") counts.
    """
    words = _words()
    phrases = entity_words().titles.phrases
    position = start
    honorific_words: list[str] = []
    # "trustee Dr. Benjamin": the honorific stands between the title and the name.
    for _ in range(2):
        if _phrase_before(text, position, phrases) is not None:
            break  # "First Lady Michelle Obama": "Lady" is the title's
        word = _word_before(text, position)
        if word is None or word[0].lower().rstrip(".") not in words.honorifics:
            break
        if not word[0][0].isupper():
            break  # "Polls miss Trump's fall": a verb
        if word[0].endswith(".") and not _abbreviation(word[0]):
            break  # "… thanked the Professor. Jane Doe said"
        honorific_words.insert(0, word[0])
        position = word[1]
    honorifics_start = position
    kept = (honorifics_start, honorific_words, []) if honorific_words else None
    title_words: list[str] = []
    title_start = None
    for _ in range(_MAX_TITLE_WORDS):  # "Attorney General Eric Holder"
        phrase = _phrase_before(text, position, phrases)
        if phrase is not None:
            title_words.insert(0, phrase[0])
            title_start = position = phrase[1]
            continue
        word = _word_before(text, position)
        if word is None or not _is_title(word[0], words):
            break
        title_words.insert(0, word[0].lower().rstrip("."))
        title_start = position = word[1]
    if title_start is None or (not full_name and text[title_start].islower()):
        return kept
    opener = _word_before(text, title_start)
    if opener is not None and opener[0].lower() in words.verb_openers:
        return kept  # "to coach Smith": a verb
    if text[title_start].islower() and _verb_context(text, opener, words):
        return kept  # "fans judge Maria Lopez", "Detectives suspect Gary Mills": a verb
    return title_start, honorific_words, title_words


def _phrase_before(
    text: str, position: int, phrases: frozenset[tuple[str, ...]]
) -> tuple[str, int] | None:
    """A title of two words or more ending one space before ``position`` ("First Lady"),
    lower case, and where it starts."""
    words: list[str] = []
    at = position
    for _ in range(max((len(p) for p in phrases), default=0)):
        word = _word_before(text, at)
        if word is None:
            return None
        words.insert(0, word[0].lower())
        at = word[1]
        if len(words) >= 2 and tuple(words) in phrases:
            if not (word[0].islower() or word[0][0].isupper() and word[0][1:].islower()):
                return None  # capitals: a headline's
            return " ".join(words), at
    return None


def _verb_context(text: str, opener: tuple[str, int] | None, words: _Words) -> bool:
    """Whether the word before a lower-case title (``opener``; None after punctuation
    or "'s") makes the title word a verb: a plural subject or a past verb before it
    ("fans judge", "helped nurse"), or a sentence's first word ending so
    ("Detectives suspect"). A determiner or preposition opens a noun phrase instead."""
    if opener is None or opener[0].lower() in words.noun_phrase_openers:
        return False
    word, start = opener
    if not word.lower().endswith(words.verb_subject_endings):
        return False
    if word.islower():
        return True
    # A capitalised word inside a sentence names the title's team or body ("Board chair").
    before = text[:start].rstrip(" \t\"'“‘")
    return not before or before[-1] in ".!?\n"


def _is_title(word: str, words: _Words) -> bool:
    if not (word.islower() or (word[0].isupper() and word[1:].rstrip(".").islower())):
        return False  # capitals: a headline's or an acronym's, not a title
    if word.endswith(".") and not _abbreviation(word):
        return False  # "suspended the surgeon. Anna Price said": a sentence ends there
    return word.lower().rstrip(".") in words.titles


def _abbreviation(word: str) -> bool:
    """A capitalised short word with a dot: "Gov.", "Lt.", "Capt." (not "nurse.")."""
    return word[0].isupper() and len(word) <= _MAX_ABBREVIATION + 1


def _word_before(text: str, position: int) -> tuple[str, int] | None:
    """The word ending one space before ``position`` on its line, and where it starts."""
    window = text[max(0, position - _LOOK_BACK) : position]
    match = _WORD_BEFORE.search(window)
    if match is None:
        return None
    return match.group(1), position - len(window) + match.start(1)


def _place_class(text: str, start: int, end: int) -> tuple[int | None, int | None]:
    """The span of the place at ``start:end`` with its class: "the island of" before it,
    or "island" after it ("Qeshm island", also inside "Qeshm island's governor")."""
    words = _words()
    window = text[max(0, start - _LOOK_BACK) : start]
    before = _CLASS_OF.search(window)
    if before is not None and before.group(2) in words.classes_before:
        return start - len(window) + before.start(), end
    after = _CLASS_AFTER.match(text, end)
    if after is None or after.group(1) not in words.classes_after:
        return None, None
    # "a Gulf island", "the Caribbean island", "the South Pacific island chain": an
    # island in a sea or a group, not the sea. "Qeshm island" and "Iran's Qeshm island"
    # have no article.
    name = text[start:end]
    if " " in name.strip() or re.search(r"(?<![\w\-])(?:an?|the) $", window, re.IGNORECASE):
        return None, None
    if after.group(2) == "of" or after.group(2) in words.class_groups:
        return None, None
    return start, after.end(1)
