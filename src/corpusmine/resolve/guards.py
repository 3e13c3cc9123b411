"""Guards for adding documents: can the new documents change how the stored ones resolve?

A run that only adds documents could keep every stored document's resolution and
resolve the new ones against it, but only if no corpus-wide decision the stored
documents depend on flips. Each guard here is a sufficient condition for one kind of
decision to stay as it was, checked from the stored per-key state (``Census``) and the
new documents' own records; any doubt fails the guard. The guards run cheapest first:

1. ``lowercase``: the lower-case reading of every stored phrase the new documents write
   (in lower case, or as a mention) is unchanged (``references.common_phrases``).
2. ``types``: every type vote the new mentions join gives the same winner: the
   corpus's ORG / GPE reading of a name (``organisations_by_corpus``), an acronym's
   type, a rescanned name's type, a one-word name's ORG-or-PERSON count, the count
   choosing between two institutions named after one person.
3. ``names``: every name a new document brings that the corpus does not have (type and
   tokens; a person's with the gender of its title) shares no name key a stored
   decision reads. Every corpus-wide comparison is blocked by a key (``keys``): a WORD
   key is read by a stored one-word name of the word and by the pair functions of its
   block (compared with and without the name), LETTERS by a stored acronym, BLEND by a
   stored one-word nickname, SPACING by a stored full name; NAME always.
4. ``pairs``: no two stored names that a document writing both pulls apart or joins
   are written together (fuzzy people, extensions, towns with a region, nicknames).
5. ``acronyms``: the new documents neither define an acronym the corpus uses or
   defines (its corpus-wide expansion could change) nor use one the corpus defines but
   never uses (its stored definitions would start to count).
6. ``descriptions``: no stored definite description is compatible with a new name
   (one "specific enough" description names the one compatible entity of the corpus).
7. ``coordinations``: no stored coordination asks for a new name ("West and North
   Northants Council" is split only when both halves are names of the corpus).
8. ``rescan``: no new name is written in a stored text (resolution would find it there
   as a mention), and no stored nickname ("LiLo") is written in a new text (its
   attestation is read from every text).
9. ``holders``: no stored job title gets a holder in a new document (the title's
   stored references would join the person, in an order full resolution may not keep).
10. ``speakers``: no key a stored quote or claim may look its speaker up by
    (``SpeakerIndex.find``: "the one entity of the corpus with the key") is added to an
    entity by a new reference that context may link elsewhere.
11. ``cut``: no count a stored mention's reading as a name cut short or a team in a
    game's result looked up changes (``context._cut_short``, ``_team_of_place``).

A new reference of a stored name otherwise attaches, as a leaf, to its name's cluster;
its entity is touched and rebuilt, never another one.

The guards are the measured gate of issue 17 item 2 (``benchmarks/additions.py``
checks that every addition they admit resolves the stored documents exactly as full
resolution does). ``runner`` takes the census at every full resolution from that
resolution's own passes (``Passes``) and keeps it in the store (``dump_census``,
``load_census``) for the next run that adds documents.
"""

from __future__ import annotations

import io
import pickle
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from types import MappingProxyType, SimpleNamespace

from ..knowledge import NameLexicon as Lexicon
from ..knowledge import entity_words
from ..knowledge import name_lexicon as lexicon
from ..records import CandidateReferences, Claim, Coordination, Definition, Mention, Quote
from .context import (
    Links,
    _cut_short,
    _spaced_words,
    _team_of_place,
    _written_as_name,
    link_all,
    one_word_type_counts,
    organisation_counts,
    proper_people,
)
from .corpus import Resolution
from .descriptions import Description, NameIndex, description_of_name, of_candidate
from .expansions import expand_acronyms
from .inputs import ResolveInput, build_input
from .keys import name_keys
from .lowercase import lowercase_documents
from .names import Name, given_nickname, straight_apostrophes
from .people import (
    BLEND,
    PeopleIndex,
    gender,
    initial_bridges,
    one_person,
    set_aside_juniors,
    surname,
    variant_pairs,
)
from .reading import Reading
from .references import (
    LowercaseCounts,
    References,
    _halves,
    _one_word_name,
    _weak_types,
    common_phrases,
    gather,
    organisations_by_corpus,
    read_names,
    used_definitions,
)
from .refs import (
    COORDINATION,
    DESCRIPTION,
    LONG_FORM,
    MENTION,
    RESCAN,
    Ref,
    SpanIndex,
    by_document,
    majority_type,
)
from .roles import holders
from .speakers import _SPAN_TYPES, SpeakerIndex
from .variants import extension_pairs, fuzzy_pairs, region_pairs, truncation_pairs

NameNode = tuple[str, tuple[str, ...]]  # (type, comparison tokens)
_DECIDING_TYPES = ("ORG", "PERSON", "GPE", "OTHER")  # read_names's wanted types
_NOT_PERSON = frozenset({"ORG", "GPE", "OTHER", "PRODUCT"})  # context's mislabelled people


@dataclass(frozen=True)
class Passes:
    """The first passes of one ``resolve_corpus`` run, kept for its census."""

    inp: ResolveInput
    definitions: Mapping[tuple[str, str], Definition]
    reading: Reading
    refs: References
    links: Links


@dataclass(frozen=True)
class Census:
    """The stored corpus's per-key state that the guards compare against."""

    lex: Lexicon
    keys: frozenset[str]  # name keys of every stored reference
    names: frozenset[NameNode]  # every stored reference's name
    people: frozenset[tuple[tuple[str, ...], str | None]]  # proper people, with gender
    wanted: frozenset[tuple[str, ...]]  # phrases the lower-case reading decides
    capitalised: Mapping[tuple[str, ...], int]  # phrase -> documents with a mention of it
    common: frozenset[tuple[str, ...]]  # the stored lower-case reading
    lowercase_counts: LowercaseCounts  # phrase -> stored documents writing it in lower case
    strong: Mapping[tuple[str, tuple[str, ...]], int]  # organisations_by_corpus's votes
    retyped: frozenset[tuple[str, ...]]  # ORG tokens whose stored mentions read those votes
    by_org_tokens: Mapping[tuple[str, ...], tuple[Ref, ...]]  # strong voters, by ORG tokens
    acronym_types: Mapping[str, tuple[str, ...]]  # acronym display -> its mentions' types
    defined: frozenset[str]  # every acronym a stored document defines
    acronym_meanings: Mapping[str, frozenset[tuple[tuple[str, ...], str]]]  # long forms
    rescan_types: Mapping[str, tuple[str, ...]]  # rescanned display -> its types
    one_word_types: Mapping[NameNode, int]
    one_word_people: frozenset[tuple[str, ...]]  # stored one-word people, who read those
    organisations: Mapping[tuple[str, ...], int]  # proper organisation tokens -> refs
    descriptions: tuple[tuple[Description, str], ...]  # stored descriptions, with type
    coordinated: frozenset[NameNode]  # names stored coordinations ask for
    proper_keys: frozenset[NameNode]  # the names coordinations are answered from
    anchors: frozenset[NameNode]  # ``context``'s corpus anchors (descriptions' answers)
    texts: Mapping[str, str]  # stored texts, apostrophes straightened
    # Pairs of stored names that a document writing both can pull apart or join.
    person_fuzzy: frozenset[tuple[tuple[str, ...], tuple[str, ...]]]
    extensions: frozenset[tuple[tuple[str, ...], tuple[str, ...]]]  # (short, full) ORG
    region_towns: frozenset[tuple[str, ...]]  # towns the corpus writes with a region
    nicknamed: frozenset[tuple[tuple[str, ...], tuple[str, ...]]]  # (full, goes by)
    people_tokens: frozenset[tuple[str, ...]]
    names_by_word: Mapping[tuple[str, str], frozenset]  # (type, word) -> proper names
    # word -> (type, gender of the title) of the stored one-word names of it
    one_word_readers: Mapping[str, frozenset[tuple[str, str | None]]]
    people_by_word: Mapping[str, frozenset[tuple[tuple[str, ...], str | None]]]
    org_words: frozenset[str]  # ``context``'s words of organisation names
    acronym_letters: frozenset[str]  # the LETTERS keys of stored acronyms
    nickname_blends: frozenset[str]  # the BLEND keys of stored one-word people
    spacing_full: frozenset[str]  # the SPACING keys of stored full names
    # The stored entity of each name whose stored mentions (joined by name) are all in
    # one; each entity's speaker keys (``SpeakerIndex``), from its stored mentions.
    node_entity: Mapping[NameNode, str]
    entity_keys: Mapping[str, frozenset[str]]
    lookups: frozenset[str]  # keys stored quotes and claims may look their speakers up by
    nicknames: frozenset[str]  # one-word people written as a blend ("LiLo")
    # Entities whose canonical name is chosen among proper forms of their own type (a
    # stored mention counts for ``entities._canonical``'s first choice): a worse form
    # added cannot rename them.
    named_by_form: frozenset[str] = frozenset()
    # ``context``'s names cut short and places in a game's result: how often the corpus
    # names each person (proper), the counts its stored mentions' readings looked up
    # (organisation and person tokens), and the places read as a team where a result is.
    people_counts: Mapping[tuple[str, ...], int] = field(default_factory=dict)
    counts_read: frozenset[tuple[str, ...]] = frozenset()
    team_places: frozenset[tuple[str, ...]] = frozenset()
    team_nicknames: frozenset[tuple[str, ...]] = frozenset()  # not written yet


