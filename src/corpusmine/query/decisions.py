"""What meetings decided, and what one person moved, seconded and how they voted."""

from __future__ import annotations

from typing import Any

from ..records import Outcome
from ..store import Store, StoredDecision, StoredPerson
from .attendance import is_person
from .results import Results

FIELDS = ("id", "document", "item", "kind", "text", "moved_by", "moved_by_id", "seconded_by",
          "seconded_by_id", "outcome", "votes_for", "votes_against", "abstentions", "voters",
          "actor", "start", "end")  # fmt: skip
TABLE_COLUMNS = [("document_title", "Meeting"), ("item", "Item"), ("kind", "Kind"),
                 ("text", "Decision"), ("moved_by", "Moved"), ("seconded_by", "Seconded"),
                 ("outcome", "Outcome"), ("votes", "Votes"), ("role", "Role")]  # fmt: skip
OUTCOMES = tuple(o.value for o in Outcome)
VOTE_KEYS = ("for", "against", "abstain", "absent")


def decision_dict(decision: StoredDecision, person_role: str | None = None) -> dict[str, Any]:
    """The decision JSON record of DESIGN.md (plus the meeting's title and date, and with
    ``--person`` the person's ``role``: moved, seconded, voted for/against/...)."""
    mover, seconder = decision.mover, decision.seconder
    votes = ""
    if decision.votes_for is not None:
        votes = f"{decision.votes_for}-{decision.votes_against}"
        if decision.abstentions:
            votes += f" ({decision.abstentions} abstained)"
    record = {
        "id": decision.id,
        "document": decision.document,
        "item": decision.item,
        "kind": decision.kind,
        "text": decision.text,
        "moved_by": _name(mover),
        "moved_by_id": mover.entity_id if mover else None,
        "seconded_by": _name(seconder),
        "seconded_by_id": seconder.entity_id if seconder else None,
        "outcome": decision.outcome,
        "votes_for": decision.votes_for,
        "votes_against": decision.votes_against,
        "abstentions": decision.abstentions,
        "voters": {key: [_name(p) for p in decision.voters.get(key, ())] for key in VOTE_KEYS},
        "actor": decision.actor,
        "start": decision.start,
        "end": decision.end,
        "document_title": decision.document_title,
        "document_date": decision.document_date,
        "votes": votes,
    }
    if person_role is not None:
        record["role"] = person_role
    return record


def _name(person: StoredPerson | None) -> str | None:
    """The name as the minutes print it ("Mrs. Lewis"); the entity is in ``*_id``."""
    return person.name if person is not None else None


def decisions(
    store: Store,
    person: str | None = None,
    about: str | None = None,
    document: str | None = None,
    outcome: str | None = None,
) -> Results[StoredDecision]:
    """Decisions (that ``person`` moved, seconded or voted on; whose text has every word of
    ``about``; of one meeting; with one outcome), in meeting order."""
    found = store.decisions(document, outcome)
    if about:
        words = about.lower().split()
        found = [d for d in found if all(w in d.text.lower() for w in words)]
    if not person:
        return Results(found, decision_dict)
    roles: dict[int, str] = {}
    kept = []
    for d in found:
        role = person_role(store, person, d)
        if role is not None:
            roles[d.id] = role
            kept.append(d)
    return Results(kept, lambda d: decision_dict(d, roles.get(d.id)))


def person_role(store: Store, person: str, decision: StoredDecision) -> str | None:
    """How ``person`` took part: "moved", "seconded", "voted for", ... (joined by "; ")."""
    parts = []
    for label, ref in (("moved", decision.mover), ("seconded", decision.seconder)):
        if ref is not None and is_person(store, person, ref.entity_id, ref.name):
            parts.append(label)
    for key in VOTE_KEYS:
        for ref in decision.voters.get(key, ()):
            if is_person(store, person, ref.entity_id, ref.name):
                parts.append("absent from the vote" if key == "absent" else f"voted {key}")
                break
    return "; ".join(parts) if parts else None
