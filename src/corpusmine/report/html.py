"""The report as one self-contained HTML page: no network, no script, readable on a phone.

Every piece of corpus text goes through ``html.escape``; a Content-Security-Policy meta
forbids scripts and any external resource, so even a document full of ``<script>`` is
shown as text. Contradictions show the conflicting sentences side by side, each linked to
the sentence in the full document text below, where entities and claims are highlighted.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from html import escape
from typing import Any

from ..store import Store
from .findings import claim_reading, finding_title, summary_items

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"  # noqa: E501
HIGHLIGHT_LABELS = frozenset({"PERSON", "ORG", "GPE", "ROLE", "RATING", "DATE", "TIME"})

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;
background:#f6f6f4}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #ddd}
h3{font-size:1.05rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(8rem,1fr));gap:.5rem}
.card{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.6rem}
.card b{display:block;font-size:1.5rem}
.finding{background:#fff;border:1px solid #ddd;border-left:.4rem solid #888;border-radius:.5rem;
padding:.8rem;margin:1rem 0}
.contradict{border-left-color:#c62828}.agree{border-left-color:#2e7d32}
.different_time{border-left-color:#1565c0}.check,.different_subject{border-left-color:#ef6c00}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.6rem}
.side{background:#fafafa;border:1px solid #e0e0e0;border-radius:.4rem;padding:.6rem}
.side .value{font-weight:600}
.muted{color:#555;font-size:.9rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.doctext{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:.8rem;
border-radius:.4rem;overflow-wrap:anywhere}
mark{background:#fff59d}
blockquote{margin:.4rem 0;padding-left:.6rem;border-left:3px solid #bbb}
.ent{border-bottom:2px solid #90a4ae}
.ent-PERSON{background:#e3f2fd}.ent-ORG{background:#f3e5f5}.ent-GPE{background:#e8f5e9}
.ent-ROLE{background:#fff3e0}.ent-RATING{background:#ffebee}
.ent-DATE,.ent-TIME{background:#e0f7fa}
details{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.4rem .6rem;
margin:.4rem 0}
a{color:#0b57d0}
@media (max-width:30rem){main{padding:.5rem}body{font-size:15px}}
"""


