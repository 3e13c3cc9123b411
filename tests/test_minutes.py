"""Minutes read as meetings (issue 14): recognition, items, attendance, decisions.

Passages are invented minutes in several house styles; every record's span must slice
the stored text. No spaCy model is needed: the readers work on the ingested blocks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmine.extract.minutes import minutes_evidence, read_meeting
from corpusmine.ingest import document_from_text
from corpusmine.records import AttendanceStatus, DecisionKind, DocumentKind, Outcome

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PARISH = """\
MINUTES OF THE MEETING OF LOWER DENTON PARISH COUNCIL HELD ON 3RD OCTOBER 2023

PRESENT Chairman (Mr. Aldous, who presided), Mrs. Carrow and Messrs Pike, Lund and Thorne.

IN ATTENDANCE The Clerk (Mrs. P. Quayle) and two members of the public.

APOLOGIES were received from Mrs. Ebbs and Mr. Tandy.

1. MINUTES
The minutes of the meeting held on 5th September were proposed by Mr. Pike \
and seconded by Mrs. Carrow and were signed as a true record.

2. FOOTPATHS
The Clerk reported that the stile on footpath 7 had been mended. Mr. Lund arrived at 7.50 p.m.
It was proposed by Mr. Thorne and seconded by M. Pike that a new waymarker be bought. \
Carried unanimously.

3. PLAYING FIELD
Mrs. Carrow proposed that the mower be replaced; this was seconded by Mr. Lund. \
On being put to the vote the motion was lost, 1 for, 4 against.
The Clerk to obtain three quotes for repairing the mower.

4. FINANCE
The following payments were approved: Clerk's salary £380.00; hall hire £18.00.

The meeting closed at 9.10 p.m.
"""

COMMITTEE = """\
Licensing Committee

Minutes of the meeting held on 11 January 2024

Present: Councillor Ruth Okonjo (Chair), Councillor Dev Patel and Councillor Ann Hale

In attendance: Mark Ellery (Licensing Manager)

Apologies: Councillor Sam Booth

1. Declarations of interest

None.

2. Taxi fares review

Councillor Patel asked whether the increase would apply at night.

It was RESOLVED that the revised table of fares be approved.

3. Street trading

RESOLVED: That the decision on the Market Street pitches be deferred to the March meeting.

That it be noted that the Licensing Manager would report on enforcement.

4. Any other business

Action: Licensing Manager to circulate the enforcement figures.

The meeting closed at 12.15 pm.
"""

ESCRIBE = """\
# 1.&nbsp;&nbsp;&nbsp;Disclosures of Pecuniary Interest

That it BE NOTED that no pecuniary interests were disclosed.

# 2.&nbsp;&nbsp;&nbsp;Reports

## 2.1&nbsp;&nbsp;&nbsp;Transit Shelter Upgrades

> Moved by K. Adeyemi

> Seconded by L. Fortin

That the following actions be taken with respect to transit shelters:

a)    the upgrade program BE APPROVED; and,

b)    the staff report BE RECEIVED.

> [!abstract]- Vote:
> |Yeas:|Nays:|Absent:|
> |-|-|-|
> |K. Adeyemi|M. Rossi|N. Baptiste|
> |L. Fortin|||
> |Mayor O. Quist|||

> **Motion Passed (3 to 1)**

****

## 2.2&nbsp;&nbsp;&nbsp;Parking Rates

> Motion made by M. Rossi

That parking rates BE FROZEN for 2026.

> **Motion Failed (1 to 3)**

At 3:15 PM, Councillor L. Fortin leaves the meeting.

# 3.&nbsp;&nbsp;&nbsp;Adjournment

That the meeting BE ADJOURNED.

> **Motion Passed**
"""

ESCRIBE_HEAD = """\
> [!abstract]- Present:
> O. Quist, K. Adeyemi, L. Fortin, M. Rossi

> [!abstract]- Absent:
> N. Baptiste

> [!abstract]- Remote Attendance:
> P. Szabo

The meeting was called to order at 1:00 PM.

"""

ARTICLE = """\
Council rejects plan for new car park

Councillors voted against plans for a multi-storey car park in the town centre on Tuesday.

The motion, proposed by Councillor Jane Smith and seconded by Councillor Tom Brown, \
was defeated by 12 votes to 9.

"We are disappointed," said Ms Smith. "The town needs more parking."

Present at the meeting were about 40 residents, many of whom applauded the result.

