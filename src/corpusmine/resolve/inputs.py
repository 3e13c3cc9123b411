"""The frozen input of resolution, built once: texts, mention references, the candidate
references extract stored, the user's aliases and the lexicon.

Every pass of ``resolve_corpus`` reads this and the products of earlier passes; none
changes it. ``Names`` memoises name analysis, a pure function of (text, type).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..knowledge import NameLexicon as Lexicon
from ..records import CandidateReferences, Mention
from .names import Name, analyse, entity_type, straighten
from .refs import MENTION, Ref


class Names:
    """Analysed names by (text, type), computed on first use."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.cache: dict[tuple[str, str], Name] = {}

    def __call__(self, text: str, kind: str) -> Name:
        name = self.cache.get((text, kind))
        if name is None:
            name = self.cache[(text, kind)] = analyse(text, kind, self.lex)
        return name

    def of(self, ref: Ref) -> Name:
        return self(ref.text, ref.type)


@dataclass(frozen=True)
class ResolveInput:
    """What resolution starts from; every collection sorted by document and offset."""

    texts: Mapping[str, str]  # document id -> stored text, in id order
    mentions: tuple[Ref, ...]  # entity mentions as references, in node order
    candidates: Mapping[str, CandidateReferences]  # document id -> its candidate references
    aliases: tuple[tuple[str, str], ...]
    lex: Lexicon
    names: Names

    def name(self, ref: Ref) -> Name:
        return self.names.of(ref)


def build_input(
    texts: Mapping[str, str],
    mentions: Sequence[tuple[int, Mention]],
    candidates: Mapping[str, CandidateReferences] | None,
    aliases: Iterable[tuple[str, str]],
    lex: Lexicon,
) -> ResolveInput:
    """The input of resolution. A document without stored ``candidates`` (a caller
    holding only texts, a document stored by an older version) has them found here,
    as extract would have."""
    ordered = {doc: texts[doc] for doc in sorted(texts)}
    candidates = dict(candidates or {})
    missing = [doc for doc in ordered if doc not in candidates]
    if missing:
        from ..extract.references import find_references

        candidates.update({doc: find_references(doc, ordered[doc]) for doc in missing})
    refs: list[Ref] = []
    for row, mention in mentions:
        kind = entity_type(mention.label)
        if kind is None:
            continue
        surface = straighten(mention.text)
        if not surface or surface.lower() in lex.not_entities:
            continue
        if mention.document not in ordered:
            continue
        refs.append(
            Ref(mention.document, mention.start, mention.end, mention.text, kind, MENTION, row)
        )
    refs.sort(key=lambda r: (r.node, r.row if r.row is not None else -1))
    return ResolveInput(
        texts=MappingProxyType(ordered),
        mentions=tuple(refs),
        candidates=MappingProxyType({doc: candidates[doc] for doc in ordered}),
        aliases=tuple(aliases),
        lex=lex,
        names=Names(lex),
    )
