"""A change over time is one measure moving (issue 15): two values of one subject's
attribute from two moments are a change only when they can be one measure, and two dates
of a recurring event (a meeting, a publication) are two occurrences, not one event moved.

Hand-built claims in several domains: business, science, sport, council."""

from __future__ import annotations

import pytest

from corpusmine.analyse.consistency import decide
from corpusmine.analyse.records import StoredClaim

_ids = iter(range(1, 10_000))


def figure(
    document: str,
    subject: str,
    attribute: str,
    value: str,
    unit: str,
    sentence: str,
    document_date: str,
    *,
    as_of: str | None = None,
    kind: str = "count",
) -> StoredClaim:
    head = subject.split()
    return StoredClaim(
        id=next(_ids), document=document, subject=subject, subject_id=None,
        key=(head[0].lower(), head[-1].lower()), attribute=attribute, kind=kind,
        value=value, normalized=value, unit=unit, qualifier="exact", as_of=as_of,
        status=None, speaker=None, speaker_id=None, sentence=sentence, start=0, end=1,
        sentence_start=0, sentence_end=1, document_date=document_date, date_source="header",
    )  # fmt: skip


def meeting(document: str, subject: str, when: str, sentence: str, status: str = "past"):
    claim = figure(document, subject, "meeting", when, "", sentence, "2024-01-10", as_of=when,
                   kind="event")  # fmt: skip
    return StoredClaim.from_fields({**claim.__dict__, "unit": None, "status": status})


def verdicts(claims: list[StoredClaim]) -> dict[str, int]:
    found = decide(claims)
    return {
        "contradict": len(found.contradictions),
        "agree": len(found.agreements),
        "change": len(found.changes),
        "check": len(found.checks),
    }


NONE = {"contradict": 0, "agree": 0, "change": 0, "check": 0}
CHANGE = {**NONE, "change": 1}


SHARE = ("Acme Corp", "share of market", "percent")
SPECIES = ("Kew survey", "count of species", "species")
GOALS = ("Leeds United", "count of goals", "goals")


@pytest.mark.parametrize(
    ("what", "first", "second", "expected"),
    [
        # Business: a market share reported in January and in March. 31 and 33 percent can
        # be one share moving; 12 and 45 percent are two shares (of a region, of a product).
        (SHARE, ("31", "Acme Corp holds 31 percent of the market."),
         ("33", "Acme Corp now has 33 percent of the market."), CHANGE),
        (SHARE, ("12", "Acme Corp holds 12 percent of the market in Asia."),
         ("45", "Acme Corp now has 45 percent of the market for tablets."), NONE),
        # Science: a survey's species count. 40 then 48 is a count growing; 40 then 400 is
        # another count (a site's, the whole reserve's).
        (SPECIES, ("40", "The Kew survey has recorded 40 species so far."),
         ("48", "The Kew survey has now recorded 48 species."), CHANGE),
        (SPECIES, ("40", "The Kew survey recorded 40 species in one pond."),
         ("400", "The Kew survey has now recorded 400 species."), NONE),
        # Sport: a club's goals, a season's tally and a match's.
        (GOALS, ("61", "Leeds United have scored 61 goals this season."),
         ("3", "Leeds United scored 3 goals on Saturday."), NONE),
    ],
)  # fmt: skip
def test_a_change_needs_values_one_measure_can_move_between(what, first, second, expected):
    subject, attribute, unit = what
    a = figure("a", subject, attribute, first[0], unit, first[1], "2024-01-10")
    b = figure("b", subject, attribute, second[0], unit, second[1], "2024-03-20")
    assert verdicts([a, b]) == expected


def test_figures_whose_sentences_give_their_periods_are_a_change_however_far_apart():
    # "in 2019", "in 2023": the sentences make the two figures one series.
    a = figure(
        "a",
        "Wirral Council",
        "count of libraries",
        "24",
        "libraries",
        "Wirral Council ran 24 libraries in 2019.",
        "2024-01-10",
        as_of="2019",
    )
    b = figure("b", "Wirral Council", "count of libraries", "9", "libraries",
               "Wirral Council ran 9 libraries in 2023.", "2024-03-20", as_of="2023")  # fmt: skip
    assert verdicts([a, b]) == CHANGE


@pytest.mark.parametrize(
    ("subject", "first", "second"),
    [
        # Council: the cabinet met in January; it will meet again in March.
        ("Wirral cabinet",
         ("2024-01-09", "past", "The Wirral cabinet met on January 9 to discuss the budget."),
         ("2024-03-12", "planned", "The Wirral cabinet will meet on March 12 to set the budget.")),
        # Business: a board's two meetings a fortnight apart, both past.
        ("Acme board",
         ("2024-05-02", "past", "The Acme board met on May 2 to review the offer."),
         ("2024-05-16", "past", "The Acme board met on May 16 and accepted the offer.")),
    ],
)  # fmt: skip
def test_two_dates_of_a_recurring_event_are_two_occurrences(subject, first, second):
    a = meeting("a", subject, first[0], first[2], first[1])
    b = meeting("b", subject, second[0], second[2], second[1])
    assert verdicts([a, b]) == NONE


def test_one_date_of_a_recurring_event_in_two_documents_agrees():
    a = meeting("a", "Acme board", "2024-05-16", "The Acme board met on May 16.")
    b = meeting("b", "Acme board", "2024-05-16", "Acme's board met on May 16 and agreed.")
    assert verdicts([a, b]) == {**NONE, "agree": 1}


def _agreements(claims: list[StoredClaim]) -> list[list[str]]:
    return [sorted(c["normalized"] for c in f.claims) for f in decide(claims).agreements]


def test_an_event_agreed_at_a_coarser_grain_is_folded_into_the_finer_agreement():
    # Council: two reports give the inspection's day, two only its month: one agreement.
    said = [
        ("a", "2023-03-14", "Ofsted inspected the Wirral fostering service on March 14, 2023."),
        ("b", "2023-03-14", "The Wirral fostering service was inspected on 14 March 2023."),
        ("c", "2023-03", "Inspectors visited the Wirral fostering service in March 2023."),
        ("d", "2023-03", "The Wirral fostering service's inspection in March 2023 found gaps."),
    ]
    claims = [
        StoredClaim.from_fields({**meeting(d, "Wirral service", v, s).__dict__,
                                 "attribute": "inspection"})
        for d, v, s in said
    ]  # fmt: skip
    found = decide(claims)
    assert _agreements(claims) == [["2023-03", "2023-03", "2023-03-14", "2023-03-14"]]
    assert "hold 2023-03-14" in found.agreements[0].explanation


def test_a_coarse_agreement_holding_two_finer_dates_stays_apart():
    # Business: a board met on May 2 and on May 16 (two outlets each); two more say "this
    # month": which meeting they mean is not known, so nothing is folded.
    said = [
        ("a", "2024-05-02", "The Acme board met on May 2."),
        ("b", "2024-05-02", "Acme's board met on May 2 to review the offer."),
        ("c", "2024-05-16", "The Acme board met on May 16."),
        ("d", "2024-05-16", "Acme's board met on May 16 and accepted the offer."),
        ("e", "2024-05", "The Acme board met this month."),
        ("f", "2024-05", "Acme's board met twice this month."),
    ]
    claims = [meeting(d, "Acme board", v, s) for d, v, s in said]
    assert sorted(_agreements(claims)) == [
        ["2024-05", "2024-05"],
        ["2024-05-02", "2024-05-02"],
        ["2024-05-16", "2024-05-16"],
    ]
