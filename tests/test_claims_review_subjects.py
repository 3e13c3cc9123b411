"""Review #36 (issue 15): two named organisations whose names share their kind ("Hillside
Primary School", "Oakwood Primary School"; "Northfield General Hospital", "Southfield
General Hospital") are two subjects, though their subject key ("primary school") is one:
no contradiction, agreement or check joins them. One organisation written two ways ("the
fostering service" and "the Children's Trust Fostering Agency") is still one."""

from __future__ import annotations

from pathlib import Path

from corpus_steps import findings_of


def _every(found):
    return found.contradictions + found.agreements + found.changes + found.checks


def test_two_schools_graded_apart_never_contradict(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "herald_2023-11-01_school.txt": "School praised\n\nParents were delighted.\n\n"
            'Ofsted rated Hillside Primary School "outstanding" after an inspection in '
            "October.\n",
            "news_2023-11-02_school.txt": "School fails inspection\n\nParents were worried.\n\n"
            'Oakwood Primary School has been rated "inadequate" by Ofsted after an '
            "inspection in October.\n",
        },
    )
    assert not _every(found), [(f.subject, f.attribute, f.verdict) for f in _every(found)]


def test_two_hospitals_and_two_clubs_are_nothing_to_check(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "journal_2023-09-01_beds.txt": "Hospital grows\n\nA new wing opened.\n\n"
            "Northfield General Hospital has 420 beds.\n\n"
            "Riverside Rugby Club has 600 members.\n",
            "paper_2023-09-02_beds.txt": "Hospital shrinks\n\nA ward closed.\n\n"
            "Southfield General Hospital has 380 beds.\n\n"
            "Hilltop Rugby Club has 250 members.\n",
        },
    )
    assert not _every(found), [(f.subject, f.attribute, f.verdict) for f in _every(found)]


def test_one_hospital_written_two_ways_still_agrees(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "journal_2023-09-01_beds.txt": "Hospital grows\n\nA new wing opened.\n\n"
            "Northfield General Hospital has 420 beds.\n",
            "paper_2023-09-01_beds.txt": "Hospital news\n\nA ward reopened.\n\n"
            "The General Hospital has 420 beds, its manager said.\n",
        },
    )
    assert [f.attribute for f in found.agreements] == ["count of beds"], [
        (f.subject, f.attribute, f.verdict) for f in _every(found)
    ]
