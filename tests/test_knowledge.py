"""The knowledge layer: typed, loaded once, each list in one models/ file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from corpusmine.ingest import document_from_text
from corpusmine.knowledge import (
    honorifics,
    models_dir,
    name_lexicon,
    number_words,
    pronouns,
    quote_lexicon,
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


def _word_lists(value: object, where: str) -> Iterator[tuple[str, frozenset[str]]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _word_lists(item, f"{where}.{key}")
    elif isinstance(value, list):
        if len(value) >= 3 and all(isinstance(v, str) for v in value):
            yield where, frozenset(v.lower() for v in value)
        for i, item in enumerate(value):
            yield from _word_lists(item, f"{where}[{i}]")


def test_each_word_list_is_written_once() -> None:
    # Two files holding the same list drift apart: one gets a word the other lacks.
    seen: dict[frozenset[str], str] = {}
    copies = []
    for path in sorted(models_dir().glob("*.yaml")):
        for where, words in _word_lists(yaml.safe_load(path.read_text("utf-8")), path.name):
            if words in seen:
                copies.append((seen[words], where))
            seen.setdefault(words, where)
    assert copies == []


def test_quote_lexicon_reads_the_shared_gender_words() -> None:
    # Regression: a moved list must not leave a reader with an empty copy.
    lex = quote_lexicon()
    assert (lex.honorific_gender["mrs"], lex.honorific_gender["sir"]) == ("female", "male")
    assert (lex.pronoun_gender["she"], lex.pronoun_gender["him"]) == ("female", "male")
    assert lex.honorifics == honorifics().all and lex.person_pronouns == pronouns().person


# Page debris of other publishers' pages: the promotion names their own platform.
_PROMOTED = (
    "Reservoir levels fall as water company imposes hosepipe ban\n\n"
    "Watch more of our videos on Severn TV!\n"
    "and live on Sky channel 512\n"
    "Visit LiveWire now\n\n"
    "The water company said reservoir levels had fallen for six weeks.\n\n"
    "Customers can follow updates on Freeview and on the company's website.\n"
)


def test_promotion_lines_of_any_platform_are_debris() -> None:
    document = document_from_text(_PROMOTED)
    assert "Severn TV" not in document.clean and "LiveWire" not in document.clean
    assert "Sky channel" not in document.clean
    assert len(document.debris) == 3


def test_a_platform_named_in_prose_stays_text() -> None:
    # Platforms are not "never entities": only their promotion lines are furniture.
    document = document_from_text(_PROMOTED)
    assert "Customers can follow updates on Freeview" in document.clean
