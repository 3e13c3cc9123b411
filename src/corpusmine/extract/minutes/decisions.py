"""What a meeting decided: resolutions, agreements, motions, approvals, notes, actions.

Two shapes cover the common house styles:

- blocks (eScribe, many town councils): a mover line ("Moved by: Councillor Osei",
  "> Motion made by P. Cuddy"), a seconder line, the motion's wording over one or more
  lines (lettered parts included), a recorded vote (a table of Yeas / Nays / Absent
  columns, or "Yeas (4): ..." lists, or "5 for, 0 against"), and a result line ("Motion
  Passed (14 to 1)", "Carried", "Defeated (2 to 4)");
- prose (parish and committee minutes): sentences that open a decision ("It was RESOLVED
  that", "AGREED to", "That it be noted", "The following payments were approved") or
  that name a mover ("It was proposed by Mrs. Fisher and seconded by M. Grief that ...",
  "Commissioner Brooks moved to ..."), with the result in a following sentence ("Carried
  unanimously.", "the motion was lost, 2 for, 3 against"); and actions ("Clerk to
  contact the County Council").

The patterns are data (``models/minutes.yaml``); this module only walks the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...knowledge.minutes import minutes_lexicon as lexicon
from ...records import (
    AgendaItem,
    Decision,
    DecisionKind,
    Outcome,
    PersonRef,
    SourceDocument,
    Voters,
)
from .items import item_at
from .lines import Line, sentences
from .names import is_role, names_in_list

__all__ = ["find_decisions"]

_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_VOTE_HEADER = re.compile(r"^(?:recorded\s+)?vote\s*:?\s*$", re.IGNORECASE)
_VOTE_LIST = re.compile(
    r"^(?P<column>[A-Za-z ]{2,24}?)\s*(?:\((?P<count>\d+)\))?\s*:\s*(?P<names>.*)$"
)
_SAME_SENTENCE_RESULT = re.compile(
    r"\b(?:and|which was|this was)\s+(?:was\s+|were\s+)?(?:duly\s+)?"
    r"(carried|agreed|approved|signed|lost|defeated)\b",
    re.IGNORECASE,
)
_THAT = re.compile(r"^That\b")
_RESULT_ONLY = re.compile(
    r"^(?:carried|lost|defeated|agreed|approved|passed|withdrawn|deferred)\b"
    r"(?!\s+(?:to|that)\b)",
    re.IGNORECASE,
)
_MOVEMENT = re.compile(r"\b(?:enters|leaves|entered|left|joins|joined)\s+the\s+meeting\b", re.I)


@dataclass
class _Open:
    """A decision being read; closed into a ``Decision``."""

    start: int = -1
    end: int = -1
    mover: PersonRef | None = None
    seconder: PersonRef | None = None
    kind: DecisionKind | None = None
    outcome: Outcome | None = None
    counts: tuple[int | None, int | None, int | None] = (None, None, None)
    unanimous: bool = False
    voters: dict[str, list[PersonRef]] = field(
        default_factory=lambda: {"for": [], "against": [], "abstain": [], "absent": []}
    )
    columns: list[str] = field(default_factory=list)
    actor: str | None = None
    in_vote: bool = False
    vote_start: int = -1
    vote_end: int = -1
    tentative: bool = False  # no mover and no result yet: kept only if a vote follows

    @property
    def has_text(self) -> bool:
        return self.start >= 0


def _counts(text: str) -> tuple[int | None, int | None, int | None]:
    for pattern in lexicon().counts:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            abstain = groups.get("abstain")
            return int(groups["for"]), int(groups["against"]), int(abstain) if abstain else None
    return None, None, None


def _outcome(text: str) -> Outcome | None:
    for outcome, pattern in lexicon().outcomes:
        if pattern.search(text):
            return outcome
    return None


def _opening(text: str) -> tuple[DecisionKind, re.Match[str]] | None:
    for kind, pattern in lexicon().openings:
        if kind is DecisionKind.MOTION:
            continue  # a bare "That ..." is a motion only under a mover
        match = pattern.search(text)
        anywhere = kind in (DecisionKind.APPROVED, DecisionKind.NOTED)
        if match and (
            match.start() == 0
            or anywhere
            or text[: match.start()].strip().lower() in ("", "it was", "and")
        ):
            return kind, match
    return None


def _person_match(patterns: tuple[re.Pattern[str], ...], text: str, offset: int,
                  *, whole: bool = False) -> tuple[PersonRef, re.Match[str]] | None:  # fmt: skip
    for pattern in patterns:
        for match in pattern.finditer(text):
            if whole and match.start() != 0:
                continue
            raw = match.group("name")
            start = offset + match.start("name")
            ref = _ref(raw, start)
            if ref is not None:
                return ref, match
    return None


_LEADING_STOP = re.compile(r"^(?:The|This|That|It|On|At|In|A|An|All|Members)\s+(?=[A-Z]|$)")


def _ref(raw: str, start: int) -> PersonRef | None:
    """A printed mover or seconder: a person (with a role prefix split off) or a role."""
    raw = raw.strip()
    stop = _LEADING_STOP.match(raw)
    if stop and not is_role(raw):
        raw, start = raw[stop.end() :], start + stop.end()
    if not raw:
        return None
    if is_role(raw):
        return PersonRef(raw, start, start + len(raw), raw.removeprefix("the ").strip())
    refs = names_in_list(raw, start)
    if len(refs) != 1:
        return None
    ref = refs[0]
    # "Vice Chair Whitfield" is printed with its role: keep the printed form as the name.
    return PersonRef(raw, start, start + len(raw), ref.role) if ref.role else ref


def find_decisions(
    source: SourceDocument, lines: tuple[Line, ...], items: tuple[AgendaItem, ...] = ()
) -> tuple[tuple[Decision, ...], tuple[tuple[int, int], ...]]:
    """Decisions of one meeting, and the spans of recorded votes (no attendance there)."""
    lex = lexicon()
    heads = {item.start for item in items}
    decisions: list[Decision] = []
    vote_spans: list[tuple[int, int]] = []
    current: _Open | None = None
    bullets_of: dict[int, list[Line]] = {}
    for line in lines:
        if line.kind == "bullet" and line.lead_in is not None:
            bullets_of.setdefault(line.lead_in, []).append(line)

    def close() -> None:
        nonlocal current
        if current is not None:
            if current.in_vote and current.vote_start >= 0:
                vote_spans.append((current.vote_start, current.vote_end))  # type: ignore[attr-defined]
            decision = _finish(source, current, items)
            if decision is not None:
                decisions.append(decision)
        current = None

    last_prose: Line | None = None  # the line before, when it was prose and decided nothing
    last_found: Line | None = None  # the line before, when it held a decision
    for line in lines:
        text = line.text
        previous_prose, previous_found = last_prose, last_found
        last_prose = last_found = None
        if line.start in heads or line.heading or lex.block_breaks.match(text):
            close()
            continue
        # Mover and seconder lines ("Moved by: Councillor Osei", "Proposed: Cllr Green.
        # Seconded: Cllr Dale.").
        parts = list(sentences(text, line.start))
        role_lines = [_mover_or_seconder(s, start) for start, _, s in parts]
        if parts and all(r is not None for r in role_lines):
            for who, ref in role_lines:  # type: ignore[misc]
                if who == "mover":
                    if current is not None and (current.has_text or current.mover):
                        close()
                    current = current or _Open()
                    current.mover = ref
                else:
                    current = current or _Open()
                    current.seconder = ref
            continue
        is_result = bool(lex.result_line.match(text))
        if (
            current is None
            and previous_prose is not None
            and (is_result or _VOTE_HEADER.match(text) or _TABLE_ROW.match(text))
        ):
            # A motion printed without a mover: its wording, then straight to the vote
            # ("That the meeting BE ADJOURNED." / "Motion Passed"; an election round).
            opening = _opening(previous_prose.text)
            current = _Open(start=previous_prose.start, end=previous_prose.end,
                            kind=opening[0] if opening else DecisionKind.MOTION)  # fmt: skip
        if current is not None and _vote_line(current, line):
            continue
        if is_result or (current is not None and _outcome_line(text)):
            if current is None and decisions and previous_found is not None:
                decisions[-1] = _with_result(decisions[-1], text)
            elif current is not None:
                current.outcome = _outcome(text) or current.outcome
                counts = _counts(text)
                if counts[0] is not None:
                    current.counts = counts
                current.unanimous = current.unanimous or bool(lex.unanimous.search(text))
                close()
            continue
        if _VOTE_HEADER.match(text):
            if current is not None:
                current.in_vote, current.vote_start = True, line.start
                current.vote_end = line.end
            continue
        action = _action(text)
        if (
            current is not None
            and current.tentative
            and (_opening(text) or _person_match(lex.movers[1:], text, 0))
        ):
            close()  # a decision of its own follows the unmoved "That ..." wording
        if current is not None and action is None:
            if _MOVEMENT.search(text):
                continue
            if not current.has_text:
                current.start = line.start
                opening = _opening(text)
                current.kind = opening[0] if opening else DecisionKind.MOTION
            current.end = max(current.end, _extent(line, bullets_of))
            continue
        close()
        if _THAT.match(text) and _opening(text) is None:
            # "That ..." with no mover yet: a motion if a vote or result follows its
            # wording (eScribe prints some without a mover); dropped otherwise.
            current = _Open(start=line.start, end=_extent(line, bullets_of),
                            kind=DecisionKind.MOTION, tentative=True)  # fmt: skip
            continue
        found = _prose(source, line, items, bullets_of)
        decisions.extend(found)
        if found:
            last_found = line
        elif not _MOVEMENT.search(text):
            last_prose = line
    close()
    decisions.sort(key=lambda d: (d.start, d.end))
    # ModernGov pages print a decision under "Decision:" and again after the minutes.
    unique: list[Decision] = []
    seen: set[tuple[str | None, str]] = set()
    for decision in decisions:
        key = (decision.item, decision.text)
        # Only a recorded resolution repeats: rounds of a vote share their wording too.
        repeatable = decision.kind is not DecisionKind.MOTION and not decision.voters
        if repeatable and decision.mover is None and key in seen:
            continue
        seen.add(key)
        unique.append(decision)
    return tuple(unique), tuple(vote_spans)


def _outcome_line(text: str) -> bool:
    """A short line that only reports a result ("Carried unanimously.", "Lost.")."""
    return len(text) < 60 and bool(_RESULT_ONLY.match(text))


def _with_result(decision: Decision, text: str) -> Decision:
    from dataclasses import replace

    votes_for, against, abstain = _counts(text)
    outcome = _outcome(text) or decision.outcome
    if lexicon().unanimous.search(text) and against is None:
        against = 0
    return replace(
        decision,
        outcome=outcome,
        votes_for=votes_for if votes_for is not None else decision.votes_for,
        votes_against=against if against is not None else decision.votes_against,
        abstentions=abstain if abstain is not None else decision.abstentions,
    )


def _mover_or_seconder(sentence: str, start: int) -> tuple[str, PersonRef] | None:
    """("mover" | "seconder", name) when the sentence is only that."""
    lex = lexicon()
    for who, patterns in (("mover", lex.movers[:1]), ("seconder", lex.seconders[:1])):
        found = _person_match(patterns, sentence, start, whole=True)
        if found is None:
            continue
        ref, match = found
        rest = sentence[match.end() :].strip(" .;,")
        if not rest:
            return who, ref
    return None


def _vote_line(current: _Open, line: Line) -> bool:
    """Read a line of a recorded vote into ``current``; False when it is not one."""
    lex = lexicon()
    text = line.text
    row = _TABLE_ROW.match(text)
    if row or _TABLE_RULE.match(text):
        if not current.in_vote:
            current.in_vote, current.vote_start = True, line.start
        current.vote_end = line.end
        if _TABLE_RULE.match(text):
            return True
        assert row is not None
        cells = row.group(1).split("|")
        offsets = []
        position = line.start + 1
        for cell in cells:
            offsets.append(position)
            position += len(cell) + 1
        keys = [_column(c.strip()) for c in cells]
        if any(keys) and all(
            k is not None or not c.strip() for k, c in zip(keys, cells, strict=True)
        ):
            current.columns = [k or "" for k in keys]
            return True
        for index, cell in enumerate(cells):
            if index >= len(current.columns) or not cell.strip() or not current.columns[index]:
                continue
            lead = len(cell) - len(cell.lstrip())
            for ref in names_in_list(cell.strip(), offsets[index] + lead):
                current.voters[current.columns[index]].append(ref)
        return True
    listed = _VOTE_LIST.match(text)
    if listed and _column(listed.group("column").strip()):
        key = _column(listed.group("column").strip())
        assert key is not None
        if not current.in_vote:
            current.in_vote, current.vote_start = True, line.start
        current.vote_end = line.end
        names_start = line.start + listed.start("names")
        refs = names_in_list(listed.group("names"), names_start)
        current.voters[key].extend(refs)
        if listed.group("count") is None and not refs:
            counts = _counts(text)
            if counts[0] is not None:
                current.counts = counts
        return True
    if re.match(r"^vote\s*:", text, re.I) or (current.has_text and _counts(text)[0] is not None
                                              and len(text) < 120):  # fmt: skip
        counts = _counts(text)
        if counts[0] is not None:
            current.counts = counts
            outcome = _outcome(text)
            if outcome:
                current.outcome = outcome
            return True
    del lex
    return False


def _column(label: str) -> str | None:
    label = label.rstrip(":").strip()
    for key, pattern in lexicon().vote_columns:
        if pattern.match(label):
            return key
    return None


def _extent(line: Line, bullets_of: dict[int, list[Line]]) -> int:
    """The line's end, or its last bullet's when bullets hang under it (a resolution
    "... the following matters:" and its list)."""
    bullets = bullets_of.get(line.index)
    return bullets[-1].end if bullets else line.end


def _action(text: str) -> re.Match[str] | None:
    for pattern in lexicon().actions:
        match = pattern.match(text)
        if match and not is_role(text.strip()):
            return match
    return None


def _finish(
    source: SourceDocument, current: _Open, items: tuple[AgendaItem, ...]
) -> Decision | None:
    if not current.has_text:
        return None
    if current.tentative and current.outcome is None and not any(current.voters.values()):
        return None
    text = source.text[current.start : current.end]
    kind = current.kind or DecisionKind.MOTION
    voters = Voters(*(tuple(current.voters[k]) for k in ("for", "against", "abstain", "absent")))
    votes_for, against, abstain = current.counts
    if votes_for is None and voters:
        votes_for, against = len(voters.for_), len(voters.against)
        abstain = len(voters.abstain) if voters.abstain else None
    if current.unanimous and against is None:
        against = 0
    outcome = current.outcome or _default_outcome(kind, text)
    item = item_at(items, current.start)
    return Decision(
        document=source.id,
        kind=kind,
        text=" ".join(text.split()),
        start=current.start,
        end=current.end,
        outcome=outcome,
        mover=current.mover,
        seconder=current.seconder,
        votes_for=votes_for,
        votes_against=against,
        abstentions=abstain,
        voters=voters,
        actor=current.actor,
        item=item.label if item else None,
    )


def _default_outcome(kind: DecisionKind, text: str) -> Outcome:
    """A decision without a recorded result: a resolution or agreement was carried (or
    deferred or noted, when that is what it resolved); a motion's fate is unknown."""
    if kind is DecisionKind.NOTED:
        return Outcome.NOTED
    if kind in (DecisionKind.RESOLVED, DecisionKind.AGREED, DecisionKind.APPROVED):
        for outcome, pattern in lexicon().content_outcomes:
            if pattern.search(text):
                return outcome
        return Outcome.CARRIED
    return Outcome.UNKNOWN


