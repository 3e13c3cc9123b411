"""Pass 6: evidence edges between references, names and acronyms, then the clustering.

Nodes: every reference; ``("name", type, tokens)`` for a name; ``("acr", document or
"*", short)`` for an acronym as used in one document or across the corpus;
``("group", canonical)`` for a user alias group. ``evidence_edges`` returns the edges
(each with its ``Evidence``) and the constraints; ``cluster`` applies them, strongest
first, in a union-find that refuses to merge distinct full names.

The corpus-wide edges are found within blocks of a name key: truncations by head word,
person variants by surname, fuzzy pairs by all-but-one word, letter matches by first
letter; a new document's edges touch only the blocks of its names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..knowledge import entity_words
from .clusters import ConstrainedUnion, FullName
from .context import Links
from .evidence import Evidence
from .expansions import Expansions
from .inputs import ResolveInput
from .names import given_nickname
from .people import initial_bridges, people_compatible, two_bearers, variant_pairs
from .reading import Reading
from .references import References
from .refs import COORDINATION, DESCRIPTION, Ref
from .roles import Roles
from .variants import (
    extension_pairs,
    fuzzy_pairs,
    names_region,
    region_pairs,
    spacing_key,
    spacing_pairs,
    truncation_pairs,
)

Node = Hashable
NameKey = tuple[str, tuple[str, ...]]  # (type, comparison tokens)


@dataclass(frozen=True)
class UserGroups:
    """The aliases file: names (by type-free and person keys) -> canonical name."""

    members: Mapping[NameKey, str]
    canonical_of: Mapping[str, str]

    def group_of(self, reading: Reading, ref: Ref) -> str | None:
        if not self.members:
            return None
        kind = "PERSON" if ref.type == "PERSON" else "ORG"
        return self.members.get((kind, reading.name(ref).tokens)) or self.members.get(
            ("ORG", reading.names(ref.text, "ORG").tokens)
        )


def user_groups(inp: ResolveInput) -> UserGroups:
    members: dict[NameKey, str] = {}
    canonical_of: dict[str, str] = {}
    for canonical, alias in inp.aliases:
        canonical_of[canonical] = canonical
        for text in (canonical, alias):
            for kind in ("ORG", "PERSON"):
                members.setdefault((kind, inp.names(text, kind).tokens), canonical)
    return UserGroups(MappingProxyType(members), MappingProxyType(canonical_of))


@dataclass(frozen=True)
class Edge:
    evidence: Evidence
    a: Node
    b: Node


@dataclass(frozen=True)
class Graph:
    """Nodes with their full names (the cannot-link constraints), and the edges."""

    nodes: tuple[tuple[Node, FullName | None, str | None], ...]  # node, full name, group
    edges: tuple[Edge, ...]  # in the order they are applied
    fuzzy: frozenset[tuple[NameKey, NameKey]]  # spelling variants, compatible full names
    groups: UserGroups
    # People's full names a third name joins ("William Mark Felt" / "Mark Felt" beside
    # "W. Mark Felt": ``people.initial_bridges``) or a nickname given in the full name
    # ("Luis Gerardo (Jerry) Ortiz" / "Jerry Ortiz"), compatible too.
    bridged: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] = frozenset()


def evidence_edges(
    inp: ResolveInput,
    reading: Reading,
    refs: References,
    expansions: Expansions,
    links: Links,
    roles: Roles,
) -> Graph:
    """Every piece of evidence between nodes, and each node's full name."""
    name = reading.name
    groups = user_groups(inp)
    nodes: list[tuple[Node, FullName | None, str | None]] = []
    organisations = {name(r).tokens for r in refs.all if r.type == "ORG" and reading.proper(r)}
    truncations = truncation_pairs(organisations)
    truncated_ends = {short for short, _ in truncations}
    ref_docs: dict[NameKey, set[str]] = defaultdict(set)
    for ref in refs.all:
        ref_docs[(ref.type, name(ref).tokens)].add(ref.document)
    # A name that is also a truncation's full name has two readings: leave it alone. A
    # place or maker alone is the longer name only in a document that writes both
    # ("Leeds" is the city where no document names the "Leeds Rhinos" beside it).
    extensions = [
        (short, full)
        for short, full in extension_pairs(organisations, entity_words().company_suffixes)
        if short not in truncated_ends
        and full not in {f for _, f in truncations}
        and ref_docs[("ORG", short)] & ref_docs[("ORG", full)]
    ]
    truncations += extensions
    truncated = {short for short, _ in truncations}

    def full_name(ref: Ref) -> FullName | None:
        analysed = name(ref)
        if not reading.proper(ref) or analysed.acronym or ref.origin == COORDINATION:
            return None
        if ref.type == "PERSON" and len(analysed.tokens) >= 2:
            return ("PERSON", analysed.tokens)
        if ref.type == "ORG" and analysed.tokens not in truncated:
            return ("ORG", analysed.tokens)
        return None

    edges: list[tuple[Evidence, Node, Node]] = []
    pinned: set[Ref] = set()
    for ref in refs.all:
        if ref in links.dropped:
            continue
        nodes.append((ref.node, None, None))
        group = groups.group_of(reading, ref)
        if group is not None:
            pinned.add(ref)
            nodes.append((("group", group), ("*", inp.names(group, "ORG").tokens), group))
            edges.append((Evidence.USER_ALIAS, ref.node, ("group", group)))
    for ref in refs.all:
        if ref in links.dropped or ref in pinned:
            continue
        analysed = name(ref)
        # A name context says stands for another entity ("Teixeira" typed ORG, for Mark
        # Teixeira) is not a full name of its own.
        full = full_name(ref) if ref not in links.targets else None
        if ref in refs.absorbed:
            edges.append((Evidence.COORDINATED, ref.node, refs.absorbed[ref].node))
        elif ref in links.targets:
            edges.append((Evidence.CONTEXT, ref.node, links.targets[ref]))
        elif analysed.acronym and ref.origin != DESCRIPTION:
            defined = (ref.document, analysed.display) in refs.definitions
            scope = ref.document if defined else "*"
            edges.append((Evidence.ACRONYM, ref.node, ("acr", scope, analysed.display)))
        elif ref.origin != DESCRIPTION:
            node = ("name", ref.type, analysed.tokens)
            nodes.append((node, full, None))
            edges.append((Evidence.SAME_NAME, ref.node, node))
        if full is not None:
            nodes.append((ref.node, full, None))
    meanings: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for (_, short), long_ref in refs.long_forms.items():
        meanings[short].add(name(long_ref).tokens)
    for (doc, short), long_ref in sorted(refs.long_forms.items()):
        edges.append((Evidence.DEFINED, ("acr", doc, short), long_ref.node))
        # An acronym used without a definition means what the corpus defines it as,
        # unless documents define it differently: then it is ambiguous.
        if len(meanings[short]) == 1:
            edges.append((Evidence.CORPUS_ACRONYM, ("acr", "*", short), ("acr", doc, short)))
    for short, tokens in sorted(expansions.letter_match.items()):
        edges.append((Evidence.LETTERS, ("acr", "*", short), ("name", "ORG", tokens)))
    # An acronym the corpus never expands that is a one-word name written in capitals
    # ("SEACOM" and "Seacom", "NASA" and "Nasa").
    proper_words = {
        name(r).tokens
        for r in refs.all
        if r.type == "ORG"
        and reading.proper(r)
        and not name(r).acronym
        and len(name(r).tokens) == 1
    }
    for short in sorted({name(r).display for r in refs.all if name(r).acronym}):
        tokens = (short.lower(),)
        if (
            short not in meanings
            and short not in expansions.letter_match
            and tokens in proper_words
        ):
            edges.append((Evidence.CASE_VARIANT, ("acr", "*", short), ("name", "ORG", tokens)))
    for short, full in truncations:
        edges.append((Evidence.TRUNCATION, ("name", "ORG", short), ("name", "ORG", full)))
    gpe = [r for r in refs.all if r.type == "GPE" and reading.proper(r)]
    written_with_region = [
        (inp.names(name(r).display.split(",")[0], "GPE").tokens, name(r).tokens)
        for r in gpe
        if "," in name(r).display
    ]
    bare = [name(r).tokens for r in gpe if "," not in name(r).display]
    bare_docs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in gpe:
        if "," not in name(r).display:
            bare_docs[name(r).tokens].add(r.document)
    for town, full in region_pairs(written_with_region, bare):
        # The town alone is that town only where its documents name the region too: a
        # "Boston" of a marathon report is not "Boston, Lincolnshire" of another.
        region = full[len(town) :]
        if all(names_region(inp.texts[d], region) for d in sorted(bare_docs[town])):
            edges.append((Evidence.TRUNCATION, ("name", "GPE", town), ("name", "GPE", full)))
    people = {name(r).tokens for r in refs.all if r.type == "PERSON" and reading.proper(r)}
    bridges = initial_bridges(people)  # one-word names join no bridge: the same pairs
    for a, b in variant_pairs(people, bridges):
        edges.append((Evidence.PERSON_VARIANT, ("name", "PERSON", a), ("name", "PERSON", b)))
    # "Luis Gerardo (Jerry) Ortiz" is the "Jerry Ortiz" the corpus writes (WORD key of the
    # surname): the name he goes by, given in the full name.
    nicknamed = set()
    for ref in refs.all:
        if ref.type == "PERSON" and reading.proper(ref) and len(name(ref).tokens) >= 2:
            goes_by = given_nickname(ref.text, inp.lex)
            if goes_by and goes_by in people and goes_by != name(ref).tokens:
                nicknamed.add((name(ref).tokens, goes_by))
    for a, b in sorted(nicknamed):
        edges.append((Evidence.PERSON_VARIANT, ("name", "PERSON", a), ("name", "PERSON", b)))
    proper_names = sorted(
        {(r.type, name(r).tokens) for r in refs.all if r.type in ("ORG", "PERSON") and full_name(r)}
    )
    for a, b in spacing_pairs(proper_names):
        edges.append((Evidence.SPACING, ("name", *a), ("name", *b)))
    documents = {k: frozenset(v) for k, v in ref_docs.items()}
    fuzzy: set[tuple[NameKey, NameKey]] = set()
    for a, b in fuzzy_pairs(proper_names, documents, inp.lex):
        fuzzy.add((a, b))
        edges.append((Evidence.FUZZY, ("name", *a), ("name", *b)))
    for role, person in roles.holders:
        if role not in pinned:
            edges.append((Evidence.ROLE_HOLDER, role.node, person.node))
    ordered = sorted(edges, key=lambda e: (e[0].rank, repr(e[1]), repr(e[2])))
    return Graph(
        nodes=tuple(nodes),
        edges=tuple(Edge(*e) for e in ordered),
        fuzzy=frozenset(fuzzy),
        groups=groups,
        bridged=bridges | {p for a, b in nicknamed for p in ((a, b), (b, a))},
    )


def cluster(graph: Graph) -> ConstrainedUnion:
    """Apply the graph's edges in order; the union-find keeps distinct full names apart."""
    group_names = {tokens: canonical for (_, tokens), canonical in graph.groups.members.items()}
    fuzzy, bridged = graph.fuzzy, graph.bridged

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
        if spacing_key(x[1]) == spacing_key(y[1]):
            return True
        if x[0] == "PERSON" and (x[1], y[1]) in bridged:
            return True
        return x[0] == "PERSON" and people_compatible(x[1], y[1]) and not two_bearers(x[1], y[1])

    union = ConstrainedUnion(compatible)
    for node, full, group in graph.nodes:
        union.add(node, full_name=full, group=group)
    for edge in graph.edges:
        union.union(edge.a, edge.b, why=edge.evidence.value)
    return union
