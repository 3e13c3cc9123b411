"""Guards for adding documents (issue 17 item 2): an addition they admit leaves every
stored document resolved as full resolution would; each corpus-wide decision a new
document can flip makes its guard fail. Passages of several domains (a hospital, a
port, a football club, a retailer, a software company, a council), mentions marked by
hand; the seeds with the real model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from corpusmine.records import Quote, QuoteKind, SpeakerLabel
from corpusmine.resolve import resolve_corpus
from corpusmine.resolve.gate import stored_changes
from corpusmine.resolve.guards import Verdict, census, check_addition
from corpusmine.store import Store
from marked_mentions import Labels, annotate

Corpus = Mapping[str, tuple[str, Labels]]


def _records(docs: Corpus, first_row: int = 0):  # noqa: ANN202
    texts = {doc: text for doc, (text, _) in docs.items()}
    mentions = []
    for doc, (text, labels) in sorted(docs.items()):
        for mention in annotate(doc, text, labels):
            mentions.append((first_row + len(mentions), mention))
    return texts, mentions


def _judge(
    stored: Corpus, new: Corpus, quotes: Sequence[tuple[int, Quote]] = ()
) -> tuple[Verdict, dict[str, str]]:
    """The guards' verdict on adding ``new`` to ``stored`` (with the stored ``quotes``),
    and what full resolution changes in the stored documents' resolution."""
    texts, mentions = _records(stored)
    new_texts, new_mentions = _records(new, first_row=10_000)
    before = resolve_corpus(texts, mentions, quotes)
    after = resolve_corpus({**texts, **new_texts}, mentions + new_mentions, quotes)
    verdict = check_addition(
        census(texts, mentions, quotes, resolution=before), new_texts, new_mentions, every=True
    )
    return verdict, stored_changes(before, after, set(new), [row for row, _ in quotes])


HOSPITAL = {
    "health/1": (
        "St Aldhelm Hospital appointed Mina Okafor as its medical director on Monday.\n\n"
        "Mina Okafor said St Aldhelm Hospital would open a new ward in Taunton.",
        {"ORG": ["St Aldhelm Hospital"], "PERSON": ["Mina Okafor"], "GPE": ["Taunton"]},
    ),
    "health/2": (
        "Patients in Taunton waited longer this winter, figures from St Aldhelm Hospital show.",
        {"ORG": ["St Aldhelm Hospital"], "GPE": ["Taunton"]},
    ),
}
PORT = {
    "port/1": (
        "The Port of Harwick handled a record 40,000 containers, said Idris Fenwick.\n\n"
        "Idris Fenwick runs Harwick Logistics, the largest operator at the Port of Harwick.",
        {"ORG": ["Port of Harwick", "Harwick Logistics"], "PERSON": ["Idris Fenwick"]},
    ),
    "port/2": (
        "Harwick Logistics will hire 200 dockers next year.",
        {"ORG": ["Harwick Logistics"]},
    ),
}


@pytest.mark.parametrize(
    ("stored", "new"),
    [
        (
            HOSPITAL,
            {
                "health/3": (
                    "Mina Okafor said St Aldhelm Hospital had cut waiting times in Taunton.",
                    {"ORG": ["St Aldhelm Hospital"], "PERSON": ["Mina Okafor"],
                     "GPE": ["Taunton"]},
                )
            },
        ),
        (
            PORT,
            {
                "port/3": (
                    "Harwick Logistics expects the Port of Harwick to grow again.",
                    {"ORG": ["Harwick Logistics", "Port of Harwick"]},
                )
            },
        ),
    ],
    ids=["hospital", "port"],
)  # fmt: skip
def test_an_addition_of_known_names_is_admitted_and_the_stored_resolution_stays(
    stored: Corpus, new: Corpus
) -> None:
    verdict, changes = _judge(stored, new)
    assert verdict.admitted, verdict.failed
    assert changes == {}


def test_a_second_bearer_of_a_surname_is_a_new_name_read_by_the_one_word_name() -> None:
    """ "Wielicki" alone names the one Wielicki of the corpus; a new article's "Anna
    Wielicki" makes two, so the stored "Wielicki" may no longer be Tomasz."""
    stored = {
        "sport/1": (
            "Harbourside Rovers signed the striker Tomasz Wielicki on Friday.",
            {"ORG": ["Harbourside Rovers"], "PERSON": ["Tomasz Wielicki"]},
        ),
        "sport/2": (
            "Wielicki scored twice as Harbourside Rovers won 3-1.",
            {"ORG": ["Harbourside Rovers"], "PERSON": ["Wielicki"]},
        ),
    }
    new = {
        "sport/3": (
            "Anna Wielicki runs the supporters' shop at Harbourside Rovers.",
            {"ORG": ["Harbourside Rovers"], "PERSON": ["Anna Wielicki"]},
        )
    }
    verdict, changes = _judge(stored, new)
    assert "Anna Wielicki (one-word wielicki)" in verdict.failed["names"]
    assert "partition" in changes  # full resolution does take "Wielicki" from Tomasz


