"""PDF files: text page by page through pypdfium2 (PDFium, Chrome's PDF engine).

pypdfium2 ships PDFium in its wheel, so a fresh machine needs no system binary
(poppler's pdftotext is not there), and it gives each character's box and font size,
which is what turns lines back into paragraphs and headings. A page break is a block
break; lines that repeat in the header or footer band of the pages (running titles,
"Page 3 of 12") are furniture and left out. Where each page starts in the stored text
is kept, so every record can say its page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...knowledge import pdf_rules
from ...records import BlockKind
from .dates import pdf_day
from .types import Extracted, Properties, TextBuilder, UnreadableDocument

NO_TEXT_LAYER = "no text layer: scanned? run OCR first"
_TERMINAL = tuple(".!?:;\"'”’)")
_SOFT_HYPHENS = ("\x02", "\u00ad")
_BULLETS = "•▪◦‣·●■□–-*"


@dataclass(frozen=True)
class _Line:
    """One line of a page: its text and where it sits (PDF points, y grows upwards)."""

    page: int
    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float  # font size of the line's first visible character
    bold: bool
    page_height: float
    placed: bool = True  # False when PDFium gave the text without character positions

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def read_pdf(data: bytes) -> Extracted:
    """The text of every page as blocks, with the document's properties."""
    document = _open(data)
    try:
        properties = _properties(document)
        pages = [_page_lines(document, index) for index in range(len(document))]
    finally:
        document.close()
    visible = sum(len(line.text.replace(" ", "")) for page in pages for line in page)
    if visible < pdf_rules().min_chars_per_page * max(len(pages), 1):
        raise UnreadableDocument(NO_TEXT_LAYER)
    furniture = _furniture(pages)
    lines = [line for page in pages for line in page if _key(line.text) not in furniture
             or not _in_band(line)]  # fmt: skip
    body_size = _body_size(lines)
    gap = _usual_gap(lines)
    builder = TextBuilder()
    title_block = None
    runs_on: float | None = None  # font size of a block the page ended mid-sentence
    for index in range(len(pages)):
        page_blocks = _blocks([line for line in lines if line.page == index], body_size, gap)
        if page_blocks and runs_on is not None and _continues(page_blocks[0], runs_on):
            # A sentence carried over the page break stays one block (a quote or a claim
            # must not be cut by the paper); the page starts inside it.
            builder.new_page(builder.extend(page_blocks.pop(0)[1]))
        else:
            builder.new_page()
        for kind, text, size in page_blocks:
            block = builder.add(kind, text)
            if (
                index == 0
                and title_block is None
                and kind == BlockKind.HEADING
                and block is not None
            ):
                title_block = (block, size)
        if page_blocks:
            kind, text, size = page_blocks[-1]
            open_ended = kind in (BlockKind.PARAGRAPH, BlockKind.BULLET) and not text.endswith(
                _TERMINAL
            )
            runs_on = size if open_ended else None
    printed_title = None
    first_page_sizes = [line.size for line in lines if line.page == 0]
    if title_block and first_page_sizes and title_block[1] >= max(first_page_sizes) - 0.01:
        printed_title = builder.text()[title_block[0].start : title_block[0].end]
        builder.retitle(title_block[0])
    title = properties.title or printed_title
    return builder.build(Properties(title, properties.date, properties.author))


def pdf_properties(data: bytes) -> Properties:
    """Title, creation date and author from the document properties (no text read)."""
    document = _open(data)
    try:
        return _properties(document)
    finally:
        document.close()


def _open(data: bytes):  # -> pypdfium2.PdfDocument
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableDocument("encrypted PDF: it needs a password to open") from error
        if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableDocument("encrypted PDF: unsupported security scheme") from error
        raise UnreadableDocument("broken PDF: PDFium cannot read the file") from error


def _properties(document) -> Properties:
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - a damaged info dictionary only loses the properties
        info = {}
    rules = pdf_rules()
    title = " ".join((info.get("Title") or "").split()) or None
    if title:
        title = rules.junk_title_prefixes.sub("", title).strip() or None
    if title and rules.junk_titles.fullmatch(title):
        title = None
    author = " ".join((info.get("Author") or "").split()) or None
    date = pdf_day(info.get("CreationDate")) or pdf_day(info.get("ModDate"))
    return Properties(title=title, date=date, author=author)


# --- lines --------------------------------------------------------------------------


def _page_lines(document, index: int) -> list[_Line]:
    import pypdfium2.raw as pdfium_c

    page = document[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range() if count else ""
            if len(text) != count:
                # The character index and the text disagree: keep the text, lose geometry.
                return _plain_lines(index, text, height)
            lines = []
            start = 0
            for raw in re.split(r"(\r\n|\n|\r)", text)[::2]:
                end = start + len(raw)
                line = _line(textpage, pdfium_c, index, text, start, end, height)
                if line is not None:
                    lines.append(line)
                start = end + _newline_length(text, end)
        finally:
            textpage.close()
    finally:
        page.close()
    return lines


def _newline_length(text: str, at: int) -> int:
    if text.startswith("\r\n", at):
        return 2
    return 1 if at < len(text) else 0


def _line(textpage, pdfium_c, page: int, text: str, start: int, end: int, height: float):
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return None
    first = start + (len(raw) - len(raw.lstrip()))
    last = start + len(raw.rstrip()) - 1
    left, bottom, _, top = textpage.get_charbox(first, loose=True)
    _, bottom_last, right, top_last = textpage.get_charbox(last, loose=True)
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, first)
    return _Line(
        page=page,
        text=stripped,
        left=left,
        right=right,
        top=max(top, top_last),
        bottom=min(bottom, bottom_last),
        size=round(size, 1),
        bold=weight >= 600,
        page_height=height,
    )


