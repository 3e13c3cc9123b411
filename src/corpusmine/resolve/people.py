"""People's names: when two forms name the same person, and when they never can.

A full name is given name(s) + surname. Two full names are *compatible* when the
surnames are equal and the given names agree (equal, an initial of the other:
"J Smithers" / "Jason Smithers", or a short form: "Fred" / "Frederick"); only compatible
names may merge, and only when the evidence is unambiguous. "Jason Smithers" and "Jane
Smithers" never merge.

A one-word name after honorifics ("Cllr Smithers", "Smithers", "Jason") is resolved in
context: the one person of the document with that surname (or given name), else the one
person of the corpus with that surname; with two candidates it stays on its own.

A junior name ("Donald Trump Jr") and the plain name it fits ("Donald Trump"), both
written in one corpus, are father and son: the plain name and the surname alone go to
the elder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge import entity_words, minutes_lexicon, quote_lexicon

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon


@dataclass(frozen=True)
class PersonName:
    """A full name split into given name, middle names and surname (comparison tokens)."""

    given: str
    middles: tuple[str, ...]
    surname: str

    @classmethod
    def of(cls, tokens: Sequence[str]) -> PersonName | None:
        tokens, _ = split_suffix(tokens)
        if len(tokens) < 2:
            return None
        return cls(tokens[0], tuple(tokens[1:-1]), tokens[-1])


def split_suffix(tokens: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    """A full name without its generational suffix, and the suffix: "Mark Felt Jr"."""
    if len(tokens) > 2 and tokens[-1] in entity_words().person_suffixes:
        return tuple(tokens[:-1]), tokens[-1]
    return tuple(tokens), None


def surname(tokens: Sequence[str]) -> str:
    return split_suffix(tokens)[0][-1]


def _given_compatible(a: str, b: str, *, by_sex: bool = True) -> bool:
    """Equal; an initial of the other ("J" / "Jason"); or a short form the other begins
    with, of three letters or more and two fewer at least ("Fred" / "Frederick", never
    "Dan" / "Dana"), but (``by_sex``) not a short form of a woman's name that does not
    end as hers do ("Max" / "Maxine"). ``variant_pairs`` still keeps "Alex" apart when the
    corpus has both an "Alexander" and an "Alexandra" of that surname."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1:
        return long.startswith(short)
    # Not "Max" / "Maxine", "Dan" / "Daniela": a man's short form is not her name.
    prefix = len(short) >= 3 and len(long) - len(short) >= 2 and long.startswith(short)
    if prefix and (not by_sex or not _feminine(long) or _feminine(short)):
        return True
    # A pet form of the other ("Katie" / "Kathryn", "Bill" / "William"), from the table
    # of pet forms: a spelling rule ("-y" of the first syllable) would make "Mary" a
    # "Martin" and "Tony" a "Tonya".
    pets = entity_words().pet_forms
    return long in pets.get(short, ()) or short in pets.get(long, ())


def _feminine(given: str) -> bool:
    """Does a given name end as women's names do ("Maxine", "Daniela")?"""
    return given.endswith(entity_words().feminine_endings)


def people_compatible(a: Sequence[str], b: Sequence[str], *, by_sex: bool = True) -> bool:
    """Could the full names with tokens ``a`` and ``b`` be one person? Without
    ``by_sex``, a short form may be a woman's name too: the names it could be ("Alex":
    "Alexander" and "Alexandra"), which make it ambiguous."""
    (a, suffix_a), (b, suffix_b) = split_suffix(a), split_suffix(b)
    if suffix_a and suffix_b and suffix_a != suffix_b:
        return False  # "Mark Felt Jr" is never "Mark Felt Sr"
    pa, pb = PersonName.of(a), PersonName.of(b)
    if pa is None or pb is None or pa.surname != pb.surname:
        return False
    if _given_compatible(pa.given, pb.given, by_sex=by_sex) and all(
        _given_compatible(x, y, by_sex=by_sex) for x, y in zip(pa.middles, pb.middles, strict=False)
    ):
        return True
    # A leading initial may go unsaid when the person goes by the next name: "W. Mark
    # Felt" is "Mark Felt" ("J. Edgar Hoover"). A leading given name written in full may
    # not: "Mary Ann Clarke" and "Ann Clarke" are as often two people as one.
    for x, y in ((a, b), (b, a)):
        if len(x) == len(y) + 1 and len(x[0]) == 1 and people_compatible(x[1:], y, by_sex=by_sex):
            return True
        # A surname that opens with a particle, written without the given name: "Lo
        # Presti" is "Gaetano Lo Presti", "Van Persie" is "Robin van Persie".
        if len(x) == 2 and x[0] in _particles() and len(y) >= 3 and tuple(y[-2:]) == tuple(x):
            return True
    return False


