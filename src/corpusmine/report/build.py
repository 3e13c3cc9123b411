"""The report as data: the DESIGN.md report JSON, which Markdown and HTML render.

``{summary, documents, contradictions, agreements, checks, changes, single_source,
timeline, who_said}``; every finding is ``{subject, attribute, verdict, claims,
explanation}`` and every claim carries its document, offsets and sentence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..analyse import find_findings, load_claims, timeline
from ..queries import speaker_quotes
from ..store import Store

_DOCUMENT_FIELDS = ("id", "title", "path", "kind", "date", "date_source", "source", "words")


def build_report(store: Store) -> dict[str, Any]:
    """Everything the report shows, as one JSON-ready dict."""
    claims = load_claims(store)
    findings = find_findings(store, claims)
    types = dict(store.tuples("SELECT type, count(*) FROM entities GROUP BY type"))
    documents = [
        dict(zip(_DOCUMENT_FIELDS, row, strict=True))
        for row in store.tuples(f"SELECT {', '.join(_DOCUMENT_FIELDS)} FROM documents ORDER BY id")
    ]
    quotes = speaker_quotes(store)
    return {
        "summary": {
            "documents": len(documents),
            "people": types.get("PERSON", 0),
            "organisations": types.get("ORG", 0),
            "claims": len(claims),
            "quotes": len(quotes),
            "contradictions": len(findings.contradictions),
            "agreements": len(findings.agreements),
            "changes": len(findings.changes),
            "checks": len(findings.checks),
            "single_source": len(findings.single_source),
        },
        "documents": documents,
        "contradictions": [f.as_dict() for f in findings.contradictions],
        "agreements": [f.as_dict() for f in findings.agreements],
        "changes": [f.as_dict() for f in findings.changes],
        "checks": [f.as_dict() for f in findings.checks],
        "single_source": [f.as_dict() for f in findings.single_source],
        "timeline": timeline(store, claims),
        # Only claims someone made appear under who said what.
        "who_said": who_said(quotes, [c.as_dict() for c in claims if c.speaker]),
    }


def who_said(
    quotes: list[tuple[str, str | None, dict[str, Any]]], claims: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Per speaker: their quotes and the claims made in their reported speech.

    ``quotes`` are ``(speaker, speaker_id, record)`` as ``queries.speaker_quotes`` gives.
    """
    speakers: dict[str, dict[str, Any]] = {}
    said: dict[str, list[dict[str, Any]]] = defaultdict(list)
    claimed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for speaker, speaker_id, record in quotes:
        name = speaker or "(unknown)"
        if name not in speakers:
            speakers[name] = {"speaker": name, "speaker_id": speaker_id}
        said[name].append(record)
    by_id = {info["speaker_id"]: name for name, info in speakers.items() if info["speaker_id"]}
    surface = _SurfaceNames(speakers)
    for claim in claims:
        if claim["speaker"]:
            # The resolved speaker when there is one; else match the surface name.
            name = by_id.get(claim.get("speaker_id")) or surface.match(claim["speaker"])
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
