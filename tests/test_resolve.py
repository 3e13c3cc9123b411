"""Entity resolution (issue 3): one rule per test, the "never merge" cases, order
independence, user alias files, and the seed corpus end to end."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusmine.errors import CorpusmineError
from corpusmine.extract.references.acronyms import best_long_form, find_definitions
from corpusmine.knowledge import name_lexicon as lexicon
from corpusmine.records import Claim, Entity, Mention, Quote
from corpusmine.resolve import Resolution, load_alias_file, resolve_corpus
from corpusmine.resolve.clusters import ConstrainedUnion
from corpusmine.resolve.names import letters_match
from corpusmine.store import Store
from marked_mentions import Labels, annotate

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# --- helpers ----------------------------------------------------------------------------


Corpus = dict[str, tuple[str, Labels]]


def run(
    corpus: Corpus,
    quotes: Sequence[Quote] = (),
    claims: Sequence[Claim] = (),
    aliases: Sequence[tuple[str, str]] = (),
) -> Resolution:
    texts = {doc: text for doc, (text, _) in corpus.items()}
    mentions = [m for doc, (text, labels) in corpus.items() for m in annotate(doc, text, labels)]
    return resolve_corpus(
        texts,
        list(enumerate(mentions, start=1)),
        list(enumerate(quotes, start=1)),
        list(enumerate(claims, start=1)),
        aliases,
    )


def named(resolution: Resolution, name: str) -> Entity:
    matches = [e for e in resolution.entities if e.name == name]
    assert len(matches) == 1, f"{name!r} not one entity: {[e.name for e in resolution.entities]}"
    return matches[0]


def holding(resolution: Resolution, alias: str) -> list[Entity]:
    """Entities that carry ``alias`` among their aliases."""
    return [e for e in resolution.entities if alias in e.aliases]


def quote(document: str, text: str, speaker: str, label: str = "PERSON", at: int = -2) -> Quote:
    """A quote whose speaker is ``speaker``; its span is the first occurrence in ``text``
    (``at=-1`` gives no span, as for an implied speaker)."""
    start = text.find(speaker) if at == -2 else at
    end = start + len(speaker) if start >= 0 else -1
    return Quote(
        document,
        0,
        1,
        "...",
        "direct",
        "said",
        speaker,
        start,
        end,
        label,
        "test",
        1.0,
        0,
        len(text),
    )


# --- names, honorifics, apostrophes, "the" -------------------------------------------


def test_honorifics_and_surname_only_mentions_join_the_full_name() -> None:
    text = (
        "Cllr Jason Smithers opened the meeting. Councillor Smithers said costs rose. "
        "Later Mr Smithers left, and Smithers did not return."
    )
    result = run(
        {
            "a": (
                text,
                {
                    "PERSON": [
                        "Cllr Jason Smithers",
                        "Councillor Smithers",
                        "Mr Smithers",
                        "Smithers",
                    ]
                },
            )
        }
    )
    person = named(result, "Jason Smithers")
    assert person.type == "PERSON"
    assert person.mentions == 4
    assert {"Cllr Jason Smithers", "Councillor Smithers", "Mr Smithers", "Smithers"} <= set(
        person.aliases
    )
    assert len([e for e in result.entities if e.type == "PERSON"]) == 1


def test_dr_and_mr_are_honorifics_not_names() -> None:
    result = run(
        {
            "a": ("Dr Olivia Ives spoke first.", {"PERSON": ["Dr Olivia Ives"]}),
            "b": ("Olivia Ives told the panel.", {"PERSON": ["Olivia Ives"]}),
        }
    )
    assert named(result, "Olivia Ives").documents == ("a", "b")


def test_surname_only_with_two_candidates_in_the_document_stays_apart() -> None:
    text = "Cllr Jason Smithers and Cllr Anna Smithers both spoke. Cllr Smithers then voted."
    result = run(
        {"a": (text, {"PERSON": ["Cllr Jason Smithers", "Cllr Anna Smithers", "Cllr Smithers"]})}
    )
    jason, anna = named(result, "Jason Smithers"), named(result, "Anna Smithers")
    assert jason.id != anna.id
    assert "Cllr Smithers" not in jason.aliases + anna.aliases
    assert holding(result, "Cllr Smithers")[0].name == "Smithers"


def test_surname_only_resolves_across_documents_when_one_person_has_it() -> None:
    result = run(
        {
            "a": ("Cllr Jason Smithers leads the council.", {"PERSON": ["Cllr Jason Smithers"]}),
            "b": ("Cllr Smithers said no.", {"PERSON": ["Cllr Smithers"]}),
        }
    )
    assert named(result, "Jason Smithers").documents == ("a", "b")


def test_surname_only_across_documents_with_two_people_stays_apart() -> None:
    result = run(
        {
            "a": ("Jason Smithers leads the council.", {"PERSON": ["Jason Smithers"]}),
            "b": ("Anna Smithers chairs the trust.", {"PERSON": ["Anna Smithers"]}),
            "c": ("Smithers said no.", {"PERSON": ["Smithers"]}),
        }
    )
    assert named(result, "Jason Smithers").documents == ("a",)
    assert named(result, "Anna Smithers").documents == ("b",)
    assert named(result, "Smithers").documents == ("c",)


def test_gendered_honorific_blocks_a_surname_match() -> None:
    text = "Mr Jason Smithers spoke. Mrs Smithers, his colleague, disagreed."
    result = run({"a": (text, {"PERSON": ["Mr Jason Smithers", "Mrs Smithers"]})})
    assert "Mrs Smithers" not in named(result, "Jason Smithers").aliases


def test_people_sharing_a_first_name_never_merge() -> None:
    text = "Jason Smithers met Jason Brown. Later Jason spoke."
    result = run({"a": (text, {"PERSON": ["Jason Smithers", "Jason Brown", "Jason"]})})
    assert named(result, "Jason Smithers").mentions == 1
    assert named(result, "Jason Brown").mentions == 1


def test_first_name_resolves_to_the_one_person_of_the_document() -> None:
    text = "Olivia Ives joined in May. Olivia said the service had changed."
    result = run({"a": (text, {"PERSON": ["Olivia Ives", "Olivia"]})})
    assert named(result, "Olivia Ives").mentions == 2


def test_initial_joins_a_unique_full_name_but_not_an_ambiguous_one() -> None:
    one = run(
        {"a": ("J Smithers and Jason Smithers.", {"PERSON": ["J Smithers", "Jason Smithers"]})}
    )
    assert named(one, "Jason Smithers").mentions == 2
    two = run(
        {
            "a": ("J Smithers spoke.", {"PERSON": ["J Smithers"]}),
            "b": ("Jason Smithers spoke.", {"PERSON": ["Jason Smithers"]}),
            "c": ("John Smithers spoke.", {"PERSON": ["John Smithers"]}),
        }
    )
    assert named(two, "J Smithers").documents == ("a",)


def test_curly_and_straight_apostrophes_and_possessives_are_one_name() -> None:
    result = run(
        {
            "a": (
                "Northamptonshire Children’s Trust said.",
                {"ORG": ["Northamptonshire Children’s Trust"]},
            ),
            "b": (
                "Northamptonshire Children's Trust's staff.",
                {"ORG": ["Northamptonshire Children's Trust's"]},
            ),
        }
    )
    trust = named(result, "Northamptonshire Children's Trust")
    assert trust.documents == ("a", "b")
    assert "Northamptonshire Children's Trust's" in trust.aliases


def test_leading_the_is_not_part_of_the_name() -> None:
    result = run(
        {
            "a": (
                "It wrote to the Department for Education.",
                {"ORG": ["the Department for Education"]},
            ),
            "b": ("Department for Education officials.", {"ORG": ["Department for Education"]}),
        }
    )
    assert named(result, "Department for Education").mentions == 2


def test_known_short_forms_from_models_join_the_full_name() -> None:
    result = run(
        {
            "a": ("North Northants Council agreed.", {"ORG": ["North Northants Council"]}),
            "b": (
                "North Northamptonshire Council agreed.",
                {"ORG": ["North Northamptonshire Council"]},
            ),
        }
    )
    council = named(result, "North Northamptonshire Council")  # the full form is canonical
    assert set(council.aliases) >= {"North Northants Council", "North Northamptonshire Council"}


# --- acronyms --------------------------------------------------------------------------


def test_schwartz_hearst_long_form() -> None:
    assert best_long_form("NCT", "set up Northamptonshire Children's Trust") == 7
    assert best_long_form("XYZ", "Northamptonshire Children's Trust") is None


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        (
            "run by North Northamptonshire Council (NNC) since 2021",
            "NNC",
            "North Northamptonshire Council",
        ),
        (
            "there was an independent fostering agency (IFA) in the county",
            "IFA",
            "independent fostering agency",
        ),
        (
            "the NCT (Northamptonshire Children's Trust) said",
            "NCT",
            "Northamptonshire Children's Trust",
        ),
        ("talks with the Department for Education (DfE) began", "DfE", "Department for Education"),
    ],
)
def test_acronym_definitions_are_found(text: str, short: str, long: str) -> None:
    (definition,) = find_definitions("d", text, lexicon())
    assert (definition.short, definition.long) == (short, long)
    assert text[definition.long_start : definition.long_end] == long


def test_a_party_in_parentheses_is_not_an_acronym() -> None:
    assert (
        find_definitions("d", "Cllr Jason Smithers (Cons), leader of the council", lexicon()) == []
    )


def test_letters_match_uses_initials_and_optional_function_words() -> None:
    lex = lexicon()
    assert letters_match("NNC", ["North", "Northants", "Council"], lex)
    assert letters_match("DfE", ["Department", "for", "Education"], lex)
    assert not letters_match(
        "NCT", ["Northamptonshire", "Children's", "Trust", "Fostering", "Agency"], lex
    )


def test_defined_acronym_joins_its_long_form() -> None:
    text = "Northamptonshire Children's Trust (NCT) was set up in 2020. NCT said it would improve."
    result = run({"a": (text, {"ORG": ["Northamptonshire Children's Trust", "NCT"]})})
    trust = named(result, "Northamptonshire Children's Trust")
    assert trust.mentions == 3 and "NCT" in trust.aliases


def test_undefined_acronyms_match_a_unique_full_name_by_letters() -> None:
    result = run(
        {
            "a": (
                "North Northamptonshire Council and West Northamptonshire Council met.",
                {"ORG": ["North Northamptonshire Council", "West Northamptonshire Council"]},
            ),
            "b": ("NNC and WNC agreed.", {"ORG": ["NNC", "WNC"]}),
        }
    )
    assert "NNC" in named(result, "North Northamptonshire Council").aliases
    assert "WNC" in named(result, "West Northamptonshire Council").aliases


def test_undefined_acronym_with_two_candidate_names_stays_apart() -> None:
    result = run(
        {
            "a": (
                "North Northamptonshire Council and North Norfolk Council met.",
                {"ORG": ["North Northamptonshire Council", "North Norfolk Council"]},
            ),
            "b": ("NNC agreed.", {"ORG": ["NNC"]}),
        }
    )
    assert named(result, "NNC").aliases == ("NNC",)


def test_acronym_defined_two_ways_never_merges_the_two_names() -> None:
    result = run(
        {
            "a": ("North Northamptonshire Council (NNC) met.",
                  {"ORG": ["North Northamptonshire Council", "NNC"]}),
            "b": ("North Norfolk Council (NNC) met.", {"ORG": ["North Norfolk Council", "NNC"]}),
            "c": ("NNC said no.", {"ORG": ["NNC"]}),
        }
    )  # fmt: skip
    northants = named(result, "North Northamptonshire Council")
    norfolk = named(result, "North Norfolk Council")
    assert northants.documents == ("a",) and norfolk.documents == ("b",)
    assert named(result, "NNC").documents == ("c",)


def test_acronym_of_a_common_noun_phrase_names_the_entity_in_context() -> None:
    text = (
        "Acme Fostering Agency was inspected. Fostering is separate as there was an "
        "independent fostering agency (IFA). The IFA needed a new system."
    )
    result = run({"a": (text, {"ORG": ["Acme Fostering Agency", "IFA"]})})
    assert "IFA" in named(result, "Acme Fostering Agency").aliases


# --- descriptions and common-noun "names" ---------------------------------------------


def test_definite_description_names_the_nearest_compatible_entity() -> None:
    text = (
        "Acme Housing Trust manages homes. Ofsted visited in May. "
        "The trust said it was disappointed. The regulator said it would return."
    )
    doc = {"a": (text, {"ORG": ["Acme Housing Trust", "Ofsted"]})}
    quotes = [quote("a", text, "The trust", "ORG"), quote("a", text, "The regulator", "ORG")]
    result = run(doc, quotes=quotes)
    trust, ofsted = named(result, "Acme Housing Trust"), named(result, "Ofsted")
    assert result.quote_speaker == {1: trust.id, 2: ofsted.id}
    assert "the trust" in trust.aliases and "the regulator" in ofsted.aliases


def test_the_council_is_the_nearest_preceding_council() -> None:
    text = (
        "North Northamptonshire Council met first. Then West Northamptonshire Council met. "
        "The council said it agreed."
    )
    doc = {
        "a": (text, {"ORG": ["North Northamptonshire Council", "West Northamptonshire Council"]})
    }
    result = run(doc, quotes=[quote("a", text, "The council", "ORG")])
    assert result.quote_speaker[1] == named(result, "West Northamptonshire Council").id


def test_description_without_a_compatible_antecedent_names_nothing() -> None:
    text = "Acme Housing Trust manages homes. The agency said nothing."
    result = run(
        {"a": (text, {"ORG": ["Acme Housing Trust"]})},
        quotes=[quote("a", text, "The agency", "ORG")],
    )
    assert result.quote_speaker == {}


def test_descriptions_resolve_only_within_their_document() -> None:
    result = run(
        {
            "a": ("Acme Housing Trust manages homes.", {"ORG": ["Acme Housing Trust"]}),
            "b": ("The trust said it was disappointed.", {}),
        },
        quotes=[quote("b", "The trust said it was disappointed.", "The trust", "ORG")],
    )
    assert result.quote_speaker == {}


def test_capitalised_common_phrase_is_resolved_like_a_description() -> None:
    # "independent fostering agency" in lower case shows it is a description, not a name.
    text = (
        "Acme Fostering Agency was rated inadequate. It is an independent fostering agency. "
        "Action was taken at the Independent Fostering Agency."
    )
    result = run({"a": (text, {"ORG": ["Acme Fostering Agency", "Independent Fostering Agency"]})})
    agency = named(result, "Acme Fostering Agency")
    assert agency.mentions == 2 and "Independent Fostering Agency" in agency.aliases


def test_capitalised_phrase_without_lowercase_use_stays_a_name() -> None:
    text = "Acme Fostering Agency was rated inadequate. Independent Fostering Agency disagreed."
    result = run({"a": (text, {"ORG": ["Acme Fostering Agency", "Independent Fostering Agency"]})})
    assert named(result, "Independent Fostering Agency").mentions == 1


def test_a_description_in_apposition_to_an_incompatible_name_is_left_alone() -> None:
    text = "Acme Fostering Agency, the trust that fosters children, was inspected."
    result = run({"a": (text, {"ORG": ["Acme Fostering Agency"]})})
    assert "the trust" not in named(result, "Acme Fostering Agency").aliases


def test_common_word_tagged_as_a_person_is_not_an_entity() -> None:
    text = "Foster carers met on Monday. The foster carers asked for training."
    result = run({"a": (text, {"PERSON": ["Foster"]})})
    assert result.entities == () and result.mention_entity == {}


def test_coordinated_councils_are_expanded_not_a_third_council() -> None:
    text = (
        "West Northants Council and North Northants Council agreed. "
        "We met colleagues in West and North Northants Council yesterday."
    )
    labels = {"ORG": ["West Northants Council", "North Northants Council"], "LOC": ["West"]}
    result = run({"a": (text, labels)})
    councils = [e for e in result.entities if e.type == "ORG"]
    assert sorted(e.name for e in councils) == ["North Northants Council", "West Northants Council"]
    west = named(result, "West Northants Council")
    assert west.mentions == 2  # the "West" of "West and North ..." names it
    assert not [e for e in result.entities if e.type == "GPE"]


# --- roles and affiliations ------------------------------------------------------------


def test_apposition_gives_role_and_affiliation() -> None:
    text = "Julian Wooster, chairman of Acme Children's Trust, said it was a shock."
    result = run({"a": (text, {"PERSON": ["Julian Wooster"], "ORG": ["Acme Children's Trust"]})})
    person = named(result, "Julian Wooster")
    assert person.roles == ("chairman of Acme Children's Trust",)
    assert person.affiliations == ("Acme Children's Trust",)


def test_apposition_after_a_party_names_the_canonical_organisation() -> None:
    text = (
        "North Northamptonshire Council (NNC) met. "
        "Cllr Jason Smithers (Cons), leader of NNC, said it was urgent."
    )
    labels = {"PERSON": ["Cllr Jason Smithers"], "ORG": ["North Northamptonshire Council", "NNC"]}
    person = named(run({"a": (text, labels)}), "Jason Smithers")
    assert person.roles == ("leader of North Northamptonshire Council",)


def test_possessive_description_gives_the_affiliation() -> None:
    text = (
        "Acme Housing Trust was inspected. Jane Roe, the trust's director of housing, said "
        "there was work to do."
    )
    result = run({"a": (text, {"PERSON": ["Jane Roe"], "ORG": ["Acme Housing Trust"]})})
    assert named(result, "Jane Roe").roles == ("director of housing at Acme Housing Trust",)


def test_role_without_a_named_holder_is_a_role_entity() -> None:
    text = "The Executive Director People Services advised the committee."
    labels = {"ROLE": ["Executive Director People Services"]}
    result = run(
        {"a": (text, labels)},
        quotes=[quote("a", text, "Executive Director People Services", "ROLE")],
    )
    role = named(result, "Executive Director People Services")
    assert role.type == "ROLE" and result.quote_speaker == {1: role.id}


def test_role_named_with_its_holder_links_to_the_person() -> None:
    text = (
        "Jane Doe, Executive Director People Services, opened the item. "
        "The Executive Director People Services then advised the committee."
    )
    labels = {"PERSON": ["Jane Doe"], "ROLE": ["Executive Director People Services"]}
    title = "The Executive Director People Services"
    result = run({"a": (text, labels)}, quotes=[quote("a", text, title, "ROLE", at=-1)])
    person = named(result, "Jane Doe")
    assert person.mentions == 3
    assert result.quote_speaker == {1: person.id}
    assert person.roles == ("Executive Director People Services",)
    assert not [e for e in result.entities if e.type == "ROLE"]


def test_implied_role_speaker_creates_a_role_entity() -> None:
    text = "Members asked about costs. It was noted that the budget was tight."
    q = Quote(
        "a",
        0,
        5,
        "...",
        "indirect",
        "lead-in",
        "Chief Finance Officer",
        -1,
        -1,
        "ROLE",
        "test",
        1.0,
        0,
        len(text),
    )
    result = run({"a": (text, {})}, quotes=[q])
    role = named(result, "Chief Finance Officer")
    assert role.type == "ROLE" and result.quote_speaker == {1: role.id}


def test_a_role_speaker_is_not_the_organisation_inside_its_span() -> None:
    text = "North Northamptonshire Council met. A spokesman for NNC added: “We are reassured.”"
    labels = {"ORG": ["North Northamptonshire Council", "NNC"]}
    result = run({"a": (text, labels)}, quotes=[quote("a", text, "A spokesman for NNC", "ROLE")])
    speaker = next(e for e in result.entities if e.id == result.quote_speaker[1])
    assert (speaker.type, speaker.name) == ("ROLE", "spokesman for NNC")


def test_speaker_text_is_matched_through_aliases() -> None:
    text_a = "Cllr Jason Smithers leads North Northamptonshire Council."
    text_b = "A statement was issued on Monday."
    corpus = {
        "a": (
            text_a,
            {"PERSON": ["Cllr Jason Smithers"], "ORG": ["North Northamptonshire Council"]},
        ),
        "b": (text_b, {}),
    }
    quotes = [quote("b", text_b, "Cllr Smithers", at=-1)]
    claims = [
        Claim(
            "b",
            0,
            5,
            "North Northants Council",
            -1,
            -1,
            "budget",
            "£5m",
            "5000000",
            "GBP",
            "exact",
            None,
            "Smithers",
            0,
            len(text_b),
        )
    ]
    result = run(corpus, quotes=quotes, claims=claims)
    person, council = (
        named(result, "Jason Smithers"),
        named(result, "North Northamptonshire Council"),
    )
    assert result.quote_speaker == {1: person.id}
    assert result.claim_subject == {1: (council.id, person.id)}


# --- never merge -------------------------------------------------------------------------


def test_two_councils_with_similar_names_never_merge() -> None:
    result = run(
        {
            "a": (
                "North Northamptonshire Council and West Northamptonshire Council.",
                {"ORG": ["North Northamptonshire Council", "West Northamptonshire Council"]},
            ),
            "b": (
                "Northampton Borough Council and Northamptonshire County Council.",
                {"ORG": ["Northampton Borough Council", "Northamptonshire County Council"]},
            ),
        }
    )
    assert len([e for e in result.entities if e.type == "ORG"]) == 4


def test_weak_evidence_cannot_chain_two_full_names_together() -> None:
    union = ConstrainedUnion(lambda x, y: x == y)
    union.add("north", full_name=("ORG", ("north", "northamptonshire", "council")))
    union.add("west", full_name=("ORG", ("west", "northamptonshire", "council")))
    assert union.union("north", "NNC?")
    assert not union.union("NNC?", "west")
    assert union.find("north") != union.find("west")


def test_trust_and_its_fostering_agency_stay_distinct() -> None:
    text = (
        "Acme Children's Trust runs the Acme Children's Trust Fostering Agency. "
        "The trust said the agency would improve."
    )
    labels = {"ORG": ["Acme Children's Trust Fostering Agency", "Acme Children's Trust"]}
    result = run(
        {"a": (text, labels)},
        quotes=[quote("a", text, "The trust", "ORG"), quote("a", text, "the agency", "ORG")],
    )
    trust, agency = (
        named(result, "Acme Children's Trust"),
        named(result, "Acme Children's Trust Fostering Agency"),
    )
    assert trust.id != agency.id
    assert result.quote_speaker == {1: trust.id, 2: agency.id}


def test_fuzzy_variant_merges_under_the_same_type_only() -> None:
    result = run(
        {
            "a": ("Julian Wooster said.", {"PERSON": ["Julian Wooster"]}),
            "b": ("Julian Woster said.", {"PERSON": ["Julian Woster"]}),
            "c": ("Julian Wooster Ltd said.", {"ORG": ["Julian Wooster Ltd"]}),
        }
    )
    assert named(result, "Julian Wooster").documents == ("a", "b")
    assert named(result, "Julian Wooster Ltd").type == "ORG"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Fiona Baker", "Fiona Barker"),
        ("Jason Smith", "Jason Smyth"),
        ("Anna Walker", "Anna Waller"),
    ],
)
def test_short_surnames_one_letter_apart_are_different_people(first: str, second: str) -> None:
    result = run(
        {
            "a": (f"{first} said.", {"PERSON": [first]}),
            "b": (f"{second} said.", {"PERSON": [second]}),
        }
    )
    assert named(result, first).id != named(result, second).id


def test_two_spellings_in_one_document_are_two_people() -> None:
    text = "Julian Wooster and Julian Woster both spoke."
    result = run({"a": (text, {"PERSON": ["Julian Wooster", "Julian Woster"]})})
    assert len(result.entities) == 2


# --- order independence -----------------------------------------------------------------

PASSAGES: Corpus = {
    "p1": (
        "Cllr Jason Smithers, leader of North Northamptonshire Council (NNC), said the trust "
        "must act. Cllr Smithers met Northamptonshire Children's Trust (NCT).",
        {
            "PERSON": ["Cllr Jason Smithers", "Cllr Smithers"],
            "ORG": [
                "North Northamptonshire Council",
                "NNC",
                "Northamptonshire Children's Trust",
                "NCT",
            ],
        },
    ),
    "p2": (
        "Cllr Jonathan Nunn, leader of West Northants Council (WNC), agreed. The trust replied. "
        "Northamptonshire Children's Trust Fostering Agency was rated inadequate by Ofsted.",
        {
            "PERSON": ["Cllr Jonathan Nunn"],
            "ORG": [
                "West Northants Council",
                "WNC",
                "Ofsted",
                "Northamptonshire Children's Trust Fostering Agency",
            ],
        },
    ),
    "p3": (
        "Smithers and Nunn wrote to NCT. West Northamptonshire Council and NNC agreed. "
        "The regulator said the agency had improved.",
        {"PERSON": ["Smithers", "Nunn"], "ORG": ["NCT", "West Northamptonshire Council", "NNC"]},
    ),
    "p4": (
        "Julian Wooster, chairman of Northamptonshire Children’s Trust, said the Children’s "
        "Trust would act. Foster carers were thanked; foster carers matter.",
        {
            "PERSON": ["Julian Wooster", "Foster"],
            "ORG": ["Northamptonshire Children’s Trust", "Children’s Trust"],
        },
    ),
}


def _canonical_view(corpus: Corpus, order: Sequence[str], rows: Sequence[int]) -> tuple:
    texts = {doc: corpus[doc][0] for doc in order}
    mentions = [m for doc in order for m in annotate(doc, *corpus[doc])]
    numbered = list(zip(rows, mentions, strict=False))
    result = resolve_corpus(texts, numbered)
    by_row = {row: mention for row, mention in numbered}
    assignment = sorted(
        (by_row[row].document, by_row[row].start, entity)
        for row, entity in result.mention_entity.items()
    )
    return result.entities, tuple(assignment)


@settings(max_examples=25, deadline=None)
@given(st.permutations(sorted(PASSAGES)), st.randoms(use_true_random=False))
def test_resolution_does_not_depend_on_document_order(order: list[str], rnd) -> None:  # noqa: ANN001
    total = sum(len(annotate(d, *PASSAGES[d])) for d in PASSAGES)
    rows = list(range(100, 100 + total))
    rnd.shuffle(rows)
    assert _canonical_view(PASSAGES, order, rows) == _canonical_view(
        PASSAGES, sorted(PASSAGES), list(range(1, total + 1))
    )


# --- user alias files -------------------------------------------------------------------


def test_alias_file_csv_and_yaml(tmp_path: Path) -> None:
    csv_file = tmp_path / "aliases.csv"
    csv_file.write_text('canonical,alias\n# comment\nJason Smithers,J.S.\n\n"Acme, Ltd",Acme\n')
    assert load_alias_file(str(csv_file)) == [("Jason Smithers", "J.S."), ("Acme, Ltd", "Acme")]
    yaml_file = tmp_path / "aliases.yaml"
    yaml_file.write_text("Jason Smithers: [J.S., Jay Smithers]\nOfsted: the inspectorate\n")
    assert load_alias_file(str(yaml_file)) == [
        ("Jason Smithers", "J.S."),
        ("Jason Smithers", "Jay Smithers"),
        ("Ofsted", "the inspectorate"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "canonical,alias\nJason Smithers\n", "bad.csv:2"),
        ("bad.csv", "a,b,c\n", "bad.csv:1"),
        ("bad.yaml", "Jason: [unclosed\n", "bad.yaml"),
        ("bad.yaml", "- just a string\n", "item 1"),
        ("bad.json", "{}", "must end in"),
    ],
)
def test_bad_alias_file_gives_a_one_line_error(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(CorpusmineError) as error:
        load_alias_file(str(path))
    assert message in str(error.value) and "\n" not in str(error.value)


def test_missing_alias_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusmineError, match="cannot read"):
        load_alias_file(str(tmp_path / "nope.csv"))


def test_alias_file_merges_names_the_rules_keep_apart() -> None:
    corpus = {
        "a": ("Jason Smithers spoke.", {"PERSON": ["Jason Smithers"]}),
        "b": ("The leader J.S. spoke.", {"PERSON": ["J.S."]}),
    }
    assert len(run(corpus).entities) == 2
    merged = run(corpus, aliases=[("Jason Smithers", "J.S.")])
    assert named(merged, "Jason Smithers").documents == ("a", "b")


def test_alias_file_splits_an_automatic_merge() -> None:
    text = (
        "Acme Fostering Agency was inspected. Fostering is separate as there was an "
        "independent fostering agency (IFA). The IFA needed a new system."
    )
    corpus = {"a": (text, {"ORG": ["Acme Fostering Agency", "IFA"]})}
    assert "IFA" in named(run(corpus), "Acme Fostering Agency").aliases
    split = run(corpus, aliases=[("Independent Fostering Agency", "IFA")])
    assert "IFA" not in named(split, "Acme Fostering Agency").aliases
    assert named(split, "Independent Fostering Agency").mentions == 2


def test_alias_file_can_rename_an_entity() -> None:
    corpus = {"a": ("Ofsted visited.", {"ORG": ["Ofsted"]})}
    renamed = run(corpus, aliases=[("Office for Standards in Education", "Ofsted")])
    assert named(renamed, "Office for Standards in Education").mentions == 1


# --- the seeds, end to end ----------------------------------------------------------------


@dataclass(frozen=True)
class SeedRun:
    texts: dict[str, str]
    mentions: list[tuple[int, Mention]]
    quotes: list[tuple[int, Quote]]
    claims: list[tuple[int, Claim]]
    stored: list[Entity]  # what run_extract stored


@pytest.fixture(scope="module")
def seed_run(seed_db: Path) -> SeedRun:
    """What the real pipeline stored for the seeds (the session's seed database)."""
    with Store(seed_db, create=False) as store:
        return SeedRun(
            dict(store.document_texts()),
            list(store.mention_records()),
            list(store.quote_records()),
            list(store.claim_records()),
            store.entities(),
        )


@pytest.fixture(scope="module")
def seeds(seed_run: SeedRun) -> Resolution:
    """The seeds resolved from what the store holds (no NLP)."""
    return resolve_corpus(seed_run.texts, seed_run.mentions, seed_run.quotes, seed_run.claims)


@pytest.mark.parametrize(
    ("name", "forms", "role"),
    [
        (
            "Jason Smithers",
            {"Cllr Jason Smithers", "Cllr Smithers"},
            "leader of North Northamptonshire Council",
        ),
        (
            "Jonathan Nunn",
            {"Cllr Jonathan Nunn", "Cllr Nunn"},
            "leader of West Northamptonshire Council",
        ),
        ("Julian Wooster", {"Julian Wooster"}, "chairman of Northamptonshire Children's Trust"),
        ("Olivia Ives", {"Olivia Ives"}, "interim responsible individual"),
        ("Cornelia Andrecut", {"Cornelia Andrecut"}, "director of children's social care"),
        ("Fiona Baker", {"Fiona Baker"}, "cabinet member"),
        ("Scott Edwards", {"Scott Edwards"}, "executive member"),
    ],
)
def test_seed_people(seeds: Resolution, name: str, forms: set[str], role: str) -> None:
    person = named(seeds, name)
    assert person.type == "PERSON"
    assert forms <= set(person.aliases)
    assert any(r.startswith(role) for r in person.roles), person.roles
    assert not [e for e in seeds.entities if e.id != person.id and set(e.aliases) & forms]


def test_seed_affiliations(seeds: Resolution) -> None:
    assert named(seeds, "Fiona Baker").affiliations == ("West Northamptonshire Council",)
    assert named(seeds, "Scott Edwards").affiliations == ("North Northamptonshire Council",)
    assert named(seeds, "Cornelia Andrecut").affiliations == ("Northamptonshire Children's Trust",)


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("North Northamptonshire Council", {"NNC", "North Northants Council"}),
        ("West Northamptonshire Council", {"WNC", "West Northants Council"}),
        (
            "Northamptonshire Children's Trust",
            {"NCT", "Children's Trust", "Children's Trust's", "the trust"},
        ),
        (
            "Northamptonshire Children's Trust Fostering Agency",
            {"IFA", "Independent Fostering Agency", "the fostering agency", "the agency"},
        ),
        ("Ofsted", {"Ofsted", "the regulator"}),
        ("Department for Education", {"Department for Education"}),
    ],
)
def test_seed_organisations(seeds: Resolution, name: str, forms: set[str]) -> None:
    entity = named(seeds, name)
    assert entity.type == "ORG"
    assert forms <= set(entity.aliases), entity.aliases


