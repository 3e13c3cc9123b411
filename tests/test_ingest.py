"""Ingest: decoding, metadata, debris, structure, and offsets back into the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusmine.ingest import discover, document_from_text, read_document
from corpusmine.ingest.decode import NotText, decode
from corpusmine.records import IngestFailure


def seed(seeds_dir: Path, prefix: str):
    found = next(f for f in discover([str(seeds_dir)]) if f.document_id.startswith(prefix))
    return read_document(found)


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        ("Caf\u00e9 \u201cquoted\u201d".encode(), "utf-8", "Caf\u00e9 \u201cquoted\u201d"),
        (b"\xef\xbb\xbfBOM first", "utf-8-sig", "BOM first"),
        (b"Cost \xa3328 a week", "cp1252", "Cost \u00a3328 a week"),
        (b"It\x92s \x93smart\x94", "cp1252", "It\u2019s \u201csmart\u201d"),
        (b"undefined \x81 byte in cp1252", "latin-1", "undefined \x81 byte in cp1252"),
    ],
)
def test_decode_detects_encoding(data: bytes, encoding: str, expected: str) -> None:
    assert decode(data) == (expected, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\t ", "empty"), (b"PK\x03\x04\x00\x00binary", "NUL")],
)
def test_decode_rejects_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason):
        decode(data)


def test_seed_kinds(seeds_dir: Path) -> None:
    kinds = {f.document_id[:3]: read_document(f).kind for f in discover([str(seeds_dir)])}
    assert kinds == {
        "000": "article",
        "001": "article",
        "002": "minutes",
        "003": "article",
        "004": "article",
    }


def test_date_header_is_read_and_not_body(seeds_dir: Path) -> None:
    document = seed(seeds_dir, "004")
    assert (document.date, document.date_source) == ("2023-03-23", "header")
    assert "date 2023" not in document.clean
    assert document.clean.startswith("Leaders of North and West Northamptonshire Councils")


def test_undated_seed_has_no_explicit_date(seeds_dir: Path) -> None:
    document = seed(seeds_dir, "000")
    assert document.date_source in {"none", "inferred"}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_debris_absent_from_blocks(seeds_dir: Path, prefix: str) -> None:
    document = seed(seeds_dir, prefix)
    for block in document.blocks:
        text = document.clean[block.clean_start : block.clean_end]
        for debris in (
            "Hide Ad",
            "Watch more of our videos",
            "Freeview",
            "Visit Shots",
            "Read More",
            "Related topics",
        ):
            assert debris not in text
    # A caption written twice without a space never survives as content.
    assert "areasNorthamptonshire" not in document.clean
    assert "servicesOfsted" not in document.clean


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_block_offsets_slice_the_original(seeds_dir: Path, prefix: str) -> None:
    document = seed(seeds_dir, prefix)
    raw = (seeds_dir / f"{document.id}.txt").read_bytes().decode("utf-8")
    assert document.text == raw
    for block in document.blocks:
        original = " ".join(raw[block.start : block.end].split())
        clean = document.clean[block.clean_start : block.clean_end]
        assert original.translate(_FOLD) == clean, block
        assert document.offsets.span_to_original(block.clean_start, block.clean_end) == (
            block.start,
            block.end,
        )


_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


def test_title_and_minutes_bullets(seeds_dir: Path) -> None:
    minutes = seed(seeds_dir, "002")
    assert minutes.title == "Fostering services in West Northamptonshire"
    bullets = [b for b in minutes.blocks if b.kind == "bullet"]
    assert len(bullets) > 30
    lead_in = minutes.blocks[bullets[5].lead_in]
    assert minutes.clean[lead_in.clean_start : lead_in.clean_end].endswith(
        "highlighting the following points:"
    )
    article = seed(seeds_dir, "000")
    assert article.title.startswith("Northamptonshire Children's Trust Fostering Agency inadequate")


def test_paragraph_broken_by_page_break_is_joined(seeds_dir: Path) -> None:
    document = seed(seeds_dir, "000")
    assert "their own chronological records." in document.clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Doubled caption and its single repeat are removed; the sentence around stays.
        (
            "First para.\n\nA captionA caption\nA caption\n\nSecond para.",
            "First para.\n\nSecond para.",
        ),
        ("Intro.\n\nRead More\nSome other story headline...\n\nBody.", "Intro.\n\nBody."),
        ("Hide Ad\nHide Ad\nText stays.", "Text stays."),
    ],
)
def test_debris_rules(text: str, expected: str) -> None:
    assert document_from_text(text).clean == expected


def test_front_matter_metadata() -> None:
    text = (
        "---\ntitle: Budget row\ndate: 2024-05-02\nsource: Gazette\nkind: news\n---\n"
        "The council met.\n"
    )
    document = document_from_text(text)
    assert (document.title, document.date, document.date_source) == (
        "Budget row",
        "2024-05-02",
        "front-matter",
    )
    assert (document.source, document.kind) == ("Gazette", "article")
    assert document.clean == "The council met."


def test_manifest_supplies_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nThe council met last night.\n", encoding="utf-8")
    (tmp_path / "corpusmine.csv").write_text(
        "path,date,title,source,kind\na.txt,2021-06-01,,Echo,article\n"
    )
    found = next(f for f in discover([str(tmp_path)]) if not isinstance(f, IngestFailure))
    document = read_document(found)
    assert (document.date, document.date_source, document.source) == (
        "2021-06-01",
        "manifest",
        "Echo",
    )


def _read_one(folder: Path):
    return read_document(
        next(f for f in discover([str(folder)]) if not isinstance(f, IngestFailure))
    )


def test_a_manifest_edited_between_two_runs_in_one_process_is_read_again(tmp_path: Path) -> None:
    (tmp_path / "minutes.txt").write_text("Planning committee.\n\nThe item was deferred.\n")
    manifest = tmp_path / "corpusmine.csv"
    manifest.write_text("path,date,source\nminutes.txt,2022-03-01,Borough\n")
    assert (_read_one(tmp_path).date, _read_one(tmp_path).source) == ("2022-03-01", "Borough")
    manifest.write_text("path,date,source\nminutes.txt,2022-03-15,County Hall\n")
    assert (_read_one(tmp_path).date, _read_one(tmp_path).source) == ("2022-03-15", "County Hall")


def test_a_table_manifest_added_to_a_folder_later_in_one_process_is_found(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("Trial results\n\nThe dose was halved.\n")
    assert _read_one(tmp_path).date_source == "none"
    (tmp_path / "index.tsv").write_text("filename\tpublication_date\nreport.txt\t2019-11-05\n")
    assert (_read_one(tmp_path).date, _read_one(tmp_path).date_source) == ("2019-11-05", "manifest")


def test_header_beats_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2020-01-02\nText.\n", encoding="utf-8")
    (tmp_path / "corpusmine.csv").write_text("path,date\na.txt,2021-06-01\n")
    document = read_document(next(iter(discover([str(tmp_path)]))))
    assert (document.date, document.date_source) == ("2020-01-02", "header")


def test_offset_map_with_collapsed_whitespace() -> None:
    text = "Title\n\nA  \u201cquoted\u201d\u00a0 word   here.\n\n\u00b7   A bullet point"
    document = document_from_text(text)
    assert document.clean == 'Title\n\nA "quoted" word here.\n\nA bullet point'
    start = document.clean.index("word")
    s, e = document.offsets.span_to_original(start, start + 4)
    assert text[s:e] == "word"
    start = document.clean.index("bullet")
    s, e = document.offsets.span_to_original(start, start + len("bullet point"))
    assert text[s:e] == "bullet point"


def test_zero_width_and_unusual_spaces_map_back_character_by_character() -> None:
    text = "Zero\u200bwidth  \u200b gap\u2009thin\r\nnext\u00a0\u00a0line \u201cq\u201d"
    document = document_from_text(text)
    assert document.clean == 'Zerowidth gap thin next line "q"'
    for clean_offset, char in enumerate(document.clean):
        original = text[document.offsets.to_original(clean_offset)]
        assert char == " " or original.translate({0x201C: '"', 0x201D: '"'}) == char


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_offsets_mapped_in_one_walk_equal_one_by_one(seeds_dir: Path, prefix: str) -> None:
    found = next(f for f in discover([str(seeds_dir)]) if f.document_id.startswith(prefix))
    offsets = read_document(found).offsets
    every = list(range(offsets.clean_length + 3))
    assert offsets.to_original_ascending(every) == [offsets.to_original(o) for o in every]
