"""What minutes look like (``models/minutes.yaml``), compiled once: recognition markers,
attendance headings, names, titles and roles, decision openings, movers, results, votes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..records import AttendanceStatus, DecisionKind, Outcome
from .files import load_yaml
from .words import honorifics

MODEL = "minutes.yaml"


def _compile(spec: dict[str, object]) -> re.Pattern[str]:
    flags = 0 if spec.get("case") else re.IGNORECASE
    return re.compile(str(spec["pattern"]), flags)


@dataclass(frozen=True)
class Marker:
    category: str
    weight: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class MinutesLexicon:
    markers: tuple[Marker, ...]
    min_score: int
    min_categories: int
    category_cap: int
    titles: tuple[str, ...]
    plural_titles: dict[str, str]
    roles: tuple[str, ...]
    particles: tuple[str, ...]
    not_people: re.Pattern[str]
    attendance: tuple[tuple[AttendanceStatus, re.Pattern[str]], ...]
    remote_words: re.Pattern[str]
    entered: re.Pattern[str]
    left: re.Pattern[str]
    time: re.Pattern[str]
    item_number: re.Pattern[str]
    item_label: re.Pattern[str]
    item_title_max: int
    openings: tuple[tuple[DecisionKind, re.Pattern[str]], ...]
    actions: tuple[re.Pattern[str], ...]
    movers: tuple[re.Pattern[str], ...]
    seconders: tuple[re.Pattern[str], ...]
    outcomes: tuple[tuple[Outcome, re.Pattern[str]], ...]
    content_outcomes: tuple[tuple[Outcome, re.Pattern[str]], ...]
    result_line: re.Pattern[str]
    counts: tuple[re.Pattern[str], ...]
    unanimous: re.Pattern[str]
    vote_columns: tuple[tuple[str, re.Pattern[str]], ...]
    block_breaks: re.Pattern[str]
    statement_verbs: frozenset[str]
    irregular_past: dict[str, str]
    statement_openers: re.Pattern[str]
    letter_writer: re.Pattern[str]
    statement_confidence: float
    name: str  # regex source of one printed name (see ``name_regex``)


def _alternatives(words: list[str], escape: bool = True) -> str:
    ordered = sorted(words, key=len, reverse=True)  # longest first: "Vice Chair" before "Chair"
    return "|".join(re.escape(w) if escape else w for w in ordered)


def name_regex(
    titles: list[str], roles: list[str], particles: list[str], plurals: list[str]
) -> str:
    """A printed person's name: optional roles and titles, initials, one to three
    capitalised words (lower-case particles allowed inside), or a role on its own
    ("the Chairman"). Case-sensitive."""
    title = rf"(?:{_alternatives(titles + plurals)})\.?"
    role = rf"(?:{_alternatives(roles, escape=False)})"
    word = r"(?:Mc|Mac|O['’])?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
    particle = rf"(?:(?:{_alternatives(particles)})\s+)"
    initials = r"(?:[A-Z]\.\s?(?:[A-Z]\.\s?){0,2}|[A-Z]\s(?=[A-Z][a-z]))"
    person = (
        rf"(?:(?:{role}|{title})\s+){{0,3}}{initials}?{particle}*{word}"
        rf"(?:\s+{particle}*{initials}?{word}){{0,2}}"
    )
    return rf"(?:{person}|(?:[Tt]he\s+)?{role})"


@cache
def minutes_lexicon() -> MinutesLexicon:
    """The minutes knowledge, loaded once."""
    data = load_yaml(MODEL)
    rec = data["recognition"]
    # Honorifics are shared (words.yaml); minutes add the titles of office-holders.
    titles = sorted({h.title() for h in honorifics().all} | set(data["titles"]))
    roles = list(data["roles"])
    particles = list(data["name_particles"])
    plurals = dict(data["plural_titles"])
    name = name_regex(titles, roles, particles, list(plurals))

    def people(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        # Verbs are matched in any case; the name itself must keep its capitals.
        compiled = []
        for pattern in patterns:
            source = pattern.replace("NAME", f"(?-i:{name})")
            compiled.append(re.compile(source, re.IGNORECASE))
        return tuple(compiled)

    return MinutesLexicon(
        markers=tuple(Marker(m["category"], int(m["weight"]), _compile(m)) for m in rec["markers"]),
        min_score=int(rec["min_score"]),
        min_categories=int(rec["min_categories"]),
        category_cap=int(rec["category_cap"]),
        titles=tuple(titles),
        plural_titles=plurals,
        roles=tuple(roles),
        particles=tuple(particles),
        not_people=re.compile(rf"^(?:{'|'.join(data['not_people'])})$", re.IGNORECASE),
        attendance=tuple((AttendanceStatus(a["status"]), _compile(a)) for a in data["attendance"]),
        remote_words=re.compile(data["remote_words"], re.IGNORECASE),
        entered=re.compile(data["movements"]["entered"], re.IGNORECASE),
        left=re.compile(data["movements"]["left"], re.IGNORECASE),
        time=re.compile(data["time"], re.IGNORECASE),
        item_number=re.compile(data["item_number"], re.IGNORECASE),
        item_label=re.compile(data["item_label"], re.IGNORECASE),
        item_title_max=int(data["item_title_max"]),
        openings=tuple((DecisionKind(o["kind"]), _compile(o)) for o in data["decision_openings"]),
        actions=tuple(re.compile(p) for p in data["actions"]),
        movers=people(data["movers"]),
        seconders=people(data["seconders"]),
        outcomes=tuple((Outcome(o["outcome"]), _compile(o)) for o in data["outcomes"]),
        content_outcomes=tuple(
            (Outcome(o["outcome"]), _compile(o)) for o in data["content_outcomes"]
        ),
        result_line=re.compile(data["result_line"], re.IGNORECASE),
        counts=tuple(re.compile(p, re.IGNORECASE) for p in data["counts"]),
        unanimous=re.compile(data["unanimous"], re.IGNORECASE),
        vote_columns=tuple(
            (key, re.compile(p, re.IGNORECASE)) for key, p in data["vote_columns"].items()
        ),
        block_breaks=re.compile(data["block_breaks"]),
        statement_verbs=frozenset(data["statement_verbs"]),
        irregular_past=dict(data["irregular_past"]),
        statement_openers=re.compile(data["statement_openers"], re.IGNORECASE),
        letter_writer=re.compile(data["letter_writer"], re.IGNORECASE),
        statement_confidence=float(data["statement_confidence"]),
        name=name,
    )
