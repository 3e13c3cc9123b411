"""A surname written with an honorific or a title (issue 13): "Mr Whitby", "President
Trump". The words before it say who it cannot be: a person of the other gender (by title,
else by given name), a person the corpus knows only by a spouse's title ("First Lady"),
or, where the corpus writes the title with some bearer of the surname, a bearer known by
other titles. The NER span holds only the surname, as the model tags it. Hand-marked
mentions in invented documents: council, sport, business, politics, schools."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from corpusmine.resolve import resolve_corpus
from marked_mentions import Labels, annotate

Corpus = Mapping[str, tuple[str, Labels]]


def name_of(corpus: Corpus, document: str, written: str) -> str | None:
    """The name of the entity of the last mention ``written`` in ``document`` (None: no
    entity holds it)."""
    texts = {doc: text for doc, (text, _) in corpus.items()}
    mentions = [m for doc, (text, labels) in corpus.items() for m in annotate(doc, text, labels)]
    resolution = resolve_corpus(texts, list(enumerate(mentions, start=1)))
    names = {e.id: e.name for e in resolution.entities}
    rows = [row for row, m in enumerate(mentions, start=1)
            if m.document == document and m.text == written]  # fmt: skip
    assert rows, f"{written!r} is not marked in {document}"
    found = resolution.mention_entity.get(rows[-1])
    return names[found] if found else None


# 1. A gendered honorific is never a person of the other gender: by the title the corpus
#    writes with the full name, else by the given name.
OTHER_GENDER = [
    pytest.param(
        {
            "a": (
                "Jane Whitby opened the new library on Monday. Mr Whitby, a retired "
                "engineer, cut the ribbon.",
                {"PERSON": ["Jane Whitby", "Whitby"]},
            )
        },
        "a",
        "Whitby",
        "Jane Whitby",
        id="council-same-document",
    ),
    pytest.param(
        {
            "a": ("Midfielder David Okafor signed a new contract.", {"PERSON": ["David Okafor"]}),
            "b": ("Mrs Okafor said the club had been patient.", {"PERSON": ["Okafor"]}),
        },
        "b",
        "Okafor",
        "David Okafor",
        id="sport-across-documents",
    ),
    pytest.param(
        {
            "a": ("Mrs Robin Lund chairs the bakery's board.", {"PERSON": ["Robin Lund"]}),
            "b": ("Mr Lund said the shop would reopen.", {"PERSON": ["Lund"]}),
        },
        "b",
        "Lund",
        "Robin Lund",
        id="business-by-the-full-name's-title",
    ),
]


@pytest.mark.parametrize(("corpus", "document", "written", "wrong"), OTHER_GENDER)
def test_a_gendered_honorific_is_not_a_person_of_the_other_gender(
    corpus: Corpus, document: str, written: str, wrong: str
):
    assert name_of(corpus, document, written) != wrong


def test_a_gendered_honorific_picks_the_one_person_of_its_gender():
    # schools: two Hales in the document, one a man by his given name
    corpus = {
        "a": (
            "Anna Hale and Tom Hale run the school's parents' association. Mrs Hale said "
            "the fair raised 900 pounds.",
            {"PERSON": ["Anna Hale", "Tom Hale", "Hale"]},
        )
    }
    assert name_of(corpus, "a", "Hale") == "Anna Hale"


def test_across_documents_a_person_of_unknown_gender_is_not_chosen_by_elimination():
    # sport: the corpus's men of the surname are left out; a Sam of either sex is not
    # then "Mrs Brennan" for lack of another
    corpus = {
        "a": ("Coach Peter Brennan praised the defence.", {"PERSON": ["Peter Brennan"]}),
        "b": ("Winger Sam Brennan scored twice.", {"PERSON": ["Sam Brennan"]}),
        "c": ("Mrs Brennan said the stands were full.", {"PERSON": ["Brennan"]}),
    }
    assert name_of(corpus, "c", "Brennan") not in ("Peter Brennan", "Sam Brennan")


# 2. A title with a surname ("President Trump") is not the corpus's one person of that
#    surname when the corpus knows her only by a spouse's title, and not a bearer known by
#    other titles where another bearer holds this one.
def test_an_office_title_is_not_the_spouse_of_its_holder():
    corpus = {
        "a": (
            "First Lady Melania Trump spoke at the convention on Monday.",
            {"PERSON": ["Melania Trump"]},
        ),
        "b": (
            "President Trump told reporters on Tuesday that the wall would be built.",
            {"PERSON": ["Trump"]},
        ),
    }
    assert name_of(corpus, "b", "Trump") != "Melania Trump"


def test_an_office_title_is_not_the_spouse_within_her_own_document():
    # a governor's spouse, in a state news story
    corpus = {
        "a": (
            "First Lady Grace Mbeki toured the children's hospital. Later, Governor Mbeki "
            "signed the health budget.",
            {"PERSON": ["Grace Mbeki", "Mbeki"]},
        )
    }
    assert name_of(corpus, "a", "Mbeki") != "Grace Mbeki"


def test_the_office_holder_is_found_beside_the_spouse():
    # "President Obama" stays with Barack Obama although Michelle Obama is in the corpus
    corpus = {
        "a": (
            "Barack Obama and First Lady Michelle Obama hosted the dinner.",
            {"PERSON": ["Barack Obama", "Michelle Obama"]},
        ),
        "b": ("President Obama signed the bill on Friday.", {"PERSON": ["Obama"]}),
    }
    assert name_of(corpus, "b", "Obama") == "Barack Obama"


def test_a_title_with_no_known_holder_still_joins_the_one_person():
    corpus = {
        "a": ("Barack Obama spoke at the convention.", {"PERSON": ["Barack Obama"]}),
        "b": ("President Obama signed the bill on Friday.", {"PERSON": ["Obama"]}),
    }
    assert name_of(corpus, "b", "Obama") == "Barack Obama"


HOLDERS = [
    pytest.param(
        {
            "a": (
                "Secretary Hillary Clinton flew to Beijing.",
                {"PERSON": ["Hillary Clinton"]},
            ),
            "b": (
                "President Bill Clinton opened the library. Aides said Secretary Clinton "
                "would speak later.",
                {"PERSON": ["Bill Clinton", "Clinton"]},
            ),
        },
        "b",
        "Clinton",
        "Hillary Clinton",
        id="politics",
    ),
    pytest.param(
        {
            "a": ("Coach Tom Keane named an unchanged side.", {"PERSON": ["Tom Keane"]}),
            "b": (
                "Striker Anna Keane scored twice in the final. Coach Keane said the team "
                "had trained for this all year.",
                {"PERSON": ["Anna Keane", "Keane"]},
            ),
        },
        "b",
        "Keane",
        "Tom Keane",
        id="sport",
    ),
]


@pytest.mark.parametrize(("corpus", "document", "written", "holder"), HOLDERS)
def test_a_title_goes_to_the_bearer_the_corpus_writes_with_it(
    corpus: Corpus, document: str, written: str, holder: str
):
    assert name_of(corpus, document, written) == holder


def test_the_documents_own_bearer_with_no_known_title_keeps_the_surname():
    # business: the document's Ruth Ames, of whom no title is written, is "Director Ames";
    # another Ames the corpus calls director is no reason to leave her
    corpus = {
        "a": ("Director Paul Ames left the bank in May.", {"PERSON": ["Paul Ames"]}),
        "b": (
            "Ruth Ames joined the brewery last year. Director Ames said sales had doubled.",
            {"PERSON": ["Ruth Ames", "Ames"]},
        ),
    }
    assert name_of(corpus, "b", "Ames") == "Ruth Ames"
