"""Exact-variant grouping: one entity per (type, normalised name)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..records import Claim, Entity, Mention, Quote

ENTITY_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "OTHER",
    "LOC": "GPE",
    "FAC": "OTHER",
    "PRODUCT": "PRODUCT",
    "ROLE": "ROLE",
    "EVENT": "OTHER",
    "LAW": "OTHER",
    "WORK_OF_ART": "OTHER",
}
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")


def entity_type(label: str) -> str | None:
    """The DESIGN.md entity type for a mention label, or None for non-entities."""
    return ENTITY_LABELS.get(label)


def variant_key(text: str) -> str:
    """Name with apostrophes unified, a leading 'the' and a possessive removed."""
    text = " ".join(text.replace("’", "'").split())
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    text = _POSSESSIVE.sub("", text)
    return text.lower()


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    mention_entity: Mapping[int, str]
    quote_speaker: Mapping[int, str] = field(default_factory=dict)
    claim_subject: Mapping[int, tuple[str | None, str | None]] = field(default_factory=dict)


def entity_id(entity_type_name: str, name: str) -> str:
    digest = hashlib.sha1(f"{entity_type_name}:{name}".encode()).hexdigest()[:10]
    return f"{entity_type_name.lower()}-{digest}"


def resolve_corpus(
    texts: Mapping[str, str],
    mentions: Sequence[tuple[int, Mention]],
    quotes: Sequence[tuple[int, Quote]] = (),
    claims: Sequence[tuple[int, Claim]] = (),
    aliases: Iterable[tuple[str, str]] = (),
) -> Resolution:
    groups: dict[tuple[str, str], list[tuple[int, Mention]]] = defaultdict(list)
    for row_id, mention in mentions:
        kind = entity_type(mention.label)
        if kind:
            groups[(kind, variant_key(mention.text))].append((row_id, mention))
    entities = []
    assignment: dict[int, str] = {}
    for (kind, _key), members in sorted(groups.items()):
        forms = sorted({m.text.replace("’", "'") for _, m in members}, key=lambda t: (-len(t), t))
        name = _POSSESSIVE.sub("", re.sub(r"^the\s+", "", forms[0], flags=re.I))
        ident = entity_id(kind, name)
        documents = tuple(sorted({m.document for _, m in members}))
        entities.append(Entity(ident, name, kind, tuple(forms), (), len(members), documents))
        for row_id, _ in members:
            assignment[row_id] = ident
    return Resolution(tuple(entities), assignment)
