"""The report as data: the DESIGN.md report JSON, which Markdown and HTML render.

``{summary, documents, contradictions, agreements, checks, changes, single_source,
timeline, who_said}``; every finding is ``{subject, attribute, verdict, claims,
explanation}`` and every claim carries its document, offsets and sentence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..analyse import find_findings, load_claims, timeline
from ..queries import who_said_rows
from ..store import Store


def build_report(store: Store) -> dict[str, Any]:
    """Everything the report shows, as one JSON-ready dict."""
    claims = load_claims(store)
    findings = find_findings(store, claims)
    types = {row["type"]: row["n"] for row in store.rows(
        "SELECT type, count(*) AS n FROM entities GROUP BY type"
    )}  # fmt: skip
    documents = [
        {
            "id": row["id"],
            "title": row["title"],
            "path": row["path"],
            "kind": row["kind"],
            "date": row["date"],
            "date_source": row["date_source"],
            "source": row["source"],
            "words": row["words"],
        }
        for row in store.documents()
    ]
    quotes = who_said_rows(store)
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
        "who_said": who_said(quotes, [c.as_dict() for c in claims]),
    }


def who_said(quotes: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per speaker: their quotes and the claims made in their reported speech."""
    speakers: dict[str, dict[str, Any]] = {}
    said: dict[str, list[dict[str, Any]]] = defaultdict(list)
    claimed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in quotes:
        name = quote["speaker"] or "(unknown)"
        speakers.setdefault(name, {"speaker": name, "speaker_id": quote["speaker_id"]})
        said[name].append(
            {k: quote[k] for k in ("document", "text", "kind", "cue", "start", "end", "sentence")}
        )
    by_id = {info["speaker_id"]: name for name, info in speakers.items() if info["speaker_id"]}
    for claim in claims:
        if claim["speaker"]:
            # The resolved speaker when there is one; else match the surface name.
            name = by_id.get(claim.get("speaker_id")) or _speaker_name(claim["speaker"], speakers)
            speakers.setdefault(name, {"speaker": name, "speaker_id": None})
            claimed[name].append(claim)
    rows = [
        {**info, "quotes": said[name], "claims": claimed[name]} for name, info in speakers.items()
    ]
    rows.sort(key=lambda r: (-len(r["quotes"]) - len(r["claims"]), r["speaker"]))
    return rows


def _speaker_name(text: str, speakers: dict[str, dict[str, Any]]) -> str:
    # A claim's speaker is the quote's surface name; prefer the canonical name it matches.
    lowered = text.casefold()
    for name in speakers:
        if lowered in name.casefold() or name.casefold() in lowered:
            return name
    return text
