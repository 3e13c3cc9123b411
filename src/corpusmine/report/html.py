"""The report as one self-contained HTML page: no network, no script, readable on a phone.

The page is ``templates/report.html.j2`` (with ``report.css``), rendered by Jinja2 with
autoescape on, so every piece of corpus text is escaped; a Content-Security-Policy meta
forbids scripts and any external resource, so even a document full of ``<script>`` is
shown as text. Contradictions show the conflicting sentences side by side, each linked to
the sentence in the full document text below, where entities and claims are highlighted.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..store import Span
from .findings import claim_reading, document_labels, finding_title, summary_items

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"  # noqa: E501
HIGHLIGHT_LABELS = frozenset({"PERSON", "ORG", "GPE", "ROLE", "RATING", "DATE", "TIME"})
TEMPLATES = Path(__file__).with_name("templates")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_html(report: dict[str, Any], texts: dict[str, str], mentions: Iterable[Span]) -> str:
    """The whole report; ``texts`` are the documents' texts by id, ``mentions`` the
    mentions to tint in them (those with a label in ``HIGHLIGHT_LABELS``)."""
    anchors = _DocumentAnchors([d["id"] for d in report["documents"]])
    by_document: dict[str, list[tuple[int, int, str]]] = {}
    for m in mentions:
        by_document.setdefault(m.document, []).append((m.start, m.end, m.label))
    marks = _claim_marks(report)
    bodies = {
        doc["id"]: highlight(
            texts.get(doc["id"]) or "",
            by_document.get(doc["id"], []),
            marks.get(doc["id"], []),
            doc["id"],
            anchors,
        )
        for doc in report["documents"]
    }
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            csp=CSP,
            anchors=anchors,
            bodies=bodies,
            single_source=[(f, c) for f in report["single_source"] for c in f["claims"]],
            summary_items=summary_items,
            finding_title=finding_title,
            labels=document_labels(report),
            claim_reading=claim_reading,
            sentence_parts=sentence_parts,
        )
    )


class _DocumentAnchors:
    """Stable, safe element ids for documents and claim spans."""

    def __init__(self, document_ids: list[str]) -> None:
        self.ids = {d: self._slug(d) for d in document_ids}

    @staticmethod
    def _slug(document_id: str) -> str:
        safe = re.sub(r"[^A-Za-z0-9_-]+", "-", document_id)[:40]
        digest = hashlib.sha1(document_id.encode()).hexdigest()[:6]
        return f"doc-{safe}-{digest}"

    def document(self, document_id: str) -> str:
        return self.ids.get(document_id) or self._slug(document_id)

    def span(self, document_id: str, start: int) -> str:
        return f"{self.document(document_id)}-at-{start}"


def sentence_parts(claim: dict[str, Any]) -> tuple[str, str | None, str]:
    """The claim's sentence split around the claimed value: (before, value, after), or
    (sentence, None, "") when the value is not in it."""
    sentence = claim.get("sentence") or ""
    value = claim.get("value") or ""
    at = sentence.find(value) if value else -1
    if at < 0:
        return sentence, None, ""
    return sentence[:at], value, sentence[at + len(value) :]


def _claim_marks(report: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    """Document id -> spans to mark: the claims of findings, and where quotes start."""
    marks: dict[str, list[tuple[int, int]]] = {}
    for key in ("contradictions", "agreements", "changes", "checks", "single_source"):
        for finding in report[key]:
            for c in finding["claims"]:
                marks.setdefault(c["document"], []).append((c["start"], c["end"]))
    for speaker in report["who_said"]:
        for q in speaker["quotes"]:
            marks.setdefault(q["document"], []).append((q["start"], q["start"]))
    for d in report.get("decisions", ()):
        marks.setdefault(d["document"], []).append((d["start"], d["start"]))
    return marks


@dataclass(frozen=True)
class Part:
    """A piece of a document's text as the page shows it.

    ``kind`` is ``text`` (plain), ``claim`` (marked, anchored), ``point`` (an empty
    anchor where a quote starts) or ``ent`` (an entity tinted by ``label``).
    """

    kind: str
    text: str = ""
    anchor: str = ""
    label: str = ""


def highlight(
    text: str,
    mentions: list[tuple[int, int, str]],
    claims: list[tuple[int, int]],
    document_id: str,
    anchors: _DocumentAnchors,
) -> list[Part]:
    """The document text as parts, with claim spans marked (and anchored) and entities
    tinted.

    Claims win over entities they overlap; overlapping spans are never nested, so the
    markup always closes in order.
    """
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, label
    for start, end in sorted(set(claims)):
        spans.append((start, max(end, start), "claim", ""))
    taken = [(s, e) for s, e, _, _ in spans]
    for start, end, label in sorted(mentions):
        if not any(s < end and start < e for s, e in taken if e > s):
            spans.append((start, end, "ent", label))
    spans.sort(key=lambda s: (s[0], -s[1]))
    parts, cursor = [], 0
    for start, end, kind, label in spans:
        if start < cursor or start > len(text):
            continue
        parts.append(Part("text", text[cursor:start]))
        if kind == "claim":
            anchor = anchors.span(document_id, start)
            point = end <= start  # an empty span: only the anchor
            parts.append(
                Part("point", anchor=anchor) if point else Part("claim", text[start:end], anchor)
            )
        else:
            parts.append(Part("ent", text[start:end], label=label))
        cursor = end
    parts.append(Part("text", text[cursor:]))
    return parts