@cache
def _particles() -> frozenset[str]:
    """Words that open a surname ("van", "de", "lo"): ``models/minutes.yaml`` name_particles."""
    return frozenset(p.lower() for p in minutes_lexicon().particles)


# A nickname blending the first letters of a given name and a surname: "LiLo", "A-Rod".
BLEND = re.compile(r"^([A-Z][a-z]{0,2})[-.]?([A-Z][a-z]{1,3})$")


def blends(tokens: Sequence[str]) -> frozenset[str]:
    """Every blend (lower case, no hyphen) a full name can be called by: the blocking key
    that lets "LiLo" meet "Lindsay Lohan" (``keys``)."""
    if len(tokens) < 2:
        return frozenset()
    given, family = tokens[0], surname(tokens)
    return frozenset(
        given[:n] + family[:m]
        for n in range(1, 4)
        for m in range(2, 5)
        if n <= len(given) and m <= len(family)
    )


def is_junior(tokens: Sequence[str]) -> bool:
    """A name with a suffix marking a later bearer of the name ("Mark Felt Jr")."""
    return split_suffix(tokens)[1] in entity_words().junior_suffixes


def two_bearers(a: Sequence[str], b: Sequence[str]) -> bool:
    """A junior name and a name without any suffix that fits it ("Donald Trump Jr" and
    "Donald Trump"). A corpus that writes both as full names is telling father and son
    apart, so they are two people; callers compare only names the corpus writes."""
    for x, y in ((a, b), (b, a)):
        if is_junior(x) and split_suffix(y)[1] is None and people_compatible(x, y):
            return True
    return False


