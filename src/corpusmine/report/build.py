"""The report as data: the DESIGN.md report JSON, which Markdown and HTML render.

``{summary, documents, contradictions, agreements, checks, changes, single_source,
timeline, who_said, decisions, meetings, people_at_meetings}``; every finding is
``{subject, attribute, verdict, claims, explanation}`` and every claim carries its
document, offsets and sentence. Built from records (``query.report`` reads them from the
store).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..analyse import StoredClaim, find_findings, timeline
from ..knowledge.quotes import speaker_named
from ..store import DocumentInfo
from .findings import document_label
from .meetings import decision_rows, meetings, people_at_meetings

if TYPE_CHECKING:  # query imports this module: only the type, not the module
    from ..query.quotes import Statement
    from ..store import StoredAttendance, StoredDecision

_DOCUMENT_FIELDS = ("id", "title", "path", "kind", "date", "date_source", "source", "words")


def build_report(
    claims: list[StoredClaim],
    documents: Sequence[DocumentInfo],
    entity_types: dict[str, int],
    statements: Sequence[Statement],
    boilerplate: int = 0,
    decisions: Sequence[StoredDecision] = (),
    attendance: Sequence[StoredAttendance] = (),
) -> dict[str, Any]:
    """Everything the report shows, as one JSON-ready dict; ``boilerplate`` is how many
    lines the corpus repeats as furniture (left out of every record)."""
    rows = [{k: getattr(d, k) for k in _DOCUMENT_FIELDS} for d in documents]
    # Explanations name documents by title, source and date, as the report lists them.
    findings = find_findings(claims, {row["id"]: document_label(row) for row in rows})
    decided = decision_rows(decisions)
    return {
        "summary": {
            "documents": len(documents),
            "people": entity_types.get("PERSON", 0),
            "organisations": entity_types.get("ORG", 0),
            "claims": len(claims),
            "quotes": len(statements),
            "contradictions": len(findings.contradictions),
            "agreements": len(findings.agreements),
            "changes": len(findings.changes),
            "checks": len(findings.checks),
            "single_source": len(findings.single_source),
            "boilerplate": boilerplate,
            "decisions": len(decided),
        },
        "documents": rows,
        "contradictions": [f.as_dict() for f in findings.contradictions],
        "agreements": [f.as_dict() for f in findings.agreements],
        "changes": [f.as_dict() for f in findings.changes],
        "checks": [f.as_dict() for f in findings.checks],
        "single_source": [f.as_dict() for f in findings.single_source],
        "timeline": timeline(claims),
        # Only claims someone made appear under who said what.
        "who_said": who_said(statements, [c.as_dict() for c in claims if c.speaker]),
        # Minutes: what each meeting decided, and each person across the meetings.
        "decisions": decided,
        "meetings": meetings(decided),
        "people_at_meetings": people_at_meetings(attendance, decisions, statements),
    }


def who_said(statements: Sequence[Statement], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per speaker: their quotes and the claims made in their reported speech."""
    speakers: dict[str, dict[str, Any]] = {}
    said: dict[str, list[dict[str, Any]]] = defaultdict(list)
    claimed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in statements:
        name = s.speaker or "(unknown)"
        if name not in speakers:
            speakers[name] = {"speaker": name, "speaker_id": s.speaker_id}
        said[name].append(
            {
                "document": s.document,
                "text": s.text,
                "kind": s.kind,
                "cue": s.cue,
                "start": s.start,
                "end": s.end,
                "sentence": s.sentence,
                "page": s.page,
            }  # fmt: skip
        )
    by_id = {info["speaker_id"]: name for name, info in speakers.items() if info["speaker_id"]}
    surface = _SurfaceNames(speakers)
    for claim in claims:
        if claim["speaker"]:
            # The resolved speaker when there is one; else match the surface name (an
            # unresolved "he" names nobody: never a name that contains it).
            surface_name = speaker_named(claim["speaker"]) or "(unknown)"
            name = by_id.get(claim.get("speaker_id")) or surface.match(surface_name)
            if name not in speakers:
                speakers[name] = {"speaker": name, "speaker_id": None}
                surface.add(name)
            claimed[name].append(claim)
    rows = [
        {**info, "quotes": said[name], "claims": claimed[name]} for name, info in speakers.items()
    ]
    rows.sort(key=lambda r: (-len(r["quotes"]) - len(r["claims"]), r["speaker"]))
    return rows


class _SurfaceNames:
    """Matches a claim's speaker, the quote's surface name, to the first speaker name that
    contains it or is contained in it (so the canonical name wins when there is one).

    Names are only ever added at the end, so an answer once found stays the first match:
    each surface name is looked up once.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.folded = [(name, name.casefold()) for name in names]
        self.found: dict[str, str] = {}

    def add(self, name: str) -> None:
        self.folded.append((name, name.casefold()))

    def match(self, text: str) -> str:
        if text not in self.found:
            lowered = text.casefold()
            self.found[text] = next(
                (name for name, folded in self.folded if lowered in folded or folded in lowered),
                text,
            )
        return self.found[text]