def census(
    texts: Mapping[str, str],
    mentions: Sequence[tuple[int, Mention]],
    quotes: Sequence[tuple[int, Quote]] = (),
    claims: Sequence[tuple[int, Claim]] = (),
    candidates: Mapping[str, CandidateReferences] | None = None,
    aliases: Iterable[tuple[str, str]] = (),
    lowercase_counts: LowercaseCounts | None = None,
    resolution: Resolution | None = None,
    passes: Passes | None = None,
) -> Census:
    """The census of a stored corpus, from the records ``resolve_corpus`` reads, and
    their ``resolution`` when known (a speaker a stored mention's span resolves is
    looked up by no key); ``passes``, that resolution's own first passes over the same
    records, are read instead of redone."""
    if passes is None:
        lex = lexicon()
        inp = build_input(texts, mentions, candidates, aliases, lex)
        definitions = used_definitions(inp)
        reading = read_names(inp, definitions, lowercase_counts)
        refs = gather(inp, definitions, reading)
        links = None
    else:
        inp, definitions, reading, refs, links = (
            passes.inp, passes.definitions, passes.reading, passes.refs, passes.links
        )  # fmt: skip
        lex = inp.lex
    typed = organisations_by_corpus(inp, reading)
    name = reading.name
    keys_of = _KeysOf(lex)
    keys: set[str] = set()
    names: set[NameNode] = set()
    for ref in refs.all:
        keys |= keys_of(name(ref), ref.type)
        names.add((ref.type, name(ref).tokens))
    for ref in inp.mentions:  # as stored (``Store.name_keys``), before any retyping
        keys |= keys_of(name(ref), ref.type)
    capitalised: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for ref in inp.mentions:
        capitalised[name(ref).tokens].add(ref.document)
    wanted = {name(r).tokens for r in inp.mentions if r.type in _DECIDING_TYPES}
    wanted |= {inp.names(d.long, "ORG").tokens for d in definitions.values()}
    strong, by_org_tokens = _strong_votes(inp, reading, inp.mentions)
    weak = _weak_types()
    retyped = {
        inp.names(r.text, "ORG").tokens
        for r in inp.mentions
        if not name(r).acronym
        and (r.type in weak or (r.type == "ORG" and len(inp.names(r.text, "ORG").tokens) == 1))
    }
    acronym_types: dict[str, list[str]] = defaultdict(list)
    for ref in typed:
        if name(ref).acronym:
            acronym_types[name(ref).display].append(ref.type)
    long_refs = [r for r in refs.long_forms.values() if r.origin != MENTION]
    meanings: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
    for (_, short), ref in refs.long_forms.items():
        meanings[short].add((name(ref).tokens, name(ref).display))
    rescan_types: dict[str, list[str]] = defaultdict(list)
    for ref in [*typed, *long_refs]:
        if _rescannable(ref, reading):
            rescan_types[name(ref).display].append(ref.type)
    if lowercase_counts is None:
        stored_texts = tuple(inp.texts.values())

        def lowercase_counts(phrases: Iterable[tuple[str, ...]]) -> Mapping[tuple[str, ...], int]:
            return lowercase_documents(stored_texts, phrases, lex)

    speaker_index = SpeakerIndex(lex, {}, lambda _: None, analysed=inp.names.cache)
    node_entity, entity_keys = _entities_by_name(
        inp, reading, refs, resolution, speaker_index, links
    )
    stored_people = proper_people(refs.all, reading, lex)
    people_tokens = {t for t, _ in stored_people}
    by_word: dict[tuple[str, str], set] = defaultdict(set)
    readers: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for ref in refs.all:
        analysed = name(ref)
        if len(analysed.tokens) == 1 and ref.type in ("PERSON", "ORG", "GPE"):
            readers[analysed.tokens[0]].add((ref.type, gender(analysed.honorifics, lex)))
    people_by_word: dict[str, set[tuple[tuple[str, ...], str | None]]] = defaultdict(set)
    for person in stored_people:
        for word in {person[0][0], surname(person[0])}:
            people_by_word[word].add(person)
    for ref in refs.all:
        tokens = name(ref).tokens
        if ref.type in ("PERSON", "ORG", "GPE") and reading.proper(ref):
            # GPE by display: a town's region is read from how it is written
            value = name(ref).display if ref.type == "GPE" else tokens
            for word in tokens:
                by_word[(ref.type, word)].add(value)
    proper_orgs = {name(r).tokens for r in refs.all if r.type == "ORG" and reading.proper(r)}
    gpe = [name(r) for r in refs.all if r.type == "GPE" and reading.proper(r)]
    return Census(
        lex=lex,
        keys=frozenset(keys),
        names=frozenset(names),
        people=frozenset(stored_people),
        wanted=frozenset(wanted),
        capitalised=MappingProxyType({p: len(d) for p, d in capitalised.items()}),
        common=reading.lowercase,
        lowercase_counts=lowercase_counts,
        strong=MappingProxyType(dict(strong)),
        retyped=frozenset(retyped),
        by_org_tokens=MappingProxyType({t: tuple(r) for t, r in by_org_tokens.items()}),
        acronym_types=MappingProxyType({d: tuple(t) for d, t in acronym_types.items()}),
        defined=frozenset(d.short for found in inp.candidates.values() for d in found.definitions),
        rescan_types=MappingProxyType({d: tuple(t) for d, t in rescan_types.items()}),
        acronym_meanings=MappingProxyType({s: frozenset(m) for s, m in meanings.items()}),
        one_word_types=MappingProxyType(dict(one_word_type_counts(refs.all, reading))),
        one_word_people=frozenset(
            name(r).tokens
            for r in refs.all
            if r.type == "PERSON" and len(name(r).tokens) == 1 and not name(r).acronym
        ),
        organisations=MappingProxyType(dict(organisation_counts(refs.all, reading))),
        descriptions=tuple(_descriptions(refs, reading, lex)),
        coordinated=frozenset(_coordinated(inp)),
        proper_keys=frozenset(
            (r.type, inp.names(r.text, r.type).tokens)
            for r in typed
            if r.type in ("ORG", "GPE") and reading.proper(r)
        ),
        anchors=frozenset(_anchors(refs.all, reading, refs.absorbed)),
        texts=MappingProxyType({d: straight_apostrophes(t) for d, t in inp.texts.items()}),
        # Supersets of what ``evidence_edges`` pairs: fuzzy people before the same-document
        # test, extensions before their filters, every town written with a region.
        person_fuzzy=frozenset(
            (a, b)
            for (_, a), (_, b) in fuzzy_pairs(
                [("PERSON", t) for t in people_tokens if len(t) >= 2], {}, lex
            )
        ),
        extensions=frozenset(extension_pairs(proper_orgs, entity_words().company_suffixes)),
        region_towns=frozenset(
            inp.names(n.display.split(",")[0], "GPE").tokens for n in gpe if "," in n.display
        ),
        nicknamed=frozenset(_nicknames(refs.all, reading, people_tokens, lex)),
        people_tokens=frozenset(people_tokens),
        names_by_word=MappingProxyType({k: frozenset(v) for k, v in by_word.items()}),
        one_word_readers=MappingProxyType({w: frozenset(t) for w, t in readers.items()}),
        people_by_word=MappingProxyType({w: frozenset(p) for w, p in people_by_word.items()}),
        org_words=frozenset(
            word
            for r in refs.all
            if r.type == "ORG" and reading.proper(r) and _written_as_name(name(r).display)
            for word in name(r).tokens
            if word in _spaced_words(name(r).display)
        ),
        acronym_letters=frozenset(
            k
            for r in refs.all
            if name(r).acronym
            for k in keys_of(name(r), r.type)
            if k.startswith("letters:")
        ),
        nickname_blends=frozenset(
            k
            for r in refs.all
            if r.type == "PERSON" and len(name(r).tokens) == 1
            for k in keys_of(name(r), r.type)
            if k.startswith("blend:")
        ),
        spacing_full=frozenset(
            k
            for r in refs.all
            if reading.proper(r)
            and (r.type == "ORG" or (r.type == "PERSON" and len(name(r).tokens) >= 2))
            for k in keys_of(name(r), r.type)
            if k.startswith("spacing:")
        ),
        node_entity=MappingProxyType(node_entity),
        entity_keys=MappingProxyType({e: frozenset(k) for e, k in entity_keys.items()}),
        lookups=frozenset(_lookups(speaker_index, *_by_key(typed, quotes, claims, resolution))),
        nicknames=frozenset(
            name(r).display
            for r in refs.all
            if r.type == "PERSON" and len(name(r).tokens) == 1 and BLEND.match(name(r).display)
        ),
        named_by_form=_named_by_form(refs, reading, resolution),
        **_cut_and_team_reads(inp, reading, refs),
    )


