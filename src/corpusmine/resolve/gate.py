"""The gate of incremental resolution: does adding documents leave the stored ones
resolved as they were?

``stored_changes`` compares full resolution without and with the new documents. A fast
path that keeps the stored resolution is exact for an addition only when this finds no
change (the entities the new documents name are rebuilt, so they may change):

- partition: the stored mentions are grouped into entities as before (no stored entity
  split, none merged with another, none left without an entity);
- untouched: every entity no new document names is the same record;
- found: the names found untagged in stored documents are the same;
- speakers: stored quotes' speakers and claims' subjects name the same entity (through
  the entity map of the partition).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from .corpus import Resolution


def stored_changes(
    before: Resolution,
    after: Resolution,
    new: Collection[str],
    stored_quotes: Collection[int] = (),
    stored_claims: Collection[int] = (),
) -> dict[str, str]:
    """The checks of the module docstring that fail, each with an example; ``before``
    resolves the stored documents, ``after`` them and the ``new`` documents;
    ``stored_quotes`` and ``stored_claims`` are the stored rows (one gaining a speaker
    or subject is a change too)."""
    failed: dict[str, str] = {}
    old_rows = set(before.mention_entity)
    image: dict[str, set[str]] = {}  # old entity -> the new entities of its rows
    for row in old_rows:
        image.setdefault(before.mention_entity[row], set()).add(after.mention_entity.get(row, "-"))
    split = [e for e, targets in image.items() if len(targets) > 1]
    targets = Counter(next(iter(t)) for t in image.values() if len(t) == 1)
    merged = [t for t, n in targets.items() if n > 1]
    lost = sorted(old_rows - set(after.mention_entity))
    if split or merged or lost:
        names = {e.id: e.name for e in (*before.entities, *after.entities)}
        example = [f"{names[e]!r} split" for e in split[:2]]
        example += [
            " + ".join(repr(names[e]) for e, t in image.items() if t == {m}) + " merged"
            for m in merged[:2]
        ]
        failed["partition"] = (
            f"{len(split)} split, {len(merged)} merged, {len(lost)} dropped ({'; '.join(example)})"
        )
    mapping = {e: next(iter(t)) for e, t in image.items() if len(t) == 1}
    new = set(new)
    touched = {e.id for e in after.entities if new & set(e.documents)}
    old_entities = {e.id: e for e in before.entities}
    changed = []
    fields: Counter[str] = Counter()
    for entity in after.entities:
        if entity.id in touched:
            continue
        old = old_entities.get(entity.id)
        if old != entity:
            changed.append(entity.name)
            if old is None:
                fields["(new id)"] += 1
            else:
                fields.update(f for f in vars(entity) if getattr(old, f) != getattr(entity, f))
    if changed:
        listed = ", ".join(f"{f} {n}" for f, n in sorted(fields.items()))
        failed["untouched"] = f"{len(changed)} entities changed ({listed}), e.g. {changed[:3]}"
    found_before = {(m.document, m.start, m.end) for m, _ in before.found_mentions}
    found_after = {
        (m.document, m.start, m.end) for m, _ in after.found_mentions if m.document not in new
    }
    if found_before != found_after:
        failed["found"] = f"+{len(found_after - found_before)} -{len(found_before - found_after)}"
    moved = sum(
        mapping.get(speaker, speaker) != after.quote_speaker.get(row)
        for row, speaker in before.quote_speaker.items()
    ) + sum(
        tuple(mapping.get(x, x) if x else x for x in pair) != after.claim_subject.get(row)
        for row, pair in before.claim_subject.items()
    )
    quotes, claims = set(stored_quotes), set(stored_claims)
    moved += sum(row in quotes and row not in before.quote_speaker for row in after.quote_speaker)
    moved += sum(row in claims and row not in before.claim_subject for row in after.claim_subject)
    if moved:
        failed["speakers"] = f"{moved} stored quotes/claims name another entity"
    return failed


def renamed(before: Resolution, after: Resolution) -> int:
    """Stored entities whose id changes (their rows are renumbered by a fast path that
    rebuilds the entities it touches; not a reason to fall back)."""
    image: dict[str, set[str]] = {}
    for row, entity in before.mention_entity.items():
        image.setdefault(entity, set()).add(after.mention_entity.get(row, "-"))
    return sum(len(t) == 1 and entity not in t for entity, t in image.items())
