"""Passes 1-2: the definitions in use, the lower-case reading, and every reference.

``used_definitions`` keeps the stored acronym definitions of acronyms the mentions use;
``read_names`` finds which names the corpus also writes in lower case; ``gather``
adds to the mentions the references resolution makes itself: long forms of acronyms,
names the NER missed elsewhere (``refs.rescan``), both halves of coordinations and
definite descriptions, from the candidate references extract stored.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from operator import attrgetter
from types import MappingProxyType

from ..knowledge import entity_words, place_words
from ..records import Coordination, Definition
from .descriptions import Description, of_candidate
from .inputs import ResolveInput
from .lowercase import lowercase_documents
from .names import entity_type
from .reading import Reading
from .refs import (
    COORDINATION,
    DESCRIPTION,
    LONG_FORM,
    Ref,
    SpanIndex,
    by_document,
    majority_type,
    rescan,
)

# Phrases (comparison tokens) -> how many documents write each in lower case.
LowercaseCounts = Callable[[Collection[tuple[str, ...]]], Mapping[tuple[str, ...], int]]

# A phrase is common (not a name) when the texts writing it in lower case are more than
# a quarter of those that write it as a mention.
LOWERCASE_SHARE = 4


@dataclass(frozen=True)
class References:
    """Every reference of the corpus (``all``, in node order) and how some were made."""

    all: tuple[Ref, ...]
    by_doc: Mapping[str, tuple[Ref, ...]]  # in node order
    definitions: Mapping[tuple[str, str], Definition]  # (document, short) -> definition
    long_forms: Mapping[tuple[str, str], Ref]  # (document, short) -> its long form
    absorbed: Mapping[Ref, Ref]  # mention inside a coordination -> the first half
    descriptions: Mapping[Ref, Description]


def _one_word_name(display: str) -> bool:
    """A single word written as a name: a capital, then lower-case letters (not an
    all-capital headline word, which ``acronym`` covers when it is one)."""
    return (
        " " not in display
        and len(display) >= 3
        and display[0].isupper()
        and display[1:].replace("-", "").replace("'", "").isalpha()
        and not display[1:].isupper()
    )


def used_definitions(inp: ResolveInput) -> dict[tuple[str, str], Definition]:
    """The first definition per (document, acronym) of every acronym used as a mention."""
    used = {inp.name(r).display for r in inp.mentions if inp.name(r).acronym}
    definitions: dict[tuple[str, str], Definition] = {}
    for doc, candidates in inp.candidates.items():
        for definition in candidates.definitions:
            if definition.short in used:
                definitions.setdefault((doc, definition.short), definition)
    return definitions


def read_names(
    inp: ResolveInput,
    definitions: Mapping[tuple[str, str], Definition],
    lowercase_counts: LowercaseCounts | None = None,
) -> Reading:
    """Which of the corpus's names (and defined long forms) occur in lower case.

    ``lowercase_counts`` (phrases -> how many documents of the corpus write each in lower
    case) is a keyed look-up such as ``Store.lowercase_counts``; without it every text
    of the input is scanned (``lowercase.lowercase_documents``), with the same answer."""
    wanted = {
        inp.name(r).tokens for r in inp.mentions if r.type in ("ORG", "PERSON", "GPE", "OTHER")
    }
    wanted |= {inp.names(d.long, "ORG").tokens for d in definitions.values()}
    if lowercase_counts is None:
        lower = lowercase_documents(inp.texts.values(), wanted, inp.lex)
    else:
        lower = dict(lowercase_counts(wanted))
    capitalised: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in inp.mentions:
        capitalised[inp.name(r).tokens].add(r.document)
    counts = {phrase: len(documents) for phrase, documents in capitalised.items()}
    return Reading(inp.names, common_phrases(lower, counts))


def common_phrases(
    lower: Mapping[tuple[str, ...], int], capitalised: Mapping[tuple[str, ...], int]
) -> frozenset[tuple[str, ...]]:
    """The phrases read as common noun phrases: written in lower case (``lower``: phrase
    -> documents) in over a quarter as many documents as have a mention of it
    (``capitalised``). One writer's lower case ("land teixeira ...") does not make a name
    common when many more documents capitalise it."""
    return frozenset(
        phrase
        for phrase, count in lower.items()
        if count * LOWERCASE_SHARE > capitalised.get(phrase, 0)
    )


def gather(
    inp: ResolveInput, definitions: Mapping[tuple[str, str], Definition], reading: Reading
) -> References:
    """The mentions plus long forms, rescanned names, coordinations and descriptions."""
    name = reading.name
    mentions = organisations_by_corpus(inp, reading)
    taken = {doc: SpanIndex(refs) for doc, refs in by_document(mentions).items()}
    acronym_types: dict[str, list[str]] = defaultdict(list)
    for ref in mentions:
        if name(ref).acronym:
            acronym_types[name(ref).display].append(ref.type)
    # Long forms of acronyms, unless a mention already covers them.
    long_forms: dict[tuple[str, str], Ref] = {}
    long_refs: list[Ref] = []
    for (doc, short), definition in sorted(definitions.items()):
        kind = majority_type(acronym_types[short])
        covering = [
            r
            for r in taken.get(doc, SpanIndex(())).overlapping(
                definition.long_start, definition.long_end
            )
            if name(r).tokens == inp.names(definition.long, kind).tokens
        ]
        if covering:
            long_forms[(doc, short)] = covering[0]
            continue
        ref = Ref(doc, definition.long_start, definition.long_end, definition.long, kind, LONG_FORM)
        long_forms[(doc, short)] = ref
        long_refs.append(ref)
    # Names the NER missed elsewhere ("Northamptonshire's Children's Trust's").
    names: dict[str, list[str]] = defaultdict(list)
    for ref in mentions + long_refs:
        analysed = name(ref)
        if ref.type not in ("ORG", "PERSON"):
            continue
        if len(analysed.display.split()) >= 2 and analysed.display[0].isupper() or analysed.acronym:
            names[analysed.display].append(ref.type)
        elif _one_word_name(analysed.display) and not reading.common(ref):
            # One capitalised word ("Colts", "Gigante") the corpus never writes in lower
            # case; ``rescan`` takes it only standing alone (not inside a longer name).
            names[analysed.display].append(ref.type)
    taken = {doc: SpanIndex(refs) for doc, refs in by_document(mentions + long_refs).items()}
    found = rescan(
        inp.texts, {d: majority_type(t) for d, t in names.items()}, taken, inp.lex.function_words
    )
    # Coordinations: "West and North Northants Council".
    proper_keys = {
        (r.type, name(r).tokens) for r in mentions if r.type in ("ORG", "GPE") and reading.proper(r)
    }

    def known(kind: str, text: str) -> bool:
        return (kind, inp.names(text, kind).tokens) in proper_keys

    coordinated: list[Ref] = []
    absorbed: dict[Ref, Ref] = {}
    mentions_by_doc = by_document(mentions)
    for doc, candidates in inp.candidates.items():
        mentions_here = SpanIndex(mentions_by_doc.get(doc, ()))
        for coordination in candidates.coordinations:
            halves = _halves(coordination, known)
            if halves is None:
                continue
            first, second = halves
            coordinated.append(first)
            for mention in mentions_here.overlapping(first.start, first.end):
                if mention.end <= second.start:
                    absorbed[mention] = first
            if not mentions_here.overlapping(second.start, second.end):
                coordinated.append(second)
    base = mentions + long_refs + found + coordinated
    # Definite descriptions not inside any other reference.
    taken = {doc: SpanIndex(refs) for doc, refs in by_document(base).items()}
    described: list[Ref] = []
    descriptions: dict[Ref, Description] = {}
    for doc, candidates in inp.candidates.items():
        for candidate in candidates.descriptions:
            description = of_candidate(candidate, inp.lex)
            # Skip it when another reference covers its head noun ("the Fostering
            # Service" is a mention); a possessor may be one ("Northamptonshire's").
            head_start = description.end - len(description.text.split()[-1])
            if taken.get(doc) and taken[doc].overlapping(head_start, description.end):
                continue
            ref = Ref(doc, description.start, description.end, description.text,
                      description.rule.type, DESCRIPTION)  # type: ignore[union-attr]  # fmt: skip
            descriptions[ref] = description
            described.append(ref)
    every = tuple(sorted(base + described, key=attrgetter("node")))
    by_doc = by_document(every)
    return References(
        all=every,
        by_doc=MappingProxyType({doc: tuple(refs) for doc, refs in by_doc.items()}),
        definitions=MappingProxyType(dict(definitions)),
        long_forms=MappingProxyType(long_forms),
        absorbed=MappingProxyType(absorbed),
        descriptions=MappingProxyType(descriptions),
    )


def _weak_types() -> frozenset[str]:
    """The entity types of the model's weak labels (models/entities.yaml weak_labels)."""
    types = (entity_type(label) for label in entity_words().weak_labels)
    return frozenset(t for t in types if t is not None)


