"""Claims of news incidents (issue 15): tolls ("killing 10 people", "23 pirates were
captured"), measures ("a 5.6-magnitude earthquake"), and how two reports of them compare:
one incident agrees or contradicts, two incidents of one kind (years apart, a quake and its
aftershock, or undated) are never compared.

Passages are written here, in several domains: earthquakes, storms, shootings, fires,
naval operations, road crashes.
"""

from __future__ import annotations

import pytest

from corpusmine.analyse.consistency import decide
from corpusmine.analyse.records import StoredClaim
from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text
from corpusmine.nlp import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def claims_of(nlp, sentence: str) -> set[tuple[str, str, str]]:
    """(attribute, normalized, subject) of the claims of one body sentence."""
    text = f"Local news\n\nReporters followed the story all week.\n\n{sentence}"
    source = document_from_text(text, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    return {(c.attribute, c.normalized, c.subject_text) for c in found}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The patient of killed / injured / captured / rescued is what is counted; the
        # subject is who acted or the incident.
        ("A powerful earthquake hit the coast, killing 10 people and injuring 80.",
         {("count of people killed", "10", "earthquake"),
          ("count of people injured", "80", "earthquake")}),
        ("Ten people died when the storm flattened the harbour.",
         {("count of people killed", "10", "storm")}),
        ("The navy captured 23 heavily armed Somali pirates near the strait.",
         {("count of pirates captured", "23", "navy")}),
        # A body named by its noun alone is in every town: the incident it acted in, when
        # the sentence names one, is what the toll is about.
        ("Police arrested 40 fans after the riot outside the stadium.",
         {("count of fans captured", "40", "riot")}),
        ("The army rescued 200 villagers from the flood.",
         {("count of villagers rescued", "200", "flood")}),
        ("Firefighters rescued 15 residents from the blaze.",
         {("count of residents rescued", "15", "blaze")}),
        ("The shooting left three people dead and two others wounded.",
         {("count of people killed", "3", "shooting")}),
        ("The death toll from the crash rose to 12.",
         {("count of people killed", "12", "crash")}),
    ],
)  # fmt: skip
def test_tolls_count_the_patient(nlp, sentence, expected):
    found = {c for c in claims_of(nlp, sentence) if c[0].startswith("count of")}
    assert expected <= found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was injured in the fire.",
        "The council employs 40 foster carers in the district.",
        "A magnitude 6 quake can cause severe damage.",
        "Smaller tremors of magnitude 3.1 to 3.9 shook the valley for a week.",
    ],
)
def test_not_a_toll_or_measure(nlp, sentence):
    found = claims_of(nlp, sentence)
    assert not [c for c in found if c[0].endswith(("killed", "injured")) or c[0] == "magnitude"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("A 5.6-magnitude earthquake struck the island.", "5.6"),
        ("An earthquake measuring 6.1 on the Richter scale shook the region.", "6.1"),
        ("The earthquake had a magnitude of 5.9, the survey said.", "5.9"),
    ],
)
def test_magnitude_is_a_measure_of_the_earthquake(nlp, sentence, value):
    found = claims_of(nlp, sentence)
    assert [(a, v) for a, v, s in found if a == "magnitude"] == [("magnitude", value)], found
    assert not [c for c in found if "magnitude" in c[0] and c[0].startswith("count of")]


# --- comparison ------------------------------------------------------------------------------

_ids = iter(range(1, 10_000))


def report(
    document: str,
    value: str,
    *,
    date: str | None,
    attribute: str = "count of people killed",
    as_of: str | None = None,
    qualifier: str = "exact",
    sentence: str | None = None,
    key: tuple[str, str] = ("", "earthquake"),
    places: frozenset[str] = frozenset({"island"}),
) -> StoredClaim:
    return StoredClaim(
        id=next(_ids), document=document, subject="earthquake", subject_id=None, key=key,
        attribute=attribute, kind="count" if attribute.startswith("count") else "amount",
        value=value, normalized=value, unit="people" if attribute.startswith("count") else None,
        qualifier=qualifier, as_of=as_of, status=None, speaker=None, speaker_id=None,
        sentence=sentence or f"{document}: the earthquake's figure was {value}.",
        start=0, end=1, sentence_start=0, sentence_end=1, document_date=date,
        date_source="dateline" if date else "none", places=places,
    )  # fmt: skip


