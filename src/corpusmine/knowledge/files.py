"""Where the knowledge files are, and their raw contents (each file parsed once).

The typed loaders of this package build on these; other code asks them, not the files.
"""

from __future__ import annotations

import csv
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml


def models_dir() -> Path:
    """The folder holding the knowledge files (``CORPUSMINE_MODELS`` overrides it)."""
    override = os.environ.get("CORPUSMINE_MODELS")
    if override:
        return Path(override)
    # Package data (a link to the top-level folder in a checkout, a copy when installed).
    packaged = Path(__file__).parent.parent / "models"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "models"


def hash_models(digest: Any) -> None:
    """Feed every knowledge file (name and bytes, in name order) into a hashlib digest:
    what a stored result made from them is keyed by."""
    for path in sorted(models_dir().glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())


@cache
def load_yaml(name: str) -> Any:
    """Parsed content of ``models/<name>`` (YAML)."""
    with open(models_dir() / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Records of ``models/<name>`` (one JSON object a line; ``//`` lines are comments)."""
    rows = []
    with open(models_dir() / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("//"):
                rows.append(json.loads(line))
    return tuple(rows)


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``models/<name>`` (CSV with a header line; ``#`` lines are comments)."""
    with open(models_dir() / name, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    return tuple(csv.DictReader(lines))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``models/<name>``."""
    with open(models_dir() / name, encoding="utf-8") as handle:
        return tuple(
            line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")
        )