def organisations_by_corpus(inp: ResolveInput, reading: Reading) -> list[Ref]:
    """The mentions, with a name typed PRODUCT or OTHER given the type the corpus names
    it with: an ORG or GPE written with the same words (the more frequent of the two),
    or (not a PRODUCT) the last word of exactly one organisation's longer name in its own
    document ("the Chargers" OTHER beside "San Diego Chargers" ORG; "Mt Cook" FAC, "Mt
    Cook" GPE). A one-word ORG the corpus also tags as a place is that place where it is
    written as one: after "near", or as an address's town ("Newton Street, Millom").
    All are reached by the name's own key (NAME, or WORD of its one word)."""
    strong = Counter(
        (r.type, inp.names(r.text, "ORG").tokens)
        for r in inp.mentions
        if r.type in ("ORG", "GPE") and reading.proper(r)
    )
    # Last words per document: "the Chargers" is the team only where its document names
    # "San Diego Chargers"; a product is never retyped so ("Echo" beside "Liverpool Echo").
    last_words: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for r in inp.mentions:
        if r.type == "ORG" and reading.proper(r):
            tokens = inp.names(r.text, "ORG").tokens
            if len(tokens) >= 2:
                last_words[(r.document, tokens[-1])].add(tokens)
    out = []
    weak = _weak_types()
    for ref in inp.mentions:
        if ref.type in weak and not inp.name(ref).acronym:
            tokens = inp.names(ref.text, "ORG").tokens
            org, place = strong[("ORG", tokens)], strong[("GPE", tokens)]
            if tokens and (org or place):
                ref = replace(ref, type="ORG" if org >= place else "GPE")
            elif (
                ref.type != "PRODUCT"
                and len(tokens) == 1
                and len(last_words[(ref.document, tokens[0])]) == 1
            ):
                ref = replace(ref, type="ORG")
        elif ref.type == "ORG" and not inp.name(ref).acronym:
            tokens = inp.names(ref.text, "ORG").tokens
            if (
                len(tokens) == 1
                and strong[("GPE", tokens)]
                and _written_as_place(inp.texts[ref.document], ref.start, ref.end)
            ):
                ref = replace(ref, type="GPE")
        out.append(ref)
    return out


