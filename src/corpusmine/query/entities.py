"""Who is who: entities, and which entities a user means by a name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..knowledge import honorifics
from ..records import Entity
from ..resolve.names import straighten
from ..store import Store
from .results import Results

COLUMNS = [("id", "id"), ("name", "name"), ("type", "type"), ("aliases", "aliases"),
           ("roles", "roles"), ("affiliations", "affiliations"), ("mentions", "mentions"),
           ("documents", "documents")]  # fmt: skip
TABLE_COLUMNS = [("name", "Name"), ("type", "Type"), ("aliases", "Also called"),
                 ("roles", "Roles"), ("mentions", "Mentions"), ("documents", "Docs")]  # fmt: skip


def entity_dict(entity: Entity) -> dict[str, Any]:
    """The entity JSON record of DESIGN.md (plus affiliations)."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "affiliations": list(entity.affiliations),
        "mentions": entity.mentions,
        "documents": list(entity.documents),
    }


def entities(store: Store, entity_type: str | None = None) -> Results[Entity]:
    """Entities (of one type when given), most mentioned first."""
    return Results(store.entities(entity_type), entity_dict)


def name_key(text: str) -> str:
    """Lower-cased name with apostrophes unified and honorifics dropped, for matching."""
    titles = honorifics().all
    words = straighten(text).replace(".", " ").lower().split()
    while words and (words[0] in titles or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def name_words(entities: Iterable[Entity]) -> Iterator[tuple[str, int, str]]:
    """(entity id, name number, word) for every word of every name key of ``entities``:
    the index ``matching_entity_ids`` looks names up in (``Store.entities_with_words``)."""
    for entity in entities:
        for number, alias in enumerate((entity.name, *entity.aliases)):
            for word in set(name_key(alias).split()):
                yield entity.id, number, word


def matching_entity_ids(store: Store, name: str) -> set[str]:
    """Entities a user means by ``name``: an exact alias, or every word of it in one alias
    ("Smithers", "Cllr Nunn", "ofsted", "the trust" all find their entity)."""
    wanted = name_key(name)
    if not wanted:
        return set()
    words = wanted.split()
    # An exact alias holds every word too, so the word index answers both tests.
    indexed = store.entities_with_words(words)
    if indexed is not None:
        return indexed
    found: set[str] = set()
    for entity in store.entity_names():
        keys = {name_key(alias) for alias in (entity.name, *entity.aliases)}
        if wanted in keys or any(all(w in key.split() for w in words) for key in keys):
            found.add(entity.id)
    return found
