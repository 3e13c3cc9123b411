"""resolve_corpus: every stage of resolution, from mentions to entities.

1. References: the stored mentions, plus names the NER missed, acronym long forms,
   both halves of coordinations and definite descriptions (``refs``).
2. Context: one-word person names, common-noun "names" ("the Fostering Service") and
   descriptions ("the trust") are linked to an antecedent in their document (``context``).
3. Evidence edges between references, names and acronyms, strongest first, applied by a
   union-find that refuses to merge distinct full names (``clusters``).
4. Entities: canonical name, aliases, roles, affiliations, documents; then quote
   speakers and claim subjects (``speakers``).

Nothing here depends on the order documents or mentions arrive in: every collection
is sorted by document id and offset before it is used.
"""

from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter

from ..records import Claim, Entity, Mention, Quote
from . import context
from .acronyms import Definition, InitialsIndex, find_definitions
from .clusters import ConstrainedUnion, FullName
from .evidence import lowercase_phrases
from .lexicon import Lexicon, lexicon
from .names import Name, analyse, entity_type, straighten, strip_possessive
from .people import people_compatible, variant_pairs
from .refs import (
    COORDINATION,
    DESCRIPTION,
    LONG_FORM,
    MENTION,
    RESCAN,
    Ref,
    SpanIndex,
    coordinations,
    majority_type,
    rescan,
)
from .roles import RoleFact, apposition_roles, holders
from .speakers import SpeakerIndex
from .variants import fuzzy_pairs, truncation_pairs

Node = Hashable


@dataclass(frozen=True)
class Resolution:
    """Entities, and which entity each mention, quote speaker and claim subject names."""

    entities: tuple[Entity, ...]
    mention_entity: Mapping[int, str]
    quote_speaker: Mapping[int, str] = field(default_factory=dict)
    claim_subject: Mapping[int, tuple[str | None, str | None]] = field(default_factory=dict)


def entity_id(entity_type_name: str, name: str) -> str:
    """A stable id from type and canonical name."""
    digest = hashlib.sha1(f"{entity_type_name}:{name}".encode()).hexdigest()[:10]
    return f"{entity_type_name.lower()}-{digest}"