_WORD_BEFORE = re.compile(r"(\w+)(,?)[ \t]+$")


def _written_as_place(text: str, start: int, end: int) -> bool:
    """Is the name at ``start``-``end`` written as a place: just after a preposition of
    being near one ("near Millom"), or after a street's name and a comma ("Newton
    Street, Millom")? Never a possessive: "near Horton's home" is the person's."""
    if text[end : end + 2] in ("'s", "’s") or text[end : end + 1] in ("'", "’"):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word, comma = before.group(1).lower(), before.group(2)
    places = place_words()
    return word in places.streets if comma else word in places.inside


def _halves(coordination: Coordination, known) -> tuple[Ref, Ref] | None:  # noqa: ANN001
    """Both halves of "West and North Northants Council" / "North and West
    Northamptonshire Councils" when each expands to a name ``known(type, text)``:
    the longest run of the shared words that does, singular or as written."""
    words = coordination.tail.split()
    ends = [coordination.tail_start + m for m in _word_ends(coordination.tail)]
    for j in range(len(words), 0, -1):
        rest = words[:j]
        singular = rest[:-1] + [rest[-1][:-1] if rest[-1].endswith("s") else rest[-1]]
        for tail in (rest, singular):
            first = " ".join([coordination.first, *tail])
            second = " ".join([coordination.second, *tail])
            kinds = [k for k in ("ORG", "GPE") if known(k, first) and known(k, second)]
            if kinds:
                doc = coordination.document
                return (
                    Ref(doc, coordination.first_start, coordination.first_end, first, kinds[0],
                        COORDINATION),
                    Ref(doc, coordination.second_start, ends[j - 1], second, kinds[0],
                        COORDINATION),
                )  # fmt: skip
    return None


def _word_ends(chunk: str) -> list[int]:
    ends, inside = [], False
    for i, char in enumerate(chunk):
        if char.isspace():
            if inside:
                ends.append(i)
            inside = False
        else:
            inside = True
    if inside:
        ends.append(len(chunk))
    return ends