def _prose(source: SourceDocument, line: Line, items: tuple[AgendaItem, ...],
           bullets_of: dict[int, list[Line]]) -> list[Decision]:  # fmt: skip
    """Decisions written in sentences of one paragraph."""
    lex = lexicon()
    parts = list(sentences(line.text, line.start))
    found: list[Decision] = []
    used: set[int] = set()
    for index, (start, end, sentence) in enumerate(parts):
        if index in used:
            continue
        action = _action(sentence)
        if action is not None:
            current = _Open(start=start, end=end, kind=DecisionKind.ACTION)
            current.actor = action.group("actor").strip()
            decision = _finish(source, current, items)
            if decision:
                found.append(decision)
            continue
        mover = _person_match(lex.movers[1:], sentence, start)
        opening = _opening(sentence)
        if mover is None and opening is None:
            continue
        current = _Open(start=start, end=end)
        current.kind = opening[0] if opening else DecisionKind.MOTION
        if mover is not None:
            current.mover = mover[0]
            if opening and opening[0] not in (DecisionKind.RESOLVED, DecisionKind.AGREED):
                current.kind = DecisionKind.MOTION
        seconder = _person_match(lex.seconders[1:], sentence, start)
        after = sentence[mover[1].end() :] if mover else ""
        same = _SAME_SENTENCE_RESULT.search(after) if mover else None
        if same:
            current.outcome = _outcome(same.group(1))
        # The result and the seconder may follow in the next sentences.
        for later in range(index + 1, min(index + 3, len(parts))):
            _, _, next_sentence = parts[later]
            if seconder is None:
                seconder_next = _person_match(lex.seconders[1:], next_sentence, parts[later][0])
                if seconder_next is not None and _opening(next_sentence) is None:
                    seconder = seconder_next
                    used.add(later)
                    continue
            if lex.result_line.match(next_sentence) or _outcome_line(next_sentence):
                current.outcome = _outcome(next_sentence) or current.outcome
                counts = _counts(next_sentence)
                if counts[0] is not None:
                    current.counts = counts
                current.unanimous = bool(lex.unanimous.search(next_sentence))
                used.add(later)
                break
            if _opening(next_sentence) or _person_match(lex.movers[1:], next_sentence, 0):
                break
        if seconder is not None:
            current.seconder = seconder[0]
        if current.counts[0] is None:
            counts = _counts(sentence)
            if counts[0] is not None:
                current.counts = counts
        if not current.outcome and lex.unanimous.search(sentence) and mover is None:
            current.unanimous = True
        if (
            opening is not None
            and index == len(parts) - 1
            or (opening is not None and opening[0] is not DecisionKind.APPROVED)
        ):
            # A resolution runs to the end of its paragraph and over the bullets under it.
            current.end = max(end, _extent(line, bullets_of)) if index == len(parts) - 1 else end
        decision = _finish(source, current, items)
        if decision:
            found.append(decision)
    return found
