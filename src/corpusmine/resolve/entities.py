"""Pass 7: entities from the clusters (canonical name, type, aliases, roles,
affiliations, documents), and which entity each mention names.

Pass 8 (``speakers``) then names the entity behind each quote speaker and claim subject.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from types import MappingProxyType

from ..knowledge import entity_words
from ..records import Claim, Entity, Quote
from .clusters import ConstrainedUnion
from .context import Links
from .edges import Graph
from .inputs import ResolveInput
from .names import Name, straighten, strip_possessive
from .reading import Reading
from .references import References
from .refs import COORDINATION, DESCRIPTION, LONG_FORM, MENTION, RESCAN, Ref, majority_type
from .roles import Roles
from .speakers import SpeakerIndex

Node = Hashable


def entity_id(entity_type_name: str, name: str) -> str:
    """A stable id from type and canonical name."""
    digest = hashlib.sha1(f"{entity_type_name}:{name}".encode()).hexdigest()[:10]
    return f"{entity_type_name.lower()}-{digest}"


@dataclass(frozen=True)
class Entities:
    """The entities by cluster root, and the references each cluster holds."""

    by_root: Mapping[Node, Entity]
    live: tuple[Ref, ...]  # references kept (not dropped), in node order
    union: ConstrainedUnion

    def entity_of(self, ref: Ref) -> str | None:
        if ref.node not in self.union:
            return None
        entity = self.by_root.get(self.union.find(ref.node))
        return entity.id if entity else None

    def found_names(self) -> list[tuple[Ref, str]]:
        """Names the NER missed that the corpus names elsewhere (``rescan``), with their
        entity: they are stored as mentions of their own, so a reader sees every
        occurrence."""
        found = []
        for ref in self.live:
            if ref.origin == RESCAN:
                ident = self.entity_of(ref)
                if ident:
                    found.append((ref, ident))
        return found

    def named(self) -> list[tuple[Ref, str]]:
        """Every name written in the texts (stored and found mentions) with its entity."""
        found = []
        for ref in self.live:
            if ref.origin in (MENTION, RESCAN):
                ident = self.entity_of(ref)
                if ident:
                    found.append((ref, ident))
        return found

    def mention_entity(self) -> dict[int, str]:
        """Stored mention row -> entity id."""
        found = {}
        for ref in self.live:
            if ref.origin == MENTION and ref.row is not None:
                ident = self.entity_of(ref)
                if ident:
                    found[ref.row] = ident
        return found


def build_entities(
    inp: ResolveInput,
    reading: Reading,
    refs: References,
    links: Links,
    roles: Roles,
    graph: Graph,
    union: ConstrainedUnion,
) -> Entities:
    """One entity per cluster that holds at least one stored mention."""
    live = tuple(r for r in refs.all if r not in links.dropped and r.node in union)
    refs_of: dict[Node, list[Ref]] = defaultdict(list)  # root -> its references
    for ref in live:
        refs_of[union.find(ref.node)].append(ref)
    canonical_of = graph.groups.canonical_of
    group_root = {union.find(("group", g)): g for g in canonical_of if ("group", g) in union}
    entities: dict[Node, Entity] = {}
    used_ids: set[str] = set()
    for root in sorted(refs_of, key=repr):
        members = sorted(refs_of[root], key=attrgetter("node"))
        if not any(r.origin == MENTION for r in members):
            continue
        kind = _type(members, refs.absorbed, links.targets)
        name = group_root.get(root) or _canonical(inp, reading, refs, members, kind)
        ident = entity_id(kind, name)
        if ident in used_ids:  # two entities kept apart under one name
            digest = hashlib.sha1(repr([r.node for r in members[:3]]).encode()).hexdigest()[:6]
            ident = f"{ident}-{digest}"
        used_ids.add(ident)
        entities[root] = Entity(
            id=ident,
            name=name,
            type=kind,
            aliases=_aliases(inp, reading, refs, members),
            mentions=len({r.row for r in members if r.origin == MENTION})
            + sum(r.origin == RESCAN for r in members),
            documents=tuple(sorted({r.document for r in members})),
        )
    # Roles and affiliations, now that organisations have names.
    held: dict[Node, set[str]] = defaultdict(set)
    affiliations: dict[Node, set[str]] = defaultdict(set)
    for fact in roles.facts:
        person_root = union.find(fact.person.node)
        organisation = None
        if fact.organisation is not None and fact.organisation.node in union:
            org_entity = entities.get(union.find(fact.organisation.node))
            organisation = org_entity.name if org_entity else None
        held[person_root].add(fact.text(organisation))
        if organisation:
            affiliations[person_root].add(organisation)
    for role, person in roles.holders:
        held[union.find(person.node)].add(straighten(reading.name(role).display))
    for root, entity in list(entities.items()):
        if held.get(root) or affiliations.get(root):
            entities[root] = Entity(
                **{
                    **entity.__dict__,
                    "roles": _distinct(held.get(root, ())),
                    "affiliations": tuple(sorted(affiliations.get(root, ()))),
                }
            )
    return Entities(MappingProxyType(entities), live, union)


def _type(refs: list[Ref], absorbed: Mapping[Ref, Ref], targets: Mapping[Ref, Node]) -> str:
    """The majority type of the cluster's mentions; a mention linked in context to a
    name votes for that name's type ("the Colts", tagged PERSON, names a team)."""

    def vote(ref: Ref) -> str:
        target = targets.get(ref)
        if isinstance(target, tuple) and len(target) == 3 and target[0] == "name":
            return str(target[1])
        return ref.type

    votes = [vote(r) for r in refs if r.origin == MENTION and r not in absorbed]
    non_role = [t for t in votes if t != "ROLE"]
    return majority_type(non_role or votes or [r.type for r in refs])


