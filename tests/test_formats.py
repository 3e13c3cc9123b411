"""Saved web pages, PDFs and Word files (issue 16): what they hold comes out as from text.

Every fixture is built here: seed texts and passages written for these tests, wrapped in
page furniture (HTML), laid out on pages with running headers and footers (fpdf2), or
written as a Word file (python-docx).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusmine.cli import cli
from corpusmine.extract import extract_document
from corpusmine.ingest import FoundFile, discover, document_from_raw, read_raw
from corpusmine.ingest.formats.html import read_html
from corpusmine.records import Extraction, SourceDocument
from corpusmine.runner import run_extract
from corpusmine.store import Store

fpdf = pytest.importorskip("fpdf")
docx = pytest.importorskip("docx")

BULLET = re.compile(r"^\s*[·•\-–*]\s+")
_ASCII = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})

# Page furniture that must never reach the stored text.
NAVIGATION = "Home News Sport Weather iPlayer Sounds"
COOKIES = "We use cookies to give you the best experience. Accept all cookies"
ADVERT = "Advertisement: cheap flights to Malaga from 19 pounds"
RELATED = "Council tax to rise by five per cent next year"
COMMENT = "Disgraceful. Somebody should resign over this, wrote Dave from Corby"
FURNITURE = (NAVIGATION, COOKIES, ADVERT, RELATED, COMMENT)
RUNNING_HEADER = "Northamptonshire Scrutiny Papers - Public Pack"


# --- fixtures: seed texts as blocks, then as each format ------------------------------


def seed_blocks(path: Path) -> list[tuple[str, str]]:
    """(kind, text) per non-empty line of a seed: its first line is the title, lines
    opening with a bullet are list items, short lines without a full stop headings."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and not line.startswith("date ")]
    blocks = [("title", lines[0])]
    for line in lines[1:]:
        if BULLET.match(line):
            blocks.append(("bullet", BULLET.sub("", line)))
        elif len(line) < 40 and not line.endswith((".", '"', "'", "’", "”")):
            blocks.append(("heading", line))
        else:
            blocks.append(("paragraph", line))
    return blocks


def html_page(blocks: list[tuple[str, str]], *, ld: dict | None = None) -> bytes:
    """A news page as a browser saves it: the article among navigation, a cookie
    banner, adverts, related links and comments."""
    from html import escape

    body = []
    items: list[str] = []
    for kind, text in blocks:
        if kind != "bullet" and items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if kind == "title":
            body.append(f"<h1>{escape(text)}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{escape(text)}</h2>")
        elif kind == "bullet":
            items.append(f"<li>{escape(text)}</li>")
        else:
            body.append(f"<p>{escape(text)}</p>")
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    middle = len(body) // 2
    body.insert(middle, f'<div class="advert ad-slot"><p>{ADVERT}</p></div>')
    ld_json = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAVIGATION.split())
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(blocks[0][1])} - The Chronicle</title>
<meta property="og:site_name" content="The Chronicle">
<link rel="canonical" href="https://chronicle.example/news/story-1">
{ld_json}</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIES}</p><button>OK</button></div>
<header><nav class="site-nav"><ul>{nav}</ul></nav></header>
<main><article class="story">{"".join(body)}</article>
<aside class="related-stories"><h3>Related</h3><ul><li><a href="/x">{RELATED}</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>{COMMENT}</p></div>
</section></main><footer><p>Copyright The Chronicle. All rights reserved.</p></footer>
</body></html>"""
    return page.encode("utf-8")


def pdf_file(blocks: list[tuple[str, str]], *, title: str = "", created=None) -> bytes:
    """The blocks typeset on A4 pages with a running header and a page-number footer."""

    class Paper(fpdf.FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, RUNNING_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Paper()
    if title:
        pdf.set_title(title)
    if created is not None:
        pdf.set_creation_date(created)
    pdf.set_author("Democratic Services")
    pdf.add_page()
    for kind, text in blocks:
        text = text.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")
        size, style, indent = {"title": (16, "B", 0), "heading": (12, "B", 0)}.get(
            kind, (10, "", 0)
        )
        if kind == "bullet":
            text, indent = f"- {text}", 6
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def docx_file(blocks: list[tuple[str, str]], *, title: str = "", author: str = "") -> bytes:
    import datetime as dt

    document = docx.Document()
    for kind, text in blocks:
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER  # outside the body: never read
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.created = dt.datetime(2023, 5, 17, 9, 30)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read(path: Path) -> SourceDocument:
    return document_from_raw(read_raw(FoundFile(path, path.stem, path.parent)))


def extract(nlp, source: SourceDocument) -> Extraction:
    return extract_document(nlp(source.clean), source)


def norm(text: str) -> str:
    return " ".join(text.translate(_ASCII).split())


def quotes_of(extraction: Extraction) -> set[tuple[str, str]]:
    return {(norm(q.speaker_text), norm(q.text)) for q in extraction.quotes}


def assert_offsets_slice_stored_text(extraction: Extraction) -> None:
    text = extraction.document.text
    assert extraction.mentions and extraction.quotes
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.text
    for quote in extraction.quotes:
        assert norm(text[quote.start : quote.end]).strip("\"' ") == norm(quote.text).strip("\"' ")


# --- HTML ---------------------------------------------------------------------------


def test_web_page_keeps_the_article_and_drops_the_furniture(seeds_dir: Path, tmp_path) -> None:
    blocks = seed_blocks(seeds_dir / "001_a4a2f7c9588256ae.txt")
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": blocks[0][1],
        "datePublished": "2023-05-18T07:00:00+01:00",
        "author": [{"@type": "Person", "name": "Sam Reporter"}],
        "publisher": {"@type": "Organization", "name": "The Chronicle"},
    }
    page = tmp_path / "story.html"
    page.write_bytes(html_page(blocks, ld=ld))
    source = read(page)
    for furniture in FURNITURE:
        assert furniture not in source.text
    for kind, text in blocks:
        assert text in source.text, (kind, text)
    assert source.title == blocks[0][1]
    assert (source.date, source.date_source) == ("2023-05-18", "page")
    assert source.source == "The Chronicle"
    assert source.author == "Sam Reporter"
    assert source.url == "https://chronicle.example/news/story-1"
    assert source.encoding == "html"
    assert source.blocks[0].kind == "title"
    assert source.kind == "article"


def test_page_metadata_from_meta_tags_when_there_is_no_json_ld() -> None:
    page = b"""<html><head><title>Striker signs for Rovers | Northern Echo Sport</title>
