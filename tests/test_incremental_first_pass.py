"""The first pass of extract (issue 17, cost of adding one document): what it computes
for every file of the corpus at every run is computed as before, only cheaper. Each
check compares the faster form against the definition it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusmine.ingest import FoundFile, read_raw
from corpusmine.ingest import metadata as metadata_module
from corpusmine.ingest.boilerplate import MIN_LETTERS, line_key
from corpusmine.ingest.decode import MAX_CONTROL_SHARE, NotText, _checked
from corpusmine.runner import run_extract

# Text with control characters, tabs, line ends and letters of several scripts.
TEXT = st.text(
    alphabet=st.sampled_from(list("ab Zé1_-\t\n\r\f\x0b\x00\x07\x1b\x1f ĳß日\u2019")),
    min_size=1,
    max_size=300,
)


@settings(deadline=None)  # no timing in tests: the machine may be loaded
@given(TEXT)
def test_a_file_is_binary_exactly_when_its_control_characters_say_so(text: str) -> None:
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    binary = not text.strip() or control / len(text) > MAX_CONTROL_SHARE
    if binary:
        with pytest.raises(NotText):
            _checked(text, "utf-8")
    else:
        assert _checked(text, "utf-8") == (text, "utf-8")


@settings(deadline=None)  # no timing in tests: the machine may be loaded
@given(TEXT)
def test_a_line_is_judged_exactly_when_it_has_enough_letters(text: str) -> None:
    normalised = " ".join(text.casefold().split())
    letters = sum(1 for ch in normalised if ch.isalpha())
    assert (line_key(text) is None) == (letters < MIN_LETTERS)


def test_each_files_metadata_is_read_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "parish.txt").write_text(
        "date 2024-03-12\nParish council\n\nThe clerk read the minutes of the last meeting.\n"
    )
    (folder / "corpusmine.csv").write_text("path,title\nbudget.txt,Budget meeting\n")
    (folder / "budget.txt").write_text("Budget\n\nCouncillors agreed the precept for 2024.\n")
    calls: list[str] = []
    original = metadata_module.read_metadata

    def counting(text: str, path: Path, root: Path) -> metadata_module.Metadata:
        calls.append(path.name)
        return original(text, path, root)

    monkeypatch.setattr("corpusmine.ingest.read_metadata", counting)
    raw = read_raw(FoundFile(folder / "parish.txt", "parish", folder))
    assert raw.metadata.date == "2024-03-12" and raw.metadata is raw.metadata
    assert calls == ["parish.txt"]
    calls.clear()
    summary = run_extract([str(folder)], tmp_path / "c.db")
    assert sorted(summary.extracted) == ["budget", "parish"]
    # Once in the first pass, once more when a changed file is laid out for extraction.
    assert sorted(calls) == ["budget.txt", "budget.txt", "parish.txt", "parish.txt"]
    calls.clear()
    rerun = run_extract([str(folder)], tmp_path / "c.db")
    assert rerun.extracted == () and sorted(rerun.unchanged) == ["budget", "parish"]
    assert sorted(calls) == ["budget.txt", "parish.txt"]