def _canonical(
    inp: ResolveInput, reading: Reading, refs: References, members: list[Ref], kind: str
) -> str:
    """The fullest proper form: most words, no short forms, most frequent, then A-Z."""
    lex = inp.lex
    counts: dict[str, int] = defaultdict(int)
    for ref in members:
        if ref.type != kind or ref in refs.absorbed or ref.origin in (COORDINATION, DESCRIPTION):
            continue
        name = reading.name(ref)
        if not reading.proper(ref) and kind in ("ORG", "PERSON"):
            continue
        if name.acronym:
            continue
        counts[_display(name)] += 1
    if not counts:
        for ref in members:
            if ref.origin in (MENTION, RESCAN, LONG_FORM) and ref.type == kind:
                counts[_display(reading.name(ref))] += 1
    if not counts:
        counts[_display(reading.name(members[0]))] += 1

    def initialled(display: str) -> bool:
        # 'B. Hussein Obama' written once is one writer's form of 'Barack Obama' written
        # often: a form opening with an initial loses to a more frequent form of the same
        # surname that spells the given name out ('J. Robert Oppenheimer' kept when it is
        # the usual form).
        words = display.split()
        if len(words) < 2 or len(words[0].rstrip(".")) != 1:
            return False
        return any(
            len(other.split()) >= 2
            and len(other.split()[0].rstrip(".")) > 1
            and other.split()[-1] == words[-1]
            and counts[other] > counts[display]
            for other in counts
        )

    def score(display: str) -> tuple[int, int, int, int, int, int, str]:
        words = display.split()
        short = sum(strip_possessive(w).lower().rstrip(".") in lex.short_forms for w in words)
        capitalised = sum(w[:1].isupper() for w in words)
        initials = sum(len(w.rstrip(".")) == 1 for w in words)
        return (initialled(display), -len(words), short + initials, -capitalised,
                -counts[display], -len(display), display)  # fmt: skip

    return min(counts, key=score)


