"""Political events (issue 15): a primary, a caucus or a debate is one event by its place,
its party and its day. A claim needs the place; the party, when written, joins the
attribute; two reports of one event agree on its day; "the debate on Thursday" with no
place is nobody's claim; a council's debate is no political event of a campaign unless
it names a place; reports of two parties' caucuses never contradict.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_steps import findings_of
from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text

LEAD = "date 2016-02-10\nCampaign notes\n\nThe race goes on.\n\n"


def events(nlp, sentence: str) -> set[tuple[str, str, str]]:
    source = document_from_text(LEAD + sentence, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    kinds = ("primary", "caucuses", "debate")
    return {(c.subject_text, c.attribute, c.normalized or "") for c in found
            if c.attribute.endswith(kinds)}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sanders won the New Hampshire primary on Tuesday.",
         {("New Hampshire", "primary", "2016-02-09")}),
        ("The California primary on June 7 is the last big prize.",
         {("California", "primary", "2016-06-07")}),
        ("Lopez won the Republican primary in Ohio on Tuesday.",
         {("Ohio", "republican primary", "2016-02-09")}),
    ],
)  # fmt: skip
def test_a_political_event_is_its_place_party_and_day(nlp, sentence, expected):
    assert events(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Republican debate on Thursday was heated.",  # which debate?
        "The council held a debate on the budget on Tuesday.",  # minutes, not a campaign
        "The club's members will debate the new kit on Monday.",  # sport, a verb
        "The primary reason for the delay on Monday was the weather.",  # an adjective
    ],
)
def test_no_place_no_political_event(nlp, sentence):
    assert events(nlp, sentence) == set()


def test_two_outlets_agree_on_the_day_of_one_primary(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "herald_2016-02-08_preview.txt": "Candidates crisscross the state\n\n"
            "The candidates spent the weekend in diners.\n\n"
            "The candidates will meet voters before Tuesday's New Hampshire primary.\n",
            "gazette_2016-02-10_result.txt": "Sanders wins big\n\n"
            "Supporters cheered late into the night.\n\n"
            "Sanders won the New Hampshire primary on Tuesday by a wide margin.\n",
        },
    )
    agreed = [f for f in found.agreements if f.attribute == "primary"]
    assert agreed and {c["normalized"] for c in agreed[0].claims} == {"2016-02-09"}, [
        (f.attribute, f.verdict, f.explanation) for f in found.agreements + found.checks
    ]


def test_caucuses_without_a_party_never_contradict(tmp_path: Path):
    # Each party's caucuses in one state may be on a different day.
    found = findings_of(
        tmp_path,
        {
            "herald_2016-02-19_nv.txt": "Nevada votes\n\nThe state is busy.\n\n"
            "Clinton won the Nevada caucuses on Feb. 20, the party said.\n",
            "gazette_2016-02-24_nv.txt": "Nevada again\n\nThe state is busy again.\n\n"
            "Trump won the Nevada caucuses on Feb. 23 by a wide margin.\n",
        },
    )
    assert not found.contradictions, [f.explanation for f in found.contradictions]


def test_a_meeting_written_under_either_name_is_one_agreement(tmp_path: Path):
    # Politics and business: one outlet writes "Ryan will meet with Trump", another "Trump
    # will meet Ryan"; the meeting is both men's, and the two reports agree once.
    found = findings_of(
        tmp_path,
        {
            "wire_2024-05-06_unity.txt": "Unity talks\n\n"
            "House Speaker Paul Ryan will meet with Donald Trump on May 12 in Washington.\n",
            "paper_2024-05-07_unity.txt": "Trump heads to Washington\n\n"
            "Donald Trump will meet Paul Ryan on May 12, aides said.\n",
            "daily_2024-03-02_merger.txt": "Merger talks\n\n"
            "Satya Nadella met Sundar Pichai on March 1 to discuss the deal.\n",
            "herald_2024-03-03_merger.txt": "Tech chiefs meet\n\n"
            "Sundar Pichai met with Satya Nadella on March 1, both firms said.\n",
        },
    )
    meetings = [f for f in found.agreements if f.attribute == "meeting"]
    days = sorted(f.claims[0]["normalized"] for f in meetings)
    assert days == ["2024-03-01", "2024-05-12"], [(f.subject, days) for f in meetings]