def test_a_new_document_writing_a_name_in_lower_case_flips_its_reading() -> None:
    """ "Monsoon" is a retailer in two documents; a third writing "the monsoon" makes
    the lower-case documents more than a quarter of those naming it."""
    stored = {
        f"retail/{i}": (
            f"Monsoon opened {n} shops in Bath this year.",
            {"ORG": ["Monsoon"], "GPE": ["Bath"]},
        )
        for i, n in ((1, "three"), (2, "two"))
    }
    new = {
        "weather/1": (
            "The monsoon reached Kerala on Friday, and farmers welcomed the monsoon rain.",
            {"GPE": ["Kerala"]},
        )
    }
    verdict, _ = _judge(stored, new)
    assert verdict.failed["lowercase"] == "monsoon"


def test_defining_an_acronym_the_corpus_uses_falls_back() -> None:
    """A new definition of "MDS" can change what the corpus's bare "MDS" stands for."""
    stored = {
        "tech/1": (
            "Meridian Data Systems (MDS) will cut 400 jobs.",
            {"ORG": ["Meridian Data Systems", "MDS"]},
        ),
        "tech/2": ("MDS shares fell by a tenth.", {"ORG": ["MDS"]}),
    }
    new = {
        "health/9": (
            "Myelodysplastic Disease Society (MDS) funds research in Leeds.",
            {"ORG": ["Myelodysplastic Disease Society", "MDS"], "GPE": ["Leeds"]},
        )
    }
    verdict, _ = _judge(stored, new)
    assert verdict.failed["acronyms"] == "MDS"
    # The same long form again keeps the corpus's meaning.
    again = {
        "tech/3": (
            "Meridian Data Systems (MDS) hired 50 engineers in Leeds.",
            {"ORG": ["Meridian Data Systems", "MDS"], "GPE": ["Leeds"]},
        )
    }
    verdict, changes = _judge(stored, again)
    assert verdict.admitted, verdict.failed
    assert changes == {}


def test_a_new_name_written_in_a_stored_text_falls_back() -> None:
    """Resolution finds a name of the corpus where the model missed it: a new article
    naming "Birkenhead Town Hall" makes it a mention of a stored minute."""
    stored = {
        "council/1": (
            "Members met at Birkenhead Town Hall at 6pm. Cllr Ruth Ansell chaired.",
            {"PERSON": ["Ruth Ansell"]},
        )
    }
    new = {
        "council/2": (
            "Birkenhead Town Hall will close for repairs, Ruth Ansell said.",
            {"ORG": ["Birkenhead Town Hall"], "PERSON": ["Ruth Ansell"]},
        )
    }
    verdict, changes = _judge(stored, new)
    assert verdict.failed["rescan"] == "Birkenhead Town Hall"
    assert "found" in changes


def test_a_new_vote_that_turns_a_name_into_a_place_falls_back() -> None:
    """A product-typed "Orion" takes the type the corpus names it with most: one ORG
    and one GPE vote give ORG, a second GPE vote gives GPE."""
    stored = {
        "space/1": ("Orion flew past the Moon.", {"PRODUCT": ["Orion"]}),
        "space/2": ("Orion said its profits rose.", {"ORG": ["Orion"]}),
        "space/3": ("Farmers in Orion planted wheat.", {"GPE": ["Orion"]}),
    }
    new = {"space/4": ("Rain fell on Orion all week.", {"GPE": ["Orion"]})}
    verdict, _ = _judge(stored, new)
    assert verdict.failed["types"] == "ORG/GPE orion"


def test_a_holder_named_for_a_stored_job_title_falls_back() -> None:
    """Two minutes name "the Chief Executive" with no holder; a third writes "Jane Doe,
    Chief Executive": full resolution gives her the stored title's references."""
    stored = {
        f"council/{i}": (f"The Chief Executive said {what}.", {"ROLE": ["Chief Executive"]})
        for i, what in ((1, "the budget was tight"), (2, "a report would follow in May"))
    }
    new = {
        "council/3": (
            "Jane Doe, Chief Executive, said the plan was ready.",
            {"PERSON": ["Jane Doe"], "ROLE": ["Chief Executive"]},
        )
    }
    verdict, _ = _judge(stored, new)
    assert verdict.failed["holders"] == "Chief Executive"


def _implied_speaker(document: str, text: str, speaker: str) -> Quote:
    """A quote whose speaker is named by text alone (no span): looked up by key."""
    return Quote(document, 1, len(text) - 1, text[1:-1], QuoteKind.DIRECT, "said", speaker,
                 -1, -1, SpeakerLabel.PERSON, "test", 1.0, 0, len(text))  # fmt: skip


