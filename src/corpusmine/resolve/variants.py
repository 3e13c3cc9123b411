"""Name variants found by comparing names: misspellings and truncations.

Fuzzy matching (rapidfuzz) compares names word by word, never as whole strings: two
names of the same type and length may differ in one word only, that word must be long
and nearly identical ("Wooster" / "Woster"), and it must not be a word that tells names
apart ("North" / "West", numbers). Whole-string similarity would merge "North
Northamptonshire Council" with "West Northamptonshire Council"; this never does.

A truncation ("Children's Trust" for "Northamptonshire Children's Trust") is a name that
is the end of exactly one longer name of the same type. A spacing variant ("SeaMicro" /
"Sea Micro", "Hewlett-Packard" / "Hewlett Packard") is the same letters split otherwise.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from rapidfuzz.fuzz import ratio

from ..knowledge import place_words

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon

Key = tuple[str, ...]
MIN_WORD = 6  # shorter words differ by one letter too often (Baker / Barker)
MIN_RATIO = 88.0


def similar_words(a: str, b: str, lex: Lexicon) -> bool:
    """Two words that are spelling variants of each other."""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_WORD or a[0] != b[0]:
        return False
    if a in lex.contrast_words or b in lex.contrast_words or a.isdigit() or b.isdigit():
        return False
    return ratio(a, b) >= MIN_RATIO


def fuzzy_pairs(
    names: Iterable[tuple[str, Key]],
    documents: Mapping[tuple[str, Key], frozenset[str]],
    lex: Lexicon,
) -> list[tuple[tuple[str, Key], tuple[str, Key]]]:
    """Pairs of (type, tokens) names that differ by one misspelt word.

    People written two ways in the same document are taken to be two people.
    """
    buckets: dict[tuple[str, int, Key], list[Key]] = defaultdict(list)
    unique = sorted(set(names))
    for kind, tokens in unique:
        if len(tokens) < 2:
            continue
        for i in range(len(tokens)):
            masked = tokens[:i] + ("\0",) + tokens[i + 1 :]
            buckets[(kind, i, masked)].append(tokens)
    pairs = set()
    for (kind, i, _), members in buckets.items():
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                if not similar_words(a[i], b[i], lex):
                    continue
                if kind == "PERSON" and documents.get((kind, a), frozenset()) & documents.get(
                    (kind, b), frozenset()
                ):
                    continue
                pairs.add(tuple(sorted([(kind, a), (kind, b)])))
    return sorted(pairs)  # type: ignore[arg-type]


def truncation_pairs(names: Iterable[Key]) -> list[tuple[Key, Key]]:
    """(short, full) pairs where ``short`` ends exactly one longer name ("Colts" and
    "Indianapolis Colts"; the caller passes proper names only, never "council")."""
    unique = sorted(set(names))
    by_head: dict[str, list[Key]] = defaultdict(list)
    for tokens in unique:
        if tokens:
            by_head[tokens[-1]].append(tokens)
    pairs = []
    for tokens in unique:
        longer = [
            other
            for other in by_head[tokens[-1]]
            if len(other) > len(tokens) and other[-len(tokens) :] == tokens
        ]
        # Several longer names end the same way: the short form is ambiguous. Longer names
        # that are themselves truncations of one another count once (keep the shortest).
        longer = [o for o in longer if not any(p != o and o[-len(p) :] == p for p in longer)]
        if len(longer) == 1:
            pairs.append((tokens, longer[0]))
    return pairs


def extension_pairs(names: Iterable[Key], suffixes: frozenset[str]) -> list[tuple[Key, Key]]:
    """(short, full) pairs where ``full`` is ``short`` and one plural word more, the only
    longer name starting so: a team or company named by its place or maker alone
    ("Creighton" for "Creighton Bluejays", "Kraft" for "Kraft Foods")."""
    unique = sorted(set(names))
    by_first: dict[str, list[Key]] = defaultdict(list)
    for tokens in unique:
        if tokens:
            by_first[tokens[0]].append(tokens)
    pairs = []
    for tokens in unique:
        longer = [
            other
            for other in by_first[tokens[0]]
            if len(other) > len(tokens) and other[: len(tokens)] == tokens
        ]
        if len(longer) != 1 or len(longer[0]) != len(tokens) + 1:
            continue
        extra = longer[0][-1]
        if extra.isalpha() and extra.endswith("s") and len(extra) >= 4 and extra not in suffixes:
            pairs.append((tokens, longer[0]))
    return pairs


def region_pairs(places: Iterable[tuple[Key, Key]], bare: Iterable[Key]) -> list[tuple[Key, Key]]:
    """(town, town with region) pairs from ``places``, (town key, full key) of every place
    written "Town, Region": a town written alone is the corpus's one town of that name
    ("Wasilla" and "Wasilla, Alaska"), never when it pairs the town with two regions
    ("Portland, Maine" and "Portland, Oregon"), nor when the town's name is a state's or
    country's too ("New York" alone is the state as often as "New York, New York")."""
    named = place_words()
    states = named.regions | named.countries
    regions: dict[Key, set[Key]] = defaultdict(set)
    for town, full in places:
        if town and full != town and " ".join(town) not in states:
            regions[town].add(full)
    alone = set(bare)
    return sorted(
        (town, next(iter(fulls)))
        for town, fulls in regions.items()
        if len(fulls) == 1 and town in alone
    )


def names_region(text: str, region: Key) -> bool:
    """Does ``text`` write the region of comparison tokens ``region`` ("california"), in
    full or by one of its abbreviations ("Calif.", "CA")?"""
    full = " ".join(region)
    spellings = [full] + [
        short for short, long in place_words().abbreviations.items() if long == full
    ]
    for spelt in spellings:
        # A postal code counts only in capitals ("CA", never "ca." for circa).
        short = len(spelt) <= 2
        words = (spelt.upper() if short else spelt).split()
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
        if re.search(pattern, text, 0 if short else re.IGNORECASE):
            return True
    return False


def spacing_key(tokens: Key) -> str:
    """A name's letters without spaces or hyphens: the block of its spacing variants."""
    return "".join(tokens).replace("-", "")


def spacing_pairs(
    names: Iterable[tuple[str, Key]],
) -> list[tuple[tuple[str, Key], tuple[str, Key]]]:
    """Pairs of (type, tokens) names of one type written with the same letters but split
    into words differently."""
    blocks: dict[tuple[str, str], list[Key]] = defaultdict(list)
    for kind, tokens in sorted(set(names)):
        key = spacing_key(tokens)
        if len(key) >= 4:
            blocks[(kind, key)].append(tokens)
    pairs = []
    for (kind, _), members in sorted(blocks.items()):
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                pairs.append(((kind, a), (kind, b)))
    return pairs
