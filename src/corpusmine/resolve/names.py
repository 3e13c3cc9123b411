"""Name normalisation: what two surface forms must share to be the same name.

A name is compared through its *tokens*: lower case, apostrophes and possessive "'s"
removed ("Children's Trust's" -> children trust), a leading "the" dropped, honorifics
dropped for people ("Cllr Jason Smithers" -> jason smithers), function words dropped
("Department for Education" = "Department of Education") and known short forms
expanded ("Northants" -> northamptonshire).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge import entity_words, place_key, place_words

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon

# NER labels -> the entity types of DESIGN.md; other labels (DATE, CARDINAL, ...) are
# not entities.
ENTITY_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "GPE",
    "NORP": "OTHER",
    "FAC": "OTHER",
    "PRODUCT": "PRODUCT",
    "ROLE": "ROLE",
    "EVENT": "OTHER",
    "LAW": "OTHER",
    "WORK_OF_ART": "OTHER",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_EDGE_PUNCT = " \t\n\"“”‘’',.;:!?()[]{}"
_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)


def entity_type(label: str) -> str | None:
    """The DESIGN.md entity type for a mention label, or None for non-entities."""
    return ENTITY_LABELS.get(label)


def straighten(text: str) -> str:
    """Text with curly apostrophes made straight and whitespace collapsed."""
    return " ".join(straight_apostrophes(text).split())


def straight_apostrophes(text: str) -> str:
    """Text with curly apostrophes made straight, offsets unchanged (no whitespace
    collapsing): straighten a whole document once, then slice words out of it."""
    if "’" in text or "‘" in text or "ʼ" in text or "`" in text:
        return text.translate(_APOSTROPHES)
    return text  # translate is slow, and most text has no curly apostrophe


def strip_possessive(word: str) -> str:
    """``Trust's`` -> ``Trust``; ``councils'`` -> ``councils`` (straight apostrophes)."""
    if word.endswith("'s") or word.endswith("'S"):
        return word[:-2]
    if word.endswith("s'"):
        return word[:-1]
    return word


def word_token(word: str, lex: Lexicon) -> tuple[str, ...]:
    """Comparison tokens of one written word (empty for function words)."""
    word = strip_possessive(straighten(word).strip(_EDGE_PUNCT)).lower()
    word = word.replace("'", "").replace(".", "")
    if word == "&":
        word = "and"
    if not word or word in lex.function_words:
        return ()
    return lex.short_forms.get(word, (word,))


def name_tokens(text: str, entity_type_name: str, lex: Lexicon) -> tuple[str, ...]:
    """Comparison tokens of a name (see the module docstring)."""
    return analyse(text, entity_type_name, lex).tokens


def is_acronym(text: str) -> bool:
    """An acronym-shaped word: "NNC", "DfE", "CHARMS" (not "Ofsted")."""
    if " " in text or not 2 <= len(text) <= 10 or not text[0].isalnum():
        return False
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper * 2 >= len(letters)


@dataclass(frozen=True)
class Name:
    """One surface form analysed for comparison."""

    surface: str  # as written, apostrophes straightened
    display: str  # without a leading "the", honorifics (people) and a final possessive
    tokens: tuple[str, ...]
    honorifics: tuple[str, ...] = ()
    acronym: bool = False  # acronym-shaped ("NNC", "DfE")

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def head(self) -> str:
        return self.tokens[-1] if self.tokens else ""


def analyse(text: str, entity_type_name: str, lex: Lexicon) -> Name:
    """Analyse ``text`` as a name of type ``entity_type_name``."""
    surface = straighten(text).strip(_EDGE_PUNCT.replace("'", ""))
    words = surface.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    honorifics: list[str] = []
    if entity_type_name == "PERSON":
        titles = entity_words().person_titles
        # A title goes only before a full name ("Coroner Gary Hargrove"): "Sheriff Brown"
        # stays its own name, never the one Brown of the document ("Lisa Brown", whose
        # body the sheriff found), unless the corpus writes that person with the title.
        while (
            len(words) > 1
            and words[0].lower().rstrip(".") in lex.honorifics
            or (len(words) > 2 and words[0].lower().rstrip(".") in titles)
        ):
            honorifics.append(words.pop(0).rstrip("."))
    if entity_type_name == "PERSON":
        words = _without_nickname(words)
    if words:
        words[-1] = strip_possessive(words[-1])
    # No name starts or ends with a quote mark or a stray apostrophe ("Clinton '").
    while words and not words[0].lstrip(_QUOTE_MARKS):
        words.pop(0)
    while words and not words[-1].rstrip(_QUOTE_MARKS):
        words.pop()
    if words:
        words[0] = words[0].lstrip(_QUOTE_MARKS) or words[0]
        words[-1] = words[-1].rstrip(_QUOTE_MARKS) or words[-1]
    display = " ".join(words)
    # "Portland, Maine" and "Portland, Oregon" are two towns: a town's region stays in
    # its key (edges.region_pairs joins "Portland" to the one region a corpus gives it),
    # written out ("Santa Rosa, Calif." is "Santa Rosa, California").
    written = _regions_written_out(words) if entity_type_name == "GPE" else words
    tokens = tuple(t for w in written for t in word_token(w, lex))
    if not tokens:  # a name made only of function words: keep them rather than nothing
        tokens = tuple(w.lower() for w in words)
    tokens = _without_suffixes(tokens, entity_type_name)
    # A person's name in capitals ("WILLIAMS" in a capitals headline) is no acronym, nor
    # is a nickname in mixed case ("LiLo"); initials a person goes by are short ("JFK").
    acronym = is_acronym(display) and (
        entity_type_name != "PERSON" or (len(display) <= 4 and display.isupper())
    )
    return Name(surface, display, tokens, tuple(honorifics), acronym)


_QUOTE_MARKS = "'\"`"


def _without_nickname(words: list[str]) -> list[str]:
    """A person's name without a nickname in quotes or brackets inside it: "Vincent 'The
    Chin' Gigante" is compared and shown as "Vincent Gigante"."""
    out: list[str] = []
    inside = False
    after = 0
    for n, word in enumerate(words):
        opens = word[:1] in "'\"(" and 0 < n < len(words) - 1
        if opens and not inside:
            inside = True
        if not inside:
            out.append(word)
        if inside and word[-1:] in "'\")" and (len(word) > 1 or not opens):
            inside = False
            after = len(words) - n - 1
    # One surname follows a nickname; more words there are a second person's name
    # ("John Smith (Labour) Mary Jones"), so the span is not one person's.
    return out if len(out) >= 2 and not inside and after == 1 else words