PORT_QUOTED = {
    "port/1": (
        "Idris Fenwick runs Harwick Logistics. Fenwick said trade was up.",
        {"ORG": ["Harwick Logistics"], "PERSON": ["Idris Fenwick", "Fenwick"]},
    ),
    "port/2": ('"Trade is up."', {}),
}


def test_a_one_word_name_joining_an_entity_without_its_key_may_move_a_stored_speaker() -> None:
    """A stored quote's speaker "Fenwick" is found by key. A new "Fenwick" that joins
    Idris Fenwick (named in full in its document, or the one Fenwick of the corpus)
    adds no key his entity lacks; with two Fenwicks in the corpus it stays on its own
    name, whose entity is not known: fall back."""
    quotes = [(0, _implied_speaker("port/2", '"Trade is up."', "Fenwick"))]
    alone = {"port/3": ("Fenwick spoke at the Port of Harwick.",
                        {"PERSON": ["Fenwick"], "ORG": ["Port of Harwick"]})}  # fmt: skip
    named = {"port/3": ("Idris Fenwick spoke at Harwick Logistics. Fenwick was brief.",
                        {"PERSON": ["Idris Fenwick", "Fenwick"],
                         "ORG": ["Harwick Logistics"]})}  # fmt: skip
    for new in (alone, named):
        verdict, changes = _judge(PORT_QUOTED, new, quotes)
        assert "speakers" not in verdict.failed
        assert not (verdict.admitted and changes)
    two = {**PORT_QUOTED, "port/4": ("Rhian Fenwick chairs the harbour board.",
                                     {"PERSON": ["Rhian Fenwick"]})}  # fmt: skip
    verdict, _ = _judge(two, alone, quotes)
    assert verdict.failed["speakers"] == "fenwick"


def test_every_seed_added_to_the_others_admitted_only_when_nothing_stored_changes(
    seed_db: Path,
) -> None:
    """Leave one out on the seeds (real model): the guards never admit an addition
    whose full resolution changes a stored document's."""
    with Store(seed_db, create=False) as store:
        texts = dict(store.document_texts())
        mentions = list(store.mention_records())
        quotes = list(store.quote_records())
        claims = list(store.claim_records())
        candidates = store.candidate_references()
    judged = 0
    for new in sorted(texts):
        kept = {d: t for d, t in texts.items() if d != new}
        own = [(r, m) for r, m in mentions if m.document != new]
        own_quotes = [(r, q) for r, q in quotes if q.document != new]
        own_claims = [(r, c) for r, c in claims if c.document != new]
        before = resolve_corpus(kept, own, own_quotes, own_claims, (), candidates)
        after = resolve_corpus(texts, mentions, quotes, claims, (), candidates)
        state = census(kept, own, own_quotes, own_claims, candidates, resolution=before)
        added = [(r, m) for r, m in mentions if m.document == new]
        verdict = check_addition(state, {new: texts[new]}, added, candidates)
        changes = stored_changes(before, after, {new}, [r for r, _ in own_quotes],
                                 [r for r, _ in own_claims])  # fmt: skip
        assert not (verdict.admitted and changes), (new, changes)
        judged += bool(changes)
    assert judged  # some seed does change the others: the check is not vacuous


def test_a_second_mention_of_an_organisation_reads_a_stored_place_cut_short_from_it() -> None:
    """ "Harwick", tagged a place in "fans of Harwick Rovers", is the club once the
    corpus names "Harwick Rovers" twice (``context._cut_short``): a new article naming
    it again changes how the stored place reads, and so does a council's second
    "Tarnby Borough Council" for a stored "Tarnby" cut from it."""
    cases = [
        ({"sport/1": ("Fans of Harwick Rovers sang all night.", {"GPE": ["Harwick"]}),
          "sport/2": ("Harwick Rovers lost 2-0.", {"ORG": ["Harwick Rovers"]})},
         {"sport/3": ("Harwick Rovers sold their striker.", {"ORG": ["Harwick Rovers"]})}),
        ({"council/1": ("Residents wrote to Tarnby Borough Council about parking.",
                        {"GPE": ["Tarnby"]}),
          "council/2": ("Tarnby Borough Council met on the budget.",
                        {"ORG": ["Tarnby Borough Council"]})},
         {"council/3": ("Tarnby Borough Council closed the library.",
                        {"ORG": ["Tarnby Borough Council"]})}),
    ]  # fmt: skip
    for stored, new in cases:
        verdict, changes = _judge(stored, new)
        assert "cut" in verdict.failed, verdict.failed
        assert changes  # full resolution does read the stored place otherwise
