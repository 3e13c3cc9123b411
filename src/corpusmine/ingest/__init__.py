"""Ingest: read files, decode, read metadata, strip debris, find structure.

``read_document`` turns one file into a ``SourceDocument``; ``discover`` lists the
files under the paths given to ``extract``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ..errors import DocumentError
from ..records import BlockKind, SourceDocument
from .boilerplate import Boilerplate, LineKey, find_boilerplate, has_furniture, line_keys
from .decode import NotText, decode
from .files import (
    DEFAULT_MAX_BYTES,
    FolderNotice,
    FoundFile,
    discover,
    document_id,
    read_bytes,
)
from .formats import Extracted, FormatReader, UnreadableDocument, reader_for
from .formats.merge import merge_properties
from .kind import detect_kind, find_title
from .layout import build_layout
from .metadata import Metadata, read_metadata

__all__ = [
    "Boilerplate",
    "find_boilerplate",
    "line_keys",
    "DEFAULT_MAX_BYTES",
    "FolderNotice",
    "FoundFile",
    "discover",
    "document_id",
    "RawFile",
    "document_from_raw",
    "read_document",
    "read_raw",
    "document_from_text",
    "document_from_extracted",
]


@dataclass(frozen=True)
class RawFile:
    """A file read but not yet laid out: enough to decide whether it changed.

    A text file is decoded here; a web page, PDF or Word file keeps its bytes
    (``reader`` set) and is only parsed when laid out, so an unchanged one costs a hash.
    """

    found: FoundFile
    text: str
    encoding: str
    sha256: str
    reader: FormatReader | None = None
    data: bytes = b""

    @cached_property
    def metadata(self) -> Metadata:
        """Metadata from the header, front matter or manifest; for a page, PDF or Word
        file only what lies outside its bytes (its own properties are in the hash). Read
        once: the first pass asks for it more than once per file."""
        return read_metadata(self.text, self.found.path, self.found.root)

    def own_date(self) -> tuple[str | None, str]:
        """The date a page, PDF or Word file gives itself and where it came from (parses
        the file's metadata, not its text); ``(None, "none")`` for text files."""
        if self.reader is None:
            return None, "none"
        try:
            properties = self.reader.properties(self.data)
        except UnreadableDocument:
            return None, "none"
        merged = merge_properties(self.metadata, properties, self.reader.name)
        return merged.date, merged.date_source

    def body_lines(self) -> tuple[LineKey, ...]:
        """The keyed body lines the corpus's boilerplate is found from. A page, PDF or
        Word file is parsed for them (its blocks are its lines); one that cannot be read
        has none, and fails when it is laid out."""
        if self.reader is None:
            return line_keys(self.text, self.metadata.body_start, self.metadata.kind)
        try:
            extracted = self.reader.read(self.data)
        except UnreadableDocument:
            return ()
        metadata = read_metadata(extracted.text, self.found.path, self.found.root)
        return line_keys(extracted.text, metadata.body_start, metadata.kind)


def read_raw(found: FoundFile, max_bytes: int = DEFAULT_MAX_BYTES) -> RawFile:
    """Read and decode one file; raises ``DocumentError`` naming the reason."""
    path = str(found.path)
    reader = reader_for(found.path)
    try:
        data = read_bytes(found.path, max_bytes)
        if reader is not None:
            if not data.strip():
                raise NotText("empty file")
            return RawFile(found, "", reader.name, hashlib.sha256(data).hexdigest(), reader, data)
        text, encoding = decode(data)
    except NotText as error:
        raise DocumentError(path, str(error)) from error
    except ValueError as error:
        raise DocumentError(path, str(error)) from error
    except PermissionError as error:
        raise DocumentError(path, "permission denied") from error
    except OSError as error:
        raise DocumentError(path, error.strerror or str(error)) from error
    return RawFile(found, text, encoding, hashlib.sha256(data).hexdigest())


def document_from_raw(raw: RawFile, boilerplate: Boilerplate | None = None) -> SourceDocument:
    """Lay out a read file as a ``SourceDocument`` (a text file without the corpus's
    ``boilerplate``); raises ``DocumentError`` when a page, PDF or Word file cannot be
    read (``no text layer: scanned? run OCR first``)."""
    found = raw.found
    if raw.reader is not None:
        try:
            extracted = raw.reader.read(raw.data)
        except UnreadableDocument as error:
            raise DocumentError(str(found.path), str(error)) from error
        return document_from_extracted(
            extracted, raw.reader.name, document_id=found.document_id, path=str(found.path),
            sha256=raw.sha256, file_path=found.path, root=found.root, boilerplate=boilerplate,
        )  # fmt: skip
    return document_from_text(
        raw.text, document_id=found.document_id, path=str(found.path), encoding=raw.encoding,
        sha256=raw.sha256, file_path=found.path, root=found.root, boilerplate=boilerplate,
    )  # fmt: skip


def read_document(found: FoundFile, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read, decode and lay out one file; raises ``DocumentError`` naming the reason."""
    return document_from_raw(read_raw(found, max_bytes))


def document_from_text(
    text: str,
    *,
    document_id: str = "doc",
    path: str = "",
    encoding: str = "utf-8",
    sha256: str | None = None,
    file_path: Path | None = None,
    root: Path | None = None,
    boilerplate: Boilerplate | None = None,
) -> SourceDocument:
    """Build a ``SourceDocument`` from text already in memory (also used by tests)."""
    file_path = file_path or Path(path or f"{document_id}.txt")
    metadata = read_metadata(text, file_path, root or file_path.parent)
    return _document(
        text, metadata, document_id=document_id, path=path, encoding=encoding,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        boilerplate=boilerplate,
    )  # fmt: skip


def document_from_extracted(
    extracted: Extracted,
    format_name: str,
    *,
    document_id: str = "doc",
    path: str = "",
    sha256: str | None = None,
    file_path: Path | None = None,
    root: Path | None = None,
    boilerplate: Boilerplate | None = None,
) -> SourceDocument:
    """Build a ``SourceDocument`` from a page, PDF or Word file's extracted text: its
    blocks keep their kinds, its properties fill what no explicit metadata gives, and
    blocks that are the corpus's ``boilerplate`` are left out like a text file's lines."""
    file_path = file_path or Path(path or f"{document_id}.{format_name}")
    metadata = merge_properties(
        read_metadata(extracted.text, file_path, root or file_path.parent),
        extracted.properties,
        format_name,
    )
    kinds = {b.start: b.kind for b in extracted.blocks}
    return _document(
        extracted.text, metadata, document_id=document_id, path=path, encoding=format_name,
        sha256=sha256 or hashlib.sha256(extracted.text.encode("utf-8")).hexdigest(),
        kinds=kinds, pages=extracted.pages, author=extracted.properties.author,
        url=extracted.properties.url, boilerplate=boilerplate,
    )  # fmt: skip


def _document(
    text: str,
    metadata: Metadata,
    *,
    document_id: str,
    path: str,
    encoding: str,
    sha256: str,
    kinds: Mapping[int, BlockKind] | None = None,
    pages: tuple[int, ...] = (),
    author: str | None = None,
    url: str | None = None,
    boilerplate: Boilerplate | None = None,
) -> SourceDocument:
    body = text[metadata.body_start :]
    furnished = has_furniture(body, metadata.kind)  # minutes are their own record
    layout = build_layout(text, metadata.body_start, kinds, boilerplate if furnished else None)
    blocks = layout.blocks
    title_index = next((i for i, b in enumerate(blocks) if b.kind == BlockKind.TITLE), None)
    if title_index is not None:
        title = " ".join(text[blocks[title_index].start : blocks[title_index].end].split())
    else:
        title, title_index = find_title(text, blocks)
        if title_index is not None:
            blocks = tuple(
                replace(b, kind=BlockKind.TITLE) if i == title_index else b
                for i, b in enumerate(blocks)
            )
    if metadata.title:
        title = metadata.title
    kind = metadata.kind or detect_kind(body, blocks, is_minutes=not furnished)
    return SourceDocument(
        id=document_id,
        path=path,
        sha256=sha256,
        encoding=encoding,
        text=text,
        clean=layout.clean,
        offsets=layout.offsets,
        title=title,
        kind=kind,
        date=metadata.date,
        date_source=metadata.date_source,
        blocks=blocks,
        source=metadata.source,
        debris=layout.debris,
        boilerplate=layout.boilerplate,
        pages=pages,
        author=author,
        url=url,
    )
