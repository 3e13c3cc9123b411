"""Ingest: read files, decode, read metadata, strip debris, find structure.

``read_document`` turns one file into a ``SourceDocument``; ``discover`` lists the
files under the paths given to ``extract``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import DocumentError
from ..records import BlockKind, SourceDocument
from .decode import NotText, decode
from .files import (
    DEFAULT_MAX_BYTES,
    FolderNotice,
    FoundFile,
    discover,
    document_id,
    read_bytes,
)
from .kind import detect_kind, find_title
from .layout import build_layout
from .metadata import Metadata, read_metadata

__all__ = [
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
]


@dataclass(frozen=True)
class RawFile:
    """A file decoded but not yet laid out: enough to decide whether it changed."""

    found: FoundFile
    text: str
    encoding: str
    sha256: str

    @property
    def metadata(self) -> Metadata:
        return read_metadata(self.text, self.found.path, self.found.root)


def read_raw(found: FoundFile, max_bytes: int = DEFAULT_MAX_BYTES) -> RawFile:
    """Read and decode one file; raises ``DocumentError`` naming the reason."""
    path = str(found.path)
    try:
        data = read_bytes(found.path, max_bytes)
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


def document_from_raw(raw: RawFile) -> SourceDocument:
    """Lay out a decoded file as a ``SourceDocument``."""
    found = raw.found
    return document_from_text(
        raw.text, document_id=found.document_id, path=str(found.path), encoding=raw.encoding,
        sha256=raw.sha256, file_path=found.path, root=found.root,
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
) -> SourceDocument:
    """Build a ``SourceDocument`` from text already in memory (also used by tests)."""
    file_path = file_path or Path(path or f"{document_id}.txt")
    metadata = read_metadata(text, file_path, root or file_path.parent)
    layout = build_layout(text, metadata.body_start)
    blocks = layout.blocks
    title, title_index = find_title(text, blocks)
    if title_index is not None:
        blocks = tuple(
            replace(b, kind=BlockKind.TITLE) if i == title_index else b
            for i, b in enumerate(blocks)
        )
    if metadata.title:
        title = metadata.title
    kind = metadata.kind or detect_kind(text[metadata.body_start :], blocks)
    return SourceDocument(
        id=document_id,
        path=path,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
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
    )
