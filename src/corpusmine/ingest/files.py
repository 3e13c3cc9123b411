"""Find the documents under the paths given to ``extract`` and read their bytes safely."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import IngestFailure

DOCUMENT_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FoundFile:
    """A candidate document: where it is and the id it will be stored under."""

    path: Path
    document_id: str
    root: Path


def document_id(path: Path, root: Path) -> str:
    """Path relative to the folder given to ``extract``, without its extension."""
    try:
        relative = path.relative_to(root) if root.is_dir() else Path(path.name)
    except ValueError:
        relative = Path(path.name)
    return relative.with_suffix("").as_posix()


def discover(paths: list[str]) -> Iterator[FoundFile | IngestFailure]:
    """Yield every ``.txt``/``.md`` file under ``paths`` (recursively), in a stable order.

    Missing paths and symlink loops are yielded as failures instead of raising, so one
    bad path never stops the rest of the corpus.
    """
    for raw in paths:
        root = Path(raw)
        if not os.path.lexists(root):
            yield IngestFailure(raw, "no such file or folder")
            continue
        if root.is_file():
            yield FoundFile(root, document_id(root, root), root)
            continue
        if os.path.exists(root) and not root.is_dir():
            yield IngestFailure(raw, "not a regular file or folder")
            continue
        if not root.is_dir():
            yield IngestFailure(raw, _unreachable_reason(root))
            continue
        yield from _walk(root)


def _walk(root: Path) -> Iterator[FoundFile | IngestFailure]:
    seen_dirs: set[str] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        real = os.path.realpath(folder)
        if real in seen_dirs:
            # A symlink pointing back up the tree: report once, do not descend.
            yield IngestFailure(folder, "symlink loop: folder already visited, skipped")
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(folder) / name
            if path.suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            if not path.is_file():
                # Dangling or looping symlinks, FIFOs, sockets: never opened.
                yield IngestFailure(str(path), _unreachable_reason(path))
                continue
            yield FoundFile(path, document_id(path, root), root)


def _unreachable_reason(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop"
        if error.errno == errno.ENOENT and os.path.islink(path):
            return "broken symlink (target does not exist)"
        return error.strerror or str(error)
    return "not a regular file (device, FIFO or socket), skipped"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Bytes of ``path``; raises ``OSError``/``ValueError`` with a readable reason."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(
            f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit "
            "(raise it with --max-mb)"
        )
    with open(path, "rb") as handle:
        return handle.read(max_bytes + 1)
