"""Who attended: present, apologies, absent, also present (officers, guests, "in
attendance") and remote, from list headings in any house style ("PRESENT Vice Chairman
(Mr. Mycock ...)", "Apologies were received from ...", a callout "Present:" with the
names on the next line), and people entering and leaving during the meeting."""

from __future__ import annotations

import re

from ...knowledge.minutes import minutes_lexicon as lexicon
from ...records import AgendaItem, Attendance, AttendanceStatus, PersonRef, SourceDocument
from .items import item_at
from .lines import Line, sentences
from .names import names_in_list

__all__ = ["find_attendance"]

_NONE = re.compile(r"^(?:none|nil|n/a|no apologies.*|there were no .*)\.?$", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+\s*$")


def _heading(text: str) -> tuple[AttendanceStatus, int] | None:
    """The status a line's opening gives, and where its list starts."""
    for status, pattern in lexicon().attendance:
        match = pattern.match(text)
        if match:
            rest = text[match.end() :]
            colon = re.match(r"\s*[:.\-–]?\s*", rest)
            return status, match.end() + (colon.end() if colon else 0)
    return None


def find_attendance(
    source: SourceDocument,
    lines: tuple[Line, ...],
    items: tuple[AgendaItem, ...] = (),
    skip: tuple[tuple[int, int], ...] = (),
) -> tuple[Attendance, ...]:
    """Attendance records of one meeting; ``skip`` spans (recorded votes) hold no lists."""
    found: list[Attendance] = []
    seen: set[tuple[str, AttendanceStatus]] = set()

    def add(ref: PersonRef, status: AttendanceStatus, **extra: str | None) -> None:
        if ref.role == "remote":
            status, ref = AttendanceStatus.REMOTE, PersonRef(ref.name, ref.start, ref.end)
        key = (ref.name, status)
        if extra.get("event") is None and key in seen:
            return
        seen.add(key)
        role = ref.role
        if role and role.lower().startswith("the "):
            role = role[4:]
        item = item_at(items, ref.start)
        found.append(
            Attendance(
                source.id,
                ref.name,
                status,
                ref.start,
                ref.end,
                role,
                item=item.label if item else None,
                **extra,
            )  # fmt: skip
        )

    def in_skip(offset: int) -> bool:
        return any(a <= offset < b for a, b in skip)

    position = 0
    while position < len(lines):
        line = lines[position]
        position += 1
        if in_skip(line.start):
            continue
        head = _heading(line.text)
        if head is None:
            _movements(line, add)
            continue
        status, list_start = head
        text = line.text[list_start:]
        refs: list[PersonRef] = []
        if text.strip():
            first = next(sentences(text, line.start + list_start), None)
            if first is not None:
                refs = _list(source, first[0], first[1], line, list_start)
                if not refs and not _NONE.match(first[2]):
                    # "Apologies for absence" as an item title with prose below: no list.
                    refs = []
        # Names on the lines below a bare heading ("Present:" then "> J. Morgan, ..."),
        # and lists that run on to the next line after "and" or a comma.
        while position < len(lines):
            below = lines[position]
            if in_skip(below.start) or _heading(below.text) is not None or below.heading:
                break
            trailing = (text if not refs else line.text).rstrip()
            if text.strip() and not trailing.endswith((",", " and", "&")):
                break
            more = names_in_list(below.text, below.start)
            if not more or len(more) < _entry_count(below.text) / 2:
                break
            refs.extend(more)
            text, line = below.text, below
            position += 1
        for ref in refs:
            add(ref, status)
    return tuple(found)


def _entry_count(text: str) -> int:
    return len(re.split(r",|;|\band\b", text))


def _list(
    source: SourceDocument, start: int, end: int, line: Line, list_start: int
) -> list[PersonRef]:
    text = source.text[start:end]
    text = re.sub(r"\.$", "", text) if not re.search(r"\b[A-Z]\.$", text) else text
    return names_in_list(text, start)


def _movements(line: Line, add) -> None:  # type: ignore[no-untyped-def]
    lex = lexicon()
    for start, _end, sentence in sentences(line.text, line.start):
        for event, pattern in (("entered", lex.entered), ("left", lex.left)):
            verb = pattern.search(sentence)
            if not verb:
                continue
            before = sentence[: verb.start()]
            run = _PERSON_BEFORE.search(before)
            if not run:
                continue
            refs = names_in_list(run.group().strip(), start + run.start())
            if len(refs) != 1:
                # "At 1:07 PM, Councillor S. Lehman": keep the last name of the run.
                refs = refs[-1:]
            if not refs:
                continue
            time = lex.time.search(sentence)
            add(refs[0], AttendanceStatus.PRESENT, event=event,
                time=time.group().strip() if time else None)  # fmt: skip
            break