<meta property="og:title" content="Striker signs for Rovers on a three-year deal">
<meta property="article:published_time" content="2022-08-01T18:30:00Z">
<meta name="author" content="By Priya Shah and Tom Wells">
<meta property="og:url" content="https://echo.example/sport/striker"></head><body>
<article><h1>Striker signs for Rovers on a three-year deal</h1>
<p>Rovers have signed the striker Dean Holt from City for an undisclosed fee, the club
announced on Monday evening after a medical at the training ground.</p>
<p>"Dean is exactly the player we have been looking for all summer," manager Lisa Grant
said. "He scores goals and he works for the team."</p>
<p>Holt, 24, scored 19 league goals last season and becomes the club's fourth signing of
the window, which closes at the end of the month.</p></article></body></html>"""
    extracted = read_html(page)
    properties = extracted.properties
    assert properties.title == "Striker signs for Rovers on a three-year deal"
    assert properties.date == "2022-08-01"
    assert properties.author == "Priya Shah; Tom Wells"
    assert properties.site == "Northern Echo Sport"
    assert properties.url == "https://echo.example/sport/striker"
    # The page's own headline is the title block, not repeated above it.
    assert extracted.text.count("Striker signs for Rovers") == 1
    assert [b.kind for b in extracted.blocks][:2] == ["title", "paragraph"]


def test_promotional_boxes_inside_the_article_are_dropped() -> None:
    paragraphs = [
        "The reservoir was at 38 per cent of capacity on Friday, the lowest level recorded "
        "in August since the water company began publishing figures in 1995.",
        "A hosepipe ban will begin next week for two million customers, the company said, "
        "and it asked households to take shorter showers until the autumn rains arrive.",
        "Farmers said the dry summer had already cut yields of wheat and barley by a fifth "
        "in parts of the county, and that feed for livestock was running low.",
    ]
    promo = (
        '<div class="factbox"><h3>Sign up for the Valley Times newsletter</h3>'
        "<p>Get the day's headlines in your inbox every morning.</p></div>"
        '<section class="c-letters-cta"><p>Tell us what you think: write to the editor.</p>'
        "</section>"
    )
    page = (
        "<html><head><title>Reservoir at record low</title></head><body><article>"
        "<h1>Reservoir at record low</h1>"
        f"<p>{paragraphs[0]}</p>{promo}<p>{paragraphs[1]}</p><p>{paragraphs[2]}</p>"
        "</article></body></html>"
    ).encode()
    text = read_html(page).text
    for paragraph in paragraphs:
        assert paragraph in text
    assert "newsletter" not in text and "inbox" not in text
    assert "write to the editor" not in text


def test_minutes_page_is_minutes_with_its_structure(nlp) -> None:
    """A council's minutes page (the shape of ModernGov and eScribe pages)."""
    page = b"""<html><head><title>Minutes - Planning Committee, 12 March 2024</title></head>
<body><div id="mgHeader"><a href="/">Home</a> <a href="/committees">Committees</a></div>
<div class="mgContent"><h1>Minutes of the Planning Committee</h1>
<p>Present: Councillor R. Patel (Chair), Councillors S. Okafor and J. Lindqvist</p>
<p>Apologies: Councillor M. Byrne</p>
<h2>4. Land at Mill Lane, Harby</h2>
<p>The Head of Planning introduced the application for 40 homes, highlighting the following
points:</p>
<ul><li>The site was allocated for housing in the adopted local plan.</li>
<li>Highways officers had raised no objection to the new access.</li></ul>
<p>Councillor Okafor asked whether the drainage scheme had been agreed with the water company.</p>
<p>RESOLVED: That planning permission be granted subject to the conditions in the report.</p>
</div><div class="mgFooter">Democratic Services, Town Hall</div></body></html>"""
    from corpusmine.ingest import document_from_extracted

    source = document_from_extracted(read_html(page), "html", document_id="planning")
    assert source.kind == "minutes"
    kinds = [b.kind for b in source.blocks]
    assert kinds.count("bullet") == 2 and "heading" in kinds
    lead_in = source.blocks[kinds.index("bullet")].lead_in
    assert "following" in source.text[source.blocks[lead_in].start : source.blocks[lead_in].end]
    assert "Committees" not in source.text
    quotes = extract(nlp, source).quotes
    said = {norm(q.text) for q in quotes}
    assert "The site was allocated for housing in the adopted local plan." in said