def render_html(report: dict[str, Any], store: Store) -> str:
    """The whole report; ``store`` supplies the document texts and their mentions."""
    anchors = _DocumentAnchors([d["id"] for d in report["documents"]])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>corpusmine report</title>",
        f"<style>{STYLE}</style></head><body><main>",
        "<h1>corpusmine report</h1>",
        _summary(report),
        _contradictions(report, anchors),
    ]
    for key, title in (
        ("agreements", "Agreements"),
        ("changes", "Changes over time"),
        ("checks", "Checks: near misses, not contradictions"),
    ):
        parts.append(_finding_list(key, title, report[key], anchors))
    parts += [
        _single_source(report, anchors),
        _timeline(report, anchors),
        _who_said(report, anchors),
        _documents(report, store, anchors),
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


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


def _summary(report: dict[str, Any]) -> str:
    cards = "".join(
        f'<div class="card"><b>{escape(str(value))}</b>{escape(label)}</div>'
        for label, value in summary_items(report["summary"])
    )
    return f'<section id="summary"><h2>Summary</h2><div class="cards">{cards}</div></section>'


def _contradictions(report: dict[str, Any], anchors: _DocumentAnchors) -> str:
    out = ['<section id="contradictions"><h2>Contradictions</h2>']
    if not report["contradictions"]:
        out.append("<p>No contradictions found.</p>")
    for finding in report["contradictions"]:
        sides = "".join(_side(claim, anchors) for claim in finding["claims"])
        out.append(
            '<article class="finding contradict">'
            f"<h3>{escape(finding_title(finding))}</h3>"
            f'<p class="muted">{escape(finding["explanation"])}</p>'
            f'<div class="sides">{sides}</div></article>'
        )
    out.append("</section>")
    return "".join(out)


def _side(claim: dict[str, Any], anchors: _DocumentAnchors) -> str:
    link = anchors.span(claim["document"], claim["start"])
    speaker = (
        f' <span class="muted">({escape(claim["speaker"])})</span>' if claim.get("speaker") else ""
    )
    note = f'<p class="muted">{escape(claim["date_note"])}</p>' if claim.get("date_note") else ""
    return (
        '<div class="side">'
        f'<a href="#{link}">{escape(claim["document"])}</a>{speaker}'
        f'<p class="value">{escape(claim["value"])} → {escape(claim_reading(claim))}</p>'
        f"<blockquote>{_sentence(claim)}</blockquote>{note}</div>"
    )


def _sentence(claim: dict[str, Any]) -> str:
    """The claim's sentence with the claimed value marked."""
    sentence = claim.get("sentence") or ""
    value = claim.get("value") or ""
    at = sentence.find(value) if value else -1
    if at < 0:
        return escape(sentence)
    return (
        escape(sentence[:at])
        + f"<mark>{escape(value)}</mark>"
        + escape(sentence[at + len(value) :])
    )


def _finding_list(
    key: str, title: str, findings: list[dict[str, Any]], anchors: _DocumentAnchors
) -> str:
    out = [f'<section id="{key}"><h2>{escape(title)}</h2>']
    if not findings:
        out.append("<p>None.</p>")
    for finding in findings:
        links = ", ".join(
            f'<a href="#{anchors.span(c["document"], c["start"])}">'
            f"{escape(c['document'])}: {escape(c['value'])}</a>"
            for c in finding["claims"]
        )
        out.append(
            f'<article class="finding {escape(finding["verdict"])}">'
            f"<h3>{escape(finding_title(finding))}</h3>"
            f'<p>{escape(finding["explanation"])}</p><p class="muted">{links}</p></article>'
        )
    out.append("</section>")
    return "".join(out)


def _single_source(report: dict[str, Any], anchors: _DocumentAnchors) -> str:
    rows = [
        [
            escape(f["subject"]),
            escape(f["attribute"]),
            f'<a href="#{anchors.span(c["document"], c["start"])}">{escape(c["document"])}</a>',
            escape(c["value"]),
            escape(claim_reading(c)),
        ]
        for f in report["single_source"]
        for c in f["claims"]
    ]
    table = _table(["Subject", "Attribute", "Document", "Says", "Reads as"], rows)
    return f'<section id="single-source"><h2>Single-source claims</h2>{table}</section>'


def _timeline(report: dict[str, Any], anchors: _DocumentAnchors) -> str:
    rows = []
    for entry in report["timeline"]:
        docs = ", ".join(
            f'<a href="#{anchors.document(d)}">{escape(d)}</a>' for d in entry["documents"]
        )
        agree = "yes" if entry["agree"] else "no: " + ", ".join(entry["dates"])
        event = entry["event"] + (" (planned)" if entry.get("planned") else "")
        rows.append([escape(entry["date"]), escape(event), escape(entry["subject"]), docs,
                     escape(agree)])  # fmt: skip
    table = _table(["Date", "Event", "Subject", "Documents", "Documents agree"], rows)
    return f'<section id="timeline"><h2>Timeline</h2>{table}</section>'


def _who_said(report: dict[str, Any], anchors: _DocumentAnchors) -> str:
    out = ['<section id="who-said"><h2>Who said what</h2>']
    for speaker in report["who_said"]:
        items = [
            f'<li><a href="#{anchors.span(q["document"], q["start"])}">{escape(q["document"])}</a>'
            f" ({escape(q['kind'])}): “{escape(q['text'])}”</li>"
            for q in speaker["quotes"]
        ]
        items += [
            f'<li>claim in <a href="#{anchors.span(c["document"], c["start"])}">'
            f"{escape(c['document'])}</a>: {escape(c['attribute'])} = {escape(c['value'])}</li>"
            for c in speaker["claims"]
        ]
        count = len(speaker["quotes"]) + len(speaker["claims"])
        out.append(
            f"<details><summary>{escape(speaker['speaker'])} ({count})</summary>"
            f"<ul>{''.join(items)}</ul></details>"
        )
    out.append("</section>")
    return "".join(out)


def _documents(report: dict[str, Any], store: Store, anchors: _DocumentAnchors) -> str:
    claim_starts: dict[str, list[tuple[int, int]]] = {}
    for key in ("contradictions", "agreements", "changes", "checks", "single_source"):
        for finding in report[key]:
            for c in finding["claims"]:
                claim_starts.setdefault(c["document"], []).append((c["start"], c["end"]))
    for speaker in report["who_said"]:
        for q in speaker["quotes"]:
            claim_starts.setdefault(q["document"], []).append((q["start"], q["start"]))
    out = ['<section id="documents"><h2>Documents</h2>']
    # Two queries for the whole corpus, not two per document.
    texts = store.texts_of(doc["id"] for doc in report["documents"])
    mentions = _highlighted_mentions(store)
    for doc in report["documents"]:
        text = texts.get(doc["id"]) or ""
        spans = mentions.get(doc["id"], [])
        body = highlight(text, spans, claim_starts.get(doc["id"], []), doc["id"], anchors)
        date = f"{doc['date'] or 'undated'} ({doc['date_source']})"
        out.append(
            f'<article id="{anchors.document(doc["id"])}"><h3>{escape(doc["title"])}</h3>'
            f'<p class="muted">{escape(doc["id"])} · {escape(doc["kind"])} · {escape(date)}</p>'
            f'<div class="doctext">{body}</div></article>'
        )
    out.append("</section>")
    return "".join(out)


def _highlighted_mentions(store: Store) -> dict[str, list[tuple[int, int, str]]]:
    """Document id -> (start, end, label) of its mentions with a highlighted label."""
    labels = sorted(HIGHLIGHT_LABELS)
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for document, start, end, label in store.tuples(
        "SELECT document, start, end, label FROM mentions"
        f" WHERE label IN ({', '.join('?' * len(labels))})",
        labels,
    ):
        found[document].append((start, end, label))
    return found


def highlight(
    text: str,
    mentions: list[tuple[int, int, str]],
    claims: list[tuple[int, int]],
    document_id: str,
    anchors: _DocumentAnchors,
) -> str:
    """Escaped document text with claim spans marked (and anchored) and entities tinted.

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
    out, cursor = [], 0
    for start, end, kind, label in spans:
        if start < cursor or start > len(text):
            continue
        out.append(escape(text[cursor:start]))
        anchor = f' id="{anchors.span(document_id, start)}"' if kind == "claim" else ""
        inner = escape(text[start:end])
        if kind == "claim":
            out.append(f"<mark{anchor}>{inner}</mark>" if end > start else f"<span{anchor}></span>")
        else:
            out.append(
                f'<span class="ent ent-{escape(label)}" title="{escape(label)}">{inner}</span>'
            )
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """A table of already-escaped cells."""
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="scroll">{table}</div>'
