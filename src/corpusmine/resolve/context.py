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
from collections.abc import Hashable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from .descriptions import Description, NameIndex, compatible, description_of_name, distinctive
from .people import PeopleIndex, gender, one_person
from .refs import DESCRIPTION, Ref

if TYPE_CHECKING:
    from .corpus import _Resolver

Node = Hashable
_APPOSITION = re.compile(r"\s*,\s*")


@dataclass
class Links:
    """Context links: reference -> node it names; references that name nothing."""

    targets: dict[Ref, Node] = field(default_factory=dict)
    dropped: set[Ref] = field(default_factory=set)


def link_all(resolver: _Resolver) -> Links:
    """Context links for every document of ``resolver``."""
    links = Links()
    lex = resolver.lex
    # NER noise first: it must not serve as an antecedent.
    for ref in resolver.all_refs:
        name = resolver.name(ref)
        if (
            ref.type in ("GPE", "OTHER", "PRODUCT")
            and len(name.tokens) == 1
            and name.tokens in resolver.lowercase
            and ref not in resolver.absorbed
        ):
            links.dropped.add(ref)
    corpus_anchors = NameIndex(
        sorted(
            {
                (r.type, resolver.reference_name(r).tokens)
                for r in resolver.all_refs
                if resolver.proper(r)
                and r not in links.dropped
                and r.type != "PERSON"
                and not resolver.name(r).acronym  # an acronym counts through its long form
            }
        )
    )
    corpus_people = PeopleIndex(
        sorted(
            {
                (resolver.name(r).tokens, gender(resolver.name(r).honorifics, lex))
                for r in resolver.all_refs
                if r.type == "PERSON" and resolver.proper(r)
            },
            # Gender is None when no gendered title was used: sort it before "f"/"m".
            key=lambda person: (person[0], person[1] or ""),
        )
    )
    for document in sorted(resolver.by_doc):
        _link_document(resolver, document, corpus_anchors, corpus_people, links)
    return links


def _link_document(
    resolver: _Resolver,
    document: str,
    corpus_anchors: NameIndex,
    corpus_people: PeopleIndex,
    links: Links,
) -> None:
    lex = resolver.lex
    text = resolver.texts[document]
    refs = sorted(resolver.by_doc[document], key=attrgetter("start", "end", "node"))
    anchors = [
        r
        for r in refs
        if resolver.proper(r) and r not in links.dropped and r not in resolver.absorbed
    ]
    people = [a for a in anchors if a.type == "PERSON"]
    people_here = PeopleIndex(
        (resolver.name(a).tokens, gender(resolver.name(a).honorifics, lex)) for a in people
    )
    chain: list[tuple[int, str, Node]] = []  # (start, head noun, target) of linked descriptions
    for ref in refs:
        if ref in links.dropped or ref in resolver.absorbed:
            continue
        name = resolver.name(ref)
        description: Description | None = None
        if ref.origin == DESCRIPTION:
            description = resolver.descriptions[ref]
        elif ref.type == "ORG" and resolver.common(ref):
            description = description_of_name(name, ref.start, ref.end, lex)
        if description is not None:
            target = _antecedent(resolver, ref, description, anchors, chain, corpus_anchors, text)
            if target is not None:
                links.targets[ref] = target
                chain.append((ref.start, description.head, target))
            elif ref.origin == DESCRIPTION:
                links.dropped.add(ref)
            continue
        if ref.type == "PERSON" and len(name.tokens) == 1 and not name.acronym:
            target = _person(resolver, ref, people, people_here, corpus_people)
            if target is not None:
                links.targets[ref] = target
            elif name.tokens in resolver.lowercase:
                links.dropped.add(ref)


def _antecedent(
    resolver: _Resolver,
    ref: Ref,
    description: Description,
    anchors: list[Ref],
    chain: list[tuple[int, str, Node]],
    corpus_anchors: NameIndex,
    text: str,
) -> Node | None:
    lex = resolver.lex

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
    resolver: _Resolver,
    ref: Ref,
    people: list[Ref],
    people_here: PeopleIndex,
    corpus_people: PeopleIndex,
) -> Node | None:
    """The person a one-word name names: of the document's ``people``, else the corpus's."""
    name = resolver.name(ref)
    word = name.tokens[0]
    wanted = gender(name.honorifics, resolver.lex)
    candidates = people_here.candidates(word, wanted)
    if candidates:
        if not one_person(candidates):
            return None  # two people of the document share the name: keep apart
        matching = [a for a in people if resolver.name(a).tokens in candidates]
        preceding = [a for a in matching if a.end <= ref.start]
        return (preceding[-1] if preceding else matching[0]).node
    candidates = corpus_people.candidates(word, wanted)
    if candidates and one_person(candidates):
        return ("name", "PERSON", max(candidates, key=lambda t: (len(t), t)))
    return None