def _regions_written_out(words: list[str]) -> list[str]:
    """The words of "Town, Region" with an abbreviated region written in full."""
    display = " ".join(words)
    if "," not in display:
        return words
    town, region = display.rsplit(",", 1)
    full = place_words().abbreviations.get(place_key(region))
    return [*town.split(), *full.split()] if full else words


def given_nickname(text: str, lex: Lexicon) -> tuple[str, ...] | None:
    """The name a person goes by, when written as one capitalised word in quotes or
    brackets inside the full name: "Luis Gerardo (Jerry) Ortiz" goes by "Jerry Ortiz"
    (comparison tokens). None for a nickname of several words ("Vincent 'The Chin'
    Gigante") or no nickname."""
    words = straighten(text).strip(_EDGE_PUNCT.replace("'", "")).split()
    kept = _without_nickname(words)
    if kept == words or len(words) - len(kept) != 1:
        return None
    (nick,) = [w for w in words if w not in kept] or [""]
    bare = nick.strip("'\"()")
    if not (bare[:1].isupper() and bare[1:].islower() and bare.isalpha()):
        return None
    surname = word_token(kept[-1], lex)
    return (bare.lower(), *surname) if surname else None


def _without_suffixes(tokens: tuple[str, ...], entity_type_name: str) -> tuple[str, ...]:
    """Company suffixes ("Hewlett-Packard Co." = "Hewlett-Packard") do not tell names
    apart."""
    words = entity_words()
    if entity_type_name != "ORG":
        return tokens  # "Jr" and "Sr" tell people apart: see people.split_suffix
    suffixes = words.company_suffixes
    while len(tokens) > 1 and tokens[-1] in suffixes:
        tokens = tokens[:-1]
    return tokens


def initial_parts(words: Iterable[str]) -> list[str]:
    """The words whose initials an acronym may spell (hyphenated parts count apart)."""
    return [w for w in straighten(" ".join(words)).replace("-", " ").split() if w[0].isalnum()]


def letters_match(short: str, words: Iterable[str], lex: Lexicon) -> bool:
    """True when ``short`` spells the initials of ``words`` (function words optional)."""
    letters = [c.lower() for c in short if c.isalnum()]
    parts = initial_parts(words)
    # reachable[i]: first i letters consumed by the words so far.
    reachable = {0}
    for word in parts:
        initial = word[0].lower()
        optional = word.lower() in lex.function_words
        following = set(reachable) if optional else set()
        for i in reachable:
            if i < len(letters) and letters[i] == initial:
                following.add(i + 1)
        reachable = following
        if not reachable:
            return False
    return len(letters) in reachable
