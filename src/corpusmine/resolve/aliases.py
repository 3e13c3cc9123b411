"""User corrections: an aliases file of (canonical name, alias) pairs.

Every alias listed under one canonical name is that entity; names listed under
different canonical names are never merged. So one file both merges ("Jason Smithers,
J.S.") and splits ("Independent Fostering Agency, IFA" takes IFA away from the entity it
was merged into). Formats:

CSV, one pair a line (an optional ``canonical,alias`` header; ``#`` comments)::

    canonical,alias
    Jason Smithers,J.S.

YAML, a mapping of canonical name to one alias or a list, or a list of pairs::

    Jason Smithers: [J.S., Jay Smithers]
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml

from ..errors import CorpusmineError

# A corrections file is typed by hand: a megabyte is tens of thousands of pairs.
MAX_ALIAS_FILE_BYTES = 1_048_576


class AliasFileError(CorpusmineError):
    """An aliases file that cannot be read; the message names the file and line."""


def load_alias_file(path: str) -> list[tuple[str, str]]:
    """Read ``path`` (YAML or CSV) into (canonical, alias) pairs.

    Refused with one line: a file over ``MAX_ALIAS_FILE_BYTES``, YAML anchors or aliases
    (a few hundred bytes of nested aliases expand to gigabytes), and an alias listed
    under two canonical names (which one would win is only the order of the lines).
    """
    try:
        size = Path(path).stat().st_size
        if size > MAX_ALIAS_FILE_BYTES:
            raise AliasFileError(
                f"{path}: aliases file is {size:,} bytes, over the "
                f"{MAX_ALIAS_FILE_BYTES:,}-byte limit; split it or remove unused lines"
            )
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise AliasFileError(f"{path}: cannot read aliases file ({error})") from error
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        pairs = _from_yaml(path, text)
    elif suffix in (".csv", ".txt", ""):
        pairs = _from_csv(path, text)
    else:
        raise AliasFileError(f"{path}: aliases file must end in .csv, .yaml or .yml")
    _refuse_conflicts(path, pairs)
    return pairs


def _refuse_conflicts(path: str, pairs: list[tuple[str, str]]) -> None:
    """One alias under two canonical names: name both, once, and stop."""
    owners: dict[str, list[str]] = {}
    for canonical, alias in pairs:
        listed = owners.setdefault(alias.casefold(), [])
        if canonical not in listed:
            listed.append(canonical)
    conflicts = {alias: names for alias, names in owners.items() if len(names) > 1}
    if conflicts:
        alias, names = next(iter(conflicts.items()))
        more = f" (and {len(conflicts) - 1} more conflicting aliases)" if len(conflicts) > 1 else ""
        raise AliasFileError(
            f"{path}: alias '{alias}' is listed under both "
            + " and ".join(f"'{n}'" for n in names)
            + f"{more}; keep it under one canonical name"
        )


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors (&a) and aliases (*a)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AnchorFound(event.start_mark.line + 1)
        return super().compose_node(parent, index)


class _AnchorFound(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _from_csv(path: str, text: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = next(csv.reader(io.StringIO(line)))
        except csv.Error as error:
            raise AliasFileError(f"{path}:{number}: not valid CSV ({error})") from error
        row = [_clean(cell) for cell in row]
        if len(row) != 2 or not all(row):
            raise AliasFileError(
                f"{path}:{number}: expected 'canonical name,alias', got {line.strip()!r}"
            )
        if number == 1 and [c.lower() for c in row] == ["canonical", "alias"]:
            continue
        pairs.append((row[0], row[1]))
    return pairs


def _from_yaml(path: str, text: str) -> list[tuple[str, str]]:
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except _AnchorFound as found:
        raise AliasFileError(
            f"{path}:{found.line}: YAML anchors and aliases (&name, *name) are not allowed in "
            "an aliases file; write each name out"
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise AliasFileError(f"{path}{where}: not valid YAML") from error
    if data is None:
        return []
    pairs: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for canonical, aliases in data.items():
            values = aliases if isinstance(aliases, list) else [aliases]
            for alias in values:
                if not _clean(canonical) or not _clean(alias) or isinstance(alias, dict | list):
                    raise AliasFileError(
                        f"{path}: entry {canonical!r} must map to an alias or a list of aliases"
                    )
                pairs.append((_clean(canonical), _clean(alias)))
        return pairs
    if isinstance(data, list):
        for number, item in enumerate(data, start=1):
            if isinstance(item, dict) and {"canonical", "alias"} <= set(item):
                pair = (_clean(item["canonical"]), _clean(item["alias"]))
            elif isinstance(item, list) and len(item) == 2:
                pair = (_clean(item[0]), _clean(item[1]))
            else:
                pair = ("", "")
            if not all(pair):
                raise AliasFileError(
                    f"{path}: item {number} must be [canonical, alias] or "
                    "{canonical: ..., alias: ...}"
                )
            pairs.append(pair)
        return pairs
    raise AliasFileError(f"{path}: expected a mapping of canonical names to aliases")
