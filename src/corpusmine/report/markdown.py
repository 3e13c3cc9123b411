"""The report as Markdown: summary, contradictions side by side, agreements, changes,
checks, single-source claims, timeline, and who said what."""

from __future__ import annotations

from typing import Any

from .findings import claim_reading, document_labels, finding_title, summary_items


def render_markdown(report: dict[str, Any]) -> str:
    """One Markdown document; text from the corpus is escaped so it cannot add markup."""
    out: list[str] = ["# corpusmine report", ""]
    out += ["## Summary", ""]
    items = summary_items(report["summary"])
    out += ["| " + " | ".join(label for label, _ in items) + " |"]
    out += ["|" + "---|" * len(items)]
    out += ["| " + " | ".join(str(value) for _, value in items) + " |", ""]

    out += ["## Contradictions", ""]
    if not report["contradictions"]:
        out += ["No contradictions found.", ""]
    labels = document_labels(report)
    for finding in report["contradictions"]:
        out += _side_by_side(finding, labels)

    for key, title in (
        ("agreements", "Agreements"),
        ("changes", "Changes over time"),
        ("checks", "Checks (near misses, not contradictions)"),
    ):
        out += [f"## {title}", ""]
        if not report[key]:
            out += ["None.", ""]
        for finding in report[key]:
            out += [f"- **{cell(finding_title(finding))}**: {cell(finding['explanation'])}"]
            out += [f"  - {cell(labels.get(c['document'], c['document']))}: {cell(c['value'])}"
                    for c in finding["claims"]]  # fmt: skip
        out += [""]

    out += ["## Single-source claims", ""]
    out += _table(
        ["Subject", "Attribute", "Document", "Says", "Reads as"],
        [
            [f["subject"], f["attribute"], c["document"], c["value"], claim_reading(c)]
            for f in report["single_source"]
            for c in f["claims"]
        ],
    )

    out += ["## Timeline", ""]
    out += _table(
        ["Date", "Event", "Subject", "Documents", "Agree"],
        [
            [
                e["date"],
                e["event"] + (" (planned)" if e.get("planned") else ""),
                e["subject"],
                ", ".join(e["documents"]),
                "yes" if e["agree"] else "NO: " + ", ".join(e["dates"]),
            ]
            for e in report["timeline"]
        ],  # fmt: skip
    )

    out += ["## Who said what", ""]
    for speaker in report["who_said"]:
        out += [f"### {cell(speaker['speaker'])}", ""]
        for quote in speaker["quotes"]:
            out += [f"- {cell(quote['document'])} ({quote['kind']}): “{cell(quote['text'])}”"]
        for claim in speaker["claims"]:
            out += [f"- claim in {cell(claim['document'])}: {cell(claim['attribute'])} = "
                    f"{cell(claim['value'])}"]  # fmt: skip
        out += [""]

    out += _meetings_markdown(report)

    out += ["## Documents", ""]
    out += _table(
        ["Id", "Title", "Kind", "Date", "Date from"],
        [
            [d["id"], d["title"], d["kind"], d["date"] or "", d["date_source"]]
            for d in report["documents"]
        ],  # fmt: skip
    )
    return "\n".join(out).rstrip() + "\n"


def _meetings_markdown(report: dict[str, Any]) -> list[str]:
    """Decisions per meeting and people across meetings (only for minutes)."""
    if not report.get("meetings"):
        return []
    out = ["## Decisions", ""]
    for meeting in report["meetings"]:
        out += [f"### {cell(meeting['title'])} ({meeting['date'] or 'undated'})", ""]
        out += _table(
            ["Item", "Kind", "Decision", "Moved", "Seconded", "Outcome", "Votes"],
            [
                [
                    d["item"] or "",
                    d["kind"],
                    d["text"][:200],
                    d["moved_by"] or "",
                    d["seconded_by"] or "",
                    d["outcome"],
                    d["votes"],
                ]
                for d in meeting["decisions"]
            ],  # fmt: skip
        )
    people = [p for p in report.get("people_at_meetings", []) if p["votes"] or p["statements"]]
    if people:
        out += ["## People at meetings", ""]
        for person in people:
            present = sum(a["status"] in ("present", "remote") and not a["event"]
                          for a in person["attendance"])  # fmt: skip
            said = person["statements"]
            out += [f"### {cell(person['person'])}", "",
                    f"Attended {present} meeting(s); {said} statement(s).", ""]  # fmt: skip
            for vote in person["votes"]:
                out += [f"- {cell(vote['title'])}, {cell(vote['item'] or '')}: {vote['role']} "
                        f"“{cell(vote['text'][:120])}” ({vote['outcome']})"]  # fmt: skip
            out += [""]
    return out


def _side_by_side(finding: dict[str, Any], labels: dict[str, str]) -> list[str]:
    lines = [f"### {cell(finding_title(finding))}", "", cell(finding["explanation"]), ""]
    lines += _table(
        ["Document", "Says", "Reads as", "Sentence"],
        [
            [labels.get(c["document"], c["document"]), c["value"], claim_reading(c), c["sentence"]]
            for c in finding["claims"]
        ],  # fmt: skip
    )
    return lines


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    if not rows:
        return ["None.", ""]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines + [""]


def cell(value: Any) -> str:
    """Text safe inside Markdown (and any HTML a Markdown renderer lets through)."""
    text = "" if value is None else " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\|*_`[]#":
        text = text.replace(char, "\\" + char)
    return text