class _Looked(Counter):
    """Counts that remember which keys were read of them, and whether they were gone
    through whole: what a decision made from them depends on."""

    def __init__(self, counts: Mapping[tuple[str, ...], int]) -> None:
        super().__init__(counts)
        self.read: set[tuple[str, ...]] = set()
        self.iterated = False

    def __getitem__(self, key: tuple[str, ...]) -> int:
        self.read.add(key)
        return super().__getitem__(key)

    def __iter__(self):  # noqa: ANN204
        self.iterated = True
        return super().__iter__()


def _cut_and_team_reads(inp: ResolveInput, reading: Reading, refs: References) -> dict:
    """What ``context._cut_short`` and ``context._team_of_place`` read of the corpus's
    counts for every stored mention, by running them (so the census follows them):
    the people counts, the organisation and person tokens looked up, and the places
    whose reading went through every organisation (a place in a game's result)."""
    people = Counter(
        reading.name(r).tokens for r in refs.all if r.type == "PERSON" and reading.proper(r)
    )
    orgs, looked_people = _Looked(organisation_counts(refs.all, reading)), _Looked(people)
    written = frozenset(reading.name(r).tokens for r in refs.all)
    resolver = SimpleNamespace(reading=reading, inp=inp)  # what they read of a pass
    places = set()
    for ref in refs.all:
        if ref.origin != MENTION:
            continue
        text = inp.texts[ref.document]
        _cut_short(resolver, ref, text, orgs, looked_people)  # type: ignore[arg-type]
        orgs.iterated = False
        _team_of_place(ref, reading.name(ref).tokens, text, orgs, looked_people, written)
        if orgs.iterated:
            places.add(reading.name(ref).tokens)
    # A team's nickname must be a name the corpus writes ("the Colts"): those of the
    # organisations a team place opens, which a first writing of them would make teams.
    suffixes = {t[len(p) :] for p in places for t in orgs if len(t) > len(p) and t[: len(p)] == p}
    return {
        "people_counts": MappingProxyType(dict(people)),
        "counts_read": frozenset(orgs.read | looked_people.read),
        "team_places": frozenset(places),
        "team_nicknames": frozenset(suffixes - written),
    }


# Census fields the store does not keep: the lexicon and the lower-case counts are the
# running code's and the store's, the texts are the stored documents'.
_NOT_KEPT = ("lex", "lowercase_counts", "texts")
CENSUS_FORMAT = 1  # bump when Census or Resolution change shape: a kept census is dropped


def dump_census(stored: Census, resolution: Resolution) -> bytes:
    """``stored`` and the resolution it was taken with, as bytes for the store."""
    kept = {
        f.name: (dict(value) if isinstance(value, MappingProxyType) else value)
        for f in fields(Census)
        if f.name not in _NOT_KEPT
        for value in (getattr(stored, f.name),)
    }
    return zlib.compress(pickle.dumps((CENSUS_FORMAT, kept, resolution), protocol=5), 1)


def load_census(
    data: bytes, texts: Mapping[str, str], lowercase_counts: LowercaseCounts
) -> tuple[Census, Resolution] | None:
    """What ``dump_census`` kept, given the stored ``texts`` and ``lowercase_counts`` it
    was taken over; None when another format (or not a census) is kept."""
    try:
        version, kept, resolution = _CensusUnpickler(io.BytesIO(zlib.decompress(data))).load()
    except (pickle.UnpicklingError, zlib.error, ValueError, TypeError, AttributeError):
        return None
    if version != CENSUS_FORMAT or not isinstance(resolution, Resolution):
        return None
    stored = Census(
        lex=lexicon(),
        lowercase_counts=lowercase_counts,
        texts=MappingProxyType({d: straight_apostrophes(t) for d, t in texts.items()}),
        **{k: (MappingProxyType(v) if type(v) is dict else v) for k, v in kept.items()},
    )
    return stored, resolution


class _CensusUnpickler(pickle.Unpickler):
    """Loads only corpusmine's records and plain containers: a database may come from
    anyone, and unpickling a foreign class could run its code."""

    _BUILTINS = frozenset({"frozenset", "set", "dict", "list", "tuple", "str", "int", "bool"})

    def find_class(self, module: str, name: str):  # noqa: ANN201
        if (
            (module == "builtins" and name in self._BUILTINS)
            or (module == "collections" and name == "Counter")
            or (module == "copyreg" and name == "_reconstructor")
            or module.startswith("corpusmine.")
        ):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a census")


@dataclass(frozen=True)
class Addition:
    """What the guards worked out about an admitted addition, for ``attach``: the new
    documents' input and reading in the whole corpus, their mentions with the corpus's
    types, the rescanned names they bring (display -> types), and the stored entity each
    of their references joins by its name (None: context may link it elsewhere, ``linked``,
    or a name the corpus lacks, ``fresh``)."""

    new: ResolveInput
    reading: Reading
    typed: tuple[Ref, ...]
    long_forms: tuple[Ref, ...]
    rescans: Mapping[str, tuple[str, ...]]
    joins: Mapping[Ref, str | None]
    linked: frozenset[Ref] = frozenset()  # references context may link elsewhere
    fresh: frozenset[NameNode] = frozenset()  # names the corpus does not have


@dataclass(frozen=True)
class Verdict:
    """Each guard's result for one addition: None when it holds, else why not."""

    failed: Mapping[str, str]
    addition: Addition | None = None  # when admitted

    @property
    def admitted(self) -> bool:
        return not self.failed

    def first(self) -> str:
        return next(iter(self.failed), "")


GUARDS = ("lowercase", "types", "names", "pairs", "acronyms", "descriptions", "coordinations",
          "rescan", "holders", "speakers", "cut")  # fmt: skip


