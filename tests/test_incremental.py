"""Resolution across runs (issue 17 item 2): adding documents in steps, in any order,
gives what one run over all of them gives; --force-resolve redoes resolution; every
stored document carries the name keys that block resolution's comparisons, and its
lower-case words in a full-text index that answers the lower-case reading exactly as a
scan of every text does."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_steps import extract_in_steps
from corpusmine.cli import cli
from corpusmine.knowledge import name_lexicon
from corpusmine.resolve.incremental import closure, reach, stored_common
from corpusmine.resolve.inputs import build_input
from corpusmine.resolve.keys import KeyKind, key, mention_keys, name_keys, spellings
from corpusmine.resolve.lowercase import indexed_words, lowercase_documents
from corpusmine.resolve.names import analyse, letters_match
from corpusmine.resolve.people import variant_pairs
from corpusmine.resolve.references import read_names, used_definitions
from corpusmine.resolve.variants import (
    extension_pairs,
    fuzzy_pairs,
    spacing_pairs,
    truncation_pairs,
)
from corpusmine.runner import resolve_store, run_extract
from corpusmine.store import Store

# Passages of two domains besides the seeds: a football club and a software company.
# Between them: surnames used alone in a later article, an acronym defined in one
# article and used bare in another, a description ("the club"), a role apposition, a
# truncated name ("Rovers"), quotes and a figure.
PASSAGES = {
    "sport/rovers_1.txt": (
        "Harbourside Rovers sacked manager Tomasz Wielicki on Sunday after a sixth defeat.\n\n"
        'Chairman Elaine Porthcawl said the club had acted reluctantly. "Tomasz gave us '
        'everything, but results have not come," Ms Porthcawl said.\n\n'
        "The Rovers have lost 14 of their 20 league games this season."
    ),
    "sport/rovers_2.txt": (
        "Wielicki has been linked with the vacant job at Kingsmead Athletic.\n\n"
        "Porthcawl, chairman of Harbourside Rovers, told supporters that a new manager would "
        'be named within a fortnight. "We will take our time," she said.\n\n'
        "Kingsmead Athletic declined to comment."
    ),
    "tech/meridian_1.txt": (
        "Meridian Data Systems (MDS) will cut 400 jobs, its chief executive Ravi Anand said "
        "on Tuesday.\n\n"
        '"We have to make hard choices," Mr Anand said. The company employs about 5,200 '
        "people in Leeds and Bristol.\n\n"
        "Unions at Meridian Data Systems said they had not been consulted."
    ),
    "tech/meridian_2.txt": (
        "Shares in MDS fell 8% after the job cuts were announced.\n\n"
        "Anand told analysts the savings would reach £30m a year. Priya Lowther, an analyst "
        "at Castlegate Securities, said the cuts were overdue.\n\n"
        '"MDS has carried too many people for too long," Ms Lowther said.'
    ),
}


def _corpus(tmp_path: Path, seeds_dir: Path) -> dict[str, str]:
    """Relative path -> text of every document of the test corpus (seeds and passages)."""
    files = {
        f"seeds/{p.name}": p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))
    }
    return {**files, **PASSAGES}


def _extract_in_steps(root: Path, db: Path, corpus: dict[str, str], steps: list[list[str]]) -> None:
    """Extract ``corpus`` in ``steps``: every run after the first adds documents to a
    resolved database."""
    runs = extract_in_steps(root, db, corpus, steps)
    for step, extracted in zip(steps, runs, strict=True):
        # A stored document whose furniture became boilerplate is redone too.
        assert {p.rsplit(".", 1)[0] for p in step} <= set(extracted)


def _resolved(db: Path) -> dict[str, object]:
    """Everything resolution decides, keyed by what does not depend on row ids."""
    with Store(db, create=False) as store:
        entities = {
            e.id: (e.name, e.type, e.aliases, e.roles, e.affiliations, e.mentions, e.documents)
            for e in store.entities()
        }
        mentions = {
            (m.document, m.start, m.end, m.label, m.text): m.entity_id for m in store.mentions()
        }
        quotes = {(q.document, q.start, q.end): q.speaker_id for q in store.quotes()}
        claims = {
            (c.document, c.start, c.end, c.attribute): (c.subject_id, c.speaker_id)
            for c in store.claims()
        }
    return {"entities": entities, "mentions": mentions, "quotes": quotes, "claims": claims}


@pytest.fixture(scope="module")
def one_run(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[dict, dict]:
    """The corpus extracted in one run: (its files, what resolution decided)."""
    tmp = tmp_path_factory.mktemp("one_run")
    corpus = _corpus(tmp, seeds_dir)
    _extract_in_steps(tmp / "root", tmp / "all.db", corpus, [sorted(corpus)])
    return corpus, _resolved(tmp / "all.db")


def test_the_corpus_resolves_to_real_cross_document_entities(one_run: tuple[dict, dict]) -> None:
    _, resolved = one_run
    by_name = {name: docs for name, _, _, _, _, _, docs in resolved["entities"].values()}
    # The comparison below is only worth something if entities span documents.
    assert set(by_name["Harbourside Rovers"]) == {"sport/rovers_1", "sport/rovers_2"}
    assert set(by_name["Meridian Data Systems"]) == {"tech/meridian_1", "tech/meridian_2"}
    assert sum(len(docs) > 1 for docs in by_name.values()) >= 5
    assert any(resolved["quotes"].values()) and any(resolved["claims"].values())


@pytest.mark.parametrize(
    "order",
    [
        "passages first, then the seeds",
        "one document at a time, last first",
    ],
)
def test_adding_documents_in_steps_equals_one_run(
    order: str, one_run: tuple[dict, dict], tmp_path: Path
) -> None:
    corpus, expected = one_run
    names = sorted(corpus)
    if order.startswith("passages"):
        steps = [sorted(PASSAGES), [n for n in names if n not in PASSAGES]]
    else:
        steps = [[n] for n in reversed(names)]
    _extract_in_steps(tmp_path / "root", tmp_path / "steps.db", corpus, steps)
    got = _resolved(tmp_path / "steps.db")
    for part in ("entities", "mentions", "quotes", "claims"):
        assert got[part] == expected[part], part


def test_force_resolve_redoes_resolution_of_an_unchanged_corpus(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    for relative in ("tech/meridian_1.txt", "tech/meridian_2.txt"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(PASSAGES[relative], encoding="utf-8")
    db = tmp_path / "c.db"
    first = run_extract([str(root)], db)
    assert first.resolved
    before = _resolved(db)
    again = run_extract([str(root)], db)
    assert again.extracted == () and not again.resolved  # nothing changed: nothing redone
    # Resolution's output is gone (as after a crash between the two writes): only
    # --force-resolve brings it back, and it is what the first run stored.
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE mentions SET entity_id = NULL")
    forced = run_extract([str(root)], db, force_resolve=True)
    assert forced.extracted == () and forced.resolved
    assert _resolved(db) == before
    # The counts of a skipped run are those of a resolved one (found names included).
    assert (again.entities, again.mentions) == (forced.entities, forced.mentions)


def test_cli_force_resolve_and_the_unchanged_hint(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text(PASSAGES["sport/rovers_1.txt"], encoding="utf-8")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["extract", str(root), "--db", db, "--quiet"]).exit_code == 0
    skipped = runner.invoke(cli, ["extract", str(root), "--db", db, "--quiet"])
    assert (
        "nothing changed since the last run (use --force to re-extract, --force-resolve to "
        "resolve entities again)" in " ".join(skipped.output.split())
    )
    forced = runner.invoke(cli, ["extract", str(root), "--db", db, "--quiet", "--force-resolve"])
    assert forced.exit_code == 0
    assert "--force-resolve" not in forced.output  # it was resolved: no hint to do so


# --- name keys ---------------------------------------------------------------------------


def test_every_document_stores_the_keys_of_its_mentions(
    one_run: tuple[dict, dict], tmp_path: Path
) -> None:
    corpus, _ = one_run
    root = tmp_path / "root"
    _extract_in_steps(root, tmp_path / "k.db", {k: corpus[k] for k in PASSAGES}, [sorted(PASSAGES)])
    lex = name_lexicon()
    with Store(tmp_path / "k.db") as store:
        assert store.name_keys_complete()
        stored = store.name_keys_of([d.id for d in store.documents()])
        for document in stored:
            recomputed = mention_keys([m for _, m in store.mention_records(document)], lex)
            assert stored[document] == recomputed
        # A surname said alone joins its full name through a word key; an undefined
        # acronym meets its long form through its letters.
        assert (
            "sport/rovers_1"
            in store.documents_with_keys([key(KeyKind.WORD, "wielicki")])[
                key(KeyKind.WORD, "wielicki")
            ]
        )
        letters = store.documents_with_keys([key(KeyKind.LETTERS, "mds")])[
            key(KeyKind.LETTERS, "mds")
        ]
        assert {"tech/meridian_1", "tech/meridian_2"} <= letters
        found = reach(store, ["tech/meridian_2"])
        assert "tech/meridian_1" in found.by_kind[KeyKind.LETTERS]
        assert not found.documents & {"sport/rovers_1", "sport/rovers_2"}
        assert closure(store, ["sport/rovers_2"]) >= {"sport/rovers_1", "sport/rovers_2"}


def test_a_database_made_before_name_keys_gets_them_at_its_next_resolution(
    seed_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(seed_db, db)
    with Store(db) as store:
        expected = store.name_keys_of([d.id for d in store.documents()])
    with sqlite3.connect(db) as connection:  # as a schema-7 file migrated to 8 leaves it
        connection.execute("DELETE FROM name_keys")
        connection.execute("DELETE FROM meta WHERE key = 'name_keys'")
    with Store(db) as store:
        assert not store.name_keys_complete()
        resolve_store(store)
        assert store.name_keys_complete()
        assert store.name_keys_of([d.id for d in store.documents()]) == expected
    assert expected and all(expected.values())


# Every pair the corpus-wide passes compare shares a key (the blocking and the stored keys
# never disagree). Names are drawn from small word lists so that pairs actually occur.
_GIVEN = ["j", "jason", "jane", "fred", "frederick", "alexander", "alex"]
_SURNAMES = ["smithers", "wooster", "woster", "porthcawl", "anand"]
_ORG_WORDS = ["north", "west", "harbour", "pilots", "data", "systems", "trust", "bluejays"]


def _shared(a: tuple[str, ...], b: tuple[str, ...], kind: str) -> bool:
    lex = name_lexicon()
    keys_a = name_keys(analyse(" ".join(a), kind, lex), kind, lex)
    keys_b = name_keys(analyse(" ".join(b), kind, lex), kind, lex)
    return bool(keys_a & keys_b)


@settings(deadline=None)  # no timing in tests: the machine may be loaded
@given(st.lists(st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_SURNAMES)), max_size=8))
def test_person_variants_and_fuzzy_people_share_a_key(people: list[tuple[str, str]]) -> None:
    lex = name_lexicon()
    for a, b in variant_pairs(people):
        assert _shared(a, b, "PERSON")
    names = [("PERSON", p) for p in people]
    for (_, a), (_, b) in fuzzy_pairs(names, {}, lex):
        assert _shared(a, b, "PERSON")


@settings(deadline=None)  # no timing in tests: the machine may be loaded
@given(st.lists(st.lists(st.sampled_from(_ORG_WORDS), min_size=1, max_size=4), max_size=8))
def test_truncations_fuzzy_and_spacing_pairs_of_organisations_share_a_key(
    names: list[list[str]],
) -> None:
    lex = name_lexicon()
    tokens = [tuple(n) for n in names]
    for a, b in truncation_pairs(tokens) + extension_pairs(tokens, frozenset({"inc", "ltd"})):
        assert _shared(a, b, "ORG")
    typed = [("ORG", t) for t in tokens]
    for (_, a), (_, b) in fuzzy_pairs(typed, {}, lex) + spacing_pairs(typed):
        assert _shared(a, b, "ORG")


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("DfE", "Department for Education"),
        ("DE", "Department for Education"),
        ("NNC", "North Northamptonshire Council"),
        ("HP", "Hewlett-Packard"),
        ("MDS", "Meridian Data Systems"),
    ],
)
def test_an_acronym_and_the_name_it_spells_share_a_letters_key(short: str, long: str) -> None:
    lex = name_lexicon()
    assert letters_match(short, long.split(), lex)
    acronym = name_keys(analyse(short, "ORG", lex), "ORG", lex)
    assert acronym & name_keys(analyse(long, "ORG", lex), "ORG", lex)


@settings(deadline=None)  # no timing in tests: the machine may be loaded
@given(
    st.lists(st.sampled_from(["for", "of", "the", "north", "data", "health", "and"]), max_size=7)
)
def test_spellings_are_exactly_the_letter_strings_letters_match_accepts(words: list[str]) -> None:
    lex = name_lexicon()
    display = " ".join(w.capitalize() for w in words)
    found = spellings(display, lex)
    for spelt in found:
        assert letters_match(spelt.upper(), display.split(), lex)
    if len(words) >= 2:
        content = "".join(w[0] for w in words if w not in lex.function_words)
        if content:
            assert content in found


# --- the lower-case reading from the full-text index ------------------------------------

_WORDS = [
    "foster", "Foster", "carers", "Carers", "the", "of", "department", "education",
    "Department", "well-known", "pundits", "children's", "trust", "Northants", "northants",
    "council", "and", "&", "U.S.", "2024", "www.example.com", "it’s",
]  # fmt: skip
_GAPS = [" ", "  ", ", ", ". ", "\n", "\n\n", " - ", "; "]
_text = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=30).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


@settings(deadline=None)  # no timing in tests: the machine may be loaded
@given(texts=st.lists(_text, min_size=1, max_size=5))
def test_the_index_finds_each_phrase_in_lower_case_exactly_where_the_scan_does(
    texts: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    lex = name_lexicon()
    phrases = {
        analyse(" ".join(words), "ORG", lex).tokens
        for words in (
            ["foster", "carers"], ["department", "of", "education"], ["well-known", "pundits"],
            ["children's", "trust"], ["northants", "council"], ["council"], ["foster"],
            ["trust", "and", "council"], ["u.s."],
        )
    }  # fmt: skip
    with Store(tmp_path_factory.mktemp("fts") / "i.db") as store:
        store.replace_name_keys({}, {f"d{i}": indexed_words(t, lex) for i, t in enumerate(texts)})
        assert store.lowercase_counts(phrases) == lowercase_documents(texts, phrases, lex)


def test_the_index_forgets_deleted_and_replaced_documents(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text("Foster carers met.\n\nMany foster carers left early.\n")
    (root / "b.txt").write_text("The agency said foster carers were paid late.\n")
    db = tmp_path / "i.db"
    phrase = ("foster", "carers")
    run_extract([str(root)], db)
    with Store(db) as store:
        assert store.lowercase_counts([phrase]) == {phrase: 2}
    (root / "b.txt").write_text("The agency said Foster Carers were paid late.\n")
    run_extract([str(root)], db)
    with Store(db) as store:
        assert store.lowercase_counts([phrase]) == {phrase: 1}
    (root / "a.txt").unlink()
    run_extract([str(root)], db, prune=True)
    with Store(db) as store:
        assert store.lowercase_counts([phrase]) == {}


def test_the_keyed_reading_of_the_corpus_is_the_scanned_one(
    one_run: tuple[dict, dict], tmp_path: Path
) -> None:
    corpus, _ = one_run
    _extract_in_steps(tmp_path / "root", tmp_path / "r.db", corpus, [sorted(corpus)])
    with Store(tmp_path / "r.db") as store:
        inp = build_input(
            dict(store.document_texts()), list(store.mention_records()),
            store.candidate_references(), [], name_lexicon(),
        )  # fmt: skip
        definitions = used_definitions(inp)
        scanned = read_names(inp, definitions)
        keyed = read_names(inp, definitions, store.lowercase_counts)
        wanted = {inp.name(r).tokens for r in inp.mentions}
        assert scanned.lowercase and keyed.lowercase == scanned.lowercase
        assert stored_common(store, wanted) == scanned.lowercase & wanted


def test_candidate_references_missing_from_an_old_database_are_found_once_and_kept(
    seed_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(seed_db, db)
    before = _resolved(db)
    with Store(db) as store:
        kept = store.candidate_references()
    assert any(c.definitions or c.descriptions for c in kept.values())
    with sqlite3.connect(db) as connection:  # as a database stored before schema 2
        connection.execute("DELETE FROM candidate_references")
    with Store(db) as store:
        resolve_store(store)
        assert store.candidate_references() == kept
    assert _resolved(db) == before
