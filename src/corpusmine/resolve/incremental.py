"""Which stored documents resolution can bring together with changed ones, by name key.

This is the blocking layer incremental resolution is to stand on: a changed document's
names meet only stored documents sharing a name key (``keys``), found by an index look-up
(``Store.documents_with_keys``), never by loading the corpus. ``reach`` gives those
documents one step away, by kind of key; ``closure`` follows them transitively.

Resolution itself still runs over the whole corpus (``runner._resolve``): re-running
the passes over a subset equals a full run only when the subset is closed under every
corpus-wide decision the passes make, and on news the closure of one article is the
whole corpus (everything shares "UK", "US" or "London" with everything else; see
``benchmarks/incremental.py reach``). A subset run needs those decisions (lower-case counts,
majority types, unique acronym and surname matches, edges and their order inside an
entity) read from stored per-key state instead; until then full resolution is the path.

The first of those decisions is read from the store already: ``stored_common`` is the
lower-case reading of any set of phrases from the full-text index of every document's
lower-case words and the name keys, without reading a text. ``guards`` checks, for an
addition, every such decision against a census of the stored corpus (``gate`` and
``benchmarks/additions.py`` measure that what it admits changes nothing stored).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from .keys import KeyKind, key
from .references import common_phrases

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class Reach:
    """The stored documents that share a name key with ``changed``, by kind of key."""

    changed: tuple[str, ...]
    keys: frozenset[str]  # the changed documents' keys
    by_kind: Mapping[KeyKind, frozenset[str]]  # other documents sharing a key of the kind
    documents: frozenset[str]  # other documents sharing any key


def reach(store: Store, changed: Collection[str]) -> Reach:
    """Documents one key away from ``changed`` (index look-ups only)."""
    own = store.name_keys_of(changed)
    keys = frozenset(k for found in own.values() for k in found)
    by_kind: dict[KeyKind, set[str]] = {kind: set() for kind in KeyKind}
    for found_key, documents in store.documents_with_keys(keys).items():
        by_kind[KeyKind(found_key.split(":", 1)[0])].update(documents)
    others = {kind: frozenset(docs - set(changed)) for kind, docs in by_kind.items()}
    return Reach(
        changed=tuple(sorted(changed)),
        keys=keys,
        by_kind=MappingProxyType(others),
        documents=frozenset().union(*others.values()),
    )


def closure(store: Store, changed: Collection[str], limit: int | None = None) -> frozenset[str]:
    """Every document linked to ``changed`` through shared keys, transitively (at most
    about ``limit`` documents: the search stops once it has that many)."""
    seen = set(changed)
    frontier = set(changed)
    while frontier and (limit is None or len(seen) < limit):
        found = reach(store, frontier).documents - seen
        seen |= found
        frontier = found
    return frozenset(seen)


def stored_common(store: Store, phrases: Collection[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Which of ``phrases`` (comparison tokens of names) the whole stored corpus reads as
    common noun phrases: ``references.read_names``'s decision, from index look-ups
    (documents writing each in lower case; documents with a mention of it, by name key)."""
    wanted = sorted({p for p in phrases if p})
    lower = store.lowercase_counts(wanted)
    names = {key(KeyKind.NAME, " ".join(p)): p for p in lower}
    capitalised = {
        names[k]: len(documents) for k, documents in store.documents_with_keys(names).items()
    }
    return common_phrases(lower, capitalised)
