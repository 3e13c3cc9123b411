"""Find the documents under the paths given to ``extract`` and read their bytes safely."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import IngestFailure
from .formats import SUPPORTED_SUFFIXES
from .metadata import MANIFEST_NAME

DOCUMENT_SUFFIXES = SUPPORTED_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FoundFile:
    """A candidate document: where it is and the id it will be stored under."""

    path: Path
    document_id: str
    root: Path

    @property
    def origin(self) -> str:
        """The file's absolute path (links not resolved): what its id stands for."""
        return os.path.abspath(self.path)


@dataclass(frozen=True)
class FolderNotice:
    """Not a failure, but worth a line: a folder given that holds no document."""

    path: str
    message: str


def document_id(path: Path, root: Path) -> str:
    """Path relative to the folder given to ``extract``, without its extension."""
    try:
        relative = path.relative_to(root) if root.is_dir() else Path(path.name)
    except ValueError:
        relative = Path(path.name)
    return relative.with_suffix("").as_posix()


def discover(
    paths: list[str],
    *,
    follow_links: bool = False,
    on_skipped: Callable[[Path], None] | None = None,
) -> Iterator[FoundFile | IngestFailure | FolderNotice]:
    """Yield every readable document (``DOCUMENT_SUFFIXES``) under ``paths``
    (recursively), in a stable order.

    Missing paths, symlink loops and folders that cannot be read are yielded as failures
    instead of raising, so one bad path never stops the rest of the corpus. A symlink
    whose target lies outside the folders given is not followed (a failure line each)
    unless ``follow_links``: a corpus must not pull in ``/etc/passwd``. Files of other
    types in the folders are passed to ``on_skipped`` so the run can say what it left
    out; hidden files and the metadata manifest are not documents and are not reported.
    """
    folders = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    for raw in paths:
        root = Path(raw)
        if not os.path.lexists(root):
            yield IngestFailure(raw, "no such file or folder")
            continue
        if root.is_file():
            # A file named on the command line is read even through a link: it was asked for.
            yield FoundFile(root, document_id(root, root), root)
            continue
        if os.path.exists(root) and not root.is_dir():
            yield IngestFailure(raw, "not a regular file or folder")
            continue
        if not root.is_dir():
            yield IngestFailure(raw, _unreachable_reason(root))
            continue
        found_any = False
        for item in _walk(root, folders, follow_links, on_skipped):
            found_any = found_any or isinstance(item, FoundFile)
            yield item
        if not found_any:
            kinds = f"{', '.join(DOCUMENT_SUFFIXES[:-1])} or {DOCUMENT_SUFFIXES[-1]}"
            yield FolderNotice(raw, f"no {kinds} files in this folder")


def _inside(real: str, folders: list[str]) -> bool:
    return any(real == f or real.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def _outside_link(path: str) -> str:
    real = os.path.realpath(path)
    return (
        f"symlink to {real}, outside the folders given: not followed "
        "(use --follow-links to read it)"
    )


def _walk(
    root: Path,
    folders: list[str],
    follow_links: bool,
    on_skipped: Callable[[Path], None] | None = None,
) -> Iterator[FoundFile | IngestFailure]:
    seen_dirs: set[str] = set()
    errors: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:
            yield _walk_failure(errors.pop(0))
        real = os.path.realpath(folder)
        if real in seen_dirs:
            # A symlink pointing back up the tree: report once, do not descend.
            yield IngestFailure(folder, "symlink loop: folder already visited, skipped")
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        if not follow_links:
            kept = []
            for name in sorted(dirnames):
                sub = os.path.join(folder, name)
                if os.path.islink(sub) and not _inside(os.path.realpath(sub), folders):
                    yield IngestFailure(sub, _outside_link(sub))
                else:
                    kept.append(name)
            dirnames[:] = kept
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(folder) / name
            if path.suffix.lower() not in DOCUMENT_SUFFIXES:
                if on_skipped and not name.startswith(".") and name != MANIFEST_NAME:
                    on_skipped(path)
                continue
            if not path.is_file():
                # Dangling or looping symlinks, FIFOs, sockets: never opened.
                yield IngestFailure(str(path), _unreachable_reason(path))
                continue
            if not follow_links and not _inside(os.path.realpath(path), folders):
                yield IngestFailure(str(path), _outside_link(str(path)))
                continue
            yield FoundFile(path, document_id(path, root), root)
    while errors:
        yield _walk_failure(errors.pop(0))


def _walk_failure(error: OSError) -> IngestFailure:
    """A folder the walk could not read (permissions, a path longer than allowed)."""
    where = error.filename or "?"
    if error.errno == errno.EACCES:
        reason = "permission denied: folder not read, its files are missing"
    elif error.errno == errno.ENAMETOOLONG:
        reason = "path longer than the system allows: folder not read"
    else:
        reason = f"folder not read ({error.strerror or error})"
    return IngestFailure(str(where), reason)


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
