"""resolve_corpus: resolution as explicit passes, each a function returning its product.

    inp        = build_input(texts, mentions, candidates, aliases)      frozen, built once
    defs       = used_definitions(inp)                 acronym definitions in use
    reading    = read_names(inp, defs)                 names the corpus writes in lower case
    refs       = gather(inp, defs, reading)            every reference (``references``)
    expansions = expand_acronyms(inp, reading, refs)   what each acronym stands for
    links      = link_all(inp, reading, refs, expansions)   context links (``context``)
    roles      = find_roles(inp, reading, refs, links)      roles, title holders
    graph      = evidence_edges(...)                   edges, each with its ``Evidence``
    union      = cluster(graph)                        union-find with cannot-links
    entities   = build_entities(...)                   canonical names, aliases, roles
    speakers   = attribute(...)                        quote speakers, claim subjects
    described  = described_mentions(...)               "tackle Jamal Williams", "Qeshm island"

Candidate references (acronym definitions, descriptions, coordinations) are found once
per document in extract and stored; resolution reads no text with a regex except to
rescan for names the NER missed and to find names written in lower case, which depend on
the corpus (the lower-case reading can instead be answered by index look-ups: the store
keeps every document's lower-case words in a full-text index). Nothing depends on the
order documents or mentions arrive in: every collection is sorted by document id and
offset before it is used.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..knowledge import name_lexicon as lexicon
from ..records import CandidateReferences, Claim, Entity, Mention, Quote
from .context import link_all
from .described import described_mentions
from .edges import cluster, evidence_edges
from .entities import attribute, build_entities, entity_id
from .expansions import expand_acronyms
from .inputs import build_input
from .references import LowercaseCounts, gather, read_names, used_definitions
from .refs import Ref
from .roles import find_roles

__all__ = ["Resolution", "entity_id", "resolve_corpus"]


@dataclass(frozen=True)
class Resolution:
    """Entities, and which entity each mention, quote speaker and claim subject names."""

    entities: tuple[Entity, ...]
    mention_entity: Mapping[int, str]
    quote_speaker: Mapping[int, str] = field(default_factory=dict)
    claim_subject: Mapping[int, tuple[str | None, str | None]] = field(default_factory=dict)
    # Names the NER missed, found where the corpus names them elsewhere, and names with
    # the title or place class written around them ("tackle Jamal Williams"): new
    # mentions (with their sentence) and the entity each names.
    found_mentions: tuple[tuple[Mention, str], ...] = ()


def resolve_corpus(
    texts: Mapping[str, str],
    mentions: Sequence[tuple[int, Mention]],
    quotes: Sequence[tuple[int, Quote]] = (),
    claims: Sequence[tuple[int, Claim]] = (),
    aliases: Iterable[tuple[str, str]] = (),
    candidates: Mapping[str, CandidateReferences] | None = None,
    sentences: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    lowercase_counts: LowercaseCounts | None = None,
    passes: Callable[..., None] | None = None,
) -> Resolution:
    """Merge ``mentions`` into entities; see the module docstring. ``candidates`` are the
    stored candidate references per document (found from ``texts`` when None);
    ``sentences`` each document's sentence spans, for the names found untagged;
    ``lowercase_counts`` answers the lower-case reading by index look-ups
    (``Store.lowercase_counts``) instead of scanning ``texts``. ``passes``, when given,
    is called once with the first passes' products (``inp``, ``definitions``,
    ``reading``, ``refs``, ``links``), for a census of the corpus (``guards``)."""
    with _cyclic_gc_paused():
        inp = build_input(texts, mentions, candidates, aliases, lexicon())
        definitions = used_definitions(inp)
        reading = read_names(inp, definitions, lowercase_counts)
        refs = gather(inp, definitions, reading)
        expansions = expand_acronyms(inp, reading, refs)
        links = link_all(inp, reading, refs, expansions)
        if passes is not None:
            passes(inp=inp, definitions=definitions, reading=reading, refs=refs, links=links)
        roles = find_roles(inp, reading, refs, links)
        graph = evidence_edges(inp, reading, refs, expansions, links, roles)
        union = cluster(graph)
        entities = build_entities(inp, reading, refs, links, roles, graph, union)
        speakers = attribute(inp, reading, roles, entities, quotes, claims)
        ordered = sorted(
            [*entities.by_root.values(), *speakers.extra.values()],
            key=lambda e: (e.type, e.name, e.id),
        )
        return Resolution(
            tuple(ordered),
            entities.mention_entity(),
            speakers.quote_speaker,
            speakers.claim_subject,
            _found_mentions(
                [*entities.found_names(), *described_mentions(texts, entities.named(), refs.all)],
                texts,
                sentences or {},
            ),
        )


def _found_mentions(
    found: Sequence[tuple[Ref, str]],
    texts: Mapping[str, str],
    sentences: Mapping[str, Sequence[tuple[int, int]]],
) -> tuple[tuple[Mention, str], ...]:
    """Each found name as a mention in its sentence (the line around it where the
    document has no sentence there)."""
    out = []
    starts = {doc: [s for s, _ in spans] for doc, spans in sentences.items()}
    for ref, entity in sorted(found, key=lambda pair: pair[0].node):
        spans = sentences.get(ref.document, ())
        i = bisect_right(starts.get(ref.document, []), ref.start) - 1
        if i >= 0 and spans[i][1] >= ref.end:
            sentence = spans[i]
        else:
            text = texts[ref.document]
            line_end = text.find("\n", ref.end)
            sentence = (text.rfind("\n", 0, ref.start) + 1, len(text) if line_end < 0 else line_end)
        mention = Mention(ref.document, ref.start, ref.end, ref.type, ref.text, *sentence)
        out.append((mention, entity))
    return tuple(out)


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