def resolve_corpus(
    texts: Mapping[str, str],
    mentions: Sequence[tuple[int, Mention]],
    quotes: Sequence[tuple[int, Quote]] = (),
    claims: Sequence[tuple[int, Claim]] = (),
    aliases: Iterable[tuple[str, str]] = (),
) -> Resolution:
    """Merge ``mentions`` into entities; see the module docstring."""
    with _cyclic_gc_paused():
        return _Resolver(texts, mentions, tuple(aliases), lexicon()).run(quotes, claims)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Resolution builds hundreds of thousands of small objects that form no reference
    cycles and live until it ends; the cyclic collector's passes over them find nothing
    and cost about a fifth of the run on a large corpus. Reference counting still frees
    memory as usual; the collector is restored (and catches up) afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Resolver:
    def __init__(
        self,
        texts: Mapping[str, str],
        mentions: Sequence[tuple[int, Mention]],
        aliases: tuple[tuple[str, str], ...],
        lex: Lexicon,
    ) -> None:
        self.lex = lex
        self.texts = {doc: texts[doc] for doc in sorted(texts)}
        self.aliases = aliases
        self._names: dict[tuple[str, str], Name] = {}
        self._proper: dict[tuple[str, str, str], bool] = {}
        self.refs: list[Ref] = []
        for row, mention in mentions:
            kind = entity_type(mention.label)
            if kind is None:
                continue
            surface = straighten(mention.text)
            if not surface or surface.lower() in lex.not_entities:
                continue
            if mention.document not in self.texts:
                continue
            self.refs.append(
                Ref(mention.document, mention.start, mention.end, mention.text, kind, MENTION, row)
            )
        self.refs.sort(key=lambda r: (r.node, r.row if r.row is not None else -1))

    # --- helpers ---------------------------------------------------------------------

    def name(self, ref: Ref | tuple[str, str]) -> Name:
        key = (ref.text, ref.type) if isinstance(ref, Ref) else ref
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = analyse(key[0], key[1], self.lex)
        return name

    def common(self, ref: Ref) -> bool:
        """Is the ref's name a common noun phrase (used in lower case in the corpus)?"""
        name = self.name(ref)
        return not name.acronym and name.tokens in self.lowercase

    def proper(self, ref: Ref) -> bool:
        """A reference that names its entity by a proper name (an antecedent candidate)."""
        key = (ref.text, ref.type, ref.origin)  # all it depends on, with the corpus
        if key not in self._proper:
            self._proper[key] = self._is_proper(ref)
        return self._proper[key]

    def _is_proper(self, ref: Ref) -> bool:
        name = self.name(ref)
        if ref.origin == DESCRIPTION or ref.type == "ROLE" or not name.tokens:
            return False
        if ref.type == "ORG" and self.common(ref):
            return False
        return not (ref.type == "PERSON" and len(name.tokens) < 2)

    # --- the stages ------------------------------------------------------------------

    def run(
        self, quotes: Sequence[tuple[int, Quote]], claims: Sequence[tuple[int, Claim]]
    ) -> Resolution:
        lex = self.lex
        wanted = {
            self.name(r).tokens for r in self.refs if r.type in ("ORG", "PERSON", "GPE", "OTHER")
        }
        self._definitions()
        wanted |= {self.name((d.long, "ORG")).tokens for d in self.definitions.values()}
        self.lowercase = lowercase_phrases(self.texts.values(), wanted, lex)
        self._pseudo_refs()
        self.by_doc: dict[str, list[Ref]] = defaultdict(list)
        for ref in self.all_refs:
            self.by_doc[ref.document].append(ref)
        self._acronym_expansions()
        links = context.link_all(self)
        self.dropped = links.dropped
        self.targets = links.targets
        self.role_facts, self.role_holders = self._roles_and_holders()
        union = self._cluster()
        return self._entities(union, quotes, claims)

    def _definitions(self) -> None:
        """Acronym definitions of every acronym used as a mention."""
        used = {self.name(r).display for r in self.refs if self.name(r).acronym}
        self.definitions: dict[tuple[str, str], Definition] = {}
        for doc, text in self.texts.items():
            for definition in find_definitions(doc, text, self.lex):
                if definition.short in used:
                    self.definitions.setdefault((doc, definition.short), definition)

    def _pseudo_refs(self) -> None:
        lex = self.lex
        taken = {doc: SpanIndex(refs) for doc, refs in _group(self.refs).items()}
        acronym_types: dict[str, list[str]] = defaultdict(list)
        for ref in self.refs:
            if self.name(ref).acronym:
                acronym_types[self.name(ref).display].append(ref.type)
        # Long forms of acronyms, unless a mention already covers them.
        self.long_forms: dict[tuple[str, str], Ref] = {}
        long_refs: list[Ref] = []
        for (doc, short), definition in sorted(self.definitions.items()):
            kind = majority_type(acronym_types[short])
            covering = [
                r
                for r in taken.get(doc, SpanIndex(())).overlapping(
                    definition.long_start, definition.long_end
                )
                if self.name(r).tokens == self.name((definition.long, kind)).tokens
            ]
            if covering:
                self.long_forms[(doc, short)] = covering[0]
                continue
            ref = Ref(
                doc, definition.long_start, definition.long_end, definition.long, kind, LONG_FORM
            )
            self.long_forms[(doc, short)] = ref
            long_refs.append(ref)
        # Names the NER missed elsewhere ("Northamptonshire's Children's Trust's").
        names: dict[str, list[str]] = defaultdict(list)
        for ref in self.refs + long_refs:
            name = self.name(ref)
            if ref.type not in ("ORG", "PERSON"):
                continue
            if len(name.display.split()) >= 2 and name.display[0].isupper() or name.acronym:
                names[name.display].append(ref.type)
        taken = {doc: SpanIndex(refs) for doc, refs in _group(self.refs + long_refs).items()}
        found = rescan(self.texts, {d: majority_type(t) for d, t in names.items()}, taken)
        # Coordinations: "West and North Northants Council".
        proper_keys = {
            (r.type, self.name(r).tokens)
            for r in self.refs
            if r.type in ("ORG", "GPE") and self.proper(r)
        }

        def known(kind: str, text: str) -> bool:
            return (kind, self.name((text, kind)).tokens) in proper_keys

        coordinated: list[Ref] = []
        self.absorbed: dict[Ref, Ref] = {}
        mentions_by_doc = _group(self.refs)
        for doc, text in self.texts.items():
            mentions_here = SpanIndex(mentions_by_doc.get(doc, ()))
            for first, second in coordinations(doc, text, known):
                coordinated.append(first)
                for mention in mentions_here.overlapping(first.start, first.end):
                    if mention.end <= second.start:
                        self.absorbed[mention] = first
                if not mentions_here.overlapping(second.start, second.end):
                    coordinated.append(second)
        base = self.refs + long_refs + found + coordinated
        # Definite descriptions not inside any other reference.
        taken = {doc: SpanIndex(refs) for doc, refs in _group(base).items()}
        from .descriptions import find_descriptions

        described: list[Ref] = []
        self.descriptions = {}
        for doc, text in self.texts.items():
            for description in find_descriptions(text, lex):
                if description.rule is None:
                    continue
                # Skip it when another reference covers its head noun ("the Fostering
                # Service" is a mention); a possessor may be one ("Northamptonshire's").
                head_start = description.end - len(description.text.split()[-1])
                if taken.get(doc) and taken[doc].overlapping(head_start, description.end):
                    continue
                ref = Ref(doc, description.start, description.end, description.text,
                          description.rule.type, DESCRIPTION)  # fmt: skip
                self.descriptions[ref] = description
                described.append(ref)
        self.all_refs = sorted(base + described, key=attrgetter("node"))

    def _acronym_expansions(self) -> None:
        """What each acronym stands for: per defining document, and corpus-wide."""
        lex = self.lex
        self.expansion: dict[tuple[str, str], Name] = {}
        for (doc, short), ref in self.long_forms.items():
            self.expansion[(doc, short)] = self.name(ref)
        # Full proper ORG names, for letter matching of undefined acronyms.
        self.full_orgs: dict[tuple[str, ...], Name] = {}
        for ref in self.all_refs:
            name = self.name(ref)
            if (
                ref.type == "ORG"
                and self.proper(ref)
                and not name.acronym
                and len(name.tokens) >= 2
            ):
                current = self.full_orgs.get(name.tokens)
                if current is None or (name.display, name.surface) < (
                    current.display,
                    current.surface,
                ):
                    self.full_orgs[name.tokens] = name
        shorts = sorted({self.name(r).display for r in self.all_refs if self.name(r).acronym})
        self.letter_match: dict[str, tuple[str, ...]] = {}
        definitions: dict[str, list[tuple[str, str]]] = {}
        for key in self.expansion:
            definitions.setdefault(key[1], []).append(key)
        index = InitialsIndex(
            ((tokens, name.display) for tokens, name in sorted(self.full_orgs.items())), lex
        )
        for short in shorts:
            keys = definitions.get(short, [])
            defined = {self.expansion[k].tokens for k in keys}
            if len(defined) == 1:
                self.expansion[("*", short)] = self.expansion[min(keys)]
                continue
            if defined:
                continue
            matches = index.matches(short)
            if len(matches) == 1:
                self.letter_match[short] = matches[0]
                self.expansion[("*", short)] = self.full_orgs[matches[0]]

    def reference_name(self, ref: Ref) -> Name:
        """The name an antecedent is compared by: an acronym's expansion, else its own."""
        name = self.name(ref)
        if name.acronym:
            return self.expansion.get((ref.document, name.display)) or self.expansion.get(
                ("*", name.display), name
            )
        return name

    def _roles_and_holders(self) -> tuple[list[RoleFact], list[tuple[Ref, Ref]]]:
        facts: list[RoleFact] = []
        pairs: list[tuple[Ref, Ref]] = []
        for doc, refs in sorted(self.by_doc.items()):
            text = self.texts[doc]
            live = [r for r in refs if r not in self.dropped]
            people = [r for r in live if r.type == "PERSON" and self.proper(r)]
            organisations = SpanIndex(
                [
                    r
                    for r in live
                    if r.type == "ORG" and (r.origin != DESCRIPTION or r in self.targets)
                ]
            )
            facts += apposition_roles(text, people, organisations, self.lex)
            titles = [r for r in live if r.type == "ROLE" and r.origin == MENTION]
            pairs += holders(text, titles, people)
        return facts, pairs

    # --- clustering ------------------------------------------------------------------

    def _user_groups(self) -> tuple[dict[tuple[str, tuple[str, ...]], str], dict[str, str]]:
        """Alias-file names -> canonical name, matched by type-free and person keys."""
        members: dict[tuple[str, tuple[str, ...]], str] = {}
        canonical_of: dict[str, str] = {}
        for canonical, alias in self.aliases:
            canonical_of[canonical] = canonical
            for text in (canonical, alias):
                for kind in ("ORG", "PERSON"):
                    members.setdefault((kind, self.name((text, kind)).tokens), canonical)
        return members, canonical_of

    def _cluster(self) -> ConstrainedUnion:
        lex = self.lex
        members, _ = self._user_groups()
        group_names = {tokens: canonical for (_, tokens), canonical in members.items()}
        fuzzy: set[tuple[FullName, FullName]] = set()

        def compatible(x: FullName, y: FullName) -> bool:
            gx, gy = group_names.get(x[1]), group_names.get(y[1])
            if gx and gx == gy:
                return True
            if "*" in (x[0], y[0]):
                return x[1] == y[1]
            if x[0] != y[0]:
                return False
            if x[1] == y[1] or (x, y) in fuzzy or (y, x) in fuzzy:
                return True
            return x[0] == "PERSON" and people_compatible(x[1], y[1])

        union = ConstrainedUnion(compatible)
        self.union = union
        # Names that are full proper names: the cannot-link constraints.
        truncations = truncation_pairs(
            {self.name(r).tokens for r in self.all_refs if r.type == "ORG" and self.proper(r)}
        )
        truncated = {short for short, _ in truncations}
        ref_docs: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
        for ref in self.all_refs:
            ref_docs[(ref.type, self.name(ref).tokens)].add(ref.document)

        def full_name(ref: Ref) -> FullName | None:
            name = self.name(ref)
            if not self.proper(ref) or name.acronym or ref.origin == COORDINATION:
                return None
            if ref.type == "PERSON" and len(name.tokens) >= 2:
                return ("PERSON", name.tokens)
            if ref.type == "ORG" and name.tokens not in truncated:
                return ("ORG", name.tokens)
            return None

        edges: list[tuple[int, Node, Node]] = []
        pinned: set[Ref] = set()
        for ref in self.all_refs:
            if ref in self.dropped:
                continue
            union.add(ref.node)
            group = self._group_of(ref, members)
            if group is not None:
                pinned.add(ref)
                union.add(
                    ("group", group), full_name=("*", self.name((group, "ORG")).tokens), group=group
                )
                edges.append((0, ref.node, ("group", group)))
        for ref in self.all_refs:
            if ref in self.dropped or ref in pinned:
                continue
            name = self.name(ref)
            full = full_name(ref)
            if ref in self.absorbed:
                edges.append((1, ref.node, self.absorbed[ref].node))
            elif ref in self.targets:
                edges.append((3, ref.node, self.targets[ref]))
            elif name.acronym and ref.origin != DESCRIPTION:
                scope = ref.document if (ref.document, name.display) in self.definitions else "*"
                edges.append((2, ref.node, ("acr", scope, name.display)))
            elif ref.origin != DESCRIPTION:
                node = ("name", ref.type, name.tokens)
                union.add(node, full_name=full)
                edges.append((1, ref.node, node))
            if full is not None:
                union.add(ref.node, full_name=full)
        meanings: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for (_, short), long_ref in self.long_forms.items():
            meanings[short].add(self.name(long_ref).tokens)
        for (doc, short), long_ref in sorted(self.long_forms.items()):
            edges.append((2, ("acr", doc, short), long_ref.node))
            # An acronym used without a definition means what the corpus defines it as,
            # unless documents define it differently: then it is ambiguous.
            if len(meanings[short]) == 1:
                edges.append((4, ("acr", "*", short), ("acr", doc, short)))
        for short, tokens in sorted(self.letter_match.items()):
            edges.append((4, ("acr", "*", short), ("name", "ORG", tokens)))
        for short, full in truncations:
            edges.append((5, ("name", "ORG", short), ("name", "ORG", full)))
        people = {
            self.name(r).tokens for r in self.all_refs if r.type == "PERSON" and self.proper(r)
        }
        for a, b in variant_pairs(people):
            edges.append((5, ("name", "PERSON", a), ("name", "PERSON", b)))
        proper_names = sorted(
            {
                (r.type, self.name(r).tokens)
                for r in self.all_refs
                if r.type in ("ORG", "PERSON") and full_name(r)
            }
        )
        documents = {k: frozenset(v) for k, v in ref_docs.items()}
        for a, b in fuzzy_pairs(proper_names, documents, lex):
            fuzzy.add((a, b))
            edges.append((6, ("name", *a), ("name", *b)))
        for role, person in self.role_holders:
            if role not in pinned:
                edges.append((3, role.node, person.node))
        for tier, a, b in sorted(edges, key=lambda e: (e[0], repr(e[1]), repr(e[2]))):
            union.union(a, b, why=f"tier {tier}")
        return union

    def _group_of(self, ref: Ref, members: Mapping[tuple[str, tuple[str, ...]], str]) -> str | None:
        if not members:
            return None
        kind = "PERSON" if ref.type == "PERSON" else "ORG"
        return members.get((kind, self.name(ref).tokens)) or members.get(
            ("ORG", self.name((ref.text, "ORG")).tokens)
        )

    # --- entities --------------------------------------------------------------------

    def _entities(
        self,
        union: ConstrainedUnion,
        quotes: Sequence[tuple[int, Quote]],
        claims: Sequence[tuple[int, Claim]],
    ) -> Resolution:
        live = [r for r in self.all_refs if r not in self.dropped and r.node in union]
        refs_of: dict[Node, list[Ref]] = defaultdict(list)  # root -> its references
        for ref in live:
            refs_of[union.find(ref.node)].append(ref)
        _, canonical_of = self._user_groups()
        group_root = {union.find(("group", g)): g for g in canonical_of if ("group", g) in union}
        entities: dict[Node, Entity] = {}
        used_ids: set[str] = set()
        for root in sorted(refs_of, key=repr):
            refs = sorted(refs_of[root], key=attrgetter("node"))
            if not any(r.origin == MENTION for r in refs):
                continue
            kind = self._type(refs)
            name = group_root.get(root) or self._canonical(refs, kind)
            ident = entity_id(kind, name)
            if ident in used_ids:  # two entities kept apart under one name
                digest = hashlib.sha1(repr([r.node for r in refs[:3]]).encode()).hexdigest()[:6]
                ident = f"{ident}-{digest}"
            used_ids.add(ident)
            entities[root] = Entity(
                id=ident,
                name=name,
                type=kind,
                aliases=self._aliases(refs),
                mentions=len({r.row for r in refs if r.origin == MENTION}),
                documents=tuple(sorted({r.document for r in refs})),
            )
        # Roles and affiliations, now that organisations have names.
        roles: dict[Node, set[str]] = defaultdict(set)
        affiliations: dict[Node, set[str]] = defaultdict(set)
        for fact in self.role_facts:
            person_root = union.find(fact.person.node)
            organisation = None
            if fact.organisation is not None and fact.organisation.node in union:
                org_entity = entities.get(union.find(fact.organisation.node))
                organisation = org_entity.name if org_entity else None
            roles[person_root].add(fact.text(organisation))
            if organisation:
                affiliations[person_root].add(organisation)
        for role, person in self.role_holders:
            roles[union.find(person.node)].add(straighten(self.name(role).display))
        for root, entity in list(entities.items()):
            if roles.get(root) or affiliations.get(root):
                entities[root] = Entity(
                    **{
                        **entity.__dict__,
                        "roles": _distinct(roles.get(root, ())),
                        "affiliations": tuple(sorted(affiliations.get(root, ()))),
                    }
                )

        def entity_of(ref: Ref) -> str | None:
            if ref.node not in union:
                return None
            entity = entities.get(union.find(ref.node))
            return entity.id if entity else None

        mention_entity = {}
        for ref in live:
            if ref.origin == MENTION and ref.row is not None:
                ident = entity_of(ref)
                if ident:
                    mention_entity[ref.row] = ident
        quote_speaker, claim_subject, extra = self._speakers(
            live, entities, entity_of, union, quotes, claims
        )
        ordered = sorted(
            [*entities.values(), *extra.values()], key=lambda e: (e.type, e.name, e.id)
        )
        return Resolution(tuple(ordered), mention_entity, quote_speaker, claim_subject)

    def _type(self, refs: list[Ref]) -> str:
        votes = [r.type for r in refs if r.origin == MENTION and r not in self.absorbed]
        non_role = [t for t in votes if t != "ROLE"]
        return majority_type(non_role or votes or [r.type for r in refs])

    def _canonical(self, refs: list[Ref], kind: str) -> str:
        """The fullest proper form: most words, no short forms, most frequent, then A-Z."""
        lex = self.lex
        counts: dict[str, int] = defaultdict(int)
        for ref in refs:
            if (
                ref.type != kind
                or ref in self.absorbed
                or ref.origin in (COORDINATION, DESCRIPTION)
            ):
                continue
            name = self.name(ref)
            if not self.proper(ref) and kind in ("ORG", "PERSON"):
                continue
            if name.acronym:
                continue
            counts[_display(name)] += 1
        if not counts:
            for ref in refs:
                if ref.origin in (MENTION, RESCAN, LONG_FORM) and ref.type == kind:
                    counts[_display(self.name(ref))] += 1
        if not counts:
            counts[_display(self.name(refs[0]))] += 1

        def score(display: str) -> tuple[int, int, int, int, int, str]:
            words = display.split()
            short = sum(strip_possessive(w).lower().rstrip(".") in lex.short_forms for w in words)
            capitalised = sum(w[:1].isupper() for w in words)
            initials = sum(len(w.rstrip(".")) == 1 for w in words)
            return (
                -len(words),
                short + initials,
                -capitalised,
                -counts[display],
                -len(display),
                display,
            )

        return min(counts, key=score)

    def _aliases(self, refs: list[Ref]) -> tuple[str, ...]:
        forms: set[str] = set()
        for ref in refs:
            if ref in self.absorbed or ref.origin == COORDINATION:
                continue
            surface = straighten(ref.text)
            forms.add(surface)
            text = self.texts[ref.document]
            # Forms as written around the span: "Cllr Fiona Baker", "Children's Trust's".
            after = straighten(text[ref.end : ref.end + 2])
            if after == "'s" and ref.origin != DESCRIPTION:
                forms.add(surface + "'s")
            if ref.type == "PERSON":
                forms.add(_display(self.name(ref)))
                before = straighten(text[max(0, ref.start - 16) : ref.start]).split()
                if before and before[-1].rstrip(".").lower() in self.lex.honorifics:
                    forms.add(f"{before[-1]} {surface}")
        return tuple(sorted(forms, key=lambda f: (f.lower(), f)))

    def _speakers(
        self,
        live: list[Ref],
        entities: dict[Node, Entity],
        entity_of,  # noqa: ANN001 - a local closure
        union: ConstrainedUnion,
        quotes: Sequence[tuple[int, Quote]],
        claims: Sequence[tuple[int, Claim]],
    ) -> tuple[dict[int, str], dict[int, tuple[str | None, str | None]], dict[str, Entity]]:
        extra: dict[str, Entity] = {}
        role_entities = {}
        for entity in entities.values():
            if entity.type == "ROLE":
                role_entities[self.name((entity.name, "ROLE")).key] = entity.id
        holder_ids = {}
        for role, person in self.role_holders:
            ident = entity_of(person)
            if ident:
                holder_ids[(role.document, self.name(role).key)] = ident

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
            self.lex,
            live,
            entity_of,
            role_entities=role_entities,
            holders=holder_ids,
            new_role=new_role,
            analysed=self._names,
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
            speaker = (
                index.find(claim.document, -1, -1, claim.speaker, None) if claim.speaker else None
            )
            if subject or speaker:
                claim_subject[row] = (subject, speaker)
        return quote_speaker, claim_subject, extra


def _distinct(roles: Iterable[str]) -> tuple[str, ...]:
    """Roles without case variants; the capitalised title wins ("Chief Executive")."""
    best: dict[str, str] = {}
    for role in sorted(roles):  # capitals sort first
        best.setdefault(role.lower(), role)
    return tuple(sorted(best.values(), key=lambda r: (r.lower(), r)))


def _display(name: Name) -> str:
    return straighten(name.display)


def _group(refs: Iterable[Ref]) -> dict[str, list[Ref]]:
    out: dict[str, list[Ref]] = defaultdict(list)
    for ref in refs:
        out[ref.document].append(ref)
    return out
