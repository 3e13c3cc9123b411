"""Links that hold only in context, within one document.

- A definite description ("the trust", "the fostering agency") and a common-noun
  phrase that NER took for a name ("the Fostering Service", "Trust") name the nearest
  preceding compatible entity of the document; failing that, a description specific
  enough ("the fostering service") names the one compatible entity of the corpus; a
  capitalised one may also name the nearest *following* compatible entity. A
  description in apposition to an incompatible name ("X Fostering Agency, the trust
  that ...") describes it rather than refers, and is left alone.
- A one-word person name ("Cllr Smithers", "Jason") names the one person of the
  document with that surname (or given name), else the one person of the corpus.
- A one-word person or place name that the corpus also uses in lower case ("Foster",
  "Children") is NER noise and names nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..knowledge import entity_words, load_yaml, place_key, place_words, quote_lexicon
from .described import initials_before, written_title
from .descriptions import Description, NameIndex, compatible, description_of_name, distinctive
from .expansions import Expansions
from .inputs import ResolveInput
from .names import Name
from .people import (
    BLEND,
    PeopleIndex,
    gender,
    initial_bridges,
    one_person,
    people_compatible,
    set_aside_juniors,
    short_gender,
    surname,
)
from .reading import Reading
from .references import References
from .refs import DESCRIPTION, MENTION, Ref

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon

Node = Hashable
_APPOSITION = re.compile(r"\s*,\s*")


@dataclass(frozen=True)
class Links:
    """Context links: reference -> node it names; references that name nothing."""

    targets: Mapping[Ref, Node] = field(default_factory=dict)
    dropped: frozenset[Ref] = frozenset()


@dataclass
class _Building:
    targets: dict[Ref, Node] = field(default_factory=dict)
    dropped: set[Ref] = field(default_factory=set)


@dataclass(frozen=True)
class _Pass:
    """What linking reads: the input and the products of the earlier passes."""

    inp: ResolveInput
    reading: Reading
    refs: References
    expansions: Expansions
    # People's full names a third form joins (``people.initial_bridges``): one person.
    bridged: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] = frozenset()

    def reference_name(self, ref: Ref):  # noqa: ANN201 - a Name
        return self.expansions.reference_name(self.reading, ref)


def link_all(
    inp: ResolveInput, reading: Reading, refs: References, expansions: Expansions
) -> Links:
    """Context links for every document (pass 4)."""
    lex = inp.lex
    people_names = proper_people(refs.all, reading, lex, inp.texts)
    bridged = initial_bridges({tokens for tokens, _ in people_names})
    resolver = _Pass(inp, reading, refs, expansions, bridged)
    links = _Building()
    # NER noise first: it must not serve as an antecedent.
    for ref in refs.all:
        name = reading.name(ref)
        if (
            ref.type in ("GPE", "OTHER", "PRODUCT")
            and len(name.tokens) == 1
            and name.tokens in reading.lowercase
            and ref not in refs.absorbed
        ):
            links.dropped.add(ref)
    corpus_anchors = NameIndex(
        sorted(
            {
                (r.type, resolver.reference_name(r).tokens)
                for r in refs.all
                if reading.proper(r)
                and r not in links.dropped
                and r.type != "PERSON"
                and not reading.name(r).acronym  # an acronym counts through its long form
            }
        )
    )
    corpus_people = PeopleIndex(
        sorted(
            people_names,
            # Gender is None when no gendered title was used: sort it before "f"/"m".
            key=lambda person: (person[0], person[1] or ""),
        )
    )
    # Words of the corpus's organisation names written with two words or more
    # ("Dell Inc.", "Dell Computer"): such a word alone may be the organisation.
    # Only words standing on their own count: a run of text the model took for one name
    # ("Teixeira - - eight years", "Red Sox-Teixeira") is no organisation of that name.
    org_words = frozenset(
        word
        for r in refs.all
        if r.type == "ORG" and reading.proper(r) and _written_as_name(reading.name(r).display)
        for word in reading.name(r).tokens
        if word in _spaced_words(reading.name(r).display)
    )
    one_word_types = one_word_type_counts(refs.all, reading)
    organisations = organisation_counts(refs.all, reading)
    people_counts = Counter(
        reading.name(r).tokens for r in refs.all if r.type == "PERSON" and reading.proper(r)
    )
    names_written = frozenset(reading.name(r).tokens for r in refs.all)
    known_titles = titles_of_people(refs.all, reading, inp.texts)
    for document in sorted(refs.by_doc):
        _link_document(
            resolver,
            document,
            corpus_anchors,
            corpus_people,
            org_words,
            one_word_types,
            organisations,
            people_counts,
            names_written,
            known_titles,
            links,
        )
    return Links(MappingProxyType(links.targets), frozenset(links.dropped))


def titles_of_people(
    refs: Iterable[Ref], reading: Reading, texts: Mapping[str, str]
) -> dict[tuple[str, ...], frozenset[str]]:
    """The titles the corpus writes with each person's full name, before it or inside
    the NER span ("President Barack Obama", "First Lady Michelle Obama", "Sen. Bernie
    Sanders" as senator)."""
    found: dict[tuple[str, ...], set[str]] = {}
    for r in refs:
        if r.type != "PERSON" or not reading.proper(r):
            continue
        name = reading.name(r)
        titles = written_title(texts[r.document], r.start, full_name=True).titles
        found.setdefault(name.tokens, set()).update(titles | _titles_in(name.honorifics))
    return {tokens: frozenset(titles) for tokens, titles in found.items() if titles}


def _titles_in(honorifics: Iterable[str]) -> frozenset[str]:
    """The titles (not honorifics) among the words a name's span opens with."""
    words = entity_words()
    lowered = (h.lower().rstrip(".") for h in honorifics)
    return frozenset(
        words.titles.written_out.get(w, w) for w in lowered if w in words.person_titles
    )


def proper_people(
    refs: Iterable[Ref], reading: Reading, lex: Lexicon, texts: Mapping[str, str] | None = None
) -> set[tuple[tuple[str, ...], str | None]]:
    """The proper person names of ``refs``, each with the gender of its title (None):
    in the name's span, or (given the ``texts``) written right before it ("Mrs Robin
    Lund" where the NER tags "Robin Lund")."""
    return {
        (reading.name(r).tokens, person_gender(r, reading, lex, texts))
        for r in refs
        if r.type == "PERSON" and reading.proper(r)
    }


def person_gender(
    ref: Ref, reading: Reading, lex: Lexicon, texts: Mapping[str, str] | None
) -> str | None:
    """The gender of a person's honorifics, in the span or (given ``texts``) before it."""
    honorifics = reading.name(ref).honorifics
    if texts is not None:
        before = written_title(texts[ref.document], ref.start, full_name=True)
        honorifics = (*honorifics, *before.honorifics)
    return gender(honorifics, lex)


def one_word_type_counts(
    refs: Iterable[Ref], reading: Reading
) -> Counter[tuple[str, tuple[str, ...]]]:
    """How often ``refs`` type each one-word name as a person or an organisation."""
    return Counter(
        (r.type, reading.name(r).tokens)
        for r in refs
        if r.type in ("PERSON", "ORG") and len(reading.name(r).tokens) == 1
    )


def organisation_counts(refs: Iterable[Ref], reading: Reading) -> Counter[tuple[str, ...]]:
    """How often ``refs`` write each proper organisation name."""
    return Counter(reading.name(r).tokens for r in refs if r.type == "ORG" and reading.proper(r))


def _written_as_name(display: str) -> bool:
    """Two words or more, each with a letter (no dash or stray punctuation between)."""
    parts = display.split()
    return len(parts) >= 2 and all(any(c.isalpha() for c in part) for part in parts)


def _spaced_words(display: str) -> frozenset[str]:
    """The display's words set off by spaces, lower-cased, without trailing punctuation."""
    return frozenset(part.lower().strip(".,;:'’") for part in display.split())


def _link_document(
    resolver: _Pass,
    document: str,
    corpus_anchors: NameIndex,
    corpus_people: PeopleIndex,
    org_words: frozenset[str],
    one_word_types: Counter[tuple[str, tuple[str, ...]]],
    organisations: Counter[tuple[str, ...]],
    people_counts: Counter[tuple[str, ...]],
    names_written: frozenset[tuple[str, ...]],
    known_titles: Mapping[tuple[str, ...], frozenset[str]],
    links: _Building,
) -> None:
    lex = resolver.inp.lex
    reading = resolver.reading
    absorbed = resolver.refs.absorbed
    text = resolver.inp.texts[document]
    refs = sorted(resolver.refs.by_doc[document], key=attrgetter("start", "end", "node"))
    anchors = [
        r for r in refs if reading.proper(r) and r not in links.dropped and r not in absorbed
    ]
    people = [a for a in anchors if a.type == "PERSON"]
    people_here = PeopleIndex(
        (reading.name(a).tokens, person_gender(a, reading, lex, resolver.inp.texts)) for a in people
    )
    # Surnames the document gives people, in full or alone ("Cheeks said").
    surnames_here = frozenset(
        surname(reading.name(r).tokens)
        for r in refs
        if r.type == "PERSON" and reading.name(r).tokens and r not in links.dropped
    )
    # A place the document names as a team in a game's result is that team wherever the
    # document does not write it as a place ("Creighton (25-7) ... Creighton's record").
    teams_here: dict[tuple[str, ...], Node] = {}
    in_results: set[Ref] = set()
    for r in refs:
        if r.type == "GPE" and r.origin == MENTION and r not in links.dropped:
            found = _team_of_place(
                r, reading.name(r).tokens, text, organisations, people_counts, names_written
            )
            if found is not None:
                teams_here.setdefault(reading.name(r).tokens, found)
                in_results.add(r)
    chain: list[tuple[int, str, Node]] = []  # (start, head noun, target) of linked descriptions
    for ref in refs:
        if ref in links.dropped or ref in absorbed:
            continue
        name = reading.name(ref)
        description: Description | None = None
        if ref.origin == DESCRIPTION:
            description = resolver.refs.descriptions[ref]
        elif ref.type == "ORG" and reading.common(ref):
            description = description_of_name(name, ref.start, ref.end, lex)
        if description is not None:
            target = _antecedent(resolver, ref, description, anchors, chain, corpus_anchors, text)
            if target is not None:
                links.targets[ref] = target
                chain.append((ref.start, description.head, target))
            elif ref.origin == DESCRIPTION:
                links.dropped.add(ref)
            continue
        institution = _institution_named_after(ref, name.tokens, text, organisations)
        if institution is not None:
            links.targets[ref] = institution
            continue
        longer = _cut_short(resolver, ref, text, organisations, people_counts)
        if longer is not None:
            links.targets[ref] = longer
            continue
        if _known_place_after_preposition(ref, name, text) and not any(
            set(name.tokens) & set(reading.name(a).tokens) for a in people
        ):  # "proud of Jordan" beside "captain Jordan Henderson" is the man
            links.targets[ref] = ("name", "GPE", name.tokens)  # "Growers in Kent say"
            continue
        if ref.type == "PERSON" and len(name.tokens) == 1 and not name.acronym:
            target = _person(
                resolver,
                ref,
                people,
                people_here,
                corpus_people,
                corpus_anchors,
                one_word_types,
                known_titles,
            )
            if target is not None:
                links.targets[ref] = target
            elif name.tokens in reading.lowercase:
                links.dropped.add(ref)
        elif ref.type in _NOT_PERSON and ref.origin == MENTION and not name.acronym:
            team = teams_here.get(name.tokens) if ref.type == "GPE" else None
            if (
                team is not None
                and ref not in in_results
                and _after_place_preposition(text, ref.start)
            ):
                team = None  # "the game in Indianapolis" is the city
            if team is not None:
                links.targets[ref] = team
                continue
            if (
                ref.type == "GPE"
                and len(name.tokens) == 1
                and _after_place_preposition(text, ref.start)
            ):
                # "schools in Kent" beside "Councillor Jane Kent" is the county; a full
                # name is no place: "bringing in Maurice Cheeks" is the man.
                continue
            target = _mislabelled_person(
                reading, ref, people_here, corpus_people, org_words, surnames_here
            )
            if target is not None:
                links.targets[ref] = target


_NOT_PERSON = frozenset({"ORG", "GPE", "OTHER", "PRODUCT"})
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


@cache
def _stay_before() -> re.Pattern[str]:
    """A verb of staying or treatment ending just before a name (models/places.yaml)."""
    phrases = sorted(place_words().stays, key=len, reverse=True)
    spelled = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"\b(?:{spelled})\s+$", re.IGNORECASE)


