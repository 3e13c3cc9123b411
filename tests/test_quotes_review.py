"""Wrong speakers a review found (issue 12): quoted words that are nobody's, or somebody
else's than the rule said. Negative passage tables, invented, in several domains; each
row is a passage whose quoted words must NOT go to the named subject or topic."""

from __future__ import annotations

import pytest


def speakers_of(run, text: str, words: str) -> list[tuple[str, str, str]]:
    source, quotes = run(text)
    found = []
    for quote in quotes:
        assert source.text[quote.start : quote.end] == quote.text  # offsets slice the text
        if words in quote.text:
            found.append((quote.kind, quote.speaker_text, quote.method))
    return found


def assert_not_credited(run, text: str, words: str, wrong: str) -> None:
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong in f[1]], found


# 1. Quoted words in a clause are its subject's only for verbs of saying, stance or
#    characterising; a quoted name or label ("its '...' offer") is nobody's; and the
#    subject of a clause reported under "heard"/"was told" is not the one talking.
CLAUSE_SUBJECT_WRONG = [
    (  # retail: a verb of doing, a quoted offer name
        'Halden Stores withdrew the "buy one get one free" offers from its shops last week.',
        "buy one get one",
        "Halden",
    ),
    (  # food: a product name with a possessive
        'Brightwater Foods launched its "plant-based chicken pie" in every store on Monday.',
        "plant-based chicken",
        "Brightwater",
    ),
    (  # courts: the prosecution's words about the accused
        'The court heard Martin Kerr had sent "hundreds of threatening letters" to his neighbour.',
        "hundreds of threatening",
        "Kerr",
    ),
    (  # courts: even with a verb of stance, the clause the jury was told is not his
        'The jury was told Martin Kerr had blamed his neighbour for "years of misery".',
        "years of misery",
        "Kerr",
    ),
    (  # local government: what the inquiry heard about the officer
        'The inquiry heard Janet Moss had thanked the contractor for "keeping quiet".',
        "keeping quiet",
        "Moss",
    ),
    (  # sport: a quoted label modifying a noun
        'Coach Maria Lopez named the "golden generation" squad for the autumn tour.',
        "golden generation",
        "Lopez",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), CLAUSE_SUBJECT_WRONG)
def test_quoted_words_are_not_the_subjects_for_any_verb(run, text, words, wrong) -> None:
    assert_not_credited(run, text, words, wrong)


# 2. A headline "Topic: Name 'words'": the words after the colon are about the name (or
#    the name's), never the topic's; an organisation or place topic is not a speaker.
HEADLINE_TOPIC_WRONG = [
    (  # sport: the manager is talked about, by neither the club nor himself
        "Kingsbridge United: Haller \u2018set to be sacked\u2019 after derby defeat\n\n"
        "The club has lost five games in a row.",
        "set to be sacked",
        ("Kingsbridge", "Haller"),
    ),
    (  # business
        "Halden: Murphy \u2018to step down\u2019 as chief executive\n\n"
        "The company reports its results on Friday.",
        "to step down",
        ("Halden", "Murphy"),
    ),
    (  # local government: an organisation topic, no name after the colon
        "Harlow Council: budget plans \u2018a disaster\u2019 for libraries\n\n"
        "Residents met at the town hall on Monday.",
        "a disaster",
        ("Harlow",),
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), HEADLINE_TOPIC_WRONG)
def test_headline_topic_before_a_colon_is_not_the_speaker(run, text, words, wrong) -> None:
    for name in wrong:
        assert_not_credited(run, text, words, name)


# 3. A pronoun nobody in its document names ("he said" with no one before) is kept as the
#    mention, uncertain, but is no speaker: two documents' "he" are not one person.
PRONOUN_ONLY = [
    '"The water came up to the second floor in minutes," he said.',  # local news
    '"We will appeal the ruling before the end of the month," she said.',  # courts
    '"The season starts on Saturday whatever the weather," he said.',  # sport
]


