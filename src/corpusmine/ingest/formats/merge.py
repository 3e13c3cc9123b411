"""A file's own properties joined with the explicit metadata, in the order of DESIGN.md:
explicit (header, front matter, manifest) > page or file properties > file name > text."""

from __future__ import annotations

from dataclasses import replace

from ...records import DateSource
from ..metadata import Metadata
from .types import Properties

# Where a date came from when the file gave it: a web page's tags, or the document
# properties of a PDF or Word file.
OWN_DATE_SOURCE = {"html": DateSource.PAGE, "pdf": DateSource.PROPERTIES}


def merge_properties(metadata: Metadata, properties: Properties, format_name: str) -> Metadata:
    """``metadata`` with what it leaves open filled from the file's own ``properties``."""
    date, date_source = metadata.date, metadata.date_source
    if properties.date and not date_source.explicit:
        date, date_source = properties.date, OWN_DATE_SOURCE.get(format_name, DateSource.PROPERTIES)
    return replace(
        metadata,
        title=metadata.title or properties.title,
        date=date,
        date_source=date_source,
        source=metadata.source or properties.site,
    )