# --- the same seeds through every format --------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".docx"])
@pytest.mark.parametrize("seed", ["001_a4a2f7c9588256ae", "003_467cbd40a588e381"])
def test_seed_quotes_and_entities_come_out_of_each_format(
    nlp, seeds_dir: Path, tmp_path: Path, suffix: str, seed: str
) -> None:
    text_file = seeds_dir / f"{seed}.txt"
    blocks = seed_blocks(text_file)
    path = tmp_path / f"{seed}{suffix}"
    write = {".html": html_page, ".pdf": pdf_file, ".docx": docx_file}[suffix]
    path.write_bytes(write(blocks))
    as_text = extract(nlp, read(text_file))
    as_format = extract(nlp, read(path))
    assert_offsets_slice_stored_text(as_format)
    expected = quotes_of(as_text)
    assert expected, "the seed must have quotes to compare"
    assert quotes_of(as_format) == expected
    people = {norm(m.text) for m in as_text.mentions if m.label == "PERSON"}
    assert people <= {norm(m.text) for m in as_format.mentions if m.label == "PERSON"}
    if suffix == ".pdf":
        assert RUNNING_HEADER not in as_format.document.text
        assert "Page 1 of" not in as_format.document.text


def test_minutes_seed_as_pdf_is_minutes_with_its_statements(nlp, seeds_dir: Path, tmp_path):
    text_file = seeds_dir / "002_a567c5bbb173bc07.txt"
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf_file(seed_blocks(text_file)))
    source = read(path)
    assert source.kind == "minutes"
    assert len(source.pages) >= 2
    as_text, as_pdf = extract(nlp, read(text_file)), extract(nlp, source)
    statements = {norm(q.text) for q in as_text.quotes if q.cue == "lead-in"}
    assert statements
    assert statements == {norm(q.text) for q in as_pdf.quotes if q.cue == "lead-in"}


# --- PDF pages, properties and bad PDFs ---------------------------------------------


def test_every_pdf_record_can_say_its_page(nlp, seeds_dir: Path, tmp_path: Path) -> None:
    import datetime as dt

    import pypdfium2 as pdfium

    blocks = seed_blocks(seeds_dir / "000_8f1243ab9ff67e7d.txt")
    data = pdf_file(blocks, title="Fostering agency report", created=dt.datetime(2023, 3, 22))
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    source = read(path)
    assert (source.title, source.date, source.date_source) == (
        "Fostering agency report",
        "2023-03-22",
        "properties",
    )
    assert source.author == "Democratic Services"
    document = pdfium.PdfDocument(data)
    page_texts = [norm(page.get_textpage().get_text_range()) for page in document]
    assert len(source.pages) == len(page_texts) >= 2
    extraction = extract(nlp, source)
    pages_seen = set()
    for quote in extraction.quotes:
        page = source.page_of(quote.start)
        # The quote's first words are printed on the page it is said to be on.
        opening = " ".join(norm(quote.text).split()[:3])
        assert opening in page_texts[page - 1], (page, quote.text)
        pages_seen.add(page)
    assert len(pages_seen) >= 2