def test_unresolved_pronouns_are_not_pooled_as_one_speaker(run) -> None:
    from corpusmine.query.quotes import Statement
    from corpusmine.report.build import who_said
    from corpusmine.store import StoredQuote

    statements = []
    for n, text in enumerate(PRONOUN_ONLY):
        _, quotes = run(text)
        direct = [q for q in quotes if q.kind == "direct"]
        assert direct, quotes
        quote = direct[0]
        stored = StoredQuote(
            f"doc{n}", quote.start, quote.end, quote.text, quote.kind, quote.cue,
            quote.speaker_text, None, None, quote.confidence, quote.method, quote.joint_with,
            quote.sentence_start, quote.sentence_end, text,
        )  # fmt: skip
        statement = Statement.of(stored)
        assert statement.speaker_mention == quote.speaker_text  # the mention is kept
        statements.append(statement)
    rows = who_said(statements, [])
    assert not [r for r in rows if r["speaker"] in ("he", "she")], rows


# 4. Passing on someone else's message (share, retweet, forward) is receiving it: what the
#    message says is not the sharer's; and reported speech cut from inside quote marks
#    keeps no stray closing mark.
PASSED_ON = [
    (  # local politics
        'MP Sarah Jones shared a post on Facebook saying "the council has given up on our '
        'town and nobody is listening."',
        "the council has given up",
        "Sarah Jones",
    ),
    (  # sport
        'Coach Maria Lopez retweeted a message from a fan saying "the club has lost its soul '
        'this season."',
        "the club has lost",
        "Maria Lopez",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), PASSED_ON)
def test_a_message_passed_on_is_not_the_sharers(run, text, words, wrong) -> None:
    assert_not_credited(run, text, words, wrong)


OWN_WORDS_IN_MARKS = [
    (  # local government: a message put out is still the sender's
        'Councillor Tom Reid put out a statement saying "the depot will close for good in March."',
        "the depot will close",
        "Tom Reid",
    ),
    (  # sport: a comma sets the participle apart: her own words
        'Coach Maria Lopez watched the replay, saying "we were poor in the first half."',
        "we were poor",
        "Maria Lopez",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), OWN_WORDS_IN_MARKS)
def test_reported_speech_inside_marks_keeps_no_stray_mark(run, text, words, speaker) -> None:
    source, quotes = run(text)
    found = [q for q in quotes if q.text.startswith(words) and speaker in q.speaker_text]
    assert found, [(q.kind, q.text, q.speaker_text) for q in quotes]
    for quote in found:
        assert source.text[quote.start : quote.end] == quote.text
        assert quote.text.count('"') % 2 == 0, quote.text  # no lone closing mark


def test_a_claim_in_unresolved_speech_is_nobody_elses(run) -> None:
    """A claim in reported speech whose speaker is a bare "he" is not matched to a
    speaker whose name contains the letters ("Stephen Hale", "Chester Lane")."""
    from corpusmine.query.quotes import Statement
    from corpusmine.report.build import who_said
    from corpusmine.store import StoredQuote

    passages = [
        '"Rents will rise again next spring," said Stephen Hale, the agent.',  # housing
        '"We train every morning at six," said Chester Lane, the captain.',  # sport
    ]
    statements = []
    for n, text in enumerate(passages):
        _, quotes = run(text)
        quote = next(q for q in quotes if q.kind == "direct")
        stored = StoredQuote(
            f"doc{n}", quote.start, quote.end, quote.text, quote.kind, quote.cue,
            quote.speaker_text, None, None, quote.confidence, quote.method, quote.joint_with,
            quote.sentence_start, quote.sentence_end, text,
        )  # fmt: skip
        statements.append(Statement.of(stored))
    claims = [{"speaker": "he", "speaker_id": None, "value": "40 homes"}]
    rows = who_said(statements, claims)
    named = [r for r in rows if r["speaker"] in ("Stephen Hale", "Chester Lane")]
    assert len(named) == 2 and not [r for r in named if r["claims"]], rows