def test_seed_organisations_stay_distinct(seeds: Resolution) -> None:
    names = [
        "North Northamptonshire Council",
        "West Northamptonshire Council",
        "Northamptonshire Children's Trust",
        "Northamptonshire Children's Trust Fostering Agency",
        "Ofsted",
    ]
    ids = {named(seeds, n).id for n in names}
    assert len(ids) == len(names)
    councils = [e for e in seeds.entities if e.type == "ORG" and e.name.endswith("Council")]
    assert sorted(e.name for e in councils) == names[:2]  # no third, joint council


def test_seed_trust_is_in_every_document(seeds: Resolution) -> None:
    assert len(named(seeds, "Northamptonshire Children's Trust").documents) == 5
    assert len(named(seeds, "Ofsted").documents) == 5


def test_seed_roles_without_holders(seeds: Resolution) -> None:
    for title in ("Executive Director People Services", "Deputy Director of Children's Services"):
        assert named(seeds, title).type == "ROLE"


def test_seed_noise_is_not_an_entity(seeds: Resolution) -> None:
    names = {e.name for e in seeds.entities}
    assert not names & {"Foster", "Children", "North", "West"}


def test_seed_entities_are_what_the_runner_stored(seed_run: SeedRun, seeds: Resolution) -> None:
    stored = {(e.id, e.name, e.aliases, e.roles) for e in seed_run.stored}
    assert stored == {(e.id, e.name, e.aliases, e.roles) for e in seeds.entities}


