"""Consistency analysis (issue 5): hand-built claims for each verdict, then the seed
corpus end to end: the findings the issue's "How it is checked" asks for."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpusmine.analyse import find_findings
from corpusmine.analyse.consistency import decide
from corpusmine.analyse.records import StoredClaim
from corpusmine.analyse.values import date_interval, number_interval
from corpusmine.query import load_claims
from corpusmine.query import timeline as stored_timeline
from corpusmine.query.claims import claims as claim_query
from corpusmine.query.report import fresh_report
from corpusmine.report.markdown import render_markdown
from corpusmine.store import Store

FOSTERING = ("fostering", "service")
CHILDREN = ("children", "service")
_ids = iter(range(1, 10_000))


def claim(
    document: str,
    attribute: str,
    normalized: str,
    *,
    kind: str = "count",
    qualifier: str = "exact",
    status: str | None = None,
    as_of: str | None = None,
    key: tuple[str, str] = FOSTERING,
    unit: str | None = "children",
    document_date: str | None = None,
    date_source: str = "none",
    sentence: str | None = None,
) -> StoredClaim:
    return StoredClaim(
        id=next(_ids), document=document, subject=" ".join(key), subject_id=None, key=key,
        attribute=attribute, kind=kind, value=normalized, normalized=normalized,
        unit=None if kind in ("event", "rating") else unit, qualifier=qualifier,
        as_of=normalized if kind == "event" else as_of, status=status, speaker=None,
        speaker_id=None,
        sentence=sentence or f"{document}: the {' '.join(key)} gives {attribute} as {normalized}.",
        start=0, end=1, sentence_start=0, sentence_end=1,
        document_date=document_date, date_source=date_source,
    )  # fmt: skip


def rating(document: str, grade: str, status: str = "current", **kw) -> StoredClaim:
    return claim(document, "rating", grade, kind="rating", status=status, **kw)


def event(document: str, attribute: str, when: str, status: str = "past", **kw) -> StoredClaim:
    return claim(document, attribute, when, kind="event", status=status, **kw)


# --- values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "qualifier", "inside", "outside"),
    [
        # A hedge spans half the figure's rounding unit, never more than 5% of it.
        (500, "approximate", [475, 495, 525], [470, 530]),
        (100, "approximate", [95, 105], [67, 71, 90, 150]),  # delegates still needed
        (320, "approximate", [315, 325], [310, 330]),
        (30, "approximate", [29, 31], [27, 33, 43]),  # "some 30" dead
        (7.6, "approximate", [7.56, 7.64], [7.5, 7.7]),  # a magnitude
        (1_000_000_000, "approximate", [9.6e8, 1.04e9], [9.16e8, 1.1e9]),  # a budget
        (495, "exact", [495], [494, 496]),
        (1200, "exact", [1160, 1249], [1140, 1260]),
        # A bound is close to its figure on its open side only.
        (300, "at_least", [300, 310], [299, 1000]),
        (175, "at_least", [175], [176, 1163]),
        (200, "at_most", [190, 200], [201, 180]),
    ],
)
def test_number_interval(value: float, qualifier: str, inside: list[float], outside: list[float]):
    low, high = number_interval(value, qualifier)
    assert all(low <= v <= high for v in inside)
    assert not any(low <= v <= high for v in outside)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [("2023", "2023-01-01", "2023-12-31"), ("2022-11", "2022-11-01", "2022-11-30"),
     ("2023-W12", "2023-03-20", "2023-03-26"), ("2023-FA", "2023-09-01", "2023-11-30")],
)  # fmt: skip
def test_date_interval(value: str, first: str, last: str):
    interval = date_interval(value)
    assert interval is not None
    assert (interval[0].isoformat(), interval[1].isoformat()) == (first, last)


# --- verdicts on hand-built claims ---------------------------------------------------------


def test_figures_within_hedge_agree():
    dated = {"date_source": "header"}
    found = decide([claim("a", "count of children", "495", document_date="2023-03-20", **dated),
                    claim("b", "count of children", "500", qualifier="approximate",
                          document_date="2023-03-20", **dated)])  # fmt: skip
    assert [f.verdict for f in found.agreements] == ["agree"]
    assert not found.contradictions


def test_matching_figures_with_no_time_are_a_check_not_an_agreement():
    # Issue 15: a comparison needs an overlapping time; undated documents give none.
    found = decide([claim("a", "count of children", "495"),
                    claim("b", "count of children", "500", qualifier="approximate")])  # fmt: skip
    assert not found.agreements and not found.contradictions
    assert [f.verdict for f in found.checks] == ["check"]


def test_figures_outside_hedge_with_unknown_period_are_a_check_not_a_contradiction():
    # Nothing says when either applies: one subject's figure, so a check (only incidents
    # and polls, events of which there are many, go unchecked).
    found = decide([claim("a", "count of children", "495"),
                    claim("b", "count of children", "300", qualifier="approximate")])  # fmt: skip
    assert not found.contradictions and not found.agreements
    assert [f.verdict for f in found.checks] == ["check"]


def test_figures_for_the_same_period_contradict():
    found = decide([claim("a", "count of children", "495", as_of="2023-03"),
                    claim("b", "count of children", "300", as_of="2023-03")])  # fmt: skip
    assert [f.verdict for f in found.contradictions] == ["contradict"]


def test_figures_for_different_periods_are_a_change():
    found = decide([claim("a", "count of children", "495", as_of="2022"),
                    claim("b", "count of children", "300", as_of="2023")])  # fmt: skip
    assert [f.verdict for f in found.changes] == ["different_time"]


def test_same_document_never_contradicts_itself():
    cost, unit = "average cost of placements", "GBP per week"
    found = decide([claim("a", cost, "328", unit=unit), claim("a", cost, "945", unit=unit)])
    assert not found.contradictions
    assert [f.verdict for f in found.single_source] == ["single_source"]


def test_same_event_in_different_months_contradicts():
    found = decide([event("a", "inspection", "2022-11"), event("b", "inspection", "2023-02")])
    assert [f.verdict for f in found.contradictions] == ["contradict"]
    assert "2022-11" in found.contradictions[0].explanation


@pytest.mark.parametrize(
    ("attribute", "first", "second", "agree"),
    [
        # Two sources agree on an event's date only when they give the same date: a week
        # inside a month, or two days of one week, confirm nothing (PolNeAR: two State
        # Department release dates "agreed").
        ("report published", "2023-03", "2023-W12", False),
        ("report published", "2016-09-02", "2016-W35", False),
        ("report published", "2016-09-02", "2016", False),
        ("report published", "2016-09-02", "2016-09-02", True),
        ("inspection", "2022-11", "2022-11", True),
        ("meeting", "2024-W05", "2024-W05", True),
        ("meeting", "2024-02-06", "2024-02", False),
    ],
)  # fmt: skip
def test_event_dates_agree_only_when_equal(attribute, first, second, agree):
    one = f"Officials said the service's {attribute} was {first}."
    other = f"The service had its {attribute} on {second}, it emerged."
    found = decide([event("a", attribute, first, sentence=one),
                    event("b", attribute, second, sentence=other)])  # fmt: skip
    assert [f.verdict for f in found.agreements] == (["agree"] if agree else [])
    assert not found.contradictions


def test_planned_date_against_past_date_is_not_a_contradiction():
    found = decide([event("a", "inspection", "2022-11"),
                    event("b", "inspection", "2023-FA", status="planned")])  # fmt: skip
    assert not found.contradictions
    assert [f.verdict for f in found.changes] == ["different_time"]


def test_ratings_at_different_times_are_a_change():
    found = decide([rating("a", "inadequate", as_of="2019"),
                    rating("b", "requires improvement to be good", as_of="2023")])  # fmt: skip
    assert not found.contradictions
    assert [f.verdict for f in found.changes] == ["different_time"]


def test_previous_and_current_grades_are_a_change():
    found = decide([rating("a", "requires improvement to be good", status="previous"),
                    rating("b", "inadequate")])  # fmt: skip
    assert not found.contradictions
    assert [f.verdict for f in found.changes] == ["different_time"]


def test_two_current_grades_of_one_subject_contradict():
    found = decide([rating("a", "inadequate"), rating("b", "good")])
    assert [f.verdict for f in found.contradictions] == ["contradict"]


def test_grades_of_different_subjects_are_a_near_miss_not_a_contradiction():
    found = decide([rating("a", "inadequate", key=FOSTERING),
                    rating("b", "requires improvement to be good", key=CHILDREN)])  # fmt: skip
    assert not found.contradictions
    assert [f.verdict for f in found.checks] == ["different_subject"]


def test_a_target_grade_never_contradicts_a_judgement():
    found = decide([rating("a", "inadequate"), rating("b", "good", status="target")])
    assert not found.contradictions


# --- the seed corpus end to end -----------------------------------------------------------


@pytest.fixture()
def seeds(seed_db: Path) -> Iterator[Store]:
    with Store(seed_db, create=False) as store:
        yield store


def _doc(prefix: str, finding_claims) -> list[dict]:
    return [c for c in finding_claims if c["document"].startswith(prefix)]


def test_seed_last_november_and_february_contradict_about_the_inspection(seeds: Store):
    found = find_findings(load_claims(seeds))
    inspection = [f for f in found.contradictions if f.attribute == "inspection"]
    assert len(inspection) == 1
    claims = inspection[0].claims
    assert {c["normalized"] for c in _doc("000", claims)} == {"2022-11"}
    assert {c["value"] for c in _doc("000", claims)} == {"last November"}
    assert "2023-02" in {c["normalized"] for c in _doc("001", claims)}
    assert "inferred" in inspection[0].explanation  # the undated documents' years are inferred


def test_seed_495_and_about_500_children_agree(seeds: Store):
    found = find_findings(load_claims(seeds))
    children = [f for f in found.agreements if f.attribute == "count of children"]
    assert len(children) == 1
    values = {(c["document"][:3], c["value"], c["qualifier"]) for c in children[0].claims}
    assert values == {("000", "495", "exact"), ("001", "about 500", "approximate")}
    assert not [f for f in found.contradictions if f.attribute.startswith("count of")]


def test_seed_monitoring_visit_in_april_2023_is_on_the_timeline(seeds: Store):
    entries = [e for e in stored_timeline(seeds) if e["event"] == "monitoring visit"]
    april = [e for e in entries if e["date"] == "2023-04"]
    assert len(april) == 1
    assert {"001", "002"} <= {d[:3] for d in april[0]["documents"]}
    assert april[0]["agree"] is True
    dates = [e["date"] for e in stored_timeline(seeds)]
    assert dates == sorted(dates, key=lambda d: date_interval(d)[0])  # in date order


def test_seed_agency_inadequate_does_not_contradict_childrens_services(seeds: Store):
    found = find_findings(load_claims(seeds))
    for finding in found.contradictions:
        grades = {c["normalized"] for c in finding.claims if c["kind"] == "rating"}
        assert not {"inadequate", "requires improvement to be good"} <= grades
    near = [f for f in found.checks if f.verdict == "different_subject" and f.attribute == "rating"]
    assert near, "the two subjects should be listed as a near miss"


def test_seed_agency_earlier_and_later_ratings_are_a_change(seeds: Store):
    found = find_findings(load_claims(seeds))
    changes = [f for f in found.changes if f.attribute == "rating" and "ostering" in f.subject]
    assert len(changes) == 1
    statuses = {(c["normalized"], c["status"]) for c in changes[0].claims}
    assert ("requires improvement to be good", "previous") in statuses
    assert ("inadequate", "current") in statuses
    assert not [f for f in found.contradictions if f.attribute == "rating"]


def test_seed_last_night_in_the_dated_article_is_22_march(seeds: Store):
    rows = claim_query(seeds, attribute="meeting").dicts()
    night = [r for r in rows if r["value"] == "last night"]
    assert [(r["document"][:3], r["normalized"]) for r in night] == [("004", "2023-03-22")]


def test_seed_claims_query_filters_and_has_the_design_fields(seeds: Store):
    rows = claim_query(seeds, subject="fostering", attribute="count of children").dicts()
    assert rows and all("count of children" in r["attribute"] for r in rows)
    design = {"id", "document", "subject", "subject_id", "attribute", "value", "normalized",
              "unit", "qualifier", "as_of", "speaker", "sentence", "start", "end"}  # fmt: skip
    assert design <= set(rows[0])
    text = seeds.document_text(rows[0]["document"]) or ""
    assert rows[0]["value"] in text[rows[0]["start"] : rows[0]["end"]]
    assert rows[0]["value"] in rows[0]["sentence"]


def test_seed_report_summary_and_markdown(seeds: Store):
    report = fresh_report(seeds)
    json.dumps(report)  # plain JSON
    assert report["summary"]["documents"] == 5
    assert report["summary"]["contradictions"] == len(report["contradictions"]) == 1
    for key in ("documents", "contradictions", "agreements", "single_source", "who_said"):
        assert key in report
    markdown = render_markdown(report)
    assert markdown.index("## Summary") < markdown.index("## Contradictions")
    assert "last November" in markdown
