"""The NLP stage: one spaCy pipeline, statistical model plus rule components."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .signature import DEFAULT_MODEL, model_name, pipeline_signature

if TYPE_CHECKING:
    from .pipeline import build_pipeline, load_model

__all__ = ["DEFAULT_MODEL", "build_pipeline", "load_model", "model_name", "pipeline_signature"]


def __getattr__(name: str) -> Any:
    # Importing spaCy takes a second; an unchanged re-run must not pay for it.
    if name in ("build_pipeline", "load_model"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
