"""Who said what in news from any outlet (issue 12): one passage table per mechanism.

The passages are invented, in several domains (politics, sport, business, local
government). Each row names a statement by its first words and asserts the record's span
(its offsets slice exactly those words out of the text), kind and speaker.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from corpusmine.cli import cli
from corpusmine.extract.quotes import extract_quotes
from corpusmine.ingest import document_from_text
from corpusmine.records import Quote, SourceDocument


def find(source: SourceDocument, quotes: tuple[Quote, ...], words: str) -> list[Quote]:
    """Records whose span starts with ``words`` (offsets checked against the text)."""
    found = []
    for quote in quotes:
        assert source.text[quote.start : quote.end] == quote.text
        if quote.text.startswith(words):
            found.append(quote)
    return found


def check(run, text: str, words: str, kind: str, speaker: str, whole: str | None = None):
    source, quotes = run(text)
    found = [q for q in find(source, quotes, words) if q.kind == kind]
    assert found, f"no {kind} record starting {words!r}: {[(q.kind, q.text) for q in quotes]}"
    record = found[0]
    assert speaker in record.speaker_text, (record.speaker_text, record.method)
    if whole is not None:  # the record covers exactly these words
        assert record.text == whole
    return record


# 1. A quote continued after its cue, and quote-only paragraphs after it.
CONTINUED = [
    (  # sport
        '"We were poor in the first half," coach Maria Lopez said. "The second half was '
        'much better and the players knew it."',
        "The second half was",
        "Maria Lopez",
    ),
    (  # business
        '"Sales rose in every region," said Daniel Okafor, the chief executive. "We expect '
        'the same again next year."',
        "We expect the same",
        "Daniel Okafor",
    ),
    (  # politics: the next paragraph is only a quote
        'Senator Ruth Adler defended the bill on Tuesday.\n\n"The bill will pass," Adler '
        'said.\n\n"We have the votes and we have the time to do this properly."',
        "We have the votes",
        "Ruth Adler",
    ),
    (  # sport: a quote-only paragraph after narration that ends on the speaker's verb
        "Coach Maria Lopez praised her young squad after the match.\n\n"
        '"They never stopped running for ninety minutes."',
        "They never stopped",
        "Maria Lopez",
    ),
    (  # local government: "adding:" gives the same speaker a second quote
        '"The bridge is safe," Councillor Tom Reid said, adding: "Engineers checked every '
        'bolt last week."',
        "Engineers checked every",
        "Tom Reid",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CONTINUED)
def test_quote_continued_after_its_cue(run, text: str, words: str, speaker: str) -> None:
    check(run, text, words, "direct", speaker)


def test_continuation_stops_when_narration_names_someone_else(run) -> None:
    text = (
        '"The road will reopen in May," said Councillor Tom Reid.\n\n'
        "Residents later met Anna Patel, who runs the corner shop.\n\n"
        '"Nobody told us anything about the closure at all."'
    )
    source, quotes = run(text)
    assert not [q for q in find(source, quotes, "Nobody told us") if "Reid" in q.speaker_text]


# 2. A speaker after the cue with an apposition holding quote marks (a book title).
def test_speaker_apposition_with_a_quoted_title(run) -> None:
    text = '"Markets punish hesitation," said Alden Moore, author of the book "Failure to Adjust."'
    record = check(run, text, "Markets punish", "direct", "Alden Moore")
    assert record.text == "Markets punish hesitation"
    source, quotes = run(text)
    assert not find(source, quotes, "Failure to Adjust")  # a title is not a quote


# 3. Reported speech with a quoted fragment inside: the whole clause is the record.
FRAGMENTS = [
    (  # local government
        'Mayor Linda Cho said that the budget was "simply not enough" for the parks.',
        "the budget was",
        "Linda Cho",
        'the budget was "simply not enough" for the parks',
    ),
    (  # sport
        'Coach Maria Lopez told reporters the referee had been "completely out of his depth."',
        "the referee had been",
        "Maria Lopez",
        'the referee had been "completely out of his depth."',
    ),
]


PREDICATES = [
    (  # local government: what a verb beyond "said" ascribes, around its quoted words
        'Councillor Tom Reid described the new parking charges as "a tax on shoppers."',
        "the new parking charges",
        "Tom Reid",
        'the new parking charges as "a tax on shoppers."',
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker", "whole"), PREDICATES)
def test_quoted_words_inside_a_predicate(run, text, words, speaker, whole) -> None:
    check(run, text, words, "indirect", speaker, whole)
    check(run, text, "a tax on shoppers", "partial", speaker)


NARRATED = [
    (  # business: a cue set off by commas inside what was said
        "Daniel Okafor spoke to investors on Monday. The results this year, he said, "
        "were the best in the company's history.",
        "The results this year",
        "Daniel Okafor",
        "The results this year",
    ),
    (  # local government: "according to" a report
        "Bus journeys fell by a third last year, according to the transport authority.",
        "Bus journeys fell",
        "transport authority",
        "Bus journeys fell by a third last year",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker", "whole"), NARRATED)
def test_narrated_speech_without_a_reported_clause(run, text, words, speaker, whole) -> None:
    check(run, text, words, "indirect", speaker, whole)


@pytest.mark.parametrize(("text", "words", "speaker", "whole"), FRAGMENTS)
def test_reported_clause_with_a_quoted_fragment(run, text, words, speaker, whole) -> None:
    check(run, text, words, "indirect", speaker, whole)
    fragment = whole.split('"')[1].rstrip(".")
    check(run, text, fragment, "partial", speaker)  # the fragment is a second record


# 4. Colon introductions, verbs beyond "said", and headlines.
COLONS = [
    (  # sport: any verb hands the floor with a colon
        'Carlos Rivera was asked about the defeat. Rivera sighed: "We simply ran out of '
        'ideas tonight."',
        "We simply ran out",
        "Carlos Rivera",
    ),
    (  # business: a cue verb mined from news ("tweeted")
        'Daniel Okafor tweeted: "Our new stores will open on Sunday morning."',
        "Our new stores",
        "Daniel Okafor",
    ),
    (  # local government: "X said:" ends the paragraph, the quote opens the next
        "The chairman, Peter Hale, said:\n\n"
        '"Our results speak for themselves this year and the staff deserve the credit."',
        "Our results speak",
        "Peter Hale",
    ),
    (  # politics: a headline "X on Y: 'words'"
        'Ruth Adler on the budget: "A betrayal of working families"\n\n'
        "Senator Ruth Adler attacked the budget on Monday.",
        "A betrayal of",
        "Ruth Adler",
    ),
    (  # politics: a transcript line "Name (party): words"
        "The committee heard evidence on Tuesday.\n\n"
        'Rep. Ann Cole (D-Ore.): "Who told you that the servers were secure?"',
        "Who told you",
        "Ann Cole",
    ),
    (  # sport: an inverted frame with any verb
        '"This is the best day of my career!" beamed Gina Marsh after the final.',
        "This is the best",
        "Gina Marsh",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), COLONS)
def test_colon_introductions_and_verbs_beyond_said(run, text, words, speaker) -> None:
    check(run, text, words, "direct", speaker)


def test_two_apostrophes_are_a_double_quote_mark(run) -> None:
    text = "''We will win this league,'' said coach Maria Lopez on Friday."
    record = check(run, text, "We will win", "direct", "Maria Lopez")
    assert record.text == "We will win this league"


# 5. Pronoun and description speakers resolved within the document.
PRONOUNS = [
    (  # sport: she -> the person named before
        "Jennifer Walsh, the club captain, scored twice on Saturday.\n\n"
        '"It was a team effort from start to finish," she said.',
        "It was a team effort",
        "Jennifer Walsh",
    ),
    (  # local government: she never goes to a person the document calls "he"
        "Sarah Blake presented her plan for the depot. Tom Hughes took his seat at the back "
        'and listened.\n\n"The depot will be finished by the spring," she said.',
        "The depot will be",
        "Sarah Blake",
    ),
    (  # media: a description stands for the person the document described so
        "Radio host Gina Marsh asked the minister about the transfer.\n\n"
        '"That is simply not an answer," the host said.',
        "That is simply not",
        "Gina Marsh",
    ),
    (  # business: the name is right there in the apposition
        '"We regret the delay to passengers," said a spokeswoman for the rail operator, '
        "Priya Nair.",
        "We regret the delay",
        "Priya Nair",
    ),
    (  # politics: "he's said" (the small model reads a passive) keeps its subject
        "Ever since Bernie Hale joined the race, he's said the same thing at every stop: "
        '"It is not about me, it is about us."',
        "It is not about me",
        "Bernie Hale",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PRONOUNS)
def test_pronoun_and_description_speakers(run, text, words, speaker) -> None:
    check(run, text, words, "direct", speaker)


def test_an_unresolved_description_is_kept_and_marked_less_certain(run) -> None:
    text = '"The trains will run on time from Monday," the spokesman said.'
    record = check(run, text, "The trains will run", "direct", "spokesman")
    assert record.speaker_label == "ROLE"
    named = check(
        run, '"The trains will run on time," said Priya Nair.', "The trains", "direct", "Priya Nair"
    )
    assert record.confidence < named.confidence


def test_a_report_or_poll_speaks(run) -> None:
    text = "The survey says that most residents support the new cycle lanes."
    record = check(run, text, "most residents", "indirect", "survey")
    assert record.text == "most residents support the new cycle lanes"


# 6. Typing: resolution within the document outranks the model's label.
def test_surname_goes_to_the_full_name_used_before(run) -> None:
    text = (
        "Union leader Richard Trumka addressed the convention in March.\n\n"
        '"Working people are tired of empty promises," Trumka said.'
    )
    check(run, text, "Working people are", "direct", "Richard Trumka")


# 7. Documents with no quotes are counted in the extract summary, never silent.
def test_extract_summary_counts_documents_without_quotes(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "quoted.txt").write_text(
        'Council approves budget.\n\n"We balanced the books," said Mayor Linda Cho.\n',
        encoding="utf-8",
    )
    (corpus / "silent.txt").write_text(
        "Council approves budget.\n\nThe council approved the budget on Monday.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "1 document(s) with no quote found: silent" in result.output


# Issue 18 item 5: work grows with the document, not with its square.
def test_quote_work_grows_linearly_in_one_long_paragraph(nlp, monkeypatch) -> None:
    from corpusmine.extract.quotes import extractor, speaker_finder

    visited = {"tokens": 0, "in_quote": 0}
    tokens_between = extractor.tokens_between
    in_quote = speaker_finder.SpeakerFinder.in_quote

    def counted_tokens(*args):
        found = tokens_between(*args)
        visited["tokens"] += len(found)
        return found

    def counted_in_quote(self, index):
        visited["in_quote"] += 1
        return in_quote(self, index)

    monkeypatch.setattr(extractor, "tokens_between", counted_tokens)
    monkeypatch.setattr(speaker_finder.SpeakerFinder, "in_quote", counted_in_quote)
    work = []
    for n in (100, 400):
        # One attributed quote and one whose speaker stays unknown (the costly path).
        line = 'Ann Cole spoke. She said: "We will win this." It said: "Nobody knows why."'
        source = document_from_text(" ".join([line] * n))  # one paragraph
        visited.update(tokens=0, in_quote=0)
        quotes = extract_quotes(nlp(source.clean), source)
        assert len(quotes) >= n
        work.append(visited["tokens"] + visited["in_quote"])
    assert work[1] < 6 * work[0]  # four times the text: about four times the work