def set_aside_juniors(candidates: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The people a one-word name ("Trump", "Mr. Trump") may be, without a junior whose
    plain name is also a candidate: the name said alone is the elder's, the son is the
    one written with "Jr". A junior who is the only fit keeps it ("Dr. King")."""
    return [
        c for c in candidates if not (is_junior(c) and any(two_bearers(c, o) for o in candidates))
    ]


def initial_bridges(
    keys: Iterable[tuple[str, ...]],
) -> frozenset[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pairs (with and without a leading given name written in full) that a third name
    of the corpus joins: the same name with that given name as an initial. "William Mark
    Felt" and "Mark Felt" are one person where the corpus also writes "W. Mark Felt": the
    initial says he goes by the next name. Without that form they stay apart ("Mary Ann
    Clarke" and "Ann Clarke"). Never across a father and son."""
    names = sorted({k for k in keys if len(k) >= 3})
    initialled = [n for n in names if len(split_suffix(n)[0][0]) == 1]
    if not initialled:
        return frozenset()
    by_surname: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted({k for k in keys if len(k) >= 2}):
        by_surname.setdefault(surname(name), []).append(name)
    found = set()
    for bridge in initialled:
        group = by_surname.get(surname(bridge), [])
        fits = [
            n
            for n in group
            if n != bridge and people_compatible(bridge, n) and not two_bearers(bridge, n)
        ]
        for long in fits:
            head = split_suffix(long)[0]
            if len(head[0]) == 1 or head[0][0] != bridge[0]:
                continue  # the long form writes the initial's name in full
            for short in fits:
                if (
                    len(split_suffix(short)[0]) == len(head) - 1
                    and not people_compatible(long, short)
                    and not two_bearers(long, short)
                    and people_compatible(head[1:], split_suffix(short)[0])
                ):
                    found.add((long, short))
                    found.add((short, long))
    return frozenset(found)


def variant_pairs(
    keys: Iterable[tuple[str, ...]],
    bridged: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pairs of distinct full names to merge: each compatible only with names that are
    all compatible with each other ("J Smithers" joins "Jason Smithers" unless a
    "John Smithers" is also in the corpus); names an initial form bridges
    (``initial_bridges`` of ``keys``, when the caller has not found them already) count
    as compatible."""
    names = sorted({k for k in keys if len(k) >= 2})
    if bridged is None:
        bridged = initial_bridges(names)

    def fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return people_compatible(a, b) or (a, b) in bridged

    by_surname: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        by_surname.setdefault(surname(name), []).append(name)
    partners: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for group in by_surname.values():
        for a in group:
            partners[a] = [b for b in group if b != a and fit(a, b)]
    # The son carries the "Jr"; a name written without a suffix is another bearer, the
    # father ("Donald Trump" beside "Donald Trump Jr"; "Mark Felt" beside "W. Mark Felt
    # Sr" and "Mark Felt Jr"), so a plain name never joins a junior one.
    for a, found in partners.items():
        for b in [b for b in found if two_bearers(a, b)]:
            found.remove(b)
            partners[b].remove(a)

    @cache  # asked once per pair it is in: the same answer for every pair
    def unambiguous(name: tuple[str, ...]) -> bool:
        # Every name it could be, a woman's too: "Alex Brandt" beside "Alexander" and
        # "Alexandra Brandt" joins neither.
        found = [
            b
            for b in by_surname[surname(name)]
            if b != name
            and (people_compatible(name, b, by_sex=False) or (name, b) in bridged)
            and not two_bearers(name, b)
        ]
        return all(fit(x, y) for x in found for y in found if x < y)

    pairs = []
    for a, found in partners.items():
        for b in found:
            if a < b and unambiguous(a) and unambiguous(b):
                pairs.append((a, b))
    return pairs


def gender(honorifics: Iterable[str], lex: Lexicon) -> str | None:
    """ "f", "m" or None from honorifics such as Mrs or Mr."""
    lowered = {h.lower() for h in honorifics}
    if lowered & lex.female_honorifics:
        return "f"
    if lowered & lex.male_honorifics:
        return "m"
    return None


def given_name_gender(tokens: Sequence[str]) -> str | None:
    """ "f" or "m" when a full name's given name names one gender in English-language
    news (``models/quotes.yaml`` first_name_gender: "Jane", "John"; never "Jordan"), or
    is a pet form or full name of such names only ("Charlie" of Charles, "Frederick" of
    Rick and Freddie: ``entities.yaml`` pet_forms)."""
    return _gender_of_given(tokens[0]) if len(tokens) >= 2 else None


@cache
def _gender_of_given(given: str) -> str | None:
    genders = quote_lexicon().first_name_gender
    found = genders.get(given)
    if found is None:
        pets = entity_words().pet_forms
        related = set(pets.get(given, ())) | {p for p, full in pets.items() if given in full}
        kinds = {genders[r] for r in related if r in genders}
        found = kinds.pop() if len(kinds) == 1 else None
    return short_gender(found)


def short_gender(word: str | None) -> str | None:
    """The quote lexicon's "female" / "male" as resolution writes a gender: "f" / "m"."""
    return {"female": "f", "male": "m"}.get(word or "")


def single_name_candidates(
    word: str, people: Iterable[tuple[tuple[str, ...], str | None]], want_gender: str | None
) -> list[tuple[str, ...]]:
    """Full names (with the gender of their title, if known) that the one-word name
    ``word`` may be: people with that surname, or failing that with that given name. A
    name wanted with a gender ("Mr Whitby") is never a person of the other: by title,
    else by given name ("Jane Whitby"). The given names listed are few, so that only
    narrows the candidates to people known to be of the gender wanted: where it leaves
    out someone and a name of unknown gender remains ("Mr Patel" beside Sarah, David and
    Raj Patel; "Mrs Simpson" beside Homer, Bart and Charlie), every candidate stays and
    the name is as ambiguous as it was."""
    people = list(people)
    if want_gender:
        known = [(k, g, g or given_name_gender(k)) for k, g in people]
        others = any(found and found != want_gender for _, _, found in known)
        unknown = any(found is None for _, _, found in known)
        if not (others and unknown):
            people = [(k, g) for k, g, found in known if found in (None, want_gender)]
    by_surname = sorted({k for k, _ in people if surname(k) == word})
    if by_surname:
        return by_surname
    return sorted({k for k, _ in people if k[0] == word})


class PeopleIndex:
    """Full names (with gender) by surname and by given name, so a one-word name is
    compared only with the people it could be, not with every person of the corpus."""

    def __init__(self, people: Iterable[tuple[tuple[str, ...], str | None]]) -> None:
        self._by_word: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
        for person in people:
            tokens = person[0]
            if not tokens:
                continue
            for word in {tokens[0], surname(tokens)}:
                self._by_word.setdefault(word, []).append(person)
        self._found: dict[tuple[str, str | None], list[tuple[str, ...]]] = {}

    def starting(self, letter: str) -> list[tuple[str, ...]]:
        """Full names whose given name starts with ``letter`` (for nicknames)."""
        return sorted(
            {
                tokens
                for word, people in self._by_word.items()
                if word.startswith(letter)
                for tokens, _ in people
                if tokens[0].startswith(letter)
            }
        )

    def candidates(self, word: str, want_gender: str | None) -> list[tuple[str, ...]]:
        """``single_name_candidates`` over the whole index (memoised: the index is fixed)."""
        key = (word, want_gender)
        if key not in self._found:
            near = self._by_word.get(word, ())
            self._found[key] = single_name_candidates(word, near, want_gender)
        return self._found[key]


def one_person(
    candidates: Sequence[tuple[str, ...]],
    bridged: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] = frozenset(),
) -> bool:
    """True when all candidate names are compatible: they can be one person. Names a
    third form of the corpus bridges (``initial_bridges``: "William Mark Felt" and "Mark
    Felt" beside "W. Mark Felt") count as compatible."""
    return bool(candidates) and all(
        people_compatible(a, b) or (a, b) in bridged
        for a in candidates
        for b in candidates
        if a < b
    )
