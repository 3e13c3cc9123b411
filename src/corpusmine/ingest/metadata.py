"""Document metadata: a ``date YYYY-MM-DD`` header, YAML front matter, a manifest, a date
in the file or folder name.

Order (DESIGN.md): explicit (header, front matter, manifest) > page or file metadata >
file name > inferred from the text. Each value records where it came from so the report
can say so. A manifest is ``corpusmine.csv`` (``path,date,title,source,kind``) or any
CSV/TSV in the document's folder or above it with a file-name column and a date column
(``filename``/``publication_date``, as many corpora ship).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml

from ..knowledge import kind_names
from ..records import DateSource, DocumentKind

MANIFEST_NAME = "corpusmine.csv"
# Where a date came from, strongest first; those given (not inferred from the text)
# place a document in time well enough to compare its claims with another's.
DATE_SOURCES = tuple(DateSource)
EXPLICIT_DATE_SOURCES = frozenset(source for source in DateSource if source.given)
# Other manifests: how far above the folder given to ``extract`` to look, and how big.
_MANIFEST_LEVELS_ABOVE_ROOT = 2
_MANIFEST_MAX_BYTES = 20 * 1024 * 1024

_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Metadata:
    """Metadata read from the file or its manifest; ``body_start`` skips the header."""

    body_start: int = 0
    title: str | None = None
    date: str | None = None
    date_source: DateSource = DateSource.NONE
    source: str | None = None
    kind: DocumentKind | None = None


def read_metadata(text: str, path: Path, root: Path) -> Metadata:
    """Metadata of one document: in-file header or front matter first, then a manifest,
    then a date in the file or folder name."""
    in_file = _in_file_metadata(text)
    manifest = _manifest_row(path, root) or _other_manifest_row(path, root) or {}
    date, date_source = in_file.date, in_file.date_source
    if date is None and _valid_date(manifest.get("date")):
        date, date_source = manifest["date"].strip(), DateSource.MANIFEST
    if date is None:
        date = date_in_name(path, root)
        date_source = DateSource.FILE_NAME if date else DateSource.NONE
    if not manifest:
        return replace(in_file, date=date, date_source=date_source)
    return Metadata(
        body_start=in_file.body_start,
        title=in_file.title or (manifest.get("title") or None),
        date=date,
        date_source=date_source,
        source=in_file.source or (manifest.get("source") or None),
        kind=in_file.kind or _kind(manifest.get("kind")),
    )


def _in_file_metadata(text: str) -> Metadata:
    header = _DATE_HEADER.match(text)
    if header and _valid_date(header.group(1)):
        return Metadata(
            body_start=header.end(), date=header.group(1), date_source=DateSource.HEADER
        )
    front = _FRONT_MATTER.match(text)
    if front:
        try:
            fields = yaml.safe_load(front.group(1))
        except yaml.YAMLError:
            fields = None
        if isinstance(fields, dict):
            raw_date = fields.get("date")
            date = _iso(raw_date)
            return Metadata(
                body_start=front.end(),
                title=_text(fields.get("title")),
                date=date,
                date_source=DateSource.FRONT_MATTER if date else DateSource.NONE,
                source=_text(fields.get("source")),
                kind=_kind(fields.get("kind")),
            )
    return Metadata()


def _manifest_row(path: Path, root: Path) -> dict[str, str] | None:
    """The manifest row for ``path``, looking in its folder and then up to ``root``."""
    folder = path.parent
    stop = root if root.is_dir() else path.parent
    while True:
        manifest = folder / MANIFEST_NAME
        rows = _manifest(manifest, _stamp(manifest))
        if rows:
            try:
                key = path.relative_to(folder).as_posix()
            except ValueError:
                key = path.name
            for candidate in (key, Path(key).with_suffix("").as_posix(), path.name):
                if candidate in rows:
                    return rows[candidate]
        if folder == stop or folder.parent == folder:
            return None
        folder = folder.parent


def _stamp(path: Path) -> tuple[int, int] | None:
    """What the caches below are keyed by beside the path: a manifest edited (or a folder
    given a new file) between two runs in one process is read again, not served stale."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@cache
def _manifest(manifest: Path, stamp: tuple[int, int] | None) -> dict[str, dict[str, str]]:
    if stamp is None or not manifest.is_file():
        return {}
    with open(manifest, encoding="utf-8-sig", newline="") as handle:
        return {
            (row.get("path") or "").strip(): {k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(handle)
            if row.get("path")
        }


# A calendar date inside a path: "nyt_2016-10-23_x", "2025/01/21/x", "minutes-20230314".
# The digits may not run on, so ids such as "x123456789" are not read as dates.
_NAME_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)


