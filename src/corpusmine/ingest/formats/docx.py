"""Word files (.docx) through python-docx: paragraphs, headings, list items, tables.

The body is read in document order (paragraphs and tables interleaved, as printed);
a paragraph's style or its numbering says whether it is a heading, the title or a list
item. Running headers and footers live outside the body and are not read. Properties:
title, created date, author.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ...knowledge import docx_styles
from ...records import BlockKind
from .dates import iso_day
from .types import Extracted, Properties, TextBuilder, UnreadableDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes) -> Extracted:
    """The body of a Word file as blocks, with its core properties."""
    document = _open(data)
    properties = _properties(document)
    builder = TextBuilder()
    title_block = None
    for kind, text in _body(document):
        block = builder.add(kind, text)
        if kind == BlockKind.TITLE and block is not None and title_block is None:
            title_block = block
    if not builder.blocks:
        raise UnreadableDocument("empty Word document (no text in its body)")
    printed = builder.text()[title_block.start : title_block.end] if title_block else None
    return builder.build(
        Properties(properties.title or printed, properties.date, properties.author)
    )


def docx_properties(data: bytes) -> Properties:
    """Title, created date and author from the core properties (no text read)."""
    return _properties(_open(data))


def _open(data: bytes):  # -> docx.document.Document
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"not a readable Word file (.docx): {error}") from error
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds on bad parts
        raise UnreadableDocument(
            f"not a readable Word file (.docx): {type(error).__name__}: {error}"
        ) from error


def _properties(document) -> Properties:
    core = document.core_properties
    title = " ".join((core.title or "").split()) or None
    author = " ".join((core.author or "").split()) or None
    return Properties(title=title, date=iso_day(core.created), author=author)


def _body(document) -> Iterator[tuple[str, str]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document)
            yield _kind(paragraph), paragraph.text
        elif child.tag == f"{_W}tbl":
            yield from _table(Table(child, document))


def _kind(paragraph) -> str:
    styles = docx_styles()
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if styles.title.fullmatch(name):
        return BlockKind.TITLE
    if styles.heading.fullmatch(name):
        return BlockKind.HEADING
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if numbered or styles.list_item.fullmatch(name):
        return BlockKind.BULLET
    return BlockKind.PARAGRAPH


def _table(table) -> Iterator[tuple[str, str]]:
    """One block per row, its cells joined by " | " (merged cells once)."""
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            yield BlockKind.PARAGRAPH, " | ".join(cells)
