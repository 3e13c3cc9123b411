"""A document dated only by its corpus is undated for comparison (issue 15): a document
with no date clue of its own is placed at the middle of its corpus's given dates, a
placeholder that must not make it "the same date" as its neighbours. And two figures whose
sentences both leave the subject unnamed (filed under each document's topic) are never
put up as a check.

Documents are written here, in several domains (a football club, a council, a
laboratory); each corpus is extracted and compared end to end.
"""

from __future__ import annotations

from pathlib import Path

from corpus_steps import extracted_folder
from corpusmine.analyse.consistency import decide
from corpusmine.analyse.records import StoredClaim
from corpusmine.query.claims import load_claims


def _extract(tmp_path: Path, documents: dict[str, str]):
    with extracted_folder(tmp_path, documents) as store:
        claims = load_claims(store)
        dates = {d.id: (d.date, d.date_source) for d in store.documents()}
    return claims, dates


# Three dated reports a year apart and one with no date clue at all: it is placed at their
# middle date, 2024-06-01.
_CLUB = {
    "sport_2023-01-07_stand.txt": "Rovers open the new stand\n\n"
    "The stand opened before the first home game.\n\n"
    "Harbour Rovers sold 9,000 season tickets.\n",
    "sport_2024-06-01_derby.txt": "Rovers ready for the derby\n\n"
    "Harbour Rovers will play at home on Saturday.\n",
    "sport_2025-11-15_cup.txt": "Rovers in the cup\n\n"
    "Harbour Rovers will travel north for the cup tie.\n",
    "club_history.txt": "A short history of the club\n\n"
    "The club was founded by dock workers.\n\n"
    "Harbour Rovers sold 12,000 season tickets to families from the town.\n",
}


def test_a_document_dated_only_by_its_corpus_is_undated_for_comparison(tmp_path: Path):
    claims, dates = _extract(tmp_path, _CLUB)
    assert dates["club_history"] == ("2024-06-01", "inferred")  # the corpus's middle date
    history = [c for c in claims if c.document == "club_history"]
    assert history and all(c.corpus_dated for c in history)
    assert not any(c.corpus_dated for c in claims if c.document != "club_history")
    found = decide(claims)
    # The placeholder is 17 months after the dated report, but says nothing about when
    # the history's figure applies: no change over time, no contradiction, a check.
    assert not found.changes, [f.explanation for f in found.changes]
    assert not found.contradictions
    assert [f.verdict for f in found.checks if "ticket" in f.attribute] == ["check"]


def test_an_undated_documents_explanation_says_it_is_undated(tmp_path: Path):
    claims, _ = _extract(tmp_path, _CLUB)
    found = decide(claims, {"club_history": "A short history of the club"})
    said = " ".join(f.explanation for f in found.checks)
    assert "A short history of the club (undated" in said, said
    assert "date inferred from its text" not in said


def _count(document: str, value: str, sentence: str, date: str | None) -> StoredClaim:
    return StoredClaim(
        id=int(value), document=document, subject="Northshire County Council",
        subject_id=None, key=("northshire", "council"), attribute="count of petitions",
        kind="count", value=value, normalized=value, unit="petitions", qualifier="exact",
        as_of=None, status=None, speaker=None, speaker_id=None, sentence=sentence, start=0,
        end=1, sentence_start=0, sentence_end=1, document_date=date, date_source="file-name",
    )  # fmt: skip


def test_figures_whose_sentences_name_no_subject_are_not_checked():
    # Each figure is filed under its document's topic (the council), named by neither
    # sentence: the two counts may be of two meetings, two years, two anything.
    found = decide([
        _count("m1", "5", "Residents handed in 5 petitions before the meeting.", None),
        _count("m2", "2", "Residents handed in 2 petitions at the door.", "2024-01-10"),
    ])  # fmt: skip
    assert not (found.checks or found.contradictions or found.agreements), found
    # One sentence naming the council is enough to put the figures up for a check.
    found = decide([
        _count("m1", "5", "Northshire handed in 5 petitions before the meeting.", "2024-01-10"),
        _count("m2", "2", "Residents handed in 2 petitions at the door.", None),
    ])  # fmt: skip
    assert [f.verdict for f in found.checks] == ["check"], found
