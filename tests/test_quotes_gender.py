"""He/she across a paragraph break, and who a pronoun can be by the document's own
evidence of gender (issue 12, third round). Invented passages in several domains; each row
asserts the record's span, kind and speaker."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check

# 1. A paragraph that opens with the quote its pronoun closes ('"...," she said.') follows
#    narration: the main subject of the paragraph before takes the floor only when it
#    speaks there or nobody spoke before; narration that reports no speech ("Mark Dale
#    turned to the fixture list", the review's "The victim, Paul Grant, died in
#    hospital", tests/test_quotes_review3.py) leaves the floor with the last speaker.
ACROSS_PARAGRAPHS = [
    (  # sport: the captain spoke; the chairman's narration reports no speech
        "Tom Reed, the club's captain, said the squad was tired.\n\n"
        "Mark Dale, the chairman, then turned to the fixture list in his programme notes.\n\n"
        '"We play three games in eight days," he said.',
        "We play three games",
        "Tom Reed",
    ),
    (  # science: the same with a quote of two sentences
        "Dr Rob Owen said the samples were clean.\n\n"
        "Later that week, the lab's director, Alan Price, visited the field station.\n\n"
        '"The readings are higher than last year. We will test again," he said.',
        "The readings are higher",
        "Rob Owen",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), ACROSS_PARAGRAPHS)
def test_pronoun_after_a_paragraph_of_narration(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


ACROSS_NEGATIVE = [
    (  # council: narration before the pronoun in its own paragraph keeps the old order
        "Councillor Jane Kent said the library would stay open.\n\n"
        "Mark Dale, the treasurer, then turned to the budget.\n\n"
        'At the end of the meeting she added: "The doors stay open on Saturdays."',
        "The doors stay open",
        "Jane Kent",
    ),
    (  # business: a woman who is the main subject before a "he" does not take the floor
        "Chief executive Paul Grant said sales had risen.\n\n"
        "Nina Shah, a spokeswoman for the shop workers, then met the board.\n\n"
        '"Every region grew this year," he said.',
        "Every region grew",
        "Paul Grant",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), ACROSS_NEGATIVE)
def test_pronoun_across_paragraphs_negative(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# 2. Gender evidence is kept per person, not per surname: a husband and wife sharing a
#    surname are told apart ("Tom Berg ... with his wife, Ann Berg"), and nouns that say a
#    gender count ("his wife", "actress", "a spokeswoman").
GENDER = [
    (  # business: a couple running a bakery
        "Tom Berg, a baker, opened the shop in 1990 with his wife, Ann Berg.\n\n"
        '"We bake every night and sell out by noon," she said.',
        "We bake every night",
        "Ann Berg",
    ),
    (  # arts: a gendered title before the name rules her out for "he"
        "The festival opened with a reading by actress Carla Mendes.\n\n"
        'Its director, Sam Ortiz, said ticket sales had doubled. "We added a second '
        'stage," Ortiz said.\n\n'
        "Mendes spoke to the audience for an hour.\n\n"
        '"Next year the festival will run for a week," he said.',
        "Next year the festival",
        "Sam Ortiz",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), GENDER)
def test_gender_evidence_per_person(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


def test_spokesman_says_no_gender(run):
    """Newsrooms write "spokesman" for women too: it is no evidence against a "she"."""
    text = (
        "Jo Marsh, a spokesman for the water company, said the pipes would be replaced.\n\n"
        '"Work starts in March and ends in June," she said.'
    )
    check(run, text, "Work starts in March", "direct", "Jo Marsh")


# 3. A quote closed by a comma (or ? !) and then a person as the subject of the verb
#    right after it is that person's words, whatever the verb ('"...," Trump barked').
PERSON_VERB_AFTER = [
    (  # sport
        '"Get back in position," coach Lena Fry barked at her defenders before half-time.',
        "Get back in position",
        "Lena Fry",
    ),
    (  # business: a pronoun, after the person is named
        "Omar Haddad met the suppliers on Monday.\n\n"
        '"Your prices will not change this year," he assured them.',
        "Your prices will not change",
        "Omar Haddad",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PERSON_VERB_AFTER)
def test_person_then_any_verb_after_a_quote(run, text: str, words: str, speaker: str):
    record = check(run, text, words, "direct", speaker)
    assert record.method == "cue-after-verb"


PERSON_VERB_NEGATIVE = [
    # business: an organisation as the subject launches a product, it says nothing
    'The bakery chain announced "Buy one, get one free," Crumbs launched the offer in May.',
    # council: no comma joins the quote to the frame after it
    'The motion called the budget "a fair settlement" Councillor Ann Lee seconded it.',
]


@pytest.mark.parametrize("text", PERSON_VERB_NEGATIVE)
def test_person_verb_after_negative(run, text: str):
    _, quotes = run(text)
    assert not [q for q in quotes if q.method == "cue-after-verb"], quotes


def test_a_day_after_the_verb_is_no_speaker(run):
    """'..., the police chief Dan Cole said Monday.': where the parse leaves the verb
    without a subject, the day after it says when, and the name before it speaks."""
    text = (
        "Fire.\n\n"
        '"I will make this promise to you: we will find the cause," fire chief Dan Cole '
        'said Monday. "We owe the families that."'
    )
    source, quotes = run(text)
    assert not [q for q in quotes if q.speaker_text == "Monday"], quotes


# 4. A possessive says the subject's gender only where it can be the subject's: not in
#    the subject's apposition ("Peter Lund, her partner"), not in a clause naming someone
#    else ("criticised Ruiz over her prices").
POSSESSIVE_NEGATIVE = [
    (  # business: the apposition's "her" is someone else's; "his" is his
        "Anna Ruiz runs the bakery on Mill Street.\n\n"
        "Peter Lund, her business partner, opened his second shop in May.\n\n"
        '"We will hire ten people this year," she said.',
        "We will hire ten people",
        "Anna Ruiz",
    ),
    (  # sport: a clause naming another person says nothing of its subject
        "Gina Marsh captains the county side.\n\n"
        "Coach Sam Reid praised Marsh for her bowling. Reid named his team on Friday.\n\n"
        '"We have the best attack in the league," she said.',
        "We have the best attack",
        "Gina Marsh",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), POSSESSIVE_NEGATIVE)
def test_possessives_that_are_no_evidence(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# 5. A request is reported speech: "asked workers to sign up for a pay cut", "urged fans
#    to stay": the addressee and the infinitive are the record, up to a comma, a dash or
#    a second verb of the speaker's.
REQUESTS = [
    (  # sport
        "Coach Lena Fry urged the fans to stay behind after the final whistle.",
        "the fans to stay behind after the final whistle",
        "Lena Fry",
    ),
    (  # business: the narrator's comment after the comma is not part of it
        "Chief executive Omar Haddad asked staff to take a week of unpaid leave, a move "
        "the union called unfair.",
        "staff to take a week of unpaid leave",
        "Omar Haddad",
    ),
    (  # council: a second verb of the speaker's is a statement of its own
        "Councillor Jane Kent asked residents to report potholes and promised to fill "
        "them within a week.",
        "residents to report potholes",
        "Jane Kent",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), REQUESTS)
def test_requests_are_reported_speech(run, text: str, words: str, speaker: str):
    check(run, text, words, "indirect", speaker, whole=words)


def test_a_request_inside_a_relative_clause_is_not_a_statement(run):
    """'the drill the coach asked them to run' names a drill; nobody speaks in it."""
    text = "The players repeated the drill that coach Lena Fry asked them to run on Monday."
    _, quotes = run(text)
    assert not [q for q in quotes if q.text.startswith("them to run")], quotes


# 6. A quote opening a sentence right after one in which someone speaks but says nothing
#    yet ('Dr Owen agreed. "..."') is that speaker's, in the same paragraph too.
INTRODUCED_HERE = [
    (  # science
        "The survey found fewer bees than last year. Dr Ruth Owen agreed. "
        '"The spring was too cold for the colonies to grow."',
        "The spring was too cold",
        "Ruth Owen",
    ),
    (  # council
        "The treasurer, Mark Dale, responded. "
        '"There is no money left in the roads budget this year."',
        "There is no money left",
        "Mark Dale",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), INTRODUCED_HERE)
def test_quote_after_a_cue_that_says_nothing(run, text: str, words: str, speaker: str):
    record = check(run, text, words, "direct", speaker)
    assert record.method == "introduced-sentence"


INTRODUCED_NEGATIVE = [
    # sport: the sentence before reports two speakers' words: the quote is neither's
    # (one speaker's reported words, then a quote, go on with her: test_quotes_goes_on)
    "Captain Gina Marsh said the pitch was poor, and coach Tom Reid told reporters it "
    'was fine. "Rain stopped play at three o\'clock."',
    # business: the sentence before is no verb of saying
    'Omar Haddad opened the new store. "Open every day from eight till late."',
]


@pytest.mark.parametrize("text", INTRODUCED_NEGATIVE)
def test_quote_after_a_cue_that_says_nothing_negative(run, text: str):
    _, quotes = run(text)
    assert not [q for q in quotes if q.method == "introduced-sentence"], quotes
