"""The knowledge layer: typed, loaded once, each list in one models/ file."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmine.ingest import document_from_text
from corpusmine.knowledge import (
    honorifics,
    name_lexicon,
    number_words,
    pronouns,
    temporal_lexicon,
)
from corpusmine.records import DateSource, DocumentKind


def test_loaders_are_cached_and_frozen() -> None:
    assert honorifics() is honorifics()
    assert temporal_lexicon() is temporal_lexicon()
    with pytest.raises(AttributeError):
        honorifics().all = frozenset()  # type: ignore[misc]


def test_gendered_honorifics_are_honorifics() -> None:
    titles = honorifics()
    assert titles.female | titles.male <= titles.all
    assert not titles.female & titles.male
    assert name_lexicon().honorifics == titles.all


def test_every_month_and_weekday_has_a_name() -> None:
    lex = temporal_lexicon()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(7))
    assert (lex.months["sept"], lex.weekdays["thurs"]) == (9, 3)


def test_durations_read_the_shared_number_words() -> None:
    # "seventeen" is written once (numbers.yaml); durations add only "a", "couple".
    shared = number_words().words
    lex = temporal_lexicon()
    assert all(lex.numbers[word] == value for word, value in shared.items())
    assert (lex.numbers["a"], lex.numbers["couple"]) == (1, 2)
    assert "couple" not in shared  # "a couple of hundred patients" is no figure of 2


def test_pronouns_that_never_name_one_person() -> None:
    assert {"it", "they", "its", "which"} <= pronouns().non_personal
    assert not pronouns().person & pronouns().non_personal


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("news", DocumentKind.ARTICLE),
        ("News Article", DocumentKind.ARTICLE),
        ("minute", DocumentKind.MINUTES),
        ("minutes", DocumentKind.MINUTES),
        ("press release", DocumentKind.OTHER),
    ],
)
def test_kind_names_in_front_matter(written: str, kind: DocumentKind, tmp_path: Path) -> None:
    text = (
        f"---\ntitle: Reservoir levels\nkind: {written}\n---\nThe water company said levels fell.\n"
    )
    document = document_from_text(text, file_path=tmp_path / "a.txt", root=tmp_path)
    assert document.kind is kind
    assert document.date_source is DateSource.NONE


def test_closed_sets_compare_as_their_words() -> None:
    # Stored text and JSON keep the plain words.
    assert DocumentKind.MINUTES == "minutes" and f"{DateSource.FRONT_MATTER}" == "front-matter"
    assert DateSource.MANIFEST.explicit and not DateSource.INFERRED.explicit
