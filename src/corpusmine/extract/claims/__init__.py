"""Claims: figures, ratings and dated events asserted about a subject, sentence by sentence.

One module per job:

- ``extractor``: ``extract_claims``, the rules run over each sentence and finished;
- ``figures`` (counts, money), ``ratings`` (graded judgements), ``events`` (dated events):
  the rules, each a generator of ``Draft`` records;
- ``subjects``: who a claim is about; ``when``: its time; ``amounts``: the number a
  figure states; ``context``: one parsed document's offsets and lookups;
- the claim words of ``models/`` are ``corpusmine.knowledge.claim_vocabulary()``;
- ``records``: the intermediate records (``Phrase``, ``Amount``, ``Draft``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import Amount, Claim, Draft, Phrase

if TYPE_CHECKING:
    from .extractor import extract_claims

__all__ = ["Amount", "Claim", "Draft", "Phrase", "extract_claims"]


def __getattr__(name: str) -> Any:
    # The rules import spaCy; the analyser, which only reads
    # ``subjects.subject_key`` from here, must not pay a second for it.
    if name == "extract_claims":
        from .extractor import extract_claims

        return extract_claims
    raise AttributeError(name)
