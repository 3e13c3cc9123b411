"""General name rules on passages outside the seeds' story (health, housing, schools).

Organisations named by their head noun and job titles composed of a rank, a head and
a service come from rules in models/organisations.jsonl and models/job_titles.yaml, not
from a list of the names one corpus happens to use.
"""

from __future__ import annotations

import pytest

from corpusmine.ingest import document_from_text

# The passages are body text: a first line alone would be read as a headline.
_HEADLINE = "Local news\n\n"


def _ents(nlp, text: str, label: str) -> set[str]:
    doc = nlp(document_from_text(_HEADLINE + text).clean)
    return {e.text for e in doc.ents if e.label_ == label}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Patients praised the Riverside Community Trust after the inspection.",
            "Riverside Community Trust",
        ),
        (
            "Inspectors said the Harbour Valley Children's Trust Fostering Agency had to "
            "improve its records.",
            "Harbour Valley Children's Trust Fostering Agency",
        ),
        (
            "Tenants complained to the Independent Housing Panel last week.",
            "Independent Housing Panel",
        ),
        (
            "The Audit and Governance Committee met on Tuesday to review the accounts.",
            "Audit and Governance Committee",
        ),
        (
            "A new Health and Wellbeing Board will oversee the hospital plans.",
            "Health and Wellbeing Board",
        ),
        (
            "Parents wrote to the Lakeside Schools Partnership about the closures.",
            "Lakeside Schools Partnership",
        ),
    ],
)
def test_organisations_by_head_noun(nlp, text: str, expected: str) -> None:
    assert expected in _ents(nlp, text, "ORG")


def test_a_place_owning_a_body_stays_outside_its_name(nlp) -> None:
    orgs = _ents(nlp, "Families said Devon's Children's Trust had improved.", "ORG")
    assert "Children's Trust" in orgs
    assert not any(o.startswith("Devon") for o in orgs)


def test_a_lower_case_head_is_not_a_name(nlp) -> None:
    orgs = _ents(nlp, "The matter went to the relevant scrutiny committee for review.", "ORG")
    assert not any("committee" in o for o in orgs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Executive Director Adult Services told members the budget was short.",
            "Executive Director Adult Services",
        ),
        (
            "The Head of Adult Social Care said waiting lists had grown.",
            "Head of Adult Social Care",
        ),
        (
            "The Assistant Director for Housing Services presented the report.",
            "Assistant Director for Housing Services",
        ),
        ("The Deputy Director of Education answered questions.", "Deputy Director of Education"),
    ],
)
def test_composed_job_titles_are_roles(nlp, text: str, expected: str) -> None:
    assert expected in _ents(nlp, text, "ROLE")


def test_a_name_after_a_bare_title_is_not_part_of_it(nlp) -> None:
    doc = nlp(
        document_from_text(_HEADLINE + "Director Jane Smith said the hospital would reopen.").clean
    )
    assert not any(e.label_ == "ROLE" and "Smith" in e.text for e in doc.ents)
    assert "Jane Smith" in {e.text for e in doc.ents if e.label_ == "PERSON"}
