"""The NLP stage: one spaCy pipeline, statistical model plus rule components."""

from .pipeline import DEFAULT_MODEL, build_pipeline, load_model, model_name, pipeline_signature

__all__ = ["DEFAULT_MODEL", "build_pipeline", "load_model", "model_name", "pipeline_signature"]
