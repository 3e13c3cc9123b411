"""Claims on real corpora (issue 15): dates from file names and manifests, corpus
boilerplate, subjects from the sentence (never the headline), values that are not counts,
poll shares, and change over time told apart from contradiction.

Passages are written here, in more than one domain (elections, earthquakes, football,
council services); the pipeline's real model parses them where the parse is the point.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmine.analyse.consistency import decide
from corpusmine.analyse.records import StoredClaim
from corpusmine.extract import extract_document
from corpusmine.ingest import (
    FoundFile,
    discover,
    document_from_raw,
    document_from_text,
    find_boilerplate,
    line_keys,
    read_raw,
)
from corpusmine.ingest.metadata import date_in_name, read_metadata
from corpusmine.nlp import build_pipeline
from corpusmine.records import Claim

# --- dates from file names and manifests -------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "date"),
    [
        ("nyt_2016-10-23_trump-taxes.txt", "2016-10-23"),
        ("2025/01/21/storm-hits-coast.txt", "2025-01-21"),
        ("minutes-20230314.txt", "2023-03-14"),
        ("reports/2019_07_02_budget.md", "2019-07-02"),
        ("quake_report.txt", None),
        ("item-20231399.txt", None),  # no 99th day
        ("case-120230314.txt", None),  # digits running on are an id, not a date
        ("20_1ecbplus.txt", None),
    ],
)
def test_date_in_file_or_folder_name(tmp_path: Path, relative: str, date: str | None):
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Headline\n\nBody.\n")
    assert date_in_name(path, tmp_path) == date
    metadata = read_metadata(path.read_text(), path, tmp_path)
    assert (metadata.date, metadata.date_source) == (date, "file-name" if date else "none")


def test_header_beats_file_name(tmp_path: Path):
    path = tmp_path / "minutes-20230314.txt"
    text = "date 2023-03-15\nMinutes of the meeting.\n"
    metadata = read_metadata(text, path, tmp_path)
    assert (metadata.date, metadata.date_source) == ("2023-03-15", "header")


@pytest.mark.parametrize(
    ("manifest_name", "content", "name"),
    [
        # PolNeAR's shape: tab separated, file name without extension, two folders up.
        ("metadata.tsv", "compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
         "dev\tpost_story-one\twash-post\t2016-09-14\tA lesson from the count\n", "post_story-one"),
        # A CSV of a newsroom export: file name with extension, ISO timestamp.
        ("export.csv", "File Name,Headline,Published At,Outlet\n"
         "post_story-one.txt,A lesson from the count,2016-09-14T08:30:00Z,wash-post\n",
         "post_story-one"),
    ],
)  # fmt: skip
def test_manifest_of_another_shape_gives_date_title_and_source(
    tmp_path: Path, manifest_name: str, content: str, name: str
):
    folder = tmp_path / "dev" / "text"
    folder.mkdir(parents=True)
    (tmp_path / manifest_name).write_text(content)
    path = folder / f"{name}.txt"
    path.write_text("Story headline\n\nBody.\n")
    metadata = read_metadata(path.read_text(), path, folder)
    assert (metadata.date, metadata.date_source) == ("2016-09-14", "manifest")
    assert metadata.title == "A lesson from the count"
    assert metadata.source == "wash-post"


def test_table_without_a_date_column_is_not_a_manifest(tmp_path: Path):
    (tmp_path / "scores.csv").write_text("filename,goals\nmatch.txt,3\n")
    path = tmp_path / "match.txt"
    path.write_text("Match report\n\nBody.\n")
    assert read_metadata(path.read_text(), path, tmp_path).date_source == "none"


# --- corpus boilerplate ------------------------------------------------------------------

NOTE = "Editor's note: this outlet regards the candidate as a serial liar and a bully."
PROMO = "Sign up for our morning newsletter."

THREE_DOCUMENTS = {
    "a": f"Storm closes coast road\n\nThe storm closed the coast road on Monday.\n\n{NOTE}\n",
    "b": f"Council opens shelter\n\n{PROMO}\n\nThe council opened 12 shelters.\n\n{NOTE}\n",
    "c": f"Clinton leads in Ohio\n\n{PROMO}\n\nClinton leads in Ohio.\n\n{PROMO}\n\n{NOTE}\n",
    "d": f"Rain ends drought\n\n{PROMO}\n\nThe rain ended the drought.\n",
}


def test_paragraph_repeated_across_documents_is_furniture():
    found = find_boilerplate(line_keys(text) for text in THREE_DOCUMENTS.values())
    assert NOTE in found and PROMO in found
    assert "The council opened 12 shelters." not in found
    source = document_from_text(THREE_DOCUMENTS["b"], document_id="b", boilerplate=found)
    assert "newsletter" not in source.clean and "Editor" not in source.clean
    assert "12 shelters" in source.clean
    assert len(source.boilerplate) == 2
    # Each furniture span points at the repeated line in the stored text.
    assert {THREE_DOCUMENTS["b"][s:e] for s, e in source.boilerplate} == {NOTE, PROMO}


def test_long_line_repeated_mid_article_is_syndicated_text_not_furniture():
    wire = "The magnitude 6.1 earthquake struck the island at dawn, officials said on Sunday."
    texts = [f"Quake report {i}\n\n{wire}\n\nLocal detail {i} here.\n\nMore {i}.\n\nEnd {i}.\n"
             for i in range(3)]  # fmt: skip
    assert wire not in find_boilerplate(line_keys(t) for t in texts)


def test_line_in_two_documents_is_not_furniture():
    found = find_boilerplate(line_keys(THREE_DOCUMENTS[k]) for k in ("a", "d"))
    assert not found.keys


# --- claims from the sentence's own grammar -----------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def claims(nlp, text: str) -> tuple[Claim, ...]:
    source = document_from_text(text, document_id="t")
    return extract_document(nlp(source.clean), source).claims


def test_headline_is_never_a_subject(nlp):
    text = (
        "Virginian could make history with 20 candidates.\n\n"
        "Officials said the weather was fine.\n\n"
        "About 20 people applied, but 15 withdrew."
    )
    found = claims(nlp, text)
    assert all("Virginian could make history" not in c.subject_text for c in found)
    assert all(c.start > text.index("\n") for c in found)  # nothing from the headline


@pytest.mark.parametrize(
    "sentence",
    [
        "The council met 9/11 families on Tuesday.",
        "Rovers beat United 31-24 in the final.",
        "Residents can call 555-0123 for help.",
        "The mayor said two or three things would change.",
        "The four-man crew reached the summit.",
        "The council won two-thirds of the seats and counted three-quarters of the wards.",
        "In 2019 voters rejected the plan.",
    ],
)
def test_not_a_count(nlp, sentence: str):
    text = f"Local news\n\nThe Riverside council met on Monday.\n\n{sentence}"
    counts = [c for c in claims(nlp, text) if c.attribute.startswith("count of")]
    assert counts == [], [(c.attribute, c.value) for c in counts]


def test_poll_shares_belong_to_their_names_and_poll(nlp):
    text = (
        "Poll roundup\n\n"
        "Clinton leads Trump 45 to 41 percent in a new Quinnipiac University poll released Monday."
    )
    shares = {(c.subject_text, c.normalized, c.attribute) for c in claims(nlp, text)}
    assert ("Clinton", "45", "poll share (quinnipiac)") in shares
    assert ("Trump", "41", "poll share (quinnipiac)") in shares


def test_a_count_needs_a_subject(nlp):
    text = "Notes\n\nThere were 40 of them, and some 30 more arrived."
    assert [c for c in claims(nlp, text) if c.attribute.startswith("count of")] == []


# --- comparison: time, one source, change over time ----------------------------------------

_ids = iter(range(1, 10_000))


def figure(
    document: str,
    value: str,
    *,
    date: str | None,
    sentence: str | None = None,
    qualifier: str = "exact",
    attribute: str = "count of deaths",
    key: tuple[str, str] = ("qeshm", "place"),
) -> StoredClaim:
    return StoredClaim(
        id=next(_ids), document=document, subject=key[0], subject_id=None, key=key,
        attribute=attribute, kind="count", value=value, normalized=value, unit=attribute[9:],
        qualifier=qualifier, as_of=None, status=None, speaker=None, speaker_id=None,
        sentence=sentence or f"{document}: on {key[0].title()} the count was {value}.",
        start=0, end=1,
        sentence_start=0, sentence_end=1, document_date=date,
        date_source="file-name" if date else "none",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        # Same day, same figure: agree; different figure: contradict; a day later the
        # count may have moved on: a check.
        (("10", "2008-09-11", None), ("10", "2008-09-11", None), "agree"),
        (("10", "2008-09-11", None), ("12", "2008-09-11", None), "contradict"),
        (("10", "2008-09-11", None), ("12", "2008-09-12", None), "check"),
        # "A total of 31" against "12": different scopes, never a contradiction.
        (("12", "2011-11-11", "Sukanya on Qeshm seized 12 magazines."),
         ("31", "2011-11-11", "In all five operations Qeshm saw a total of 31 seized."), "check"),
        # The toll grows: "some 30" then "at least 43" two days later is a change.
        (("30", "2008-09-10", "Some 30 people died on Qeshm, officials said."),
         ("43", "2008-09-12", "At least 43 people have died on Qeshm so far."), "different_time"),
        (("30", "2008-09-10", None), ("43", "2008-09-12", "The death toll on Qeshm rose to 43."),
         "different_time"),
        # Months apart: figures for different times.
        (("30", "2008-01-10", None), ("43", "2008-09-12", None), "different_time"),
        # Undated: a check, never a verdict (only incidents and polls go unchecked).
        (("10", None, None), ("10", None, None), "check"),
        (("10", None, None), ("12", None, None), "check"),
    ],
)  # fmt: skip
def test_change_over_time_is_not_a_contradiction(a, b, verdict):
    first = figure("a", a[0], date=a[1], sentence=a[2])
    second = figure("b", b[0], date=b[1], sentence=b[2])
    found = decide([first, second])
    verdicts = [f.verdict for group in (found.contradictions, found.agreements, found.changes,
                                        found.checks) for f in group]  # fmt: skip
    assert verdicts == ([verdict] if verdict else [])


_DELEGATES = ("count of delegates", ("cruz", "person"))
_DEATHS = ("count of deaths", ("qeshm", "place"))
_BUDGET = ("amount", ("northshire council", "organisation"))


@pytest.mark.parametrize(
    ("what", "a", "b", "verdict"),
    [
        # An approximate figure agrees only within its roundness (at most 5%).
        (_DELEGATES, ("100", "approximate", "2016-03-01", "Cruz still needs about 100 delegates."),
         ("97", "exact", "2016-03-01", "Cruz still needs 97 delegates."), "agree"),
        (_DELEGATES, ("100", "approximate", "2016-03-01", "Cruz still needs about 100 delegates."),
         ("67", "exact", "2016-03-01", "Cruz still needs 67 delegates."), "contradict"),
        (_DEATHS, ("500", "approximate", "2008-09-11", "Some 500 people died on Qeshm."),
         ("495", "exact", "2008-09-11", "495 people died on Qeshm."), "agree"),
        (_DEATHS, ("500", "approximate", "2008-09-11", "Some 500 people died on Qeshm."),
         ("420", "exact", "2008-09-11", "420 people died on Qeshm."), "contradict"),
        (_BUDGET, ("2000000", "approximate", "2024-02-01", "The council will spend about £2m."),
         ("1960000", "exact", "2024-02-01", "The council will spend £1.96m."), "agree"),
        (_BUDGET, ("2000000", "approximate", "2024-02-01", "The council will spend about £2m."),
         ("1500000", "exact", "2024-02-01", "The council will spend £1.5m."), "contradict"),
    ],
)  # fmt: skip
def test_an_approximate_figure_agrees_only_within_its_roundness(what, a, b, verdict):
    assert _verdicts(what, a, b) == [verdict]


@pytest.mark.parametrize(
    ("what", "a", "b", "verdicts"),
    [
        # "at least X" is never an agreement with a much larger figure: a figure several
        # times its bound is another measure (a night's delegates, the total), neither a
        # change nor anything to check; closer, a change when the days differ, and on one
        # day nothing either way (the group is only a check).
        (_DELEGATES, ("175", "at_least", "2016-03-01", "Cruz has won at least 175 delegates."),
         ("1163", "exact", "2016-03-08", "Cruz has won 1,163 delegates."), []),
        (_DELEGATES, ("175", "at_least", "2016-03-01", "Cruz has won at least 175 delegates."),
         ("240", "exact", "2016-03-08", "Cruz has won 240 delegates."), ["different_time"]),
        (_DELEGATES, ("175", "at_least", "2016-03-01", "Cruz has won at least 175 delegates."),
         ("1163", "exact", "2016-03-01", "Cruz has won 1,163 delegates."), []),
        (_DELEGATES, ("175", "at_least", "2016-03-01", "Cruz has won at least 175 delegates."),
         ("240", "exact", "2016-03-01", "Cruz has won 240 delegates."), ["check"]),
        (_DEATHS, ("30", "at_least", "2008-09-10", "At least 30 people died on Qeshm."),
         ("43", "exact", "2008-09-10", "43 people died on Qeshm."), ["check"]),
        (_BUDGET, ("3000000", "at_least", "2024-02-01", "Council repairs will cost more than £3m."),
         ("5000000", "exact", "2024-02-20", "Council repairs will cost £5m."), ["different_time"]),
        # Close to its bound it may agree.
        (_BUDGET, ("3000000", "at_least", "2024-02-01", "Council repairs will cost more than £3m."),
         ("3100000", "exact", "2024-02-01", "Council repairs will cost £3.1m."), ["agree"]),
        (_DEATHS, ("300", "at_least", "2008-09-10", "More than 300 people died on Qeshm."),
         ("310", "exact", "2008-09-10", "310 people died on Qeshm."), ["agree"]),
    ],
)  # fmt: skip
def test_at_least_never_agrees_with_a_much_larger_figure(what, a, b, verdicts):
    assert _verdicts(what, a, b) == verdicts


@pytest.mark.parametrize(
    ("what", "a", "b", "verdict"),
    [
        # Close but different figures from different days: a moving figure, not agreement.
        (_DELEGATES, ("100", "approximate", "2016-03-01", "Cruz still needs about 100 delegates."),
         ("98", "exact", "2016-03-04", "Cruz still needs 98 delegates."), "check"),
        (_DEATHS, ("500", "approximate", "2008-09-11", "Some 500 people died on Qeshm."),
         ("495", "exact", "2008-09-13", "The death toll on Qeshm rose to 495."), "different_time"),
        (_BUDGET, ("2000000", "approximate", "2024-02-01", "The council will spend about £2m."),
         ("1960000", "exact", "2024-02-09", "The council will spend £1.96m."), "check"),
        # Equal figures from different days may agree.
        (_DEATHS, ("43", "exact", "2008-09-11", "43 people died on Qeshm."),
         ("43", "exact", "2008-09-13", "The Qeshm earthquake killed 43 people."), "agree"),
        (_BUDGET, ("2000000", "exact", "2024-02-01", "The council will spend £2m."),
         ("2000000", "exact", "2024-02-09", "Northshire will spend £2m."), "agree"),
    ],
)  # fmt: skip
def test_different_figures_from_different_days_do_not_agree(what, a, b, verdict):
    assert _verdicts(what, a, b) == [verdict]


def _verdicts(what, a, b) -> list[str]:
    attribute, key = what
    claims = [
        figure(doc, value, date=day, sentence=sentence, qualifier=qualifier,
               attribute=attribute, key=key)
        for doc, (value, qualifier, day, sentence) in (("a", a), ("b", b))
    ]  # fmt: skip
    found = decide(claims)
    return [f.verdict for group in (found.contradictions, found.agreements, found.changes,
                                    found.checks) for f in group]  # fmt: skip


def test_a_subject_the_sentence_does_not_name_is_not_compared():
    # "In all, 691 delegates are up for grabs" filed under the topic "Ted Cruz" (PolNeAR).
    found = decide([
        figure("a", "370", date="2016-03-15", key=("cruz", "person"),
               sentence="Ted Cruz has 370 delegates."),
        figure("b", "691", date="2016-03-15", key=("cruz", "person"),
               sentence="In all, 691 delegates are up for grabs in five states."),
    ])  # fmt: skip
    assert not found.contradictions and not found.agreements


def test_identical_sentence_in_several_documents_is_one_source():
    wire = "Qeshm Rovers have signed 3 new players, the club said."
    found = decide([
        figure("a", "3", date="2024-01-02", sentence=wire, attribute="count of players"),
        figure("b", "3", date="2024-01-02", sentence=wire, attribute="count of players"),
    ])  # fmt: skip
    assert not found.agreements
    assert [f.verdict for f in found.single_source] == ["single_source"]


@pytest.mark.parametrize(
    ("attribute", "key", "long", "short", "one_source"),
    [
        # One outlet reusing its own long sentence with a clause cut is one source.
        ("count of pages", ("state department", "organisation"),
         "The State Department has been analyzing the contents of the emails, as it has "
         "prepared 52,000 pages for public release in batches, a process that began in May.",
         "The State Department has been analyzing the contents of the emails as it has "
         "prepared 52,000 pages for public release.", True),
        ("amount", ("northshire council", "organisation"),
         "Northshire Council said on Tuesday that it will spend 2,000,000 pounds on road "
         "repairs across the county next year, after a wet winter.",
         "Northshire Council said that it will spend 2,000,000 pounds on road repairs across "
         "the county next year.", True),
        # Two short sentences stating one figure may be written independently.
        ("count of deaths", ("qeshm", "place"), "The Qeshm quake killed 43 people.",
         "On Qeshm 43 people were killed.", False),
    ],
)  # fmt: skip
def test_a_trimmed_copy_of_a_long_sentence_is_one_source(attribute, key, long, short, one_source):
    value = "52000" if "pages" in attribute else "2000000" if "spend" in long else "43"
    found = decide([
        figure("a", value, date="2016-03-03", sentence=long, attribute=attribute, key=key),
        figure("b", value, date="2016-03-05", sentence=short, attribute=attribute, key=key),
    ])  # fmt: skip
    assert [f.verdict for f in found.agreements] == ([] if one_source else ["agree"])


@pytest.mark.parametrize(
    ("attribute", "key", "value", "sentences"),
    [
        ("count of delegates", ("cruz", "person"), "370",
         ("Ted Cruz has 370 delegates, Kasich has 129 and Rubio left the race with 163.",
          "Ted Cruz has 370 delegates, Marco Rubio has 163 and John Kasich has 63.")),
        ("amount", ("northshire council", "organisation"), "2000000",
         ("Northshire Council will spend £2m on roads.",
          "Roads get £2m from Northshire Council this year.")),
    ],
)  # fmt: skip
def test_one_figure_stated_twice_in_each_document_is_one_agreement(
    attribute, key, value, sentences
):
    # Two versions of a live blog each carry both sentences: X in one agrees with Y in
    # the other and Y with X, but that is one agreement between two documents.
    found = decide([
        figure(doc, value, date="2016-03-15", sentence=sentence, attribute=attribute, key=key)
        for doc in ("a", "b") for sentence in sentences
    ])  # fmt: skip
    assert [f.verdict for f in found.agreements] == ["agree"]
    assert {c["document"] for c in found.agreements[0].claims} == {"a", "b"}


def test_unnamed_polls_are_never_compared():
    found = decide([
        figure("a", "45", date="2016-09-01", attribute="poll share", key=("clinton", "person")),
        figure("b", "41", date="2016-09-01", attribute="poll share", key=("clinton", "person")),
    ])  # fmt: skip
    assert not found.contradictions and not found.agreements


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Powerful quake kills 10 Published: November 28, 2005 A powerful earthquake hit.",
         "2005-11-28"),
        ("Navy foils attack Sat Nov 12 2011, 01:19 hrs Warship INS Sukanya on Thursday foiled",
         "2011-11-12"),
        ("9 September 2013, 14:08 Paris: Jewellery stolen in shop raid", "2013-09-09"),
        ("Aftershocks jolt island 11/28/05 The sixth aftershock shook", "2005-11-28"),
        ("Rovers sign striker. The club said the fee was undisclosed.", None),
        ("x" * 400 + " November 28, 2005", None),  # too far down to be the document's date
    ],
)  # fmt: skip
def test_dateline_printed_at_the_top(text: str, date: str | None):
    from corpusmine.temporal import dateline

    assert dateline(text) == date


def test_boilerplate_of_word_files_is_found_too(tmp_path: Path):
    """Furniture repeated across pages, PDFs or Word files is found from their parsed
    blocks, as a text file's lines are."""
    docx = pytest.importorskip("docx")
    promo = "Sign up for the Harbour Post newsletter at harbourpost.example"
    bodies = {
        "storm": "Storm closes the harbour road for two days.",
        "budget": "The council agreed a budget of £5m for new libraries.",
        "match": "Rovers won the cup final after extra time.",
    }
    for name, body in bodies.items():
        document = docx.Document()
        for paragraph in (f"{name.title()} news", body, "More details followed.", promo):
            document.add_paragraph(paragraph)
        document.save(tmp_path / f"{name}.docx")
    found = [f for f in discover([str(tmp_path)]) if isinstance(f, FoundFile)]
    raws = [read_raw(f) for f in found]
    boilerplate = find_boilerplate(raw.body_lines() for raw in raws)
    assert promo in boilerplate and bodies["storm"] not in boilerplate
    for raw in raws:
        source = document_from_raw(raw, boilerplate)
        assert "newsletter" not in source.clean
        assert bodies[raw.found.document_id] in source.clean
