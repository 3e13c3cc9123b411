"""Wording shared by the Markdown and HTML reports: titles, readings, summary labels."""

from __future__ import annotations

from typing import Any

SUMMARY_LABELS = (
    ("documents", "Documents"),
    ("people", "People"),
    ("organisations", "Organisations"),
    ("claims", "Claims"),
    ("contradictions", "Contradictions"),
    ("agreements", "Agreements"),
    ("changes", "Changes over time"),
    ("checks", "Checks"),
)


def summary_items(summary: dict[str, Any]) -> list[tuple[str, Any]]:
    """(label, count) pairs in report order."""
    return [(label, summary.get(key, 0)) for key, label in SUMMARY_LABELS]


def document_labels(report: dict[str, Any]) -> dict[str, str]:
    """How people name each document: its title, source and date ("Trump ducks on taxes
    (nyt, 2016-09-24)"), the id only when it has no title."""
    return {doc["id"]: document_label(doc) for doc in report["documents"]}


def document_label(doc: dict[str, Any]) -> str:
    """One document as people name it: "title (source, date)", the id without a title."""
    details = ", ".join(str(d) for d in (doc.get("source"), doc.get("date")) if d)
    title = doc.get("title") or doc["id"]
    return f"{title} ({details})" if details else title


def finding_title(finding: dict[str, Any]) -> str:
    return f"{finding['subject']}: {finding['attribute']}"


def claim_reading(claim: dict[str, Any]) -> str:
    """How a claim was read: "2022-11", "500 (approximate)", "inadequate (current, 4/4)"."""
    reading = str(claim.get("normalized") or "?")
    if claim.get("unit") and claim.get("kind") in ("count", "amount"):
        reading += f" {claim['unit']}"
    extras = []
    if claim.get("qualifier") and claim["qualifier"] != "exact":
        extras.append(claim["qualifier"].replace("_", " "))
    if claim.get("kind") == "rating":
        if claim.get("status"):
            extras.append(claim["status"])
        if claim.get("rank"):
            extras.append(f"rank {claim['rank']}, 1 = best")
    if claim.get("kind") != "event" and claim.get("as_of"):
        extras.append(f"as of {claim['as_of']}")
    if claim.get("kind") == "event" and claim.get("status") == "planned":
        extras.append("planned")
    if claim.get("speaker"):
        extras.append(f"said by {claim['speaker']}")
    return reading + (f" ({', '.join(extras)})" if extras else "")