def _known_place_after_preposition(ref: Ref, name: Name, text: str) -> bool:
    """A country or region (models/places.yaml) the model typed a person or organisation,
    written after a preposition of place: "Growers in Kent say ..." is the county."""
    if ref.type not in ("PERSON", "ORG") or ref.origin != MENTION or name.acronym:
        return False
    if _NAME_GOES_ON.match(text, ref.end):
        return False  # "the United States Hispanic Chamber", "America's Unwritten Constitution"
    places = place_words()
    key = place_key(name.display)
    return key in (places.countries | places.regions) and _after_place_preposition(text, ref.start)


_NAME_GOES_ON = re.compile(r"(?:'s|’s)?[ \t]+[A-Z0-9]")


def _after_place_preposition(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1).lower() in place_words().prepositions


def _institution_named_after(
    ref: Ref, tokens: tuple[str, ...], text: str, organisations: Counter[tuple[str, ...]]
) -> Node | None:
    """A person's full name after a verb of staying or treatment, where the document
    also names an institution after that person ("checked into Betty Ford" beside "the
    Betty Ford Center"; "treated at Walter Reed" beside "Walter Reed Hospital"). A bare
    preposition is no evidence: "a letter to Ronald Reagan" is to the man."""
    if ref.type != "PERSON" or len(tokens) < 2:
        return None
    if not _stay_before().search(text, max(0, ref.start - 40), ref.start):
        return None
    fits = {tokens + (head,) for head in entity_words().institution_heads}
    here = [f for f in fits if organisations[f] and _written_in(f, text)]
    found = sorted((-organisations[f], f) for f in here)
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return None  # none in this document, or two named as often
    return ("name", "ORG", found[0][1])