def check_addition(
    stored: Census,
    texts: Mapping[str, str],
    mentions: Sequence[tuple[int, Mention]],
    candidates: Mapping[str, CandidateReferences] | None = None,
    every: bool = False,
) -> Verdict:
    """The guards for adding the documents of ``texts`` (none of them stored), cheapest
    first; without ``every`` the first that fails ends the check."""
    lex = stored.lex
    new = build_input(texts, mentions, candidates, (), lex)
    failed: dict[str, str] = {}

    # 1. The lower-case reading. A stored phrase's reading changes only through the
    # documents that write it: in lower case (``lower``) or as a mention (``capital``).
    wanted_here = {new.name(r).tokens for r in new.mentions if r.type in _DECIDING_TYPES}
    wanted_here |= {
        new.names(d.long, "ORG").tokens for found in new.candidates.values()
        for d in found.definitions
    }  # fmt: skip
    own = {new.name(r).tokens for r in new.mentions} | wanted_here
    lower = lowercase_documents(new.texts.values(), stored.wanted | own, lex)
    capital: Counter[tuple[str, ...]] = Counter()
    for document in new.texts:
        capital.update({new.name(r).tokens for r in new.mentions if r.document == document})
    # A phrase the stored corpus names only with other types (a PRODUCT) becomes one the
    # reading decides when a new mention of a deciding type names it.
    touched = ((set(lower) | set(capital)) & stored.wanted) | (
        wanted_here & stored.capitalised.keys()
    )
    before_lower = dict(stored.lowercase_counts(sorted(touched | wanted_here)))
    after = common_phrases(
        {p: before_lower.get(p, 0) + lower.get(p, 0) for p in touched | wanted_here},
        {p: stored.capitalised.get(p, 0) + capital[p] for p in touched | wanted_here},
    )
    flipped = sorted(p for p in touched if (p in stored.common) != (p in after))
    if flipped:
        failed["lowercase"] = _listed(" ".join(p) for p in flipped)
        if not every:
            return Verdict(failed)
    # The reading the new references get in the whole corpus (their own phrases too).
    reading = Reading(new.names, (stored.common - set(touched)) | after)

    # 2. Type votes.
    typed = _typed(stored, new, reading)
    flips: list[str] = []
    votes, _ = _strong_votes(new, reading, new.mentions)
    for tokens in {t for (_, t) in votes} & stored.retyped:
        if _org_or_place(stored.strong, tokens) != _org_or_place(
            Counter(stored.strong) + votes, tokens
        ):
            flips.append("ORG/GPE " + " ".join(tokens))
    name = reading.name
    acronyms: dict[str, list[str]] = defaultdict(list)
    for ref in typed:
        if name(ref).acronym:
            acronyms[name(ref).display].append(ref.type)
    # Long forms of the acronyms the corpus uses, typed as the acronym's majority (every
    # definition is taken: ``used_definitions`` keeps the first per document).
    used = set(acronyms) | set(stored.acronym_types)
    long_forms = [
        Ref(d.document, d.long_start, d.long_end, d.long,
            majority_type([*stored.acronym_types.get(d.short, ()), *acronyms.get(d.short, ())]),
            LONG_FORM)
        for doc in sorted(new.candidates)
        for d in new.candidates[doc].definitions
        if d.short in used
    ]  # fmt: skip
    rescans: dict[str, list[str]] = defaultdict(list)
    for ref in [*typed, *long_forms]:
        if _rescannable(ref, reading):
            rescans[name(ref).display].append(ref.type)
    for label, stored_votes, new_votes in (
        ("acronym", stored.acronym_types, acronyms),
        ("rescan", stored.rescan_types, rescans),
    ):
        for display, types in new_votes.items():
            if display in stored_votes and majority_type(stored_votes[display]) != majority_type(
                [*stored_votes[display], *types]
            ):
                flips.append(f"{label} {display}")
    one_word = one_word_type_counts(typed, reading)
    for tokens in {t for _, t in one_word} & stored.one_word_people:
        org, person = (("ORG", tokens), ("PERSON", tokens))
        if (stored.one_word_types.get(org, 0) > stored.one_word_types.get(person, 0)) != (
            stored.one_word_types.get(org, 0) + one_word[org]
            > stored.one_word_types.get(person, 0) + one_word[person]
        ):
            flips.append("one-word " + " ".join(tokens))
    heads = entity_words().institution_heads
    for tokens in organisation_counts(typed, reading):
        # Counts choose between two institutions named after one person ("Betty Ford
        # Center", "Betty Ford Clinic"); a new one is a new name.
        if tokens[-1] in heads and any(
            tokens[:-1] + (head,) in stored.organisations for head in heads - {tokens[-1]}
        ):
            flips.append("institution " + " ".join(tokens))
    if flips:
        failed["types"] = _listed(flips)
        if not every:
            return Verdict(failed)

    # 3. New names sharing a key with the corpus. A WORD key alone is safe when no
    # stored one-word name reads the word (one person or organisation of the corpus
    # with it) and the pairs found in its blocks (variants, bridges, truncations,
    # extensions, fuzzy spellings, regions) are the same with the new name as without.
    fresh: dict[NameNode, Ref] = {}
    for ref in [*typed, *long_forms]:
        node = (ref.type, name(ref).tokens)
        if node not in stored.names:
            fresh.setdefault(node, ref)
    shared: list[str] = []
    blocks: dict[str, set[str]] = defaultdict(set)  # type -> words shared
    for (kind, _), ref in sorted(fresh.items()):
        keys = stored.keys & name_keys(name(ref), kind, lex)
        keys -= _harmless(stored, ref, reading)
        words = {k.split(":", 1)[1] for k in keys if k.startswith("word:")}
        read_by = _read_by(stored, kind, name(ref).tokens, words, reading.proper(ref),
                           gender(name(ref).honorifics, lex))  # fmt: skip
        if len(words) < len(keys):
            shared.append(f"{name(ref).display} (key {min(keys - {f'word:{w}' for w in words})})")
        elif read_by:
            shared.append(f"{name(ref).display} (one-word {read_by[0]})")
        elif words:
            blocks[kind] |= words
    shared += _pairs_changed(stored, blocks, fresh, reading)
    new_people = proper_people([*typed, *long_forms], reading, lex)
    people = new_people - stored.people
    shared += [" ".join(t) + f" ({g})" for t, g in sorted(people, key=repr)
               if ("PERSON", t) not in fresh]  # fmt: skip
    if shared:
        failed["names"] = _listed(shared)
        if not every:
            return Verdict(failed)

    # 4. Pairs of stored names that a new document writes together: people spelt two
    # ways in one document are two people, a place or maker alone is the longer name
    # only where a document writes both, a town alone is the town with a region only
    # where every document writing it names the region, a nickname given inside a
    # full name joins the name it goes by.
    people_here = {t for t, _ in new_people}
    orgs_here = set(organisation_counts(typed, reading))
    towns = {
        name(r).tokens
        for r in typed
        if r.type == "GPE" and reading.proper(r) and "," not in name(r).display
    }
    pairs = [" / ".join(map(" ".join, p)) for p in sorted(stored.person_fuzzy)
             if p[0] in people_here and p[1] in people_here]  # fmt: skip
    pairs += [" / ".join(map(" ".join, p)) for p in sorted(stored.extensions)
              if p[0] in orgs_here and p[1] in orgs_here]  # fmt: skip
    pairs += [" ".join(t) for t in sorted(towns & stored.region_towns)]
    nicknames = _nicknames(typed, reading, stored.people_tokens | people_here, lex)
    pairs += [" / ".join(map(" ".join, p)) for p in sorted(nicknames - stored.nicknamed)]
    if pairs:
        failed["pairs"] = _listed(pairs)
        if not every:
            return Verdict(failed)

    # 5. Acronyms. A new definition of an acronym the corpus uses keeps its meaning
    # only if every stored definition already gives it the same long form (tokens and
    # display: the corpus-wide expansion is one of them).
    clashes = []
    for ref in long_forms:
        short = _short_of(new, ref)
        if short in stored.acronym_types:
            meaning = (name(_covering(typed, ref, name)).tokens,
                       name(_covering(typed, ref, name)).display)  # fmt: skip
            if stored.acronym_meanings.get(short, frozenset()) != {meaning}:
                clashes.append(short)
    clashes += sorted(d for d in acronyms if d not in stored.acronym_types and d in stored.defined)
    if clashes:
        failed["acronyms"] = _listed(clashes)
        if not every:
            return Verdict(failed)

    # 6. Stored descriptions a new name could answer.
    # (a new reference is never taken for noise here: it may be half of a coordination)
    mine = [*typed, *long_forms]
    anchors = NameIndex(sorted(_anchors(mine, reading, set(mine)) - stored.anchors))
    answered = sorted({d.text for d, kind in stored.descriptions if anchors.matches(d, kind, lex)})
    if answered:
        failed["descriptions"] = _listed(answered)
        if not every:
            return Verdict(failed)

    # 7. Stored coordinations a new name could complete: a proper organisation or place
    # name the stored mentions did not have.
    proper_keys = {(r.type, new.names(r.text, r.type).tokens) for r in typed
                   if r.type in ("ORG", "GPE") and reading.proper(r)}  # fmt: skip
    asked = sorted(" ".join(t) for k, t in (proper_keys - stored.proper_keys) & stored.coordinated)
    if asked:
        failed["coordinations"] = _listed(asked)
        if not every:
            return Verdict(failed)

    # 8. The rescan: new names written in stored texts (as written, or in a line of
    # capitals), stored nicknames written in new texts.
    written = sorted(
        display
        for display in rescans
        if display not in stored.rescan_types
        and any(display in text or display.upper() in text for text in stored.texts.values())
    )
    new_texts = [straight_apostrophes(t) for t in new.texts.values()]
    written += sorted(n for n in stored.nicknames if any(n in t for t in new_texts))
    if written:
        failed["rescan"] = _listed(written)
        if not every:
            return Verdict(failed)

    # 9. Title holders: a job title next to a name joins the title's references to the
    # person ("Jane Doe, Chief Executive"); the stored title's references would join a
    # new holder, in an order full resolution may not share (a title is held by one
    # person only). A person the rescan may find counts too.
    known_titles = [
        r for r in typed
        if r.type == "ROLE" and r.origin == MENTION and ("ROLE", name(r).tokens) in stored.names
    ]  # fmt: skip
    held = []
    for document, text in new.texts.items():
        titles = [r for r in known_titles if r.document == document]
        if not titles:
            continue
        people_refs = [r for r in typed if r.document == document and r.type == "PERSON"
                       and reading.proper(r)]  # fmt: skip
        straight = straight_apostrophes(text)
        for display, types in stored.rescan_types.items():
            if " " in display and majority_type(types) == "PERSON":
                start = straight.find(display)
                while start >= 0:
                    people_refs.append(Ref(document, start, start + len(display), display,
                                           "PERSON", RESCAN))  # fmt: skip
                    start = straight.find(display, start + 1)
        held += [name(title).display for title, _ in holders(text, titles, people_refs)]
    if held:
        failed["holders"] = _listed(sorted(set(held)))
        if not every:
            return Verdict(failed)

    # 10. Stored speakers looked up by name: a new reference adds its keys to its
    # entity, and "the one entity of the corpus with the key" may change. A reference
    # of a stored name joins that name's entity unless context may link it elsewhere
    # (descriptions and coordinations always may); a one-word person of a document
    # naming the person in full joins that person. Keys its entity has already change
    # nothing.
    index = SpeakerIndex(lex, {}, lambda _: None, analysed=new.names.cache)
    heads = entity_words().institution_heads
    organisations = set(stored.organisations) | orgs_here
    risky: set[str] = set()
    # Stored people's full names written untagged in a new text: the rescan may make
    # them people of that document.
    taken_here = by_document([*typed, *long_forms])
    found_people: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for display, types in stored.rescan_types.items():
        if " " in display and majority_type(types) == "PERSON":
            for document, text in new.texts.items():
                if _written_free(straight_apostrophes(text), display,
                                 SpanIndex(taken_here.get(document, ()))):  # fmt: skip
                    found_people[document].add(new.names(display, "PERSON").tokens)
    people = stored.people_tokens | people_here
    corpus = _CorpusAfter(
        stored,
        frozenset(new_people),
        Counter(stored.one_word_types) + one_word,
        frozenset(stored.anchors | _anchors(mine, reading, set(mine))),
        _uncounted(new, mine, name, {*stored.rescan_types, *rescans}),
    )
    # Surnames the new documents give people, in full or alone ("Cheeks said"): a short
    # form typed otherwise ("Mo Cheeks", ORG) may be that person (context).
    surnames_here = {surname(person) for person in people_here} | {
        name(r).tokens[0] for r in typed if r.type == "PERSON" and len(name(r).tokens) == 1
    }
    joins: dict[Ref, str | None] = {}
    linked: set[Ref] = set()
    for ref in [*typed, *long_forms, *_context_only(new)]:
        tokens = name(ref).tokens
        keys = set(index._keys(ref.text, ref.type))
        if ref.type == "PERSON" and len(tokens) >= 2:
            keys.add(tokens[-1])
        node = (ref.type, tokens)
        linkable = (
            ref.origin not in (MENTION, LONG_FORM)
            or (ref.type == "PERSON" and len(tokens) == 1)
            or (ref.type == "ORG" and reading.common(ref))
            or (ref.type == "PERSON" and any(tokens + (h,) in organisations for h in heads))
            or (
                ref.type in _NOT_PERSON
                and ref.origin == MENTION
                and not name(ref).acronym
                and _may_be_person(ref, tokens, people, surnames_here)
            )
        )
        if ref.type == "PERSON" and len(tokens) == 1 and ref.origin == MENTION:
            node = _one_word_target(ref, name, [*typed, *long_forms], reading, lex,
                                    found_people.get(ref.document, set()), corpus)  # fmt: skip
            linkable = node is None
        if name(ref).acronym and ref.origin == MENTION:
            node = ("acr", (name(ref).display,))  # the corpus's acronym ...
            linkable = linkable or any(  # ... unless its own document defines it
                d.short == name(ref).display for d in new.candidates[ref.document].definitions
            )
        entity = None if linkable or node in fresh else stored.node_entity.get(node)
        joins[ref] = entity
        if linkable:
            linked.add(ref)
        risky |= keys if entity is None else keys - stored.entity_keys.get(entity, set())
    # Names the rescan finds in a new text where no reference is: a stored one-word
    # person may be linked there.
    taken = {doc: SpanIndex(refs) for doc, refs in by_document([*typed, *long_forms]).items()}
    for display, types in stored.rescan_types.items():
        if " " in display or majority_type(types) != "PERSON":
            continue
        for document, text in new.texts.items():
            if _written_free(straight_apostrophes(text), display, taken.get(document)):
                risky |= set(index._keys(display, "PERSON")) | {display.lower()}
                break
    looked_up = sorted(risky & stored.lookups)
    if looked_up:
        failed["speakers"] = _listed(looked_up)
        if not every:
            return Verdict(failed)

    # 11. Names cut short and places in a game's result (``context``): a stored mention
    # read by a count the new documents change (an organisation or a person they name,
    # written or found by the rescan), or a stored team place a new organisation's name
    # opens with, may be read otherwise.
    cut = _counts_changed(stored, new, typed, reading, people_here)
    if cut:
        failed["cut"] = _listed(cut)
    if failed:
        return Verdict(failed)
    addition = Addition(new, reading, tuple(typed), tuple(long_forms),
                        MappingProxyType({d: tuple(t) for d, t in rescans.items()}),
                        MappingProxyType(joins), frozenset(linked), frozenset(fresh))  # fmt: skip
    return Verdict(failed, addition)