@settings(max_examples=10, deadline=None)
@given(order=st.randoms(use_true_random=False))
def test_seed_resolution_does_not_depend_on_document_order(
    seed_run: SeedRun, seeds: Resolution, order
) -> None:
    documents = sorted(seed_run.texts)
    order.shuffle(documents)
    rank = {doc: i for i, doc in enumerate(documents)}
    mentions = sorted(seed_run.mentions, key=lambda item: (rank[item[1].document], item[1].start))
    rows = [row for row, _ in mentions]
    order.shuffle(rows)
    renumbered = [(row, mention) for row, (_, mention) in zip(rows, mentions, strict=True)]
    texts = {doc: seed_run.texts[doc] for doc in documents}
    quotes = sorted(seed_run.quotes, key=lambda item: rank[item[1].document])
    claims = sorted(seed_run.claims, key=lambda item: rank[item[1].document])
    again = resolve_corpus(texts, renumbered, quotes, claims)
    assert again.entities == seeds.entities
    assert again.quote_speaker == seeds.quote_speaker
    assert again.claim_subject == seeds.claim_subject
    old_row = {new: old for new, (old, _) in zip(rows, mentions, strict=True)}
    assert {old_row[r]: e for r, e in again.mention_entity.items()} == dict(seeds.mention_entity)


