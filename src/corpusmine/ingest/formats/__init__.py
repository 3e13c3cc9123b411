"""Readers for documents as users hold them: saved web pages, PDFs and Word files.

Each reader turns a file's bytes into an ``Extracted``: the text that is stored (every
offset points into it), its blocks with their kinds, where each page starts, and the
document's own properties (title, date, author, site, address). ``.txt`` and ``.md``
have no reader here: they are decoded as text (``ingest.decode``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .types import Extracted, Properties, TextBlock, TextBuilder, UnreadableDocument

__all__ = [
    "Extracted",
    "FormatReader",
    "Properties",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "TextBlock",
    "TextBuilder",
    "UnreadableDocument",
    "reader_for",
]

TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class FormatReader:
    """How one file format is read: in full, or only its properties (cheap, no text)."""

    name: str  # stored as the document's encoding: "html", "pdf", "docx"
    read: Callable[[bytes], Extracted]
    properties: Callable[[bytes], Properties]


def _html_read(data: bytes) -> Extracted:
    from .html import read_html  # trafilatura is imported only when a page is read

    return read_html(data)


def _html_properties(data: bytes) -> Properties:
    from .html import html_properties

    return html_properties(data)


def _pdf_read(data: bytes) -> Extracted:
    from .pdf import read_pdf

    return read_pdf(data)


def _pdf_properties(data: bytes) -> Properties:
    from .pdf import pdf_properties

    return pdf_properties(data)


def _docx_read(data: bytes) -> Extracted:
    from .docx import read_docx

    return read_docx(data)


def _docx_properties(data: bytes) -> Properties:
    from .docx import docx_properties

    return docx_properties(data)


_HTML = FormatReader("html", _html_read, _html_properties)
READERS: dict[str, FormatReader] = {
    ".html": _HTML,
    ".htm": _HTML,
    ".pdf": FormatReader("pdf", _pdf_read, _pdf_properties),
    ".docx": FormatReader("docx", _docx_read, _docx_properties),
}
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, *READERS)


def reader_for(path: Path) -> FormatReader | None:
    """The reader of ``path``'s format, or None for text files (and unknown types)."""
    return READERS.get(path.suffix.lower())
