"""Dates as page metadata and document properties write them, reduced to ISO days."""

from __future__ import annotations

import datetime as dt
import re

# ISO 8601 and its common web variants: 2020-04-10, 2020-04-10T17:58:15+01:00,
# 2012-04-17 14:54, 20200816 (a day as eight digits).
_ISO_DAY = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_]|[+-]\d{2}|Z)")
# PDF dates: D:YYYYMMDDHHmmSS+HH'mm' (everything after the year optional).
_PDF_DATE = re.compile(r"\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def iso_day(value: object) -> str | None:
    """``YYYY-MM-DD`` of a date, a datetime or an ISO-like string, else None.

    The day is the one written (the publisher's local day), not converted to UTC.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value)
    if not match:
        return None
    return _valid(*match.groups())


def pdf_day(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of a PDF date string (``D:20230314100000Z``), else None."""
    if not value:
        return None
    match = _PDF_DATE.match(value)
    if not match or not match.group(2) or not match.group(3):
        return iso_day(value)
    return _valid(*match.groups())


def _valid(year: str, month: str, day: str) -> str | None:
    try:
        day_value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    # Authoring tools write 1970 or 1601 for "no date".
    return day_value.isoformat() if day_value.year >= 1980 else None