def test_same_full_name_with_and_without_a_gendered_title_is_one_person() -> None:
    # The corpus people index once sorted (name, gender) pairs with gender None beside
    # "m" and crashed; both spellings must simply resolve to one person.
    result = run(
        {
            "a": ("Mr Tony Blair arrived. Blair spoke.", {"PERSON": ["Mr Tony Blair", "Blair"]}),
            "b": ("Tony Blair left early.", {"PERSON": ["Tony Blair"]}),
        }
    )
    person = named(result, "Tony Blair")
    assert person.mentions == 3
    assert len([e for e in result.entities if e.type == "PERSON"]) == 1


# "The X service" names the body that delivers it (knowledge: descriptions.yaml
# restricted_name_heads), on stories that are not the seeds'.
@pytest.mark.parametrize(
    ("name", "description", "links"),
    [
        ("Royal Berkshire Maternity Trust", "The maternity service", True),
        ("Severn Water Agency", "The water service", True),
        ("Severn Water Agency", "The sewerage service", False),  # modifier not in the name
        ("Royal Berkshire Maternity Trust", "The service", False),  # nothing pins it
    ],
)
def test_a_service_described_by_what_it_does_names_the_body_delivering_it(
    name: str, description: str, links: bool
) -> None:
    text = f"{name} serves the county. {description} said it had recruited more staff."
    result = run({"a": (text, {"ORG": [name]})}, quotes=[quote("a", text, description, "ORG")])
    assert (result.quote_speaker.get(1) == named(result, name).id) is links