def verdicts(*claims: StoredClaim) -> set[str]:
    findings = decide(list(claims))
    every = findings.contradictions + findings.agreements + findings.changes + findings.checks
    return {f.verdict for f in every}


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        # One incident reported the same day and the next: agree or contradict.
        ((report("a", "10", date="2005-11-27"), report("b", "10", date="2005-11-28")), {"agree"}),
        ((report("a", "5.9", date="2005-11-27", attribute="magnitude"),
          report("b", "6.1", date="2005-11-28", attribute="magnitude")), {"contradict"}),
        # A toll given as a lower bound, then higher: a change over time.
        ((report("a", "3", date="2005-11-27", qualifier="at_least"),
          report("b", "10", date="2005-11-28")), {"different_time"}),
        # Two earthquakes of one kind, years apart: never compared, not even as a check.
        ((report("a", "10", date="2005-11-27"), report("b", "7", date="2008-09-10")), set()),
        ((report("a", "6.1", date="2005-11-27", attribute="magnitude"),
          report("b", "6.1", date="2008-09-10", attribute="magnitude")), set()),
        # An earlier quake a document recalls ("in February, a quake killed 612"): its date.
        ((report("a", "612", date="2005-11-27", as_of="2005-02"),
          report("b", "10", date="2005-11-28")), set()),
        # A quake and its aftershock: magnitudes too far apart to be one quake.
        ((report("a", "3.8", date="2005-11-28", attribute="magnitude"),
          report("b", "5.9", date="2005-11-28", attribute="magnitude")), set()),
        # Undated reports cannot be placed: two incidents are not told apart, so nothing.
        ((report("a", "23", date=None), report("b", "26", date=None)), set()),
        # An incident is its kind, place and day: a report placing it nowhere cannot
        # contradict; sentences giving two different days are of two incidents or moments.
        ((report("a", "5.9", date="2005-11-27", attribute="magnitude", places=frozenset()),
          report("b", "6.1", date="2005-11-28", attribute="magnitude")), {"check"}),
        ((report("a", "2", date="2024-06-05", as_of="2024-06-03", key=("", "fire")),
          report("b", "1", date="2024-06-06", as_of="2024-06-05", key=("", "fire"))), set()),
    ],
)  # fmt: skip
def test_incidents_compare_only_within_one_incident(claims, expected):
    assert verdicts(*claims) == expected


def test_explanations_name_documents_by_label():
    a = report("nyt_2016-09-24_quake", "10", date="2005-11-27")
    b = report("wapo_2016-09-24_quake", "10", date="2005-11-27")
    labels = {a.document: "Quake kills ten (nyt, 2005-11-27)", b.document: "Ten dead (wapo)"}
    (agreement,) = decide([a, b], labels).agreements
    assert "Quake kills ten (nyt, 2005-11-27)" in agreement.explanation
    assert "Ten dead (wapo)" in agreement.explanation
    assert a.document not in agreement.explanation


def test_incidents_placed_in_different_places_are_two_incidents():
    orlando = report("a", "49", date="2016-06-13", key=("", "shooting"))
    paris = report("b", "130", date="2016-06-14", key=("", "shooting"))
    orlando = StoredClaim.from_fields({**orlando.__dict__, "places": frozenset({"orlando"})})
    paris = StoredClaim.from_fields({**paris.__dict__, "places": frozenset({"paris"})})
    assert verdicts(orlando, paris) == set()
    again = StoredClaim.from_fields(
        {**orlando.__dict__, "id": 99_999, "document": "c", "sentence": "In Orlando 49 died."}
    )
    assert verdicts(orlando, again) == {"agree"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Police opened fire on the crowd, and 12 people were arrested.",
        "Officials said the state would not admit 100,000, 200,000 or 250,000 refugees.",
    ],
)
def test_idioms_and_alternatives(nlp, sentence):
    found = claims_of(nlp, sentence)
    assert not [c for c in found if c[2] == "fire"], found
    assert not [c for c in found if c[1] in ("100000", "200000")], found


def test_different_tolls_weeks_apart_are_two_incidents():
    early = report("a", "49", date="2016-06-13", key=("", "shooting"))
    later = report("b", "80", date="2016-07-15", qualifier="at_least", key=("", "shooting"))
    assert verdicts(early, later) == set()
    next_day = report("c", "53", date="2016-06-14", qualifier="at_least", key=("", "shooting"))
    assert verdicts(early, next_day) == {"different_time"}


def test_a_month_and_a_day_next_to_it_are_not_one_moment():
    paris = report("a", "130", date="2016-07-15", as_of="2015-11", key=("", "attack"))
    california = report("b", "14", date="2015-12-22", as_of="2015-12-02", key=("", "attack"))
    assert "contradict" not in verdicts(paris, california)
