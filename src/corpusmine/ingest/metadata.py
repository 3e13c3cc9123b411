"""Explicit document metadata: a ``date YYYY-MM-DD`` header, YAML front matter, a manifest.

Explicit metadata beats anything inferred from the text; each value records where it
came from so the report can say so.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..knowledge import kind_names
from ..records import DateSource, DocumentKind

MANIFEST_NAME = "corpusmine.csv"

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
    """Metadata of one document: in-file header or front matter first, then manifest."""
    in_file = _in_file_metadata(text)
    manifest = _manifest_row(path, root)
    if not manifest:
        return in_file
    date, date_source = in_file.date, in_file.date_source
    if date is None and _valid_date(manifest.get("date")):
        date, date_source = manifest["date"].strip(), DateSource.MANIFEST
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
        rows = _manifest(folder / MANIFEST_NAME)
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


@cache
def _manifest(manifest: Path) -> dict[str, dict[str, str]]:
    if not manifest.is_file():
        return {}
    with open(manifest, encoding="utf-8-sig", newline="") as handle:
        return {
            (row.get("path") or "").strip(): {k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(handle)
            if row.get("path")
        }


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