def _plain_lines(page: int, text: str, height: float) -> list[_Line]:
    """Lines without positions: each line its own block (rare: a damaged text layer)."""
    lines = [t.strip() for t in re.split(r"\r\n|\n|\r", text) if t.strip()]
    return [_Line(page, t, 0.0, 0.0, 0.0, 0.0, 0.0, False, height, placed=False) for t in lines]


# --- furniture: running headers and footers ------------------------------------------


def _key(text: str) -> str:
    """A line with its numbers hidden, so "Page 3 of 12" on every page is one line."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _in_band(line: _Line) -> bool:
    if not line.placed:
        return False
    band = pdf_rules().furniture_band * line.page_height
    return line.top >= line.page_height - band or line.bottom <= band


def _furniture(pages: list[list[_Line]]) -> set[str]:
    """Keys of lines that recur in the header or footer band of many pages."""
    rules = pdf_rules()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line.text) for line in page if _in_band(line)})
    needed = max(2, rules.furniture_min_share * len(pages))
    found = {key for key, count in seen.items() if count >= needed}
    found.update(key for key in seen if rules.page_number.fullmatch(key))
    return found


# --- blocks -------------------------------------------------------------------------


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _usual_gap(lines: list[_Line]) -> float:
    """The gap between two lines of one paragraph: the tight end of all gaps (a median
    would be the paragraph gap in a document of short paragraphs), so double-spaced
    text is judged by its own spacing."""
    gaps = sorted(
        previous.bottom - line.top
        for previous, line in zip(lines, lines[1:], strict=False)
        if previous.page == line.page and 0 <= previous.bottom - line.top < 3 * line.height
    )
    return gaps[len(gaps) // 10] if gaps else 0.0


def _blocks(lines: list[_Line], body_size: float, usual_gap: float) -> list[tuple[str, str, float]]:
    """Lines joined into (kind, text, font size) blocks: a larger gap, a change of font,
    a bullet or a short line before ends a block."""
    rules = pdf_rules()
    if not lines:
        return []
    column_right = max(line.right for line in lines)
    column_left = min(line.left for line in lines)
    width = max(column_right - column_left, 1.0)
    groups: list[list[_Line]] = []
    for line in lines:
        if groups:
            previous = groups[-1][-1]
            gap = previous.bottom - line.top
            joined = (
                line.placed
                and previous.placed
                and gap <= usual_gap + rules.paragraph_gap * line.height
                and gap > -line.height  # the next column or a line above: a new block
                and abs(line.size - previous.size) <= 0.1 * max(previous.size, 1.0)
                and line.bold == previous.bold
                and not _bullet(line.text)
                and previous.right >= column_right - 0.2 * width
            )
            if joined:
                groups[-1].append(line)
                continue
        groups.append([line])
    blocks = []
    for group in groups:
        text = _join(group)
        size = group[0].size
        if _bullet(text):
            blocks.append((BlockKind.BULLET, _unbullet(text), size))
        elif _heading(group, text, body_size, rules.heading_size_ratio):
            blocks.append((BlockKind.HEADING, text, size))
        else:
            blocks.append((BlockKind.PARAGRAPH, text, size))
    return blocks


def _continues(block: tuple[str, str, float], size: float) -> bool:
    kind, _, block_size = block
    return kind == BlockKind.PARAGRAPH and abs(block_size - size) <= 0.1 * max(size, 1.0)


def _heading(group: list[_Line], text: str, body_size: float, ratio: float) -> bool:
    if len(text.split()) > 20 or not body_size:
        return False
    if group[0].size >= body_size * ratio:
        return True
    # Bold at body size: a heading when short and not a sentence.
    return all(line.bold for line in group) and len(group) <= 2 and not text.endswith(".")


def _bullet(text: str) -> bool:
    first = text[:1]
    if not first:
        return False
    # Word's bullets through the Symbol font arrive as private-use characters.
    is_marker = first in _BULLETS or 0xE000 <= ord(first) <= 0xF8FF
    return is_marker and text[1:2] in (" ", "\t")


def _unbullet(text: str) -> str:
    return text[1:].strip()


def _join(group: list[_Line]) -> str:
    text = group[0].text
    for line in group[1:]:
        # A soft hyphen at the end of a line splits one word; any other hyphen is kept.
        soft = text.endswith(_SOFT_HYPHENS)
        text = text[:-1] + line.text if soft else f"{text} {line.text}"
    for hyphen in _SOFT_HYPHENS:
        text = text.replace(hyphen, "")
    return text
