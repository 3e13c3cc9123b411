"""An institution named after a saint with a possessive is one organisation, not the saint
beside a name every such school or hospital shares (nlp/names.py)."""

from __future__ import annotations

from pathlib import Path

from corpus_steps import extracted_folder, findings_of
from corpusmine.query.claims import load_claims

SCHOOLS = {
    "herald.txt": "School rated\n\nOfsted rated St Joseph's Catholic Primary School "
    '"outstanding" after an inspection in June.\n',
    "news.txt": "School rated\n\nOfsted rated St Mary's Catholic Primary School "
    '"inadequate" after an inspection in June.\n',
}


def test_two_saints_schools_are_two_subjects_and_no_contradiction(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with extracted_folder(tmp_path / "a", SCHOOLS) as store:
        subjects = {c.subject for c in load_claims(store)}
    assert {"St Joseph's Catholic Primary School", "St Mary's Catholic Primary School"} <= subjects
    findings = findings_of(tmp_path / "b", SCHOOLS)
    assert not findings.contradictions and not findings.agreements


def test_hospital_and_hospice_named_after_saints_are_organisations(tmp_path: Path):
    documents = {
        "ward.txt": "Ward reopens\n\nA ward at St Thomas' Hospital reopened on Monday after "
        "repairs, and St Luke's Hospice said it would take two more patients.\n",
    }
    with extracted_folder(tmp_path, documents) as store:
        names = {(e.name, e.type) for e in store.entities()}
    assert ("St Thomas' Hospital", "ORG") in names
    assert ("St Luke's Hospice", "ORG") in names
    assert not any(t == "PERSON" for _, t in names)