The council said it would consider other options, and the meeting closed at 9pm.
"""


def meeting_of(text: str):
    source = document_from_text(text, document_id="m")
    return source, read_meeting(source)


def test_minutes_in_several_house_styles_are_recognised() -> None:
    for text in (PARISH, COMMITTEE, ESCRIBE_HEAD + ESCRIBE):
        assert document_from_text(text, document_id="m").kind is DocumentKind.MINUTES


def test_seed_minutes_are_recognised_and_articles_are_not() -> None:
    kinds = {
        p.name[:3]: document_from_text(p.read_text(encoding="utf-8")).kind
        for p in SEEDS.glob("*.txt")
    }
    assert kinds["002"] is DocumentKind.MINUTES
    assert all(kinds[k] is not DocumentKind.MINUTES for k in kinds if k != "002")


def test_a_news_report_of_a_council_vote_is_not_minutes() -> None:
    # It has a mover, a seconder, a result and "the meeting closed": still an article.
    evidence = minutes_evidence(ARTICLE)
    assert not evidence.is_minutes
    assert document_from_text(ARTICLE, document_id="a").kind is DocumentKind.ARTICLE
    assert read_meeting(document_from_text(ARTICLE, document_id="a")).decisions == ()


def test_no_single_marker_decides() -> None:
    assert not minutes_evidence("RESOLVED: That the report be noted.\n").is_minutes
    assert not minutes_evidence("Present: Cllr A. Smith, Cllr B. Jones\n").is_minutes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PARISH,
            {
                ("Mr. Aldous", "present", "Chairman"),
                ("Mrs. Carrow", "present", None),
                ("Mr. Pike", "present", None),
                ("Mr. Lund", "present", None),
                ("Mr. Thorne", "present", None),
                ("Mrs. P. Quayle", "also_present", "Clerk"),
                ("Mrs. Ebbs", "apologies", None),
                ("Mr. Tandy", "apologies", None),
            },
        ),
        (
            COMMITTEE,
            {
                ("Councillor Ruth Okonjo", "present", "Chair"),
                ("Councillor Dev Patel", "present", None),
                ("Councillor Ann Hale", "present", None),
                ("Mark Ellery", "also_present", "Licensing Manager"),
                ("Councillor Sam Booth", "apologies", None),
            },
        ),
        (
            ESCRIBE_HEAD + ESCRIBE,
            {
                ("O. Quist", "present", None),
                ("K. Adeyemi", "present", None),
                ("L. Fortin", "present", None),
                ("M. Rossi", "present", None),
                ("N. Baptiste", "absent", None),
                ("P. Szabo", "remote", None),
            },
        ),
    ],
)
def test_attendance_lists(text: str, expected: set[tuple[str, str, str | None]]) -> None:
    source, meeting = meeting_of(text)
    listed = {(a.name, str(a.status), a.role) for a in meeting.attendance if a.event is None}
    assert listed == expected
    for record in meeting.attendance:
        printed = source.text[record.start : record.end]
        # The span covers the printed name (for "Messrs Pike, Lund": the surname).
        assert printed and record.name.endswith(printed.split()[-1])


def test_people_entering_and_leaving() -> None:
    source, meeting = meeting_of(PARISH)
    moves = [(a.name, a.event, a.time) for a in meeting.attendance if a.event]
    assert moves == [("Mr. Lund", "entered", "7.50 p.m.")]
    _, meeting = meeting_of(ESCRIBE_HEAD + ESCRIBE)
    moves = [(a.name, a.event, a.time, a.item) for a in meeting.attendance if a.event]
    assert moves == [("Councillor L. Fortin", "left", "3:15 PM", "2.2 Parking Rates")]
    assert all(a.status is AttendanceStatus.PRESENT for a in meeting.attendance if a.event)


def test_items_are_numbered_and_nested() -> None:
    _, meeting = meeting_of(ESCRIBE_HEAD + ESCRIBE)
    assert [(i.number, i.title, i.level, i.parent) for i in meeting.items] == [
        ("1", "Disclosures of Pecuniary Interest", 1, None),
        ("2", "Reports", 1, None),
        ("2.1", "Transit Shelter Upgrades", 2, "2"),
        ("2.2", "Parking Rates", 2, "2"),
        ("3", "Adjournment", 1, None),
    ]
    reports = meeting.items[1]
    assert reports.start < meeting.items[2].start < meeting.items[3].end <= reports.end


def _decisions(text: str) -> list[tuple]:
    source, meeting = meeting_of(text)
    for d in meeting.decisions:
        assert " ".join(source.text[d.start : d.end].split()) == d.text
        for ref in (d.mover, d.seconder):
            if ref is not None:
                assert source.text[ref.start : ref.end] == ref.name
    return [
        (str(d.kind), str(d.outcome), d.moved_by, d.seconded_by, d.votes_for, d.votes_against)
        for d in meeting.decisions
    ]


def test_parish_decisions_in_paragraphs() -> None:
    assert _decisions(PARISH) == [
        ("motion", "carried", "Mr. Pike", "Mrs. Carrow", None, None),
        ("motion", "carried", "Mr. Thorne", "M. Pike", None, 0),
        ("motion", "lost", "Mrs. Carrow", "Mr. Lund", 1, 4),
        ("action", "unknown", None, None, None, None),
        ("approved", "carried", None, None, None, None),
    ]
    _, meeting = meeting_of(PARISH)
    action = meeting.decisions[3]
    assert action.actor == "Clerk" and action.item == "3 PLAYING FIELD"


def test_committee_resolutions_notes_and_actions() -> None:
    assert _decisions(COMMITTEE) == [
        ("resolved", "carried", None, None, None, None),
        ("resolved", "deferred", None, None, None, None),
        ("noted", "noted", None, None, None, None),
        ("action", "unknown", None, None, None, None),
    ]
    _, meeting = meeting_of(COMMITTEE)
    assert meeting.decisions[-1].actor == "Licensing Manager"


def test_escribe_motions_with_vote_tables() -> None:
    assert _decisions(ESCRIBE_HEAD + ESCRIBE) == [
        ("noted", "noted", None, None, None, None),
        ("motion", "carried", "K. Adeyemi", "L. Fortin", 3, 1),
        ("motion", "lost", "M. Rossi", None, 1, 3),
        ("motion", "carried", None, None, None, None),
    ]
    source, meeting = meeting_of(ESCRIBE_HEAD + ESCRIBE)
    upgrade = meeting.decisions[1]
    assert upgrade.item == "2.1 Transit Shelter Upgrades"
    assert upgrade.voters.as_dict() == {
        "for": ["K. Adeyemi", "L. Fortin", "O. Quist"],
        "against": ["M. Rossi"],
        "abstain": [],
        "absent": ["N. Baptiste"],
    }
    # The wording keeps its lettered parts; the vote table is not part of it.
    assert "b)    the staff report BE RECEIVED." in source.text[upgrade.start : upgrade.end]
    assert "Yeas" not in source.text[upgrade.start : upgrade.end]
    # Voters in the table are not attendance.
    assert not any(
        a.start > source.text.index("Vote:") and a.event is None for a in meeting.attendance
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Motion carried 4-1.", ("carried", 4, 1)),
        ("Carried (7 to 2)", ("carried", 7, 2)),
        ("The motion was defeated by 5 votes to 6.", ("lost", 5, 6)),
        ("Vote: 6 for, 2 against, 1 abstention. Carried.", ("carried", 6, 2)),
        ("The motion was withdrawn.", ("withdrawn", None, None)),
        ("The motion died for lack of a second.", ("lost", None, None)),
        (
            "Upon being put to the vote the motion was lost, 2 voting for and 5 against.",
            ("lost", 2, 5),
        ),
        (
            "When put to the vote, the motion was carried with 6 voting for and 1 voting against.",
            ("carried", 6, 1),
        ),
    ],
)
def test_results_of_votes(line: str, expected: tuple) -> None:
    text = (
        "Minutes of the Parks Board\n\nPresent: Trustee A. Vance, Trustee B. Cole\n\n"
        "1. Dog park\n\nMoved by: Trustee Vance\nSeconded by: Trustee Cole\n\n"
        f"That a dog park be built at Elm Field.\n\n{line}\n\nThe meeting adjourned at 8 p.m.\n"
    )
    decisions = _decisions(text)
    assert [(d[1], d[4], d[5]) for d in decisions] == [expected]


def test_a_result_in_the_next_sentence_and_an_agreement_to_defer() -> None:
    text = (
        "Governing Board of Hillside School\n\nMinutes of the meeting held on 3 March\n\n"
        "Present: Governors J. Amis (Chair), K. Bello, L. Crane.\n\n4. Uniform policy\n\n"
        "Governor Bello moved and Governor Crane seconded a proposal to drop blazers. Upon "
        "being put to the vote the proposal was lost, 3 voting for and 7 against.\n\n"
        "5. Any other business\n\nGovernors agreed to postpone the review of the lettings "
        "policy to the summer term.\n\nThe meeting closed at 7.40 pm.\n"
    )
    assert [(d[0], d[1], d[4], d[5]) for d in _decisions(text)] == [
        ("motion", "lost", 3, 7),
        ("agreed", "deferred", None, None),
    ]


def test_seed_002_decision_and_its_bullets() -> None:
    path = next(SEEDS.glob("002_*.txt"))
    source = document_from_text(path.read_text(encoding="utf-8"), document_id="002")
    meeting = read_meeting(source)
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Fostering services in West Northamptonshire")
    ]
    assert len(meeting.decisions) == 1
    decision = meeting.decisions[0]
    assert (decision.kind, decision.outcome) == (DecisionKind.RESOLVED, Outcome.CARRIED)
    span = source.text[decision.start : decision.end]
    assert span.startswith("RESOLVED: That the People Overview and Scrutiny Committee")
    # The bullets under the resolution's lead-in are part of it.
    assert span.rstrip().endswith("Children’s Trust organisational model.")
    assert decision.item == "Fostering services in West Northamptonshire"
    assert meeting.attendance == ()


def test_amounts_in_a_motion_are_about_its_item() -> None:
    from corpusmine.extract.minutes.claims import motion_subjects
    from corpusmine.records import Claim

    source, meeting = meeting_of(ESCRIBE_HEAD + ESCRIBE)
    motion = meeting.decisions[1]
    at = source.text.index("the upgrade program")

    def claim(subject_start: int, subject: str) -> Claim:
        return Claim(
            document="m", start=at, end=at + 5, subject_text=subject,
            subject_start=subject_start, subject_end=subject_start + len(subject),
            attribute="amount", value="$1", normalized="1", unit="CAD", qualifier="exact",
            as_of=None, speaker=None, sentence_start=motion.start, sentence_end=motion.end,
        )  # fmt: skip

    heading = claim(source.text.index("Disclosures"), "Disclosures")  # a topic far above
    own = claim(at, "the upgrade program")  # a subject inside the motion stays
    outside = claim(0, "x")
    outside = Claim(**{**outside.__dict__, "start": 0, "end": 3})  # not in any decision
    fixed = motion_subjects((heading, own, outside), meeting, source)
    assert fixed[0].subject_text == "Transit Shelter Upgrades"
    assert source.text[fixed[0].subject_start : fixed[0].subject_end].endswith(
        "Transit Shelter Upgrades"
    )
    assert fixed[1] == own and fixed[2] == outside


def test_statements_in_minutes_name_people_and_roles() -> None:
    from corpusmine.extract.quotes.minutes import minutes_statements

    source, meeting = meeting_of(PARISH + "\n5. LETTERS\nA letter from J. Oduya asked whether "
                                 "the hedge on Church Lane could be cut back.\n")  # fmt: skip
    found = minutes_statements((), meeting, source)
    assert [(q.speaker_text, str(q.speaker_label), q.cue, q.text) for q in found] == [
        ("The Clerk", "ROLE", "reported", "the stile on footpath 7 had been mended"),
        ("J. Oduya", "PERSON", "asked",
         "whether the hedge on Church Lane could be cut back"),
    ]  # fmt: skip
    for q in found:
        assert source.text[q.start : q.end] == q.text and str(q.kind) == "indirect"
        assert source.text[q.speaker_start : q.speaker_end] == q.speaker_text
    _, committee = meeting_of(COMMITTEE)
    source = document_from_text(COMMITTEE, document_id="m")
    said = minutes_statements((), committee, source)
    assert [(q.speaker_text, q.cue) for q in said] == [("Councillor Patel", "asked")]


def test_minutes_drop_headings_taken_for_speakers() -> None:
    from corpusmine.extract.quotes.minutes import minutes_statements
    from corpusmine.records import Quote, QuoteKind, SpeakerLabel

    source, meeting = meeting_of(ESCRIBE_HEAD + ESCRIBE)

    def quote(speaker: str, label: SpeakerLabel) -> Quote:
        return Quote(
            document="m", start=10, end=20, text="x", kind=QuoteKind.INDIRECT, cue="noted",
            speaker_text=speaker, speaker_start=0, speaker_end=5, speaker_label=label,
            method="indirect", confidence=0.7, sentence_start=0, sentence_end=30,
        )  # fmt: skip

    quotes = (
        quote("Additional Emergency Shelter", SpeakerLabel.PERSON),
        quote("Surcharges", SpeakerLabel.PERSON),
        quote("Civic Administration BE", SpeakerLabel.ROLE),
        quote("Councillor Rossi", SpeakerLabel.PERSON),  # a member of the meeting
        quote("K. Adeyemi", SpeakerLabel.PERSON),
    )
    kept = [q.speaker_text for q in minutes_statements(quotes, meeting)]
    assert kept == ["Councillor Rossi", "K. Adeyemi"]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Mrs. Lewis and Messrs Ward, Paterson and Bonnett",
         [("Mrs. Lewis", None), ("Mr. Ward", None), ("Mr. Paterson", None),
          ("Mr. Bonnett", None)]),
        ("Vice Chairman (Mr. Mycock, who took the chair), J. Pribil",
         [("Mr. Mycock", "Vice Chairman"), ("J. Pribil", None)]),
        ("F. Lund, Town Clerk; G. Ito, Treasurer",
         [("F. Lund", "Town Clerk"), ("G. Ito", "Treasurer")]),
        ("I. de Ceuster, Mr. van der Berg", [("I. de Ceuster", None), ("Mr. van der Berg", None)]),
        ("Acting Deputy Fire Chief G. Bridge", [("G. Bridge", "Acting Deputy Fire Chief")]),
        ("Mayor J. Morgan, three members of the public", [("J. Morgan", "Mayor")]),
        ("Councillors Amis and Brook", [("Councillor Amis", None), ("Councillor Brook", None)]),
    ],
)  # fmt: skip
def test_names_as_printed(printed: str, expected: list[tuple[str, str | None]]) -> None:
    from corpusmine.extract.minutes.names import names_in_list

    refs = names_in_list(printed, 100)
    assert [(r.name, r.role) for r in refs] == expected
    for ref in refs:
        assert ref.name.endswith(printed[ref.start - 100 : ref.end - 100])


# A figure whose sentence names no subject is about the agenda item it sits under.
PARISH_FIGURES = PARISH.replace(
    "4. FINANCE\n",
    "4. FINANCE\nThere were 12 allotment plots vacant at the end of the season.\n",
)
COMMITTEE_FIGURES = COMMITTEE.replace(
    "3. Street trading\n",
    "3. Homelessness update\n\nThe Licensing Manager introduced the report. He highlighted:\n\n"
    "· 230 households were in temporary accommodation.\n\n"
    "· 57 families had been placed outside the borough.\n\n4. Street trading\n",
)


@pytest.mark.parametrize(
    ("text", "figure", "item"),
    [
        (PARISH_FIGURES, "12", "FINANCE"),
        (COMMITTEE_FIGURES, "230", "Homelessness update"),
        (COMMITTEE_FIGURES, "57", "Homelessness update"),
    ],
)
def test_subjectless_figures_in_minutes_are_about_their_item(
    nlp, text: str, figure: str, item: str
) -> None:
    from corpusmine.extract.document import extract_document

    source = document_from_text(text, document_id="m")
    assert source.kind is DocumentKind.MINUTES
    claims = extract_document(nlp(source.clean), source).claims
    found = [c for c in claims if c.normalized == figure]
    assert found, [(c.subject_text, c.value) for c in claims]
    claim = found[0]
    assert claim.subject_text == item
    assert source.text[claim.subject_start : claim.subject_end] == item


def test_a_subjectless_figure_in_news_stays_no_claim(nlp) -> None:
    from corpusmine.extract.document import extract_document

    text = (
        "Council housing list grows\n\n"
        "The town's waiting list has lengthened again this winter, officials said.\n\n"
        "There were 230 households in temporary accommodation at the end of March.\n"
    )
    source = document_from_text(text, document_id="n")
    assert source.kind is not DocumentKind.MINUTES
    claims = extract_document(nlp(source.clean), source).claims
    assert not [c for c in claims if c.normalized == "230"]


def test_seed_002_figures_under_its_item(nlp) -> None:
    from corpusmine.extract.document import extract_document

    path = next(SEEDS.glob("002_*.txt"))
    source = document_from_text(path.read_text(encoding="utf-8"), document_id="002")
    claims = extract_document(nlp(source.clean), source).claims
    item = "Fostering services in West Northamptonshire"
    counts = {c.normalized: c for c in claims if c.attribute.startswith("count of children in")}
    assert {"480", "346"} <= set(counts)
    for claim in (counts["480"], counts["346"]):
        assert claim.subject_text == item
        assert source.text[claim.subject_start : claim.subject_end] == item
