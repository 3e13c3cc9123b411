"""Attach: adding documents without redoing resolution, for the narrow class where the
result is known to be full resolution's (issue 17 item 2).

``runner._resolve`` runs it for a run that only adds documents, against the census
the last full resolution kept (``Store.save_census``), and stores full resolution's
result instead whenever it refuses; ``benchmarks/additions.py`` runs it beside full
resolution for every addition and exits 1 on any difference. Given an addition the
guards admit (``guards.check_addition``: no corpus-wide decision the stored documents
depend on flips, so every stored mention, quote and claim keeps its entity), ``attach``
computes the new documents' part of the resolution by the passes' own per-document
functions, and refuses (with the reason) whenever a step would need more than the
stored entities and the census:

- the new documents define no acronym the corpus uses, and their coordinations and
  descriptions make no reference (``references.gather``: a coordination whose halves
  are not both names of the corpus, a description whose head another reference
  covers): context links and long forms would need the corpus-wide linking;
- every new reference (mentions with the corpus's types, names the rescan finds in the
  new text with the corpus's names) is NER noise (``context.link_all`` drops it), joins
  by its name the one stored entity of that name (``Addition.joins``), or is a name the
  corpus lacks that no pair function joins to another name of the new documents: a new
  entity of its own references (a reference context may link elsewhere, an acronym
  the corpus may expand, such a pair, an id another entity shares: refused). Two links
  of context are followed, by context's own steps: a surname alone that its document
  decides (``context._person`` with no title or honorific written, a person of the
  document it may be) joins that person, and a full name the model typed otherwise
  joins the corpus's person of that name (voting PERSON);
- no role fact or title holder in a new document (``roles.find_roles`` is per document);
- each stored entity joined keeps its type, canonical name and id: every new reference
  it gets has its type and is written as its canonical name (one more vote for the
  winner, one more count for the name that scores best), and no other entity shares
  its id's stem (ids of entities of one name depend on the corpus's cluster order);
  it gains the new references' aliases, mentions and documents;
- every new quote's speaker and claim's subject is found by the span of a new reference
  (``SpeakerIndex.span_entity`` over the new documents); a look-up by name, a claim's
  speaker or a new job-title entity refuses;
- the names found in the new text (rescan, described mentions) are found by the passes'
  functions over the new documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter
from types import SimpleNamespace

from ..knowledge import NameLexicon as Lexicon
from ..knowledge import entity_words
from ..records import Claim, Entity, Quote
from .context import (
    _NOT_PERSON,
    _cut_short,
    _known_place_after_preposition,
    _person,
    _team_of_place,
    organisation_counts,
    person_gender,
    proper_people,
)
from .corpus import Resolution, _found_mentions
from .described import described_mentions, initials_before, written_title
from .descriptions import NameIndex, of_candidate
from .entities import _aliases, _canonical, _display, _type, entity_id
from .guards import Addition, Census, Verdict, _name_pairs, _nicknames, _region_pairs
from .inputs import ResolveInput
from .people import PeopleIndex, one_person, set_aside_juniors
from .reading import Reading
from .references import _halves
from .refs import MENTION, RESCAN, Ref, SpanIndex, by_document, majority_type, rescan
from .roles import apposition_roles, holders
from .speakers import SpeakerIndex
from .variants import spacing_pairs

_NO_COORDINATIONS = SimpleNamespace(absorbed={})  # what ``entities._aliases`` reads


def attach(
    stored: Census,
    before: Resolution,
    verdict: Verdict,
    quotes: Sequence[tuple[int, Quote]] = (),
    claims: Sequence[tuple[int, Claim]] = (),
    sentences: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    aliases: Collection[tuple[str, str]] = (),
) -> tuple[Resolution | None, str]:
    """Full resolution of the stored documents (``before``) and the new ones of
    ``verdict`` (their ``quotes``, ``claims`` and ``sentences``), or None and why not."""
    addition = verdict.addition
    if not verdict.admitted or addition is None:
        return None, f"guards: {verdict.first()}"
    if aliases:
        return None, "alias corrections (their groups name entities corpus-wide)"
    new, reading, lex = addition.new, addition.reading, stored.lex
    if addition.long_forms:
        return None, "an acronym defined (its long form is linked corpus-wide)"
    # The rescan of the new texts, for the corpus's names by their majority type.
    votes: dict[str, list[str]] = {d: list(t) for d, t in stored.rescan_types.items()}
    for display, types in addition.rescans.items():
        votes.setdefault(display, []).extend(types)
    taken = {doc: SpanIndex(refs) for doc, refs in by_document(addition.typed).items()}
    found = rescan(
        new.texts, {d: majority_type(t) for d, t in votes.items()}, taken, lex.function_words
    )
    why = _no_context_references(stored, addition, [*addition.typed, *found])
    if why:
        return None, why
    references = sorted([*addition.typed, *found], key=lambda r: r.node)
    why = _cut_or_team(stored, addition, references)
    if why:
        return None, why
    organisations = set(stored.organisations) | set(organisation_counts(references, reading))
    heads = entity_words().institution_heads
    joins: dict[Ref, str] = {}
    fresh: dict[tuple[str, tuple[str, ...]], list[Ref]] = defaultdict(list)
    linked_to: dict[Ref, Ref] = {}  # a surname alone -> the person of its document
    votes: dict[Ref, str] = {}  # the type a reference linked to a name votes for
    people = stored.people_tokens | {t for t, _ in proper_people(references, reading, lex)}
    for ref in references:
        name = reading.name(ref)
        if (
            ref.type in ("GPE", "OTHER", "PRODUCT")
            and len(name.tokens) == 1
            and name.tokens in reading.lowercase
        ):
            continue  # NER noise: it names nothing
        if ref.origin == MENTION and ref.type == "PERSON" and len(name.tokens) == 1:
            target = _person_of_document(ref, references, addition, lex)
            if target is None:
                return None, f"{ref.text!r}: a surname alone, linked in context"
            linked_to[ref] = target
            continue
        if ref.origin == MENTION:
            entity = addition.joins.get(ref)
            linkable = ref in addition.linked
            person = _typed_otherwise(ref, reading, people) if entity is None else None
            if person is not None and stored.node_entity.get(("PERSON", person)):
                # context links it to the person of that name, and it votes PERSON
                joins[ref] = stored.node_entity[("PERSON", person)]
                votes[ref] = "PERSON"
                continue
        else:  # a rescanned name: linked in context as a mention of its type would be
            linkable = (
                (ref.type == "PERSON" and len(name.tokens) == 1)
                or (ref.type == "ORG" and reading.common(ref))
                or (ref.type == "PERSON" and any(name.tokens + (h,) in organisations
                                                 for h in heads))
            )  # fmt: skip
            node = ("acr", (name.display,)) if name.acronym else (ref.type, name.tokens)
            entity = None if linkable else stored.node_entity.get(node)
        node = (ref.type, name.tokens)
        # A name the corpus lacks is joined by its name alone; a surname alone is linked
        # in context (to a new full name, as the guards leave it: no entity known).
        surname_alone = ref.type == "PERSON" and len(name.tokens) == 1
        if (
            entity is None
            and node in addition.fresh
            and not (linkable or name.acronym or surname_alone)
        ):
            fresh[node].append(ref)
            continue
        if entity is None:
            return None, f"{ref.text!r} may be linked in context, or is a new name"
        joins[ref] = entity
    why = _join_linked(linked_to, joins, fresh, addition)
    if why:
        return None, why
    new_names = {r for refs in fresh.values() for r in refs}
    for document, text in new.texts.items():
        live = [r for r in references if r.document == document and (r in joins or r in new_names)]
        people = [r for r in live if r.type == "PERSON" and reading.proper(r)]
        organisations_here = SpanIndex([r for r in live if r.type == "ORG"])
        titles = [r for r in live if r.type == "ROLE" and r.origin == MENTION]
        facts = apposition_roles(text, people, organisations_here, lex)
        if facts or holders(text, titles, people):
            return None, f"{document}: a role given to a person, or a title's holder"
    created, why = _new_entities(stored, before, addition, references, fresh)
    if why:
        return None, why
    updated, why = _updated_entities(before, joins, new, reading, stored.named_by_form, votes)
    if why:
        return None, why
    for entity, members in created:
        joins.update((r, entity.id) for r in members)
    spans = {doc: SpanIndex(refs) for doc, refs in by_document(joins).items()}
    index = SpeakerIndex(lex, spans, joins.get, analysed=new.names.cache)
    quote_speaker = dict(before.quote_speaker)
    for row, quote in quotes:
        speaker = index.span_entity(quote.document, quote.speaker_start, quote.speaker_end,
                                    quote.speaker_text, quote.speaker_label)  # fmt: skip
        if speaker is None and quote.speaker_text and quote.speaker_text.strip():
            return None, f"a speaker looked up by name ({quote.speaker_text!r})"
        if speaker:
            quote_speaker[row] = speaker
    claim_subject = dict(before.claim_subject)
    for row, claim in claims:
        subject = index.span_entity(
            claim.document, claim.subject_start, claim.subject_end, None, None
        )
        if subject is None and claim.subject_text and claim.subject_text.strip():
            return None, f"a claim's subject looked up by name ({claim.subject_text!r})"
        if claim.speaker:
            return None, f"a claim's speaker looked up by name ({claim.speaker!r})"
        if subject:
            claim_subject[row] = (subject, None)
    named = [(r, joins[r]) for r in references if r in joins and r.origin in (MENTION, RESCAN)]
    rescanned = [(r, e) for r, e in named if r.origin == RESCAN]
    described = described_mentions(new.texts, named, references)
    found_here = _found_mentions([*rescanned, *described], new.texts, sentences or {})
    mention_entity = dict(before.mention_entity)
    mention_entity.update((r.row, e) for r, e in joins.items() if r.origin == MENTION)
    entities = [*(updated.get(e.id, e) for e in before.entities), *(e for e, _ in created)]
    return Resolution(
        tuple(sorted(entities, key=lambda e: (e.type, e.name, e.id))),
        mention_entity,
        quote_speaker,
        claim_subject,
        # in document order, as ``resolve_corpus`` sorts them (each document's in order)
        tuple(sorted([*before.found_mentions, *found_here], key=lambda pair: pair[0].document)),
    ), ""


def _person_of_document(
    ref: Ref, references: Sequence[Ref], addition: Addition, lex: Lexicon
) -> Ref | None:
    """The reference of its document that ``context._person`` links a surname alone
    to, when that is decided by the document alone: no honorific or title written with
    it (they weigh the corpus's titles of people), a person of the document it may be
    (else the corpus decides). ``_person`` itself decides, with no corpus people."""
    reading, new = addition.reading, addition.new
    name = reading.name(ref)
    text = new.texts[ref.document]
    written = written_title(text, ref.start, full_name=False)
    if name.honorifics or written.honorifics or written.titles or initials_before(text, ref.start):
        return None
    here = sorted(
        (r for r in references if r.document == ref.document and reading.proper(r)
         and not _noise(r, reading)),
        key=attrgetter("start", "end", "node"),
    )  # fmt: skip
    people = [r for r in here if r.type == "PERSON"]
    people_here = PeopleIndex(
        (reading.name(r).tokens, person_gender(r, reading, lex, new.texts)) for r in people
    )
    # Bearers the document's text alone makes one person: so also with the corpus's
    # bridges between people's names (``one_person`` only gains pairs from them).
    if not one_person(set_aside_juniors(people_here.candidates(name.tokens[0], None))):
        return None
    nobody = PeopleIndex(())
    resolver = SimpleNamespace(inp=new, reading=reading, bridged=frozenset())  # ``_person`` reads
    target = _person(resolver, ref, people, people_here, nobody, NameIndex(()),  # type: ignore[arg-type]
                     Counter(), {})  # fmt: skip
    by_node = {r.node: r for r in people}
    found = by_node.get(target) if isinstance(target, tuple) else None
    return found if found is not None and found != ref else None


def _cut_or_team(stored: Census, addition: Addition, references: Sequence[Ref]) -> str:
    """Why a new mention may be linked as a name cut short or a team in a game's result
    (``context._cut_short``, ``_team_of_place``, run with the corpus's counts after the
    addition), or as a place ("Growers in Kent": ``_known_place_after_preposition``);
    "" when none is."""
    reading, new = addition.reading, addition.new
    organisations = Counter(stored.organisations) + organisation_counts(references, reading)
    people = Counter(stored.people_counts) + Counter(
        reading.name(r).tokens for r in references if r.type == "PERSON" and reading.proper(r)
    )
    written = frozenset({t for _, t in stored.names} | {reading.name(r).tokens for r in references})
    resolver = SimpleNamespace(reading=reading, inp=new)  # what they read of a pass
    for ref in references:
        if ref.origin != MENTION:
            continue
        text = new.texts[ref.document]
        if _cut_short(resolver, ref, text, organisations, people) or _team_of_place(  # type: ignore[arg-type]
            ref, reading.name(ref).tokens, text, organisations, people, written
        ):
            return f"{ref.text!r}: a name cut short, or a team in a game's result"
        if _known_place_after_preposition(ref, reading.name(ref), text):
            return f"{ref.text!r}: a country or region after a preposition of place"
    return ""


def _typed_otherwise(
    ref: Ref, reading: Reading, people: Collection[tuple[str, ...]]
) -> tuple[str, ...] | None:
    """The person a name of two words or more that the model typed otherwise is
    (``context._mislabelled_person``'s first step): the corpus's person of the same
    name, unless a company suffix ends it ("Julian Wooster Ltd"). None otherwise (its
    other steps read the corpus's people by surname)."""
    name = reading.name(ref)
    if ref.type not in _NOT_PERSON or name.acronym or len(name.tokens) < 2:
        return None
    if reading.common(ref) and ref.type == "ORG":
        return None  # a description, linked as one
    written = name.display.split()
    if written and written[-1].lower().rstrip(".") in entity_words().company_suffixes:
        return None
    return name.tokens if name.tokens in people else None


def _noise(ref: Ref, reading: Reading) -> bool:
    """NER noise ``context.link_all`` drops first: a one-word place or thing the corpus
    writes in lower case."""
    name = reading.name(ref)
    return (
        ref.type in ("GPE", "OTHER", "PRODUCT")
        and len(name.tokens) == 1
        and name.tokens in reading.lowercase
    )


def _join_linked(
    linked_to: Mapping[Ref, Ref],
    joins: dict[Ref, str],
    fresh: Mapping[tuple[str, tuple[str, ...]], list[Ref]],
    addition: Addition,
) -> str:
    """Each surname alone joins the entity of the person it is linked to (through other
    surnames alone linked in turn): a stored entity (the one the guards checked it
    against) or a new name's; "" when all do, else why not."""
    reading = addition.reading
    for ref in sorted(linked_to, key=lambda r: r.node):
        seen = {ref}
        end = linked_to[ref]
        while end in linked_to and end not in seen:
            seen.add(end)
            end = linked_to[end]
        if end in joins:
            if addition.joins.get(ref) != joins[end]:
                return f"{ref.text!r}: a surname alone the guards read otherwise"
            joins[ref] = joins[end]
            continue
        node = (end.type, reading.name(end).tokens)
        if end in linked_to or end not in fresh.get(node, ()) or addition.joins.get(ref):
            return f"{ref.text!r}: a surname alone, linked in context"
        fresh[node].append(ref)  # type: ignore[attr-defined]
    return ""


def _new_entities(
    stored: Census,
    before: Resolution,
    addition: Addition,
    references: Sequence[Ref],
    fresh: Mapping[tuple[str, tuple[str, ...]], list[Ref]],
) -> tuple[list[tuple[Entity, list[Ref]]], str]:
    """One entity per name the corpus lacks, built as ``entities.build_entities`` builds
    it; or why its cluster may hold more than the name's own references. Such a name
    shares no key a stored decision reads (the guards), so its cluster is its own
    references unless a pair function pairs it with another name of the new documents
    (compared within key blocks: the new documents' names hold its blocks' pairs)."""
    if not fresh:
        return [], ""
    reading, lex = addition.reading, stored.lex
    proper = [r for r in references if reading.proper(r)]
    paired: set[tuple[str, ...]] = set()
    for kind in ("PERSON", "ORG"):
        names = {reading.name(r).tokens for r in proper if r.type == kind}
        pairs = [*_name_pairs(kind, names, lex), spacing_pairs([(kind, t) for t in names])]
        paired |= _names_in(pairs)
    towns = {reading.name(r).display for r in proper if r.type == "GPE"}
    people = {reading.name(r).tokens for r in proper if r.type == "PERSON"}
    paired |= _names_in([_region_pairs(towns, reading), _nicknames(proper, reading, people, lex)])
    stems = {"-".join(e.id.split("-")[:2]) for e in before.entities}
    created: list[tuple[Entity, list[Ref]]] = []
    for (_, tokens), refs in sorted(fresh.items()):
        if tokens in paired:
            return [], f"{' '.join(tokens)!r}: a new name paired with another"
        members = sorted(refs, key=lambda r: r.node)
        if not any(r.origin == MENTION for r in members):
            return [], f"{' '.join(tokens)!r}: a new name found only by the rescan"
        kind = _type(members, {}, {})
        name = _canonical(addition.new, reading, _NO_COORDINATIONS, members, kind)  # type: ignore[arg-type]
        ident = entity_id(kind, name)
        if ident in stems:  # two entities of one name: their ids follow the cluster order
            return [], f"{name!r}: a new entity whose id another shares"
        stems.add(ident)
        entity = Entity(
            id=ident,
            name=name,
            type=kind,
            aliases=_aliases(addition.new, reading, _NO_COORDINATIONS, members),  # type: ignore[arg-type]
            mentions=len({r.row for r in members if r.origin == MENTION})
            + sum(r.origin == RESCAN for r in members),
            documents=tuple(sorted({r.document for r in members})),
        )
        created.append((entity, members))
    return created, ""


def _names_in(groups: Iterable[Iterable[tuple]]) -> set[tuple[str, ...]]:
    """The names (comparison tokens) of every pair in ``groups``."""
    found = set()
    for pairs in groups:
        for pair in pairs:
            for side in pair:
                typed = len(side) == 2 and isinstance(side[1], tuple)
                found.add(side[1] if typed else side)
    return found


def _no_context_references(stored: Census, addition: Addition, base: Sequence[Ref]) -> str:
    """Why the new documents' coordinations or descriptions would be references
    (``references.gather``), linked by context; "" when none is: a coordination whose
    halves are not both names of the corpus, a description whose head noun another
    reference covers."""
    reading = addition.reading
    proper_keys = set(stored.proper_keys) | {
        (r.type, reading.name(r).tokens)
        for r in addition.typed
        if r.type in ("ORG", "GPE") and reading.proper(r)
    }

    def known(kind: str, text: str) -> bool:
        return (kind, addition.new.names(text, kind).tokens) in proper_keys

    taken = {doc: SpanIndex(refs) for doc, refs in by_document(base).items()}
    for document, candidates in addition.new.candidates.items():
        for coordination in candidates.coordinations:
            if _halves(coordination, known) is not None:
                return f"{document}: a coordination of names ({coordination.first} ...)"
        for candidate in candidates.descriptions:
            description = of_candidate(candidate, stored.lex)
            head_start = description.end - len(description.text.split()[-1])
            if not (
                taken.get(document) and taken[document].overlapping(head_start, description.end)
            ):
                return f"{document}: a description ({description.text!r})"
    return ""


def _updated_entities(
    before: Resolution,
    joins: Mapping[Ref, str],
    new: ResolveInput,
    reading: Reading,
    named_by_form: Collection[str],
    votes: Mapping[Ref, str] | None = None,
) -> tuple[dict[str, Entity], str]:
    """The stored entities the new references join, as ``entities.build_entities``
    rebuilds them; or why that is not known from the stored records. An entity keeps its
    name when each new reference is written as it, or, for an entity whose name is
    chosen among its proper forms (``named_by_form``), when ``entities._canonical``
    prefers the name to the new form even counted twice against once (so the name wins
    on words, short forms and capitals, whatever the counts)."""
    by_id = {e.id: e for e in before.entities}
    members: dict[str, list[Ref]] = defaultdict(list)
    for ref, entity in joins.items():
        members[entity].append(ref)
    updated: dict[str, Entity] = {}
    for ident, refs in sorted(members.items()):
        old = by_id.get(ident)
        if old is None:
            return {}, f"{ident}: no stored entity"
        named = Ref(refs[0].document, 0, 0, old.name, old.type)
        for ref in refs:
            vote = (votes or {}).get(ref, ref.type)
            if vote != old.type:
                return {}, f"{ref.text!r} ({ref.type}) may change the type of {old.name!r}"
            if ref.type != old.type:
                continue  # ``_canonical`` counts only forms of the entity's type
            if _display(reading.name(ref)) != old.name and (
                ident not in named_by_form
                or _canonical(new, reading, _NO_COORDINATIONS, [ref, ref, named], old.type)  # type: ignore[arg-type]
                != old.name
            ):
                return {}, f"{ref.text!r} ({ref.type}) may rename {old.name!r}"
        stem = entity_id(old.type, old.name)
        if old.id != stem or any(other.startswith(stem + "-") for other in by_id):
            return {}, f"{old.name!r}: another entity has its id's stem"
        refs.sort(key=lambda r: r.node)
        forms = _aliases(new, reading, _NO_COORDINATIONS, refs)  # type: ignore[arg-type]
        updated[ident] = replace(
            old,
            aliases=tuple(sorted({*old.aliases, *forms}, key=lambda f: (f.lower(), f))),
            mentions=old.mentions
            + len({r.row for r in refs if r.origin == MENTION})
            + sum(r.origin == RESCAN for r in refs),
            documents=tuple(sorted({*old.documents, *(r.document for r in refs)})),
        )
    return updated, ""