_NEXT_WORD = re.compile(r"[ \t]+([A-Z0-9][\w'’&.\-]*)")
_WORD_BEFORE_NAME = re.compile(r"([A-Z][\w'’\-]*)[ \t]+$")


def _cut_short(
    resolver: _Pass,
    ref: Ref,
    text: str,
    organisations: Counter[tuple[str, ...]],
    people: Counter[tuple[str, ...]],
) -> Node | None:
    """The longer name a span was cut from, where the text around it writes that name
    as the corpus writes it elsewhere (twice at least): a place or organisation that
    opens an organisation's name ("Philadelphia" tagged a place in "the Philadelphia
    76ers", "California" in "a California Highway Patrol officer"), or a person's name
    without the given name the text writes before it ("Joseph Comeaux Jr" of "Arcade
    Joseph Comeaux Jr"). The words the model cut off say which entity the span names.
    A word in lower case ends the name ("the Obama administration"); a person's name
    before an organisation's words is left to the person ("Obama Administration")."""
    name = resolver.reading.name(ref)
    own = name.tokens
    if ref.origin != MENTION or not own or name.acronym:
        return None
    if ref.type in ("GPE", "ORG"):
        found = None
        end = ref.end
        for _ in range(3):
            word = _NEXT_WORD.match(text, end)
            if word is None:
                break
            end = word.end(1) - (1 if word.group(1).endswith((".", ",")) else 0)
            tokens = resolver.inp.names(text[ref.start : end], "ORG").tokens
            if len(tokens) > len(own) and tokens[: len(own)] == own and organisations[tokens] >= 2:
                # The name must end where the capitalised words do: "Republican House" is
                # no name of "Republican House Majority Leader Tom DeLay".
                found = tokens if _NEXT_WORD.match(text, end) is None else None
        return ("name", "ORG", found) if found else None
    if ref.type == "PERSON" and len(own) >= 2:
        word = _WORD_BEFORE_NAME.search(text, max(0, ref.start - 30), ref.start)
        if word is None:
            return None
        tokens = resolver.inp.names(text[word.start(1) : ref.end], "PERSON").tokens
        if len(tokens) == len(own) + 1 and tokens[1:] == own and people[tokens] >= 2:
            return ("name", "PERSON", tokens)
    return None


