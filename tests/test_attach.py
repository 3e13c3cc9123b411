"""The fast path of an addition (issue 17 item 2, ``resolve/attach.py``): whenever it
takes an addition, its resolution is full resolution's (entities, mention links, quote
speakers, claim subjects, names found); otherwise it says why not. Passages of a research
institute and a football club, mentions marked by hand; the seeds with the real model,
each added to the others."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from corpusmine.records import Quote, QuoteKind, SpeakerLabel
from corpusmine.resolve import resolve_corpus
from corpusmine.resolve.attach import attach
from corpusmine.resolve.corpus import Resolution
from corpusmine.resolve.guards import census, check_addition
from corpusmine.store import Store
from marked_mentions import Labels, annotate

Corpus = Mapping[str, tuple[str, Labels]]

INSTITUTE = {
    "science/1": (
        "Lena Brandt leads Halden Institute. Lena Brandt said its funding had doubled.",
        {"PERSON": ["Lena Brandt"], "ORG": ["Halden Institute"]},
    ),
    "science/2": (
        "Halden Institute opened a laboratory in Bergen on Monday.",
        {"ORG": ["Halden Institute"], "GPE": ["Bergen"]},
    ),
}
CLUB = {
    "sport/1": (
        "Kasper Dahl scored twice for Varnes Athletic. Kasper Dahl thanked the fans.",
        {"PERSON": ["Kasper Dahl"], "ORG": ["Varnes Athletic"]},
    ),
    "sport/2": (
        "Varnes Athletic travel to Lisbon next week.",
        {"ORG": ["Varnes Athletic"], "GPE": ["Lisbon"]},
    ),
}


def _records(docs: Corpus, first_row: int = 0):  # noqa: ANN202
    texts = {doc: text for doc, (text, _) in docs.items()}
    mentions = []
    for doc, (text, labels) in sorted(docs.items()):
        for mention in annotate(doc, text, labels):
            mentions.append((first_row + len(mentions), mention))
    return texts, mentions


def _said_by(document: str, text: str, speaker: str) -> Quote:
    """The quote opening ``text``, said by the name written in it (its span given)."""
    start = text.index(speaker)
    close = text.index('"', 1)
    return Quote(document, 1, close, text[1:close], QuoteKind.DIRECT, "said", speaker, start,
                 start + len(speaker), SpeakerLabel.PERSON, "test", 1.0, 0, len(text))  # fmt: skip


def _fast_and_full(
    stored: Corpus, new: Corpus, new_quotes: Sequence[tuple[int, Quote]] = ()
) -> tuple[Resolution | None, str, Resolution]:
    texts, mentions = _records(stored)
    new_texts, new_mentions = _records(new, first_row=10_000)
    before = resolve_corpus(texts, mentions)
    after = resolve_corpus({**texts, **new_texts}, mentions + new_mentions, new_quotes)
    state = census(texts, mentions, resolution=before)
    verdict = check_addition(state, new_texts, new_mentions)
    fast, why = attach(state, before, verdict, new_quotes)
    return fast, why, after


def test_known_names_added_take_the_fast_path_and_equal_full_resolution() -> None:
    """Names the corpus has: the entities they join gain the mentions and the document,
    nothing else; a name it lacks
    that no pair function joins to another is a new entity of its own. A quote whose
    speaker span is one of them is said by its entity; a stored name the model missed in
    the new text is found by the rescan, and an occupation before a name is a described
    mention of the person."""
    cases = [
        (INSTITUTE, {"science/3": (
            "Lena Brandt showed Halden Institute students round Bergen.",
            {"PERSON": ["Lena Brandt"], "ORG": ["Halden Institute"], "GPE": ["Bergen"]})}, []),
        (INSTITUTE, {"science/3": (
            "Economist Lena Brandt thanked Halden Institute in Bergen.",
            {"PERSON": ["Lena Brandt"], "GPE": ["Bergen"]})},
         ["Economist Lena Brandt", "Halden Institute"]),
        (CLUB, {"sport/3": (
            '"We are ready," Kasper Dahl said before Varnes Athletic left for Lisbon.',
            {"PERSON": ["Kasper Dahl"], "ORG": ["Varnes Athletic"], "GPE": ["Lisbon"]})}, []),
        # names the corpus lacks, each its own new entity
        (INSTITUTE, {"science/3": ("Halden Institute hired Oskar Vik in Bergen.",
                                   {"PERSON": ["Oskar Vik"], "ORG": ["Halden Institute"],
                                    "GPE": ["Bergen"]})}, []),
        (CLUB, {"sport/3": ("Varnes Athletic signed Marta Holm and Ines Moura in Lisbon.",
                            {"PERSON": ["Marta Holm", "Ines Moura"], "ORG": ["Varnes Athletic"],
                             "GPE": ["Lisbon"]})}, []),
    ]  # fmt: skip
    for stored, new, found in cases:
        ((document, (text, _)),) = new.items()
        quotes = [(20_000, _said_by(document, text, "Kasper Dahl"))] if '"' in text else []
        fast, why, full = _fast_and_full(stored, new, quotes)
        assert fast is not None, why
        assert fast == full
        stored_words = " ".join(text for text, _ in stored.values())
        lacking = {n for n in new[document][1].get("PERSON", ()) if n not in stored_words}
        assert {e.name for e in full.entities if e.documents == (document,)} == lacking
        assert [m.text for m, _ in full.found_mentions if m.document == document] == found
        if quotes:
            dahl = next(e.id for e in full.entities if e.name == "Kasper Dahl")
            assert fast.quote_speaker[20_000] == dahl


def test_a_surname_alone_beside_its_documents_full_name_is_attached_with_it() -> None:
    """A surname alone whose document names one person of it in full, with no title or
    honorific written with it, is that person (``context._person``'s own step, which
    reads only the document): a new person (a researcher hired) or a stored one (a
    player), with the quote the surname says."""
    cases = [
        (INSTITUTE, {"science/3": ("Halden Institute hired Oskar Vik. Vik starts in May.",
                                   {"PERSON": ["Oskar Vik", "Vik"], "ORG": ["Halden Institute"]})},
         "Oskar Vik"),
        ({**CLUB, "sport/1": (
            "Kasper Dahl scored twice for Varnes Athletic. Dahl thanked the fans.",
            {"PERSON": ["Kasper Dahl", "Dahl"], "ORG": ["Varnes Athletic"]})},
         {"sport/3": ('"We are ready," Dahl said. Kasper Dahl flew to Lisbon with '
                            "Varnes Athletic.",
                            {"PERSON": ["Dahl", "Kasper Dahl"], "ORG": ["Varnes Athletic"],
                             "GPE": ["Lisbon"]})},
         "Kasper Dahl"),
    ]  # fmt: skip
    for stored, new, person in cases:
        ((document, (text, _)),) = new.items()
        quotes = [(20_000, _said_by(document, text, "Dahl"))] if '"' in text else []
        fast, why, full = _fast_and_full(stored, new, quotes)
        assert fast is not None, why
        assert fast == full
        entity = next(e for e in full.entities if e.name == person)
        _, added = _records(new, first_row=10_000)
        rows = [row for row, m in added if m.label == "PERSON"]
        assert len(rows) == 2
        assert {fast.mention_entity[row] for row in rows} == {entity.id}
        if quotes:
            assert fast.quote_speaker[20_000] == entity.id


def test_a_full_name_the_model_typed_otherwise_joins_the_corpus_person_of_that_name() -> None:
    """A person's full name of the corpus, tagged as an organisation or a place in the
    new document, is that person (``context``: it votes for the person's type, and is
    no form of the person's name), in sport and in business."""
    cases = [
        ({"nba/1": ("Maurice Cheeks coached the Sixers. Maurice Cheeks said they would improve.",
                    {"PERSON": ["Maurice Cheeks"], "ORG": ["Sixers"]}),
          "nba/2": ("The Sixers thanked Maurice Cheeks.", {"ORG": ["Sixers", "Maurice Cheeks"]})},
         {"nba/3": ("Fans cheered Maurice Cheeks and the Sixers.",
                    {"ORG": ["Maurice Cheeks", "Sixers"]})},
         "Maurice Cheeks"),
        ({"retail/1": ("Anita Roddick opened a shop in Brighton. Anita Roddick sold soap.",
                       {"PERSON": ["Anita Roddick"], "GPE": ["Brighton"]}),
          "retail/2": ("Brighton honoured Anita Roddick.", {"GPE": ["Brighton", "Anita Roddick"]})},
         {"retail/3": ("Brighton remembers Anita Roddick.",
                       {"GPE": ["Brighton", "Anita Roddick"]})},
         "Anita Roddick"),
    ]  # fmt: skip
    for stored, new, person in cases:
        fast, why, full = _fast_and_full(stored, new)
        assert fast is not None, why
        assert fast == full
        entity = next(e for e in full.entities if e.name == person)
        assert entity.type == "PERSON"
        _, added = _records(new, first_row=10_000)
        (row,) = [row for row, m in added if m.text == person]
        assert fast.mention_entity[row] == entity.id


def test_a_described_speaker_is_not_the_person_named_as_its_complement() -> None:
    """ "The parents of Kasper Dahl" say the quote, not Kasper Dahl: the fast path gives
    it no speaker from the span, as full resolution does, or refuses."""
    new = {"sport/3": ('"He works hard," the parents of Kasper Dahl said at Varnes Athletic.',
                       {"PERSON": ["Kasper Dahl"], "ORG": ["Varnes Athletic"]})}  # fmt: skip
    ((document, (text, _)),) = new.items()
    start = text.index("the parents")
    end = text.index(" said")
    quote = Quote(document, 1, 15, text[1:15], QuoteKind.DIRECT, "said", text[start:end],
                  start, end, SpeakerLabel.GROUP, "test", 1.0, 0, len(text))  # fmt: skip
    fast, why, full = _fast_and_full(CLUB, new, [(20_000, quote)])
    assert 20_000 not in full.quote_speaker
    assert fast is None or fast == full, why


def test_a_form_that_may_rename_an_entity_or_two_new_names_paired_fall_back() -> None:
    """A form as good as the entity's name but for its counts ("KASPER DAHL" in capitals
    beside "Kasper Dahl") may become the name where the corpus writes it more often; two
    new names a pair function joins ("O. Vik", "Oskar Vik") are joined or not by the
    corpus's other names; a surname alone is linked in context, and so is a short form
    typed as an organisation beside the person's surname ("Mo Cheeks" beside Maurice
    Cheeks, in a corpus where a shop is named so); a role in apposition names the
    person's role. None is known from the stored records: the fast path refuses and says
    why."""
    cases = [
        (CLUB, {"sport/3": ("KASPER DAHL trained in Lisbon.",
                            {"PERSON": ["KASPER DAHL"], "GPE": ["Lisbon"]})},
         "'KASPER DAHL' (PERSON) may rename 'Kasper Dahl'"),
        (INSTITUTE, {"science/3": ("Halden Institute hired Oskar Vik. O. Vik starts in May.",
                                   {"PERSON": ["Oskar Vik", "O. Vik"],
                                    "ORG": ["Halden Institute"]})},
         "'o vik': a new name paired with another"),
        # a surname alone is linked in context (titles, honorifics, gender: review #25)
        ({**CLUB, "sport/1": (
            "Kasper Dahl scored twice for Varnes Athletic. Dahl thanked the fans.",
            {"PERSON": ["Kasper Dahl", "Dahl"], "ORG": ["Varnes Athletic"]})},
         {"sport/3": ("Dahl trained with Varnes Athletic in Lisbon.",
                      {"PERSON": ["Dahl"], "ORG": ["Varnes Athletic"], "GPE": ["Lisbon"]})},
         "'Dahl': a surname alone, linked in context"),
        # a surname alone with a title: the corpus's titles of people weigh
        (INSTITUTE, {"science/3": ("Halden Institute hired Oskar Vik. Dr Vik starts in May.",
                                   {"PERSON": ["Oskar Vik", "Vik"], "ORG": ["Halden Institute"]})},
         "'Vik': a surname alone, linked in context"),
        # a short form typed as an organisation, beside the person's surname, is the person
        ({"nba/1": ("Maurice Cheeks coached the Sixers. Maurice Cheeks said they would improve.",
                    {"PERSON": ["Maurice Cheeks"], "ORG": ["Sixers"]}),
          "nba/2": ("Fans queued outside Mo Cheeks before the game.", {"ORG": ["Mo Cheeks"]})},
         {"nba/3": ("Maurice Cheeks watched the Sixers lose. Mo Cheeks was furious.",
                    {"PERSON": ["Maurice Cheeks"], "ORG": ["Sixers", "Mo Cheeks"]})},
         "'Mo Cheeks' may be linked in context, or is a new name"),
        # a place cut short from a club the corpus names twice is the club
        ({"sport/1": ("Harwick Rovers lost 2-0 in Harwick.",
                      {"ORG": ["Harwick Rovers"], "GPE": ["Harwick"]}),
          "sport/2": ("Harwick Rovers sold their striker.", {"ORG": ["Harwick Rovers"]})},
         {"sport/3": ("Fans of Harwick Rovers sang all night.", {"GPE": ["Harwick"]})},
         "'Harwick': a name cut short, or a team in a game's result"),
        # a county the model took for a person, after "in", is the county
        ({"farm/1": ("Jane Kent grows apples. Kent sells cider.",
                     {"PERSON": ["Jane Kent", "Kent"]})},
         {"farm/2": ("Jane Kent said growers in Kent had a good year.",
                     {"PERSON": ["Jane Kent", "Kent"]})},
         "'Kent': a country or region after a preposition of place"),
        # a new person's role, given in apposition, is a role of the new entity
        (INSTITUTE, {"science/3": (
            "Halden Institute hired Oskar Vik, chief executive of Halden Institute, in Bergen.",
            {"PERSON": ["Oskar Vik"], "ORG": ["Halden Institute"], "GPE": ["Bergen"]})},
         "science/3: a role given to a person, or a title's holder"),
    ]  # fmt: skip
    for stored, new, reason in cases:
        fast, why, _ = _fast_and_full(stored, new)
        assert (fast, why) == (None, reason)


def test_every_seed_added_to_the_others_is_full_resolution_when_taken(seed_db: Path) -> None:
    """Leave one out on the seeds (real model, stored candidates and sentences): when the
    fast path takes a seed, its resolution is full resolution's; when not, it says why."""
    with Store(seed_db, create=False) as store:
        texts = dict(store.document_texts())
        mentions = list(store.mention_records())
        quotes = list(store.quote_records())
        claims = list(store.claim_records())
        candidates = store.candidate_references()
        sentences = store.sentence_spans()
    for new in sorted(texts):
        kept = {d: t for d, t in texts.items() if d != new}
        own = [(r, m) for r, m in mentions if m.document != new]
        own_quotes = [(r, q) for r, q in quotes if q.document != new]
        own_claims = [(r, c) for r, c in claims if c.document != new]
        before = resolve_corpus(kept, own, own_quotes, own_claims, (), candidates, sentences)
        after = resolve_corpus(texts, mentions, quotes, claims, (), candidates, sentences)
        state = census(kept, own, own_quotes, own_claims, candidates, resolution=before)
        added = [(r, m) for r, m in mentions if m.document == new]
        verdict = check_addition(state, {new: texts[new]}, added, candidates)
        fast, why = attach(
            state, before, verdict,
            [(r, q) for r, q in quotes if q.document == new],
            [(r, c) for r, c in claims if c.document == new],
            {new: sentences.get(new, ())},
        )  # fmt: skip
        assert fast == after if fast is not None else why, new
