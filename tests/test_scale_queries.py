"""Indexed query paths answer exactly what a pass over every row answers (issue 17).

The name look-ups use the entity word index and SQLite pre-filters; each test compares
them with the plain definition (every entity, quote or claim tested in Python) on the
seeds, for names drawn from the stored entities themselves.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpusmine.query.claims import _matches, claims, load_claims
from corpusmine.query.entities import matching_entity_ids, name_key
from corpusmine.query.quotes import Statement, who_said
from corpusmine.store import Store


@pytest.fixture(scope="module")
def seeds_copy(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("scalequeries") / "seeds.db"
    shutil.copyfile(seed_db, path)
    yield path


def scanned_ids(store: Store, name: str) -> set[str]:
    """Every entity with a name holding all the words of ``name``, by a full scan."""
    words = name_key(name).split()
    return {
        entity.id
        for entity in store.entity_names()
        if words
        and any(
            all(w in name_key(alias).split() for w in words)
            for alias in (entity.name, *entity.aliases)
        )
    }


def probes(store: Store) -> list[str]:
    """Names a user might type: whole canonical names, single words of them, aliases,
    with honorifics and other casing, and a few that match nothing."""
    found: set[str] = {"Cllr Nunn", "the trust", "Nobody Atall", "of", "ofsted"}
    for entity in store.entity_names()[:80]:
        found.add(entity.name)
        found.add(entity.name.upper())
        found.update(entity.name.split()[-1:])
        found.update(entity.aliases[:2])
    return sorted(found)


def test_the_word_index_finds_the_entities_a_scan_finds(seeds_copy: Path) -> None:
    with Store(seeds_copy, create=False) as store:
        assert store.entities_with_words(["x"]) is not None, "extract must build the index"
        names = probes(store)
        assert len(names) > 50
        for name in names:
            assert matching_entity_ids(store, name) == scanned_ids(store, name), name


def test_who_said_a_name_equals_filtering_every_quote(seeds_copy: Path) -> None:
    with Store(seeds_copy, create=False) as store:
        every = [Statement.of(q) for q in store.quotes()]
        assert every
        checked = 0
        for name in probes(store):
            ids, key = scanned_ids(store, name), name_key(name)
            expected = [
                s
                for s in every
                if s.speaker_id in ids
                or (s.speaker_id is None and key and key in name_key(s.speaker_mention))
            ]
            assert list(who_said(store, speaker=name)) == expected, name
            checked += bool(expected)
        assert checked > 5, "some probes must find statements"


def test_claims_about_a_subject_equal_filtering_every_claim(seeds_copy: Path) -> None:
    with Store(seeds_copy, create=False) as store:
        every = load_claims(store, group_keys=False)
        subjects = {c.subject for c in every} | {c.subject_id for c in every if c.subject_id}
        wanted = sorted({w for s in subjects for w in s.split()[:2]} | {"council", "£", "zzz"})
        checked = 0
        for subject in wanted:
            expected = [c for c in every if _matches(subject, c.subject, c.subject_id)]
            assert list(claims(store, subject=subject)) == expected, subject
            checked += bool(expected)
        assert checked > 5


def test_claims_of_an_attribute_equal_filtering_every_claim(seeds_copy: Path) -> None:
    with Store(seeds_copy, create=False) as store:
        every = load_claims(store, group_keys=False)
        attributes = {c.attribute for c in every}
        assert len(attributes) > 3
        # Whole names, words of them, other casing, a fragment, and one that matches nothing.
        wanted = sorted(attributes | {w for a in attributes for w in a.split()})
        wanted += ["RATING", "count of", "ren", "zzz"]
        checked = 0
        for attribute in wanted:
            expected = [c for c in every if _matches(attribute, c.attribute)]
            assert list(claims(store, attribute=attribute)) == expected, attribute
            checked += bool(expected)
        assert checked > 5
        subject = sorted({c.subject for c in every})[0]
        both = [c for c in every if _matches(subject, c.subject, c.subject_id)]
        both = [c for c in both if _matches("rating", c.attribute)]
        assert list(claims(store, subject=subject, attribute="rating")) == both


def test_an_older_database_without_the_index_still_answers(seeds_copy: Path) -> None:
    # A file resolved before the index existed: the look-up falls back to the scan.
    older = seeds_copy.with_name("older.db")
    shutil.copyfile(seeds_copy, older)
    with sqlite3.connect(older) as connection:
        connection.execute("DELETE FROM meta WHERE key = 'entity_words'")
        connection.execute("DELETE FROM entity_words")
    with Store(older, create=False) as store:
        assert store.entities_with_words(["smithers"]) is None
        for name in ("Smithers", "Cllr Nunn", "the trust"):
            assert matching_entity_ids(store, name) == scanned_ids(store, name)