_SCORE = re.compile(r"(?<![\d.,-])\d{1,3}-\d{1,3}(?![\d.,-])")  # not "49.8-49.6"


@cache
def _team_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """Words of a vote on a result's line ("54-50 in the final round of voting": no
    game), and plural heads of company names ("Seattle Times", "Acme Industries": no
    team); models/entities.yaml team_results."""
    data = load_yaml("entities.yaml")["team_results"]
    votes = "|".join(map(re.escape, sorted(data["not_games"], key=len, reverse=True)))
    return re.compile(rf"\b(?:{votes})\b", re.IGNORECASE), frozenset(data["company_plurals"])


@cache
def _team_result_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words of a game's result just before and just after a place (models/entities.yaml
    team_results), and the record or score written after a team ("(11-4)", "31-24",
    "65, Drake 5")."""
    data = load_yaml("entities.yaml")["team_results"]

    def spelled(phrases: list[str]) -> str:
        ordered = sorted(phrases, key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)

    before = re.compile(rf"\b(?:{spelled(data['before_team'])})\s+$", re.IGNORECASE)
    after = re.compile(
        rf"\s*\(\d{{1,3}}-\d{{1,3}}(?:-\d{{1,3}})?\)|\s+\d{{1,3}}-\d{{1,3}}\b"
        rf"|\s+\d{{1,3}},\s+[A-Z]|\s+(?:{spelled(data['after_team'])})\s+[A-Z]",
        re.IGNORECASE,
    )
    return before, after


def _team_of_place(
    ref: Ref,
    tokens: tuple[str, ...],
    text: str,
    organisations: Counter[tuple[str, ...]],
    people: Counter[tuple[str, ...]],
    written: frozenset[tuple[str, ...]],
) -> Node | None:
    """The team a place stands for in a game's result ("a 31-24 win over Jacksonville",
    "Indianapolis (11-4) made ...", "Creighton defeats Drake"): the one organisation of
    the corpus whose name opens with the place's name, preferring those this document
    writes ("Jacksonville Jaguars"). Elsewhere a place stays a place."""
    if ref.type != "GPE" or not tokens:
        return None
    before, after = _team_result_patterns()
    if not (before.search(text, max(0, ref.start - 30), ref.start) or after.match(text, ref.end)):
        return None
    # A game has a score: "primary wins over Vermont Sen. Bernie Sanders" and "jobs lost
    # to China" are no results.
    line_start = text.rfind("\n", 0, ref.start) + 1
    line_end = text.find("\n", ref.end)
    line_end = len(text) if line_end < 0 else line_end
    window = (max(line_start, ref.start - 80), min(line_end, ref.end + 80))
    votes, company_plurals = _team_words()
    if not _SCORE.search(text, *window) or votes.search(text, *window):
        return None
    # A team: the place and a plural nickname the corpus also writes alone ("the Colts",
    # "the 76ers"), never a company's plural head ("Times") nor a person ("Tyler Reguly",
    # whom the model once took for a firm); "London Stock Exchange" and "Iowa Democratic
    # Party" are no teams.
    teams = sorted(
        t
        for t in organisations
        if len(t) > len(tokens)
        and t[: len(tokens)] == tokens
        and t[-1].endswith("s")
        and t[-1] not in company_plurals
        and t[len(tokens) :] in written
        and not people[t]
    )
    here = [t for t in teams if _written_in(t, text)]
    chosen = here or teams
    return ("name", "ORG", chosen[0]) if len(chosen) == 1 else None


def _written_in(tokens: tuple[str, ...], text: str) -> bool:
    """Does ``text`` write the name of ``tokens`` (case aside)?"""
    pattern = r"\b" + r"\W+".join(map(re.escape, tokens)) + r"\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _mislabelled_person(
    reading: Reading,
    ref: Ref,
    people_here: PeopleIndex,
    corpus_people: PeopleIndex,
    org_words: frozenset[str],
    surnames_here: frozenset[str],
) -> Node | None:
    """The person a name the model typed otherwise is: a full name the corpus gives a
    person ("Maurice Cheeks" tagged GPE once), or the surname of the one person of the
    document (else the corpus) with it, when no organisation's longer name holds the
    word ("Teixeira" tagged ORG; never "Dell" beside "Dell Inc.")."""
    tokens = reading.name(ref).tokens
    written = reading.name(ref).display.split()
    if written and written[-1].lower().rstrip(".") in entity_words().company_suffixes:
        return None  # "Julian Wooster Ltd" is a company named after a person
    if len(tokens) >= 2:
        if tokens in corpus_people.candidates(surname(tokens), None):
            return ("name", "PERSON", tokens)
        return _short_form_of_person(tokens, surnames_here, corpus_people)
    if ref.type not in ("ORG", "GPE") or not tokens or reading.common(ref):
        return None
    word = tokens[0]
    if len(reading.name(ref).display.split()) > 1 or word in org_words:
        return None  # "Dell Inc.", or "Dell" where the corpus names "Dell Computer"
    # A place is a person's surname only within the person's own document ("Lohan"
    # tagged GPE beside "Lindsay Lohan"); across the corpus "Washington" stays a city.
    indexes = (people_here, corpus_people) if ref.type == "ORG" else (people_here,)
    for index in indexes:
        candidates = set_aside_juniors(
            [c for c in index.candidates(word, None) if surname(c) == word]
        )
        if candidates:
            if one_person(candidates):
                return ("name", "PERSON", max(candidates, key=lambda t: (len(t), t)))
            return None
    return None


def _short_form_of_person(
    tokens: tuple[str, ...], surnames_here: frozenset[str], corpus_people: PeopleIndex
) -> Node | None:
    """The person of the corpus whose full name a name typed otherwise is a short or pet
    form of ("Mo Cheeks" tagged ORG, for Maurice Cheeks), in a document that names a
    person of that surname ("Cheeks said"), when it can be no other person of the
    corpus, a woman's name counted ("Alex" of "Alexander" and "Alexandra"). Where the
    document names no such person, a company or brand named so ("Bob Evans" restaurants)
    is the likelier reading. An initial is no short form here ("J Sainsbury")."""
    if len(tokens[0]) < 2:
        return None
    family = surname(tokens)
    if family not in surnames_here:
        return None
    fits = [
        c
        for c in corpus_people.candidates(family, None)
        if len(c) >= 2 and surname(c) == family and people_compatible(tokens, c, by_sex=False)
    ]
    if not fits or not one_person(fits) or not all(people_compatible(tokens, c) for c in fits):
        return None
    return ("name", "PERSON", max(fits, key=lambda t: (len(t), t)))


def _antecedent(
    resolver: _Pass,
    ref: Ref,
    description: Description,
    anchors: list[Ref],
    chain: list[tuple[int, str, Node]],
    corpus_anchors: NameIndex,
    text: str,
) -> Node | None:
    lex = resolver.inp.lex

    def fits(anchor: Ref) -> bool:
        return anchor.type == (
            description.rule.type if description.rule else ref.type
        ) and compatible(description, resolver.reference_name(anchor), anchor.type, lex)

    before = [a for a in anchors if a.end <= ref.start]
    possessive = text[ref.end : ref.end + 2].replace("’", "'") == "'s"
    appositive = before and _APPOSITION.fullmatch(text[before[-1].end : ref.start])
    if ref.origin == DESCRIPTION and appositive and not possessive and not fits(before[-1]):
        return None  # "X Fostering Agency, the trust that ...": a predicate, not a reference
    best: tuple[int, Node] | None = None
    for anchor in reversed(before):
        if fits(anchor):
            best = (anchor.start, anchor.node)
            break
    for start, head, target in reversed(chain):
        if head == description.head and start < ref.start:
            if best is None or start > best[0]:
                best = (start, target)
            break
    if best is not None:
        return best[1]
    if distinctive(description, lex) or (
        ref.origin != DESCRIPTION and len(description.modifiers) >= 1
    ):
        kind = description.rule.type if description.rule else ref.type
        matches = corpus_anchors.matches(description, kind, lex)
        if len(matches) == 1:
            return ("name", kind, next(iter(matches)))
    if ref.origin != DESCRIPTION:
        for anchor in anchors:
            if anchor.start >= ref.end and fits(anchor):
                return anchor.node
    return None


def _person(
    resolver: _Pass,
    ref: Ref,
    people: list[Ref],
    people_here: PeopleIndex,
    corpus_people: PeopleIndex,
    corpus_anchors: NameIndex,
    one_word_types: Counter[tuple[str, tuple[str, ...]]],
    known_titles: Mapping[tuple[str, ...], frozenset[str]],
) -> Node | None:
    """The person a one-word name names: of the document's ``people``, else the corpus's.
    A title written with it ("Mr Whitby", "President Trump") keeps out the people it
    cannot be (``_titled_fits``), and so do initials before it ("A Hogg" is no Douglas
    Hogg)."""
    name = resolver.reading.name(ref)
    word = name.tokens[0]
    text = resolver.inp.texts[ref.document]
    written = written_title(text, ref.start, full_name=False)
    honorifics = (*name.honorifics, *written.honorifics)
    titles = written.titles | _titles_in(name.honorifics)
    wanted = gender(honorifics, resolver.inp.lex) or _title_gender(titles)
    initials = initials_before(text, ref.start) if not honorifics else ""

    def fitting(index: PeopleIndex) -> list[tuple[str, ...]]:
        across = index is corpus_people
        found = set_aside_juniors(index.candidates(word, wanted))
        if initials:
            # Across documents only bearers of the initial; within its document an
            # initial may choose among the document's bearers, never drop its own.
            initialled = [c for c in found if len(c) >= 2 and c[0][0] == initials[0]]
            found = initialled if initialled or across else found
        bearers = corpus_people.candidates(word, wanted)
        return _titled_fits(found, titles, known_titles, bearers, across=across)

    bridged = resolver.bridged
    candidates = fitting(people_here)
    if candidates:
        if not one_person(candidates, bridged):
            return None  # two people of the document share the name: keep apart
        matching = [a for a in people if resolver.reading.name(a).tokens in candidates]
        preceding = [a for a in matching if a.end <= ref.start]
        return (preceding[-1] if preceding else matching[0]).node
    candidates = fitting(corpus_people)
    # Whether some person of the corpus has the name at all, whatever the words before it
    # say: an organisation is the reading only where nobody does.
    anyone = set_aside_juniors(corpus_people.candidates(word, None))
    if (
        not name.honorifics
        and all(len(c) == 1 for c in anyone)
        and one_word_types[("ORG", name.tokens)] > one_word_types[("PERSON", name.tokens)]
    ):
        # No person of the corpus has a full name with the word, and the corpus calls it
        # an organisation more often than a person: "SEACOM said" is the company.
        return ("name", "ORG", name.tokens)
    if candidates and one_person(candidates, bridged):
        return ("name", "PERSON", max(candidates, key=lambda t: (len(t), t)))
    blended = BLEND.match(name.display)
    if not candidates and blended:
        # A nickname blending the first letters of a given name and a surname ("LiLo"
        # for Lindsay Lohan, "A-Rod"): the one person of the corpus it fits.
        given, family = (part.lower() for part in blended.groups())
        fits = [
            c
            for c in corpus_people.starting(given[0])
            if len(c) >= 2 and c[0].startswith(given) and surname(c).startswith(family)
        ]
        if fits and one_person(fits):
            full = max(fits, key=lambda t: (len(t), t))
            if _blend_attested(resolver.inp.texts, name.display, full):
                return ("name", "PERSON", full)
    if not anyone and not name.honorifics:
        # No person has the name, but one organisation ends in it: a team or company
        # the model took for a person ("the Colts" of "Indianapolis Colts").
        organisations = {t for t in corpus_anchors.ending_in("ORG", word) if len(t) >= 2}
        if len(organisations) == 1:
            return ("name", "ORG", next(iter(organisations)))
    return None


def _title_gender(titles: Iterable[str]) -> str | None:
    """ "f" or "m" when a title names one gender ("Congresswoman", "First Lady")."""
    genders = quote_lexicon().noun_gender
    found = {genders.get(t.split()[-1]) for t in titles} - {None}
    return short_gender(found.pop()) if len(found) == 1 else None


def _titled_fits(
    candidates: list[tuple[str, ...]],
    titles: frozenset[str],
    known_titles: Mapping[tuple[str, ...], frozenset[str]],
    bearers: Iterable[tuple[str, ...]],
    *,
    across: bool,
) -> list[tuple[str, ...]]:
    """The ``candidates`` a surname written with ``titles`` ("President Trump") may be:
    never a person the corpus knows only by a spouse's title ("First Lady Melania
    Trump"), which names the spouse of the office's holder. Across documents (``across``),
    where the corpus writes some bearer of the surname (``bearers``) with that title
    ("Secretary Hillary Clinton"), only such holders. Within its document the surname
    keeps its own bearer: people take a new office in the very article ("Captain Alun
    Jones was appointed coach. Coach Jones ...")."""
    if not titles:
        return candidates
    spouse = entity_words().titles.spouse

    def spouse_only(person: tuple[str, ...]) -> bool:
        known = known_titles.get(person, frozenset())
        return bool(known) and known <= spouse and not titles <= spouse

    kept = [c for c in candidates if not spouse_only(c)]
    holders = {c for c in bearers if known_titles.get(c, frozenset()) & titles}
    return [c for c in kept if c in holders] if across and holders else kept


_OPEN_QUOTE = "\"“‘'"
_CLOSE_QUOTE = "\"”’'"


def _blend_attested(texts: Mapping[str, str], blend: str, full: tuple[str, ...]) -> bool:
    """Does some document write ``blend`` as a nickname: in quotes ('"DeLo"'), or in
    apposition to the full name ("Dennis Lorne, or DeLo,", "DeLo (Dennis Lorne)")? A
    capitalised word that merely blends a name's letters ("DeLay said") is no evidence."""
    b = f"(?-i:{re.escape(blend)})"  # "DeLo", never "delo"
    f = r"\W+".join(map(re.escape, full))
    q_open, q_close = f"[{_OPEN_QUOTE}]", f"[{_CLOSE_QUOTE}]"
    pattern = re.compile(
        rf"{q_open}{b}{q_close}"
        rf"|\b{f}\s*[,(]\s*(?:(?:or|aka|a\.k\.a\.|known as|dubbed|nicknamed)\s+)?{q_open}?{b}\b"
        rf"|\b{b}{q_close}?\s*[,(]\s*{f}\b",
        re.IGNORECASE,
    )
    return any(blend in text and pattern.search(text) for text in texts.values())
