"""Additions resolved by the fast path inside ``extract`` (issue 17 item 2): a run that
only adds documents attaches them to the stored entities when the guards and
``resolve.attach`` vouch for the result, and what it stores is exactly what full
resolution (``--force-resolve``) stores; anything else is resolved in full, and says
why. Invented passages (a research institute, a football club, a council), the real
model."""

from __future__ import annotations

import pickle
import sqlite3
import zlib
from pathlib import Path

import pytest

from corpusmine.resolve.guards import load_census
from corpusmine.runner import run_extract
from corpusmine.store import Store

INSTITUTE = {
    "science/brandt.txt": "Lena Brandt leads the Halden Institute. Lena Brandt said its "
    "funding had doubled.\n",
    "science/lab.txt": "The Halden Institute opened a laboratory for marine biology.\n",
}
CLUB = {
    "sport/dahl.txt": "Kasper Dahl scored twice for Varnes Athletic. Kasper Dahl thanked "
    "the travelling supporters.\n",
    "sport/trip.txt": "Varnes Athletic will play Rosendal United in the cup final.\n",
}
COUNCIL = {
    "council/budget.txt": "Councillor Maria Olsen presented the budget of Tarnby Council. "
    "Maria Olsen said the library would stay open.\n",
    "council/roads.txt": "Tarnby Council approved repairs to the harbour road.\n",
}


def _write(folder: Path, docs: dict[str, str]) -> None:
    for name, text in docs.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


# What resolution stores, by table (rows are compared without their row ids).
RESOLVED = {
    "entities": "SELECT * FROM entities",
    "entity_words": "SELECT * FROM entity_words",
    "mentions": "SELECT document, start, end, label, text, sentence_start, sentence_end,"
    " entity_id, origin FROM mentions",
    "quotes": "SELECT document, start, end, speaker_id FROM quotes",
    "claims": "SELECT document, start, end, subject_id, speaker_id FROM claims",
}


def _resolved(db: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(db)
    try:
        return {t: sorted(connection.execute(sql), key=repr) for t, sql in RESOLVED.items()}
    finally:
        connection.close()


def _add(tmp_path: Path, stored: dict[str, str], new: dict[str, str]) -> tuple[str, dict, dict]:
    """How the run adding ``new`` to ``stored`` resolved, what it stored, and what
    ``--force-resolve`` then stores."""
    folder, db = tmp_path / "corpus", tmp_path / "corpus.db"
    _write(folder, stored)
    assert run_extract([str(folder)], db, incremental=True).resolution_path.startswith("full")
    _write(folder, new)
    added = run_extract([str(folder)], db, incremental=True)
    assert sorted(added.extracted) == sorted(n.removesuffix(".txt") for n in new)
    attached = _resolved(db)
    forced = run_extract([str(folder)], db, force_resolve=True, incremental=True)
    assert forced.resolution_path == "full"
    return added.resolution_path, attached, _resolved(db)


@pytest.mark.parametrize(
    ("stored", "new"),
    [
        (INSTITUTE, {"science/visit.txt": "Lena Brandt showed the visitors round the Halden "
                                          "Institute.\n"}),
        (CLUB, {"sport/final.txt": "The captain, Kasper Dahl, scored again for Varnes "
                                   "Athletic.\n"}),
        (COUNCIL, {"council/vote.txt": "Maria Olsen asked Tarnby Council to keep the "
                                       "library open.\n"}),
    ],
)  # fmt: skip
def test_an_addition_of_known_names_is_attached_and_stores_what_full_resolution_stores(
    tmp_path: Path, stored: dict[str, str], new: dict[str, str]
) -> None:
    how, attached, full = _add(tmp_path, stored, new)
    assert how == "attached"
    assert attached == full


def test_an_addition_the_guards_refuse_is_resolved_in_full_and_says_why(tmp_path: Path) -> None:
    """A surname alone ('Dahl') is linked in context, which the stored census does not
    decide: the run resolves everything again, with the same result."""
    how, attached, full = _add(
        tmp_path, CLUB, {"sport/cup.txt": "Dahl and Varnes Athletic reached the cup final.\n"}
    )
    assert how.startswith("full: ")
    assert attached == full


def test_without_incremental_every_addition_is_resolved_in_full(tmp_path: Path) -> None:
    """The default keeps no census and attaches nothing."""
    folder, db = tmp_path / "corpus", tmp_path / "corpus.db"
    _write(folder, INSTITUTE)
    run_extract([str(folder)], db)
    _write(folder, {"science/visit.txt": "Lena Brandt showed the visitors round the Halden "
                                         "Institute.\n"})  # fmt: skip
    assert run_extract([str(folder)], db).resolution_path == "full"


def test_a_changed_stored_document_is_resolved_in_full(tmp_path: Path) -> None:
    """The census is of the corpus as it was: once a stored document changes, no
    addition is attached against it."""
    folder, db = tmp_path / "corpus", tmp_path / "corpus.db"
    _write(folder, INSTITUTE)
    run_extract([str(folder)], db, incremental=True)
    _write(folder, {"science/lab.txt": "The Halden Institute opened a laboratory for "
                                       "deep sea biology.\n"})  # fmt: skip
    _write(folder, {"science/visit.txt": "Lena Brandt showed the visitors round the Halden "
                                         "Institute.\n"})  # fmt: skip
    summary = run_extract([str(folder)], db, incremental=True)
    assert summary.resolution_path == "full: no census of the corpus without the new documents"


def test_a_kept_census_loads_only_corpusmine_records() -> None:
    """A database may come from anyone: a pickled object of another module (here one
    that would run a shell command) is no census, never loaded."""

    class Payload:
        def __reduce__(self):  # noqa: ANN204
            import os

            return (os.system, ("echo unsafe",))

    data = zlib.compress(pickle.dumps((1, {}, Payload())))
    assert load_census(data, {}, lambda phrases: {}) is None


def test_the_census_from_resolutions_own_passes_is_the_census_from_the_records(
    seed_db: Path,
) -> None:
    """What the runner keeps (taken from resolution's passes) is what the guards would
    work out from the stored records alone."""
    from corpusmine.resolve import resolve_corpus
    from corpusmine.resolve.guards import Passes, census, dump_census

    with Store(seed_db, create=False) as store:
        texts = dict(store.document_texts())
        mentions = list(store.mention_records())
        quotes = list(store.quote_records())
        claims = list(store.claim_records())
        candidates = store.candidate_references()
        kept: list[Passes] = []
        resolution = resolve_corpus(
            texts, mentions, quotes, claims, (), candidates, store.sentence_spans(),
            lowercase_counts=store.lowercase_counts,
            passes=lambda **products: kept.append(Passes(**products)),
        )  # fmt: skip
        counts = store.lowercase_counts
        alone = census(texts, mentions, quotes, claims, candidates, (), counts, resolution)
        reused = census(texts, mentions, quotes, claims, candidates, (), counts, resolution,
                        kept[0])  # fmt: skip
        assert reused == alone
        assert load_census(dump_census(reused, resolution), texts, counts) == (reused, resolution)