def _textless_pdf() -> bytes:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    pdf.rect(20, 20, 150, 200, style="F")  # a scanned page: a picture, no text
    return bytes(pdf.output())


def _encrypted_pdf() -> bytes:
    pdf = fpdf.FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Confidential: the budget gap is 4 million pounds.")
    return bytes(pdf.output())


def test_bad_pdfs_fail_one_line_each_and_the_rest_is_stored(seeds_dir: Path, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    blocks = seed_blocks(seeds_dir / "004_c40e236ad98d6d9d.txt")
    (corpus / "good.pdf").write_bytes(pdf_file(blocks))
    (corpus / "good-word.docx").write_bytes(docx_file(blocks))
    (corpus / "scanned.pdf").write_bytes(_textless_pdf())
    (corpus / "locked.pdf").write_bytes(_encrypted_pdf())
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>\ntruncated")
    (corpus / "notes.docx").write_bytes(b"not a zip file at all")
    (corpus / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (corpus / "data.json").write_text("{}")
    db = tmp_path / "bad.db"
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--db", str(db)])
    assert result.exit_code == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    by_file = {Path(line.split(":")[0].removeprefix("skipped ")).name: line for line in failures}
    assert set(by_file) == {"scanned.pdf", "locked.pdf", "broken.pdf", "notes.docx"}
    assert len(failures) == 4
    assert "no text layer: scanned? run OCR first" in by_file["scanned.pdf"]
    assert "encrypted" in by_file["locked.pdf"] and "password" in by_file["locked.pdf"]
    assert "broken PDF" in by_file["broken.pdf"]
    assert "not a readable Word file" in by_file["notes.docx"]
    summary = " ".join(result.stderr.split())
    assert "skipped 2 files of unsupported types: .json (1), .xlsx (1)" in summary
    with Store(db, create=False) as store:
        stored = {d.id: d.encoding for d in store.documents()}
    assert stored == {"good": "pdf", "good-word": "docx"}


def test_unsupported_files_are_counted_not_passed_over(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A short note about the budget.")
    (tmp_path / "page.html").write_text("<p>x</p>")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    (tmp_path / "slides.pptx").write_bytes(b"PK")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "corpusmine.csv").write_text("path,date\n")
    skipped: list[Path] = []
    found = [f.path.name for f in discover([str(tmp_path)], on_skipped=skipped.append)]
    assert found == ["a.txt", "page.html"]
    assert sorted(p.name for p in skipped) == ["sheet.xlsx", "slides.pptx"]


# --- Word files -----------------------------------------------------------------------


def test_word_file_paragraphs_headings_lists_and_properties(tmp_path: Path) -> None:
    blocks = [
        ("title", "Library opening hours review"),
        (
            "paragraph",
            "The council consulted 2,300 residents on the opening hours of its "
            "eleven libraries between January and March.",
        ),  # fmt: skip
        ("heading", "Findings"),
        ("bullet", "Most respondents wanted later opening on Thursdays."),
        ("bullet", "Saturday mornings were the busiest time at every branch."),
        ("paragraph", "Officers recommend a trial of evening opening at three branches."),
    ]
    path = tmp_path / "review.docx"
    path.write_bytes(docx_file(blocks, title="Opening hours review", author="Jo Adeyemi"))
    source = read(path)
    assert [b.kind for b in source.blocks] == [kind for kind, _ in blocks]
    for block, (_, text) in zip(source.blocks, blocks, strict=True):
        assert source.text[block.start : block.end] == text
    assert RUNNING_HEADER not in source.text
    assert (source.title, source.author) == ("Opening hours review", "Jo Adeyemi")
    assert (source.date, source.date_source) == ("2023-05-17", "properties")


def test_explicit_manifest_date_beats_the_files_own(tmp_path: Path) -> None:
    blocks = [("title", "Parking charges"), ("paragraph", "Charges rise by 20p an hour.")]
    (tmp_path / "parking.docx").write_bytes(docx_file(blocks, title="Parking"))
    (tmp_path / "corpusmine.csv").write_text("path,date\nparking.docx,2024-01-09\n")
    source = read(tmp_path / "parking.docx")
    assert (source.date, source.date_source) == ("2024-01-09", "manifest")


# --- the run: unchanged files by their bytes, worker processes ------------------------


def test_unchanged_files_are_skipped_by_their_bytes(seeds_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    blocks = seed_blocks(seeds_dir / "004_c40e236ad98d6d9d.txt")
    (corpus / "a.html").write_bytes(html_page(blocks))
    (corpus / "b.pdf").write_bytes(pdf_file(blocks))
    (corpus / "c.docx").write_bytes(docx_file(blocks))
    db = tmp_path / "u.db"
    with Store(db) as store:
        first = run_extract([str(corpus)], store, jobs=2, batch_size=1)
        assert sorted(first.extracted) == ["a", "b", "c"] and not first.failures
        again = run_extract([str(corpus)], store)
        assert again.extracted == () and sorted(again.unchanged) == ["a", "b", "c"]
        (corpus / "c.docx").write_bytes(docx_file([*blocks, ("paragraph", "A late addition.")]))
        third = run_extract([str(corpus)], store)
        assert third.extracted == ("c",)
        text = store.document_text("c")
    assert text is not None and text.rstrip().endswith("A late addition.")


# --- page provenance through the store, the queries and the report --------------------


def test_pdf_pages_reach_the_json_and_the_report(seeds_dir: Path, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    blocks = seed_blocks(seeds_dir / "000_8f1243ab9ff67e7d.txt")
    data = pdf_file(blocks)
    (corpus / "report.pdf").write_bytes(data)
    (corpus / "note.txt").write_text(
        'Cllr Ann Lee said: "The library will reopen in May after the roof repairs."\n'
    )
    db = tmp_path / "p.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["extract", str(corpus), "--db", str(db)]).exit_code == 0
    page_texts = [norm(p.get_textpage().get_text_range()) for p in pdfium.PdfDocument(data)]

    def listed(*args: str) -> list[dict]:
        result = runner.invoke(cli, [*args, "--db", str(db), "--format", "json"])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    with Store(db, create=False) as store:
        text = store.document_text("report")
        authors = {d.id: d.author for d in store.documents()}
    assert authors == {"report": "Democratic Services", "note": None}
    for kind, records in (("mention", listed("mentions")), ("quote", listed("who-said"))):
        in_pdf = [r for r in records if r["document"] == "report"]
        assert in_pdf, kind
        assert {r["page"] for r in records if r["document"] == "note"} == {None}
        for record in in_pdf:
            words = " ".join(norm(text[record["start"] : record["end"]]).split()[:3])
            assert words in page_texts[record["page"] - 1], (kind, record)
        assert len({r["page"] for r in in_pdf}) >= 2, kind
    claims = [c for c in listed("claims") if c["document"] == "report"]
    assert claims and all(c["page"] for c in claims)
    html = runner.invoke(cli, ["report", "--db", str(db), "--format", "html"]).stdout
    assert re.search(r">[^<>]+, p\. 2\b", html)  # the document (by title), then its page


def test_a_version_3_database_gains_pages_author_and_url(tmp_path: Path) -> None:
    import sqlite3

    from corpusmine.store.schema import MIGRATIONS, SCHEMA_V1

    path = tmp_path / "v3.db"
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA_V1 + MIGRATIONS[1] + MIGRATIONS[2])
    connection.execute("PRAGMA application_id = 1668114798")
    connection.execute("PRAGMA user_version = 3")
    connection.execute(
        "INSERT INTO documents VALUES ('a', 'a.txt', '', 'old', 'utf-8', 'A', 'article', NULL,"
        " 'none', NULL, NULL, 'Some text.', 2, '', NULL)"
    )
    connection.commit()
    connection.close()
    with Store(path) as store:
        (document,) = store.documents()
        assert (document.author, document.url) == (None, None)
        assert store.page_starts(["a"]) == {}


def test_a_headline_carrying_the_site_name_is_cut_and_the_site_kept() -> None:
    page = b"""<html><head><title>Ferry fares frozen | Island Courier</title>
<meta property="og:title" content="Ferry fares frozen for a second year | Island Courier">
<meta property="og:site_name" content="Island Courier">
<meta name="application-name" content="Ferry fares frozen for a second year"></head><body>
<article><p>Fares on the mainland ferry will stay at 2023 prices for another year, the
operator said on Tuesday, after a consultation drew more than 4,000 responses.</p>
<p>The operator said fuel costs had fallen since the spring and that the frozen fares
would cost it about 1.2 million pounds in lost revenue.</p></article></body></html>"""
    properties = read_html(page).properties
    assert properties.title == "Ferry fares frozen for a second year"
    assert properties.site == "Island Courier"
