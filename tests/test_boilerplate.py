"""Corpus boilerplate is furniture inserted into different texts, never the record itself:
a committee's recurring attendance and motions, or an agency story told by several outlets,
repeat across documents because that is what happened (ingest/boilerplate.py)."""

from __future__ import annotations

from corpusmine.extract.minutes import read_meeting
from corpusmine.ingest import document_from_text, find_boilerplate, line_keys


def _furniture(texts: dict[str, str]):
    return find_boilerplate(line_keys(text) for text in texts.values())


def _minutes(day: str, present: str, item: str) -> str:
    return (
        f"Minutes of the Licensing Sub-Committee, {day}\n\n"
        f"Present: {present}\n\n"
        "Apologies for absence were received from Councillor Rhys Owen.\n\n"
        "Declarations of interest: none.\n\n"
        f"1. {item}\n\n"
        "Moved by Councillor Priya Shah, seconded by Councillor Tom Reid.\n\n"
        "RESOLVED: That the application be granted subject to the conditions set out.\n\n"
        "The meeting closed at 8.15 pm.\n"
    )


COMMITTEE = {
    "june": _minutes(
        "4 June", "Councillor Priya Shah (Chair), Councillor Tom Reid.", "The Crown, High Street"
    ),
    "july": _minutes(
        "2 July",
        "Councillor Priya Shah (Chair), Councillor Tom Reid, Councillor Ann Lee.",
        "Late licence, Mill Lane Café",
    ),
    "august": _minutes(
        "6 August",
        "Councillor Priya Shah (Chair), Councillor Ann Lee.",
        "Street trading consent, Market Square",
    ),
}


def test_recurring_lines_of_minutes_are_their_record_not_furniture():
    found = _furniture(COMMITTEE)
    assert not found.keys
    for name, text in COMMITTEE.items():
        meeting = read_meeting(document_from_text(text, document_id=name, boilerplate=found))
        assert any("Rhys Owen" in a.name for a in meeting.attendance), name
        assert meeting.decisions, name
        assert any(d.mover and "Shah" in d.mover.name for d in meeting.decisions), name


def test_minutes_keep_their_lines_even_where_news_made_them_furniture():
    # The same procedural line standing as a promo-like line in three articles (short,
    # different contexts) is furniture there, but never taken out of minutes.
    line = "The meeting closed at 8.15 pm."
    articles = {
        f"a{i}": f"Story {i}\n\nFirst fact {i} of the day.\n\n{line}\n\nLast word {i}.\n"
        for i in range(3)
    }
    found = _furniture(articles)
    assert line in found
    minutes = document_from_text(COMMITTEE["june"], document_id="june", boilerplate=found)
    assert line in minutes.clean and not minutes.boilerplate


WIRE_BODY = (
    "A 24-year-old midfielder signed a three-year deal with Harbour Town on Friday.\n\n"
    '"This is the club I supported as a boy," Dean Moss said.\n\n'
    "The fee was undisclosed.\n\n"
)


def test_agency_story_told_by_three_outlets_is_syndicated_text_not_furniture():
    copies = {
        outlet: f"Moss joins Harbour Town ({outlet})\n\n{WIRE_BODY}The {outlet} understands "
        "more signings will follow.\n"
        for outlet in ("Gazette", "Echo", "Mercury")
    }
    found = _furniture(copies)
    assert not found.keys
    source = document_from_text(copies["Echo"], document_id="echo", boilerplate=found)
    assert "the club I supported" in source.clean and "undisclosed" in source.clean


def test_short_quotation_repeated_in_different_articles_is_not_a_promo():
    quote = '"We will not be moved," the union said.'
    articles = {
        f"s{i}": f"Strike day {i}\n\nPickets formed at depot {i}.\n\n{quote}\n\n"
        f"Talks resume on day {i + 1}.\n\nBuses ran late in area {i}.\n"
        for i in range(3)
    }
    assert quote not in _furniture(articles)


def test_promo_and_header_labels_stay_furniture():
    promo = "Download our app for breaking news alerts."
    articles = {
        f"h{i}": f"Ward closes {i}\n\nABSTRACT.\n\nFULL TEXT.\n\nThe hospital closed ward {i} "
        f"after an outbreak among {i + 3} patients, the trust said.\n\n{promo}\n\n"
        f"Visiting rules change on day {i}.\n\nStaff were redeployed to unit {i}.\n"
        for i in range(3)
    }
    found = _furniture(articles)
    assert "ABSTRACT." in found and "FULL TEXT." in found and promo in found
    source = document_from_text(articles["h1"], document_id="h1", boilerplate=found)
    assert "outbreak" in source.clean and "app" not in source.clean