def _counts_changed(
    stored: Census,
    new: ResolveInput,
    typed: Sequence[Ref],
    reading: Reading,
    people_here: Collection[tuple[str, ...]],
) -> list[str]:
    """The names of the new documents that change a count a stored mention's reading
    looked up (``Census.counts_read``; any name of them written in a new text counts,
    the rescan may find it), or that open with a stored team place."""
    orgs_here = set(organisation_counts(typed, reading))
    changed = {t for t in orgs_here | set(people_here) if t in stored.counts_read}
    written = " ".join(_plain(text) for text in new.texts.values())
    changed |= {t for t in stored.counts_read if t and _plain(" ".join(t)) in written}
    fresh_orgs = orgs_here - set(stored.organisations)
    changed |= {reading.name(r).tokens for r in typed} & stored.team_nicknames
    for place in stored.team_places:
        changed |= {t for t in fresh_orgs | set(people_here)
                    if len(t) > len(place) and t[: len(place)] == place}  # fmt: skip
    return sorted(" ".join(t) for t in changed)


def _plain(text: str) -> str:
    """``text`` in lower case, apostrophes dropped, every other run of non-letters one
    space, padded: a name's tokens made so are found in it wherever it is written."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " " + " ".join(re.sub(r"['’]", "", bare.lower()).translate(_NON_WORDS).split()) + " "


_NON_WORDS = {c: " " for c in range(0x2FFF) if not chr(c).isalnum()}


def _read_by(
    stored: Census,
    kind: str,
    tokens: tuple[str, ...],
    words: set[str],
    proper: bool,
    title_gender: str | None,
) -> list[str]:
    """The shared words of a new name whose stored one-word names may read it
    differently. A one-word person (or organisation, read as a person's surname) takes
    the one person of the corpus with the word: changed only if the candidates'
    outcome (none, one person, several) changes (``context._person``,
    ``_mislabelled_person``). A one-word person with no candidate takes the one
    organisation ending in its word; an organisation's words stop a one-word name being
    a person (``org_words``); a town with a region is the one-word town's."""
    read: list[str] = []  # a town's region: its pairs are compared (``_pairs_changed``)
    for word in sorted(words):
        readers = stored.one_word_readers.get(word, frozenset())
        if kind == "PERSON" and proper and len(tokens) >= 2:
            if word not in (tokens[0], surname(tokens)):
                continue
            # Any stored one-word person or organisation of the word may read the new
            # name: context._person now weighs titles, honorifics and the candidates'
            # gender (8c21325), which the guards do not mirror (review #25).
            if any(reader != "GPE" for reader, _ in readers):
                read.append(word)
        elif kind == "ORG":
            types = {reader for reader, _ in readers}
            # A one-word organisation or place stops being a person's surname once an
            # organisation's name holds the word: only if it is not one already and
            # some stored person has the surname.
            surname_of_one = any(surname(p) == word for p, _ in stored.people_by_word.get(word, ()))
            if ("PERSON" in types and tokens[-1:] == (word,)) or (
                types & {"ORG", "GPE"} and word not in stored.org_words and surname_of_one
            ):
                read.append(word)
    return read


def _harmless(stored: Census, ref: Ref, reading: Reading) -> set[str]:
    """The keys of a new name that no stored decision reads. Letters are read only by a
    stored acronym the name may spell (``expand_acronyms`` matches an undefined acronym
    to the one organisation spelling it); an acronym's own letters find it a name for
    its own use. A blend is read only by a stored one-word nickname ("LiLo"), a
    spacing only by a stored full name of the same letters (``spacing_pairs``)."""
    analysed = reading.name(ref)
    keys = name_keys(analysed, ref.type, stored.lex)
    harmless = {k for k in keys if k.startswith("blend:") and k not in stored.nickname_blends}
    if analysed.acronym:
        harmless |= {k for k in keys if k.startswith("letters:")}
    else:
        harmless |= {
            k for k in keys if k.startswith("letters:") and k not in stored.acronym_letters
        }
    full = reading.proper(ref) and (
        ref.type == "ORG" or (ref.type == "PERSON" and len(analysed.tokens) >= 2)
    )
    if not full:
        harmless |= {k for k in keys if k.startswith("spacing:")}
    else:
        harmless |= {k for k in keys if k.startswith("spacing:") and k not in stored.spacing_full}
    return harmless


def _pairs_changed(
    stored: Census, blocks: Mapping[str, set[str]], fresh: Mapping[NameNode, Ref], reading: Reading
) -> list[str]:
    """New names that change the name pairs ``evidence_edges`` finds in the blocks of
    the words they share with stored names (each pair function looks only within such a
    block, so the stored names sharing a word are all it can compare them with)."""
    lex = stored.lex
    changed = []
    for kind, words in sorted(blocks.items()):
        if kind not in ("PERSON", "ORG", "GPE"):
            continue
        block = {n for w in words for n in stored.names_by_word.get((kind, w), ())}
        added = {
            tokens: ref
            for (k, tokens), ref in fresh.items()
            if k == kind and reading.proper(ref) and set(tokens) & words
        }
        if kind == "GPE":
            before = _region_pairs(block, reading)
            after = _region_pairs(block | {reading.name(r).display for r in added.values()},
                                  reading)  # fmt: skip
        else:
            before = _name_pairs(kind, {tuple(t) for t in block}, lex)
            after = _name_pairs(kind, {tuple(t) for t in block} | set(added), lex)
        if before != after:
            changed += sorted(f"{reading.name(r).display} (pairs)" for r in added.values())
    return changed


def _name_pairs(kind: str, names: set[tuple[str, ...]], lex: Lexicon) -> tuple[object, ...]:
    fuzzy = fuzzy_pairs([(kind, t) for t in names], {}, lex)
    if kind == "PERSON":
        bridges = initial_bridges(names)
        return (fuzzy, bridges, variant_pairs(names, bridges))
    suffixes = entity_words().company_suffixes
    return (fuzzy, truncation_pairs(names), extension_pairs(names, suffixes))


def _region_pairs(displays: set[str], reading: Reading) -> list[tuple[object, object]]:
    analyse = reading.names
    with_region = [
        (analyse(d.split(",")[0], "GPE").tokens, analyse(d, "GPE").tokens)
        for d in displays
        if "," in d
    ]
    bare = [analyse(d, "GPE").tokens for d in displays if "," not in d]
    return region_pairs(with_region, bare)


def _anchors(
    refs: Iterable[Ref], reading: Reading, absorbed: Collection[Ref] = ()
) -> set[NameNode]:
    """``link_all``'s corpus anchors: proper names but people's and acronyms', less the
    one-word places and things it drops as noise (a name the corpus writes in lower
    case; ``absorbed`` halves of a coordination are kept)."""
    found = set()
    for r in refs:
        analysed = reading.name(r)
        if not reading.proper(r) or r.type == "PERSON" or analysed.acronym:
            continue
        noise = (
            r.type in ("GPE", "OTHER", "PRODUCT")
            and len(analysed.tokens) == 1
            and analysed.tokens in reading.lowercase
            and r not in absorbed
        )
        if not noise:
            found.add((r.type, analysed.tokens))
    return found


def _one_word_target(
    ref: Ref,
    name,  # noqa: ANN001
    refs: Sequence[Ref],
    reading: Reading,
    lex: Lexicon,
    found: Collection[tuple[str, ...]],
    corpus: _CorpusAfter | None = None,
) -> NameNode | None:
    """The name a one-word person of a new document joins (``context._person``): the
    one person of its document with the word, or with two there its own one-word
    name; else what the ``corpus`` decides. None when that is not known for sure: a
    name the rescan may find in the document (``found``) has the word, or a nickname."""
    analysed = name(ref)
    if any(analysed.tokens[0] in tokens for tokens in found):
        return None
    people = [
        r for r in refs
        if r.document == ref.document and r.type == "PERSON" and reading.proper(r)
    ]  # fmt: skip
    here = PeopleIndex((name(p).tokens, gender(name(p).honorifics, lex)) for p in people)
    candidates = set_aside_juniors(
        here.candidates(analysed.tokens[0], gender(analysed.honorifics, lex))
    )
    own = ("PERSON", analysed.tokens)  # no target: joined by its own name
    if candidates:
        if not one_person(candidates):
            return own
        matching = [p for p in people if name(p).tokens in candidates]
        preceding = [p for p in matching if p.end <= ref.start]
        return ("PERSON", name(preceding[-1] if preceding else matching[0]).tokens)
    # The corpus's step: the one person of the corpus with the word, an organisation
    # the corpus names the word as more often, or the one organisation ending in it.
    if corpus is None or BLEND.match(analysed.display):
        return None  # a nickname's attestation is read from every text
    word = analysed.tokens[0]
    if word in corpus.uncounted.get(ref.document, ()):
        return None  # references of the word that ``one_word_types`` counts and we do not
    wanted = gender(analysed.honorifics, lex)
    candidates = set_aside_juniors(
        PeopleIndex(sorted(corpus.people(word), key=lambda p: (p[0], p[1] or ""))).candidates(
            word, wanted
        )
    )
    if (
        not analysed.honorifics
        and all(len(c) == 1 for c in candidates)
        and corpus.one_word_types[("ORG", analysed.tokens)]
        > corpus.one_word_types[("PERSON", analysed.tokens)]
    ):
        return ("ORG", analysed.tokens)
    if candidates and one_person(candidates):
        return ("PERSON", max(candidates, key=lambda t: (len(t), t)))
    if not candidates and not analysed.honorifics:
        ending = {t for k, t in corpus.anchors if k == "ORG" and len(t) >= 2 and t[-1] == word}
        if len(ending) == 1:
            return ("ORG", next(iter(ending)))
    return own


def _uncounted(
    new: ResolveInput,
    refs: Sequence[Ref],
    name,  # noqa: ANN001
    displays: Collection[str],
) -> dict[str, frozenset[str]]:
    """Per new document, the words of one-word references the guards do not make: its
    descriptions', and every one-word name of the corpus written where no reference is
    (the rescan may find it: ``displays`` are the names it looks for)."""
    taken = by_document(refs)
    found: dict[str, set[str]] = defaultdict(set)
    for ref in _context_only(new):
        tokens = name(ref).tokens
        if len(tokens) == 1:
            found[ref.document].add(tokens[0])
    one_word = [d for d in displays if " " not in d]
    for document, text in new.texts.items():
        straight = straight_apostrophes(text)
        spans = SpanIndex(taken.get(document, ()))
        found[document] |= {
            name(Ref(document, 0, 0, d, "PERSON")).tokens[0]
            for d in one_word
            if d in straight and _written_free(straight, d, spans)
            and name(Ref(document, 0, 0, d, "PERSON")).tokens
        }  # fmt: skip
    return {doc: frozenset(words) for doc, words in found.items()}


@dataclass(frozen=True)
class _CorpusAfter:
    """What ``context._person``'s corpus step reads, with the new documents added."""

    stored: Census
    here: frozenset[tuple[tuple[str, ...], str | None]]  # the new documents' people
    one_word_types: Counter[NameNode]
    anchors: frozenset[NameNode]
    # Per new document, one-word names its descriptions or the rescan may add.
    uncounted: Mapping[str, frozenset[str]]

    def people(self, word: str) -> set[tuple[tuple[str, ...], str | None]]:
        near = set(self.stored.people_by_word.get(word, ()))
        return near | {p for p in self.here if word in (p[0][0], surname(p[0]))}


def _may_be_person(
    ref: Ref, tokens: tuple[str, ...], people: Collection[tuple[str, ...]], here: Collection[str]
) -> bool:
    """Can ``context._mislabelled_person`` read a name typed otherwise as a person: a
    person's full name of the corpus, a short form of one whose surname the new
    documents give a person ("Mo Cheeks" beside "Cheeks said"), or an organisation's (a
    place's: in its own document) one word that is the surname of a person? ``here``
    are the surnames the new documents give people, in full or alone."""
    if len(tokens) >= 2:
        return tokens in people or surname(tokens) in here or tokens[-1] in here
    if len(tokens) != 1 or ref.type not in ("ORG", "GPE"):
        return False
    if ref.type == "GPE":
        return tokens[0] in here
    return tokens[0] in here or any(surname(p) == tokens[0] for p in people)


def _short_of(new: ResolveInput, long_form: Ref) -> str:
    """The acronym a long form of ``check_addition`` was made for."""
    for d in new.candidates[long_form.document].definitions:
        if (d.long_start, d.long_end, d.long) == (long_form.start, long_form.end, long_form.text):
            return d.short
    raise AssertionError("a long form is made from a definition")


def _covering(typed: Sequence[Ref], long_form: Ref, name) -> Ref:  # noqa: ANN001
    """The mention ``gather`` takes as a long form's reference when one covers it with
    the same tokens, else the long form itself."""
    for ref in typed:
        if (
            ref.document == long_form.document
            and ref.start < long_form.end
            and long_form.start < ref.end
            and name(ref).tokens == name(long_form).tokens
        ):
            return ref
    return long_form


def _written_free(text: str, word: str, taken: SpanIndex | None) -> bool:
    """Is ``word`` written in ``text`` (as written, or in capitals) where no reference
    of ``taken`` is?"""
    for form in {word, word.upper()}:
        start = text.find(form)
        while start >= 0:
            if taken is None or not taken.overlapping(start, start + len(form)):
                return True
            start = text.find(form, start + 1)
    return False


def _context_only(new: ResolveInput) -> list[Ref]:
    """A new document's references that only context links: its descriptions, and both
    halves of its coordinations with every tail ``gather`` may give them."""
    found = []
    for doc, candidates in new.candidates.items():
        for candidate in candidates.descriptions:
            description = of_candidate(candidate, new.lex)
            kind = description.rule.type if description.rule else "ORG"
            found.append(Ref(doc, candidate.start, candidate.end, candidate.text, kind,
                             DESCRIPTION))  # fmt: skip
        for coordination in candidates.coordinations:
            found += [Ref(doc, coordination.first_start, coordination.first_end, text, kind,
                          COORDINATION) for kind, text in _asked(coordination)]  # fmt: skip
    return found


def _typed(stored: Census, new: ResolveInput, reading: Reading) -> list[Ref]:
    """The new mentions with the types the whole corpus gives them: the stored votes of
    their names are added as voters (``organisations_by_corpus`` counts across
    documents; its other rules read only the mention's own document)."""
    voters = {
        ref
        for r in new.mentions
        for ref in stored.by_org_tokens.get(new.names(r.text, "ORG").tokens, ())
    }
    texts = {**{r.document: stored.texts[r.document] for r in voters}, **new.texts}
    joined = ResolveInput(
        texts=texts,
        mentions=tuple(sorted([*new.mentions, *voters], key=lambda r: r.node)),
        candidates=new.candidates,
        aliases=(),
        lex=new.lex,
        names=new.names,
    )
    mine = set(new.texts)
    return [r for r in organisations_by_corpus(joined, reading) if r.document in mine]


def _strong_votes(
    inp: ResolveInput, reading: Reading, mentions: Iterable[Ref]
) -> tuple[Counter[tuple[str, tuple[str, ...]]], dict[tuple[str, ...], list[Ref]]]:
    """``organisations_by_corpus``'s votes: proper ORG and GPE mentions by ORG tokens."""
    votes: Counter[tuple[str, tuple[str, ...]]] = Counter()
    voters: dict[tuple[str, ...], list[Ref]] = defaultdict(list)
    for ref in mentions:
        if ref.type in ("ORG", "GPE") and reading.proper(ref):
            tokens = inp.names(ref.text, "ORG").tokens
            votes[(ref.type, tokens)] += 1
            voters[tokens].append(ref)
    return votes, voters


def _org_or_place(strong: Mapping[tuple[str, tuple[str, ...]], int], tokens: tuple[str, ...]):  # noqa: ANN202
    """What ``organisations_by_corpus`` decides from the votes of ``tokens``."""
    org, place = strong.get(("ORG", tokens), 0), strong.get(("GPE", tokens), 0)
    return (bool(org or place), org >= place, bool(place))


def _rescannable(ref: Ref, reading: Reading) -> bool:
    """Is the reference's display a name ``references.gather`` rescans texts for?"""
    name = reading.name(ref)
    if ref.type not in ("ORG", "PERSON"):
        return False
    if len(name.display.split()) >= 2 and name.display[0].isupper() or name.acronym:
        return True
    return _one_word_name(name.display) and not reading.common(ref)


def _descriptions(
    refs: References, reading: Reading, lex: Lexicon
) -> Iterable[tuple[Description, str]]:
    """What ``context`` compares with the corpus's names: the definite descriptions, and
    organisation mentions read as common noun phrases, each with the type it seeks."""
    for ref, description in refs.descriptions.items():
        yield description, description.rule.type if description.rule else ref.type
    for ref in refs.all:
        if ref.origin != DESCRIPTION and ref.type == "ORG" and reading.common(ref):
            description = description_of_name(reading.name(ref), ref.start, ref.end, lex)
            yield description, description.rule.type if description.rule else ref.type


def _asked(coordination: Coordination) -> list[tuple[str, str]]:
    """Every (type, text) ``gather`` may ask about a coordination's halves: none is
    answered, so every tail is tried."""
    asked: list[tuple[str, str]] = []

    def known(kind: str, text: str) -> bool:
        asked.append((kind, text))
        return False

    _halves(coordination, known)
    return asked


def _coordinated(inp: ResolveInput) -> set[NameNode]:
    """Every name a stored coordination asks about."""
    return {
        (kind, inp.names(text, kind).tokens)
        for found in inp.candidates.values()
        for coordination in found.coordinations
        for kind, text in _asked(coordination)
    }


def _nicknames(
    refs: Iterable[Ref], reading: Reading, people: Collection[tuple[str, ...]], lex: Lexicon
) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """``evidence_edges``'s nicknamed pairs: a full name giving the name it goes by."""
    found = set()
    for ref in refs:
        tokens = reading.name(ref).tokens
        if ref.type == "PERSON" and reading.proper(ref) and len(tokens) >= 2:
            goes_by = given_nickname(ref.text, lex)
            if goes_by and goes_by in people and goes_by != tokens:
                found.add((tokens, goes_by))
    return found


def _entities_by_name(
    inp: ResolveInput,
    reading: Reading,
    refs: References,
    resolution: Resolution | None,
    index: SpeakerIndex,
    links: Links | None = None,
) -> tuple[dict[NameNode, str], dict[str, set[str]]]:
    """Each name's one stored entity (that of all its stored mentions ``evidence_edges``
    joins by name; an acronym's, of those joined to the corpus's acronym) and each
    entity's speaker keys (its stored mentions'); empty without the stored resolution."""
    if resolution is None:
        return {}, {}
    if links is None:
        links = link_all(inp, reading, refs, expand_acronyms(inp, reading, refs))
    entities: dict[NameNode, set[str]] = defaultdict(set)
    keys: dict[str, set[str]] = defaultdict(set)
    for ref in refs.all:
        entity = resolution.mention_entity.get(ref.row) if ref.origin == MENTION else None
        if entity is None:
            continue
        keys[entity].update(index._keys(ref.text, ref.type))
        if ref in links.targets or ref in links.dropped or ref in refs.absorbed:
            continue  # joined to what context says, not by its name
        analysed = reading.name(ref)
        if analysed.acronym:  # joined to the corpus's acronym unless its document defines it
            if (ref.document, analysed.display) not in refs.definitions:
                entities[("acr", (analysed.display,))].add(entity)
        else:
            entities[(ref.type, analysed.tokens)].add(entity)
    return {n: next(iter(e)) for n, e in entities.items() if len(e) == 1}, keys


def _named_by_form(
    refs: References, reading: Reading, resolution: Resolution | None
) -> frozenset[str]:
    """The entities with a stored mention that ``entities._canonical`` counts among the
    forms its name is chosen from: of the entity's type, not inside a coordination,
    proper (people and organisations), no acronym."""
    if resolution is None:
        return frozenset()
    kinds = {e.id: e.type for e in resolution.entities}
    found = set()
    for ref in refs.all:
        entity = resolution.mention_entity.get(ref.row) if ref.origin == MENTION else None
        if entity is None or ref.type != kinds.get(entity) or ref in refs.absorbed:
            continue
        if reading.name(ref).acronym:
            continue
        if ref.type in ("ORG", "PERSON") and not reading.proper(ref):
            continue
        found.add(entity)
    return frozenset(found)


def _by_key(
    typed: Sequence[Ref],
    quotes: Sequence[tuple[int, Quote]],
    claims: Sequence[tuple[int, Claim]],
    resolution: Resolution | None,
) -> tuple[list[tuple[int, Quote]], list[tuple[int, Claim]], list[tuple[int, Claim]]]:
    """The quotes and claims whose speaker (subject) ``SpeakerIndex.find`` may look up
    by key: all, unless a stored mention with an entity, of a type the speaker's label
    allows, overlaps its span (``_by_span`` then answers first); and every claim's
    speaker (looked up by text alone)."""
    if resolution is None:
        return list(quotes), list(claims), list(claims)
    by_doc = by_document(ref for ref in typed if ref.row in resolution.mention_entity)
    spans = {doc: SpanIndex(refs) for doc, refs in by_doc.items()}

    def spanned(document: str, start: int, end: int, types: frozenset[str] | None) -> bool:
        if start < 0 or end <= start or document not in spans:
            return False
        return any(types is None or r.type in types
                   for r in spans[document].overlapping(start, end))  # fmt: skip

    speakers = [
        (row, q)
        for row, q in quotes
        if not spanned(
            q.document, q.speaker_start, q.speaker_end, _SPAN_TYPES.get(q.speaker_label or "")
        )  # fmt: skip
    ]
    subjects = [
        (row, c) for row, c in claims
        if not spanned(c.document, c.subject_start, c.subject_end, None)
    ]  # fmt: skip
    return speakers, subjects, list(claims)


def _lookups(
    index: SpeakerIndex,
    quotes: Sequence[tuple[int, Quote]],
    subjects: Sequence[tuple[int, Claim]],
    speakers: Sequence[tuple[int, Claim]],
) -> set[str]:
    """Every key ``SpeakerIndex.find`` may look these speakers and subjects up by: their
    keys as a name, as a job title, and a one-word person's surname."""
    texts = [(q.speaker_text, q.speaker_label) for _, q in quotes]
    texts += [(c.subject_text, None) for _, c in subjects]
    texts += [(c.speaker, None) for _, c in speakers if c.speaker]
    found: set[str] = set()
    for text, label in texts:
        if not text or not text.strip():
            continue
        kind = "PERSON" if label in (None, "PERSON", "GROUP") else label
        found.update(index._keys(text, kind))
        found.add(index._analyse(text, "ROLE").key)
        found.update(index._analyse(text, "PERSON").tokens[-1:])
    return found


class _KeysOf:
    """``keys.name_keys`` of each analysed name, computed once (a corpus writes most
    names many times)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.found: dict[tuple[Name, str], frozenset[str]] = {}

    def __call__(self, name: Name, kind: str) -> frozenset[str]:
        found = self.found.get((name, kind))
        if found is None:
            found = self.found[(name, kind)] = name_keys(name, kind, self.lex)
        return found


def _listed(items: Iterable[str], most: int = 3) -> str:
    items = list(items)
    more = f" (+{len(items) - most})" if len(items) > most else ""
    return ", ".join(items[:most]) + more


__all__ = [
    "GUARDS", "Addition", "Census", "Name", "Passes", "Verdict", "census", "check_addition",
    "dump_census", "load_census",
]  # fmt: skip