def _aliases(
    inp: ResolveInput, reading: Reading, refs: References, members: list[Ref]
) -> tuple[str, ...]:
    forms: set[str] = set()
    title_phrases = entity_words().titles.phrases
    for ref in members:
        if ref in refs.absorbed or ref.origin == COORDINATION:
            continue
        surface = straighten(ref.text)
        forms.add(surface)
        text = inp.texts[ref.document]
        # Forms as written around the span: "Cllr Fiona Baker", "Children's Trust's".
        after = straighten(text[ref.end : ref.end + 2])
        if after == "'s" and ref.origin != DESCRIPTION:
            forms.add(surface + "'s")
        if ref.type == "PERSON":
            forms.add(_display(reading.name(ref)))
            before = straighten(text[max(0, ref.start - 16) : ref.start]).split()
            if (
                before
                and before[-1].rstrip(".").lower() in inp.lex.honorifics
                and tuple(w.lower() for w in before[-2:]) not in title_phrases
            ):  # "Mrs Jane Smith", not "lady Melania Trump" of "First Lady"
                forms.add(f"{before[-1]} {surface}")
    return tuple(sorted(forms, key=lambda f: (f.lower(), f)))


@dataclass(frozen=True)
class Speakers:
    """Pass 8's product: quote row -> speaker id, claim row -> (subject, speaker) ids,
    and ROLE entities made for job titles no mention names."""

    quote_speaker: Mapping[int, str]
    claim_subject: Mapping[int, tuple[str | None, str | None]]
    extra: Mapping[str, Entity]


def attribute(
    inp: ResolveInput,
    reading: Reading,
    roles: Roles,
    entities: Entities,
    quotes: Sequence[tuple[int, Quote]],
    claims: Sequence[tuple[int, Claim]],
) -> Speakers:
    """The entity behind each quote's speaker and each claim's subject and speaker."""
    extra: dict[str, Entity] = {}
    entity_of: Callable[[Ref], str | None] = entities.entity_of
    role_entities = {}
    for entity in entities.by_root.values():
        if entity.type == "ROLE":
            role_entities[inp.names(entity.name, "ROLE").key] = entity.id
    holder_ids = {}
    for role, person in roles.holders:
        ident = entity_of(person)
        if ident:
            holder_ids[(role.document, reading.name(role).key)] = ident

    def new_role(title: str, document: str) -> str:
        ident = entity_id("ROLE", title)
        if ident in extra:
            old = extra[ident]
            docs = tuple(sorted({*old.documents, document}))
            extra[ident] = Entity(**{**old.__dict__, "documents": docs})
        else:
            extra[ident] = Entity(ident, title, "ROLE", (title,), (), 0, (document,))
        return ident

    index = SpeakerIndex.build(
        inp.lex,
        entities.live,
        entity_of,
        role_entities=role_entities,
        holders=holder_ids,
        new_role=new_role,
        analysed=inp.names.cache,
    )
    quote_speaker: dict[int, str] = {}
    for row, quote in sorted(quotes, key=lambda q: (q[1].document, q[1].start, q[0])):
        found = index.find(quote.document, quote.speaker_start, quote.speaker_end,
                           quote.speaker_text, quote.speaker_label)  # fmt: skip
        if found:
            quote_speaker[row] = found
    claim_subject: dict[int, tuple[str | None, str | None]] = {}
    for row, claim in sorted(claims, key=lambda c: (c[1].document, c[1].start, c[0])):
        subject = index.find(claim.document, claim.subject_start, claim.subject_end,
                             claim.subject_text, None)  # fmt: skip
        speaker = index.find(claim.document, -1, -1, claim.speaker, None) if claim.speaker else None
        if subject or speaker:
            claim_subject[row] = (subject, speaker)
    return Speakers(quote_speaker, claim_subject, extra)


def _distinct(roles: Iterable[str]) -> tuple[str, ...]:
    """Roles without case variants; the capitalised title wins ("Chief Executive")."""
    best: dict[str, str] = {}
    for role in sorted(roles):  # capitals sort first
        best.setdefault(role.lower(), role)
    return tuple(sorted(best.values(), key=lambda r: (r.lower(), r)))


def _display(name: Name) -> str:
    return straighten(name.display)