def date_in_name(path: Path, root: Path) -> str | None:
    """The ISO date a file or folder name gives, looking in the path below the folder
    given to ``extract`` and then in that folder's own name."""
    try:
        relative = path.relative_to(root).as_posix() if root.is_dir() else path.name
    except ValueError:
        relative = path.name
    for text in (relative, root.name if root.is_dir() else ""):
        for match in _NAME_DATE.finditer(text):
            year, _, month, day = match.groups()
            try:
                return dt.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                continue
    return None


# Column names of other manifests (lower case, "_" for spaces and hyphens).
_FILE_COLUMNS = ("path", "filename", "file_name", "file", "filepath", "file_path", "name",
                 "document", "doc", "doc_id", "id")  # fmt: skip
_DATE_COLUMNS = ("date", "publication_date", "published", "pub_date", "published_at",
                 "publish_date", "date_published", "datetime", "created", "timestamp")  # fmt: skip
_TITLE_COLUMNS = ("title", "headline")
_SOURCE_COLUMNS = ("source", "publisher", "outlet", "publication", "site", "newspaper")
_LOOSE_DATE = re.compile(r"\A\s*([0-9]{4})[-/.]?([0-9]{2})[-/.]?([0-9]{2})(?![0-9])")


def _other_manifest_row(path: Path, root: Path) -> dict[str, str] | None:
    """The row naming ``path`` in a CSV/TSV manifest of another shape, in the file's folder
    or above it (up to two folders above the one given to ``extract``)."""
    stop = root if root.is_dir() else path.parent
    for _ in range(_MANIFEST_LEVELS_ABOVE_ROOT):
        if stop.parent == stop:
            break
        stop = stop.parent
    folder = path.parent
    keys = _name_keys(path, root)
    while True:
        for manifest in _manifests_in(folder, _stamp(folder)):
            rows = _table_manifest(manifest, _stamp(manifest))
            for key in keys:
                if key in rows:
                    return rows[key]
        if folder == stop or folder.parent == folder:
            return None
        folder = folder.parent


def _name_keys(path: Path, root: Path) -> tuple[str, ...]:
    try:
        relative = path.relative_to(root).as_posix() if root.is_dir() else path.name
    except ValueError:
        relative = path.name
    return (relative, Path(relative).with_suffix("").as_posix(), path.name, path.stem)


@cache
def _manifests_in(folder: Path, stamp: tuple[int, int] | None) -> tuple[Path, ...]:
    try:
        found = [
            p for p in folder.iterdir()
            if p.suffix.lower() in (".csv", ".tsv") and p.name != MANIFEST_NAME and p.is_file()
            and p.stat().st_size <= _MANIFEST_MAX_BYTES
        ]  # fmt: skip
    except OSError:
        return ()
    return tuple(sorted(found))


@cache
def _table_manifest(manifest: Path, stamp: tuple[int, int] | None) -> dict[str, dict[str, str]]:
    """Rows keyed by file name, with ``date``, ``title``, ``source`` when the table has a
    file-name column and a date column; {} for any other table."""
    try:
        with open(manifest, encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
            reader = csv.DictReader(handle, delimiter=delimiter)
            columns = {_column(c): c for c in reader.fieldnames or () if c}
            file_col = next((columns[c] for c in _FILE_COLUMNS if c in columns), None)
            date_col = next((columns[c] for c in _DATE_COLUMNS if c in columns), None)
            if file_col is None or date_col is None:
                return {}
            title_col = next((columns[c] for c in _TITLE_COLUMNS if c in columns), None)
            source_col = next((columns[c] for c in _SOURCE_COLUMNS if c in columns), None)
            rows: dict[str, dict[str, str]] = {}
            for row in reader:
                name = (row.get(file_col) or "").strip()
                if not name:
                    continue
                rows.setdefault(
                    name,
                    {
                        "date": _loose_date(row.get(date_col)) or "",
                        "title": (row.get(title_col) or "").strip() if title_col else "",
                        "source": (row.get(source_col) or "").strip() if source_col else "",
                    },
                )
            return rows
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}


def _column(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def _loose_date(value: str | None) -> str | None:
    """An ISO day from "2016-10-23", "2016/10/23", "20161023" or "2016-10-23T08:00"."""
    match = _LOOSE_DATE.match(value or "")
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None


def _valid_date(value: str | None) -> bool:
    if not value:
        return False
    try:
        dt.date.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


def _iso(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _valid_date(value):
        return value.strip()
    return None


def _text(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _kind(value: object) -> DocumentKind | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return kind_names().get(value.strip().lower(), DocumentKind.OTHER)
