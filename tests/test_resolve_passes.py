"""Resolution as passes (issue 11 item 4): candidate references found once in extract
and stored, each pass a function with a product, evidence with names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corpusmine.extract.references import find_references
from corpusmine.knowledge import name_lexicon as lexicon
from corpusmine.records import Mention
from corpusmine.resolve import resolve_corpus
from corpusmine.resolve.context import link_all
from corpusmine.resolve.edges import cluster, evidence_edges
from corpusmine.resolve.evidence import Evidence
from corpusmine.resolve.expansions import expand_acronyms
from corpusmine.resolve.inputs import build_input
from corpusmine.resolve.references import gather, read_names, used_definitions
from corpusmine.resolve.refs import COORDINATION, DESCRIPTION, LONG_FORM
from corpusmine.resolve.roles import find_roles
from corpusmine.store import Store
from corpusmine.store.schema import SCHEMA_V1

# A small story of another domain than the seeds: a port authority and a union.
PORT = {
    "a": (
        "The Harbour Pilots Association (HPA) met the Eastport Port Authority on Monday. "
        "The authority said Alice Mendel, chair of the Harbour Pilots Association, would "
        "reply. North and South Eastport Councils were told."
    ),
    "b": (
        "Mendel said the HPA would strike. The Eastport Port Authority declined to comment. "
        "North Eastport Council and South Eastport Council will meet."
    ),
}
LABELS = {
    "a": [
        ("HPA", "ORG"),
        ("Eastport Port Authority", "ORG"),
        ("Alice Mendel", "PERSON"),
        ("Harbour Pilots Association", "ORG"),
        ("South Eastport Councils", "ORG"),
    ],
    "b": [
        ("Mendel", "PERSON"),
        ("HPA", "ORG"),
        ("Eastport Port Authority", "ORG"),
        ("North Eastport Council", "ORG"),
        ("South Eastport Council", "ORG"),
    ],
}


def mentions() -> list[tuple[int, Mention]]:
    found = []
    for doc, text in PORT.items():
        for surface, label in LABELS[doc]:
            start = text.index(surface)
            found.append(Mention(doc, start, start + len(surface), label, surface, 0, len(text)))
    return list(enumerate(found, start=1))


def test_candidate_references_are_found_per_document() -> None:
    refs = find_references("a", PORT["a"])
    assert [(d.short, d.long) for d in refs.definitions] == [("HPA", "Harbour Pilots Association")]
    assert [d.text for d in refs.descriptions] == ["the Eastport Port Authority", "the authority"]
    assert [(c.first, c.second, c.tail.strip()) for c in refs.coordinations] == [
        ("North", "South", "Eastport Councils")
    ]
    assert find_references("b", PORT["b"]).definitions == ()


def test_passes_hand_each_product_to_the_next() -> None:
    inp = build_input(PORT, mentions(), None, (), lexicon())
    definitions = used_definitions(inp)
    assert set(definitions) == {("a", "HPA")}
    reading = read_names(inp, definitions)
    refs = gather(inp, definitions, reading)
    origins = {(r.origin, r.text) for r in refs.all}
    assert ("description", "the authority") in origins
    assert (COORDINATION, "North Eastport Council") in origins
    assert refs.long_forms[("a", "HPA")].origin != LONG_FORM  # a mention covers it
    expansions = expand_acronyms(inp, reading, refs)
    assert expansions.expansion[("*", "HPA")].display == "Harbour Pilots Association"
    links = link_all(inp, reading, refs, expansions)
    described = next(r for r in refs.all if r.origin == DESCRIPTION)
    assert links.targets[described][-1] == "Eastport Port Authority"
    roles = find_roles(inp, reading, refs, links)
    assert [f.text("Harbour Pilots Association") for f in roles.facts] == [
        "chair of the Harbour Pilots Association"
    ]
    graph = evidence_edges(inp, reading, refs, expansions, links, roles)
    ranks = [edge.evidence.rank for edge in graph.edges]
    assert ranks == sorted(ranks)  # strongest evidence first
    kinds = {edge.evidence for edge in graph.edges}
    assert {Evidence.SAME_NAME, Evidence.DEFINED, Evidence.CONTEXT} <= kinds
    union = cluster(graph)
    hpa = [r for r in refs.all if r.text == "HPA"]
    assert union.find(hpa[0].node) == union.find(hpa[1].node)


def test_evidence_kinds_have_names_and_ranks() -> None:
    assert Evidence.USER_ALIAS.rank == 0
    assert Evidence.FUZZY.rank == max(e.rank for e in Evidence)
    assert Evidence("truncation") is Evidence.TRUNCATION


def test_stored_candidates_resolve_as_found_from_texts(seed_store: Store) -> None:
    texts = dict(seed_store.document_texts())
    stored = seed_store.candidate_references()
    assert set(stored) == set(texts)
    for doc, text in texts.items():
        assert stored[doc] == find_references(doc, text)
    mention_rows = list(seed_store.mention_records())
    from_store = resolve_corpus(texts, mention_rows, candidates=stored)
    assert from_store == resolve_corpus(texts, mention_rows)


def test_a_version_1_database_gains_the_table_and_its_documents_are_scanned(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA_V1)
    connection.execute("PRAGMA application_id = 1668114798")
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO documents VALUES ('a', 'a.txt', '', 'old', 'utf-8', 'A', 'article', NULL,"
        " 'none', NULL, NULL, ?, 10, '')",
        (PORT["a"],),
    )
    connection.commit()
    connection.close()
    with Store(path) as store:
        assert store.candidate_references() == {}  # stored before candidates were kept
        texts = dict(store.document_texts())
    rows = [(row, m) for row, m in mentions() if m.document == "a"]
    resolution = resolve_corpus(texts, rows, candidates={})
    hpa = next(e for e in resolution.entities if "HPA" in e.aliases)
    assert hpa.name == "Harbour Pilots Association"
